// The read model behind isSuperuser: groups.grants_superuser is kept with the tree in the same
// transaction, so it always equals a fresh walk of the hierarchy, concurrent changes included.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { backends } from '../support/backends.ts';
import { withServer } from '../support/server.ts';
import { uniqueName } from '../support/factories.ts';

for (const backend of backends()) {
  describe(`groups.grants_superuser (${backend})`, () => {
    const server = withServer(backend);

    async function createGroup(parent: string | null = null, isSuperuser = false): Promise<{ id: string }> {
      const res = await server.admin.post('/api/v1/groups', { name: uniqueName('tree'), parent, isSuperuser });
      assert.equal(res.status, 201, res.text);
      return res.body;
    }
    const patch = (id: string, body: object) => server.admin.patch(`/api/v1/groups/${id}`, body);

    /** Groups whose kept flag differs from a walk of the tree as it is now. */
    async function drift(): Promise<string[]> {
      const { rows } = await sql<{ id: string }>`
        WITH RECURSIVE granting(id) AS (
          SELECT id FROM groups WHERE is_superuser
          UNION SELECT g.id FROM groups g JOIN granting p ON g.parent_id = p.id
        )
        SELECT id::text AS id FROM groups WHERE grants_superuser <> (id IN (SELECT id FROM granting))`.execute(server.store.db);
      return rows.map((row) => row.id);
    }
    async function grants(id: string): Promise<boolean> {
      const { rows } = await sql<{ grants_superuser: boolean }>`SELECT grants_superuser FROM groups WHERE id = ${id}`.execute(server.store.db);
      return rows[0].grants_superuser;
    }

    it('follows flags and moves down a chain of four: great-grandchildren included, and back', async () => {
      const root = await createGroup();
      const a = await createGroup(root.id);
      const b = await createGroup(a.id);
      const c = await createGroup(b.id);
      assert.deepEqual(await Promise.all([root, a, b, c].map((g) => grants(g.id))), [false, false, false, false]);
      assert.equal((await patch(root.id, { isSuperuser: true })).status, 200);
      assert.deepEqual(await Promise.all([root, a, b, c].map((g) => grants(g.id))), [true, true, true, true]);
      assert.equal((await patch(b.id, { parent: null })).status, 200);
      assert.deepEqual(await Promise.all([root, a, b, c].map((g) => grants(g.id))), [true, true, false, false]);
      const other = await createGroup(null, true);
      assert.equal((await patch(b.id, { parent: other.id })).status, 200);
      assert.deepEqual(await Promise.all([b, c].map((g) => grants(g.id))), [true, true]);
      assert.equal((await patch(other.id, { isSuperuser: false })).status, 200);
      assert.equal((await patch(root.id, { isSuperuser: false })).status, 200);
      assert.deepEqual(await Promise.all([root, a, b, c, other].map((g) => grants(g.id))), [false, false, false, false, false]);
      assert.deepEqual(await drift(), []);
    });

    it('stays equal to the tree when a flag flips while groups are created and moved below it', async () => {
      for (let round = 0; round < 6; round++) {
        const top = await createGroup();
        const middle = await createGroup(top.id);
        const loose = await createGroup();
        // Creates take the hierarchy lock only to recompute, after their insert; the window is
        // small, so this checks the outcome rather than forcing the interleaving.
        const [flip, moved, ...created] = await Promise.all([
          patch(top.id, { isSuperuser: true }),
          patch(loose.id, { parent: middle.id }),
          ...[1, 2, 3].map(() => server.admin.post('/api/v1/groups', { name: uniqueName('child'), parent: middle.id })),
        ]);
        assert.deepEqual([flip, moved, ...created].map((r) => r.status), [200, 200, 201, 201, 201]);
        const ids = [top.id, middle.id, loose.id, ...created.map((r) => r.body.id as string)];
        assert.deepEqual(await Promise.all(ids.map(grants)), ids.map(() => true));
        assert.deepEqual(await drift(), []);
      }
    });
  });
}
