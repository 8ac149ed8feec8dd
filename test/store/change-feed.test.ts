// The change feed (migration 0008, src/store/changes.ts): every committed change a cache may hold
// is announced, by triggers, so no write path can forget one; this process's own changes are
// heard before the write returns; a rolled-back change is never announced; bulk statements
// announce once; on PostgreSQL a lost listening connection makes the feed unhealthy until it
// is back.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { Store } from '../../src/store/db.ts';
import { parseChange, type Change } from '../../src/store/changes.ts';
import { backends, createTestDatabase, type TestDatabase } from '../support/backends.ts';

async function until(what: string, check: () => boolean | Promise<boolean>, ms = 5_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('parseChange', () => {
  it('reads each kind, and anything else as "everything changed"', () => {
    assert.deepEqual(parseChange('{"users":["a","b"]}'), { kind: 'users', ids: ['a', 'b'] });
    assert.deepEqual(parseChange('{"locks":["k"]}'), { kind: 'locks', usernameKeys: ['k'] });
    assert.deepEqual(parseChange('{"added":true}'), { kind: 'added' });
    assert.deepEqual(parseChange('{"all":true}'), { kind: 'all' });
    assert.deepEqual(parseChange('{"users":[1]}'), { kind: 'all' });
    assert.deepEqual(parseChange('not json'), { kind: 'all' });
  });
});

for (const backend of backends()) {
  describe(`change feed (${backend})`, () => {
    let database: TestDatabase;
    let store: Store;
    const heard: Change[] = [];
    const health: boolean[] = [];
    let unsubscribe: () => void;

    before(async () => {
      database = await createTestDatabase(backend);
      store = await database.open();
      unsubscribe = store.changes.subscribe({ change: (c) => heard.push(c), health: (h) => health.push(h) });
      await until('the feed is healthy', () => store.changes.healthy);
    });
    after(async () => {
      unsubscribe();
      await store.close();
      await database.drop();
    });

    async function insertUser(username = `feed-${uuidv7().slice(-12)}`): Promise<string> {
      const id = uuidv7();
      await sql`INSERT INTO users (id, username, username_key, type, role, status, created_at, updated_at)
        VALUES (${id}, ${username}, ${username}, 'internal', 'user', 'active', now(), now())`.execute(store.db);
      return id;
    }
    const drain = () => heard.splice(0);

    it('announces a new user as "added", and a changed or deleted one by id, before the write returns', async () => {
      drain();
      const id = await insertUser();
      assert.deepEqual(drain(), [{ kind: 'added' }]);
      await sql`UPDATE users SET name = 'Changed' WHERE id = ${id}`.execute(store.db);
      assert.deepEqual(drain(), [{ kind: 'users', ids: [id] }]);
      await sql`DELETE FROM users WHERE id = ${id}`.execute(store.db);
      assert.deepEqual(drain(), [{ kind: 'users', ids: [id] }]);
    });

    it('announces nothing for a change that rolls back, and a committed transaction once per statement', async () => {
      const id = await insertUser();
      drain();
      await assert.rejects(
        store.db.transaction().execute(async (trx) => {
          await sql`UPDATE users SET name = 'Never' WHERE id = ${id}`.execute(trx);
          throw new Error('roll back');
        }),
        /roll back/,
      );
      assert.deepEqual(drain(), []);
      await store.db.transaction().execute(async (trx) => {
        await sql`UPDATE users SET name = 'One' WHERE id = ${id}`.execute(trx);
        await sql`UPDATE users SET name = 'Two' WHERE id = ${id}`.execute(trx);
        // Nothing is heard until the commit.
        assert.deepEqual(heard, []);
      });
      // PostgreSQL folds identical notifications of one transaction into one.
      assert.deepEqual(drain(), [{ kind: 'users', ids: [id] }]);
    });

    it('announces memberships, tokens and sessions by their user, a superuser grant to everyone', async () => {
      const userId = await insertUser();
      const groupId = uuidv7();
      await sql`INSERT INTO groups (id, name, name_key, created_at, updated_at)
        VALUES (${groupId}, ${groupId}, ${groupId}, now(), now())`.execute(store.db);
      drain();
      await sql`INSERT INTO group_members (group_id, user_id) VALUES (${groupId}, ${userId})`.execute(store.db);
      assert.deepEqual(drain(), [{ kind: 'users', ids: [userId] }]);
      await sql`UPDATE groups SET is_superuser = true, grants_superuser = true WHERE id = ${groupId}`.execute(store.db);
      assert.deepEqual(drain(), [{ kind: 'all' }]);
      await sql`UPDATE groups SET name = 'renamed' WHERE id = ${groupId}`.execute(store.db);
      assert.deepEqual(drain(), [], 'a rename changes nothing a user cache holds');
      await sql`DELETE FROM groups WHERE id = ${groupId}`.execute(store.db);
      assert.deepEqual(drain(), [{ kind: 'users', ids: [userId] }], 'the cascade to memberships is announced');

      const tokenId = uuidv7();
      await sql`INSERT INTO access_tokens (id, user_id, name, secret_hash, created_at, expires_at)
        VALUES (${tokenId}, ${userId}, 't', ${tokenId}, now(), now() + interval '1 day')`.execute(store.db);
      await sql`UPDATE access_tokens SET last_used_at = now() WHERE id = ${tokenId}`.execute(store.db);
      assert.deepEqual(drain(), [], 'minting and using a token change nothing cached');
      await sql`DELETE FROM access_tokens WHERE id = ${tokenId}`.execute(store.db);
      assert.deepEqual(drain(), [{ kind: 'users', ids: [userId] }]);

      const sessionId = uuidv7();
      await sql`INSERT INTO sessions (id, user_id, token_hash, created_at, expires_at)
        VALUES (${sessionId}, ${userId}, ${sessionId}, now(), now() + interval '1 day')`.execute(store.db);
      await sql`UPDATE sessions SET revoked_at = now() WHERE id = ${sessionId}`.execute(store.db);
      assert.deepEqual(drain(), [{ kind: 'users', ids: [userId] }]);
    });

    it('announces a name\'s failure count and lock by its key', async () => {
      drain();
      await sql`INSERT INTO login_failures (username_key, failures, updated_at) VALUES ('locked-name', 1, now())`.execute(store.db);
      await sql`UPDATE login_failures SET locked_until = now() + interval '1 minute' WHERE username_key = 'locked-name'`.execute(store.db);
      await sql`DELETE FROM login_failures WHERE username_key = 'locked-name'`.execute(store.db);
      assert.deepEqual(drain(), [
        { kind: 'locks', usernameKeys: ['locked-name'] },
        { kind: 'locks', usernameKeys: ['locked-name'] },
        { kind: 'locks', usernameKeys: ['locked-name'] },
      ]);
    });

    it('announces a statement over more than 100 users as "everything", in one notification', async () => {
      const prefix = `bulk-${uuidv7().slice(-8)}`;
      await sql`INSERT INTO users (id, username, username_key, type, role, status, created_at, updated_at)
        SELECT gen_random_uuid(), ${prefix} || n, ${prefix} || n, 'internal', 'user', 'active', now(), now()
        FROM generate_series(1, 150) AS n`.execute(store.db);
      drain();
      await sql`UPDATE users SET locale = 'en' WHERE username LIKE ${`${prefix}%`}`.execute(store.db);
      assert.deepEqual(drain(), [{ kind: 'all' }]);
    });

    if (backend === 'postgres') {
      it('hears another connection\'s changes, turns unhealthy when its listener is cut, and listens again', async () => {
        const other = await database.open();
        try {
          const id = await insertUser();
          drain();
          await sql`UPDATE users SET name = 'From elsewhere' WHERE id = ${id}`.execute(other.db);
          await until('the other session\'s change is heard', () => heard.some((c) => c.kind === 'users' && c.ids.includes(id)));
          health.splice(0);
          // Cut the connection that only listens (the store's pool sessions run queries too).
          await sql`SELECT pg_terminate_backend(pid) FROM pg_stat_activity
            WHERE datname = current_database() AND query = 'LISTEN roster_changes' AND pid <> pg_backend_pid()
              AND state = 'idle' AND backend_type = 'client backend'`.execute(other.db);
          await until('the feed reports the loss', () => health.includes(false));
          await until('the feed listens again', () => store.changes.healthy);
          assert.deepEqual(health, [false, true]);
        } finally {
          await other.close();
        }
      });
    }
  });
}
