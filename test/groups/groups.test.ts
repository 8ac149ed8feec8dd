// /api/v1/groups/{id}: create, read, replace, merge-patch and delete one group, with validation,
// uniqueness, ETag/If-Match, Prefer: return=minimal and field projection. Lists: groups-list.test.ts.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { backends, createTestDatabase } from '../support/backends.ts';
import { withServer, startServer } from '../support/server.ts';
import { Clock } from '../support/clock.ts';
import { expectProblem } from '../support/client.ts';
import { uniqueName } from '../support/factories.ts';

const MERGE_PATCH = 'application/merge-patch+json';
const GROUP_KEYS = ['attributes', 'createdAt', 'id', 'isSuperuser', 'memberCount', 'name', 'parent', 'updatedAt'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const UNKNOWN_ID = '0190a000-0000-7000-8000-000000000000';

function assertOnlyFieldError(body: any, pointer: string, code: string): void {
  assert.deepEqual(body.errors.map((e: any) => [e.pointer, e.code]), [[pointer, code]], JSON.stringify(body.errors));
}

for (const backend of backends()) {
  describe(`groups CRUD (${backend})`, () => {
    const clock = new Clock();
    const server = withServer(backend, { now: clock.now });

    const url = (id: string) => `/api/v1/groups/${id}`;
    async function createGroup(fields: Record<string, unknown> = {}): Promise<any> {
      const res = await server.admin.post('/api/v1/groups', { name: uniqueName('grp'), ...fields });
      assert.equal(res.status, 201, res.text);
      return res.body;
    }

    it('creates a group: 201, Location, ETag and the full body', async () => {
      const name = uniqueName('Engineering');
      const res = await server.admin.post('/api/v1/groups', { name });
      assert.equal(res.status, 201, res.text);
      assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
      assert.match(res.body.id, UUID);
      assert.equal(res.headers.get('location'), `/api/v1/groups/${res.body.id}`);
      assert.match(res.headers.get('etag') ?? '', /^"[^"]+"$/, 'a strong ETag');
      assert.deepEqual(Object.keys(res.body).sort(), GROUP_KEYS);
      assert.deepEqual(res.body, {
        id: res.body.id,
        name,
        parent: null,
        isSuperuser: false,
        attributes: {},
        memberCount: 0,
        createdAt: clock.iso(),
        updatedAt: clock.iso(),
      });
      const fetched = await server.admin.get(res.headers.get('location')!);
      assert.equal(fetched.status, 200);
      assert.deepEqual(fetched.body, res.body);
      assert.equal(fetched.headers.get('etag'), res.headers.get('etag'));
    });

    it('creates a group with every field', async () => {
      const parent = await createGroup();
      const res = await server.admin.post('/api/v1/groups', {
        name: uniqueName('child'),
        parent: parent.id,
        isSuperuser: true,
        attributes: { costCenter: 42, tags: ['a', 'b'], nested: { x: null } },
      });
      assert.equal(res.status, 201, res.text);
      assert.equal(res.body.parent, parent.id);
      assert.equal(res.body.isSuperuser, true);
      assert.deepEqual(res.body.attributes, { costCenter: 42, tags: ['a', 'b'], nested: { x: null } });
    });

    it('accepts names of 1 and 150 characters and refuses 0 and 151 with a pointer to /name', async () => {
      const one = await server.admin.post('/api/v1/groups', { name: 'Z' });
      assert.equal(one.status, 201, one.text);
      const longest = uniqueName('g').padEnd(150, 'x');
      const max = await server.admin.post('/api/v1/groups', { name: longest });
      assert.equal(max.status, 201, max.text);
      assert.equal(max.body.name, longest);
      assertOnlyFieldError(expectProblem(await server.admin.post('/api/v1/groups', { name: '' }), 400, 'request.invalid'), '/name', 'too_short');
      const tooLong = await server.admin.post('/api/v1/groups', { name: uniqueName('g').padEnd(151, 'x') });
      assertOnlyFieldError(expectProblem(tooLong, 400, 'request.invalid'), '/name', 'too_long');
      assertOnlyFieldError(expectProblem(await server.admin.post('/api/v1/groups', {}), 400, 'request.invalid'), '/name', 'required');
    });

    it('refuses unknown body fields and wrong types', async () => {
      const unknown = await server.admin.post('/api/v1/groups', { name: uniqueName('g'), memberCount: 3 });
      assertOnlyFieldError(expectProblem(unknown, 400, 'request.invalid'), '/memberCount', 'unknown_field');
      const flag = await server.admin.post('/api/v1/groups', { name: uniqueName('g'), isSuperuser: 'yes' });
      assertOnlyFieldError(expectProblem(flag, 400, 'request.invalid'), '/isSuperuser', 'invalid_type');
    });

    it('keeps names unique case-insensitively: 409 group.name_taken on create, PUT and PATCH', async () => {
      const name = uniqueName('Sales');
      const first = await createGroup({ name });
      const body = expectProblem(await server.admin.post('/api/v1/groups', { name: name.toUpperCase() }), 409, 'group.name_taken');
      assert.equal(body.errors[0].pointer, '/name');
      const other = await createGroup();
      expectProblem(await server.admin.put(url(other.id), { name: name.toLowerCase() }), 409, 'group.name_taken');
      expectProblem(await server.admin.patch(url(other.id), { name: name.toUpperCase() }, { contentType: MERGE_PATCH }), 409, 'group.name_taken');
      const unchanged = await server.admin.get(url(other.id));
      assert.equal(unchanged.body.name, other.name);
      // Renaming a group to another casing of its own name is no conflict.
      const recased = await server.admin.patch(url(first.id), { name: name.toUpperCase() });
      assert.equal(recased.status, 200, recased.text);
      assert.equal(recased.body.name, name.toUpperCase());
    });

    it('refuses an unknown or malformed parent: 400 pointer /parent code unknown_group', async () => {
      for (const parent of [UNKNOWN_ID, 'not-a-uuid']) {
        const res = await server.admin.post('/api/v1/groups', { name: uniqueName('g'), parent });
        assertOnlyFieldError(expectProblem(res, 400, 'request.invalid'), '/parent', 'unknown_group');
      }
      const group = await createGroup();
      const res = await server.admin.patch(url(group.id), { parent: UNKNOWN_ID });
      assertOnlyFieldError(expectProblem(res, 400, 'request.invalid'), '/parent', 'unknown_group');
      assert.equal((await server.admin.get(url(group.id))).body.parent, null);
    });

    it('refuses attributes over 64 KiB on create, PUT and PATCH', async () => {
      const big = { blob: 'x'.repeat(64 * 1024) };
      const fits = { blob: 'x'.repeat(64 * 1024 - 20) };
      const ok = await server.admin.post('/api/v1/groups', { name: uniqueName('g'), attributes: fits });
      assert.equal(ok.status, 201, ok.text);
      assertOnlyFieldError(
        expectProblem(await server.admin.post('/api/v1/groups', { name: uniqueName('g'), attributes: big }), 400, 'request.invalid'),
        '/attributes',
        'too_large',
      );
      const group = await createGroup();
      expectProblem(await server.admin.put(url(group.id), { name: group.name, attributes: big }), 400, 'request.invalid');
      expectProblem(await server.admin.patch(url(group.id), { attributes: big }), 400, 'request.invalid');
      assert.deepEqual((await server.admin.get(url(group.id))).body.attributes, {});
    });

    it('answers 404 group.not_found for unknown and malformed ids on every verb', async () => {
      for (const id of [UNKNOWN_ID, 'nope', '123']) {
        expectProblem(await server.admin.get(url(id)), 404, 'group.not_found');
        expectProblem(await server.admin.put(url(id), { name: uniqueName('g') }), 404, 'group.not_found');
        expectProblem(await server.admin.patch(url(id), { name: uniqueName('g') }), 404, 'group.not_found');
        expectProblem(await server.admin.delete(url(id)), 404, 'group.not_found');
      }
    });

    it('projects fields with ?fields= and X-Fields; unknown fields → 400', async () => {
      const group = await createGroup({ attributes: { a: 1 } });
      const res = await server.admin.get(`${url(group.id)}?fields=id,name,memberCount`);
      assert.equal(res.status, 200, res.text);
      assert.deepEqual(res.body, { id: group.id, name: group.name, memberCount: 0 });
      const header = await server.admin.get(url(group.id), { headers: { 'x-fields': 'parent,isSuperuser' } });
      assert.deepEqual(header.body, { parent: null, isSuperuser: false });
      const created = await server.admin.post('/api/v1/groups?fields=id', { name: uniqueName('g') });
      assert.equal(created.status, 201, created.text);
      assert.deepEqual(Object.keys(created.body), ['id']);
      expectProblem(await server.admin.get(`${url(group.id)}?fields=id,password`), 400, 'request.unknown_fields');
    });

    it('PUT replaces: omitted optional fields reset, isSuperuser stays unless named', async () => {
      const parent = await createGroup();
      const group = await createGroup({ parent: parent.id, isSuperuser: true, attributes: { a: 1 } });
      clock.advance(60);
      const name = uniqueName('renamed');
      const res = await server.admin.put(url(group.id), { name });
      assert.equal(res.status, 200, res.text);
      assert.deepEqual(res.body, {
        ...group,
        name,
        parent: null,
        attributes: {},
        isSuperuser: true,
        updatedAt: clock.iso(),
      });
      assert.notEqual(res.headers.get('etag'), null);
      const fetched = await server.admin.get(url(group.id));
      assert.deepEqual(fetched.body, res.body);
      const named = await server.admin.put(url(group.id), { name, isSuperuser: false, parent: parent.id, attributes: { b: 2 } });
      assert.equal(named.status, 200, named.text);
      assert.equal(named.body.isSuperuser, false);
      assert.equal(named.body.parent, parent.id);
      assert.deepEqual(named.body.attributes, { b: 2 });
      assertOnlyFieldError(expectProblem(await server.admin.put(url(group.id), { parent: null }), 400, 'request.invalid'), '/name', 'required');
    });

    for (const contentType of ['application/json', MERGE_PATCH]) {
      it(`PATCH merges (${contentType}): null removes, unnamed fields stay`, async () => {
        const parent = await createGroup();
        const group = await createGroup({ parent: parent.id, attributes: { keep: 1, drop: 2, nested: { a: 1, b: 2 } } });
        clock.advance(5);
        const res = await server.admin.patch(url(group.id), { attributes: { drop: null, nested: { b: null, c: 3 }, added: true } }, { contentType });
        assert.equal(res.status, 200, res.text);
        assert.deepEqual(res.body, {
          ...group,
          attributes: { keep: 1, nested: { a: 1, c: 3 }, added: true },
          updatedAt: clock.iso(),
        });
        const moved = await server.admin.patch(url(group.id), { parent: null }, { contentType });
        assert.equal(moved.status, 200, moved.text);
        assert.equal(moved.body.parent, null);
        assert.equal(moved.body.name, group.name);
        const cleared = await server.admin.patch(url(group.id), { attributes: null }, { contentType });
        assert.equal(cleared.status, 200, cleared.text);
        assert.deepEqual(cleared.body.attributes, {});
        assertOnlyFieldError(expectProblem(await server.admin.patch(url(group.id), { name: null }, { contentType }), 400, 'request.invalid'), '/name', 'invalid_type');
      });
    }

    it('If-Match: a current ETag is accepted, a stale one → 412 group.etag_mismatch and nothing changes', async () => {
      const group = await createGroup();
      const first = await server.admin.get(url(group.id));
      const etag = first.headers.get('etag')!;
      const ok = await server.admin.patch(url(group.id), { attributes: { v: 1 } }, { headers: { 'if-match': etag } });
      assert.equal(ok.status, 200, ok.text);
      const next = ok.headers.get('etag')!;
      assert.notEqual(next, etag);
      expectProblem(await server.admin.patch(url(group.id), { attributes: { v: 2 } }, { headers: { 'if-match': etag } }), 412, 'group.etag_mismatch');
      expectProblem(await server.admin.put(url(group.id), { name: group.name }, { headers: { 'if-match': etag } }), 412, 'group.etag_mismatch');
      expectProblem(await server.admin.delete(url(group.id), { headers: { 'if-match': etag } }), 412, 'group.etag_mismatch');
      const after = await server.admin.get(url(group.id));
      assert.deepEqual(after.body.attributes, { v: 1 });
      assert.equal(after.headers.get('etag'), next);
      const put = await server.admin.put(url(group.id), { name: group.name }, { headers: { 'if-match': next } });
      assert.equal(put.status, 200, put.text);
      const gone = await server.admin.delete(url(group.id), { headers: { 'if-match': put.headers.get('etag')! } });
      assert.equal(gone.status, 204, gone.text);
    });

    it('Prefer: return=minimal → 204 with ETag and no body on PUT and PATCH; the change is made', async () => {
      const group = await createGroup();
      const patched = await server.admin.patch(url(group.id), { attributes: { m: 1 } }, { headers: { prefer: 'return=minimal' } });
      assert.equal(patched.status, 204, patched.text);
      assert.equal(patched.text, '');
      assert.equal(patched.headers.get('preference-applied'), 'return=minimal');
      const etag = patched.headers.get('etag');
      assert.match(etag ?? '', /^"[^"]+"$/);
      const fetched = await server.admin.get(url(group.id));
      assert.deepEqual(fetched.body.attributes, { m: 1 });
      assert.equal(fetched.headers.get('etag'), etag);
      const name = uniqueName('minimal');
      const put = await server.admin.put(url(group.id), { name }, { headers: { prefer: 'return=minimal' } });
      assert.equal(put.status, 204, put.text);
      assert.equal(put.text, '');
      assert.equal((await server.admin.get(url(group.id))).body.name, name);
    });

    it('deletes a group: 204, then 404; its name is free again', async () => {
      const group = await createGroup();
      const res = await server.admin.delete(url(group.id));
      assert.equal(res.status, 204, res.text);
      assert.equal(res.text, '');
      expectProblem(await server.admin.get(url(group.id)), 404, 'group.not_found');
      expectProblem(await server.admin.delete(url(group.id)), 404, 'group.not_found');
      const again = await server.admin.post('/api/v1/groups', { name: group.name });
      assert.equal(again.status, 201, again.text);
    });

    it('answers 401 without credentials and 415 for a non-JSON body', async () => {
      const res = await server.anon.post('/api/v1/groups', { name: uniqueName('g') });
      expectProblem(res, 401, 'auth.unauthenticated');
      assert.match(res.headers.get('www-authenticate') ?? '', /Basic/);
      expectProblem(await server.admin.post('/api/v1/groups', 'name=x', { contentType: 'text/plain' }), 415, 'request.unsupported_media_type');
    });
  });
}

for (const backend of backends()) {
  describe(`groups and the service state (${backend})`, () => {
    it('answers 412 system.unprovisioned on every groups route before the first admin exists', async () => {
      const server = await startServer(backend, { provision: false });
      try {
        const id = UNKNOWN_ID;
        for (const [method, path] of [
          ['GET', '/api/v1/groups'],
          ['POST', '/api/v1/groups'],
          ['GET', `/api/v1/groups/${id}`],
          ['PATCH', `/api/v1/groups/${id}`],
          ['DELETE', `/api/v1/groups/${id}`],
          ['GET', `/api/v1/groups/${id}/members`],
          ['PUT', `/api/v1/groups/${id}/members/${id}`],
        ]) {
          const res = await server.admin.request(method, path, method === 'POST' || method === 'PATCH' ? { body: { name: 'x' } } : {});
          expectProblem(res, 412, 'system.unprovisioned');
        }
      } finally {
        await server.close();
      }
    });

    it('read-only: group reads work, group writes answer 412 system.read_only and change nothing', async () => {
      const database = await createTestDatabase(backend);
      const writable = await startServer(backend, { database });
      const created = await writable.admin.post('/api/v1/groups', { name: 'kept' });
      assert.equal(created.status, 201, created.text);
      const user = await writable.admin.post('/api/v1/users', { username: uniqueName() });
      await writable.stop();
      const server = await startServer(backend, { database, readOnly: true });
      try {
        const id = created.body.id;
        const read = await server.admin.get(`/api/v1/groups/${id}`);
        assert.equal(read.status, 200, read.text);
        assert.equal((await server.admin.get('/api/v1/groups')).body.items.length, 1);
        expectProblem(await server.admin.post('/api/v1/groups', { name: uniqueName('g') }), 412, 'system.read_only');
        expectProblem(await server.admin.patch(`/api/v1/groups/${id}`, { name: 'renamed' }), 412, 'system.read_only');
        expectProblem(await server.admin.put(`/api/v1/groups/${id}`, { name: 'renamed' }), 412, 'system.read_only');
        expectProblem(await server.admin.delete(`/api/v1/groups/${id}`), 412, 'system.read_only');
        expectProblem(await server.admin.put(`/api/v1/groups/${id}/members/${user.body.id}`), 412, 'system.read_only');
        const after = await server.admin.get(`/api/v1/groups/${id}`);
        assert.deepEqual(after.body, read.body);
      } finally {
        await server.close();
      }
    });

    it('Idempotency-Key on POST /groups replays the first 201; another body with the key → 422', async () => {
      const server = await startServer(backend);
      try {
        const key = uniqueName('idem');
        const body = { name: uniqueName('once') };
        const first = await server.admin.post('/api/v1/groups', body, { headers: { 'idempotency-key': key } });
        assert.equal(first.status, 201, first.text);
        const again = await server.admin.post('/api/v1/groups', body, { headers: { 'idempotency-key': key } });
        assert.equal(again.status, 201, again.text);
        assert.deepEqual(again.body, first.body);
        assert.equal(again.headers.get('location'), first.headers.get('location'));
        assert.equal(again.headers.get('etag'), first.headers.get('etag'));
        const list = await server.admin.get('/api/v1/groups');
        assert.equal(list.body.items.length, 1, 'created once');
        expectProblem(await server.admin.post('/api/v1/groups', { name: uniqueName('other') }, { headers: { 'idempotency-key': key } }), 422, 'idempotency.key_reused');
      } finally {
        await server.close();
      }
    });
  });
}
