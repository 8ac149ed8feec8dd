// The search indexes (migrations 0009 and 0015) serve the list queries Roster really runs: `ew`,
// `co` and `sw` filters on email and username, and free-text `q` over username, name and email,
// the substring shapes through one trigram index over the three.
// With sequential and plain index scans priced out, PostgreSQL can answer each only through a
// bitmap scan of an index whose expression matches the query's; if a query's expression drifts
// from the index's (say lower(name) becomes name), the plan loses the index and this fails.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CompiledQuery, sql } from 'kysely';
import type { Store } from '../../src/store/db.ts';
import { listUsersQuery, type UserListQuery } from '../../src/users/user-query.repo.ts';
import { backends, createTestDatabase, type TestDatabase } from '../support/backends.ts';

for (const backend of backends()) {
  describe(`search indexes (${backend})`, () => {
    let database: TestDatabase;
    let store: Store;

    before(async () => {
      database = await createTestDatabase(backend);
      store = await database.open();
      await sql`INSERT INTO users (id, username, username_key, name, email, email_key, type, role, status, created_at, updated_at)
        SELECT gen_random_uuid(), 'person-' || n, 'person-' || n, 'Person ' || n, 'person-' || n || '@example.com',
               'person-' || n || '@example.com', 'internal', 'user', 'active', now(), now()
        FROM generate_series(1, 5000) AS n`.execute(store.db);
      await sql`ANALYZE users`.execute(store.db);
    });
    after(async () => {
      await store.close();
      await database.drop();
    });

    async function plan(query: Partial<UserListQuery>): Promise<string> {
      return store.db.transaction().execute(async (trx) => {
        await sql`SET LOCAL enable_seqscan = off`.execute(trx);
        await sql`SET LOCAL enable_indexscan = off`.execute(trx);
        const compiled = listUsersQuery(trx, { filters: [], limit: 51, ...query }).compile();
        const result = await trx.executeQuery(CompiledQuery.raw(`EXPLAIN (FORMAT JSON) ${compiled.sql}`, [...compiled.parameters]));
        return JSON.stringify(result.rows);
      });
    }

    it('answers email ew from the reversed-key index, and co from the trigram index', async () => {
      assert.match(await plan({ filters: ['email ew "-123@example.com"'] }), /users_email_suffix/);
      assert.match(await plan({ filters: ['email co "son-12"'] }), /users_search_trgm/);
      assert.match(await plan({ filters: ['name co "son 12"'] }), /users_search_trgm/);
      assert.match(await plan({ filters: ['username ew "son-12"'] }), /users_search_trgm/);
    });

    it('answers username and email sw from their unique keys, compared as bytes', async () => {
      assert.match(await plan({ filters: ['username sw "person-12"'] }), /users_username_key/);
      assert.match(await plan({ filters: ['email sw "person-12"'] }), /users_email_key/);
    });

    it('matches ew literally through the reversal: wildcards, escapes, case and non-ASCII', async () => {
      await sql`INSERT INTO users (id, username, username_key, email, email_key, type, role, status, created_at, updated_at) VALUES
        (gen_random_uuid(), 'odd-1', 'odd-1', 'A_b%C\\é@Example.com', 'a_b%c\\é@example.com', 'internal', 'user', 'active', now(), now()),
        (gen_random_uuid(), 'odd-2', 'odd-2', 'aXbYc\\é@example.com', 'axbyc\\é@example.com', 'internal', 'user', 'active', now(), now())`.execute(store.db);
      const emails = async (filter: string) =>
        (await listUsersQuery(store.db, { filters: [filter], limit: 10 }).execute()).map((row) => row.email).sort();
      assert.deepEqual(await emails('email ew "_B%C\\\\É@EXAMPLE.COM"'), ['A_b%C\\é@Example.com']);
      assert.deepEqual(await emails('email ew "\\\\é@example.com"'), ['A_b%C\\é@Example.com', 'aXbYc\\é@example.com']);
      assert.deepEqual(await emails('email ew "%C\\\\é@example.com"'), ['A_b%C\\é@Example.com']);
    });

    it('answers q through the one search index over username, lower(name) and email', async () => {
      assert.match(await plan({ q: 'person-12' }), /users_search_trgm/);
      // Folding and lower-casing differ here (ß folds to ss): both readings go through the index.
      assert.match(await plan({ q: 'Straße' }), /users_search_trgm/);
    });

    it('finds a substring of one field only, never one that spans two fields of the index', async () => {
      await sql`INSERT INTO users (id, username, username_key, name, email, email_key, type, role, status, created_at, updated_at) VALUES
        (gen_random_uuid(), 'span-abc', 'span-abc', 'Zed Quux', 'def@span.test', 'def@span.test', 'internal', 'user', 'active', now(), now()),
        (gen_random_uuid(), 'strasse-1', 'strasse-1', 'Anna Straße', NULL, NULL, 'internal', 'user', 'active', now(), now())`.execute(store.db);
      const usernames = async (query: Partial<UserListQuery>) =>
        (await listUsersQuery(store.db, { filters: [], limit: 10, ...query }).execute()).map((row) => row.username).sort();
      // The index holds "span-abc def@span.test zed quux": "abc def" and "test zed" span fields.
      assert.deepEqual(await usernames({ q: 'abc def' }), []);
      assert.deepEqual(await usernames({ q: 'test zed' }), []);
      assert.deepEqual(await usernames({ filters: ['username co "abc def"'] }), []);
      assert.deepEqual(await usernames({ filters: ['email co "test zed"'] }), []);
      assert.deepEqual(await usernames({ filters: ['username ew "abc"'] }), ['span-abc']);
      assert.deepEqual(await usernames({ filters: ['name co "ZED q"'] }), ['span-abc']);
      assert.deepEqual(await usernames({ q: 'DEF@SPAN' }), ['span-abc']);
      assert.deepEqual(await usernames({ q: 'straße' }), ['strasse-1']);
      assert.deepEqual(await usernames({ q: 'STRASSE-1' }), ['strasse-1']);
    });

    it('looks up a thousand keys at once through the unique indexes, never the trigram ones', async () => {
      // The planner priced trigram indexes for `=` as nearly free: an import batch's look-up read
      // every posting list. Migration 0012 built them on (key || ''), which `=` cannot use.
      const keys = Array.from({ length: 1000 }, (_, i) => `person-${i * 5}`);
      const explain = (column: string) =>
        store.db.transaction().execute(async (trx) => {
          // Without a scan of the table to fall back on, the planner shows which index it prefers.
          await sql`SET LOCAL enable_seqscan = off`.execute(trx);
          return JSON.stringify((await sql`EXPLAIN (FORMAT JSON) SELECT id FROM users WHERE ${sql.ref(column)} = ANY(${keys}::text[])`.execute(trx)).rows);
        });
      for (const column of ['username_key', 'email_key']) {
        const text = await explain(column);
        assert.doesNotMatch(text, /_trgm/, `${column}: ${text}`);
        assert.match(text, new RegExp(`${column}"`), 'through the unique key');
      }
      assert.match(await plan({ filters: ['username co "son-12"'] }), /users_search_trgm/);
    });

    it('never counts: a list page is one query with a limit', async () => {
      const compiled = listUsersQuery(store.db, { filters: ['email co "x"'], q: 'y', limit: 51 }).compile();
      assert.doesNotMatch(compiled.sql, /count\(/i);
      assert.match(compiled.sql, /order by "users"\."id" limit \$\d+$/);
    });
  });
}
