// SQL for the single service-state row.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../store/schema.ts';

export async function isProvisioned(db: Kysely<Database>): Promise<boolean> {
  const row = await db.selectFrom('system_state').select('provisioned_at').where('id', '=', 1).executeTakeFirst();
  return Boolean(row?.provisioned_at);
}

/** Marks the service provisioned; false when it already was (another caller won). */
export async function markProvisioned(db: Kysely<Database>, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('system_state')
    .set({ provisioned_at: now })
    .where('id', '=', 1)
    .where('provisioned_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** A random id made when the database was created: the same for every process on it. */
export async function getInstallationId(db: Kysely<Database>): Promise<string> {
  const row = await db.selectFrom('system_state').select('installation_id').where('id', '=', 1).executeTakeFirstOrThrow();
  return row.installation_id;
}

/** Throws when the database does not answer. */
export async function ping(db: Kysely<Database>): Promise<void> {
  await sql`SELECT 1`.execute(db);
}
