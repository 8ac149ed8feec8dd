// Personal access tokens: creation, use as `Token` and `Bearer`, listing without secrets,
// revocation and expiry. Who may manage whose tokens is in tokens-access.test.ts.
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { backends } from '../support/backends.ts';
import { storedText } from '../support/at-rest.ts';
import { withServer } from '../support/server.ts';
import { Clock } from '../support/clock.ts';
import { expectProblem, type Client } from '../support/client.ts';
import { createLogin } from '../support/factories.ts';

const DAY_MS = 86_400_000;
const SECRET_FORMAT = /^roster_pat_[A-Za-z0-9_-]{43,}$/;

async function createToken(client: Client, userId: string, body: Record<string, unknown> = { name: 'ci' }) {
  const res = await client.post(`/api/v1/users/${userId}/tokens`, body);
  assert.equal(res.status, 201, res.text);
  return res.body as { id: string; name: string; secret: string; expiresAt: string; createdAt: string; lastUsedAt: null };
}

for (const backend of backends()) {
  describe(`personal access tokens (${backend})`, () => {
    // Each test reads the clock at its start; tests only move it forward.
    const clock = new Clock('2031-03-01T12:00:00.000Z');
    const advance = (ms: number) => {
      clock.advanceMs(ms);
    };
    const server = withServer(backend, { now: clock.now });
    before(async () => {
    });

    it('POST /users/{id}/tokens answers 201 with the secret once, a Location and no-store', async () => {
      const { user } = await createLogin(server.admin, 'user');
      const start = clock.iso();
      const res = await server.admin.post(`/api/v1/users/${user.id}/tokens`, { name: 'deploy bot' });
      assert.equal(res.status, 201, res.text);
      assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
      assert.equal(res.headers.get('cache-control'), 'no-store');
      assert.deepEqual(Object.keys(res.body).sort(), ['createdAt', 'expiresAt', 'id', 'lastUsedAt', 'name', 'secret']);
      assert.equal(res.headers.get('location'), `/api/v1/users/${user.id}/tokens/${res.body.id}`);
      assert.equal(res.body.name, 'deploy bot');
      assert.equal(res.body.createdAt, start);
      assert.equal(res.body.expiresAt, new Date(Date.parse(start) + 90 * DAY_MS).toISOString(), 'default 90 days');
      assert.equal(res.body.lastUsedAt, null);
      assert.match(res.body.secret, SECRET_FORMAT, 'a scanner-friendly prefix and ≥ 256 bits');
      assert.ok(Buffer.from(res.body.secret.slice('roster_pat_'.length), 'base64url').length >= 32);

      const again = await createToken(server.admin, user.id);
      assert.notEqual(again.secret, res.body.secret);
      assert.notEqual(again.id, res.body.id);
    });

    it('/users/me/tokens creates a token for the caller', async () => {
      const { user, auth } = await createLogin(server.admin, 'user');
      const res = await server.client(auth).post('/api/v1/users/me/tokens', { name: 'laptop' });
      assert.equal(res.status, 201, res.text);
      assert.equal(res.headers.get('location'), `/api/v1/users/${user.id}/tokens/${res.body.id}`);
      assert.match(res.body.secret, SECRET_FORMAT);
      const list = await server.client(auth).get('/api/v1/users/me/tokens');
      assert.equal(list.status, 200, list.text);
      assert.deepEqual(list.body.items.map((t: any) => t.id), [res.body.id]);
      const byAdmin = await server.admin.get(`/api/v1/users/${user.id}/tokens`);
      assert.deepEqual(byAdmin.body, list.body);
    });

    it('expiresInDays accepts 1..365 and refuses 0, 366 and fractions', async () => {
      const { user } = await createLogin(server.admin, 'user');
      for (const days of [1, 365]) {
        const token = await createToken(server.admin, user.id, { name: `d${days}`, expiresInDays: days });
        assert.equal(Date.parse(token.expiresAt) - Date.parse(token.createdAt), days * DAY_MS);
      }
      for (const days of [0, 366, 1.5, -1, '30']) {
        const res = await server.admin.post(`/api/v1/users/${user.id}/tokens`, { name: 'bad', expiresInDays: days });
        const problem = expectProblem(res, 400, 'request.invalid');
        assert.deepEqual(problem.errors.map((e: any) => e.pointer), ['/expiresInDays'], `expiresInDays ${days}`);
      }
      const noName = await server.admin.post(`/api/v1/users/${user.id}/tokens`, {});
      assert.deepEqual(expectProblem(noName, 400, 'request.invalid').errors.map((e: any) => e.pointer), ['/name']);
      const extra = await server.admin.post(`/api/v1/users/${user.id}/tokens`, { name: 'x', secret: 'mine' });
      expectProblem(extra, 400, 'request.invalid');
      const list = await server.admin.get(`/api/v1/users/${user.id}/tokens`);
      assert.deepEqual(list.body.items.map((t: any) => t.name).sort(), ['d1', 'd365'], 'refused bodies created nothing');
    });

    it('the secret authenticates as `Token` and as `Bearer`, with the owner\'s role', async () => {
      const { user } = await createLogin(server.admin, 'user');
      const token = await createToken(server.admin, user.id);
      for (const scheme of ['Token', 'Bearer', 'token', 'bearer']) {
        const res = await server.client(`${scheme} ${token.secret}`).get('/api/v1/users/me');
        assert.equal(res.status, 200, `${scheme}: ${res.text}`);
        assert.equal(res.body.id, user.id);
        assert.equal(res.body.isCurrent, true);
      }
      const others = await server.client(`Token ${token.secret}`).get('/api/v1/users');
      expectProblem(others, 403, 'auth.forbidden');
    });

    it('unknown or malformed token secrets answer 401 with the challenges', async () => {
      const unknown = `roster_pat_${'A'.repeat(43)}`;
      const bearer = await server.client(`Bearer ${unknown}`).get('/api/v1/users/me');
      expectProblem(bearer, 401, 'auth.unauthenticated');
      const challenge = bearer.headers.get('www-authenticate') ?? '';
      assert.match(challenge, /Bearer realm="roster", error="invalid_token"/);
      assert.match(challenge, /Basic/);
      const token = await server.client(`Token ${unknown}`).get('/api/v1/users/me');
      expectProblem(token, 401, 'auth.unauthenticated');
      assert.match(token.headers.get('www-authenticate') ?? '', /Bearer/);
      expectProblem(await server.client('Token').get('/api/v1/users/me'), 401, 'auth.unauthenticated');
    });

    it('the list shows lastUsedAt after use and never the secret', async () => {
      const { user, auth } = await createLogin(server.admin, 'user');
      const used = await createToken(server.admin, user.id, { name: 'used' });
      const idle = await createToken(server.admin, user.id, { name: 'idle' });
      advance(5_000);
      const usedAt = clock.iso();
      assert.equal((await server.client(`Token ${used.secret}`).get('/api/v1/users/me')).status, 200);

      for (const client of [server.admin, server.client(auth), server.client(`Bearer ${used.secret}`)]) {
        const res = await client.get(`/api/v1/users/${user.id}/tokens`);
        assert.equal(res.status, 200, res.text);
        assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
        const byName = Object.fromEntries(res.body.items.map((t: any) => [t.name, t]));
        assert.deepEqual(byName.used, { id: used.id, name: 'used', createdAt: used.createdAt, expiresAt: used.expiresAt, lastUsedAt: usedAt });
        assert.deepEqual(byName.idle, { id: idle.id, name: 'idle', createdAt: idle.createdAt, expiresAt: idle.expiresAt, lastUsedAt: null });
        for (const item of res.body.items) assert.equal('secret' in item, false);
        for (const secret of [used.secret, idle.secret]) {
          assert.equal(res.text.includes(secret.slice('roster_pat_'.length)), false, 'no secret text in the list');
        }
      }
    });

    it('DELETE revokes at once; a second DELETE and unknown ids answer 404', async () => {
      const { user } = await createLogin(server.admin, 'user');
      const token = await createToken(server.admin, user.id);
      const keep = await createToken(server.admin, user.id, { name: 'keep' });
      const client = server.client(`Token ${token.secret}`);
      assert.equal((await client.get('/api/v1/users/me')).status, 200, 'used (and cached) before the revocation');

      const res = await server.admin.delete(`/api/v1/users/${user.id}/tokens/${token.id}`);
      assert.equal(res.status, 204, res.text);
      assert.equal(res.text, '');
      expectProblem(await client.get('/api/v1/users/me'), 401, 'auth.unauthenticated');
      const bearer = await server.client(`Bearer ${token.secret}`).get('/api/v1/users/me');
      expectProblem(bearer, 401, 'auth.unauthenticated');
      assert.match(bearer.headers.get('www-authenticate') ?? '', /error="invalid_token"/);
      assert.equal((await server.client(`Token ${keep.secret}`).get('/api/v1/users/me')).status, 200, 'other tokens live on');

      expectProblem(await server.admin.delete(`/api/v1/users/${user.id}/tokens/${token.id}`), 404, 'token.not_found');
      expectProblem(await server.admin.delete(`/api/v1/users/${user.id}/tokens/0190a5c4-0000-7000-8000-000000000000`), 404, 'token.not_found');
      expectProblem(await server.admin.delete(`/api/v1/users/${user.id}/tokens/not-a-uuid`), 404, 'token.not_found');
      const other = await createLogin(server.admin, 'user');
      const wrongOwner = await server.admin.delete(`/api/v1/users/${other.user.id}/tokens/${keep.id}`);
      expectProblem(wrongOwner, 404, 'token.not_found');
      assert.equal((await server.client(`Token ${keep.secret}`).get('/api/v1/users/me')).status, 200);
      const list = await server.admin.get(`/api/v1/users/${user.id}/tokens`);
      assert.deepEqual(list.body.items.map((t: any) => t.id), [keep.id]);
    });

    it('an expired token answers 401 with error="invalid_token"', async () => {
      const { user } = await createLogin(server.admin, 'user');
      const token = await createToken(server.admin, user.id, { name: 'short', expiresInDays: 1 });
      advance(DAY_MS - 60_000);
      assert.equal((await server.client(`Bearer ${token.secret}`).get('/api/v1/users/me')).status, 200, 'a minute before expiry');
      advance(60_000 + 1_000);
      assert.ok(clock.now().getTime() > Date.parse(token.expiresAt));
      const bearer = await server.client(`Bearer ${token.secret}`).get('/api/v1/users/me');
      expectProblem(bearer, 401, 'auth.unauthenticated');
      assert.match(bearer.headers.get('www-authenticate') ?? '', /Bearer realm="roster", error="invalid_token"/);
      expectProblem(await server.client(`Token ${token.secret}`).get('/api/v1/users/me'), 401, 'auth.unauthenticated');
      const list = await server.admin.get(`/api/v1/users/${user.id}/tokens`);
      assert.deepEqual(list.body.items.map((t: any) => t.id), [token.id], 'still listed, so it can be seen and deleted');
    });

    it('tokens stop working at once when their user is disabled', async () => {
      const { user } = await createLogin(server.admin, 'user');
      const token = await createToken(server.admin, user.id);
      const client = server.client(`Token ${token.secret}`);
      assert.equal((await client.get('/api/v1/users/me')).status, 200, 'used (and cached) first');
      const disable = await server.admin.patch(`/api/v1/users/${user.id}`, { status: 'disabled' });
      assert.equal(disable.status, 200, disable.text);
      expectProblem(await client.get('/api/v1/users/me'), 401, 'auth.unauthenticated');
      expectProblem(await server.client(`Bearer ${token.secret}`).get('/api/v1/users/me'), 401, 'auth.unauthenticated');
    });

    it('tokens stop working at once when their user is deleted', async () => {
      const { user } = await createLogin(server.admin, 'user');
      const token = await createToken(server.admin, user.id);
      const client = server.client(`Token ${token.secret}`);
      assert.equal((await client.get('/api/v1/users/me')).status, 200, 'used (and cached) first');
      const removed = await server.admin.delete(`/api/v1/users/${user.id}`);
      assert.equal(removed.status, 204, removed.text);
      expectProblem(await client.get('/api/v1/users/me'), 401, 'auth.unauthenticated');
      expectProblem(await server.client(`Bearer ${token.secret}`).get('/api/v1/users/me'), 401, 'auth.unauthenticated');
    });

    it('the secret is stored only as a hash', async () => {
      const { user } = await createLogin(server.admin, 'user');
      const token = await createToken(server.admin, user.id, { name: 'at-rest' });
      await server.client(`Token ${token.secret}`).get('/api/v1/users/me');
      const stored = await storedText(server, 'access_tokens');
      assert.ok(stored.includes(token.id), 'the scan sees the token row');
      assert.equal(stored.includes(token.secret.slice('roster_pat_'.length)), false, 'the secret is in the database');
    });

    it('a POST with an Idempotency-Key does not store the secret in the clear', async () => {
      const { user } = await createLogin(server.admin, 'user');
      const headers = { 'idempotency-key': `tok-${user.id}` };
      const first = await server.admin.post(`/api/v1/users/${user.id}/tokens`, { name: 'once' }, { headers });
      assert.equal(first.status, 201, first.text);
      const random = first.body.secret.slice('roster_pat_'.length);
      // Whether a retry replays the secret or makes a new token is open; either way the
      // database must not hold it (the idempotency record included).
      await server.admin.post(`/api/v1/users/${user.id}/tokens`, { name: 'once' }, { headers });
      assert.equal((await storedText(server, 'access_tokens')).includes(random), false, 'the secret is in the database');
    });

    it('no token secret appears in the log', async () => {
      const { user, auth } = await createLogin(server.admin, 'user');
      const token = await createToken(server.client(auth), 'me');
      await server.client(`Token ${token.secret}`).get('/api/v1/users/me');
      await server.client(`Bearer ${token.secret}`).get(`/api/v1/users/${user.id}/tokens`);
      await server.admin.delete(`/api/v1/users/${user.id}/tokens/${token.id}`);
      await server.client(`Token ${token.secret}`).get('/api/v1/users/me');
      const log = server.logs.join('');
      assert.ok(log.includes(token.id), 'the log records these requests');
      assert.equal(log.includes(token.secret.slice('roster_pat_'.length)), false);
    });
  });
}
