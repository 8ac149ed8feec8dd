// Managers administer users and groups but can never make anyone (themselves included) an admin
// or a superuser, nor touch superuser groups or superusers. Each refusal leaves everything as it was;
// the same calls on ordinary groups and users succeed, so the refusals are about superusers only.
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { backends } from '../support/backends.ts';
import { withServer } from '../support/server.ts';
import { expectProblem, type Client } from '../support/client.ts';
import { createLogin, createUser, uniqueName } from '../support/factories.ts';

const FORBIDDEN = 'group.superuser_forbidden';

for (const backend of backends()) {
  describe(`manager escalation (${backend})`, () => {
    let manager: Client;
    let managerUser: any;
    const server = withServer(backend);
    before(async () => {
      const login = await createLogin(server.admin, 'manager');
      manager = server.client(login.auth);
      managerUser = login.user;
    });

    const groupUrl = (id: string) => `/api/v1/groups/${id}`;
    const memberUrl = (groupId: string, userId: string) => `/api/v1/groups/${groupId}/members/${userId}`;
    async function createGroup(parent: string | null = null, isSuperuser = false): Promise<any> {
      const res = await server.admin.post('/api/v1/groups', { name: uniqueName('grp'), parent, isSuperuser });
      assert.equal(res.status, 201, res.text);
      return res.body;
    }
    /** The superuser group and a group below it (membership of either makes a superuser). */
    async function superGroups(): Promise<{ top: any; below: any }> {
      const top = await createGroup(null, true);
      return { top, below: await createGroup(top.id) };
    }
    async function snapshot(id: string): Promise<{ body: any; etag: string | null }> {
      const res = await server.admin.get(groupUrl(id));
      assert.equal(res.status, 200, res.text);
      return { body: res.body, etag: res.headers.get('etag') };
    }
    async function assertGroupUnchanged(before: { body: any; etag: string | null }): Promise<void> {
      assert.deepEqual(await snapshot(before.body.id), before);
    }
    async function countNamed(name: string): Promise<number> {
      const res = await server.admin.get(`/api/v1/groups?filter=${encodeURIComponent(`name eq "${name}"`)}`);
      return res.body.items.length;
    }

    it('may manage ordinary groups and memberships (the control case)', async () => {
      const name = uniqueName('mgr');
      const created = await manager.post('/api/v1/groups', { name });
      assert.equal(created.status, 201, created.text);
      const child = await manager.post('/api/v1/groups', { name: uniqueName('mgr'), parent: created.body.id });
      assert.equal(child.status, 201, child.text);
      assert.equal((await manager.patch(groupUrl(created.body.id), { attributes: { a: 1 } })).status, 200);
      const user = await createUser(server.admin);
      assert.equal((await manager.put(memberUrl(child.body.id, user.id))).status, 204);
      assert.equal((await manager.put(memberUrl(child.body.id, managerUser.id))).status, 204, 'itself into an ordinary group');
      assert.equal((await manager.delete(memberUrl(child.body.id, managerUser.id))).status, 204);
      const withGroups = await manager.post('/api/v1/users', { username: uniqueName(), groups: [child.body.id] });
      assert.equal(withGroups.status, 201, withGroups.text);
      assert.equal((await manager.delete(groupUrl(child.body.id))).status, 204);
    });

    it('cannot create a superuser group, nor a group below one', async () => {
      const name = uniqueName('escalate');
      expectProblem(await manager.post('/api/v1/groups', { name, isSuperuser: true }), 403, FORBIDDEN);
      const { top, below } = await superGroups();
      expectProblem(await manager.post('/api/v1/groups', { name, parent: top.id }), 403, FORBIDDEN);
      expectProblem(await manager.post('/api/v1/groups', { name, parent: below.id }), 403, FORBIDDEN);
      assert.equal(await countNamed(name), 0);
    });

    it('cannot turn an ordinary group into a superuser group (PATCH or PUT)', async () => {
      const group = await createGroup();
      const before = await snapshot(group.id);
      expectProblem(await manager.patch(groupUrl(group.id), { isSuperuser: true }), 403, FORBIDDEN);
      expectProblem(await manager.put(groupUrl(group.id), { name: group.name, isSuperuser: true }), 403, FORBIDDEN);
      await assertGroupUnchanged(before);
    });

    it('cannot edit or delete a superuser group', async () => {
      const { top } = await superGroups();
      const leaf = await createGroup(null, true); // no children, so only the rule can refuse the delete
      const before = await snapshot(top.id);
      expectProblem(await manager.patch(groupUrl(top.id), { name: uniqueName('renamed') }), 403, FORBIDDEN);
      expectProblem(await manager.patch(groupUrl(top.id), { isSuperuser: false }), 403, FORBIDDEN);
      expectProblem(await manager.put(groupUrl(top.id), { name: top.name }), 403, FORBIDDEN);
      expectProblem(await manager.delete(groupUrl(leaf.id)), 403, FORBIDDEN);
      await assertGroupUnchanged(before);
      assert.equal((await server.admin.get(groupUrl(leaf.id))).status, 200);
    });

    it('cannot add a user, or itself, to a superuser group or a group below one', async () => {
      const { top, below } = await superGroups();
      const user = await createUser(server.admin);
      for (const group of [top, below]) {
        expectProblem(await manager.put(memberUrl(group.id, user.id)), 403, FORBIDDEN);
        expectProblem(await manager.put(memberUrl(group.id, managerUser.id)), 403, FORBIDDEN);
        assert.equal((await snapshot(group.id)).body.memberCount, 0);
      }
      assert.deepEqual((await server.admin.get(`/api/v1/users/${user.id}`)).body.groups, []);
      const self = await manager.get('/api/v1/users/me');
      assert.deepEqual(self.body.groups, []);
      assert.equal(self.body.isSuperuser, false);
      expectProblem(await manager.patch(`/api/v1/users/${managerUser.id}`, { groups: [below.id] }), 403, FORBIDDEN);
      assert.equal((await manager.get('/api/v1/users/me')).body.isSuperuser, false);
    });

    it('cannot create or update a user with such a group in `groups`', async () => {
      const { top, below } = await superGroups();
      const ordinary = await createGroup();
      const username = uniqueName();
      expectProblem(await manager.post('/api/v1/users', { username, groups: [ordinary.id, below.id] }), 403, FORBIDDEN);
      expectProblem(await manager.post('/api/v1/users', { username, groups: [top.id] }), 403, FORBIDDEN);
      const found = await server.admin.get(`/api/v1/users?filter=${encodeURIComponent(`username eq "${username}"`)}`);
      assert.deepEqual(found.body.items, []);
      const user = await createUser(server.admin, { groups: [ordinary.id] });
      expectProblem(await manager.patch(`/api/v1/users/${user.id}`, { groups: [ordinary.id, top.id] }), 403, FORBIDDEN);
      expectProblem(await manager.put(`/api/v1/users/${user.id}`, { username: user.username, groups: [below.id] }), 403, FORBIDDEN);
      const after = await server.admin.get(`/api/v1/users/${user.id}`);
      assert.deepEqual(after.body.groups, [ordinary.id]);
      assert.equal(after.body.isSuperuser, false);
    });

    it('cannot move a group under a superuser group or a group below one', async () => {
      const { top, below } = await superGroups();
      const group = await createGroup();
      await createUser(server.admin, { groups: [group.id] });
      const before = await snapshot(group.id);
      expectProblem(await manager.patch(groupUrl(group.id), { parent: top.id }), 403, FORBIDDEN);
      expectProblem(await manager.patch(groupUrl(group.id), { parent: below.id }), 403, FORBIDDEN);
      expectProblem(await manager.put(groupUrl(group.id), { name: group.name, parent: below.id }), 403, FORBIDDEN);
      await assertGroupUnchanged(before);
    });

    it('cannot strip superusers by moving or deleting a group below a superuser group', async () => {
      // API.md: managers never touch admins; a superuser may do what an admin may, and managers
      // already cannot remove a superuser from any group directly (user.admin_protected). Moving
      // the group out from under the superuser group, or deleting it, would do the same wholesale.
      const { below } = await superGroups();
      const superuser = await createUser(server.admin, { groups: [below.id] });
      const before = await snapshot(below.id);
      expectProblem(await manager.patch(groupUrl(below.id), { parent: null }), 403, FORBIDDEN);
      expectProblem(await manager.put(groupUrl(below.id), { name: below.name }), 403, FORBIDDEN);
      expectProblem(await manager.delete(groupUrl(below.id)), 403, FORBIDDEN);
      await assertGroupUnchanged(before);
      assert.equal((await server.admin.get(`/api/v1/users/${superuser.id}`)).body.isSuperuser, true);
    });

    it('cannot modify, delete or regroup a superuser user: 403 user.admin_protected', async () => {
      const { below } = await superGroups();
      const ordinary = await createGroup();
      const superuser = await createUser(server.admin, { groups: [below.id, ordinary.id] });
      assert.equal(superuser.isSuperuser, true);
      const url = `/api/v1/users/${superuser.id}`;
      expectProblem(await manager.patch(url, { name: 'Hijacked' }), 403, 'user.admin_protected');
      expectProblem(await manager.put(url, { username: superuser.username }), 403, 'user.admin_protected');
      expectProblem(await manager.patch(url, { groups: [] }), 403, 'user.admin_protected');
      expectProblem(await manager.delete(url), 403, 'user.admin_protected');
      expectProblem(await manager.delete(memberUrl(ordinary.id, superuser.id)), 403, 'user.admin_protected');
      const after = await server.admin.get(url);
      assert.equal(after.status, 200);
      assert.equal(after.body.name, superuser.name);
      assert.deepEqual([...after.body.groups].sort(), [below.id, ordinary.id].sort());
    });

    it('cannot create an admin or promote anyone to admin', async () => {
      const username = uniqueName();
      expectProblem(await manager.post('/api/v1/users', { username, role: 'admin' }), 403, 'user.admin_grant_forbidden');
      const found = await server.admin.get(`/api/v1/users?filter=${encodeURIComponent(`username eq "${username}"`)}`);
      assert.deepEqual(found.body.items, []);
      const user = await createUser(server.admin);
      expectProblem(await manager.patch(`/api/v1/users/${user.id}`, { role: 'admin' }), 403, 'user.admin_grant_forbidden');
      expectProblem(await manager.patch(`/api/v1/users/${managerUser.id}`, { role: 'admin' }), 403, 'user.admin_grant_forbidden');
      assert.equal((await server.admin.get(`/api/v1/users/${user.id}`)).body.role, 'user');
      assert.equal((await manager.get('/api/v1/users/me')).body.role, 'manager');
    });

    it('cannot edit an admin', async () => {
      const admin = await createUser(server.admin, { role: 'admin' });
      expectProblem(await manager.patch(`/api/v1/users/${admin.id}`, { name: 'x' }), 403, 'user.admin_protected');
      const group = await createGroup();
      expectProblem(await manager.put(memberUrl(group.id, admin.id)), 403, 'user.admin_protected');
      assert.equal((await snapshot(group.id)).body.memberCount, 0);
    });
  });
}
