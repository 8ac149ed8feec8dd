// Cookie-authenticated writes must carry the session's X-CSRF-Token; Bearer and Token requests
// need none.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { backends } from '../support/backends.ts';
import { withServer } from '../support/server.ts';
import { expectProblem } from '../support/client.ts';
import { createLogin, STRONG_PASSWORD } from '../support/factories.ts';
import { bearer, expectMe, expectUnauthenticated, login, withCookie, type Session } from './session-helpers.ts';

for (const backend of backends()) {
  describe(`sessions: cookies and CSRF (${backend})`, () => {
    const server = withServer(backend);

    async function loggedIn(): Promise<{ user: any; session: Session; other: Session }> {
      const { user } = await createLogin(server.admin, 'user', { name: 'Before' });
      return {
        user,
        session: await login(server.anon, user.username, STRONG_PASSWORD),
        other: await login(server.anon, user.username, STRONG_PASSWORD),
      };
    }

    async function nameOf(userId: string): Promise<string> {
      const res = await server.admin.get(`/api/v1/users/${userId}`);
      assert.equal(res.status, 200, res.text);
      return res.body.name;
    }

    async function tokenNames(userId: string): Promise<string[]> {
      const res = await server.admin.get(`/api/v1/users/${userId}/tokens`);
      assert.equal(res.status, 200, res.text);
      return res.body.items.map((t: any) => t.name).sort();
    }

    it('PATCH with the cookie: 403 without X-CSRF-Token or with a wrong one, 200 with the right one', async () => {
      const { user, session, other } = await loggedIn();
      for (const csrf of [undefined, '', 'wrong', session.csrfToken.slice(0, -1), other.csrfToken, session.accessToken]) {
        const res = await server.anon.patch('/api/v1/users/me', { name: 'Forged' }, withCookie(session, csrf));
        expectProblem(res, 403, 'auth.csrf');
      }
      assert.equal(await nameOf(user.id), 'Before', 'a refused write changes nothing');

      const ok = await server.anon.patch('/api/v1/users/me', { name: 'After' }, withCookie(session, session.csrfToken));
      assert.equal(ok.status, 200, ok.text);
      assert.equal(ok.body.id, user.id);
      assert.equal(ok.body.name, 'After');
      assert.equal(await nameOf(user.id), 'After');
    });

    it('POST with the cookie: 403 without the CSRF token, 201 with it', async () => {
      const { user, session, other } = await loggedIn();
      expectProblem(await server.anon.post('/api/v1/users/me/tokens', { name: 'forged' }, withCookie(session)), 403, 'auth.csrf');
      expectProblem(await server.anon.post('/api/v1/users/me/tokens', { name: 'forged' }, withCookie(session, other.csrfToken)), 403, 'auth.csrf');
      assert.deepEqual(await tokenNames(user.id), []);

      const ok = await server.anon.post('/api/v1/users/me/tokens', { name: 'browser' }, withCookie(session, session.csrfToken));
      assert.equal(ok.status, 201, ok.text);
      assert.equal(ok.body.name, 'browser');
      assert.deepEqual(await tokenNames(user.id), ['browser']);
    });

    it('DELETE with the cookie: 403 without the CSRF token, 204 with it', async () => {
      const { user, session } = await loggedIn();
      const created = await server.client(bearer(session.accessToken)).post('/api/v1/users/me/tokens', { name: 'doomed' });
      assert.equal(created.status, 201, created.text);
      const path = `/api/v1/users/me/tokens/${created.body.id}`;

      expectProblem(await server.anon.delete(path, withCookie(session)), 403, 'auth.csrf');
      expectProblem(await server.anon.delete(path, withCookie(session, 'nope')), 403, 'auth.csrf');
      assert.deepEqual(await tokenNames(user.id), ['doomed']);

      const ok = await server.anon.delete(path, withCookie(session, session.csrfToken));
      assert.equal(ok.status, 204, ok.text);
      assert.deepEqual(await tokenNames(user.id), []);
    });

    it('logout through the cookie needs the CSRF token too', async () => {
      const { user, session } = await loggedIn();
      expectProblem(await server.anon.delete('/api/v1/sessions/current', withCookie(session)), 403, 'auth.csrf');
      await expectMe(server.anon, user.id, withCookie(session));
      assert.equal((await server.anon.delete('/api/v1/sessions/current', withCookie(session, session.csrfToken))).status, 204);
      expectUnauthenticated(await server.anon.get('/api/v1/users/me', withCookie(session)));
    });

    it('the CSRF token alone authenticates nothing', async () => {
      const { session } = await loggedIn();
      const res = await server.anon.patch('/api/v1/users/me', { name: 'x' }, { headers: { 'x-csrf-token': session.csrfToken } });
      expectUnauthenticated(res);
    });

    it('Bearer and Token requests write without a CSRF token, even with the cookie alongside', async () => {
      const { user, session } = await loggedIn();
      const jwt = server.client(bearer(session.accessToken));
      const viaJwt = await jwt.patch('/api/v1/users/me', { name: 'By JWT' });
      assert.equal(viaJwt.status, 200, viaJwt.text);
      assert.equal(viaJwt.body.name, 'By JWT');

      const both = await jwt.patch('/api/v1/users/me', { name: 'By JWT with cookie' }, withCookie(session));
      assert.equal(both.status, 200, both.text);
      assert.equal(both.body.name, 'By JWT with cookie');

      const pat = await jwt.post('/api/v1/users/me/tokens', { name: 'cli' });
      assert.equal(pat.status, 201, pat.text);
      const viaToken = await server.client(`Token ${pat.body.secret}`).patch('/api/v1/users/me', { name: 'By PAT' });
      assert.equal(viaToken.status, 200, viaToken.text);
      const viaBearerPat = await server.client(bearer(pat.body.secret)).patch('/api/v1/users/me', { name: 'By PAT as Bearer' });
      assert.equal(viaBearerPat.status, 200, viaBearerPat.text);
      assert.equal(await nameOf(user.id), 'By PAT as Bearer');
    });
  });
}
