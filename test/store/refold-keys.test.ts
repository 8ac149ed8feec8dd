// Keys stored under the old fold (NFKC + toLowerCase) are recomputed with full case folding when
// the store is migrated; keys that would collide keep their old value and are reported until an
// operator renames one of the pair.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { backends, createTestDatabase, type TestDatabase } from '../support/backends.ts';
import { migrate } from '../../src/store/migrate.ts';
import type { Store } from '../../src/store/db.ts';
import { insertUser } from '../../src/users/user.repo.ts';
import { insertGroup } from '../../src/groups/group.repo.ts';

const oldFold = (value: string) => value.normalize('NFKC').toLowerCase();

for (const backend of backends()) {
  describe(`refolding stored keys (${backend})`, () => {
    let database: TestDatabase;
    let store: Store;
    before(async () => {
      database = await createTestDatabase(backend);
      store = await database.open();
    });
    after(async () => {
      await store?.close();
      await database?.drop();
    });

    async function user(username: string, email: string | null = null): Promise<string> {
      const id = randomUUID();
      await insertUser(store.db, {
        id, username: `placeholder-${id}`, email: null, name: null, givenName: null, familyName: null, phone: null, locale: null, role: 'user',
        attributes: {}, path: 'users', externalId: null, type: 'internal', status: 'invited', passwordHash: null,
        emailVerified: false, now: new Date(),
      });
      // As a release before full case folding wrote it.
      await store.db
        .updateTable('users')
        .set({ username, username_key: oldFold(username), email, email_key: email && oldFold(email) })
        .where('id', '=', id)
        .execute();
      return id;
    }

    async function keysOf(id: string) {
      return store.db.selectFrom('users').select(['username_key', 'email_key']).where('id', '=', id).executeTakeFirstOrThrow();
    }

    const steps = async () => (await sql<{ name: string }>`SELECT name FROM data_steps ORDER BY name`.execute(store.db)).rows.map((r) => r.name);

    it('a migrated store has done the step', async () => {
      assert.deepEqual(await steps(), ['casefold_keys']);
    });

    it('recomputes old keys, reports collisions, and finishes once they are renamed', async () => {
      const plain = await user('STRASSE');
      const twin = await user('straße');
      const grossmann = await user('Großmann', 'xn--gro-7ka@example.com');
      const groupId = randomUUID();
      await insertGroup(store.db, groupId, { name: 'ΟΔΟΣ', parent: null, isSuperuser: false, attributes: {} }, new Date());
      await store.db.updateTable('groups').set({ name_key: oldFold('ΟΔΟΣ') }).where('id', '=', groupId).execute();
      assert.equal((await keysOf(twin)).username_key, 'straße', 'the old fold kept ß');
      await store.db.deleteFrom('data_steps' as never).execute();

      const warnings: [string, Record<string, unknown>][] = [];
      await migrate(store, { warn: (message, details) => warnings.push([message, details]) });

      assert.deepEqual(await keysOf(plain), { username_key: 'strasse', email_key: null });
      assert.deepEqual(await keysOf(grossmann), { username_key: 'grossmann', email_key: 'xn--gro-7ka@example.com' });
      const group = await store.db.selectFrom('groups').select('name_key').where('id', '=', groupId).executeTakeFirstOrThrow();
      assert.equal(group.name_key, 'οδοσ');
      assert.equal((await keysOf(twin)).username_key, 'straße', 'a colliding key stays as it was');
      assert.equal(warnings.length, 1);
      assert.match(warnings[0][0], /equal under Unicode case folding/);
      assert.deepEqual(warnings[0][1], { conflicts: [{ table: 'users', id: twin, field: 'username', value: 'straße' }] });
      assert.deepEqual(await steps(), [], 'not done while a collision is left');

      // The operator renames one of the pair; the next start finishes the step.
      await store.db.updateTable('users').set({ username: 'strasse-2', username_key: 'strasse-2' }).where('id', '=', twin).execute();
      warnings.length = 0;
      await migrate(store, { warn: (message, details) => warnings.push([message, details]) });
      assert.deepEqual(warnings, []);
      assert.deepEqual(await steps(), ['casefold_keys']);
    });
  });
}
