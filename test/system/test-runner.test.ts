// `npm test`'s runner (scripts/test.mjs): files run in shared worker processes, and still each
// failure, load error and hang is reported against its own file, with the exit code CI reads.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const ROOT = new URL('../../', import.meta.url).pathname;
const FIXTURES = 'test/support/runner-fixtures';
const run = promisify(execFile);

async function runner(files: string[], env: Record<string, string> = {}) {
  const scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'roster-runner-'));
  try {
    const options = {
      cwd: ROOT,
      env: { ...process.env, ROSTER_TEST_OUTPUT: path.join(scratch, 'out'), ROSTER_TEST_TIMES: path.join(scratch, 'times.json'), ...env },
    };
    const args = ['scripts/test.mjs', '--no-typecheck', '--jobs', '2', ...files.map((file) => `${FIXTURES}/${file}`)];
    const result = await run(process.execPath, args, options).then(
      ({ stdout }) => ({ code: 0, stdout }),
      (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
    );
    const times = JSON.parse(await fs.readFile(path.join(scratch, 'times.json'), 'utf8')) as Record<string, number>;
    return { ...result, times };
  } finally {
    await fs.rm(scratch, { recursive: true, force: true });
  }
}

describe('the test runner', () => {
  it('passes when every file passes, and counts the tests', async () => {
    const { code, stdout, times } = await runner(['passes.fixture.ts']);
    assert.equal(code, 0, stdout);
    assert.match(stdout, /^✔ +\d+\.\ds test\/support\/runner-fixtures\/passes\.fixture\.ts$/m);
    assert.match(stdout, /^1 files, 2 tests: 2 passed, 0 failed, 0 skipped, 0 todo · 2 workers · /m);
    assert.deepEqual(Object.keys(times), [`${FIXTURES}/passes.fixture.ts`]);
  });

  it('fails with exit 1, naming each failed file and showing the failure, and runs the rest', async () => {
    const { code, stdout, times } = await runner(['fails.fixture.ts', 'broken.fixture.mjs', 'hangs.fixture.ts', 'passes.fixture.ts'], {
      ROSTER_TEST_FILE_TIMEOUT: '2',
    });
    assert.equal(code, 1, stdout);
    assert.match(stdout, /^✔ .* test\/support\/runner-fixtures\/passes\.fixture\.ts$/m);
    assert.match(stdout, /^✖ .* test\/support\/runner-fixtures\/fails\.fixture\.ts$/m);
    assert.match(stdout, /^✖ .* test\/support\/runner-fixtures\/broken\.fixture\.mjs$/m);
    assert.match(stdout, /^✖ .* test\/support\/runner-fixtures\/hangs\.fixture\.ts: timed out after 2\.0s/m);
    assert.match(stdout, /✖ test\/support\/runner-fixtures\/fails\.fixture\.ts › adds up wrongly\n[\s\S]*2 !== 3/);
    assert.match(stdout, /✖ test\/support\/runner-fixtures\/broken\.fixture\.mjs\n.*Cannot find module .*nowhere\.mjs/);
    assert.match(stdout, /^4 files, 4 tests: 3 passed, 1 failed/m);
    assert.match(stdout, /^failed files: .*fails\.fixture\.ts/m);
    assert.deepEqual(Object.keys(times), [`${FIXTURES}/passes.fixture.ts`], 'only passing files are timed');
  });

  it('fails the run when a worker stays alive after its last file, naming the files it ran', async () => {
    const { code, stdout } = await runner(['lingers.fixture.ts'], { ROSTER_TEST_EXIT_TIMEOUT: '1' });
    assert.equal(code, 1, stdout);
    assert.match(stdout, /^✔ .* test\/support\/runner-fixtures\/lingers\.fixture\.ts$/m);
    assert.match(stdout, /✖ worker 1 did not exit within 1\.0s of its last file: a test left something open .*\n +test\/support\/runner-fixtures\/lingers\.fixture\.ts/);
    assert.match(stdout, /^a worker did not exit/m);
  });
});
