// `npm run bench:import-db`: what the database alone spends on an import's writes. Users with a
// password hash and one membership each go into a fresh PostgreSQL database the way the import
// writes them (1,000-row jsonb batches, one transaction each; no HTTP, no checks), once per shape
// of the schema and the statement, so each change to the write path is priced on its own.
// BENCH_USERS (default 1,000,000), BENCH_SHAPES (comma-separated names below; default all).
import pg from 'pg';
import { openStore } from '../src/store/db.ts';
import { migrate } from '../src/store/migrate.ts';
import { postgresCpuSeconds } from './cpu.ts';

const USERS = Number(process.env.BENCH_USERS ?? 1_000_000);
const BATCH = 1_000;
const PG_BASE = (process.env.BENCH_PG || 'postgres://postgres@127.0.0.1:5432').replace(/\/$/, '');
const DB = 'roster_bench_import_db';

const THREE_TRIGRAM_INDEXES = [
  'DROP INDEX users_search_trgm',
  "CREATE INDEX users_username_trgm ON users USING gin ((username_key || '') gin_trgm_ops)",
  "CREATE INDEX users_email_trgm ON users USING gin ((email_key || '') gin_trgm_ops)",
  'CREATE INDEX users_name_trgm ON users USING gin (lower(name) gin_trgm_ops)',
];

interface Shape {
  label: string;
  schema: string[];
  onConflict: boolean;
  writers: 1 | 2;
  memberships: boolean;
  /** The users' INSERT inside SAVEPOINT … RELEASE, as the import writes it (user-import.repo.ts). */
  savepoint?: boolean;
}

const SHAPES: Record<string, Shape> = {
  before: { label: 'three trigram indexes (migration 0012), INSERT … ON CONFLICT DO NOTHING', schema: THREE_TRIGRAM_INDEXES, onConflict: true, writers: 1, memberships: true },
  'one-index': { label: 'one trigram index over username, email and name (migration 0015), ON CONFLICT', schema: [], onConflict: true, writers: 1, memberships: true },
  plain: { label: 'one trigram index, plain INSERT (ON CONFLICT only after a collision)', schema: [], onConflict: false, writers: 1, memberships: true },
  'two-writers': { label: 'the same, two writers at once (as the import writes plain creates)', schema: [], onConflict: false, writers: 2, memberships: true },
  'no-trigram': { label: 'no trigram index at all, plain INSERT', schema: ['DROP INDEX users_search_trgm'], onConflict: false, writers: 1, memberships: true },
  savepoint: { label: 'two writers, the INSERT inside a savepoint (as the import writes it)', schema: [], onConflict: false, writers: 2, memberships: true, savepoint: true },
  'no-role-status': {
    label: 'the same without the (role, status) index',
    schema: ['DROP INDEX users_role_status'],
    onConflict: false,
    writers: 2,
    memberships: true,
    savepoint: true,
  },
  'no-memberships': { label: 'one trigram index, plain INSERT, no memberships', schema: [], onConflict: false, writers: 1, memberships: false },
};

const HASH = '$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$K5dWpsvbTkSdUvcbGbJOgdEq8tR/UaH4tl7z4bU6qGs';

async function onServer(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: `${PG_BASE}/postgres` });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

function uuidOf(base: bigint, n: number): string {
  const hex = (base | (7n << 76n) | (8n << 62n) | BigInt(n)).toString(16).padStart(32, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

async function writeBatch(client: pg.Client, shape: Shape, groups: string[], base: bigint, from: number): Promise<void> {
  const rows = [];
  const members: [string, string][] = [];
  for (let n = from; n < Math.min(USERS, from + BATCH); n++) {
    const id = uuidOf(base, n);
    const username = `user-${n}`;
    rows.push({
      id, username, username_key: username, name: `Imported User ${n}`, given_name: 'Imported', family_name: `User ${n}`,
      email: `${username}@example.com`, email_key: `${username}@example.com`, external_id: `legacy-${username}`, password_hash: HASH,
    });
    members.push([groups[n % groups.length], id]);
  }
  await client.query('BEGIN');
  if (shape.savepoint) await client.query('SAVEPOINT import_batch');
  await client.query(
    `INSERT INTO users (id, username, username_key, name, given_name, family_name, email, email_key, external_id, password_hash,
                        type, role, status, email_verified, mfa_enabled, created_at, updated_at)
     SELECT id, username, username_key, name, given_name, family_name, email, email_key, external_id, password_hash,
            'internal', 'user', 'active', true, false, now(), now()
     FROM jsonb_to_recordset($1::jsonb) AS t(id uuid, username text, username_key text, name text, given_name text, family_name text,
       email text, email_key text, external_id text, password_hash text)
     ${shape.onConflict ? 'ON CONFLICT DO NOTHING' : ''}`,
    [JSON.stringify(rows)],
  );
  if (shape.savepoint) await client.query('RELEASE SAVEPOINT import_batch');
  if (shape.memberships) {
    await client.query('INSERT INTO group_members (group_id, user_id) SELECT * FROM unnest($1::uuid[], $2::uuid[])', [
      members.map((m) => m[0]),
      members.map((m) => m[1]),
    ]);
  }
  await client.query('COMMIT');
}

async function measure(shape: Shape): Promise<{ seconds: number; cpu: number }> {
  await onServer(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
  await onServer(`CREATE DATABASE ${DB}`);
  const url = `${PG_BASE}/${DB}`;
  const store = await openStore({ backend: 'postgres', url });
  await migrate(store);
  await store.close();
  const clients = [new pg.Client(url), new pg.Client(url)];
  await Promise.all(clients.map((c) => c.connect()));
  try {
    for (const statement of shape.schema) await clients[0].query(statement);
    const { rows } = await clients[0].query(
      `INSERT INTO groups (id, name, name_key, created_at, updated_at) SELECT gen_random_uuid(), 'team-' || g, 'team-' || g, now(), now()
       FROM generate_series(1, 20) AS g RETURNING id`,
    );
    const groups = rows.map((row) => row.id as string);
    const base = BigInt(Date.now()) << 80n;
    const cpu = postgresCpuSeconds();
    const started = performance.now();
    for (let from = 0; from < USERS; from += BATCH * shape.writers) {
      await Promise.all(clients.slice(0, shape.writers).map((client, i) => (from + i * BATCH < USERS ? writeBatch(client, shape, groups, base, from + i * BATCH) : null)));
    }
    return { seconds: (performance.now() - started) / 1000, cpu: postgresCpuSeconds() - cpu };
  } finally {
    await Promise.all(clients.map((c) => c.end()));
    await onServer(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
  }
}

const names = process.env.BENCH_SHAPES ? process.env.BENCH_SHAPES.split(',') : Object.keys(SHAPES);
console.log(`| rows written the way the import writes them (${USERS.toLocaleString('en')} users, one membership each) | seconds | users/s | PostgreSQL CPU per user |`);
console.log('| --- | ---: | ---: | ---: |');
for (const name of names) {
  const shape = SHAPES[name];
  if (!shape) throw new Error(`unknown shape ${name}; known: ${Object.keys(SHAPES).join(', ')}`);
  const { seconds, cpu } = await measure(shape);
  console.log(`| ${name}: ${shape.label} | ${seconds.toFixed(1)} | ${Math.round(USERS / seconds).toLocaleString('en')} | ${Math.round((cpu / USERS) * 1e6)} µs |`);
}
