// /scim/v2/Groups (API.md, "SCIM 2.0"): the same groups as /api/v1/groups; members are user ids,
// and child groups show as members of type Group. Requests as Entra ID's documentation gives them.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { backends } from '../support/backends.ts';
import { withServer } from '../support/server.ts';
import { createLogin, createUser, uniqueName } from '../support/factories.ts';
import { PATCH_OP, scim } from '../support/scim.ts';



for (const backend of backends()) {
  describe(`SCIM groups (${backend})`, () => {
    const server = withServer(backend);
    const memberIds = (group: any) => group.members.filter((m: any) => m.type === 'User').map((m: any) => m.value).sort();

    it('creates a group from Entra ID\'s request and adds and removes members as Entra ID does', async () => {
      const displayName = uniqueName('Group');
      // "Create Group" in Entra ID's SCIM documentation (its own schema URI and meta included).
      const res = await scim(server.admin, 'POST', '/Groups', {
        schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group', 'http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group'],
        externalId: '8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159',
        displayName,
        meta: { resourceType: 'Group' },
      });
      assert.equal(res.status, 201, res.text);
      assert.deepEqual({ name: res.body.displayName, members: res.body.members, type: res.body.meta.resourceType }, { name: displayName, members: [], type: 'Group' });
      assert.equal(res.headers.get('location'), res.body.meta.location);
      const [a, b] = [await createUser(server.admin), await createUser(server.admin)];
      // "Update Group [Add Members]", then "[Remove Members]".
      const added = await scim(server.admin, 'PATCH', `/Groups/${res.body.id}`, { schemas: [PATCH_OP], Operations: [{ op: 'Add', path: 'members', value: [{ $ref: null, value: a.id }, { $ref: null, value: b.id }] }] });
      assert.equal(added.status, 200, added.text);
      assert.deepEqual(memberIds(added.body), [a.id, b.id].sort());
      assert.deepEqual((await server.admin.get(`/api/v1/users/${a.id}`)).body.groups, [res.body.id], 'the same membership in /api/v1');
      const removed = await scim(server.admin, 'PATCH', `/Groups/${res.body.id}`, { schemas: [PATCH_OP], Operations: [{ op: 'Remove', path: 'members', value: [{ $ref: null, value: a.id }] }] });
      assert.deepEqual(memberIds(removed.body), [b.id]);
      const filtered = await scim(server.admin, 'PATCH', `/Groups/${res.body.id}`, {
        schemas: [PATCH_OP],
        Operations: [{ op: 'remove', path: `members[value eq "${b.id}"]` }, { op: 'replace', path: 'displayName', value: `${displayName}-renamed` }],
      });
      assert.deepEqual({ members: filtered.body.members, name: filtered.body.displayName }, { members: [], name: `${displayName}-renamed` });
    });

    it('lists with a filter and totalResults, shows child groups as members, replaces and deletes', async () => {
      const parent = (await server.admin.post('/api/v1/groups', { name: uniqueName('parent') })).body;
      const child = (await server.admin.post('/api/v1/groups', { name: uniqueName('child'), parent: parent.id })).body;
      const member = await createUser(server.admin, { groups: [parent.id] });
      const list = await scim(server.admin, 'GET', `/Groups?filter=${encodeURIComponent(`displayName eq "${parent.name}"`)}`);
      assert.equal(list.status, 200, list.text);
      assert.equal(list.body.totalResults, 1);
      assert.deepEqual(list.body.Resources[0].members.map((m: any) => [m.type, m.value, m.display]), [['User', member.id, member.username], ['Group', child.id, child.name]]);
      const slim = (await scim(server.admin, 'GET', `/Groups?filter=${encodeURIComponent(`displayName eq "${parent.name}"`)}&excludedAttributes=members`)).body;
      assert.equal('members' in slim.Resources[0], false);
      const got = await scim(server.admin, 'GET', `/Groups/${parent.id}`);
      const other = await createUser(server.admin);
      const replaced = await scim(server.admin, 'PUT', `/Groups/${parent.id}`, { ...got.body, members: [...got.body.members.filter((m: any) => m.type === 'Group'), { value: other.id }] }, { 'if-match': got.headers.get('etag')! });
      assert.equal(replaced.status, 200, replaced.text);
      assert.deepEqual(memberIds(replaced.body), [other.id]);
      const nested = await scim(server.admin, 'PUT', `/Groups/${parent.id}`, { displayName: parent.name, members: [{ value: parent.id, type: 'Group' }] });
      assert.equal(nested.status, 400);
      assert.equal(nested.body.scimType, 'mutability', 'child groups are nested with parent, not written as members');
      const taken = await scim(server.admin, 'POST', '/Groups', { displayName: parent.name.toUpperCase() });
      assert.deepEqual([taken.status, taken.body.scimType], [409, 'uniqueness']);
      assert.equal((await scim(server.admin, 'DELETE', `/Groups/${child.id}`)).status, 204);
      assert.equal((await scim(server.admin, 'GET', `/Groups/${child.id}`)).status, 404);
    });

    it('keeps the rules of /api/v1: a manager may not hand out a superuser group', async () => {
      const root = (await server.admin.post('/api/v1/groups', { name: uniqueName('root'), isSuperuser: true })).body;
      const manager = server.client((await createLogin(server.admin, 'manager')).auth);
      const user = await createUser(server.admin);
      const res = await scim(manager, 'PATCH', `/Groups/${root.id}`, { schemas: [PATCH_OP], Operations: [{ op: 'add', path: 'members', value: [{ value: user.id }] }] });
      assert.deepEqual([res.status, res.body.status], [403, '403']);
      assert.deepEqual((await server.admin.get(`/api/v1/users/${user.id}`)).body.groups, []);
    });
  });
}
