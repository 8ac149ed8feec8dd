// SQL for sessions. A session is valid while not revoked, not expired and its user is active;
// the check reads the session and its user in one statement.
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.ts';
import { toAuthUser, type AuthUser } from '../auth/scheme.ts';
import { AUTH_USER_COLUMNS } from '../users/user.repo.ts';

type Db = Kysely<Database>;

export async function insertSession(
  db: Db,
  session: { id: string; userId: string; tokenHash: string; createdAt: Date; expiresAt: Date },
): Promise<void> {
  await db
    .insertInto('sessions')
    .values({
      id: session.id,
      user_id: session.userId,
      token_hash: session.tokenHash,
      created_at: session.createdAt,
      expires_at: session.expiresAt,
    })
    .execute();
}

/** The user of a live session, found by session id or by the cookie token's hash. */
export async function findLiveSession(
  db: Db,
  by: { id: string } | { tokenHash: string },
  now: Date,
): Promise<{ sessionId: string; startedAt: Date; user: AuthUser } | undefined> {
  let query = db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select(['sessions.id as session_id', 'sessions.created_at as session_started_at', ...AUTH_USER_COLUMNS])
    .where('sessions.revoked_at', 'is', null)
    .where('sessions.expires_at', '>', now)
    .where('users.status', '=', 'active');
  query = 'id' in by ? query.where('sessions.id', '=', by.id) : query.where('sessions.token_hash', '=', by.tokenHash);
  const row = await query.executeTakeFirst();
  return row && { sessionId: row.session_id, startedAt: row.session_started_at, user: toAuthUser(row) };
}

export async function revokeSession(db: Db, id: string, now: Date): Promise<void> {
  await db.updateTable('sessions').set({ revoked_at: now }).where('id', '=', id).where('revoked_at', 'is', null).execute();
}

/** Revokes every live session of a user, but the one named in `except`. */
export async function revokeUserSessions(db: Db, userId: string, now: Date, except?: string): Promise<void> {
  let query = db.updateTable('sessions').set({ revoked_at: now }).where('user_id', '=', userId).where('revoked_at', 'is', null);
  if (except) query = query.where('id', '<>', except);
  await query.execute();
}
