// `npm start`: builds dist/ if an input changed since the last build (build-if-stale.mjs), then
// runs the server in this same process, which saves a restart the start of a second Node.js.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildIfStale } from './build-if-stale.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
buildIfStale(root);
await import(path.join(root, 'dist', 'main.js'));
