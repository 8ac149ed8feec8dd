// SQL for bulk imports: a batch of users in one statement (arrays unnested, so a thousand rows
// cost one round trip and a handful of parameters), the lookups a batch needs, and the keys a
// dry run has "taken" so far, kept in the database rather than in memory.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../store/schema.ts';
import type { User, UserProfile, UserStatus, UserType } from './user.model.ts';
import { foldKey } from './user.model.ts';
import { selectUsers, toUser } from './user-row.repo.ts';

type Db = Kysely<Database>;

export interface ImportedUser extends UserProfile {
  id: string;
  type: UserType;
  status: UserStatus;
  passwordHash: string | null;
  emailVerified: boolean;
  createdAt: Date;
  now: Date;
}

/** The users holding any of these names, emails or external ids. */
export async function findImportMatches(db: Db, keys: { usernames: string[]; emails: string[]; externalIds: string[] }): Promise<User[]> {
  if (keys.usernames.length + keys.emails.length + keys.externalIds.length === 0) return [];
  const rows = await selectUsers(db)
    .where((eb) =>
      eb.or([
        eb('username_key', '=', sql<string>`ANY(${keys.usernames.map(foldKey)}::text[])`),
        eb('email_key', '=', sql<string>`ANY(${keys.emails.map(foldKey)}::text[])`),
        eb('external_id', '=', sql<string>`ANY(${keys.externalIds}::text[])`),
      ]),
    )
    .execute();
  return rows.map(toUser);
}

/**
 * Inserts the users that collide with nobody and returns the ids written: a row that met a
 * unique key (a user created meanwhile by someone else) is skipped, not an error of the batch.
 */
export async function insertImportedUsers(db: Db, users: ImportedUser[]): Promise<Set<string>> {
  if (users.length === 0) return new Set();
  const col = <T>(pick: (u: ImportedUser) => T) => users.map(pick);
  const { rows } = await sql<{ id: string }>`
    INSERT INTO users (id, username, username_key, name, given_name, family_name, email, email_key, phone, locale,
                       type, role, status, password_hash, attributes, path, external_id, email_verified, mfa_enabled,
                       created_at, updated_at)
    SELECT id, username, username_key, name, given_name, family_name, email, email_key, phone, locale,
           type, role, status, password_hash, attributes::jsonb, path, external_id, email_verified, false,
           created_at, ${users[0].now}::timestamptz
    FROM unnest(${col((u) => u.id)}::uuid[], ${col((u) => u.username)}::text[], ${col((u) => foldKey(u.username))}::text[],
                ${col((u) => u.name)}::text[], ${col((u) => u.givenName)}::text[], ${col((u) => u.familyName)}::text[],
                ${col((u) => u.email)}::text[], ${col((u) => (u.email === null ? null : foldKey(u.email)))}::text[],
                ${col((u) => u.phone)}::text[], ${col((u) => u.locale)}::text[], ${col((u) => u.type)}::text[],
                ${col((u) => u.role)}::text[], ${col((u) => u.status)}::text[], ${col((u) => u.passwordHash)}::text[],
                ${col((u) => JSON.stringify(u.attributes))}::text[], ${col((u) => u.path)}::text[],
                ${col((u) => u.externalId)}::text[], ${col((u) => u.emailVerified)}::boolean[],
                ${col((u) => u.createdAt.toISOString())}::timestamptz[])
      AS t(id, username, username_key, name, given_name, family_name, email, email_key, phone, locale,
           type, role, status, password_hash, attributes, path, external_id, email_verified, created_at)
    ON CONFLICT DO NOTHING
    RETURNING id::text AS id`.execute(db);
  return new Set(rows.map((row) => row.id));
}

export async function insertMemberships(db: Db, pairs: { userId: string; groupId: string }[]): Promise<void> {
  if (pairs.length === 0) return;
  await sql`
    INSERT INTO group_members (group_id, user_id)
    SELECT * FROM unnest(${pairs.map((p) => p.groupId)}::uuid[], ${pairs.map((p) => p.userId)}::uuid[])
    ON CONFLICT DO NOTHING`.execute(db);
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
