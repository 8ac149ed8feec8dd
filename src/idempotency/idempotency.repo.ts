// SQL for Idempotency-Key records: the first response to a key, kept 24 hours.
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.ts';

export interface StoredResponse {
  requestHash: string;
  statusCode: number | null;
  headers: Record<string, string> | null;
  body: string | null;
}

/** Claims the key for this request; false when a live record for it already exists. */
export async function claimKey(
  db: Kysely<Database>,
  principalId: string,
  key: string,
  requestHash: string,
  now: Date,
  ttlMs: number,
): Promise<boolean> {
  await db
    .deleteFrom('idempotency_keys')
    .where('principal_id', '=', principalId)
    .where('key', '=', key)
    .where('created_at', '<', new Date(now.getTime() - ttlMs))
    .execute();
  const inserted = await db
    .insertInto('idempotency_keys')
    .values({ principal_id: principalId, key, request_hash: requestHash, created_at: now })
    .onConflict((oc) => oc.doNothing())
    .returning('key')
    .executeTakeFirst();
  return inserted !== undefined;
}

export async function getRecord(db: Kysely<Database>, principalId: string, key: string): Promise<StoredResponse | undefined> {
  const row = await db
    .selectFrom('idempotency_keys')
    .select(['request_hash', 'status_code', 'response_headers', 'response_body'])
    .where('principal_id', '=', principalId)
    .where('key', '=', key)
    .executeTakeFirst();
  return (
    row && { requestHash: row.request_hash, statusCode: row.status_code, headers: row.response_headers, body: row.response_body }
  );
}

export async function saveResponse(
  db: Kysely<Database>,
  principalId: string,
  key: string,
  response: { statusCode: number; headers: Record<string, string>; body: string },
): Promise<void> {
  await db
    .updateTable('idempotency_keys')
    .set({ status_code: response.statusCode, response_headers: JSON.stringify(response.headers), response_body: response.body })
    .where('principal_id', '=', principalId)
    .where('key', '=', key)
    .execute();
}

export async function releaseKey(db: Kysely<Database>, principalId: string, key: string): Promise<void> {
  await db.deleteFrom('idempotency_keys').where('principal_id', '=', principalId).where('key', '=', key).execute();
}

/** Drops records made before `before` (their 24 hours are over). */
export async function purgeBefore(db: Kysely<Database>, before: Date): Promise<void> {
  await db.deleteFrom('idempotency_keys').where('created_at', '<', before).execute();
}
