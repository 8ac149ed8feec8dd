// Status changes: PATCH status moves only between active and disabled; disabling ends every
// credential (password, sessions, personal access tokens) at once, re-enabling restores the
// password but not the revoked sessions and tokens.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { backends } from '../support/backends.ts';
import { withServer } from '../support/server.ts';
import { basic, expectProblem, type Client } from '../support/client.ts';
import { createLogin, createUser, STRONG_PASSWORD } from '../support/factories.ts';
import { Clock } from '../support/clock.ts';

for (const backend of backends()) {
  describe(`status changes (${backend})`, () => {
    // A fixed clock: cached credentials never lapse by themselves, only revocation ends them.
    const clock = new Clock();
    const server = withServer(backend, { now: clock.now });

    const url = (id: string) => `/api/v1/users/${id}`;
    const setStatus = (id: string, status: unknown) => server.admin.patch(url(id), { status });

    async function expectMe(client: Client, id: string): Promise<void> {
      const res = await client.get('/api/v1/users/me');
      assert.equal(res.status, 200, res.text);
      assert.equal(res.body.id, id);
    }

    async function credentialsOf(user: any) {
      const password = server.client(basic(user.username, STRONG_PASSWORD));
      const login = await server.anon.post('/api/v1/sessions', { username: user.username, password: STRONG_PASSWORD });
      assert.equal(login.status, 200, login.text);
      const pat = await password.post('/api/v1/users/me/tokens', { name: 'cli' });
      assert.equal(pat.status, 201, pat.text);
      const jwt = server.client(`Bearer ${login.body.accessToken}`);
      const token = server.client(`Token ${pat.body.secret}`);
      // Warm every cache first: disabling must not wait for one to lapse.
      for (const client of [password, jwt, token]) await expectMe(client, user.id);
      return { password, jwt, token };
    }

    it('disabling answers 200 and ends password, JWT and personal access token at once', async () => {
      const { user } = await createLogin(server.admin, 'user');
      const { password, jwt, token } = await credentialsOf(user);
      const res = await setStatus(user.id, 'disabled');
      assert.equal(res.status, 200, res.text);
      assert.equal(res.body.status, 'disabled');
      for (const client of [password, jwt, token]) expectProblem(await client.get('/api/v1/users/me'), 401, 'auth.unauthenticated');
      expectProblem(await server.anon.post('/api/v1/sessions', { username: user.username, password: STRONG_PASSWORD }), 401, 'auth.invalid_credentials');
    });

    it('re-enabling restores Basic and password login; revoked sessions and tokens stay dead', async () => {
      const { user } = await createLogin(server.admin, 'user');
      const { password, jwt, token } = await credentialsOf(user);
      assert.equal((await setStatus(user.id, 'disabled')).status, 200);
      const res = await setStatus(user.id, 'active');
      assert.equal(res.status, 200, res.text);
      assert.equal(res.body.status, 'active');

      await expectMe(password, user.id);
      const login = await server.anon.post('/api/v1/sessions', { username: user.username, password: STRONG_PASSWORD });
      assert.equal(login.status, 200, login.text);
      await expectMe(server.client(`Bearer ${login.body.accessToken}`), user.id);
      expectProblem(await jwt.get('/api/v1/users/me'), 401, 'auth.unauthenticated');
      expectProblem(await token.get('/api/v1/users/me'), 401, 'auth.unauthenticated');
    });

    it('a disabled service account loses its tokens at once', async () => {
      const account = await createUser(server.admin, { type: 'service_account' });
      const pat = await server.admin.post(`/api/v1/users/${account.id}/tokens`, { name: 'deploy' });
      assert.equal(pat.status, 201, pat.text);
      const token = server.client(`Token ${pat.body.secret}`);
      await expectMe(token, account.id);
      assert.equal((await setStatus(account.id, 'disabled')).status, 200);
      expectProblem(await token.get('/api/v1/users/me'), 401, 'auth.unauthenticated');
    });

    for (const status of ['invited', 'pending', 'bogus', null, 1]) {
      it(`PATCH status ${JSON.stringify(status)} answers 400 and changes nothing`, async () => {
        const { user, auth } = await createLogin(server.admin, 'user');
        const before = await server.admin.get(url(user.id));
        const problem = expectProblem(await setStatus(user.id, status), 400, 'request.invalid');
        assert.deepEqual(problem.errors.map((e: any) => e.pointer), ['/status']);
        const after = await server.admin.get(url(user.id));
        assert.equal(after.body.status, 'active');
        assert.equal(after.headers.get('etag'), before.headers.get('etag'));
        await expectMe(server.client(auth), user.id);
      });
    }

    it('PUT status is held to the same rule', async () => {
      const { user } = await createLogin(server.admin, 'user');
      const bad = await server.admin.put(url(user.id), { username: user.username, status: 'invited' });
      const problem = expectProblem(bad, 400, 'request.invalid');
      assert.deepEqual(problem.errors.map((e: any) => e.pointer), ['/status']);
      const ok = await server.admin.put(url(user.id), { username: user.username, status: 'disabled' });
      assert.equal(ok.status, 200, ok.text);
      assert.equal(ok.body.status, 'disabled');
    });

    it('an invited user cannot be disabled or activated by PATCH (it changes through activation)', async () => {
      const invited = await createUser(server.admin);
      assert.equal(invited.status, 'invited');
      for (const status of ['active', 'disabled']) {
        const problem = expectProblem(await setStatus(invited.id, status), 400, 'request.invalid');
        assert.deepEqual(problem.errors.map((e: any) => [e.pointer, e.code]), [['/status', 'invalid_transition']]);
      }
      assert.equal((await server.admin.get(url(invited.id))).body.status, 'invited');
    });
  });
}
