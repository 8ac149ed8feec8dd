// The storage backends a test file runs against: PGlite always, PostgreSQL when
// TEST_DATABASE_URL is set. Each test database is a copy of one migrated template, dropped
// afterwards: PostgreSQL clones it (CREATE DATABASE … TEMPLATE), PGlite copies a migrated data
// directory. Both templates are made once per set of migrations and shared by every test process.
import { createHash, randomBytes } from 'node:crypto';
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { isAlive, openStore, type Store } from '../../src/store/db.ts';
import { listMigrations, migrate } from '../../src/store/migrate.ts';

export type BackendName = 'pglite' | 'postgres';

export function backends(): BackendName[] {
  return process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

export interface TestDatabase {
  /** Opens a store on this test's database (call again after close to simulate a restart). */
  open(): Promise<Store>;
  drop(): Promise<void>;
}

/** A hash of the migrations' names and contents: a template is valid for exactly one such set. */
let migrationsHash: Promise<string> | undefined;
function hashMigrations(): Promise<string> {
  migrationsHash ??= (async () => {
    const hash = createHash('sha256');
    for (const name of await listMigrations()) {
      hash.update(name).update(await fs.readFile(new URL(`../../src/store/migrations/${name}`, import.meta.url)));
    }
    return hash.digest('hex').slice(0, 16);
  })();
  return migrationsHash;
}

// ---- PGlite: copies of a migrated data directory ---------------------------------------------

/** Scratch space for PGlite data directories: memory-backed where the system has it. */
const SCRATCH = existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir();
const execFileAsync = promisify(execFile);

/** Directories this process made; removed at exit even when a test forgot to drop its database. */
const madeDirs = new Set<string>();
process.once('exit', () => {
  for (const dir of madeDirs) rmSync(dir, { recursive: true, force: true });
});

// Directories of test processes that were killed before their exit handler ran.
for (const name of readdirSync(SCRATCH)) {
  const pid = /^roster-test-(\d+)-|^roster-pglite-template-\w+\.(\d+)\./.exec(name);
  if (pid && !isAlive(Number(pid[1] ?? pid[2]))) rmSync(path.join(SCRATCH, name), { recursive: true, force: true });
}

/**
 * A migrated, empty PGlite data directory, made once per set of migrations. Opening a copy of
 * it costs a fraction of loading a dumped image (which untars ~40 MB into memory on every start)
 * and nothing of initdb. Made under a temporary name and renamed, so a concurrent test process
 * sees the whole directory or none.
 */
let pgliteTemplate: Promise<string> | undefined;
function migratedPgliteDir(): Promise<string> {
  pgliteTemplate ??= (async () => {
    const dir = path.join(SCRATCH, `roster-pglite-template-${await hashMigrations()}`);
    if (existsSync(path.join(dir, 'PG_VERSION'))) return dir;
    const building = `${dir}.${process.pid}.${randomBytes(4).toString('hex')}`;
    madeDirs.add(building);
    const store = await openStore({ backend: 'pglite', dataDir: building });
    await migrate(store);
    await store.close();
    try {
      await fs.rename(building, dir);
    } catch {
      // Another process finished first: its directory is as good as ours.
    }
    await fs.rm(building, { recursive: true, force: true });
    madeDirs.delete(building);
    return dir;
  })();
  return pgliteTemplate;
}

/**
 * A test database holds a few hundred rows, and PGlite's start-up time grows with its buffer
 * pool: 128MB (the default) costs twice the start of 8MB, paid by every server a test starts.
 */
const TEST_SHARED_BUFFERS = '8MB';

function pgliteDatabase(dataDir: string | undefined): TestDatabase {
  const dir = dataDir ?? path.join(SCRATCH, `roster-test-${process.pid}-${randomBytes(6).toString('hex')}`);
  if (!dataDir) madeDirs.add(dir);
  return {
    open: async () => {
      // A data dir that already holds a database is opened as it is (restarts).
      if (!existsSync(path.join(dir, 'PG_VERSION'))) await copyMigratedPglite(dir);
      const store = await openStore({ backend: 'pglite', dataDir: dir, sharedBuffers: TEST_SHARED_BUFFERS });
      await migrate(store);
      return store;
    },
    drop: async () => {
      if (dataDir) return; // the caller's directory: the caller removes it
      await fs.rm(dir, { recursive: true, force: true });
      madeDirs.delete(dir);
    },
  };
}

// ---- PostgreSQL: clones of a migrated template database ---------------------------------------

/** Serialises template creation across test processes (any constant unused by src/). */
const TEMPLATE_LOCK = 7_246_392;

async function withAdmin<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

function databaseUrl(name: string): string {
  const url = new URL(process.env.TEST_DATABASE_URL!);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * `roster_template_<hash>`: migrated once per set of migrations. Built under another name and
 * renamed when complete, holding an advisory lock so concurrent test processes build it once; a
 * build that died half-way leaves only a `_building` database, which the next build replaces.
 */
let postgresTemplate: Promise<string> | undefined;
function migratedPostgresTemplate(): Promise<string> {
  postgresTemplate ??= (async () => {
    const name = `roster_template_${await hashMigrations()}`;
    const exists = (client: pg.Client) =>
      client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]).then((r) => r.rowCount === 1);
    await withAdmin(async (admin) => {
      if (await exists(admin)) return;
      await admin.query('SELECT pg_advisory_lock($1)', [TEMPLATE_LOCK]);
      try {
        if (await exists(admin)) return;
        const building = `${name}_building`;
        await admin.query(`DROP DATABASE IF EXISTS ${building} WITH (FORCE)`);
        await admin.query(`CREATE DATABASE ${building}`);
        const store = await openStore({ backend: 'postgres', url: databaseUrl(building), poolSize: 1 });
        try {
          await migrate(store);
        } finally {
          await store.close();
        }
        await admin.query(`ALTER DATABASE ${building} RENAME TO ${name}`);
        await admin.query(`ALTER DATABASE ${name} WITH IS_TEMPLATE true ALLOW_CONNECTIONS false`);
      } finally {
        await admin.query('SELECT pg_advisory_unlock($1)', [TEMPLATE_LOCK]);
      }
    });
    return name;
  })();
  return postgresTemplate;
}

async function postgresDatabase(): Promise<TestDatabase> {
  const template = await migratedPostgresTemplate();
  const name = `roster_test_${randomBytes(6).toString('hex')}`;
  await withAdmin((admin) => admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`));
  return {
    open: async () => {
      const store = await openStore({ backend: 'postgres', url: databaseUrl(name), poolSize: 10 });
      await migrate(store);
      return store;
    },
    drop: () => withAdmin((admin) => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => {}),
  };
}

/**
 * Fills `dir` with a copy of the migrated, empty PGlite template: a process started on it (the
 * built server, `npm run seed`) skips initdb and the migrations.
 */
export async function copyMigratedPglite(dir: string): Promise<void> {
  const template = await migratedPgliteDir();
  await fs.mkdir(dir, { recursive: true });
  await execFileAsync('cp', ['-R', `${template}/.`, dir]);
}

/** A fresh, migrated database; for PGlite in a scratch directory unless `dataDir` names one. */
export async function createTestDatabase(backend: BackendName, options: { dataDir?: string } = {}): Promise<TestDatabase> {
  return backend === 'pglite' ? pgliteDatabase(options.dataDir) : postgresDatabase();
}
