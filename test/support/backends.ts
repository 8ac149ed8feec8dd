// The storage backends a test file runs against: PGlite always, PostgreSQL when
// TEST_DATABASE_URL is set. Each test gets a database of its own, dropped afterwards.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openStore, type Store } from '../../src/store/db.ts';
import { listMigrations, migrate } from '../../src/store/migrate.ts';
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

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

/**
 * A migrated, empty PGlite image, made once per set of migrations and shared by every test
 * process through a file: loading it takes a fraction of PGlite's initdb on every new database.
 */
async function migratedImage(): Promise<Blob> {
  const names = await listMigrations();
  const hash = createHash('sha256');
  for (const name of names) hash.update(name).update(await fs.readFile(new URL(`../../src/store/migrations/${name}`, import.meta.url)));
  const file = path.join(os.tmpdir(), `roster-pglite-${hash.digest('hex').slice(0, 16)}.tar`);
  try {
    return new Blob([await fs.readFile(file)]);
  } catch {
    const store = await openStore({ backend: 'pglite' });
    await migrate(store);
    const image = await store.dumpImage!();
    await store.close();
    const temp = `${file}.${process.pid}.tmp`;
    await fs.writeFile(temp, Buffer.from(await image.arrayBuffer()));
    await fs.rename(temp, file); // atomic: a concurrent reader sees the whole file or none
    return image;
  }
}

/** A fresh database; for PGlite in memory unless `dataDir` asks for one on disk. */
export async function createTestDatabase(backend: BackendName, options: { dataDir?: string } = {}): Promise<TestDatabase> {
  if (backend === 'pglite') {
    return {
      open: async () => {
        // A data dir that already holds a database is opened as it is (restarts).
        const fresh = !options.dataDir || !(await fs.stat(path.join(options.dataDir, 'PG_VERSION')).catch(() => undefined));
        const store = await openStore({ backend: 'pglite', dataDir: options.dataDir, image: fresh ? await migratedImage() : undefined });
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
