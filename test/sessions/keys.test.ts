// JWT signing keys: the JWKS, forged and expired tokens, and rotation that keeps earlier tokens
// valid until they expire.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHmac } from 'node:crypto';
import { SignJWT, createLocalJWKSet, generateKeyPair, jwtVerify, type JWK } from 'jose';
import { backends } from '../support/backends.ts';
import { withServer, startServer, ADMIN, type TestServer } from '../support/server.ts';
import type { Client } from '../support/client.ts';
import { createLogin, STRONG_PASSWORD } from '../support/factories.ts';
import { bearer, expectMe, expectUnauthenticated, jwtParts, login, withCookie } from './session-helpers.ts';
import { Clock } from '../support/clock.ts';

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'k', 'oth'];

async function jwks(client: Client): Promise<JWK[]> {
  const res = await client.get('/.well-known/jwks.json');
  assert.equal(res.status, 200, res.text);
  assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
  return res.body.keys;
}

async function kids(client: Client): Promise<string[]> {
  return (await jwks(client)).map((k) => k.kid!).sort();
}

for (const backend of backends()) {
  describe(`sessions: JWKS and forged tokens (${backend})`, () => {
    const server = withServer(backend);

    it('publishes public Ed25519 keys only, one of them the signer of a fresh token', async () => {
      const session = await login(server.anon, ADMIN.username, ADMIN.password);
      const keys = await jwks(server.anon);
      assert.ok(keys.length >= 1);
      for (const key of keys) {
        assert.equal(key.kty, 'OKP');
        assert.equal(key.crv, 'Ed25519');
        assert.equal(typeof key.x, 'string');
        assert.equal(typeof key.kid, 'string');
        for (const member of PRIVATE_MEMBERS) assert.equal(member in key, false, `the JWKS exposes "${member}"`);
      }
      const { header } = jwtParts(session.accessToken);
      assert.ok(keys.some((k) => k.kid === header.kid));
      const { payload } = await jwtVerify(session.accessToken, createLocalJWKSet({ keys }), { algorithms: ['EdDSA'] });
      assert.equal(typeof payload.sid, 'string');
    });

    it('stores the private half of each signing key sealed, never as a plain JWK', async () => {
      await login(server.anon, ADMIN.username, ADMIN.password);
      const rows = await server.store.db.selectFrom('signing_keys').selectAll().execute();
      assert.ok(rows.length >= 1);
      for (const row of rows) {
        assert.doesNotMatch(row.private_jwk_sealed, /"d"\s*:/);
        assert.doesNotMatch(row.private_jwk_sealed, /"kty"/);
        assert.doesNotMatch(Buffer.from(row.private_jwk_sealed, 'base64').toString('latin1'), /"d"\s*:/);
      }
    });

    it('a JWT with a changed payload answers 401 invalid_token', async () => {
      const { user } = await createLogin(server.admin, 'user');
      const mine = await login(server.anon, user.username, STRONG_PASSWORD);
      const admin = await login(server.anon, ADMIN.username, ADMIN.password);
      const [header, payload, signature] = mine.accessToken.split('.');

      // One character of the payload flipped.
      const at = Math.floor(payload.length / 2);
      const flipped = payload.slice(0, at) + (payload[at] === 'A' ? 'B' : 'A') + payload.slice(at + 1);
      expectUnauthenticated(await server.client(bearer(`${header}.${flipped}.${signature}`)).get('/api/v1/users/me'), { invalidToken: true });

      // The admin's subject and session under the user's signature.
      const adminClaims = jwtParts(admin.accessToken).claims;
      const escalated = b64({ ...jwtParts(mine.accessToken).claims, sub: adminClaims.sub, sid: adminClaims.sid });
      expectUnauthenticated(await server.client(bearer(`${header}.${escalated}.${signature}`)).get('/api/v1/users/me'), { invalidToken: true });

      // A later expiry under the old signature.
      const extended = b64({ ...jwtParts(mine.accessToken).claims, exp: jwtParts(mine.accessToken).claims.exp! + 86_400 });
      expectUnauthenticated(await server.client(bearer(`${header}.${extended}.${signature}`)).get('/api/v1/users/me'), { invalidToken: true });

      await expectMe(server.client(bearer(mine.accessToken)), user.id);
    });

    it('a JWT re-signed with another key, with alg none, or with HS256 answers 401 invalid_token', async () => {
      const { user } = await createLogin(server.admin, 'user');
      const mine = await login(server.anon, user.username, STRONG_PASSWORD);
      const { header, claims } = jwtParts(mine.accessToken);

      const { privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
      const resigned = await new SignJWT(claims).setProtectedHeader({ ...header, alg: 'EdDSA' }).sign(privateKey);
      expectUnauthenticated(await server.client(bearer(resigned)).get('/api/v1/users/me'), { invalidToken: true });

      const unsigned = `${b64({ ...header, alg: 'none' })}.${b64(claims)}.`;
      expectUnauthenticated(await server.client(bearer(unsigned)).get('/api/v1/users/me'), { invalidToken: true });

      // Algorithm confusion: HMAC keyed with the published public key.
      const published = (await jwks(server.anon)).find((k) => k.kid === header.kid)!;
      const signingInput = `${b64({ ...header, alg: 'HS256' })}.${b64(claims)}`;
      const mac = createHmac('sha256', Buffer.from(published.x!, 'base64url')).update(signingInput).digest('base64url');
      expectUnauthenticated(await server.client(bearer(`${signingInput}.${mac}`)).get('/api/v1/users/me'), { invalidToken: true });

      for (const garbage of ['not-a-jwt', 'a.b.c', `${mine.accessToken.split('.').slice(0, 2).join('.')}.`]) {
        expectUnauthenticated(await server.client(bearer(garbage)).get('/api/v1/users/me'), { invalidToken: true });
      }
      await expectMe(server.client(bearer(mine.accessToken)), user.id);
    });

    it('a JWT whose kid the server does not know answers 401 invalid_token', async () => {
      const mine = await login(server.anon, ADMIN.username, ADMIN.password);
      const [, payload, signature] = mine.accessToken.split('.');
      const header = b64({ ...jwtParts(mine.accessToken).header, kid: 'some-other-kid' });
      expectUnauthenticated(await server.client(bearer(`${header}.${payload}.${signature}`)).get('/api/v1/users/me'), { invalidToken: true });
    });
  });

  describe(`sessions: access token expiry (${backend})`, () => {
    const clock = new Clock();
    const server = withServer(backend, { now: clock.now, accessTokenTtlSeconds: 60 });

    it('uses the configured lifetime and refuses the JWT from its exp on, while the cookie lives on', async () => {
      const { user } = await createLogin(server.admin, 'user');
      const session = await login(server.anon, user.username, STRONG_PASSWORD);
      assert.equal(session.res.body.expiresIn, 60);
      const { claims } = jwtParts(session.accessToken);
      assert.equal(claims.iat, clock.seconds());
      assert.equal(claims.exp! - claims.iat!, 60);

      const client = server.client(bearer(session.accessToken));
      clock.advance(59);
      await expectMe(client, user.id);
      clock.advance(1);
      const expired = await client.get('/api/v1/users/me');
      expectUnauthenticated(expired, { invalidToken: true });
      assert.match(expired.body.detail, /expired/);
      clock.advance(3_600);
      expectUnauthenticated(await client.get('/api/v1/users/me'), { invalidToken: true });

      // The session itself is still live: the cookie works, and a new login gives a fresh JWT.
      await expectMe(server.anon, user.id, withCookie(session));
      const renewed = await login(server.anon, user.username, STRONG_PASSWORD);
      await expectMe(server.client(bearer(renewed.accessToken)), user.id);
    });
  });

  describe(`sessions: signing key rotation (${backend})`, () => {
    const clock = new Clock();
    const server = withServer(backend, { now: clock.now, keyRotationSeconds: 60, accessTokenTtlSeconds: 120 });

    it('signs with a new key after the rotation period and keeps the old one until its last token expires', async () => {
      const { user } = await createLogin(server.admin, 'user');
      const me = (token: string) => server.client(bearer(token)).get('/api/v1/users/me');
      const kidOf = (token: string) => jwtParts(token).header.kid!;

      const a1 = (await login(server.anon, user.username, STRONG_PASSWORD)).accessToken; // t0
      const keyA = kidOf(a1);
      assert.deepEqual(await kids(server.anon), [keyA]);
      clock.advance(59);
      const a2 = (await login(server.anon, user.username, STRONG_PASSWORD)).accessToken; // t0+59, exp t0+179
      assert.equal(kidOf(a2), keyA, 'the key signs for the whole rotation period');

      clock.advance(2); // t0+61
      const b1 = (await login(server.anon, user.username, STRONG_PASSWORD)).accessToken;
      const keyB = kidOf(b1);
      assert.notEqual(keyB, keyA, 'a new key signs after the rotation period');
      assert.deepEqual(await kids(server.anon), [keyA, keyB].sort());
      const published = createLocalJWKSet({ keys: await jwks(server.anon) });
      for (const token of [a1, a2, b1]) {
        await jwtVerify(token, published, { algorithms: ['EdDSA'], currentDate: clock.now() });
        assert.equal((await me(token)).status, 200);
      }

      clock.advance(58); // t0+119
      assert.equal((await me(a1)).status, 200, 'a token of the old key works until its own exp');
      clock.advance(1); // t0+120
      expectUnauthenticated(await me(a1), { invalidToken: true });
      const b2 = (await login(server.anon, user.username, STRONG_PASSWORD)).accessToken; // exp t0+240
      assert.equal(kidOf(b2), keyB);

      clock.advance(58); // t0+178
      assert.equal((await me(a2)).status, 200, 'the last token the old key signed still works');
      assert.ok((await kids(server.anon)).includes(keyA), 'the old key is published while a token it signed is valid');
      clock.advance(1); // t0+179
      expectUnauthenticated(await me(a2), { invalidToken: true });

      clock.advance(2); // t0+181: past rotation + ttl for key A
      const c1 = (await login(server.anon, user.username, STRONG_PASSWORD)).accessToken;
      const keyC = kidOf(c1);
      assert.ok(![keyA, keyB].includes(keyC));
      const after = await kids(server.anon);
      assert.ok(!after.includes(keyA), 'the old key leaves the JWKS once none of its tokens can be valid');
      assert.ok(after.includes(keyB) && after.includes(keyC), JSON.stringify(after));
      assert.equal((await me(b2)).status, 200);
      assert.equal((await me(c1)).status, 200);
    });
  });

  describe(`sessions: keys outlive the process (${backend})`, () => {
    it('a JWT issued before a restart, or by another process on the database, still verifies', async () => {
      const clock = new Clock();
      const dataDir = backend === 'pglite' ? await mkdtemp(join(tmpdir(), 'roster-keys-')) : undefined;
      const first = await startServer(backend, { now: clock.now, dataDir });
      let second: TestServer | undefined;
      let firstRunning = true;
      try {
        const session = await login(first.anon, ADMIN.username, ADMIN.password);
        const kid = jwtParts(session.accessToken).header.kid!;
        // PGlite is one process's database: restart onto it. PostgreSQL: a second process beside.
        if (backend === 'pglite') {
          firstRunning = false;
          await first.stop();
        }
        second = await startServer(backend, { now: clock.now, database: first.database });
        assert.ok((await kids(second.anon)).includes(kid));
        const me = await second.client(bearer(session.accessToken)).get('/api/v1/users/me');
        assert.equal(me.status, 200, me.text);
        assert.equal(me.body.username, ADMIN.username);
        await expectMe(second.anon, me.body.id, withCookie(session));
        const again = await login(second.anon, ADMIN.username, ADMIN.password);
        assert.equal(jwtParts(again.accessToken).header.kid, kid, 'the other process signs with the same key');
        if (backend === 'postgres') await expectMe(first.client(bearer(again.accessToken)), me.body.id);
      } finally {
        await second?.stop();
        if (firstRunning) await first.stop();
        await first.database.drop();
        if (dataDir) await rm(dataDir, { recursive: true, force: true });
      }
    });
  });
}
