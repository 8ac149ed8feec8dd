// The strength check runs off the event loop, in a pool of worker threads sized to the cores,
// on the first 100 characters only; the pool stops when the last app closes.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import os from 'node:os';
import { threadId } from 'node:worker_threads';
import { checkStrength, passwordWeaknesses, strengthPool } from '../../src/credentials/password-policy.ts';
import { ZXCVBN_INPUT_LIMIT } from '../../src/credentials/strength.ts';
import { WorkerPool } from '../../src/credentials/worker-pool.ts';
import { backends } from '../support/backends.ts';
import { startServer, type TestServer } from '../support/server.ts';
import { expectProblem } from '../support/client.ts';
import { createLogin, STRONG_PASSWORD } from '../support/factories.ts';

// 1,024 characters (the most the API accepts) whose first 100 are a run of one letter.
const WEAK_HEAD = 'a'.repeat(100) + 'Zq8#vL2!x-Rt6@pW3$'.repeat(52).slice(0, 924);
// 1,024 characters whose first 100 are a strong passphrase, then a run of one letter.
const STRONG_HEAD = ('plum-anchor-violet-93-orbit-' + 'Zq8#vL2!x-Rt6@pW3$'.repeat(4)).slice(0, 100) + 'a'.repeat(924);

describe('strength check off the event loop', () => {
  it('runs zxcvbn in a worker thread, never on the main thread', async () => {
    const result = await checkStrength('correct-horse-battery-staple', { username: 'alice' });
    assert.ok(result);
    assert.deepEqual(result.reasons, []);
    assert.notEqual(result.threadId, threadId, 'judged on another thread than this one');
    assert.notEqual(result.threadId, 0, 'not the main thread');
  });

  it('sizes the pool to the cores and never starts more threads than that', async () => {
    assert.equal(strengthPool.size, os.availableParallelism());
    const results = await Promise.all(
      Array.from({ length: strengthPool.size * 3 }, (_, i) => checkStrength(`violet-harbour-${i}-lantern`, {})),
    );
    assert.ok(strengthPool.threads >= 1 && strengthPool.threads <= strengthPool.size, `threads: ${strengthPool.threads}`);
    assert.ok(new Set(results.map((r) => r!.threadId)).size <= strengthPool.size);
  });

  it('shows zxcvbn the first 100 characters only, counted as code points', async () => {
    assert.equal(ZXCVBN_INPUT_LIMIT, 100);
    const emoji = '🙂'.repeat(150) + 'x'.repeat(50);
    const result = await checkStrength(emoji, {});
    assert.equal(result!.judged, '🙂'.repeat(100));
    assert.equal((await checkStrength(WEAK_HEAD, {}))!.judged, 'a'.repeat(100));
  });

  it('judges a long password by its first 100 characters; the length rule counts all of it', async () => {
    assert.equal(WEAK_HEAD.length, 1024);
    assert.equal(STRONG_HEAD.length, 1024);
    const weak = await passwordWeaknesses(WEAK_HEAD, {});
    assert.match(weak[0], /^is too easy to guess \(strength [0-2] of 4, at least 3 required\)$/);
    assert.deepEqual(await passwordWeaknesses(STRONG_HEAD, {}), []);
    assert.deepEqual(await passwordWeaknesses('Zq8#vL2!x', {}), ['must be at least 10 characters long']);
  });

  it('sees through l33t spellings of common words with a bounded number of readings', async () => {
    for (const weak of ['p4ssw0rd123', 'P@ssw0rd2024', 'sup3rm4n1234', 'l3tm31nn0w', 'dr4g0nb4ll', 'm0nk3yb4n4n4', 'w3lc0m3h0m3', '4dm1n1str4t0r']) {
      const reasons = await passwordWeaknesses(weak, {});
      assert.match(reasons[0] ?? '', /^is too easy to guess/, weak);
    }
    assert.deepEqual(await passwordWeaknesses('Quartz-Lantern-Orbit-9375', {}), []);
  });
});

describe('worker pool', () => {
  const file = new URL('./fixtures/echo.worker.ts', import.meta.url);

  it('queues work beyond its size, and a thread that dies fails only its own task', async () => {
    const pool = new WorkerPool<string, { input: string; threadId: number }>(file, 2);
    try {
      const outputs = await Promise.all(['a', 'b', 'c', 'd', 'e'].map((input) => pool.run(input)));
      assert.deepEqual(outputs.map((o) => o.input), ['a', 'b', 'c', 'd', 'e']);
      assert.equal(new Set(outputs.map((o) => o.threadId)).size <= 2, true);
      assert.equal(pool.threads <= 2, true);
      const [died, lived] = await Promise.allSettled([pool.run('die'), pool.run('f')]);
      assert.equal(died.status, 'rejected');
      assert.match(String((died as PromiseRejectedResult).reason), /exited with code 3/);
      assert.deepEqual(lived.status === 'fulfilled' && lived.value.input, 'f');
      assert.equal((await pool.run('g')).input, 'g', 'a new thread replaces the dead one');
    } finally {
      await pool.close();
    }
    assert.equal(pool.threads, 0);
  });

  it('stops threads that stay idle, and starts one again for the next task', async () => {
    const pool = new WorkerPool<string, { input: string; threadId: number }>(file, 2, 50);
    try {
      await Promise.all([pool.run('a'), pool.run('b')]);
      assert.ok(pool.threads >= 1);
      const deadline = Date.now() + 5_000;
      while (pool.threads > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
      assert.equal(pool.threads, 0, 'idle threads stopped');
      assert.equal((await pool.run('c')).input, 'c');
      assert.equal(pool.threads, 1);
    } finally {
      await pool.close();
    }
  });

  it('stops its threads when the last holder releases it', async () => {
    const pool = new WorkerPool<string, { input: string; threadId: number }>(file, 2);
    const first = pool.hold();
    const second = pool.hold();
    await pool.run('x');
    assert.equal(pool.threads, 1);
    await first();
    await first(); // releasing twice counts once
    assert.equal(pool.threads, 1, 'the other holder still uses it');
    await second();
    assert.equal(pool.threads, 0);
  });
});

for (const backend of backends()) {
  describe(`long passwords over HTTP (${backend})`, () => {
    let server: TestServer;
    before(async () => {
      server = await startServer(backend);
    });
    after(async () => {
      await server?.close();
    });

    it('judges a 1,024-character password by its head, while other requests are answered', async () => {
      const { auth } = await createLogin(server.admin, 'user');
      const user = server.client(auth);
      const [weak, health, strong] = await Promise.all([
        user.put('/api/v1/users/me/password', { currentPassword: STRONG_PASSWORD, password: WEAK_HEAD }),
        server.anon.get('/healthz'),
        user.put('/api/v1/users/me/password', { currentPassword: STRONG_PASSWORD, password: WEAK_HEAD }),
      ]);
      assert.equal(health.status, 200);
      for (const res of [weak, strong]) {
        const body = expectProblem(res, 400, 'password.weak');
        assert.equal(body.type, 'urn:roster:problem:weak-password');
        assert.equal(body.errors.length, 1);
        assert.equal(body.errors[0].pointer, '/password');
        assert.equal(body.errors[0].code, 'weak_password');
        assert.match(body.reasons[0], /^is too easy to guess/);
      }
      const changed = await user.put('/api/v1/users/me/password', { currentPassword: STRONG_PASSWORD, password: STRONG_HEAD });
      assert.equal(changed.status, 204, changed.text);
    });

    it('lets go of the strength threads when the app closes', async () => {
      await checkStrength('correct-horse-battery-staple', {});
      // The test harness holds the pool too (test/support/server.ts), so the threads outlive
      // this app; the pool's own test below shows that the last release stops them.
      const held = strengthPool.held;
      await server.stop();
      assert.equal(strengthPool.held, held - 1);
      server = await startServer(backend, { database: server.database, provision: false });
      assert.equal(strengthPool.held, held);
    });
  });
}
