// SQL for bulk imports: a batch of users in one statement (arrays unnested, so a thousand rows
// cost one round trip and a handful of parameters), the lookups a batch needs, and the keys a
// dry run has "taken" so far, kept in the database rather than in memory.
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { asUniqueViolation } from '../store/errors.ts';
import type { Database } from '../store/schema.ts';
import type { User, UserProfile, UserStatus, UserType } from './user.model.ts';
import { selectUsers, toUser } from './user-row.repo.ts';

type Db = Kysely<Database>;

export interface ImportedUser extends UserProfile {
  id: string;
  /** Folded already (import lines fold their keys once). */
  usernameKey: string;
  emailKey: string | null;
  type: UserType;
  status: UserStatus;
  passwordHash: string | null;
  emailVerified: boolean;
  createdAt: Date;
  now: Date;
}

/** The users holding any of these folded username and email keys or external ids. */
export async function findImportMatches(db: Db, keys: { usernameKeys: string[]; emailKeys: string[]; externalIds: string[] }): Promise<User[]> {
  if (keys.usernameKeys.length + keys.emailKeys.length + keys.externalIds.length === 0) return [];
  // One indexed look-up per key kind: an OR of the three can fall back to reading the table.
  const ids = sql<string>`(
    SELECT id FROM users WHERE username_key = ANY(${keys.usernameKeys}::text[])
    UNION SELECT id FROM users WHERE email_key = ANY(${keys.emailKeys}::text[])
    UNION SELECT id FROM users WHERE external_id = ANY(${keys.externalIds}::text[]))`;
  const rows = await selectUsers(db).where('users.id', 'in', ids).execute();
  return rows.map(toUser);
}

/** The columns an import writes, their types, and where each comes from: a batch's JSON is positional. */
const IMPORT_COLUMNS: [column: string, type: string, of: (u: ImportedUser) => unknown][] = [
  ['id', 'uuid', (u) => u.id],
  ['username', 'text', (u) => u.username],
  ['username_key', 'text', (u) => u.usernameKey],
  ['name', 'text', (u) => u.name],
  ['given_name', 'text', (u) => u.givenName],
  ['family_name', 'text', (u) => u.familyName],
  ['email', 'text', (u) => u.email],
  ['email_key', 'text', (u) => u.emailKey],
  ['phone', 'text', (u) => u.phone],
  ['locale', 'text', (u) => u.locale],
  ['type', 'text', (u) => u.type],
  ['role', 'text', (u) => u.role],
  ['status', 'text', (u) => u.status],
  ['password_hash', 'text', (u) => u.passwordHash],
  ['attributes', 'jsonb', (u) => u.attributes],
  ['path', 'text', (u) => u.path],
  ['external_id', 'text', (u) => u.externalId],
  ['email_verified', 'boolean', (u) => u.emailVerified],
  ['created_at', 'timestamptz', (u) => u.createdAt],
];
const IMPORT_VALUES = IMPORT_COLUMNS.map(([, , of]) => of);
const IMPORT_INTO = sql.raw(IMPORT_COLUMNS.map(([column]) => column).join(', '));
const IMPORT_SELECT = sql.raw(IMPORT_COLUMNS.map(([, type], i) => (type === 'jsonb' ? `r->${i}` : `(r->>${i})::${type}`)).join(', '));

/**
 * Inserts the users that collide with nobody and returns the ids written: a row that met a
 * unique key (a user created meanwhile by someone else) is skipped, not an error of the batch.
 * Runs inside the batch's transaction, where it sets a savepoint.
 */
export async function insertImportedUsers(db: Db, users: ImportedUser[]): Promise<Set<string>> {
  if (users.length === 0) return new Set();
  // One JSON document for the batch, a positional array per user: V8 writes it natively, where a
  // parameter per column has the driver quote every array element in JavaScript; and without the
  // field names it is a third shorter, for V8 to write and for PostgreSQL to parse.
  const rows = JSON.stringify(users.map((u) => IMPORT_VALUES.map((of) => of(u))));
  const insert = (onConflict: RawBuilder<unknown>) => sql<{ id: string }>`
    INSERT INTO users (${IMPORT_INTO}, mfa_enabled, updated_at)
    SELECT ${IMPORT_SELECT}, false, ${users[0].now}::timestamptz
    FROM jsonb_array_elements(${rows}::jsonb) AS r
    ${onConflict}
    RETURNING id::text AS id`.execute(db);
  // ON CONFLICT probes every unique index of every row before inserting it: four look-ups a row
  // that a batch colliding with nobody, the usual case, does not need. So the batch is tried
  // plainly first, and only one that met a unique key is written again, skipping the holders.
  await sql`SAVEPOINT import_batch`.execute(db);
  let written: { id: string }[];
  try {
    written = (await insert(sql``)).rows;
    await sql`RELEASE SAVEPOINT import_batch`.execute(db);
  } catch (error) {
    if (!asUniqueViolation(error)) throw error;
    await sql`ROLLBACK TO SAVEPOINT import_batch`.execute(db);
    written = (await insert(sql`ON CONFLICT DO NOTHING`)).rows;
  }
  return new Set(written.map((row) => row.id));
}

/**
 * Memberships of users this transaction has just created, each pair once: nobody else can have
 * written one for them yet, so no ON CONFLICT probe of the primary key is needed.
 */
export async function insertNewMemberships(db: Db, pairs: { userId: string; groupId: string }[]): Promise<void> {
  if (pairs.length === 0) return;
  await sql`
    INSERT INTO group_members (group_id, user_id)
    SELECT * FROM unnest(${pairs.map((p) => p.groupId)}::uuid[], ${pairs.map((p) => p.userId)}::uuid[])`.execute(db);
}

/** Groups by folded name: id and whether membership makes a superuser. */
export async function groupsByNameKey(db: Db, nameKeys: string[]): Promise<{ id: string; nameKey: string; grantsSuperuser: boolean }[]> {
  if (nameKeys.length === 0) return [];
  const rows = await db
    .selectFrom('groups')
    .select(['id', 'name_key', 'grants_superuser'])
    .where('name_key', '=', sql<string>`ANY(${nameKeys}::text[])`)
    .execute();
  return rows.map((row) => ({ id: row.id, nameKey: row.name_key, grantsSuperuser: row.grants_superuser }));
}

/** The keys (`u:` username, `e:` email, `x:` external id, `g:` group) a dry run has claimed. */
export async function claimedKeys(db: Db, jobId: string, keys: string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const { rows } = await sql<{ key: string }>`
    SELECT key FROM import_claims WHERE job_id = ${jobId} AND key = ANY(${keys}::text[])`.execute(db);
  return new Set(rows.map((row) => row.key));
}

export async function addClaims(db: Db, jobId: string, keys: string[]): Promise<void> {
  if (keys.length === 0) return;
  await sql`
    INSERT INTO import_claims (job_id, key) SELECT ${jobId}, k FROM unnest(${keys}::text[]) AS k
    ON CONFLICT DO NOTHING`.execute(db);
}

export async function dropClaims(db: Db, jobId: string): Promise<void> {
  await db.deleteFrom('import_claims').where('job_id', '=', jobId).execute();
}

/**
 * Lets this transaction's COMMIT return before its WAL is on disk. For an import's batches only:
 * the job is finished in a transaction that commits durably, which flushes every batch's WAL
 * before it (the log is written in order), and the upload is answered only after that. A crash
 * before then loses batches whose job was never reported done.
 */
export async function commitWithoutWaitingForDisk(db: Db): Promise<void> {
  await sql`SET LOCAL synchronous_commit = off`.execute(db);
}

/** The planner's idea of how many users there are (-1 or 0 before the table was ever analyzed). */
export async function plannedUserCount(db: Db): Promise<number> {
  const { rows } = await sql<{ n: number }>`SELECT reltuples::float8 AS n FROM pg_class WHERE oid = 'users'::regclass`.execute(db);
  return Math.max(0, Number(rows[0]?.n ?? 0));
}

/**
 * Refreshes the planner's statistics of the tables an import grows. Between autovacuum's runs a
 * table that grew tenfold is planned as the small one it was: look-ups of a thousand emails
 * then take a trigram index or a scan for the unique key's, and slow by orders of magnitude.
 */
export async function analyzeUsers(db: Db): Promise<void> {
  await sql`ANALYZE users, group_members`.execute(db);
}
