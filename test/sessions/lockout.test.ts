// Brute force through POST /api/v1/sessions: the per-account lock (5 failures → 429 with
// Retry-After, 30 s doubling) and the per-address limit, which holds across processes on one
// PostgreSQL database.
import { describe, it, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { backends } from '../support/backends.ts';
import { withServer, startServer } from '../support/server.ts';
import { expectProblem, basic, type Client, type Response } from '../support/client.ts';
import { createLogin, uniqueName, STRONG_PASSWORD } from '../support/factories.ts';
import type { IpLimitConfig } from '../../src/ratelimit/ip-limits.ts';
import { bearer, expectMe, login } from './session-helpers.ts';
import { Clock } from '../support/clock.ts';

const WRONG = 'not-the-password-at-all-17';
const IP_LIMITS: IpLimitConfig = { sessionsPerWindow: 3, basicFailuresPerWindow: 3, windowMs: 60_000 };

const attempt = (client: Client, username: string, password: string) => client.post('/api/v1/sessions', { username, password });

function expectTooMany(res: Response, retryAfter: number): void {
  const problem = expectProblem(res, 429, 'auth.too_many_attempts');
  assert.match(problem.type, /too-many-attempts$/);
  assert.equal(res.headers.get('retry-after'), String(retryAfter));
  assert.deepEqual(res.headers.getSetCookie(), [], 'no session on a refused attempt');
}

async function fail(client: Client, username: string, times: number): Promise<void> {
  for (let i = 0; i < times; i++) {
    const res = await attempt(client, username, WRONG);
    expectProblem(res, 401, 'auth.invalid_credentials');
    assert.equal(res.headers.get('retry-after'), null);
  }
}

async function succeed(client: Client, username: string): Promise<void> {
  const res = await attempt(client, username, STRONG_PASSWORD);
  assert.equal(res.status, 200, res.text);
  assert.equal(typeof res.body.accessToken, 'string');
}

for (const backend of backends()) {
  describe(`sessions: account lockout (${backend})`, () => {
    const clock = new Clock();
    const server = withServer(backend, { now: clock.now });

    const newUser = async () => (await createLogin(server.admin, 'user')).user.username as string;

    it('5 wrong passwords, then the right one → 429 with Retry-After 30 until the lock ends', async () => {
      const { user, auth } = await createLogin(server.admin, 'user');
      const username: string = user.username;
      await fail(server.anon, username, 5);
      expectTooMany(await attempt(server.anon, username, STRONG_PASSWORD), 30);
      expectTooMany(await attempt(server.anon, username, WRONG), 30);
      // The lock is the account's: Basic answers the same.
      const viaBasic = await server.client(auth).get('/api/v1/users/me');
      expectProblem(viaBasic, 429, 'auth.too_many_attempts');
      assert.equal(viaBasic.headers.get('retry-after'), '30');

      clock.advance(29);
      expectTooMany(await attempt(server.anon, username, STRONG_PASSWORD), 1);
      clock.advance(1);
      const session = await login(server.anon, username, STRONG_PASSWORD);
      await expectMe(server.client(bearer(session.accessToken)), user.id);
      await expectMe(server.client(auth), user.id);
    });

    it('a successful login resets the failure count', async () => {
      const username = await newUser();
      await fail(server.anon, username, 5);
      clock.advance(30);
      await succeed(server.anon, username);
      // Were the count not reset, the first of these would already lock the account.
      await fail(server.anon, username, 4);
      await succeed(server.anon, username);
      await fail(server.anon, username, 4);
      await succeed(server.anon, username);
    });

    it('the second lock lasts 60 s, also after a success in between', async () => {
      // API.md: "30 s, doubling per further lock"; a success resets the count of failures.
      const username = await newUser();
      await fail(server.anon, username, 5);
      expectTooMany(await attempt(server.anon, username, STRONG_PASSWORD), 30);
      clock.advance(30);
      await succeed(server.anon, username);
      await fail(server.anon, username, 5);
      expectTooMany(await attempt(server.anon, username, STRONG_PASSWORD), 60);
      clock.advance(59);
      expectTooMany(await attempt(server.anon, username, STRONG_PASSWORD), 1);
      clock.advance(1);
      await succeed(server.anon, username);
    });

    it('the second lock lasts 60 s when no success came between, the third 120 s', async () => {
      const username = await newUser();
      await fail(server.anon, username, 5);
      expectTooMany(await attempt(server.anon, username, STRONG_PASSWORD), 30);
      clock.advance(30);
      await fail(server.anon, username, 5);
      expectTooMany(await attempt(server.anon, username, STRONG_PASSWORD), 60);
      clock.advance(60);
      await fail(server.anon, username, 5);
      expectTooMany(await attempt(server.anon, username, STRONG_PASSWORD), 120);
      clock.advance(120);
      await succeed(server.anon, username);
    });

    it('locks one account only; an unknown username locks just the same (no enumeration)', async () => {
      const username = await newUser();
      const bystander = await newUser();
      await fail(server.anon, username, 5);
      expectTooMany(await attempt(server.anon, username, STRONG_PASSWORD), 30);
      await succeed(server.anon, bystander);
      const ghost = uniqueName('ghost');
      await fail(server.anon, ghost, 5);
      expectTooMany(await attempt(server.anon, ghost, STRONG_PASSWORD), 30);
    });
  });

  describe(`sessions: per-address limit (${backend})`, () => {
    const clock = new Clock();
    // One server; each test starts in a window of its own, so no test sees another's attempts.
    const server = withServer(backend, { now: clock.now, ipLimits: IP_LIMITS });
    beforeEach(() => clock.advance(IP_LIMITS.windowMs / 1000));

    it('the 4th login attempt in a window → 429 with Retry-After, whatever the outcome of the first three', async () => {
      const { user } = await createLogin(server.admin, 'user');
      await succeed(server.anon, user.username);
      expectProblem(await attempt(server.anon, user.username, WRONG), 401, 'auth.invalid_credentials');
      expectProblem(await attempt(server.anon, uniqueName('ghost'), WRONG), 401, 'auth.invalid_credentials');
      expectTooMany(await attempt(server.anon, user.username, STRONG_PASSWORD), 60);
      clock.advance(20);
      const other = await createLogin(server.admin, 'user');
      expectTooMany(await attempt(server.anon, other.user.username, STRONG_PASSWORD), 40);
      // Established credentials are not login attempts: they keep working.
      await expectMe(server.client(other.auth), other.user.id);

      clock.advance(40); // a new window
      await succeed(server.anon, user.username);
    });

    it('failed Basic checks have their own limit; a credential already verified still passes', async () => {
      const { user, auth } = await createLogin(server.admin, 'user');
      await expectMe(server.client(auth), user.id);
      for (let i = 0; i < 3; i++) {
        const res = await server.client(basic(uniqueName('ghost'), WRONG)).get('/api/v1/users/me');
        expectProblem(res, 401, 'auth.unauthenticated');
      }
      const throttled = await server.client(basic(uniqueName('ghost'), WRONG)).get('/api/v1/users/me');
      expectProblem(throttled, 429, 'auth.too_many_attempts');
      assert.equal(throttled.headers.get('retry-after'), '60');
      await expectMe(server.client(auth), user.id);
      // Basic failures do not use up the login attempts.
      await succeed(server.anon, user.username);
    });
  });

  if (backend === 'postgres') {
    describe('sessions: per-address limit across processes (postgres)', () => {
      it('two servers on one database share the count', async () => {
        const clock = new Clock();
        const first = await startServer(backend, { now: clock.now, ipLimits: IP_LIMITS });
        const second = await startServer(backend, { now: clock.now, ipLimits: IP_LIMITS, database: first.database });
        try {
          const { user } = await createLogin(first.admin, 'user');
          await succeed(first.anon, user.username);
          await succeed(second.anon, user.username);
          expectProblem(await attempt(first.anon, user.username, WRONG), 401, 'auth.invalid_credentials');
          expectTooMany(await attempt(second.anon, user.username, STRONG_PASSWORD), 60);
          expectTooMany(await attempt(first.anon, user.username, STRONG_PASSWORD), 60);
          clock.advance(60);
          await succeed(second.anon, user.username);
        } finally {
          await second.stop();
          await first.close();
        }
      });
    });
  }
}
