// POST /api/v1/users when the user may already exist: case-insensitive duplicates, a race of
// concurrent creates, `?ifExists=return` and `Idempotency-Key` replays.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { backends } from '../support/backends.ts';
import { withServer } from '../support/server.ts';
import { expectProblem, type Response } from '../support/client.ts';
import { createLogin, createUser, uniqueName, STRONG_PASSWORD } from '../support/factories.ts';

function expectConflict(res: Response, code: string, pointer: string): void {
  const body = expectProblem(res, 409, code);
  assert.equal(body.errors?.[0]?.pointer, pointer, res.text);
  assert.equal(body.errors[0].code, 'taken');
}

for (const backend of backends()) {
  describe(`users create conflicts (${backend})`, () => {
    const server = withServer(backend);

    const create = (body: Record<string, unknown>, path = '/api/v1/users', headers?: Record<string, string>) =>
      server.admin.post(path, body, { headers });

    /** The users whose username (case-insensitively) or email is this, through the list API. */
    async function usersNamed(attribute: 'username' | 'email', value: string): Promise<any[]> {
      const filter = encodeURIComponent(`${attribute} eq ${JSON.stringify(value)}`);
      const res = await server.admin.get(`/api/v1/users?filter=${filter}`);
      assert.equal(res.status, 200, res.text);
      return res.body.items;
    }

    it('refuses a username that differs only in case with 409 user.username_taken', async () => {
      const username = uniqueName('Case');
      const first = await createUser(server.admin, { username });
      expectConflict(await create({ username: username.toUpperCase() }), 'user.username_taken', '/username');
      expectConflict(await create({ username: username.toLowerCase() }), 'user.username_taken', '/username');
      expectConflict(await create({ username }), 'user.username_taken', '/username');
      const same = await usersNamed('username', username.toLowerCase());
      assert.deepEqual(same.map((u) => u.id), [first.id]);
    });

    it('compares usernames case-insensitively by Unicode rules, not only ASCII', async () => {
      const suffix = uniqueName();
      const first = await createUser(server.admin, { username: `ärger-ÇA-${suffix}` });
      expectConflict(await create({ username: `ÄRGER-ça-${suffix}` }), 'user.username_taken', '/username');
      // Different letters stay different users.
      const other = await create({ username: `arger-ca-${suffix}` });
      assert.equal(other.status, 201, other.text);
      assert.notEqual(other.body.id, first.id);
    });

    it('refuses an email that differs only in case with 409 user.email_taken', async () => {
      const email = `${uniqueName('Mail')}@Example.COM`;
      const first = await createUser(server.admin, { email });
      expectConflict(await create({ username: uniqueName(), email: email.toLowerCase() }), 'user.email_taken', '/email');
      expectConflict(await create({ username: uniqueName(), email: email.toUpperCase() }), 'user.email_taken', '/email');
      const same = await usersNamed('email', email);
      assert.deepEqual(same.map((u) => u.id), [first.id]);
    });

    it('refuses a duplicate externalId with 409', async () => {
      const externalId = `ext-${uniqueName()}`;
      await createUser(server.admin, { externalId });
      expectConflict(await create({ username: uniqueName(), externalId }), 'user.external_id_taken', '/externalId');
      // externalId is compared exactly: another case is another id.
      const other = await create({ username: uniqueName(), externalId: externalId.toUpperCase() });
      assert.equal(other.status, 201, other.text);
      // Absent external ids never collide.
      assert.equal((await create({ username: uniqueName(), externalId: null })).status, 201);
      assert.equal((await create({ username: uniqueName(), externalId: null })).status, 201);
    });

    it('lets exactly one of 20 concurrent creates of one username win', async () => {
      const username = uniqueName('race');
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          create({ username: i % 2 === 0 ? username : username.toUpperCase(), password: STRONG_PASSWORD }),
        ),
      );
      const statuses = results.map((r) => r.status).sort();
      assert.deepEqual(statuses, [201, ...Array(19).fill(409)], results.map((r) => r.text).join('\n'));
      for (const res of results.filter((r) => r.status === 409)) expectProblem(res, 409, 'user.username_taken');
      const winner = results.find((r) => r.status === 201)!;
      const same = await usersNamed('username', username);
      assert.deepEqual(same.map((u) => u.id), [winner.body.id]);
    });

    it('?ifExists=return answers 200 with the user that has the username', async () => {
      const username = uniqueName();
      const existing = await createUser(server.admin, { username, name: 'Original' });
      const res = await create({ username: username.toUpperCase(), name: 'Another' }, '/api/v1/users?ifExists=return');
      assert.equal(res.status, 200, res.text);
      assert.equal(res.body.id, existing.id);
      assert.equal(res.headers.get('location'), `/api/v1/users/${existing.id}`);
      const current = await server.admin.get(`/api/v1/users/${existing.id}`);
      assert.deepEqual(res.body, current.body, 'the existing user, unchanged');
      assert.equal(res.body.name, 'Original');
      assert.equal(res.headers.get('etag'), current.headers.get('etag'));
      assert.equal((await usersNamed('username', username)).length, 1);
    });

    it('?ifExists=return answers 200 with the user that has the email', async () => {
      const email = `${uniqueName()}@example.com`;
      const existing = await createUser(server.admin, { email });
      const other = uniqueName();
      const res = await create({ username: other, email: email.toUpperCase() }, '/api/v1/users?ifExists=return');
      assert.equal(res.status, 200, res.text);
      assert.equal(res.body.id, existing.id);
      assert.equal(res.body.username, existing.username);
      assert.equal((await usersNamed('username', other)).length, 0, 'no second user');
      assert.equal((await usersNamed('email', email)).length, 1);
    });

    it('?ifExists=return still creates a new user with 201, and ifExists=fail keeps the 409', async () => {
      const username = uniqueName();
      const created = await create({ username }, '/api/v1/users?ifExists=return');
      assert.equal(created.status, 201, created.text);
      expectProblem(await create({ username }, '/api/v1/users?ifExists=fail'), 409, 'user.username_taken');
      const bad = expectProblem(await create({ username }, '/api/v1/users?ifExists=maybe'), 400, 'request.invalid');
      assert.equal(bad.errors[0].parameter, 'ifExists');
    });

    it('replays the first response for the same Idempotency-Key and body', async () => {
      const key = `key-${uniqueName()}`;
      const body = { username: uniqueName(), password: STRONG_PASSWORD };
      const first = await create(body, undefined, { 'idempotency-key': key });
      assert.equal(first.status, 201, first.text);
      assert.equal(first.headers.get('idempotency-replayed'), null);

      const again = await create(body, undefined, { 'idempotency-key': key });
      assert.equal(again.status, 201, again.text);
      assert.equal(again.headers.get('idempotency-replayed'), 'true');
      assert.equal(again.text, first.text);
      assert.equal(again.headers.get('location'), first.headers.get('location'));
      assert.equal(again.headers.get('etag'), first.headers.get('etag'));
      assert.match(again.headers.get('content-type') ?? '', /^application\/json/);

      const users = await usersNamed('username', body.username);
      assert.deepEqual(users.map((u) => u.id), [first.body.id]);
    });

    it('creates one user when concurrent requests share an Idempotency-Key', async () => {
      const key = `key-${uniqueName()}`;
      const body = { username: uniqueName(), password: STRONG_PASSWORD };
      const results = await Promise.all(Array.from({ length: 8 }, () => create(body, undefined, { 'idempotency-key': key })));
      const created = results.filter((r) => r.status === 201);
      assert.ok(created.length >= 1, results.map((r) => `${r.status} ${r.text}`).join('\n'));
      for (const res of results.filter((r) => r.status !== 201)) expectProblem(res, 409, 'idempotency.in_progress');
      const ids = new Set(created.map((r) => r.body.id));
      assert.equal(ids.size, 1, 'every 201 is the same user');
      assert.equal(created.filter((r) => r.headers.get('idempotency-replayed') === null).length, 1, 'one original, the rest replays');
      const users = await usersNamed('username', body.username);
      assert.deepEqual(users.map((u) => u.id), [...ids]);
    });

    it('answers 422 idempotency.key_reused for the same key with a different body', async () => {
      const key = `key-${uniqueName()}`;
      const username = uniqueName();
      assert.equal((await create({ username }, undefined, { 'idempotency-key': key })).status, 201);
      const other = uniqueName();
      const res = await create({ username: other }, undefined, { 'idempotency-key': key });
      expectProblem(res, 422, 'idempotency.key_reused');
      assert.equal((await usersNamed('username', other)).length, 0);
      // The key stays bound to its first request.
      const replay = await create({ username }, undefined, { 'idempotency-key': key });
      assert.equal(replay.status, 201);
      assert.equal(replay.headers.get('idempotency-replayed'), 'true');
    });

    it('replays a 409 as a 409', async () => {
      const username = uniqueName();
      await createUser(server.admin, { username });
      const key = `key-${uniqueName()}`;
      const first = await create({ username }, undefined, { 'idempotency-key': key });
      expectProblem(first, 409, 'user.username_taken');
      const again = await create({ username }, undefined, { 'idempotency-key': key });
      assert.equal(again.status, 409, again.text);
      assert.equal(again.headers.get('idempotency-replayed'), 'true');
      assert.match(again.headers.get('content-type') ?? '', /^application\/problem\+json/);
      assert.equal(again.text, first.text, 'the first problem document, as it was');
      assert.equal(again.body.code, 'user.username_taken');
    });

    it('keeps Idempotency-Keys apart per caller and refuses malformed keys', async () => {
      const key = `key-${uniqueName()}`;
      const { auth } = await createLogin(server.admin, 'manager');
      const body = { username: uniqueName() };
      assert.equal((await create(body, undefined, { 'idempotency-key': key })).status, 201);
      // Another principal's same key is its own: no replay, a plain duplicate.
      const res = await server.client(auth).post('/api/v1/users', body, { headers: { 'idempotency-key': key } });
      expectProblem(res, 409, 'user.username_taken');
      assert.equal(res.headers.get('idempotency-replayed'), null);

      const bad = await create({ username: uniqueName() }, undefined, { 'idempotency-key': 'has space' });
      expectProblem(bad, 400, 'idempotency.invalid_key');
    });
  });
}
