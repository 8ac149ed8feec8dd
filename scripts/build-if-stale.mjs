// `npm start` (scripts/start.mjs) runs this first: it builds src/ into dist/ only when an input
// changed since the last build, so a restart serves at once. "Changed" is decided by content, not
// by timestamps: a hash of every .ts, .tsx, .css and .json file under src/ (paths included, so an added or removed file
// counts), the build script and package-lock.json (the bundle holds the dependencies' code), kept
// in dist/ after a successful build. Plain JavaScript, so it runs without tsx.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from './build.mjs';

export const HASH_FILE = path.join('dist', '.source-hash');
const ENTRY = path.join('dist', 'main.js');
const INPUTS = ['scripts/build.mjs', 'package-lock.json'];

function sourceFiles(dir, found = []) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) sourceFiles(file, found);
    else if (/\.(ts|tsx|css|json)$/.test(entry.name)) found.push(file);
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
  for (const file of [...files, ...INPUTS]) {
    hash.update(`${file}\0`).update(readOr(path.join(root, file), '<absent>')).update('\0');
  }
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

function bundle(root) {
  try {
    build(path.join(root, 'dist'));
    return true;
  } catch (error) {
    process.stderr.write(`${error.message}\n`);
    return false;
  }
}

/** Builds when stale; records the hash only after a build that succeeded. */
export function ensureBuilt(root, builder = bundle) {
  const state = buildState(root);
  if (!state.stale) return { built: false, reason: state.reason };
  if (!builder(root)) throw new Error(`the build failed (${state.reason})`);
  fs.mkdirSync(path.join(root, 'dist'), { recursive: true });
  fs.writeFileSync(path.join(root, HASH_FILE), `${state.hash}\n`);
  return { built: true, reason: state.reason };
}

/** Builds dist/ when stale, saying so on stderr; exits with 1 when the build fails. */
export function buildIfStale(root) {
  try {
    const { built, reason } = ensureBuilt(root);
    if (built) process.stderr.write(`roster: built src/ into dist/ (${reason})\n`);
  } catch (error) {
    process.stderr.write(`roster: ${error.message}\n`);
    process.exit(1);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  buildIfStale(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..'));
}
