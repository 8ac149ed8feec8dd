// A node:test reporter for the worker processes of scripts/test.mjs: it sends the runner, over
// the worker's IPC channel, each test's outcome (with the error of a failure, so the runner can
// show it even when the worker dies later) and each file's end (a top-level suite is a file, see
// scripts/test-worker.mjs). It writes nothing; the spec reporter writes the readable log.
import { inspect } from 'node:util';

/** The error a failure is about; a suite failing only because its tests failed has none. */
function failureOf(error) {
  if (!error || error.failureType === 'subtestsFailed') return undefined;
  return inspect(error.failureType === 'testCodeFailure' && error.cause ? error.cause : error, { depth: 4 });
}

export default async function* testEvents(source) {
  for await (const { type, data } of source) {
    if ((type !== 'test:pass' && type !== 'test:fail') || !process.connected) continue;
    const ok = type === 'test:pass';
    const error = ok ? undefined : failureOf(data.details?.error);
    if (data.nesting === 0) {
      process.send({ file: data.name, ok, ms: data.details?.duration_ms ?? 0, error });
    } else if (data.details?.type === 'suite' && data.skip) {
      // A whole suite skipped (the browser tests without a Chromium): the runner says why.
      process.send({ skippedSuite: data.name, reason: typeof data.skip === 'string' ? data.skip : 'skipped' });
    } else if (data.details?.type !== 'suite' || error) {
      const counted = data.details?.type !== 'suite';
      process.send({ test: data.name, counted, ok, skip: Boolean(data.skip), todo: Boolean(data.todo), error });
    }
  }
  yield '';
}
