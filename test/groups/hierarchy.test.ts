// The group hierarchy: cycles of any length are refused, a group with children cannot be deleted,
// deleting a group removes its memberships.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { backends } from '../support/backends.ts';
import { withServer } from '../support/server.ts';
import { expectProblem } from '../support/client.ts';
import { createUser, uniqueName } from '../support/factories.ts';

const MERGE_PATCH = 'application/merge-patch+json';

for (const backend of backends()) {
  describe(`groups hierarchy (${backend})`, () => {
    const server = withServer(backend);

    const url = (id: string) => `/api/v1/groups/${id}`;
    async function createGroup(parent: string | null = null, fields: Record<string, unknown> = {}): Promise<any> {
      const res = await server.admin.post('/api/v1/groups', { name: uniqueName('grp'), parent, ...fields });
      assert.equal(res.status, 201, res.text);
      return res.body;
    }
    /** A chain of `length` groups, the first at the top: [a, b (parent a), c (parent b), ...]. */
    async function chain(length: number): Promise<any[]> {
      const out: any[] = [];
      for (let i = 0; i < length; i++) out.push(await createGroup(out[i - 1]?.id ?? null));
      return out;
    }
    /** Asserts the group is exactly as it was: same body, same ETag. */
    async function assertUnchanged(group: any, etag: string): Promise<void> {
      const res = await server.admin.get(url(group.id));
      assert.equal(res.status, 200);
      assert.deepEqual(res.body, group);
      assert.equal(res.headers.get('etag'), etag);
    }
    function assertCycle(body: any): void {
      assert.deepEqual(body.errors.map((e: any) => [e.pointer, e.code]), [['/parent', 'cycle']]);
    }

    for (const length of [1, 2, 3]) {
      for (const verb of ['PATCH', 'PUT'] as const) {
        it(`refuses a cycle of length ${length} by ${verb}: 400 group.cycle pointer /parent, nothing changed`, async () => {
          const groups = await chain(length);
          const top = groups[0];
          const bottom = groups[length - 1];
          const before = await Promise.all(groups.map((g) => server.admin.get(url(g.id))));
          const res =
            verb === 'PATCH'
              ? await server.admin.patch(url(top.id), { parent: bottom.id }, { contentType: MERGE_PATCH })
              : await server.admin.put(url(top.id), { name: top.name, parent: bottom.id });
          assertCycle(expectProblem(res, 400, 'group.cycle'));
          for (const [i, group] of groups.entries()) {
            await assertUnchanged(before[i].body, before[i].headers.get('etag')!);
            assert.equal(group.parent, i === 0 ? null : groups[i - 1].id);
          }
        });
      }
    }

    it('refuses a cycle closed from the middle of a longer chain', async () => {
      const [a, b, c, d] = await chain(4);
      assertCycle(expectProblem(await server.admin.patch(url(b.id), { parent: d.id }), 400, 'group.cycle'));
      assertCycle(expectProblem(await server.admin.patch(url(a.id), { parent: c.id }), 400, 'group.cycle'));
      assert.equal((await server.admin.get(url(b.id))).body.parent, a.id);
      assert.equal((await server.admin.get(url(a.id))).body.parent, null);
    });

    it('allows moves that close no cycle: re-parenting, moving up, detaching', async () => {
      const [a, b, c] = await chain(3);
      const other = await createGroup();
      const moved = await server.admin.patch(url(b.id), { parent: other.id });
      assert.equal(moved.status, 200, moved.text);
      assert.equal(moved.body.parent, other.id);
      // a is no longer above c, so c may now be a's parent.
      const flipped = await server.admin.patch(url(a.id), { parent: c.id });
      assert.equal(flipped.status, 200, flipped.text);
      assert.equal(flipped.body.parent, c.id);
      const detached = await server.admin.patch(url(a.id), { parent: null });
      assert.equal(detached.status, 200, detached.text);
      assert.equal(detached.body.parent, null);
      // Naming the current parent again is no move at all.
      const same = await server.admin.put(url(c.id), { name: c.name, parent: b.id });
      assert.equal(same.status, 200, same.text);
      assert.equal(same.body.parent, b.id);
    });

    it('refuses to delete a group with children: 409 group.has_children, both stay', async () => {
      const [parent, child] = await chain(2);
      const user = await createUser(server.admin, { groups: [parent.id] });
      const before = await server.admin.get(url(parent.id));
      expectProblem(await server.admin.delete(url(parent.id)), 409, 'group.has_children');
      await assertUnchanged(before.body, before.headers.get('etag')!);
      assert.equal(before.body.memberCount, 1);
      assert.equal((await server.admin.get(url(child.id))).status, 200);
      assert.deepEqual((await server.admin.get(`/api/v1/users/${user.id}`)).body.groups, [parent.id]);
      // Once the child is gone the parent can go.
      assert.equal((await server.admin.delete(url(child.id))).status, 204);
      assert.equal((await server.admin.delete(url(parent.id))).status, 204);
    });

    it('deleting a leaf group removes its memberships: 204, the user no longer lists it', async () => {
      const [parent, leaf] = await chain(2);
      const keep = await createGroup();
      const user = await createUser(server.admin, { groups: [leaf.id, keep.id, parent.id] });
      assert.deepEqual([...user.groups].sort(), [leaf.id, keep.id, parent.id].sort());
      const res = await server.admin.delete(url(leaf.id));
      assert.equal(res.status, 204, res.text);
      const after = await server.admin.get(`/api/v1/users/${user.id}`);
      assert.deepEqual([...after.body.groups].sort(), [keep.id, parent.id].sort());
      assert.equal((await server.admin.get(url(keep.id))).body.memberCount, 1);
      assert.equal((await server.admin.get(url(parent.id))).body.memberCount, 1);
      expectProblem(await server.admin.get(`/api/v1/groups/${leaf.id}/members`), 404, 'group.not_found');
      // A user PUT naming the deleted group now fails: it no longer exists.
      const put = await server.admin.put(`/api/v1/users/${user.id}`, { username: user.username, groups: [leaf.id] });
      const body = expectProblem(put, 400, 'request.invalid');
      assert.deepEqual(body.errors.map((e: any) => [e.pointer, e.code]), [['/groups/0', 'unknown_group']]);
    });

    it('deleting a user removes its memberships from memberCount', async () => {
      const group = await createGroup();
      const user = await createUser(server.admin, { groups: [group.id] });
      await createUser(server.admin, { groups: [group.id] });
      assert.equal((await server.admin.get(url(group.id))).body.memberCount, 2);
      assert.equal((await server.admin.delete(`/api/v1/users/${user.id}`)).status, 204);
      assert.equal((await server.admin.get(url(group.id))).body.memberCount, 1);
    });

    it('concurrent moves cannot close a cycle together', async () => {
      // a and b are siblings; "a under b" and "b under a" at once: at most one may win.
      for (let round = 0; round < 5; round++) {
        const a = await createGroup();
        const b = await createGroup();
        const [first, second] = await Promise.all([
          server.admin.patch(url(a.id), { parent: b.id }),
          server.admin.patch(url(b.id), { parent: a.id }),
        ]);
        const statuses = [first.status, second.status].sort();
        assert.deepEqual(statuses, [200, 400], `${first.text} / ${second.text}`);
        const loser = first.status === 400 ? first : second;
        expectProblem(loser, 400, 'group.cycle');
        const parents = [(await server.admin.get(url(a.id))).body.parent, (await server.admin.get(url(b.id))).body.parent];
        assert.equal(parents.filter((p) => p !== null).length, 1, `exactly one moved: ${JSON.stringify(parents)}`);
      }
    });
  });
}
