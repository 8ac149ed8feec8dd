// The real entry point: the bundle `npm start` builds and runs (scripts/build.mjs), in a process
// configured only through the environment.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { basic } from '../support/client.ts';
import { build } from '../../scripts/build.mjs';

// Inside the checkout, so the bundle finds node_modules and src/store/migrations as dist/ does.
const OUT = new URL(`../../node_modules/.cache/roster-tests/dist-${process.pid}/`, import.meta.url).pathname;
const MAIN = path.join(OUT, 'main.js');
const ADMIN = { username: 'root', password: 'violet-harbour-ninety-lantern' };

interface Running {
  child: ChildProcess;
  address: string;
  output: string[];
}

function run(env: Record<string, string>): Promise<Running> {
  const child = spawn(process.execPath, [MAIN], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATABASE_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  return new Promise((resolve, reject) => {
    let buffer = '';
    child.stdout!.on('data', (chunk) => {
      buffer += chunk;
      let newline;
      while ((newline = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 1);
        output.push(line);
        const address = /"address":"([^"]+)"/.exec(line)?.[1];
        if (address) resolve({ child, address, output });
      }
    });
    child.stderr!.on('data', (chunk) => output.push(String(chunk)));
    child.on('exit', (code) => reject(new Error(`exited with ${code}: ${output.join('\n')}`)));
  });
}

async function stop(running: Running): Promise<number | null> {
  running.child.removeAllListeners('exit');
  const exited = once(running.child, 'exit');
  running.child.kill('SIGTERM');
  const [code] = await exited;
  return code as number | null;
}

describe('main (the npm start process)', async () => {
  before(() => build(OUT));
  after(() => fs.rm(OUT, { recursive: true, force: true }));
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'roster-main-'));
  after(() => fs.rm(dataDir, { recursive: true, force: true }));
  const env = { ROSTER_DATA_DIR: dataDir, ROSTER_ADMIN_USERNAME: ADMIN.username, ROSTER_ADMIN_PASSWORD: ADMIN.password };
  const auth = basic(ADMIN.username, ADMIN.password);

  it('provisions from the environment, serves, and keeps data across a restart', async () => {
    const first = await run(env);
    try {
      const state = await fetch(`${first.address}/api/v1/system/state`).then((r) => r.json());
      assert.deepEqual(state, { state: 'operational' });
      const created = await fetch(`${first.address}/api/v1/users`, {
        method: 'POST',
        headers: { authorization: auth, 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'durable-dora', email: 'dora@example.com' }),
      });
      assert.equal(created.status, 201);
    } finally {
      assert.equal(await stop(first), 0);
    }
    const second = await run(env);
    try {
      const res = await fetch(`${second.address}/api/v1/users?filter=${encodeURIComponent('username eq "durable-dora"')}`, {
        headers: { authorization: auth },
      });
      assert.equal(res.status, 200);
      const body = (await res.json()) as { items: { email: string }[] };
      assert.deepEqual(body.items.map((u) => u.email), ['dora@example.com']);
      assert.ok(!second.output.join('\n').includes(ADMIN.password), 'the admin password is never logged');
      // The built service serves the console from its bundle, beside dist/main.js.
      const script = await fetch(`${second.address}/console/assets/console.js`);
      assert.deepEqual([script.status, script.headers.get('content-type')], [200, 'text/javascript; charset=utf-8']);
      assert.ok((await script.text()).length > 10_000);
      assert.equal((await fetch(`${second.address}/console/assets/console.css`)).status, 200);
    } finally {
      assert.equal(await stop(second), 0);
    }
  });

  it('refuses to start with half of the admin credentials, saying why', async () => {
    await assert.rejects(run({ ROSTER_DATA_DIR: dataDir, ROSTER_ADMIN_USERNAME: 'root' }), (error: Error) => {
      assert.match(error.message, /exited with 1/);
      assert.match(error.message, /ROSTER_ADMIN_USERNAME and ROSTER_ADMIN_PASSWORD must be set together/);
      return true;
    });
  });
});
