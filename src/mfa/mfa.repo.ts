// SQL for TOTP factors and recovery codes.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../store/schema.ts';

type Db = Kysely<Database>;

export async function upsertPendingTotp(db: Db, userId: string, secretSealed: string, now: Date): Promise<void> {
  await db
    .insertInto('totp_factors')
    .values({ user_id: userId, secret_sealed: secretSealed, verified_at: null, last_step: 0, created_at: now })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ secret_sealed: secretSealed, verified_at: null, last_step: 0, created_at: now }))
    .execute();
}

export async function getTotp(db: Db, userId: string) {
  const row = await db.selectFrom('totp_factors').selectAll().where('user_id', '=', userId).executeTakeFirst();
  return row && { secretSealed: row.secret_sealed, verified: row.verified_at !== null, lastStep: Number(row.last_step) };
}

/** Records the step as used; false when it (or a later one) was used already — a replay. */
export async function consumeStep(db: Db, userId: string, step: number): Promise<boolean> {
  const result = await db
    .updateTable('totp_factors')
    .set({ last_step: step })
    .where('user_id', '=', userId)
    .where('last_step', '<', String(step))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function markTotpVerified(db: Db, userId: string, now: Date): Promise<void> {
  await db.updateTable('totp_factors').set({ verified_at: now }).where('user_id', '=', userId).execute();
  await db.updateTable('users').set({ mfa_enabled: true, updated_at: now, version: sql`version + 1` }).where('id', '=', userId).execute();
}

export async function replaceRecoveryCodes(db: Db, userId: string, codes: { id: string; hash: string }[]): Promise<void> {
  await db.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
  await db.insertInto('recovery_codes').values(codes.map((c) => ({ id: c.id, user_id: userId, code_hash: c.hash }))).execute();
}

/** Marks an unused recovery code used; false when there is no such unused code. */
export async function useRecoveryCode(db: Db, userId: string, hash: string, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('recovery_codes')
    .set({ used_at: now })
    .where('user_id', '=', userId)
    .where('code_hash', '=', hash)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function removeAllFactors(db: Db, userId: string, now: Date): Promise<boolean> {
  await db.deleteFrom('totp_factors').where('user_id', '=', userId).execute();
  await db.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
  const result = await db
    .updateTable('users')
    .set({ mfa_enabled: false, updated_at: now, version: sql`version + 1` })
    .where('id', '=', userId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
