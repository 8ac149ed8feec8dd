// SQL for the single service-state row.
import type { Kysely } from 'kysely';
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
