// Brute-force protection per account: 5 consecutive failed password checks lock it for 30 s,
// doubling per further lock up to 15 min; a success resets the count. The clock is injected.
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { backends } from '../support/backends.ts';
import { withServer } from '../support/server.ts';
import { Clock } from '../support/clock.ts';
import { basic, expectProblem, type Response } from '../support/client.ts';
import { createLogin, uniqueName, STRONG_PASSWORD } from '../support/factories.ts';

const WRONG = 'definitely-not-it-42';

for (const backend of backends()) {
  describe(`account lockout (${backend})`, () => {
    const clock = new Clock('2031-07-01T00:00:00.000Z');
    const advance = (seconds: number) => {
      clock.advanceMs(seconds * 1000);
    };
    const server = withServer(backend, { now: clock.now });
    before(async () => {
    });

    const viaBasic = (username: string, password: string) => server.client(basic(username, password)).get('/api/v1/users/me');
    const viaSession = (username: string, password: string) => server.anon.post('/api/v1/sessions', { username, password });

    async function failBasic(username: string, times: number): Promise<void> {
      for (let i = 0; i < times; i++) expectProblem(await viaBasic(username, WRONG), 401, 'auth.unauthenticated');
    }

    function expectLocked(res: Response, retryAfter: number): void {
      const problem = expectProblem(res, 429, 'auth.too_many_attempts');
      assert.match(problem.type, /too-many-attempts$/);
      assert.equal(res.headers.get('retry-after'), String(retryAfter));
    }

    async function newUser(): Promise<string> {
      return (await createLogin(server.admin, 'user')).user.username;
    }

    it('5 wrong passwords lock the account for 30 s, even against the right one', async () => {
      const username = await newUser();
      await failBasic(username, 5);
      expectLocked(await viaBasic(username, STRONG_PASSWORD), 30);
      expectLocked(await viaBasic(username, WRONG), 30);
      expectLocked(await viaSession(username, STRONG_PASSWORD), 30);
      advance(29);
      expectLocked(await viaBasic(username, STRONG_PASSWORD), 1);
      advance(2);
      const res = await viaBasic(username, STRONG_PASSWORD);
      assert.equal(res.status, 200, res.text);
      assert.equal(res.body.username, username);
      assert.equal((await viaSession(username, STRONG_PASSWORD)).status, 200);
    });

    it('the next lock after a success lasts 60 s (doubling)', async () => {
      const username = await newUser();
      await failBasic(username, 5);
      expectLocked(await viaBasic(username, STRONG_PASSWORD), 30);
      advance(31);
      assert.equal((await viaBasic(username, STRONG_PASSWORD)).status, 200);
      await failBasic(username, 5);
      expectLocked(await viaBasic(username, STRONG_PASSWORD), 60);
      advance(59);
      expectLocked(await viaBasic(username, STRONG_PASSWORD), 1);
      advance(2);
      assert.equal((await viaBasic(username, STRONG_PASSWORD)).status, 200);
    });

    it('locks double 30, 60, 120, 240, 480 and stop at 900 s', async () => {
      const username = await newUser();
      for (const seconds of [30, 60, 120, 240, 480, 900, 900]) {
        await failBasic(username, 5);
        expectLocked(await viaBasic(username, STRONG_PASSWORD), seconds);
        advance(seconds + 1);
      }
      assert.equal((await viaBasic(username, STRONG_PASSWORD)).status, 200);
    });

    it('a success between failures resets the count', async () => {
      const username = await newUser();
      await failBasic(username, 4);
      assert.equal((await viaBasic(username, STRONG_PASSWORD)).status, 200);
      await failBasic(username, 4);
      assert.equal((await viaBasic(username, STRONG_PASSWORD)).status, 200, 'still not locked after 4 + 1 + 4');
      await failBasic(username, 4);
      assert.equal((await viaSession(username, STRONG_PASSWORD)).status, 200, 'a login resets it too');
      await failBasic(username, 5);
      expectLocked(await viaBasic(username, STRONG_PASSWORD), 30);
    });

    it('failures count across Basic, /sessions and any letter case, per account', async () => {
      const username = await newUser();
      const bystander = await newUser();
      await failBasic(username, 2);
      await failBasic(username.toUpperCase(), 1);
      for (let i = 0; i < 2; i++) {
        expectProblem(await viaSession(username, WRONG), 401, 'auth.invalid_credentials');
      }
      expectLocked(await viaSession(username, STRONG_PASSWORD), 30);
      expectLocked(await viaBasic(username.toUpperCase(), STRONG_PASSWORD), 30);
      assert.equal((await viaBasic(bystander, STRONG_PASSWORD)).status, 200, 'other accounts are not locked');
    });

    it('a locked account refuses a password change; its existing session still reads', async () => {
      const username = await newUser();
      const login = await viaSession(username, STRONG_PASSWORD);
      assert.equal(login.status, 200, login.text);
      const bearer = server.client(`Bearer ${login.body.accessToken}`);
      await failBasic(username, 5);
      const me = await bearer.get('/api/v1/users/me');
      assert.equal(me.status, 200, 'a session is not a password attempt');
      const change = await bearer.put('/api/v1/users/me/password', { currentPassword: STRONG_PASSWORD, password: 'quartz-meadow-lantern-58-drift' });
      expectLocked(change, 30);
      advance(31);
      assert.equal((await viaBasic(username, STRONG_PASSWORD)).status, 200, 'the password did not change');
    });

    // Lockout counts per username whether or not a user holds it: an unknown name, a disabled
    // user and an invited one lock exactly as an active user does, so a lock says nothing.
    it('unknown, disabled and invited usernames lock exactly like an active user', async () => {
      const active = await newUser();
      const disabled = await newUser();
      const id = (await server.admin.get(`/api/v1/users?filter=${encodeURIComponent(`username eq "${disabled}"`)}`)).body.items[0].id;
      assert.equal((await server.admin.patch(`/api/v1/users/${id}`, { status: 'disabled' })).status, 200);
      const invited = uniqueName('invited');
      assert.equal((await server.admin.post('/api/v1/users', { username: invited, email: `${invited}@example.com` })).status, 201);
      const ghost = uniqueName('ghost');
      for (const username of [active, disabled, invited, ghost]) {
        await failBasic(username, 5);
        expectLocked(await viaBasic(username, STRONG_PASSWORD), 30);
        expectLocked(await viaSession(username, WRONG), 30);
      }
      advance(31);
      for (const username of [disabled, invited, ghost]) {
        expectProblem(await viaBasic(username, WRONG), 401, 'auth.unauthenticated');
        expectProblem(await viaSession(username, STRONG_PASSWORD), 401, 'auth.invalid_credentials');
      }
      assert.equal((await viaBasic(active, STRONG_PASSWORD)).status, 200);
    });

    // A success resets the count of failures (API.md); the lock history must be kept the same
    // way whichever path the success took (the Basic test above: the next lock is 60 s).
    it('the doubling survives a success through /sessions as through Basic', async () => {
      const username = await newUser();
      await failBasic(username, 5);
      advance(31);
      assert.equal((await viaSession(username, STRONG_PASSWORD)).status, 200);
      await failBasic(username, 5);
      expectLocked(await viaBasic(username, STRONG_PASSWORD), 60);
    });

    it('the doubling survives a Basic success that follows a failure', async () => {
      const username = await newUser();
      await failBasic(username, 5);
      advance(31);
      await failBasic(username, 1);
      assert.equal((await viaBasic(username, STRONG_PASSWORD)).status, 200);
      await failBasic(username, 5);
      expectLocked(await viaBasic(username, STRONG_PASSWORD), 60);
    });

    it('no password appears in the log', async () => {
      const username = await newUser();
      await failBasic(username, 5);
      await viaBasic(username, STRONG_PASSWORD);
      await viaSession(username, WRONG);
      const log = server.logs.join('');
      assert.ok(log.includes('/api/v1/sessions'), 'the log records these requests');
      for (const text of [STRONG_PASSWORD, WRONG]) assert.equal(log.includes(text), false, `${text} in the log`);
    });
  });
}
