// Two Roster processes on one PostgreSQL database, each with its caches warm: a change made
// through one is visible, or refused, through the other within the bound the README promises
// (one second; the change feed usually makes it milliseconds).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { basic } from '../support/client.ts';
import { build } from '../../scripts/build.mjs';

const BOUND_MS = 1_000;
const SERVER = process.env.TEST_DATABASE_URL;
const OUT = new URL(`../../node_modules/.cache/roster-tests/dist-two-${process.pid}/`, import.meta.url).pathname;
const ADMIN = { username: 'root', password: 'violet-harbour-ninety-lantern' };
const PASSWORD = 'quartz-lantern-orbit-9375';
const admin = basic(ADMIN.username, ADMIN.password);

interface Running {
  child: ChildProcess;
  address: string;
}

function start(env: Record<string, string>): Promise<Running> {
  const child = spawn(process.execPath, [path.join(OUT, 'main.js')], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  return new Promise((resolve, reject) => {
    const fail = (why: string) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`${why}: ${output.join('')}`));
    };
    const timer = setTimeout(() => fail('did not serve within 30 s'), 30_000);
    child.stdout!.on('data', (chunk) => {
      output.push(String(chunk));
      const address = /"address":"([^"]+)"/.exec(output.join(''))?.[1];
      if (address) {
        clearTimeout(timer);
        resolve({ child, address });
      }
    });
    child.stderr!.on('data', (chunk) => output.push(String(chunk)));
    child.on('exit', (code) => fail(`exited with ${code}`));
  });
}

async function stop(running: Running | undefined): Promise<void> {
  if (!running || running.child.exitCode !== null) return;
  running.child.removeAllListeners('exit');
  const exited = once(running.child, 'exit');
  running.child.kill('SIGTERM');
  await exited;
}

async function call(base: string, method: string, url: string, auth: string, body?: unknown) {
  const res = await fetch(`${base}${url}`, {
    method,
    headers: { authorization: auth, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

/** Milliseconds until `check` holds, polling; fails past twice the bound. */
async function msUntil(check: () => Promise<boolean>): Promise<number> {
  const started = performance.now();
  while (!(await check())) {
    if (performance.now() - started > 2 * BOUND_MS) break;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return performance.now() - started;
}

describe('two processes on one PostgreSQL', { skip: !SERVER && 'needs TEST_DATABASE_URL: only a PostgreSQL server is shared by processes' }, () => {
  const name = `roster_two_${process.pid}`;
  const url = SERVER ? `${SERVER.replace(/\/[^/]*$/, '')}/${name}` : '';
  let a: Running | undefined;
  let b: Running | undefined;

  async function onServer(statement: string): Promise<void> {
    const client = new pg.Client({ connectionString: SERVER });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  }

  before(async () => {
    await build(OUT);
    await onServer(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await onServer(`CREATE DATABASE ${name}`);
    const env = {
      DATABASE_URL: url,
      ROSTER_SECRET: 'two-processes-share-this-secret-0123456789',
      ROSTER_ADMIN_USERNAME: ADMIN.username,
      ROSTER_ADMIN_PASSWORD: ADMIN.password,
    };
    a = await start(env);
    b = await start(env);
  });
  after(async () => {
    await stop(a);
    await stop(b);
    await onServer(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await fs.rm(OUT, { recursive: true, force: true });
  });

  it('a profile change, a disabled user and a revoked token made through one are seen through the other within the bound', async () => {
    const created = await call(a!.address, 'POST', '/api/v1/users', admin, { username: 'shared-sam', password: PASSWORD, name: 'Sam' });
    assert.equal(created.status, 201);
    const sam = basic('shared-sam', PASSWORD);
    const token = await call(a!.address, 'POST', `/api/v1/users/${created.body.id}/tokens`, admin, { name: 'ci' });
    assert.equal(token.status, 201);
    const bearer = `Bearer ${token.body.secret}`;
    // Warm B's caches: the user, Sam's Basic credential and Sam's token.
    for (let i = 0; i < 3; i++) {
      assert.equal((await call(b!.address, 'GET', `/api/v1/users/${created.body.id}`, admin)).body.name, 'Sam');
      assert.equal((await call(b!.address, 'GET', '/api/v1/users/me', sam)).status, 200);
      assert.equal((await call(b!.address, 'GET', '/api/v1/users/me', bearer)).status, 200);
    }

    assert.equal((await call(a!.address, 'PATCH', `/api/v1/users/${created.body.id}`, admin, { name: 'Samantha' })).status, 200);
    const seen = await msUntil(async () => (await call(b!.address, 'GET', `/api/v1/users/${created.body.id}`, admin)).body.name === 'Samantha');
    assert.ok(seen < BOUND_MS, `the new name reached the other process after ${seen.toFixed(0)} ms`);

    const revoked = await call(a!.address, 'DELETE', `/api/v1/users/${created.body.id}/tokens/${token.body.id}`, admin);
    assert.equal(revoked.status, 204);
    const tokenRefused = await msUntil(async () => (await call(b!.address, 'GET', '/api/v1/users/me', bearer)).status === 401);
    assert.ok(tokenRefused < BOUND_MS, `the revoked token was refused after ${tokenRefused.toFixed(0)} ms`);

    assert.equal((await call(a!.address, 'PATCH', `/api/v1/users/${created.body.id}`, admin, { status: 'disabled' })).status, 200);
    const refused = await msUntil(async () => (await call(b!.address, 'GET', '/api/v1/users/me', sam)).status === 401);
    assert.ok(refused < BOUND_MS, `the disabled user was refused after ${refused.toFixed(0)} ms`);
  });
});
