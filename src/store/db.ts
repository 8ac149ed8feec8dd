// Opens the one store Roster runs on: embedded PGlite by default, PostgreSQL with DATABASE_URL.
import fs from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { pgliteDialect } from './pglite-driver.ts';
import type { Database } from './schema.ts';

export interface Store {
  readonly db: Kysely<Database>;
  readonly backend: 'pglite' | 'postgres';
  /** Runs a multi-statement SQL script in one session (migrations). */
  exec(script: string): Promise<void>;
  close(): Promise<void>;
  /** PGlite only: the whole database as an image that `image` can start from. */
  dumpImage?(): Promise<Blob>;
}

export type StoreOptions =
  | { backend: 'pglite'; dataDir?: string; /** A dumpDataDir() image to start from (tests). */ image?: Blob }
  | { backend: 'postgres'; url: string; poolSize?: number };

export async function openStore(options: StoreOptions): Promise<Store> {
  if (options.backend === 'postgres') return openPostgres(options.url, options.poolSize ?? 10);
  return openPglite(options.dataDir, options.image);
}

async function openPglite(dataDir: string | undefined, image: Blob | undefined): Promise<Store> {
  if (dataDir) await makePrivate(dataDir);
  const client = image ? new PGlite(dataDir, { loadDataDir: image }) : new PGlite(dataDir);
  const dialect = pgliteDialect(client);
  const db = new Kysely<Database>({ dialect });
  await client.waitReady;
  if (dataDir) await tighten(dataDir);
  return {
    db,
    backend: 'pglite',
    exec: (script) => dialect.driver.exec(script),
    close: async () => {
      await db.destroy();
      if (dataDir) await tighten(dataDir);
    },
    dumpImage: async () => (await client.dumpDataDir('none')) as Blob,
  };
}

/**
 * The embedded database is only Roster's: its directory is created 0700 (an existing one is
 * narrowed to it), and the process keeps umask 077 so the directories PGlite makes are 0700 too.
 * PGlite's file system layer creates files 0666 whatever the umask, so `tighten` takes the group
 * and other bits off every file after start and at close; files made in between sit in 0700
 * directories that no other user can enter.
 */
export async function makePrivate(dataDir: string): Promise<void> {
  process.umask(0o077);
  await fs.mkdir(dataDir, { recursive: true, mode: 0o700 });
  await fs.chmod(dataDir, 0o700);
}

async function tighten(dir: string): Promise<void> {
  for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) await tighten(file);
    if (!entry.isDirectory() && !entry.isFile()) continue;
    const { mode } = await fs.stat(file);
    if ((mode & 0o077) !== 0) await fs.chmod(file, mode & 0o700);
  }
}

async function openPostgres(url: string, max: number): Promise<Store> {
  const pool = new pg.Pool({ connectionString: url, max });
  // An idle client losing its server must not crash the process; the next query reports it.
  pool.on('error', () => {});
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    backend: 'postgres',
    async exec(script) {
      const client = await pool.connect();
      try {
        await client.query(script);
      } catch (error) {
        // A failed script leaves its transaction open on this session; close it before reuse.
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => db.destroy(),
  };
}
