// SQL for personal access tokens. Only a hash of each secret is stored.
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.ts';
import { toAuthUser, type AuthUser } from '../auth/scheme.ts';
import { AUTH_USER_COLUMNS } from '../users/user.repo.ts';

type Db = Kysely<Database>;

export interface TokenRecord {
  id: string;
  userId: string;
  name: string;
  createdAt: Date;
  expiresAt: Date;
  lastUsedAt: Date | null;
}

export async function insertToken(db: Db, token: TokenRecord & { secretHash: string }): Promise<void> {
  await db
    .insertInto('access_tokens')
    .values({
      id: token.id,
      user_id: token.userId,
      name: token.name,
      secret_hash: token.secretHash,
      created_at: token.createdAt,
      expires_at: token.expiresAt,
      last_used_at: null,
    })
    .execute();
}

export async function listTokens(db: Db, userId: string): Promise<TokenRecord[]> {
  const rows = await db
    .selectFrom('access_tokens')
    .select(['id', 'user_id', 'name', 'created_at', 'expires_at', 'last_used_at'])
    .where('user_id', '=', userId)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    userId: r.user_id,
    name: r.name,
    createdAt: r.created_at,
    expiresAt: r.expires_at,
    lastUsedAt: r.last_used_at,
  }));
}

export async function deleteToken(db: Db, userId: string, id: string): Promise<boolean> {
  const result = await db.deleteFrom('access_tokens').where('user_id', '=', userId).where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** The active user owning an unexpired token with this secret hash. */
export async function findLiveToken(db: Db, secretHash: string, now: Date): Promise<{ tokenId: string; user: AuthUser } | undefined> {
  const row = await db
    .selectFrom('access_tokens')
    .innerJoin('users', 'users.id', 'access_tokens.user_id')
    .select(['access_tokens.id as token_id', ...AUTH_USER_COLUMNS])
    .where('access_tokens.secret_hash', '=', secretHash)
    .where('access_tokens.expires_at', '>', now)
    .where('users.status', '=', 'active')
    .executeTakeFirst();
  return row && { tokenId: row.token_id, user: toAuthUser(row) };
}

export async function touchToken(db: Db, id: string, now: Date): Promise<void> {
  await db.updateTable('access_tokens').set({ last_used_at: now }).where('id', '=', id).execute();
}

export async function deleteUserTokens(db: Db, userId: string): Promise<void> {
  await db.deleteFrom('access_tokens').where('user_id', '=', userId).execute();
}
