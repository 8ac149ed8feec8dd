// Service state (API.md "Service state"): unprovisioned → provision → operational, read_only
// maintenance, health and readiness, and the public OpenAPI document and docs.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { backends } from '../support/backends.ts';
import { withServer, startServer, ADMIN, type TestServer } from '../support/server.ts';
import { expectProblem, basic } from '../support/client.ts';
import { createUser, uniqueName, STRONG_PASSWORD } from '../support/factories.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

for (const backend of backends()) {
  describe(`system: unprovisioned service refusals (${backend})`, () => {
    // None of these provisions, so they share one fresh server and each checks it stays fresh.
    const server = withServer(backend, { provision: false });

    it('reports the state unprovisioned without authentication', async () => {
      const res = await server.anon.get('/api/v1/system/state');
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
      assert.deepEqual(res.body, { state: 'unprovisioned' });
    });

    it('answers every users call with 412 system.unprovisioned, with or without credentials', async () => {
      const id = '01234567-89ab-7def-8123-456789abcdef';
      for (const client of [server.anon, server.admin, server.client(basic('nobody', 'nothing-at-all'))]) {
        expectProblem(await client.get('/api/v1/users'), 412, 'system.unprovisioned');
        expectProblem(await client.post('/api/v1/users', { username: uniqueName() }), 412, 'system.unprovisioned');
        expectProblem(await client.get('/api/v1/users/me'), 412, 'system.unprovisioned');
        expectProblem(await client.get(`/api/v1/users/${id}`), 412, 'system.unprovisioned');
        expectProblem(await client.patch(`/api/v1/users/${id}`, { name: 'x' }), 412, 'system.unprovisioned');
        expectProblem(await client.delete(`/api/v1/users/${id}`), 412, 'system.unprovisioned');
      }
      assert.deepEqual((await server.anon.get('/api/v1/system/state')).body, { state: 'unprovisioned' });
    });

    it('serves health, readiness and the OpenAPI document while unprovisioned', async () => {
      assert.deepEqual((await server.anon.get('/healthz')).body, { status: 'ok' });
      assert.deepEqual((await server.anon.get('/readyz')).body, { status: 'ready' });
      assert.equal((await server.anon.get('/openapi.json')).status, 200);
    });

    it('refuses a weak first password with 400 password.weak and stays unprovisioned', async () => {
      for (const password of ['short1', 'password1234', 'aaaaaaaaaaaaaaaa', 'root-admin-root-admin']) {
        const res = await server.anon.post('/api/v1/system/provision', { username: 'root-admin', password });
        const problem = expectProblem(res, 400, 'password.weak');
        assert.deepEqual(problem.errors.map((e: any) => [e.pointer, e.code]), [['/password', 'weak_password']], password);
      }
      assert.deepEqual((await server.anon.get('/api/v1/system/state')).body, { state: 'unprovisioned' });
    });

    it('refuses a provisioning body that is not { username, password } with 400', async () => {
      const missing = expectProblem(await server.anon.post('/api/v1/system/provision', { username: 'root' }), 400, 'request.invalid');
      assert.deepEqual(missing.errors.map((e: any) => e.pointer), ['/password']);
      const extra = await server.anon.post('/api/v1/system/provision', { username: 'root', password: STRONG_PASSWORD, role: 'user' });
      assert.deepEqual(expectProblem(extra, 400, 'request.invalid').errors.map((e: any) => [e.pointer, e.code]), [['/role', 'unknown_field']]);
      assert.deepEqual((await server.anon.get('/api/v1/system/state')).body, { state: 'unprovisioned' });
    });
  });

  describe(`system: provisioning (${backend})`, () => {
    // Each test provisions, so each gets a fresh server of its own.
    const fresh = (work: (server: TestServer) => Promise<void>) => withServer(backend, { provision: false }, work);

    it('provisions the first administrator: 201, Location, an active admin, operational', () =>
      fresh(async (server) => {
        const username = uniqueName('root');
        const res = await server.anon.post('/api/v1/system/provision', { username, password: STRONG_PASSWORD });
        assert.equal(res.status, 201, res.text);
        assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
        assert.match(res.body.id, UUID);
        assert.equal(res.headers.get('location'), `/api/v1/users/${res.body.id}`);
        assert.equal(res.body.username, username);
        assert.equal(res.body.role, 'admin');
        assert.equal(res.body.status, 'active');
        assert.equal(res.body.type, 'internal');
        assert.ok(!('password' in res.body) && !('passwordHash' in res.body));
        assert.ok(!res.text.includes('$argon2'));
        assert.deepEqual((await server.anon.get('/api/v1/system/state')).body, { state: 'operational' });

        const admin = server.client(basic(username, STRONG_PASSWORD));
        const me = await admin.get('/api/v1/users/me');
        assert.equal(me.status, 200, me.text);
        assert.equal(me.body.id, res.body.id);
        assert.equal(me.body.isCurrent, true);
        const got = await admin.get(res.headers.get('location')!);
        assert.equal(got.status, 200);
        assert.equal(got.body.role, 'admin');
        const created = await admin.post('/api/v1/users', { username: uniqueName() });
        assert.equal(created.status, 201, 'the admin can now manage users');
        expectProblem(await server.client(basic(username, 'not-the-password-at-all')).get('/api/v1/users/me'), 401, 'auth.unauthenticated');
      }));

    it('sends the ETag of the new administrator with the 201', () =>
      fresh(async (server) => {
        const username = uniqueName('root');
        const res = await server.anon.post('/api/v1/system/provision', { username, password: STRONG_PASSWORD });
        assert.equal(res.status, 201, res.text);
        const got = await server.client(basic(username, STRONG_PASSWORD)).get(res.headers.get('location')!);
        assert.ok(got.headers.get('etag'), 'GET carries an ETag');
        assert.equal(res.headers.get('etag'), got.headers.get('etag'), 'every user response carries its strong ETag');
      }));

    it('refuses to provision a second time with 412 system.already_provisioned', () =>
      fresh(async (server) => {
        const first = await server.anon.post('/api/v1/system/provision', { username: 'first-root', password: STRONG_PASSWORD });
        assert.equal(first.status, 201, first.text);
        const again = await server.anon.post('/api/v1/system/provision', { username: 'second-root', password: STRONG_PASSWORD });
        expectProblem(again, 412, 'system.already_provisioned');
        const sameName = await server.anon.post('/api/v1/system/provision', { username: 'first-root', password: STRONG_PASSWORD });
        expectProblem(sameName, 412, 'system.already_provisioned');
        expectProblem(await server.client(basic('second-root', STRONG_PASSWORD)).get('/api/v1/users/me'), 401, 'auth.unauthenticated');
        const list = await server.client(basic('first-root', STRONG_PASSWORD)).get('/api/v1/users');
        assert.deepEqual(list.body.items.map((u: any) => u.username), ['first-root']);
      }));

    it('lets exactly one of several concurrent provisions win', () =>
      fresh(async (server) => {
        const names = ['racer-a', 'racer-b', 'racer-c', 'racer-d'];
        const answers = await Promise.all(
          names.map((username) => server.anon.post('/api/v1/system/provision', { username, password: STRONG_PASSWORD })),
        );
        const winners = answers.filter((r) => r.status === 201);
        assert.equal(winners.length, 1, `statuses: ${answers.map((r) => r.status).join(', ')}`);
        for (const loser of answers.filter((r) => r.status !== 201)) expectProblem(loser, 412, 'system.already_provisioned');
        const winner = winners[0].body.username;
        const list = await server.client(basic(winner, STRONG_PASSWORD)).get('/api/v1/users');
        assert.equal(list.status, 200);
        assert.deepEqual(list.body.items.map((u: any) => u.username), [winner]);
        assert.deepEqual((await server.anon.get('/api/v1/system/state')).body, { state: 'operational' });
      }));
  });

  describe(`system: read_only maintenance (${backend})`, () => {
    let user: any;
    // Read-only is a restart over an existing, provisioned database, as an operator does it.
    const server = withServer(backend, async () => {
      const writable = await startServer(backend);
      user = await createUser(writable.admin, { name: 'Ada Lovelace' });
      await writable.stop();
      return { readOnly: true, database: writable.database };
    });

    it('reports the state read_only', async () => {
      const res = await server.anon.get('/api/v1/system/state');
      assert.equal(res.status, 200);
      assert.deepEqual(res.body, { state: 'read_only' });
    });

    it('keeps reads working', async () => {
      const list = await server.admin.get('/api/v1/users');
      assert.equal(list.status, 200);
      assert.ok(list.body.items.some((u: any) => u.id === user.id));
      const got = await server.admin.get(`/api/v1/users/${user.id}`);
      assert.equal(got.status, 200);
      assert.equal(got.body.name, 'Ada Lovelace');
      assert.equal(got.headers.get('etag'), '"1"');
      assert.equal((await server.admin.get('/api/v1/users/me')).body.username, ADMIN.username);
    });

    it('answers POST, PUT, PATCH and DELETE on users with 412 system.read_only and changes nothing', async () => {
      const id = user.id;
      expectProblem(await server.admin.post('/api/v1/users', { username: uniqueName() }), 412, 'system.read_only');
      expectProblem(await server.admin.put(`/api/v1/users/${id}`, { username: user.username, name: 'Changed' }), 412, 'system.read_only');
      expectProblem(await server.admin.patch(`/api/v1/users/${id}`, { name: 'Changed' }), 412, 'system.read_only');
      expectProblem(await server.admin.patch('/api/v1/users/me', { name: 'Changed' }), 412, 'system.read_only');
      expectProblem(await server.admin.delete(`/api/v1/users/${id}`), 412, 'system.read_only');
      const got = await server.admin.get(`/api/v1/users/${id}`);
      assert.equal(got.status, 200);
      assert.equal(got.body.name, 'Ada Lovelace');
      assert.equal(got.headers.get('etag'), '"1"');
      const list = await server.admin.get('/api/v1/users');
      assert.equal(list.body.items.length, 2, 'no user was added');
    });

    it('refuses provisioning while read-only', async () => {
      const res = await server.anon.post('/api/v1/system/provision', { username: uniqueName('root'), password: STRONG_PASSWORD });
      assert.equal(res.status, 412, res.text);
      assert.ok(['system.read_only', 'system.already_provisioned'].includes(res.body.code), res.body.code);
    });
  });

  describe(`system: health, OpenAPI and docs (${backend})`, () => {
    const server = withServer(backend);

    it('answers /healthz with 200 {status:"ok"} and /readyz with 200 {status:"ready"}, without auth', async () => {
      const live = await server.anon.get('/healthz');
      assert.equal(live.status, 200);
      assert.match(live.headers.get('content-type') ?? '', /^application\/json/);
      assert.deepEqual(live.body, { status: 'ok' });
      const ready = await server.anon.get('/readyz');
      assert.equal(ready.status, 200);
      assert.deepEqual(ready.body, { status: 'ready' });
    });

    it('serves the OpenAPI 3.1 document publicly', async () => {
      const res = await server.anon.get('/openapi.json');
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
      assert.match(res.body.openapi, /^3\.1\./);
      for (const p of ['/api/v1/users', '/api/v1/users/{id}', '/api/v1/system/state', '/api/v1/system/provision']) {
        assert.ok(res.body.paths[p], `the document lists ${p}`);
      }
      assert.equal(res.body.paths['/api/v1/users'].post.operationId, 'createUser');
    });

    it('serves the interactive docs as HTML publicly', async () => {
      const res = await fetch(`${server.url}/docs`, { redirect: 'follow' });
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-type') ?? '', /^text\/html/);
      assert.match(await res.text(), /<html/i);
    });
  });

  describe(`system: readiness without a database (${backend})`, () => {
    it('answers /readyz with 503 system.not_ready once the database is gone, while /healthz stays 200', () =>
      withServer(backend, {}, async (server) => {
        await server.store.close();
        expectProblem(await server.anon.get('/readyz'), 503, 'system.not_ready');
        assert.deepEqual((await server.anon.get('/healthz')).body, { status: 'ok' });
      }));
  });
}
