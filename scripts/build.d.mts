/** Bundles src/ into `outdir` (default: dist/); throws when the build fails. */
export function build(outdir?: string): void;
