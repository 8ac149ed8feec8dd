// Superuser groups: a `user`-role member of a group below a superuser group is isSuperuser and may
// do what an admin may; granting and revoking (flag, membership, move, delete) take effect on the
// very next request, whichever credential it carries (Basic, session JWT, personal access token).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { backends } from '../support/backends.ts';
import { withServer } from '../support/server.ts';
import { expectProblem, type Client } from '../support/client.ts';
import { createLogin, createUser, uniqueName, STRONG_PASSWORD } from '../support/factories.ts';

const SCHEMES = ['Basic', 'Bearer session', 'personal token'] as const;
type Scheme = (typeof SCHEMES)[number];

for (const backend of backends()) {
  describe(`superuser groups (${backend})`, () => {
    const server = withServer(backend);

    const groupUrl = (id: string) => `/api/v1/groups/${id}`;
    async function createGroup(parent: string | null, isSuperuser = false): Promise<any> {
      const res = await server.admin.post('/api/v1/groups', { name: uniqueName('grp'), parent, isSuperuser });
      assert.equal(res.status, 201, res.text);
      return res.body;
    }
    /** grandparent (superuser) ← parent ← leaf. */
    async function superuserChain() {
      const grandparent = await createGroup(null, true);
      const parent = await createGroup(grandparent.id);
      const leaf = await createGroup(parent.id);
      return { grandparent, parent, leaf };
    }
    /** A `user`-role login in `groups`, and a client for it using the given scheme. */
    async function member(groups: string[], scheme: Scheme = 'Basic'): Promise<{ user: any; client: Client }> {
      const { user, auth } = await createLogin(server.admin, 'user', { groups });
      if (scheme === 'Basic') return { user, client: server.client(auth) };
      const session = await server.anon.post('/api/v1/sessions', { username: user.username, password: STRONG_PASSWORD });
      assert.equal(session.status, 200, session.text);
      const bearer = server.client(`Bearer ${session.body.accessToken}`);
      if (scheme === 'Bearer session') return { user, client: bearer };
      const token = await bearer.post('/api/v1/users/me/tokens', { name: 'superuser-test' });
      assert.equal(token.status, 201, token.text);
      return { user, client: server.client(`Token ${token.body.secret}`) };
    }
    async function me(client: Client): Promise<any> {
      const res = await client.get('/api/v1/users/me');
      assert.equal(res.status, 200, res.text);
      return res.body;
    }
    async function assertAdminPowers(client: Client): Promise<void> {
      const list = await client.get('/api/v1/users');
      assert.equal(list.status, 200, list.text);
      assert.ok(Array.isArray(list.body.items));
    }
    async function assertNoAdminPowers(client: Client): Promise<void> {
      expectProblem(await client.get('/api/v1/users'), 403, 'auth.forbidden');
      expectProblem(await client.post('/api/v1/users', { username: uniqueName() }), 403, 'auth.forbidden');
    }

    it('a member of a group whose grandparent is a superuser group is isSuperuser and acts as admin', async () => {
      const { grandparent, leaf } = await superuserChain();
      const { user, client } = await member([leaf.id]);
      assert.equal(user.isSuperuser, true);
      const self = await me(client);
      assert.equal(self.isSuperuser, true);
      assert.equal(self.role, 'user', 'the role itself is unchanged');
      assert.deepEqual(self.groups, [leaf.id]);
      assert.equal((await server.admin.get(`/api/v1/users/${user.id}`)).body.isSuperuser, true);
      await assertAdminPowers(client);
      const created = await client.post('/api/v1/users', { username: uniqueName('by-superuser') });
      assert.equal(created.status, 201, created.text);
      assert.equal(created.headers.get('location'), `/api/v1/users/${created.body.id}`);
      // What only an admin may do: grant admin, manage superuser groups.
      const admin = await client.post('/api/v1/users', { username: uniqueName('new-admin'), role: 'admin' });
      assert.equal(admin.status, 201, admin.text);
      const patched = await client.patch(groupUrl(grandparent.id), { attributes: { touchedBy: 'superuser' } });
      assert.equal(patched.status, 200, patched.text);
      const metrics = await client.get('/metrics');
      assert.equal(metrics.status, 200);
    });

    it('a plain user in an ordinary group is not a superuser', async () => {
      const plain = await createGroup(null);
      const { user, client } = await member([plain.id]);
      assert.equal(user.isSuperuser, false);
      assert.equal((await me(client)).isSuperuser, false);
      await assertNoAdminPowers(client);
    });

    it('isSuperuser is read-only on users', async () => {
      const res = await server.admin.post('/api/v1/users', { username: uniqueName(), isSuperuser: true });
      const body = expectProblem(res, 400, 'request.invalid');
      assert.deepEqual(body.errors.map((e: any) => [e.pointer, e.code]), [['/isSuperuser', 'unknown_field']]);
    });

    for (const scheme of SCHEMES) {
      it(`clearing the grandparent's isSuperuser takes effect on the very next request (${scheme})`, async () => {
        const { grandparent, leaf } = await superuserChain();
        const { client } = await member([leaf.id], scheme);
        await assertAdminPowers(client);
        const off = await server.admin.patch(groupUrl(grandparent.id), { isSuperuser: false });
        assert.equal(off.status, 200, off.text);
        assert.equal(off.body.isSuperuser, false);
        await assertNoAdminPowers(client);
        assert.equal((await me(client)).isSuperuser, false);
        // And back on, again at once.
        const on = await server.admin.patch(groupUrl(grandparent.id), { isSuperuser: true });
        assert.equal(on.status, 200, on.text);
        await assertAdminPowers(client);
        assert.equal((await me(client)).isSuperuser, true);
      });

      it(`removing the membership takes effect on the very next request (${scheme})`, async () => {
        const { leaf } = await superuserChain();
        const { user, client } = await member([leaf.id], scheme);
        await assertAdminPowers(client);
        const res = await server.admin.delete(`/api/v1/groups/${leaf.id}/members/${user.id}`);
        assert.equal(res.status, 204, res.text);
        await assertNoAdminPowers(client);
        const self = await me(client);
        assert.equal(self.isSuperuser, false);
        assert.deepEqual(self.groups, []);
      });

      it(`adding the membership takes effect on the very next request (${scheme})`, async () => {
        const { parent } = await superuserChain();
        const { user, client } = await member([], scheme);
        await assertNoAdminPowers(client);
        const res = await server.admin.put(`/api/v1/groups/${parent.id}/members/${user.id}`);
        assert.equal(res.status, 204, res.text);
        await assertAdminPowers(client);
        assert.equal((await me(client)).isSuperuser, true);
      });
    }

    it('replacing the user\'s groups through PATCH /users/{id} revokes at once (session)', async () => {
      const { leaf } = await superuserChain();
      const plain = await createGroup(null);
      const { user, client } = await member([leaf.id], 'Bearer session');
      await assertAdminPowers(client);
      const res = await server.admin.patch(`/api/v1/users/${user.id}`, { groups: [plain.id] });
      assert.equal(res.status, 200, res.text);
      assert.equal(res.body.isSuperuser, false);
      await assertNoAdminPowers(client);
    });

    it('moving the group out from under the superuser group revokes at once (session)', async () => {
      const { parent, leaf } = await superuserChain();
      const { client } = await member([leaf.id], 'Bearer session');
      await assertAdminPowers(client);
      const res = await server.admin.patch(groupUrl(parent.id), { parent: null });
      assert.equal(res.status, 200, res.text);
      await assertNoAdminPowers(client);
      assert.equal((await me(client)).isSuperuser, false);
    });

    it('moving a group under a superuser group grants at once (session)', async () => {
      const { grandparent } = await superuserChain();
      const detached = await createGroup(null);
      const { client } = await member([detached.id], 'Bearer session');
      await assertNoAdminPowers(client);
      const res = await server.admin.patch(groupUrl(detached.id), { parent: grandparent.id });
      assert.equal(res.status, 200, res.text);
      await assertAdminPowers(client);
    });

    it('deleting the member\'s group revokes at once (session)', async () => {
      const { leaf } = await superuserChain();
      const { client } = await member([leaf.id], 'Bearer session');
      await assertAdminPowers(client);
      assert.equal((await server.admin.delete(groupUrl(leaf.id))).status, 204);
      await assertNoAdminPowers(client);
      assert.deepEqual((await me(client)).groups, []);
    });

    it('a superuser group member stays superuser through any one of several paths', async () => {
      const a = await superuserChain();
      const b = await superuserChain();
      const { user, client } = await member([a.leaf.id, b.leaf.id]);
      assert.equal(user.isSuperuser, true);
      assert.equal((await server.admin.patch(groupUrl(a.grandparent.id), { isSuperuser: false })).status, 200);
      await assertAdminPowers(client);
      assert.equal((await server.admin.patch(groupUrl(b.grandparent.id), { isSuperuser: false })).status, 200);
      await assertNoAdminPowers(client);
    });

    it('lists superusers with isSuperuser in the users list', async () => {
      const { leaf } = await superuserChain();
      const { user } = await member([leaf.id]);
      const plain = await createUser(server.admin);
      const res = await server.admin.get(`/api/v1/users?group=${leaf.id}`);
      assert.deepEqual(res.body.items.map((u: any) => [u.id, u.isSuperuser]), [[user.id, true]]);
      assert.equal((await server.admin.get(`/api/v1/users/${plain.id}`)).body.isSuperuser, false);
    });
  });
}
