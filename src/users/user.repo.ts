// SQL for users. Returns undefined for missing rows and raises UniqueViolation on duplicates;
// it knows nothing of HTTP or of the rules in user.service.ts.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../store/schema.ts';
import { mapUnique } from '../store/errors.ts';
import type { User, UserProfile, UserStatus, UserType } from './user.model.ts';
import { foldKey } from './user.model.ts';
import { toAuthUser, type LoginSubject } from '../auth/scheme.ts';
import { IS_SUPERUSER, selectUsers, toUser } from './user-row.repo.ts';

type Db = Kysely<Database>;
function profileColumns(profile: UserProfile) {
  return {
    username: profile.username,
    username_key: foldKey(profile.username),
    name: profile.name,
    given_name: profile.givenName,
    family_name: profile.familyName,
    email: profile.email,
    email_key: profile.email === null ? null : foldKey(profile.email),
    phone: profile.phone,
    locale: profile.locale,
    role: profile.role,
    attributes: JSON.stringify(profile.attributes),
    path: profile.path,
    external_id: profile.externalId,
  };
}

export interface NewUser extends UserProfile {
  id: string;
  type: UserType;
  status: UserStatus;
  passwordHash: string | null;
  emailVerified: boolean;
  now: Date;
}

export async function insertUser(db: Db, user: NewUser): Promise<User> {
  const row = await mapUnique(() =>
    db
      .insertInto('users')
      .values({
        id: user.id,
        ...profileColumns(user),
        type: user.type,
        status: user.status,
        password_hash: user.passwordHash,
        email_verified: user.emailVerified,
        mfa_enabled: false,
        created_at: user.now,
        updated_at: user.now,
      })
      .returningAll()
      .executeTakeFirstOrThrow(),
  );
  // A user that did not exist until this statement belongs to no group yet (a membership of an
  // uncommitted user cannot be written by anyone else), so nothing needs reading back.
  return toUser({ ...row, group_ids: [], is_superuser: false });
}

export async function getUserById(db: Db, id: string, options: { forUpdate?: boolean } = {}): Promise<User | undefined> {
  let query = selectUsers(db).where('users.id', '=', id);
  if (options.forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row && toUser(row);
}

/** The users with these ids (those that exist), in no particular order. */
export async function getUsersByIds(db: Db, ids: string[]): Promise<User[]> {
  if (ids.length === 0) return [];
  const rows = await selectUsers(db).where('users.id', 'in', ids).execute();
  return rows.map(toUser);
}

/** The user holding this username or this email, preferring the email match. */
export async function findExistingUser(db: Db, username: string, email: string | null): Promise<User | undefined> {
  const rows = await selectUsers(db)
    .where((eb) => {
      const ors = [eb('username_key', '=', foldKey(username))];
      if (email !== null) ors.push(eb('email_key', '=', foldKey(email)));
      return eb.or(ors);
    })
    .execute();
  const users = rows.map(toUser);
  return users.find((u) => email !== null && u.email !== null && foldKey(u.email) === foldKey(email)) ?? users[0];
}

export interface UserChanges extends UserProfile {
  status: UserStatus;
  emailVerified: boolean;
}

export async function updateUser(db: Db, id: string, changes: UserChanges, now: Date): Promise<User | undefined> {
  const row = await mapUnique(() =>
    db
      .updateTable('users')
      .set({
        ...profileColumns(changes),
        status: changes.status,
        email_verified: changes.emailVerified,
        updated_at: now,
        version: sql`version + 1`,
      })
      .where('id', '=', id)
      .returning('id')
      .executeTakeFirst(),
  );
  return row && getUserById(db, row.id);
}

export async function deleteUser(db: Db, id: string): Promise<boolean> {
  const result = await db.deleteFrom('users').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** A plain read of role and status, without the derived columns a whole user costs. */
export async function isActiveAdmin(db: Db, id: string): Promise<boolean> {
  const row = await db.selectFrom('users').select(['role', 'status']).where('id', '=', id).executeTakeFirst();
  return row?.role === 'admin' && row.status === 'active';
}

/** Locks and returns the ids of active admins, so "the last admin" checks cannot race. */
export async function lockActiveAdmins(db: Db): Promise<string[]> {
  const rows = await db
    .selectFrom('users')
    .select('id')
    .where('role', '=', 'admin')
    .where('status', '=', 'active')
    .orderBy('id')
    .forUpdate()
    .execute();
  return rows.map((r) => r.id);
}

/** The user columns authentication needs (AuthUser), for queries that join users. */
export const AUTH_USER_COLUMNS = [
  'users.id',
  'users.username',
  'users.role',
  'users.status',
  'users.type',
  'users.password_hash',
  'users.mfa_enabled',
  IS_SUPERUSER.as('is_superuser'),
] as const;

/** Who a username names and its lock state, in one read whether or not a user holds it. */
export async function getLoginSubject(db: Db, username: string): Promise<LoginSubject> {
  const key = foldKey(username);
  const row = await db
    .selectFrom(sql<{ k: string }>`(SELECT ${key}::text AS k)`.as('q'))
    .leftJoin('users', 'users.username_key', 'q.k')
    .leftJoin('login_failures', 'login_failures.username_key', 'q.k')
    .select([...AUTH_USER_COLUMNS, 'login_failures.failures', 'login_failures.locked_until'])
    .executeTakeFirstOrThrow();
  return {
    user: row.id === null ? undefined : toAuthUser(row as Parameters<typeof toAuthUser>[0]),
    failures: row.failures ?? 0,
    lockedUntil: row.locked_until ?? null,
  };
}

export async function touchLastLogin(db: Db, id: string, now: Date): Promise<void> {
  await db.updateTable('users').set({ last_login: now }).where('id', '=', id).execute();
}

/** Stores a new password hash; an invited user given a password becomes active. */
export async function setPasswordHash(
  db: Db,
  id: string,
  passwordHash: string,
  now: Date,
  options: { emailVerified?: boolean } = {},
): Promise<void> {
  await db
    .updateTable('users')
    .set({
      password_hash: passwordHash,
      ...(options.emailVerified ? { email_verified: true } : {}),
      status: sql`CASE WHEN status = 'invited' THEN 'active' ELSE status END`,
      updated_at: now,
      version: sql`version + 1`,
    })
    .where('id', '=', id)
    .execute();
}

/**
 * Swaps a stored hash for a stronger one of the same password, if it is still the one the caller
 * checked (a password changed meanwhile wins). The user's representation does not change, so
 * neither do its version nor updated_at.
 */
export async function replacePasswordHash(db: Db, id: string, expected: string, next: string): Promise<void> {
  await db.updateTable('users').set({ password_hash: next }).where('id', '=', id).where('password_hash', '=', expected).execute();
}

/**
 * One stored hash per family and cost that is not `current` (an argon2id prefix with today's
 * parameters): what the check floor measures. The cost is the hash without its salt and digest.
 */
export async function legacyHashSamples(db: Db, current: string): Promise<string[]> {
  const { rows } = await sql<{ sample: string }>`
    SELECT DISTINCT ON (cost) sample FROM (
      SELECT password_hash AS sample,
             CASE WHEN password_hash LIKE '$2%' THEN left(password_hash, 7)
                  ELSE regexp_replace(password_hash, '\$[^$]*\$[^$]*$', '') END AS cost
      FROM users
      WHERE password_hash IS NOT NULL AND NOT starts_with(password_hash, ${current})
    ) hashes
    LIMIT 100`.execute(db);
  return rows.map((row) => row.sample);
}

export async function getUserByEmail(db: Db, email: string): Promise<User | undefined> {
  const row = await selectUsers(db).where('email_key', '=', foldKey(email)).executeTakeFirst();
  return row && toUser(row);
}

/** Ends the pending state of an asynchronously created user: active with a password (or as a service account), else invited. */
export async function settlePendingUser(db: Db, id: string, passwordHash: string | null, now: Date): Promise<User | undefined> {
  const row = await db
    .updateTable('users')
    .set({
      password_hash: passwordHash,
      status: passwordHash !== null ? 'active' : sql`CASE WHEN type = 'service_account' THEN 'active' ELSE 'invited' END`,
      updated_at: now,
      version: sql`version + 1`,
    })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .returning('id')
    .executeTakeFirst();
  return row && getUserById(db, row.id);
}

export async function markEmailVerified(db: Db, id: string, now: Date): Promise<void> {
  await db.updateTable('users').set({ email_verified: true, updated_at: now, version: sql`version + 1` }).where('id', '=', id).execute();
}

export async function countByPath(db: Db): Promise<{ path: string; count: number }[]> {
  return db
    .selectFrom('users')
    .select(['path', sql<number>`count(*)::int`.as('count')])
    .groupBy('path')
    // Byte order, so both backends (and any server collation) list paths alike.
    .orderBy(sql`path COLLATE "C"`)
    .execute();
}

export async function countByStatus(db: Db): Promise<Record<string, number>> {
  const rows = await db.selectFrom('users').select(['status', sql<number>`count(*)::int`.as('n')]).groupBy('status').execute();
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}
