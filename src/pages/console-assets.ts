// The admin console's script and stylesheet. A built service (npm start) serves the bundle
// scripts/build.mjs wrote beside dist/main.js; run from source (tests, development) the console
// is bundled in memory on first use, with the same esbuild options.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
// The bundle's options, shared with scripts/build.mjs.
import CONSOLE_BUILD from '../console/build-options.json' with { type: 'json' };

export interface ConsoleAssets {
  script: string;
  style: string;
}

const HERE = path.dirname(fileURLToPath(import.meta.url));
const SOURCE = path.resolve(HERE, '..', 'console');

let cached: ConsoleAssets | undefined;

export function consoleAssets(): ConsoleAssets {
  if (cached) return cached;
  const built = path.join(HERE, 'console.js');
  if (fs.existsSync(built)) {
    cached = { script: fs.readFileSync(built, 'utf8'), style: fs.readFileSync(path.join(HERE, 'console.css'), 'utf8') };
    return cached;
  }
  // Loaded only here: a built service never needs esbuild at run time.
  const esbuild = createRequire(import.meta.url)('esbuild') as typeof import('esbuild');
  const result = esbuild.buildSync({ ...(CONSOLE_BUILD as import('esbuild').BuildOptions), entryPoints: [path.join(SOURCE, 'main.tsx')], write: false, outdir: 'out' });
  const script = result.outputFiles.find((f) => f.path.endsWith('.js'))!.text;
  cached = { script, style: fs.readFileSync(path.join(SOURCE, 'console.css'), 'utf8') };
  return cached;
}
