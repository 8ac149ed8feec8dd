// SQL for the single-use tokens that mails carry (activation, password reset, email
// verification). Only their hashes are stored.
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.ts';

type Db = Kysely<Database>;

export interface UserTokenRow {
  id: string;
  userId: string;
  purpose: string;
  email: string | null;
  expiresAt: Date;
  usedAt: Date | null;
}

export async function deleteTokens(db: Db, userId: string, purpose: string): Promise<void> {
  await db.deleteFrom('user_tokens').where('user_id', '=', userId).where('purpose', '=', purpose).execute();
}

/** Deletes the user's unspent tokens of a purpose; a spent one stays, so a replay still reads "used". */
export async function deleteUnusedTokens(db: Db, userId: string, purpose: string): Promise<void> {
  await db.deleteFrom('user_tokens').where('user_id', '=', userId).where('purpose', '=', purpose).where('used_at', 'is', null).execute();
}

/** Stores a new token and deletes the user's older ones of the same purpose: only the newest works. */
export async function replaceToken(
  db: Db,
  token: { id: string; userId: string; purpose: string; tokenHash: string; email: string | null; now: Date; expiresAt: Date },
): Promise<void> {
  await deleteTokens(db, token.userId, token.purpose);
  await db
    .insertInto('user_tokens')
    .values({
      id: token.id,
      user_id: token.userId,
      purpose: token.purpose,
      token_hash: token.tokenHash,
      email: token.email,
      created_at: token.now,
      expires_at: token.expiresAt,
    })
    .execute();
}

export async function findToken(db: Db, tokenHash: string, purpose: string): Promise<UserTokenRow | undefined> {
  const row = await db
    .selectFrom('user_tokens')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .where('purpose', '=', purpose)
    .executeTakeFirst();
  return row && { id: row.id, userId: row.user_id, purpose: row.purpose, email: row.email, expiresAt: row.expires_at, usedAt: row.used_at };
}

/** Marks the token used; false when another request used it first. */
export async function useToken(db: Db, id: string, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('user_tokens')
    .set({ used_at: now })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
