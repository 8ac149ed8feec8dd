// One test worker process of scripts/test.mjs: asks the runner for a test file, runs it in this
// process as a suite named after the file, and asks for the next, until the runner answers null.
// Files share the process, so the application's modules, the compiled PGlite and the strength
// threads load once per worker instead of once per file. Needs `--import tsx`.
import path from 'node:path';
import { describe } from 'node:test';
import { pathToFileURL } from 'node:url';

function next() {
  return new Promise((resolve) => {
    process.once('message', resolve);
    process.send({ ready: true });
  });
}

for (let file = await next(); file !== null; file = await next()) {
  // The file's own describe blocks become this suite's children, so the runner hears when the
  // whole file is done (scripts/test-events.mjs) and a failed import fails only this file.
  await describe(file, () => import(pathToFileURL(path.resolve(file)).href));
}
process.disconnect();
