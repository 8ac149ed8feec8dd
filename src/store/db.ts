// Opens the one store Roster runs on: embedded PGlite by default, PostgreSQL with DATABASE_URL.
import fs from 'node:fs/promises';
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
  if (dataDir) await fs.mkdir(dataDir, { recursive: true });
  const client = image ? new PGlite(dataDir, { loadDataDir: image }) : new PGlite(dataDir);
  const dialect = pgliteDialect(client);
  const db = new Kysely<Database>({ dialect });
  await client.waitReady;
  return {
    db,
    backend: 'pglite',
    exec: (script) => dialect.driver.exec(script),
    close: () => db.destroy(),
    dumpImage: async () => (await client.dumpDataDir('none')) as Blob,
  };
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
