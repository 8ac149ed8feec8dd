// Types for build-if-stale.mjs, so tests written in TypeScript can import it.
export declare const HASH_FILE: string;
export declare function sourceHash(root: string): string;
export declare function buildState(root: string): { stale: boolean; reason: string; hash: string };
export declare function ensureBuilt(root: string, builder?: (root: string) => boolean): { built: boolean; reason: string };
export declare function buildIfStale(root: string): void;
