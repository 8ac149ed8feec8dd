// POST /api/v1/sessions: the login response, its JWT and cookie, who may log in, and what the
// log never shows.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createLocalJWKSet, jwtVerify } from 'jose';
import { backends } from '../support/backends.ts';
import { withServer, startServer, ADMIN } from '../support/server.ts';
import { expectProblem, basic } from '../support/client.ts';
import { createLogin, createUser, uniqueName, STRONG_PASSWORD } from '../support/factories.ts';
import {
  bearer,
  expectMe,
  expectUnauthenticated,
  jwtParts,
  login,
  parseSetCookie,
  withCookie,
} from './session-helpers.ts';
import { Clock } from '../support/clock.ts';

const SESSION_TTL = 7_200;

for (const backend of backends()) {
  describe(`sessions: login (${backend})`, () => {
    const clock = new Clock();
    const server = withServer(backend, { now: clock.now, sessionTtlSeconds: SESSION_TTL });

    it('answers 200 with a Bearer access token, expiresIn 900, a CSRF token, no-store and a session cookie', async () => {
      const { user } = await createLogin(server.admin, 'user');
      const res = await server.anon.post('/api/v1/sessions', { username: user.username, password: STRONG_PASSWORD });
      assert.equal(res.status, 200, res.text);
      assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
      assert.equal(res.headers.get('cache-control'), 'no-store');
      assert.deepEqual(Object.keys(res.body).sort(), ['accessToken', 'csrfToken', 'expiresIn', 'tokenType']);
      assert.equal(res.body.tokenType, 'Bearer');
      assert.equal(res.body.expiresIn, 900);
      assert.match(res.body.accessToken, /^[\w-]+\.[\w-]+\.[\w-]+$/);
      assert.ok(res.body.csrfToken.length >= 20, res.body.csrfToken);

      const { value, attributes } = parseSetCookie(res);
      assert.ok(value.length >= 32, 'the cookie carries an unguessable token');
      assert.notEqual(value, res.body.accessToken);
      assert.notEqual(value, res.body.csrfToken);
      assert.equal(attributes.httponly, true);
      assert.equal(String(attributes.samesite).toLowerCase(), 'lax');
      assert.equal(attributes.path, '/');
      assert.equal(attributes.secure, undefined, 'no Secure attribute over plain http');
      assert.equal(attributes.expires, new Date(clock.now().getTime() + SESSION_TTL * 1000).toUTCString());
    });

    it('issues an EdDSA JWT with a kid, for this user and a session, valid for exactly expiresIn seconds', async () => {
      const { user } = await createLogin(server.admin, 'user');
      const session = await login(server.anon, user.username, STRONG_PASSWORD);
      const { header, claims } = jwtParts(session.accessToken);
      assert.equal(header.alg, 'EdDSA');
      assert.equal(typeof header.kid, 'string');
      assert.ok(header.kid!.length > 0);
      assert.equal(claims.sub, user.id);
      assert.equal(typeof claims.sid, 'string');
      assert.equal(typeof claims.iss, 'string');
      assert.ok(claims.iss!.length > 0);
      assert.ok(claims.aud !== undefined && claims.aud.length > 0, 'an audience is named');
      assert.equal(claims.iat, clock.seconds(), 'iat comes from the injected clock');
      assert.equal(claims.exp! - claims.iat!, 900);

      const jwks = await server.anon.get('/.well-known/jwks.json');
      assert.equal(jwks.status, 200);
      const { payload, protectedHeader } = await jwtVerify(session.accessToken, createLocalJWKSet(jwks.body), {
        algorithms: ['EdDSA'],
        issuer: claims.iss,
        audience: claims.aud,
        currentDate: clock.now(),
      });
      assert.equal(payload.sub, user.id);
      assert.equal(protectedHeader.kid, header.kid);

      // Two logins are two sessions.
      const again = await login(server.anon, user.username, STRONG_PASSWORD);
      assert.notEqual(jwtParts(again.accessToken).claims.sid, claims.sid);
      assert.notEqual(again.cookie, session.cookie);
      assert.notEqual(again.csrfToken, session.csrfToken);
    });

    it('the JWT authenticates as its user, with that user\'s role', async () => {
      const { user } = await createLogin(server.admin, 'user');
      const session = await login(server.anon, user.username, STRONG_PASSWORD);
      const client = server.client(bearer(session.accessToken));
      const me = await client.get('/api/v1/users/me');
      assert.equal(me.status, 200, me.text);
      assert.equal(me.body.id, user.id);
      assert.equal(me.body.username, user.username);
      assert.equal(me.body.isCurrent, true);
      expectProblem(await client.get('/api/v1/users'), 403, 'auth.forbidden');

      const admin = await login(server.anon, ADMIN.username, ADMIN.password);
      const list = await server.client(bearer(admin.accessToken)).get(`/api/v1/users?filter=${encodeURIComponent(`username eq "${user.username}"`)}`);
      assert.equal(list.status, 200, list.text);
      assert.deepEqual(list.body.items.map((u: any) => u.id), [user.id]);
    });

    it('a wrong password and an unknown username get the same 401 problem', async () => {
      const { user } = await createLogin(server.admin, 'user');
      const wrong = await server.anon.post('/api/v1/sessions', { username: user.username, password: `${STRONG_PASSWORD}!` });
      const unknown = await server.anon.post('/api/v1/sessions', { username: uniqueName('ghost'), password: STRONG_PASSWORD });
      const a = expectProblem(wrong, 401, 'auth.invalid_credentials');
      const b = expectProblem(unknown, 401, 'auth.invalid_credentials');
      const { instance: _a, ...restA } = a;
      const { instance: _b, ...restB } = b;
      assert.deepEqual(restA, restB);
      assert.equal(wrong.headers.get('www-authenticate'), unknown.headers.get('www-authenticate'));
      assert.match(wrong.headers.get('www-authenticate') ?? '', /\bBearer realm="[^"]+"/);
      assert.deepEqual(wrong.headers.getSetCookie(), []);
      assert.deepEqual(unknown.headers.getSetCookie(), []);
      // The right password still works afterwards.
      await login(server.anon, user.username, STRONG_PASSWORD);
    });

    it('refuses a service account: they authenticate only with tokens', async () => {
      // (The users table's check constraint keeps a service account from ever holding a password hash.)
      const account = await createUser(server.admin, { type: 'service_account' });
      assert.equal(account.status, 'active');
      const res = await server.anon.post('/api/v1/sessions', { username: account.username, password: STRONG_PASSWORD });
      expectProblem(res, 401, 'auth.invalid_credentials');
      assert.deepEqual(res.headers.getSetCookie(), []);
      expectUnauthenticated(await server.client(basic(account.username, STRONG_PASSWORD)).get('/api/v1/users/me'));
      const pat = await server.admin.post(`/api/v1/users/${account.id}/tokens`, { name: 'robot' });
      assert.equal(pat.status, 201, pat.text);
      await expectMe(server.client(`Token ${pat.body.secret}`), account.id);
    });

    it('the session cookie authenticates GET requests without a CSRF token', async () => {
      const { user } = await createLogin(server.admin, 'auditor');
      const session = await login(server.anon, user.username, STRONG_PASSWORD);
      await expectMe(server.anon, user.id, withCookie(session));
      const list = await server.anon.get('/api/v1/users?limit=1', withCookie(session));
      assert.equal(list.status, 200, list.text);
      assert.equal(list.body.items.length, 1);
    });

    it('a wrong, truncated or empty cookie value answers 401', async () => {
      const { user } = await createLogin(server.admin, 'user');
      const session = await login(server.anon, user.username, STRONG_PASSWORD);
      const flipped = session.cookie.slice(0, -1) + (session.cookie.endsWith('A') ? 'B' : 'A');
      for (const value of [flipped, session.cookie.slice(0, -2), 'x', session.accessToken, session.csrfToken]) {
        expectUnauthenticated(await server.anon.get('/api/v1/users/me', withCookie(value)));
      }
      expectUnauthenticated(await server.anon.get('/api/v1/users/me', withCookie('')));
      await expectMe(server.anon, user.id, withCookie(session));
    });

    it('the cookie stops working when the session lifetime ends', async () => {
      const { user } = await createLogin(server.admin, 'user');
      const session = await login(server.anon, user.username, STRONG_PASSWORD);
      clock.advance(SESSION_TTL - 1);
      await expectMe(server.anon, user.id, withCookie(session));
      clock.advance(1);
      expectUnauthenticated(await server.anon.get('/api/v1/users/me', withCookie(session)));
    });

    it('rejects a malformed login body with 400 and no cookie', async () => {
      const missing = await server.anon.post('/api/v1/sessions', { username: 'someone' });
      expectProblem(missing, 400, 'request.invalid');
      assert.deepEqual(missing.headers.getSetCookie(), []);
      expectProblem(await server.anon.post('/api/v1/sessions', { username: ADMIN.username, password: ADMIN.password, extra: 1 }), 400, 'request.invalid');
    });

    it('never writes a password, access token, cookie value, CSRF token or token secret to the log', async () => {
      const password = 'saffron-glacier-otter-57-tapestry';
      const { user } = await createLogin(server.admin, 'user', { password });
      const auth = basic(user.username, password);
      const failed = await server.anon.post('/api/v1/sessions', { username: user.username, password: `${password}-wrong` });
      expectProblem(failed, 401, 'auth.invalid_credentials');
      const session = await login(server.anon, user.username, password);
      await expectMe(server.client(bearer(session.accessToken)), user.id);
      await expectMe(server.client(auth), user.id);
      const patched = await server.anon.patch('/api/v1/users/me', { name: 'Logged Person' }, withCookie(session, session.csrfToken));
      assert.equal(patched.status, 200, patched.text);
      expectProblem(await server.anon.patch('/api/v1/users/me', { name: 'x' }, withCookie(session, 'not-the-token')), 403, 'auth.csrf');
      const pat = await server.client(bearer(session.accessToken)).post('/api/v1/users/me/tokens', { name: 'ci' });
      assert.equal(pat.status, 201, pat.text);
      await expectMe(server.client(`Token ${pat.body.secret}`), user.id);
      const out = await server.client(bearer(session.accessToken)).delete('/api/v1/sessions/current');
      assert.equal(out.status, 204);

      const log = server.logs.join('');
      assert.ok(log.includes(patched.headers.get('x-request-id')!), 'the log was captured');
      const secrets = {
        password,
        wrongPassword: `${password}-wrong`,
        adminPassword: ADMIN.password,
        basicCredential: auth.slice('Basic '.length),
        accessToken: session.accessToken,
        jwtSignature: session.accessToken.split('.')[2],
        cookie: session.cookie,
        csrfToken: session.csrfToken,
        tokenSecret: pat.body.secret,
      };
      for (const [name, secret] of Object.entries(secrets)) {
        assert.ok(!log.includes(secret), `the log contains the ${name}`);
      }
    });
  });

  describe(`sessions: https and read-only (${backend})`, () => {
    it('marks the cookie Secure when the public URL is https', async () => {
      const server = await startServer(backend, { publicUrl: 'https://roster.example.test' });
      try {
        const session = await login(server.anon, ADMIN.username, ADMIN.password);
        assert.equal(session.cookieAttributes.secure, true);
        assert.equal(session.cookieAttributes.httponly, true);
        assert.equal(String(session.cookieAttributes.samesite).toLowerCase(), 'lax');
        await expectMe(server.anon, jwtParts(session.accessToken).claims.sub!, withCookie(session));
      } finally {
        await server.close();
      }
    });

    it('still lets users log in (and out) while the service is read-only', async () => {
      const server = await startServer(backend, { readOnly: true });
      try {
        const state = await server.anon.get('/api/v1/system/state');
        assert.equal(state.body.state, 'read_only');
        const session = await login(server.anon, ADMIN.username, ADMIN.password);
        const client = server.client(bearer(session.accessToken));
        const me = await client.get('/api/v1/users/me');
        assert.equal(me.status, 200, me.text);
        assert.equal(me.body.username, ADMIN.username);
        expectProblem(await client.patch('/api/v1/users/me', { name: 'Nope' }), 412, 'system.read_only');
        assert.equal((await client.delete('/api/v1/sessions/current')).status, 204);
        expectUnauthenticated(await client.get('/api/v1/users/me'), { invalidToken: true });
      } finally {
        await server.close();
      }
    });
  });
}
