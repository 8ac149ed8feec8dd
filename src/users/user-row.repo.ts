// How a whole user is read: every column plus the derived memberships and superuser status.
// Shared by the user repositories; not a repository of its own (the unit of work binds none of it).
import { sql, type Kysely, type Selectable } from 'kysely';
import type { Database, UsersTable } from '../store/schema.ts';
import type { User, UserStatus, UserType } from './user.model.ts';
import type { Role } from '../auth/roles.ts';

type Db = Kysely<Database>;
type Row = Selectable<UsersTable> & { group_ids: string[]; is_superuser: boolean };

/**
 * True when any of the user's groups, or any ancestor of them, is a superuser group: one indexed
 * join on groups.grants_superuser, which the group repository keeps with the tree.
 */
export const IS_SUPERUSER = sql<boolean>`EXISTS (
  SELECT 1 FROM group_members gm JOIN groups g ON g.id = gm.group_id WHERE gm.user_id = users.id AND g.grants_superuser)`;
const GROUP_IDS = sql<string[]>`coalesce((SELECT array_agg(gm.group_id::text ORDER BY gm.group_id) FROM group_members gm WHERE gm.user_id = users.id), '{}'::text[])`;

/** Every user column plus the derived memberships, for queries that read whole users. */
export function selectUsers(db: Db) {
  return db.selectFrom('users').selectAll('users').select([GROUP_IDS.as('group_ids'), IS_SUPERUSER.as('is_superuser')]);
}

export function toUser(row: Row): User {
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

