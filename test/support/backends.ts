// The storage backends a test file runs against: PGlite always, PostgreSQL when
// TEST_DATABASE_URL is set. Each test gets a database of its own, dropped afterwards.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openStore, type Store } from '../../src/store/db.ts';
import { migrate } from '../../src/store/migrate.ts';

export type BackendName = 'pglite' | 'postgres';

export function backends(): BackendName[] {
  return process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

export interface TestDatabase {
  /** Opens a store on this test's database (call again after close to simulate a restart). */
  open(): Promise<Store>;
  drop(): Promise<void>;
}

async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** A fresh database; for PGlite in memory unless `dataDir` asks for one on disk. */
export async function createTestDatabase(backend: BackendName, options: { dataDir?: string } = {}): Promise<TestDatabase> {
  if (backend === 'pglite') {
    return {
      open: async () => {
        const store = await openStore({ backend: 'pglite', dataDir: options.dataDir });
        await migrate(store);
        return store;
      },
      drop: async () => {},
    };
  }
  const name = `roster_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  const url = new URL(process.env.TEST_DATABASE_URL!);
  url.pathname = `/${name}`;
  return {
    open: async () => {
      const store = await openStore({ backend: 'postgres', url: url.toString(), poolSize: 10 });
      await migrate(store);
      return store;
    },
    drop: () => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}
