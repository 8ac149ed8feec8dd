// Memberships: PUT/DELETE /api/v1/groups/{id}/members/{userId}, GET .../members, the users list's
// `group` and `includeDescendants`, `expand=groups`, and the user's writable `groups` field.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { backends } from '../support/backends.ts';
import { withServer } from '../support/server.ts';
import { expectProblem } from '../support/client.ts';
import { createUser, uniqueName } from '../support/factories.ts';

const UNKNOWN_ID = '0190a000-0000-7000-8000-000000000000';
const sorted = (ids: string[]) => [...ids].sort();

for (const backend of backends()) {
  describe(`group members (${backend})`, () => {
    const server = withServer(backend);

    const member = (groupId: string, userId: string) => `/api/v1/groups/${groupId}/members/${userId}`;
    async function createGroup(parent: string | null = null): Promise<any> {
      const res = await server.admin.post('/api/v1/groups', { name: uniqueName('grp'), parent });
      assert.equal(res.status, 201, res.text);
      return res.body;
    }
    async function getGroup(id: string): Promise<any> {
      const res = await server.admin.get(`/api/v1/groups/${id}`);
      assert.equal(res.status, 200, res.text);
      return res.body;
    }
    async function getUser(id: string, query = ''): Promise<any> {
      const res = await server.admin.get(`/api/v1/users/${id}${query}`);
      assert.equal(res.status, 200, res.text);
      return res.body;
    }
    async function listIds(path: string): Promise<string[]> {
      const res = await server.admin.get(path);
      assert.equal(res.status, 200, res.text);
      assert.equal(res.body.nextCursor, null);
      return res.body.items.map((u: any) => u.id);
    }

    it('PUT member → 204, idempotent; the user lists the group and memberCount counts it once', async () => {
      const group = await createGroup();
      const user = await createUser(server.admin);
      for (let i = 0; i < 2; i++) {
        const res = await server.admin.put(member(group.id, user.id));
        assert.equal(res.status, 204, res.text);
        assert.equal(res.text, '');
      }
      assert.equal((await getGroup(group.id)).memberCount, 1);
      assert.deepEqual((await getUser(user.id)).groups, [group.id]);
    });

    it('DELETE member → 204, idempotent; the user no longer lists the group', async () => {
      const group = await createGroup();
      const other = await createGroup();
      const user = await createUser(server.admin, { groups: [group.id, other.id] });
      for (let i = 0; i < 2; i++) {
        const res = await server.admin.delete(member(group.id, user.id));
        assert.equal(res.status, 204, res.text);
      }
      assert.equal((await getGroup(group.id)).memberCount, 0);
      assert.deepEqual((await getUser(user.id)).groups, [other.id]);
      // Removing someone who never was a member is just as fine.
      const stranger = await createUser(server.admin);
      assert.equal((await server.admin.delete(member(group.id, stranger.id))).status, 204);
    });

    it('answers 404 for an unknown group or user, and changes nothing', async () => {
      const group = await createGroup();
      const user = await createUser(server.admin);
      for (const verb of ['put', 'delete'] as const) {
        expectProblem(await server.admin[verb](member(UNKNOWN_ID, user.id)), 404, 'group.not_found');
        expectProblem(await server.admin[verb](member('not-a-group', user.id)), 404, 'group.not_found');
        expectProblem(await server.admin[verb](member(group.id, UNKNOWN_ID)), 404, 'user.not_found');
        expectProblem(await server.admin[verb](member(group.id, 'not-a-user')), 404, 'user.not_found');
      }
      assert.equal((await getGroup(group.id)).memberCount, 0);
      assert.deepEqual((await getUser(user.id)).groups, []);
    });

    it('GET /groups/{id}/members lists the members, keyset-paginated', async () => {
      const group = await createGroup();
      const users = [];
      for (let i = 0; i < 3; i++) users.push(await createUser(server.admin, { groups: [group.id] }));
      await createUser(server.admin); // not a member
      const first = await server.admin.get(`/api/v1/groups/${group.id}/members?limit=2`);
      assert.equal(first.status, 200, first.text);
      assert.deepEqual(Object.keys(first.body).sort(), ['items', 'nextCursor']);
      assert.deepEqual(first.body.items.map((u: any) => u.id), users.slice(0, 2).map((u) => u.id));
      assert.equal(first.body.items[0].username, users[0].username);
      assert.deepEqual(first.body.items[0].groups, [group.id]);
      assert.equal(typeof first.body.nextCursor, 'string');
      const rest = await server.admin.get(`/api/v1/groups/${group.id}/members?limit=2&cursor=${encodeURIComponent(first.body.nextCursor)}`);
      assert.equal(rest.status, 200, rest.text);
      assert.deepEqual(rest.body.items.map((u: any) => u.id), [users[2].id]);
      assert.equal(rest.body.nextCursor, null);
      const projected = await server.admin.get(`/api/v1/groups/${group.id}/members?fields=id,username&limit=1`);
      assert.deepEqual(projected.body.items, [{ id: users[0].id, username: users[0].username }]);
    });

    it('GET /groups/{id}/members with includeDescendants adds members of groups below', async () => {
      const top = await createGroup();
      const middle = await createGroup(top.id);
      const bottom = await createGroup(middle.id);
      const sibling = await createGroup();
      const a = await createUser(server.admin, { groups: [top.id] });
      const b = await createUser(server.admin, { groups: [middle.id] });
      const c = await createUser(server.admin, { groups: [bottom.id, top.id] });
      await createUser(server.admin, { groups: [sibling.id] });
      assert.deepEqual(await listIds(`/api/v1/groups/${top.id}/members`), [a.id, c.id]);
      assert.deepEqual(await listIds(`/api/v1/groups/${top.id}/members?includeDescendants=true`), [a.id, b.id, c.id]);
      assert.deepEqual(await listIds(`/api/v1/groups/${top.id}/members?includeDescendants=false`), [a.id, c.id]);
      assert.deepEqual(await listIds(`/api/v1/groups/${middle.id}/members?includeDescendants=true`), [b.id, c.id]);
      assert.deepEqual(await listIds(`/api/v1/groups/${bottom.id}/members?includeDescendants=true`), [c.id]);
      expectProblem(await server.admin.get(`/api/v1/groups/${UNKNOWN_ID}/members`), 404, 'group.not_found');
      expectProblem(await server.admin.get('/api/v1/groups/nope/members'), 404, 'group.not_found');
    });

    it('GET /users?group= lists members; includeDescendants=true adds sub-groups; combines with filters', async () => {
      const top = await createGroup();
      const child = await createGroup(top.id);
      const a = await createUser(server.admin, { groups: [top.id], role: 'auditor' });
      const b = await createUser(server.admin, { groups: [child.id] });
      const c = await createUser(server.admin, { groups: [child.id], role: 'auditor' });
      assert.deepEqual(await listIds(`/api/v1/users?group=${top.id}`), [a.id]);
      assert.deepEqual(await listIds(`/api/v1/users?group=${child.id}`), [b.id, c.id]);
      assert.deepEqual(await listIds(`/api/v1/users?group=${top.id}&includeDescendants=true`), [a.id, b.id, c.id]);
      assert.deepEqual(await listIds(`/api/v1/users?group=${top.id}&includeDescendants=true&role=auditor`), [a.id, c.id]);
      const filter = encodeURIComponent(`username eq "${b.username}"`);
      assert.deepEqual(await listIds(`/api/v1/users?group=${top.id}&includeDescendants=true&filter=${filter}`), [b.id]);
      const page = await server.admin.get(`/api/v1/users?group=${top.id}&includeDescendants=true&limit=2`);
      assert.deepEqual(page.body.items.map((u: any) => u.id), [a.id, b.id]);
      assert.deepEqual(
        await listIds(`/api/v1/users?group=${top.id}&includeDescendants=true&cursor=${encodeURIComponent(page.body.nextCursor)}`),
        [c.id],
      );
    });

    it('GET /users?group= with an unknown or malformed group → 400 naming the parameter', async () => {
      for (const group of [UNKNOWN_ID, 'not-a-uuid']) {
        const body = expectProblem(await server.admin.get(`/api/v1/users?group=${group}`), 400, 'request.invalid');
        assert.deepEqual(body.errors.map((e: any) => [e.parameter, e.code]), [['group', 'unknown_group']]);
      }
    });

    it('expand=groups adds groupsObj on the list and on GET one; without it there is none', async () => {
      const parent = await createGroup();
      const child = await createGroup(parent.id);
      const user = await createUser(server.admin, { groups: [child.id, parent.id] });
      const expected = sorted([child.id, parent.id]).map((id) => {
        const g = id === child.id ? child : parent;
        return { id: g.id, name: g.name, parent: g.parent, isSuperuser: false };
      });
      const one = await getUser(user.id, '?expand=groups');
      assert.deepEqual(sorted(one.groups), sorted([child.id, parent.id]));
      assert.deepEqual([...one.groupsObj].sort((x: any, y: any) => x.id.localeCompare(y.id)), expected);
      const list = await server.admin.get(`/api/v1/users?group=${child.id}&expand=groups`);
      assert.equal(list.status, 200, list.text);
      assert.equal(list.body.items.length, 1);
      assert.deepEqual(list.body.items[0], one);
      const plain = await getUser(user.id);
      assert.equal('groupsObj' in plain, false);
      const listPlain = await server.admin.get(`/api/v1/users?group=${child.id}`);
      assert.equal('groupsObj' in listPlain.body.items[0], false);
      const none = await getUser((await createUser(server.admin)).id, '?expand=groups');
      assert.deepEqual(none.groupsObj, []);
      const projected = await getUser(user.id, '?expand=groups&fields=id');
      assert.deepEqual(Object.keys(projected).sort(), ['groupsObj', 'id']);
      expectProblem(await server.admin.get(`/api/v1/users/${user.id}?expand=roles`), 400, 'request.invalid');
    });

    it('groups is writable on create, PUT and PATCH; PUT without groups keeps the memberships', async () => {
      const [g1, g2, g3] = [await createGroup(), await createGroup(), await createGroup()];
      const user = await createUser(server.admin, { groups: [g1.id, g2.id] });
      assert.deepEqual(sorted(user.groups), sorted([g1.id, g2.id]));
      const kept = await server.admin.put(`/api/v1/users/${user.id}`, { username: user.username, name: 'Kept' });
      assert.equal(kept.status, 200, kept.text);
      assert.deepEqual(sorted(kept.body.groups), sorted([g1.id, g2.id]));
      const replaced = await server.admin.put(`/api/v1/users/${user.id}`, { username: user.username, groups: [g3.id] });
      assert.equal(replaced.status, 200, replaced.text);
      assert.deepEqual(replaced.body.groups, [g3.id]);
      const patched = await server.admin.patch(`/api/v1/users/${user.id}`, { groups: [g1.id, g3.id] }, { contentType: 'application/merge-patch+json' });
      assert.equal(patched.status, 200, patched.text);
      assert.deepEqual(sorted(patched.body.groups), sorted([g1.id, g3.id]));
      const untouched = await server.admin.patch(`/api/v1/users/${user.id}`, { name: 'Other' });
      assert.deepEqual(sorted(untouched.body.groups), sorted([g1.id, g3.id]));
      const emptied = await server.admin.patch(`/api/v1/users/${user.id}`, { groups: [] });
      assert.equal(emptied.status, 200, emptied.text);
      assert.deepEqual(emptied.body.groups, []);
      for (const g of [g1, g2, g3]) assert.equal((await getGroup(g.id)).memberCount, 0);
      assert.deepEqual(await listIds(`/api/v1/users?group=${g1.id}`), []);
    });

    it('an unknown group id in groups → 400 with a pointer into /groups; nothing changes', async () => {
      const group = await createGroup();
      const username = uniqueName();
      const create = await server.admin.post('/api/v1/users', { username, groups: [UNKNOWN_ID] });
      assert.deepEqual(expectProblem(create, 400, 'request.invalid').errors.map((e: any) => [e.pointer, e.code]), [['/groups/0', 'unknown_group']]);
      const missing = await server.admin.get(`/api/v1/users?filter=${encodeURIComponent(`username eq "${username}"`)}`);
      assert.deepEqual(missing.body.items, []);
      const user = await createUser(server.admin, { groups: [group.id] });
      const put = await server.admin.put(`/api/v1/users/${user.id}`, { username: user.username, groups: [UNKNOWN_ID] });
      assert.deepEqual(expectProblem(put, 400, 'request.invalid').errors.map((e: any) => [e.pointer, e.code]), [['/groups/0', 'unknown_group']]);
      const patch = await server.admin.patch(`/api/v1/users/${user.id}`, { groups: [group.id, 'nope'] });
      assert.deepEqual(expectProblem(patch, 400, 'request.invalid').errors.map((e: any) => [e.pointer, e.code]), [['/groups/1', 'unknown_group']]);
      assert.deepEqual((await getUser(user.id)).groups, [group.id]);
      const dup = await server.admin.patch(`/api/v1/users/${user.id}`, { groups: [group.id, group.id] });
      assert.deepEqual(expectProblem(dup, 400, 'request.invalid').errors.map((e: any) => e.pointer), ['/groups']);
    });

    it('the same group id twice in different letter case is a duplicate: 400, never a 5xx', async () => {
      // API.md is silent; ids compare case-insensitively everywhere else (GET, checks), and an exact
      // duplicate is refused with 400 duplicate_items, so this is the same duplicate.
      const group = await createGroup();
      const twice = [group.id, group.id.toUpperCase()];
      const username = uniqueName();
      const create = await server.admin.post('/api/v1/users', { username, groups: twice });
      const body = expectProblem(create, 400, 'request.invalid');
      assert.ok(body.errors.every((e: any) => e.pointer.startsWith('/groups')), create.text);
      const user = await createUser(server.admin);
      expectProblem(await server.admin.patch(`/api/v1/users/${user.id}`, { groups: twice }), 400, 'request.invalid');
      assert.deepEqual((await getUser(user.id)).groups, []);
      assert.equal((await getGroup(group.id)).memberCount, 0);
    });

    it('a user can be in a group and a group below it; memberships follow group changes', async () => {
      const parent = await createGroup();
      const child = await createGroup(parent.id);
      const user = await createUser(server.admin);
      assert.equal((await server.admin.put(member(parent.id, user.id))).status, 204);
      assert.equal((await server.admin.put(member(child.id, user.id))).status, 204);
      assert.deepEqual(sorted((await getUser(user.id)).groups), sorted([parent.id, child.id]));
      assert.deepEqual(await listIds(`/api/v1/groups/${parent.id}/members?includeDescendants=true`), [user.id]);
      assert.equal((await server.admin.delete(member(parent.id, user.id))).status, 204);
      assert.deepEqual((await getUser(user.id)).groups, [child.id]);
    });

    it('a membership change gives the user and the group a new strong ETag (RFC 9110 §8.8.1)', async () => {
      const group = await createGroup();
      const user = await createUser(server.admin);
      const userBefore = await server.admin.get(`/api/v1/users/${user.id}`);
      const groupBefore = await server.admin.get(`/api/v1/groups/${group.id}`);
      assert.equal((await server.admin.put(member(group.id, user.id))).status, 204);
      const userAfter = await server.admin.get(`/api/v1/users/${user.id}`);
      const groupAfter = await server.admin.get(`/api/v1/groups/${group.id}`);
      assert.notDeepEqual(userAfter.body.groups, userBefore.body.groups);
      assert.notEqual(userAfter.headers.get('etag'), userBefore.headers.get('etag'), 'the user body changed (groups), so must its ETag');
      assert.notEqual(groupAfter.body.memberCount, groupBefore.body.memberCount);
      assert.notEqual(groupAfter.headers.get('etag'), groupBefore.headers.get('etag'), 'the group body changed (memberCount), so must its ETag');
      // A write conditional on the old ETag must not pass as if nothing had changed.
      const stale = await server.admin.patch(`/api/v1/users/${user.id}`, { name: 'x' }, { headers: { 'if-match': userBefore.headers.get('etag')! } });
      expectProblem(stale, 412, 'user.etag_mismatch');
    });
  });
}
