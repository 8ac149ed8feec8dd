// The user list's filter: SCIM attributes over the users table, and the free-text search.
import { sql, type Expression, type SqlBool } from 'kysely';
import { compileFilter, likePattern, type Attribute, type FilterTarget } from '../filter/sql-filter.ts';
import { foldKey } from './user.model.ts';

// Keys are lower-cased: SCIM attribute names are case-insensitive. SCIM spellings are aliases.
const folded = { kind: 'folded' as const, fold: foldKey };
const ATTRIBUTES: Record<string, Attribute> = {
  id: { column: 'id', kind: 'uuid' },
  username: { column: 'username_key', ...folded },
  name: { column: 'name', kind: 'text' },
  displayname: { column: 'name', kind: 'text' },
  givenname: { column: 'given_name', kind: 'text' },
  'name.givenname': { column: 'given_name', kind: 'text' },
  familyname: { column: 'family_name', kind: 'text' },
  'name.familyname': { column: 'family_name', kind: 'text' },
  email: { column: 'email_key', ...folded },
  emails: { column: 'email_key', ...folded },
  'emails.value': { column: 'email_key', ...folded },
  phone: { column: 'phone', kind: 'exact' },
  locale: { column: 'locale', kind: 'text' },
  status: { column: 'status', kind: 'text' },
  type: { column: 'type', kind: 'text' },
  role: { column: 'role', kind: 'text' },
  path: { column: 'path', kind: 'text' },
  externalid: { column: 'external_id', kind: 'exact' },
  emailverified: { column: 'email_verified', kind: 'bool' },
  mfaenabled: { column: 'mfa_enabled', kind: 'bool' },
  createdat: { column: 'created_at', kind: 'time' },
  'meta.created': { column: 'created_at', kind: 'time' },
  updatedat: { column: 'updated_at', kind: 'time' },
  'meta.lastmodified': { column: 'updated_at', kind: 'time' },
  lastlogin: { column: 'last_login', kind: 'time' },
};

export const FILTERABLE_USER_ATTRIBUTES = [
  'id', 'username', 'name', 'givenName', 'familyName', 'email', 'phone', 'locale', 'status', 'type', 'role',
  'path', 'externalId', 'emailVerified', 'mfaEnabled', 'createdAt', 'updatedAt', 'lastLogin',
];

const USERS: FilterTarget = { table: 'users', attributes: ATTRIBUTES, names: FILTERABLE_USER_ATTRIBUTES };

export function compileUserFilter(filter: string): Expression<SqlBool> {
  return compileFilter(filter, USERS);
}

/** Free-text search over username, name and email. */
export function searchCondition(q: string): Expression<SqlBool> {
  const pattern = likePattern(q.toLowerCase(), 'co');
  const folded = likePattern(foldKey(q), 'co');
  return sql<SqlBool>`(users.username_key LIKE ${folded} OR lower(users.name) LIKE ${pattern} OR users.email_key LIKE ${folded})`;
}
