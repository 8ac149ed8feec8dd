// SQL for users. Returns undefined for missing rows and raises UniqueViolation on duplicates;
// it knows nothing of HTTP or of the rules in user.service.ts.
import { sql, type Kysely, type Selectable, type SqlBool, type Expression } from 'kysely';
import type { Database, UsersTable } from '../store/schema.ts';
import { mapUnique } from '../store/errors.ts';
import type { User, UserProfile, UserStatus, UserType } from './user.model.ts';
import { foldKey } from './user.model.ts';
import type { Role } from '../auth/roles.ts';
import { toAuthUser } from '../auth/scheme.ts';
import { BASE_LOCK_SECONDS, MAX_FAILURES, MAX_LOCK_SECONDS } from '../credentials/lockout.ts';

type Db = Kysely<Database>;
type Row = Selectable<UsersTable> & { group_ids: string[]; is_superuser: boolean };

/**
 * True when any of the user's groups, or any ancestor of them, is a superuser group. UNION (not
 * UNION ALL) ends the walk even if a cycle ever slipped in.
 */
export const IS_SUPERUSER = sql<boolean>`coalesce((
  WITH RECURSIVE closure(id) AS (
    SELECT gm.group_id FROM group_members gm WHERE gm.user_id = users.id
    UNION SELECT g.parent_id FROM groups g JOIN closure c ON g.id = c.id WHERE g.parent_id IS NOT NULL
  ) SELECT bool_or(g.is_superuser) FROM groups g JOIN closure c ON g.id = c.id), false)`;
const GROUP_IDS = sql<string[]>`coalesce((SELECT array_agg(gm.group_id::text ORDER BY gm.group_id) FROM group_members gm WHERE gm.user_id = users.id), '{}'::text[])`;

/** Every user column plus the derived memberships, for queries that read whole users. */
function selectUsers(db: Db) {
  return db.selectFrom('users').selectAll('users').select([GROUP_IDS.as('group_ids'), IS_SUPERUSER.as('is_superuser')]);
}

function toUser(row: Row): User {
  return {
    id: row.id,
    username: row.username,
    name: row.name,
    givenName: row.given_name,
    familyName: row.family_name,
    email: row.email,
    phone: row.phone,
    locale: row.locale,
    type: row.type as UserType,
    role: row.role as Role,
    status: row.status as UserStatus,
    passwordHash: row.password_hash,
    attributes: row.attributes,
    path: row.path,
    externalId: row.external_id,
    groups: row.group_ids,
    isSuperuser: row.is_superuser,
    emailVerified: row.email_verified,
    mfaEnabled: row.mfa_enabled,
    lastLogin: row.last_login,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
  };
}

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
      .returning('id')
      .executeTakeFirstOrThrow(),
  );
  return (await getUserById(db, row.id))!;
}

export async function getUserById(db: Db, id: string, options: { forUpdate?: boolean } = {}): Promise<User | undefined> {
  let query = selectUsers(db).where('users.id', '=', id);
  if (options.forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row && toUser(row);
}

export async function getUserByUsername(db: Db, username: string): Promise<User | undefined> {
  const row = await selectUsers(db).where('username_key', '=', foldKey(username)).executeTakeFirst();
  return row && toUser(row);
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

export interface UserQuery {
  /** Conditions over the users table, all of which must hold (see user.filter.ts). */
  where: Expression<SqlBool>[];
  afterId: string | undefined;
  limit: number;
}

export async function listUsers(db: Db, query: UserQuery): Promise<User[]> {
  let select = selectUsers(db);
  for (const condition of query.where) select = select.where(condition);
  if (query.afterId !== undefined) select = select.where('users.id', '>', query.afterId);
  const rows = await select.orderBy('users.id').limit(query.limit).execute();
  return rows.map(toUser);
}

/**
 * Reserves a password check before it runs: the attempt counts as failed until it succeeds.
 * Refused (false) while the account is locked or while failures plus checks in flight already
 * reach the limit, so a burst of concurrent guesses gets no more than the limit's worth of checks.
 */
export async function reserveLoginAttempt(db: Db, id: string, now: Date): Promise<boolean> {
  const row = await db
    .updateTable('users')
    .set({ failed_logins: sql`users.failed_logins + 1` })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now)]))
    .where('failed_logins', '<', MAX_FAILURES)
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

/** After a failed check: when the failures reached the limit, lock (30 s, doubling, ≤ 15 min). */
export async function recordLoginFailure(db: Db, id: string, now: Date): Promise<void> {
  await db
    .updateTable('users')
    .set({
      failed_logins: 0,
      locked_until: sql`${now}::timestamptz + make_interval(secs => least(${BASE_LOCK_SECONDS} * power(2, users.lock_level), ${MAX_LOCK_SECONDS}))`,
      lock_level: sql`users.lock_level + 1`,
    })
    .where('id', '=', id)
    .where('failed_logins', '>=', MAX_FAILURES)
    .execute();
}

/** Takes back a reserved attempt that was neither a failure nor a success (second factor pending). */
export async function releaseLoginAttempt(db: Db, id: string): Promise<void> {
  await db.updateTable('users').set({ failed_logins: sql`greatest(users.failed_logins - 1, 0)` }).where('id', '=', id).execute();
}

export async function getLockedUntil(db: Db, id: string): Promise<Date | null> {
  const row = await db.selectFrom('users').select('locked_until').where('id', '=', id).executeTakeFirst();
  return row?.locked_until ?? null;
}

/** A successful login resets the failure count; the lock level (how long the next lock lasts) stays. */
export async function recordLoginSuccess(db: Db, id: string, now: Date, touchLastLogin: boolean): Promise<void> {
  await db
    .updateTable('users')
    .set({
      failed_logins: 0,
      locked_until: null,
      ...(touchLastLogin ? { last_login: now } : {}),
    })
    .where('id', '=', id)
    .execute();
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
  'users.locked_until',
  'users.failed_logins',
  IS_SUPERUSER.as('is_superuser'),
] as const;

export async function getAuthUserByUsername(db: Db, username: string) {
  const row = await db
    .selectFrom('users')
    .select(AUTH_USER_COLUMNS)
    .where('username_key', '=', foldKey(username))
    .executeTakeFirst();
  return row && toAuthUser(row);
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
      failed_logins: 0,
      lock_level: 0,
      locked_until: null,
      updated_at: now,
      version: sql`version + 1`,
    })
    .where('id', '=', id)
    .execute();
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
