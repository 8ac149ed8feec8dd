// `npm run build`: bundles src/ into dist/main.js (and beside it the strength-check thread's
// module, the CLI and the typed client) with esbuild. A restart then loads two files instead of some thousand modules, a third of
// its time; type checking stays with tsc (`npm run typecheck`, part of `npm test`).
//
//   node scripts/build.mjs [OUTDIR]   (default: dist)
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// Left to Node's resolution at run time: packages that read files of their own next to their
// code (PGlite's wasm and data files, swagger-ui's assets), a native addon, and pg's optional one.
const EXTERNAL = ['@electric-sql/pglite', '@node-rs/argon2', '@node-rs/bcrypt', '@fastify/swagger-ui', 'pg-native'];

/** Builds synchronously (npm start builds before it imports the result); throws on errors. */
export function build(outdir = path.join(ROOT, 'dist')) {
  // Loaded here, not at the top: a start with an up-to-date dist/ never needs esbuild.
  const esbuild = createRequire(import.meta.url)('esbuild');
  fs.rmSync(outdir, { recursive: true, force: true }); // nothing of an older build lingers
  esbuild.buildSync({
    absWorkingDir: ROOT,
    entryPoints: [
      { in: 'src/main.ts', out: 'main' },
      { in: 'src/credentials/strength.worker.ts', out: 'strength.worker' },
      // The `roster` command (bin/roster.mjs) and the typed client (`roster/client`).
      { in: 'src/cli/main.ts', out: 'cli' },
      { in: 'src/client/index.ts', out: 'client' },
    ],
    outdir,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: EXTERNAL,
    sourcemap: true,
    minifyWhitespace: true, // a third less to read and parse at every start; names stay
    logLevel: 'warning',
    // Bundled CommonJS packages call require(); an ES module has none of its own.
    banner: { js: "import { createRequire as __rosterRequire } from 'node:module'; const require = __rosterRequire(import.meta.url);" },
  });
  buildConsole(esbuild, outdir);
}

/** The admin console: a browser bundle and its stylesheet beside main.js (src/pages/console-assets.ts reads them). */
function buildConsole(esbuild, outdir) {
  // The same options as the in-memory build src/pages/console-assets.ts makes when run from source.
  const options = JSON.parse(fs.readFileSync(path.join(ROOT, 'src', 'console', 'build-options.json'), 'utf8'));
  esbuild.buildSync({ ...options, absWorkingDir: ROOT, entryPoints: [{ in: 'src/console/main.tsx', out: 'console' }], outdir, logLevel: 'warning' });
  fs.copyFileSync(path.join(ROOT, 'src', 'console', 'console.css'), path.join(outdir, 'console.css'));
}

if (import.meta.url === pathToFileURL(path.resolve(process.argv[1] ?? '')).href) {
  build(process.argv[2] ? path.resolve(process.argv[2]) : undefined);
}
