// SQL for backup and restore: every table that holds the directory, read in one snapshot and
// written back in one transaction. Rows travel as PostgreSQL's own JSON of them (row_to_json in,
// json_populate_recordset out), so every column type round-trips without Roster knowing it.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../store/schema.ts';

type Db = Kysely<Database>;

/**
 * The tables of a backup, parents before children. Counters that expire on their own (login
 * failures, rate limits), idempotency records and dry-run claims are not the directory.
 */
export const BACKUP_TABLES = [
  'system_state',
  'users',
  'groups',
  'group_members',
  'signing_keys',
  'sessions',
  'access_tokens',
  'totp_factors',
  'recovery_codes',
  'user_tokens',
  'jobs',
  'job_errors',
  'audit_events',
  'webhooks',
  'webhook_deliveries',
] as const;
const TRANSIENT_TABLES = ['login_failures', 'rate_limits', 'idempotency_keys', 'import_claims'];
const PAGE = 1_000;

export async function appliedMigrations(db: Db): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`SELECT name FROM schema_migrations ORDER BY name`.execute(db);
  return rows.map((row) => row.name);
}

/**
 * Reads every backup table in one repeatable-read snapshot, handing `write` each page of rows
 * as JSON texts; `write` may wait (backpressure) and the snapshot waits with it.
 */
export async function dumpTables(db: Db, write: (table: string, rows: string[]) => Promise<void>): Promise<void> {
  await db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      for (const table of BACKUP_TABLES) {
        const cursor = `backup_${table}`;
        await sql`DECLARE ${sql.raw(cursor)} NO SCROLL CURSOR FOR SELECT row_to_json(t)::text AS j FROM ${sql.table(table)} t`.execute(trx);
        for (;;) {
          const { rows } = await sql<{ j: string }>`FETCH ${sql.raw(String(PAGE))} FROM ${sql.raw(cursor)}`.execute(trx);
          if (rows.length > 0) await write(table, rows.map((row) => row.j));
          if (rows.length < PAGE) break;
        }
        await sql`CLOSE ${sql.raw(cursor)}`.execute(trx);
      }
    });
}

/** Empties the directory's tables (the transient ones too), in the caller's transaction. */
export async function emptyTables(db: Db): Promise<void> {
  const all = [...BACKUP_TABLES, ...TRANSIENT_TABLES].map((table) => sql.table(table));
  await sql`TRUNCATE ${sql.join(all)}`.execute(db);
}

/** Writes back rows of a backup table as the backup held them. */
export async function restoreRows(db: Db, table: string, rows: unknown[]): Promise<void> {
  if (!(BACKUP_TABLES as readonly string[]).includes(table)) throw new Error(`not a backup table: ${table}`);
  // Identity columns (job_errors.seq) keep their values.
  await sql`INSERT INTO ${sql.table(table)} OVERRIDING SYSTEM VALUE
    SELECT * FROM json_populate_recordset(NULL::${sql.table(table)}, ${JSON.stringify(rows)}::json)`.execute(db);
}

/**
 * After a restore: identity counters continue after the restored rows, and every process drops
 * what it cached of the directory (the change feed's "everything changed").
 */
export async function afterRestore(db: Db): Promise<void> {
  await sql`SELECT setval(pg_get_serial_sequence('job_errors', 'seq'), coalesce((SELECT max(seq) FROM job_errors), 0) + 1, false)`.execute(db);
  await sql`SELECT pg_notify('roster_changes', '{"all":true}')`.execute(db);
}
