// The storage layer on each backend: idempotent migrations, isolated concurrent transactions (the
// PGlite session rule of STYLE.md), case-insensitive unique keys, and durability across restarts.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { sql } from 'kysely';
import { backends, createTestDatabase, type BackendName } from '../support/backends.ts';
import { startServer, ADMIN, type TestServer } from '../support/server.ts';
import { basic, expectProblem } from '../support/client.ts';
import { createUser, uniqueName, STRONG_PASSWORD } from '../support/factories.ts';
import { openStore, type Store } from '../../src/store/db.ts';
import { listMigrations, migrate } from '../../src/store/migrate.ts';
import { UniqueViolation } from '../../src/store/errors.ts';
import { insertUser, type NewUser } from '../../src/users/user.repo.ts';

async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** An empty, unmigrated database and a way to open more stores on it (PostgreSQL only). */
async function emptyDatabase(backend: BackendName) {
  if (backend === 'pglite') {
    const store = await openStore({ backend: 'pglite' });
    return { store, openAnother: undefined, drop: async () => {} };
  }
  const name = `roster_store_${randomBytes(6).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  const url = new URL(process.env.TEST_DATABASE_URL!);
  url.pathname = `/${name}`;
  const open = () => openStore({ backend: 'postgres', url: url.toString(), poolSize: 10 });
  return { store: await open(), openAnother: open, drop: () => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

async function appliedMigrations(store: Store): Promise<string[]> {
  const result = await sql<{ name: string }>`SELECT name FROM schema_migrations ORDER BY name`.execute(store.db);
  return result.rows.map((r) => r.name);
}

function newUser(fields: Partial<NewUser> & { username: string }): NewUser {
  return {
    id: randomUUID(),
    name: null,
    givenName: null,
    familyName: null,
    email: null,
    phone: null,
    locale: null,
    role: 'user',
    attributes: {},
    path: 'users',
    externalId: null,
    type: 'internal',
    status: 'invited',
    passwordHash: null,
    emailVerified: false,
    now: new Date(),
    ...fields,
  };
}

async function rejectsAsUnique(work: Promise<unknown>, constraint: string): Promise<void> {
  await assert.rejects(work, (error: unknown) => {
    assert.ok(error instanceof UniqueViolation, `expected UniqueViolation, got ${String(error)}`);
    assert.equal(error.constraint, constraint);
    return true;
  });
}

for (const backend of backends()) {
  describe(`store: migrations (${backend})`, () => {
    it('applies every migration once, and nothing on a second run', async () => {
      const { store, drop } = await emptyDatabase(backend);
      try {
        const all = await listMigrations();
        assert.ok(all.length > 0 && all.includes('0001_init.sql'));
        assert.deepEqual(await migrate(store), all);
        assert.deepEqual(await migrate(store), []);
        assert.deepEqual(await Promise.all([migrate(store), migrate(store)]), [[], []]);
        assert.deepEqual(await appliedMigrations(store), all);
        const state = await store.db.selectFrom('system_state').selectAll().execute();
        assert.equal(state.length, 1, 'the seed row of the first migration exists once');
      } finally {
        await store.close();
        await drop();
      }
    });

    if (backend === 'postgres') {
      it('applies each migration exactly once when two processes migrate one database at once', async () => {
        const { store, openAnother, drop } = await emptyDatabase(backend);
        const other = await openAnother!();
        try {
          const [a, b] = await Promise.all([migrate(store), migrate(other)]);
          const all = await listMigrations();
          assert.deepEqual([...a, ...b].sort(), all, `first: ${a}, second: ${b}`);
          assert.deepEqual(await appliedMigrations(store), all);
        } finally {
          await other.close();
          await store.close();
          await drop();
        }
      });
    }
  });

  describe(`store: concurrent transactions (${backend})`, () => {
    let store: Store;
    let drop: () => Promise<void>;
    before(async () => {
      // A copy of the migrated template: these tests are about the store, not the migrations.
      const database = await createTestDatabase(backend);
      store = await database.open();
      drop = () => database.drop();
    });
    after(async () => {
      await store?.close();
      await drop?.();
    });

    it('keeps exactly the rows of the 16 of 20 concurrent transactions that commit', async () => {
      await store.exec('CREATE TABLE tx_probe (n integer PRIMARY KEY, step integer NOT NULL)');
      const failing = new Set([3, 8, 13, 18]);
      const outcomes = await Promise.allSettled(
        Array.from({ length: 20 }, (_, n) =>
          store.db.transaction().execute(async (trx) => {
            await sql`INSERT INTO tx_probe (n, step) VALUES (${n}, 1)`.execute(trx);
            await new Promise((resolve) => setImmediate(resolve)); // let the others interleave
            await sql`UPDATE tx_probe SET step = 2 WHERE n = ${n}`.execute(trx);
            if (failing.has(n)) throw new Error(`roll back ${n}`);
          }),
        ),
      );
      const rejected = outcomes.flatMap((o, n) => (o.status === 'rejected' ? [n] : []));
      assert.deepEqual(rejected, [...failing]);
      const rows = await sql<{ n: number; step: number }>`SELECT n, step FROM tx_probe ORDER BY n`.execute(store.db);
      const expected = Array.from({ length: 20 }, (_, n) => n).filter((n) => !failing.has(n));
      assert.deepEqual(rows.rows.map((r) => r.n), expected);
      assert.ok(rows.rows.every((r) => r.step === 2), 'every committed transaction finished');
    });

    it('keeps plain writes made alongside rolling-back transactions', async () => {
      const names = Array.from({ length: 12 }, () => uniqueName('tx'));
      const outcomes = await Promise.allSettled([
        // Users written inside transactions that all roll back…
        ...names.slice(0, 6).map((username) =>
          store.db.transaction().execute(async (trx) => {
            await insertUser(trx, newUser({ username }));
            await new Promise((resolve) => setImmediate(resolve));
            throw new Error('roll back');
          }),
        ),
        // …and users written outside any transaction at the same time, which must all stay.
        ...names.slice(6).map((username) => insertUser(store.db, newUser({ username }))),
      ]);
      assert.deepEqual(outcomes.map((o) => o.status), [...Array(6).fill('rejected'), ...Array(6).fill('fulfilled')]);
      const rows = await store.db.selectFrom('users').select('username').where('username', 'in', names).execute();
      assert.deepEqual(rows.map((r) => r.username).sort(), names.slice(6).sort());
    });
  });

  describe(`store: case-insensitive unique keys (${backend})`, () => {
    let store: Store;
    let drop: () => Promise<void>;
    before(async () => {
      // A copy of the migrated template: these tests are about the store, not the migrations.
      const database = await createTestDatabase(backend);
      store = await database.open();
      drop = () => database.drop();
    });
    after(async () => {
      await store?.close();
      await drop?.();
    });

    it('rejects case variants of a username as UniqueViolation users_username_key', async () => {
      const base = uniqueName('Alice');
      await insertUser(store.db, newUser({ username: base }));
      for (const variant of [base, base.toUpperCase(), base.toLowerCase(), base[0].toLowerCase() + base.slice(1).toUpperCase()]) {
        await rejectsAsUnique(insertUser(store.db, newUser({ username: variant })), 'users_username_key');
      }
      await insertUser(store.db, newUser({ username: `${base}x` }));
    });

    it('compares non-ASCII usernames by Unicode case and compatibility forms', async () => {
      const suffix = randomBytes(3).toString('hex');
      await insertUser(store.db, newUser({ username: `Élodie-${suffix}` }));
      await rejectsAsUnique(insertUser(store.db, newUser({ username: `élodie-${suffix}` })), 'users_username_key');
      await rejectsAsUnique(insertUser(store.db, newUser({ username: `ÉLODIE-${suffix}` })), 'users_username_key');
      await insertUser(store.db, newUser({ username: `ﬁle-${suffix}` })); // the "fi" ligature is NFKC "fi"
      await rejectsAsUnique(insertUser(store.db, newUser({ username: `FILE-${suffix}` })), 'users_username_key');
    });

    it('rejects case variants of an email as UniqueViolation users_email_key, and allows many without one', async () => {
      const local = uniqueName('bob');
      await insertUser(store.db, newUser({ username: uniqueName(), email: `${local}@Example.com` }));
      await rejectsAsUnique(insertUser(store.db, newUser({ username: uniqueName(), email: `${local.toUpperCase()}@EXAMPLE.COM` })), 'users_email_key');
      for (let i = 0; i < 3; i++) await insertUser(store.db, newUser({ username: uniqueName(), email: null }));
    });

    it('leaves no row behind for a rejected insert', async () => {
      const username = uniqueName('Carol');
      await insertUser(store.db, newUser({ username }));
      await assert.rejects(insertUser(store.db, newUser({ username: username.toUpperCase() })), UniqueViolation);
      const rows = await store.db.selectFrom('users').select('username').where('username_key', '=', username.toLowerCase()).execute();
      assert.deepEqual(rows.map((r) => r.username), [username]);
    });
  });

  describe(`store: durability across a restart (${backend})`, () => {
    let dataDir: string | undefined;
    let server: TestServer | undefined;
    before(async () => {
      if (backend === 'pglite') dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'roster-durable-'));
    });
    after(async () => {
      await server?.close();
      if (dataDir) await fs.rm(dataDir, { recursive: true, force: true });
    });

    it('keeps users, their ETags, passwords and the provisioned state', async () => {
      server = await startServer(backend, { dataDir });
      const login = { username: uniqueName('durable'), password: STRONG_PASSWORD };
      const created = [
        await createUser(server.admin, { ...login, email: `${login.username}@example.com` }),
        await createUser(server.admin, { name: 'Grace Hopper', attributes: { team: 'compilers' } }),
        await createUser(server.admin, { type: 'service_account' }),
      ];
      const patched = await server.admin.patch(`/api/v1/users/${created[1].id}`, { givenName: 'Grace' });
      assert.equal(patched.status, 200, patched.text);
      const before = new Map<string, { etag: string | null; body: unknown }>();
      for (const user of created) {
        const res = await server.admin.get(`/api/v1/users/${user.id}`);
        before.set(user.id, { etag: res.headers.get('etag'), body: res.body });
      }
      assert.equal(before.get(created[1].id)!.etag, '"2"');
      const listBefore = (await server.admin.get('/api/v1/users')).body.items.map((u: any) => u.id);

      await server.stop();
      const database = server.database;
      server = undefined;
      server = await startServer(backend, { database });

      assert.deepEqual((await server.anon.get('/api/v1/system/state')).body, { state: 'operational' });
      expectProblem(
        await server.anon.post('/api/v1/system/provision', { username: uniqueName('root'), password: STRONG_PASSWORD }),
        412,
        'system.already_provisioned',
      );
      assert.equal((await server.admin.get('/api/v1/users/me')).body.username, ADMIN.username);
      assert.deepEqual((await server.admin.get('/api/v1/users')).body.items.map((u: any) => u.id), listBefore);
      for (const user of created) {
        const res = await server.admin.get(`/api/v1/users/${user.id}`);
        assert.equal(res.status, 200);
        assert.equal(res.headers.get('etag'), before.get(user.id)!.etag, `ETag of ${user.username}`);
        assert.deepEqual(res.body, before.get(user.id)!.body);
      }
      const me = await server.client(basic(login.username, login.password)).get('/api/v1/users/me');
      assert.equal(me.status, 200, 'the stored password hash still verifies');
      assert.equal(me.body.id, created[0].id);
      const stale = await server.admin.patch(`/api/v1/users/${created[1].id}`, { name: 'x' }, { headers: { 'if-match': '"1"' } });
      expectProblem(stale, 412, 'user.etag_mismatch');
    });
  });
}

if (backends().includes('postgres')) {
  describe('store: PostgreSQL sessions', () => {
    it('runs every pooled session with JIT off, whatever the server defaults to', async () => {
      const { store, drop } = await emptyDatabase('postgres');
      try {
        // More sessions than one, at once, so the setting is shown to be each session's own.
        const settings = await Promise.all(
          Array.from({ length: 3 }, () => store.db.transaction().execute(async (tx) => (await sql<{ jit: string }>`SHOW jit`.execute(tx)).rows[0].jit)),
        );
        assert.deepEqual(settings, ['off', 'off', 'off']);
      } finally {
        await store.close();
        await drop();
      }
    });
  });
}
