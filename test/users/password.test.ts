// Password changes: PUT /users/me/password (proving the current one) and PUT /users/{id}/password
// (admins and managers). The policy applies and the user's other sessions end.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { backends } from '../support/backends.ts';
import { withServer, ADMIN } from '../support/server.ts';
import { basic, expectProblem, type Client, type Response } from '../support/client.ts';
import { createLogin, createUser, uniqueName, STRONG_PASSWORD } from '../support/factories.ts';

const NEW_PASSWORD = 'quartz-meadow-lantern-58-drift';
const OTHER_PASSWORD = 'saffron-glacier-pebble-71-hum';

/** What these tests do with a credential: read /users/me. */
type Reader = { get(path: string): Promise<Response> };

for (const backend of backends()) {
  describe(`password changes (${backend})`, () => {
    const server = withServer(backend);

    /** A session of this user: a Bearer client and a cookie client (reads need no CSRF token). */
    async function session(username: string, password = STRONG_PASSWORD): Promise<{ bearer: Client; cookie: Reader }> {
      const res = await server.anon.post('/api/v1/sessions', { username, password });
      assert.equal(res.status, 200, res.text);
      const cookie = res.headers.getSetCookie().find((c) => c.startsWith('roster_session='));
      assert.ok(cookie, 'a session cookie');
      const pair = cookie.split(';')[0];
      return {
        bearer: server.client(`Bearer ${res.body.accessToken}`),
        cookie: { get: (path) => server.anon.get(path, { headers: { cookie: pair } }) },
      };
    }

    async function status(client: Reader): Promise<number> {
      return (await client.get('/api/v1/users/me')).status;
    }

    it('PUT /users/me/password changes it: the old stops working, the new works', async () => {
      const { user, auth } = await createLogin(server.admin, 'user');
      assert.equal(await status(server.client(auth)), 200, 'the old password is remembered by the Basic cache');
      const res = await server.client(auth).put('/api/v1/users/me/password', { currentPassword: STRONG_PASSWORD, password: NEW_PASSWORD });
      assert.equal(res.status, 204, res.text);
      assert.equal(res.text, '');
      expectProblem(await server.client(auth).get('/api/v1/users/me'), 401, 'auth.unauthenticated');
      expectProblem(await server.anon.post('/api/v1/sessions', { username: user.username, password: STRONG_PASSWORD }), 401, 'auth.invalid_credentials');
      assert.equal(await status(server.client(basic(user.username, NEW_PASSWORD))), 200);
      assert.equal((await server.anon.post('/api/v1/sessions', { username: user.username, password: NEW_PASSWORD })).status, 200);
    });

    it('a change through a session keeps that session and ends the others', async () => {
      const { user } = await createLogin(server.admin, 'user');
      const current = await session(user.username);
      const other = await session(user.username);
      assert.equal(await status(other.bearer), 200);
      assert.equal(await status(other.cookie), 200);

      const res = await current.bearer.put('/api/v1/users/me/password', { currentPassword: STRONG_PASSWORD, password: NEW_PASSWORD });
      assert.equal(res.status, 204, res.text);
      assert.equal(await status(current.bearer), 200, 'the session that changed it goes on');
      assert.equal(await status(current.cookie), 200);
      expectProblem(await other.bearer.get('/api/v1/users/me'), 401, 'auth.unauthenticated');
      expectProblem(await other.cookie.get('/api/v1/users/me'), 401, 'auth.unauthenticated');
    });

    it('a change through Basic ends every session of the user', async () => {
      const { user, auth } = await createLogin(server.admin, 'user');
      const a = await session(user.username);
      const b = await session(user.username);
      const res = await server.client(auth).put('/api/v1/users/me/password', { currentPassword: STRONG_PASSWORD, password: NEW_PASSWORD });
      assert.equal(res.status, 204, res.text);
      for (const client of [a.bearer, a.cookie, b.bearer, b.cookie]) {
        expectProblem(await client.get('/api/v1/users/me'), 401, 'auth.unauthenticated');
      }
    });

    it('a wrong current password answers 400 at /currentPassword and changes nothing', async () => {
      const { user, auth } = await createLogin(server.admin, 'user');
      const res = await server.client(auth).put('/api/v1/users/me/password', { currentPassword: 'not-the-password-9', password: NEW_PASSWORD });
      const problem = expectProblem(res, 400, 'request.invalid');
      assert.deepEqual(problem.errors.map((e: any) => e.pointer), ['/currentPassword']);
      assert.equal(await status(server.client(auth)), 200);
      expectProblem(await server.client(basic(user.username, NEW_PASSWORD)).get('/api/v1/users/me'), 401, 'auth.unauthenticated');
    });

    it('a weak new password answers 400 password.weak and changes nothing', async () => {
      const { user, auth } = await createLogin(server.admin, 'user', { email: `${uniqueName('mail')}@example.com` });
      for (const weak of ['password123', 'short', `${user.username}-2024`, 'aaaaaaaaaaaa']) {
        const res = await server.client(auth).put('/api/v1/users/me/password', { currentPassword: STRONG_PASSWORD, password: weak });
        const problem = expectProblem(res, 400, 'password.weak');
        assert.match(problem.type, /weak-password$/);
        assert.deepEqual(problem.errors.map((e: any) => e.pointer), ['/password'], weak);
      }
      const byAdmin = await server.admin.put(`/api/v1/users/${user.id}/password`, { password: 'password123' });
      expectProblem(byAdmin, 400, 'password.weak');
      assert.equal(await status(server.client(auth)), 200);
    });

    it('malformed bodies answer 400', async () => {
      const { user, auth } = await createLogin(server.admin, 'user');
      const client = server.client(auth);
      const missing = await client.put('/api/v1/users/me/password', { password: NEW_PASSWORD });
      assert.deepEqual(expectProblem(missing, 400, 'request.invalid').errors.map((e: any) => e.pointer), ['/currentPassword']);
      expectProblem(await client.put('/api/v1/users/me/password', { currentPassword: STRONG_PASSWORD, password: NEW_PASSWORD, extra: 1 }), 400, 'request.invalid');
      expectProblem(await server.admin.put(`/api/v1/users/${user.id}/password`, {}), 400, 'request.invalid');
      expectProblem(await server.admin.put(`/api/v1/users/${user.id}/password`, { password: 42 }), 400, 'request.invalid');
      expectProblem(await server.anon.put('/api/v1/users/me/password', { currentPassword: STRONG_PASSWORD, password: NEW_PASSWORD }), 401, 'auth.unauthenticated');
      assert.equal(await status(client), 200);
    });

    it('an admin sets a password: every session of the user ends', async () => {
      const { user, auth } = await createLogin(server.admin, 'user');
      const a = await session(user.username);
      assert.equal(await status(server.client(auth)), 200);
      const res = await server.admin.put(`/api/v1/users/${user.id}/password`, { password: NEW_PASSWORD });
      assert.equal(res.status, 204, res.text);
      assert.equal(res.text, '');
      expectProblem(await a.bearer.get('/api/v1/users/me'), 401, 'auth.unauthenticated');
      expectProblem(await a.cookie.get('/api/v1/users/me'), 401, 'auth.unauthenticated');
      expectProblem(await server.client(auth).get('/api/v1/users/me'), 401, 'auth.unauthenticated');
      assert.equal(await status(server.client(basic(user.username, NEW_PASSWORD))), 200);

      const me = await server.admin.get('/api/v1/users/me');
      const self = await server.admin.put(`/api/v1/users/${me.body.id}/password`, { password: ADMIN.password });
      // Its own password needs the current one, through /users/me/password, even for an admin.
      expectProblem(self, 403, 'password.current_required');
    });

    it('a manager sets a non-admin\'s password but not an admin\'s; other roles none', async () => {
      const manager = await createLogin(server.admin, 'manager');
      const target = await createLogin(server.admin, 'user');
      const admin = await createLogin(server.admin, 'admin');
      const byManager = await server.client(manager.auth).put(`/api/v1/users/${target.user.id}/password`, { password: NEW_PASSWORD });
      assert.equal(byManager.status, 204, byManager.text);
      assert.equal(await status(server.client(basic(target.user.username, NEW_PASSWORD))), 200);

      const refused = await server.client(manager.auth).put(`/api/v1/users/${admin.user.id}/password`, { password: OTHER_PASSWORD });
      expectProblem(refused, 403, 'user.admin_protected');
      assert.equal(await status(server.client(admin.auth)), 200, 'the admin\'s password is unchanged');

      for (const role of ['user', 'auditor']) {
        const caller = await createLogin(server.admin, role);
        const res = await server.client(caller.auth).put(`/api/v1/users/${target.user.id}/password`, { password: OTHER_PASSWORD });
        expectProblem(res, 403, 'auth.forbidden');
      }
      assert.equal(await status(server.client(basic(target.user.username, NEW_PASSWORD))), 200);
    });

    it('a service account has no password (409); an unknown user answers 404', async () => {
      const account = await createUser(server.admin, { username: uniqueName('svc'), type: 'service_account' });
      const res = await server.admin.put(`/api/v1/users/${account.id}/password`, { password: NEW_PASSWORD });
      expectProblem(res, 409, 'user.service_account_password');
      expectProblem(await server.client(basic(account.username, NEW_PASSWORD)).get('/api/v1/users/me'), 401, 'auth.unauthenticated');
      const missing = await server.admin.put('/api/v1/users/0190a5c4-0000-7000-8000-000000000000/password', { password: NEW_PASSWORD });
      expectProblem(missing, 404, 'user.not_found');
    });

    it('an invited user given a password becomes active and can log in', async () => {
      const invited = await createUser(server.admin, { username: uniqueName('inv') });
      assert.equal(invited.status, 'invited');
      expectProblem(await server.client(basic(invited.username, NEW_PASSWORD)).get('/api/v1/users/me'), 401, 'auth.unauthenticated');
      const res = await server.admin.put(`/api/v1/users/${invited.id}/password`, { password: NEW_PASSWORD });
      assert.equal(res.status, 204, res.text);
      const fetched = await server.admin.get(`/api/v1/users/${invited.id}`);
      assert.equal(fetched.body.status, 'active');
      assert.equal(await status(server.client(basic(invited.username, NEW_PASSWORD))), 200);

      const disabled = await createLogin(server.admin, 'user');
      assert.equal((await server.admin.patch(`/api/v1/users/${disabled.user.id}`, { status: 'disabled' })).status, 200);
      assert.equal((await server.admin.put(`/api/v1/users/${disabled.user.id}/password`, { password: NEW_PASSWORD })).status, 204);
      assert.equal((await server.admin.get(`/api/v1/users/${disabled.user.id}`)).body.status, 'disabled', 'a disabled user stays disabled');
      expectProblem(await server.client(basic(disabled.user.username, NEW_PASSWORD)).get('/api/v1/users/me'), 401, 'auth.unauthenticated');
    });

    it('no password appears in the log', async () => {
      const { user, auth } = await createLogin(server.admin, 'user');
      await server.client(auth).put('/api/v1/users/me/password', { currentPassword: STRONG_PASSWORD, password: NEW_PASSWORD });
      await server.admin.put(`/api/v1/users/${user.id}/password`, { password: OTHER_PASSWORD });
      await server.client(basic(user.username, 'wrong-but-logged-9')).get('/api/v1/users/me');
      const log = server.logs.join('');
      assert.ok(log.includes(`/api/v1/users/${user.id}/password`), 'the log records these requests');
      for (const text of [STRONG_PASSWORD, NEW_PASSWORD, OTHER_PASSWORD, 'wrong-but-logged-9', ADMIN.password]) {
        assert.equal(log.includes(text), false, `${text} in the log`);
      }
    });
  });
}
