// GET, PUT and DELETE of /api/v1/users/{id}: reads, projection, full replacement and the ETag
// preconditions. PATCH lives in patch.test.ts, /users/me in me.test.ts.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { backends } from '../support/backends.ts';
import { withServer } from '../support/server.ts';
import { Clock } from '../support/clock.ts';
import { basic, expectProblem } from '../support/client.ts';
import { createUser, uniqueName, STRONG_PASSWORD } from '../support/factories.ts';

const MISSING_ID = '0190a000-0000-7000-8000-000000000000';

for (const backend of backends()) {
  describe(`users read, replace and delete (${backend})`, () => {
    const clock = new Clock('2030-01-01T00:00:00.000Z');
    const tick = () => clock.advanceMs(60_000);
    const server = withServer(backend, { now: clock.now });

    const url = (id: string) => `/api/v1/users/${id}`;

    it('GET answers 200 with the user and its current ETag', async () => {
      const created = await server.admin.post('/api/v1/users', { username: uniqueName(), name: 'Grace Hopper' });
      assert.equal(created.status, 201);
      const res = await server.admin.get(url(created.body.id));
      assert.equal(res.status, 200, res.text);
      assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
      assert.equal(res.headers.get('etag'), created.headers.get('etag'));
      assert.deepEqual(res.body, created.body);
    });

    it('GET answers 404 user.not_found for an unknown or malformed id', async () => {
      expectProblem(await server.admin.get(url(MISSING_ID)), 404, 'user.not_found');
      for (const id of ['not-a-uuid', '123', `${MISSING_ID}x`, "1' OR '1'='1"]) {
        const res = await server.admin.get(url(encodeURIComponent(id)));
        expectProblem(res, 404, 'user.not_found');
      }
    });

    it('projects fields named by ?fields= or X-Fields', async () => {
      const user = await createUser(server.admin, { email: `${uniqueName()}@example.com` });
      const byQuery = await server.admin.get(`${url(user.id)}?fields=id,username`);
      assert.equal(byQuery.status, 200, byQuery.text);
      assert.deepEqual(byQuery.body, { id: user.id, username: user.username });
      assert.ok(byQuery.headers.get('etag'));

      const byHeader = await server.admin.get(url(user.id), { headers: { 'x-fields': 'email, status' } });
      assert.equal(byHeader.status, 200, byHeader.text);
      assert.deepEqual(byHeader.body, { email: user.email, status: 'invited' });

      const withNull = await server.admin.get(`${url(user.id)}?fields=phone,lastLogin`);
      assert.deepEqual(withNull.body, { phone: null, lastLogin: null }, 'null fields are kept, not dropped');
    });

    it('refuses unknown field names in the projection with 400', async () => {
      const user = await createUser(server.admin);
      const query = expectProblem(await server.admin.get(`${url(user.id)}?fields=id,password`), 400, 'request.unknown_fields');
      assert.equal(query.errors[0].parameter, 'fields');
      assert.match(query.detail, /password/);
      const header = expectProblem(
        await server.admin.get(url(user.id), { headers: { 'x-fields': 'id,passwordHash' } }),
        400,
        'request.unknown_fields',
      );
      assert.equal(header.errors[0].parameter, 'X-Fields');
    });

    it('PUT replaces every writable field: omitted ones return to their defaults, role and status stay', async () => {
      const username = uniqueName();
      const created = await server.admin.post('/api/v1/users', {
        username,
        password: STRONG_PASSWORD,
        name: 'Old Name',
        givenName: 'Old',
        familyName: 'Name',
        email: `${username}@example.com`,
        phone: '+4930123456',
        locale: 'de-DE',
        role: 'auditor',
        attributes: { team: 'a' },
        path: 'users/old',
        externalId: `ext-${username}`,
      });
      assert.equal(created.status, 201, created.text);
      tick();
      const renamed = `${username}-new`;
      const res = await server.admin.put(url(created.body.id), { username: renamed, name: 'New Name' });
      assert.equal(res.status, 200, res.text);
      const user = res.body;
      assert.equal(user.id, created.body.id);
      assert.equal(user.username, renamed);
      assert.equal(user.name, 'New Name');
      for (const field of ['givenName', 'familyName', 'email', 'phone', 'locale', 'externalId']) {
        assert.equal(user[field], null, field);
      }
      assert.equal(user.role, 'auditor', 'role stays when not named, like status');
      assert.deepEqual(user.attributes, {});
      assert.equal(user.path, 'users');
      assert.equal(user.type, 'internal', 'type stays');
      assert.equal(user.status, 'active', 'status stays when not named');
      assert.equal(user.createdAt, created.body.createdAt);
      assert.equal(user.updatedAt, clock.iso());
      assert.notEqual(res.headers.get('etag'), created.headers.get('etag'), 'the ETag changes');

      const fetched = await server.admin.get(url(user.id));
      assert.deepEqual(fetched.body, user);
      assert.equal(fetched.headers.get('etag'), res.headers.get('etag'));
      // The password, managed elsewhere, still works.
      const login = await server.client(basic(renamed, STRONG_PASSWORD)).get('/api/v1/users/me');
      assert.equal(login.status, 200, login.text);
    });

    it('PUT keeps the status unless it names one', async () => {
      const user = await createUser(server.admin, { password: STRONG_PASSWORD });
      const disabled = await server.admin.put(url(user.id), { username: user.username, status: 'disabled' });
      assert.equal(disabled.status, 200, disabled.text);
      assert.equal(disabled.body.status, 'disabled');
      const kept = await server.admin.put(url(user.id), { username: user.username, name: 'Still Off' });
      assert.equal(kept.status, 200, kept.text);
      assert.equal(kept.body.status, 'disabled');
      const invited = await server.admin.put(url(user.id), { username: user.username, status: 'invited' });
      const body = expectProblem(invited, 400, 'request.invalid');
      assert.equal(body.errors[0].pointer, '/status');
    });

    it('PUT refuses a password, a type change and a missing username', async () => {
      const user = await createUser(server.admin, { name: 'Keep' });
      const before = await server.admin.get(url(user.id));

      const password = expectProblem(
        await server.admin.put(url(user.id), { username: user.username, password: STRONG_PASSWORD }),
        400,
        'request.invalid',
      );
      assert.deepEqual(password.errors.map((e: any) => [e.pointer, e.code]), [['/password', 'not_allowed']]);

      const type = expectProblem(
        await server.admin.put(url(user.id), { username: user.username, type: 'service_account' }),
        400,
        'request.invalid',
      );
      assert.deepEqual(type.errors.map((e: any) => [e.pointer, e.code]), [['/type', 'immutable']]);

      const missing = expectProblem(await server.admin.put(url(user.id), { name: 'x' }), 400, 'request.invalid');
      assert.deepEqual(missing.errors.map((e: any) => [e.pointer, e.code]), [['/username', 'required']]);

      const unknown = expectProblem(await server.admin.put(url(user.id), { username: user.username, nick: 'x' }), 400, 'request.invalid');
      assert.deepEqual(unknown.errors.map((e: any) => [e.pointer, e.code]), [['/nick', 'unknown_field']]);

      const after = await server.admin.get(url(user.id));
      assert.deepEqual(after.body, before.body, 'nothing changed');
      assert.equal(after.headers.get('etag'), before.headers.get('etag'));

      const same = await server.admin.put(url(user.id), { username: user.username, type: 'internal', name: 'Keep' });
      assert.equal(same.status, 200, 'naming the current type is fine');
    });

    it('PUT answers 409 when the new username or email is taken, and 404 for an unknown id', async () => {
      const taken = await createUser(server.admin, { email: `${uniqueName()}@example.com` });
      const user = await createUser(server.admin);
      expectProblem(await server.admin.put(url(user.id), { username: taken.username.toUpperCase() }), 409, 'user.username_taken');
      expectProblem(
        await server.admin.put(url(user.id), { username: user.username, email: taken.email.toUpperCase() }),
        409,
        'user.email_taken',
      );
      expectProblem(await server.admin.put(url(MISSING_ID), { username: uniqueName() }), 404, 'user.not_found');
    });

    it('PUT honours If-Match: current → 200, stale → 412 with nothing changed, * → 200', async () => {
      const created = await server.admin.post('/api/v1/users', { username: uniqueName(), name: 'v1' });
      const username = created.body.username;
      const etag1 = created.headers.get('etag')!;

      const v2 = await server.admin.put(url(created.body.id), { username, name: 'v2' }, { headers: { 'if-match': etag1 } });
      assert.equal(v2.status, 200, v2.text);
      const etag2 = v2.headers.get('etag')!;
      assert.notEqual(etag2, etag1);

      const stale = await server.admin.put(url(created.body.id), { username, name: 'v3' }, { headers: { 'if-match': etag1 } });
      expectProblem(stale, 412, 'user.etag_mismatch');
      const unchanged = await server.admin.get(url(created.body.id));
      assert.equal(unchanged.body.name, 'v2');
      assert.equal(unchanged.headers.get('etag'), etag2);

      const weak = await server.admin.put(url(created.body.id), { username, name: 'v3' }, { headers: { 'if-match': `W/${etag2}` } });
      expectProblem(weak, 412, 'user.etag_mismatch');

      const listed = await server.admin.put(url(created.body.id), { username, name: 'v3' }, { headers: { 'if-match': `"nope", ${etag2}` } });
      assert.equal(listed.status, 200, listed.text);

      const any = await server.admin.put(url(created.body.id), { username, name: 'v4' }, { headers: { 'if-match': '*' } });
      assert.equal(any.status, 200, any.text);
      assert.equal(any.body.name, 'v4');
    });

    it('PUT with Prefer: return=minimal answers 204 with the new ETag', async () => {
      const user = await createUser(server.admin);
      const res = await server.admin.put(url(user.id), { username: user.username, name: 'Min' }, { headers: { prefer: 'return=minimal' } });
      assert.equal(res.status, 204, res.text);
      assert.equal(res.text, '');
      assert.equal(res.headers.get('preference-applied'), 'return=minimal');
      const fetched = await server.admin.get(url(user.id));
      assert.equal(fetched.body.name, 'Min');
      assert.equal(res.headers.get('etag'), fetched.headers.get('etag'));
    });

    it('DELETE answers 204, then the user is gone', async () => {
      const user = await createUser(server.admin);
      const res = await server.admin.delete(url(user.id));
      assert.equal(res.status, 204, res.text);
      assert.equal(res.text, '');
      expectProblem(await server.admin.get(url(user.id)), 404, 'user.not_found');
      expectProblem(await server.admin.delete(url(user.id)), 404, 'user.not_found');
      // The username is free again.
      assert.equal((await server.admin.post('/api/v1/users', { username: user.username })).status, 201);
    });

    it('DELETE answers 404 for an unknown or malformed id', async () => {
      expectProblem(await server.admin.delete(url(MISSING_ID)), 404, 'user.not_found');
      expectProblem(await server.admin.delete(url('not-a-uuid')), 404, 'user.not_found');
    });

    it('DELETE of oneself answers 403 user.self_delete', async () => {
      const me = await server.admin.get('/api/v1/users/me');
      expectProblem(await server.admin.delete(url(me.body.id)), 403, 'user.self_delete');
      assert.equal((await server.admin.get(url(me.body.id))).status, 200);
    });

    it('DELETE honours If-Match: stale → 412 and the user stays, current → 204', async () => {
      const created = await server.admin.post('/api/v1/users', { username: uniqueName() });
      const etag1 = created.headers.get('etag')!;
      const v2 = await server.admin.put(url(created.body.id), { username: created.body.username, name: 'v2' });
      assert.equal(v2.status, 200);

      expectProblem(await server.admin.delete(url(created.body.id), { headers: { 'if-match': etag1 } }), 412, 'user.etag_mismatch');
      assert.equal((await server.admin.get(url(created.body.id))).status, 200, 'still there');

      const res = await server.admin.delete(url(created.body.id), { headers: { 'if-match': v2.headers.get('etag')! } });
      assert.equal(res.status, 204, res.text);
      expectProblem(await server.admin.get(url(created.body.id)), 404, 'user.not_found');
    });
  });
}
