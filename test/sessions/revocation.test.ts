// Ending sessions: logout kills that session's JWT and cookie at once, and disabling a user kills
// every credential it has on the very next request.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { backends } from '../support/backends.ts';
import { withServer, startServer, type TestServer } from '../support/server.ts';
import { expectProblem, type RequestOptions, type Response } from '../support/client.ts';
import { createLogin, createUser, STRONG_PASSWORD } from '../support/factories.ts';
import { bearer, expectMe, expectUnauthenticated, login, parseSetCookie, withCookie } from './session-helpers.ts';
import { Clock } from '../support/clock.ts';

for (const backend of backends()) {
  describe(`sessions: logout (${backend})`, () => {
    // A fixed clock: cached validity never lapses by itself, so only revocation can end a session.
    const clock = new Clock();
    const server = withServer(backend, { now: clock.now });

    it('DELETE /sessions/current with the JWT: 204, then that JWT and cookie answer 401 at once', async () => {
      const { user } = await createLogin(server.admin, 'user');
      const ended = await login(server.anon, user.username, STRONG_PASSWORD);
      const kept = await login(server.anon, user.username, STRONG_PASSWORD);
      const jwt = server.client(bearer(ended.accessToken));
      // Warm every cache first: logout must not wait for one to lapse.
      await expectMe(jwt, user.id);
      await expectMe(server.anon, user.id, withCookie(ended));

      const res = await jwt.delete('/api/v1/sessions/current');
      assert.equal(res.status, 204, res.text);
      assert.equal(res.text, '');
      const cleared = parseSetCookie(res);
      assert.equal(cleared.value, '');
      assert.ok(new Date(String(cleared.attributes.expires)).getTime() <= clock.now().getTime(), 'the cookie is cleared');

      expectUnauthenticated(await jwt.get('/api/v1/users/me'), { invalidToken: true });
      expectUnauthenticated(await server.anon.get('/api/v1/users/me', withCookie(ended)));
      expectUnauthenticated(await jwt.delete('/api/v1/sessions/current'), { invalidToken: true });

      // The user's other session is untouched.
      await expectMe(server.client(bearer(kept.accessToken)), user.id);
      await expectMe(server.anon, user.id, withCookie(kept));
    });

    it('DELETE /sessions/current with the cookie (and CSRF token) ends the JWT of that session too', async () => {
      const { user } = await createLogin(server.admin, 'user');
      const ended = await login(server.anon, user.username, STRONG_PASSWORD);
      const kept = await login(server.anon, user.username, STRONG_PASSWORD);
      await expectMe(server.client(bearer(ended.accessToken)), user.id);

      const res = await server.anon.delete('/api/v1/sessions/current', withCookie(ended, ended.csrfToken));
      assert.equal(res.status, 204, res.text);
      expectUnauthenticated(await server.anon.get('/api/v1/users/me', withCookie(ended)));
      expectUnauthenticated(await server.client(bearer(ended.accessToken)).get('/api/v1/users/me'), { invalidToken: true });
      await expectMe(server.client(bearer(kept.accessToken)), user.id);
      await expectMe(server.anon, user.id, withCookie(kept));
    });

    it('logging in again after logout gives a working session', async () => {
      const { user } = await createLogin(server.admin, 'user');
      const first = await login(server.anon, user.username, STRONG_PASSWORD);
      assert.equal((await server.client(bearer(first.accessToken)).delete('/api/v1/sessions/current')).status, 204);
      const second = await login(server.anon, user.username, STRONG_PASSWORD);
      await expectMe(server.client(bearer(second.accessToken)), user.id);
      await expectMe(server.anon, user.id, withCookie(second));
    });

    it('logout without a session (Basic or a personal access token) answers 409 session.none', async () => {
      const { user, auth } = await createLogin(server.admin, 'user');
      expectProblem(await server.client(auth).delete('/api/v1/sessions/current'), 409, 'session.none');
      const pat = await server.client(auth).post('/api/v1/users/me/tokens', { name: 'cli' });
      assert.equal(pat.status, 201, pat.text);
      expectProblem(await server.client(`Token ${pat.body.secret}`).delete('/api/v1/sessions/current'), 409, 'session.none');
      // Both still work: a refused logout ends nothing.
      await expectMe(server.client(auth), user.id);
      await expectMe(server.client(`Token ${pat.body.secret}`), user.id);
    });

    it('logout without credentials answers 401', async () => {
      expectUnauthenticated(await server.anon.delete('/api/v1/sessions/current'));
    });
  });

  describe(`sessions: disabling a user (${backend})`, () => {
    const clock = new Clock();
    const server = withServer(backend, { now: clock.now });

    async function everyCredential() {
      const { user, auth } = await createLogin(server.admin, 'user');
      const session = await login(server.anon, user.username, STRONG_PASSWORD);
      const pat = await server.admin.post(`/api/v1/users/${user.id}/tokens`, { name: 'automation' });
      assert.equal(pat.status, 201, pat.text);
      const credentials: Record<string, { client: ReturnType<TestServer['client']>; options?: RequestOptions; invalidToken: boolean | 'either' }> = {
        jwt: { client: server.client(bearer(session.accessToken)), invalidToken: true },
        cookie: { client: server.anon, options: withCookie(session), invalidToken: false },
        basic: { client: server.client(auth), invalidToken: false },
        token: { client: server.client(`Token ${pat.body.secret}`), invalidToken: 'either' },
        tokenAsBearer: { client: server.client(bearer(pat.body.secret)), invalidToken: true },
      };
      // Twice each, so every cache that could remember them does.
      for (const { client, options } of Object.values(credentials)) {
        await expectMe(client, user.id, options);
        await expectMe(client, user.id, options);
      }
      return { user, session, credentials };
    }

    it('makes its JWT, cookie, Basic credential and personal access token 401 on the very next request', async () => {
      const { user, credentials } = await everyCredential();
      const res = await server.admin.patch(`/api/v1/users/${user.id}`, { status: 'disabled' });
      assert.equal(res.status, 200, res.text);
      assert.equal(res.body.status, 'disabled');

      const denied: Record<string, Response> = {};
      for (const [name, { client, options }] of Object.entries(credentials)) denied[name] = await client.get('/api/v1/users/me', options);
      assert.deepEqual(
        Object.fromEntries(Object.entries(denied).map(([name, res]) => [name, res.status])),
        { jwt: 401, cookie: 401, basic: 401, token: 401, tokenAsBearer: 401 },
      );
      for (const [name, { invalidToken }] of Object.entries(credentials)) {
        assert.doesNotThrow(() => expectUnauthenticated(denied[name], { invalidToken }), `${name}: ${denied[name].headers.get('www-authenticate')}`);
      }
      const again = await server.anon.post('/api/v1/sessions', { username: user.username, password: STRONG_PASSWORD });
      expectProblem(again, 401, 'auth.invalid_credentials');
    });

    it('after re-enabling, Basic works again but the old sessions stay ended', async () => {
      // API.md is silent here; the code ends a user's sessions (and deletes its tokens) when it is disabled.
      const { user, credentials } = await everyCredential();
      assert.equal((await server.admin.patch(`/api/v1/users/${user.id}`, { status: 'disabled' })).status, 200);
      assert.equal((await server.admin.patch(`/api/v1/users/${user.id}`, { status: 'active' })).status, 200);

      await expectMe(credentials.basic.client, user.id);
      expectUnauthenticated(await credentials.jwt.client.get('/api/v1/users/me'), { invalidToken: true });
      expectUnauthenticated(await server.anon.get('/api/v1/users/me', credentials.cookie.options));
      const fresh = await login(server.anon, user.username, STRONG_PASSWORD);
      await expectMe(server.client(bearer(fresh.accessToken)), user.id);
      await expectMe(server.anon, user.id, withCookie(fresh));
    });

    it('disabling one user leaves other users\' sessions alone', async () => {
      const { user: victim } = await createLogin(server.admin, 'user');
      const { user: bystander } = await createLogin(server.admin, 'user');
      const session = await login(server.anon, bystander.username, STRONG_PASSWORD);
      await expectMe(server.client(bearer(session.accessToken)), bystander.id);
      assert.equal((await server.admin.patch(`/api/v1/users/${victim.id}`, { status: 'disabled' })).status, 200);
      await expectMe(server.client(bearer(session.accessToken)), bystander.id);
      await expectMe(server.anon, bystander.id, withCookie(session));
    });

    it('deleting a user ends its sessions at once', async () => {
      const { user } = await createLogin(server.admin, 'user');
      const session = await login(server.anon, user.username, STRONG_PASSWORD);
      await expectMe(server.client(bearer(session.accessToken)), user.id);
      await expectMe(server.anon, user.id, withCookie(session));
      assert.equal((await server.admin.delete(`/api/v1/users/${user.id}`)).status, 204);
      expectUnauthenticated(await server.client(bearer(session.accessToken)).get('/api/v1/users/me'), { invalidToken: true });
      expectUnauthenticated(await server.anon.get('/api/v1/users/me', withCookie(session)));
    });

    it('a service account\'s token stops at once when the account is disabled', async () => {
      const account = await createUser(server.admin, { type: 'service_account' });
      const pat = await server.admin.post(`/api/v1/users/${account.id}/tokens`, { name: 'robot' });
      assert.equal(pat.status, 201, pat.text);
      const robot = server.client(`Token ${pat.body.secret}`);
      await expectMe(robot, account.id);
      await expectMe(robot, account.id);
      assert.equal((await server.admin.patch(`/api/v1/users/${account.id}`, { status: 'disabled' })).status, 200);
      const denied = await robot.get('/api/v1/users/me');
      assert.equal(denied.status, 401, denied.text);
      expectUnauthenticated(denied, { invalidToken: 'either' });
    });
  });

  if (backend === 'postgres') {
    describe('sessions: revocation across processes (postgres)', () => {
      it('a logout through one process ends the session on another within the validity cache bound', async () => {
        const clock = new Clock();
        const first = await startServer(backend, { now: clock.now });
        const second = await startServer(backend, { now: clock.now, database: first.database });
        try {
          const { user } = await createLogin(first.admin, 'user');
          const session = await login(first.anon, user.username, STRONG_PASSWORD);
          const elsewhere = second.client(bearer(session.accessToken));
          await expectMe(elsewhere, user.id);
          await expectMe(second.anon, user.id, withCookie(session));
          assert.equal((await first.client(bearer(session.accessToken)).delete('/api/v1/sessions/current')).status, 204);
          // The other process may trust its cached check for at most one second (src/auth/validity-cache.ts).
          clock.advance(1);
          expectUnauthenticated(await elsewhere.get('/api/v1/users/me'), { invalidToken: true });
          expectUnauthenticated(await second.anon.get('/api/v1/users/me', withCookie(session)));
          // Basic is checked against the row on every request: disabling applies at once everywhere.
          const { user: other, auth } = await createLogin(first.admin, 'user');
          await expectMe(second.client(auth), other.id);
          assert.equal((await first.admin.patch(`/api/v1/users/${other.id}`, { status: 'disabled' })).status, 200);
          expectUnauthenticated(await second.client(auth).get('/api/v1/users/me'));
        } finally {
          await second.stop();
          await first.close();
        }
      });
    });
  }
}
