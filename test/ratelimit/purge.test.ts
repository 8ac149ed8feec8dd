// Per-address counters do not pile up: the worker's hourly housekeeping forgets those whose
// window ended a day ago, and keeps the live ones.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { backends } from '../support/backends.ts';
import { withServer } from '../support/server.ts';
import { Clock } from '../support/clock.ts';
import { expectProblem } from '../support/client.ts';

for (const backend of backends()) {
  describe(`rate-limit housekeeping (${backend})`, () => {
    const clock = new Clock('2032-03-01T08:00:00.000Z');
    const server = withServer(backend, { now: clock.now, worker: false });

    const buckets = async () =>
      (await server.store.db.selectFrom('rate_limits').select('bucket').orderBy('bucket').execute()).map((r) => r.bucket);

    it('purges counters a day old and keeps the current ones', async () => {
      const login = await server.anon.post('/api/v1/sessions', { username: 'nobody', password: 'not-the-password' });
      expectProblem(login, 401, 'auth.invalid_credentials');
      assert.deepEqual(await buckets(), ['sessions:127.0.0.1']);

      clock.advanceMs(25 * 60 * 60_000);
      const reset = await server.anon.post('/api/v1/password-resets', { email: 'someone@example.com' });
      assert.equal(reset.status, 202);
      assert.deepEqual(await buckets(), ['reset-ip:127.0.0.1', 'reset-mail:someone@example.com', 'sessions:127.0.0.1']);

      await server.app.queue.runDue();
      assert.deepEqual(await buckets(), ['reset-ip:127.0.0.1', 'reset-mail:someone@example.com']);
    });
  });
}
