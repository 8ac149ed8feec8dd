#!/usr/bin/env node
// The `roster` command: builds dist/ if the sources changed (as `npm start` does), then runs the
// CLI from its bundle.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildIfStale } from '../scripts/build-if-stale.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
buildIfStale(root);
const { run } = await import(path.join(root, 'dist', 'cli.js'));
process.exitCode = await run(process.argv.slice(2));
