// SQL for listing users: SCIM filters over the users table, free-text search, membership, and
// keyset paging by id. Filter errors surface as FilterSyntaxError (see filter/filter-problem.ts).
import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { Database } from '../store/schema.ts';
import { compileFilter, likePattern, sortOrder, type Attribute, type FilterTarget } from '../store/sql-filter.ts';
import { foldKey, type User } from './user.model.ts';
import { selectUsers, toUser } from './user-row.repo.ts';

type Db = Kysely<Database>;

// Keys are lower-cased: SCIM attribute names are case-insensitive. SCIM spellings are aliases.
const folded = { kind: 'folded' as const, fold: foldKey };
const ATTRIBUTES: Record<string, Attribute> = {
  id: { column: 'id', kind: 'uuid' },
  username: { column: 'username_key', ...folded, searched: true },
  name: { column: 'name', kind: 'text', searched: true },
  displayname: { column: 'name', kind: 'text', searched: true },
  givenname: { column: 'given_name', kind: 'text' },
  'name.givenname': { column: 'given_name', kind: 'text' },
  familyname: { column: 'family_name', kind: 'text' },
  'name.familyname': { column: 'family_name', kind: 'text' },
  email: { column: 'email_key', ...folded, suffixIndexed: true, searched: true },
  emails: { column: 'email_key', ...folded, suffixIndexed: true, searched: true },
  'emails.value': { column: 'email_key', ...folded, suffixIndexed: true, searched: true },
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
  ...enterpriseAttributes(),
};

/** The SCIM Enterprise User extension's attributes, kept in `attributes` under its URI (scim/scim-user.ts). */
function enterpriseAttributes(): Record<string, Attribute> {
  const schema = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
  const out: Record<string, Attribute> = {};
  const at = (name: string, ...keys: string[]) => {
    out[`${schema}:${name}`.toLowerCase()] = { column: 'attributes', kind: 'text', json: [schema, ...keys] };
  };
  for (const field of ['employeeNumber', 'costCenter', 'organization', 'division', 'department']) at(field, field);
  at('manager', 'manager', 'value');
  at('manager.value', 'manager', 'value');
  return out;
}

export const FILTERABLE_USER_ATTRIBUTES = [
  'id', 'username', 'name', 'givenName', 'familyName', 'email', 'phone', 'locale', 'status', 'type', 'role',
  'path', 'externalId', 'emailVerified', 'mfaEnabled', 'createdAt', 'updatedAt', 'lastLogin',
  'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:(employeeNumber|costCenter|organization|division|department|manager)',
];

/**
 * What users_search_trgm indexes (migration 0015), written as it is there: the planner uses the
 * index only for this very expression. The literals must stay SQL text, not parameters.
 */
const SEARCH_TEXT = sql<string>`(${sql.ref('users.username_key')} || ' ' || coalesce(${sql.ref('users.email_key')}, '') || ' ' || coalesce(lower(${sql.ref('users.name')}), ''))`;

const USERS: FilterTarget = {
  table: 'users',
  attributes: ATTRIBUTES,
  names: FILTERABLE_USER_ATTRIBUTES,
  // The Roster extension's role, type, path and status are the user's own columns.
  coreSchemas: ['urn:ietf:params:scim:schemas:core:2.0:user', 'urn:roster:params:scim:schemas:extension:roster:2.0:user'],
  searchText: SEARCH_TEXT,
};

export interface UserListQuery {
  /** SCIM filter text (RFC 7644 §3.4.2.2); every condition given must hold. */
  filters: string[];
  /** Free text over username, name and email. */
  q?: string;
  /** Only members of this group (or, with descendants, of any group below it). */
  group?: { id: string; includeDescendants: boolean };
  afterId?: string;
  limit: number;
}

/** Candidates from the search index, then the fields themselves: keys folded, the name lower-cased. */
function search(q: string): Expression<SqlBool> {
  const pattern = likePattern(q.toLowerCase(), 'co');
  const key = likePattern(foldKey(q), 'co');
  const candidate = key === pattern ? sql<SqlBool>`${SEARCH_TEXT} LIKE ${key}` : sql<SqlBool>`(${SEARCH_TEXT} LIKE ${key} OR ${SEARCH_TEXT} LIKE ${pattern})`;
  return sql<SqlBool>`(${candidate} AND (users.username_key LIKE ${key} OR lower(users.name) LIKE ${pattern} OR users.email_key LIKE ${key}))`;
}

function memberOf(groupId: string, includeDescendants: boolean): Expression<SqlBool> {
  if (!includeDescendants) {
    return sql<SqlBool>`users.id IN (SELECT gm.user_id FROM group_members gm WHERE gm.group_id = ${groupId}::uuid)`;
  }
  return sql<SqlBool>`users.id IN (
    WITH RECURSIVE down(id) AS (
      SELECT ${groupId}::uuid UNION SELECT g.id FROM groups g JOIN down ON g.parent_id = down.id
    ) SELECT gm.user_id FROM group_members gm JOIN down ON gm.group_id = down.id)`;
}

/** The query listUsers runs: one indexed query per page, never a count (tests read its plan). */
export function listUsersQuery(db: Db, query: UserListQuery) {
  let select = selectUsers(db);
  for (const filter of query.filters) select = select.where(compileFilter(filter, USERS));
  if (query.q) select = select.where(search(query.q));
  if (query.group) select = select.where(memberOf(query.group.id, query.group.includeDescendants));
  if (query.afterId !== undefined) select = select.where('users.id', '>', query.afterId);
  return select.orderBy('users.id').limit(query.limit);
}

export async function listUsers(db: Db, query: UserListQuery): Promise<User[]> {
  const rows = await listUsersQuery(db, query).execute();
  return rows.map(toUser);
}

/**
 * A page by position, and how many users match in all: SCIM lists page by startIndex and
 * report totalResults (RFC 7644 §3.4.2.4), which a cursor does not need.
 */
export async function listUsersAt(
  db: Db,
  query: { filters: string[]; offset: number; limit: number; sort?: { by: string; descending: boolean } },
): Promise<{ users: User[]; total: number }> {
  let count = db.selectFrom('users').select(sql<number>`count(*)::int`.as('n'));
  for (const filter of query.filters) count = count.where(compileFilter(filter, USERS));
  // Read before counting, so an unknown sortBy is refused as the filter's errors are.
  const order = sortOrder(USERS, query.sort);
  const [{ n }] = await count.execute();
  if (query.limit === 0 || query.offset >= n) return { users: [], total: n };
  let select = selectUsers(db);
  for (const filter of query.filters) select = select.where(compileFilter(filter, USERS));
  if (order) select = select.orderBy(order);
  // Ties go in the sort's direction by id, which is creation order.
  const rows = await select.orderBy('users.id', query.sort?.descending ? 'desc' : 'asc').offset(query.offset).limit(query.limit).execute();
  return { users: rows.map(toUser), total: n };
}
