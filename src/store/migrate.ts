// Applies the plain SQL files in migrations/ in name order, once each, on either backend.
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import type { Store } from './db.ts';
import { refoldKeys, type KeyConflict } from './refold-keys.ts';

/** The SQL files stay in src/: found from the package root, whether this code runs from src/store/migrate.ts (tsx) or from the bundle in dist/. */
function packageRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}
const MIGRATIONS_DIR = path.join(packageRoot(path.dirname(fileURLToPath(import.meta.url))), 'src', 'store', 'migrations') + path.sep;

// Several Roster processes may start against one PostgreSQL at once; this lock serialises them.
const MIGRATION_LOCK = 7_246_391;

export async function listMigrations(): Promise<string[]> {
  const names = await fs.readdir(MIGRATIONS_DIR);
  return names.filter((name) => /^\d{4}_[a-z0-9_]+\.sql$/.test(name)).sort();
}

export interface MigrateOptions {
  /** Told of what an operator must resolve (keys that collide under a new fold). */
  warn?(message: string, details: Record<string, unknown>): void;
}

// Data steps: application code that rewrites rows after the SQL migrations, recorded in
// data_steps once done. A step that reports work left for an operator is not recorded, so it
// runs again at the next start.
const DATA_STEPS: { name: string; run(store: Store, options: MigrateOptions): Promise<boolean> }[] = [
  {
    name: 'casefold_keys',
    async run(store, options) {
      const { conflicts } = await refoldKeys(store.db);
      if (conflicts.length === 0) return true;
      options.warn?.(
        'some usernames, emails or group names are equal under Unicode case folding (e.g. STRASSE and straße): rename one of each pair; they keep their old keys until then',
        { conflicts: conflicts.map((c: KeyConflict) => ({ table: c.table, id: c.id, field: c.column.replace(/_key$/, ''), value: c.value })) },
      );
      return false;
    },
  },
];

async function runDataSteps(store: Store, options: MigrateOptions): Promise<void> {
  for (const step of DATA_STEPS) {
    const done = await sql<{ name: string }>`SELECT name FROM data_steps WHERE name = ${step.name}`.execute(store.db);
    if (done.rows.length > 0) continue;
    if (await step.run(store, options)) {
      await sql`INSERT INTO data_steps (name) VALUES (${step.name}) ON CONFLICT (name) DO NOTHING`.execute(store.db);
    }
  }
}

/** The migrations already applied; none when the table does not exist yet. */
async function appliedMigrations(store: Store): Promise<Set<string> | undefined> {
  const { rows } = await sql<{ exists: boolean }>`SELECT to_regclass('schema_migrations') IS NOT NULL AS exists`.execute(store.db);
  if (!rows[0].exists) return undefined;
  const applied = await sql<{ name: string }>`SELECT name FROM schema_migrations`.execute(store.db);
  return new Set(applied.rows.map((row) => row.name));
}

export async function migrate(store: Store, options: MigrateOptions = {}): Promise<string[]> {
  const lock = store.backend === 'postgres' ? `SELECT pg_advisory_xact_lock(${MIGRATION_LOCK});\n` : '';
  const names = await listMigrations();
  // A restart with nothing to apply only reads: an embedded write transaction costs ~90 ms.
  const known = await appliedMigrations(store);
  if (!known) {
    await store.exec(
      `BEGIN;\n${lock}CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now());\nCOMMIT;`,
    );
  }
  const applied: string[] = [];
  for (const name of names) {
    if (known?.has(name)) continue;
    const body = await fs.readFile(MIGRATIONS_DIR + name, 'utf8');
    const quoted = name.replace(/'/g, "''");
    // The lock is taken inside the transaction, then the guard re-checks, so a migration that a
    // concurrent process applied meanwhile is skipped instead of applied twice.
    try {
      await store.exec(
        `BEGIN;\n${lock}DO $$ BEGIN IF EXISTS (SELECT 1 FROM schema_migrations WHERE name = '${quoted}') THEN RAISE EXCEPTION 'roster:already-applied'; END IF; END $$;\n${body}\nINSERT INTO schema_migrations (name) VALUES ('${quoted}');\nCOMMIT;`,
      );
      applied.push(name);
    } catch (error) {
      if (!String((error as Error)?.message).includes('roster:already-applied')) throw error;
    }
  }
  await runDataSteps(store, options);
  return applied;
}
