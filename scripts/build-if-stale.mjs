// `npm start` runs this first: it compiles src/ into dist/ only when the sources changed since
// the last build, so a restart serves at once instead of waiting for tsc. "Changed" is decided by
// content, not by timestamps: a hash of every .ts file under src/ (paths included, so an added or
// removed file counts), the tsconfig files and the TypeScript version, kept in dist/ after a
// successful build. Plain JavaScript, so it runs without tsx or a compile of its own.
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const HASH_FILE = path.join('dist', '.source-hash');
const ENTRY = path.join('dist', 'main.js');
const CONFIGS = ['tsconfig.json', 'tsconfig.build.json'];

function sourceFiles(dir, found = []) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) sourceFiles(file, found);
    else if (entry.name.endsWith('.ts')) found.push(file);
  }
  return found;
}

function readOr(file, fallback) {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return fallback;
  }
}

/** The hash of everything the build's output depends on. */
export function sourceHash(root) {
  const hash = createHash('sha256');
  const files = sourceFiles(path.join(root, 'src')).map((file) => path.relative(root, file)).sort();
  for (const file of [...files, ...CONFIGS]) {
    hash.update(`${file}\0`).update(readOr(path.join(root, file), '<absent>')).update('\0');
  }
  const typescript = readOr(path.join(root, 'node_modules', 'typescript', 'package.json'), '{}');
  hash.update(`typescript ${JSON.parse(typescript).version ?? 'unknown'}`);
  return hash.digest('hex');
}

/** Whether dist/ must be rebuilt, and why. */
export function buildState(root) {
  const hash = sourceHash(root);
  if (!fs.existsSync(path.join(root, ENTRY))) return { stale: true, reason: 'no build yet', hash };
  const built = readOr(path.join(root, HASH_FILE), '').trim();
  if (built !== hash) return { stale: true, reason: built ? 'sources changed' : 'no record of the last build', hash };
  return { stale: false, reason: 'up to date', hash };
}

function tsc(root) {
  const bin = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  const result = spawnSync(process.execPath, [bin, '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
  return result.status === 0;
}

/** Builds when stale; records the hash only after a build that succeeded. */
export function ensureBuilt(root, build = tsc) {
  const state = buildState(root);
  if (!state.stale) return { built: false, reason: state.reason };
  if (!build(root)) throw new Error(`the build failed (${state.reason})`);
  fs.mkdirSync(path.join(root, 'dist'), { recursive: true });
  fs.writeFileSync(path.join(root, HASH_FILE), `${state.hash}\n`);
  return { built: true, reason: state.reason };
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  try {
    const { built, reason } = ensureBuilt(root);
    if (built) process.stderr.write(`roster: compiled src/ into dist/ (${reason})\n`);
  } catch (error) {
    process.stderr.write(`roster: ${error.message}\n`);
    process.exit(1);
  }
}
