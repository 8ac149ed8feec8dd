// SQL for groups and memberships. Hierarchy walks are recursive CTEs; UNION stops them even if
// a cycle ever slipped in.
import { sql, type Kysely, type Selectable, type SqlBool } from 'kysely';
import type { Database, GroupsTable } from '../store/schema.ts';
import { mapUnique } from '../store/errors.ts';
import { compileFilter, likePattern, sortOrder, type FilterTarget } from '../store/sql-filter.ts';
import { foldKey } from '../users/user.model.ts';
import type { Group, GroupFields } from './group.model.ts';

type Db = Kysely<Database>;

type Row = Selectable<GroupsTable> & { member_count: number };

function toGroup(row: Row): Group {
  return {
    id: row.id,
    name: row.name,
    parent: row.parent_id,
    isSuperuser: row.is_superuser,
    attributes: row.attributes,
    memberCount: row.member_count,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
  };
}

function selectGroups(db: Db) {
  return db
    .selectFrom('groups')
    .selectAll('groups')
    .select(sql<number>`(SELECT count(*)::int FROM group_members gm WHERE gm.group_id = groups.id)`.as('member_count'));
}

function columns(fields: GroupFields) {
  return {
    name: fields.name,
    name_key: foldKey(fields.name),
    parent_id: fields.parent,
    is_superuser: fields.isSuperuser,
    attributes: JSON.stringify(fields.attributes),
  };
}

export async function insertGroup(db: Db, id: string, fields: GroupFields, now: Date): Promise<Group> {
  await mapUnique(() =>
    db.insertInto('groups').values({ id, ...columns(fields), created_at: now, updated_at: now }).execute(),
  );
  await refreshGrantsSuperuser(db);
  return (await getGroupById(db, id))!;
}

/**
 * Recomputes groups.grants_superuser after a change to the tree or to a superuser flag, in the
 * same transaction. The hierarchy lock comes first, so two transactions that change the tree at
 * once recompute one after the other, the second seeing the first's committed change (each
 * statement reads afresh); groups are few, so the walk over all of them is cheap.
 */
async function refreshGrantsSuperuser(db: Db): Promise<void> {
  await lockHierarchy(db);
  await sql`
    WITH RECURSIVE granting(id) AS (
      SELECT id FROM groups WHERE is_superuser
      UNION SELECT g.id FROM groups g JOIN granting p ON g.parent_id = p.id
    )
    UPDATE groups SET grants_superuser = NOT grants_superuser
    WHERE grants_superuser <> (id IN (SELECT id FROM granting))`.execute(db);
}

export async function getGroupById(db: Db, id: string, options: { forUpdate?: boolean } = {}): Promise<Group | undefined> {
  let query = selectGroups(db).where('groups.id', '=', id);
  if (options.forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row && toGroup(row);
}

export async function updateGroup(db: Db, id: string, fields: GroupFields, now: Date): Promise<Group | undefined> {
  await mapUnique(() =>
    db.updateTable('groups').set({ ...columns(fields), updated_at: now, version: sql`version + 1` }).where('id', '=', id).execute(),
  );
  await refreshGrantsSuperuser(db);
  return getGroupById(db, id);
}

export class GroupHasChildren extends Error {}

export async function deleteGroup(db: Db, id: string): Promise<void> {
  try {
    await db.deleteFrom('groups').where('id', '=', id).execute();
    // A deleted group has no children (RESTRICT), so no other group's status depends on it.
  } catch (error) {
    // ON DELETE RESTRICT reports restrict_violation (23001) on newer PostgreSQL (and PGlite),
    // foreign_key_violation (23503) on older ones.
    const code = (error as { code?: string }).code;
    if (code === '23001' || code === '23503') throw new GroupHasChildren();
    throw error;
  }
}

const FILTER: FilterTarget = {
  table: 'groups',
  attributes: {
    id: { column: 'id', kind: 'uuid' },
    name: { column: 'name', kind: 'text' },
    displayname: { column: 'name', kind: 'text' },
    parent: { column: 'parent_id', kind: 'uuid' },
    issuperuser: { column: 'is_superuser', kind: 'bool' },
    createdat: { column: 'created_at', kind: 'time' },
    'meta.created': { column: 'created_at', kind: 'time' },
    updatedat: { column: 'updated_at', kind: 'time' },
    'meta.lastmodified': { column: 'updated_at', kind: 'time' },
    // SCIM's externalId, kept in attributes (scim/scim-group.ts).
    externalid: { column: 'attributes', kind: 'exact', json: ['urn:ietf:params:scim:schemas:core:2.0:Group', 'externalId'] },
  },
  names: ['id', 'name', 'parent', 'isSuperuser', 'createdAt', 'updatedAt', 'externalId'],
  coreSchemas: ['urn:ietf:params:scim:schemas:core:2.0:group'],
};

/** A page by position and the total that matches (SCIM lists); filter errors as FilterSyntaxError. */
export async function listGroupsAt(
  db: Db,
  query: { filter?: string; offset: number; limit: number; sort?: { by: string; descending: boolean } },
): Promise<{ groups: Group[]; total: number }> {
  let count = db.selectFrom('groups').select(sql<number>`count(*)::int`.as('n'));
  if (query.filter) count = count.where(compileFilter(query.filter, FILTER));
  // Read before counting, so an unknown sortBy is refused as the filter's errors are.
  const order = sortOrder(FILTER, query.sort);
  const [{ n }] = await count.execute();
  if (query.limit === 0 || query.offset >= n) return { groups: [], total: n };
  let select = selectGroups(db);
  if (query.filter) select = select.where(compileFilter(query.filter, FILTER));
  if (order) select = select.orderBy(order);
  const rows = await select.orderBy('groups.id', query.sort?.descending ? 'desc' : 'asc').offset(query.offset).limit(query.limit).execute();
  return { groups: rows.map(toGroup), total: n };
}

/** Each group's direct members: users (id, username) and child groups (id, name), in id order. */
export async function membersOf(db: Db, groupIds: string[]): Promise<Map<string, { users: { id: string; name: string }[]; groups: { id: string; name: string }[] }>> {
  const out = new Map(groupIds.map((id) => [id, { users: [] as { id: string; name: string }[], groups: [] as { id: string; name: string }[] }]));
  if (groupIds.length === 0) return out;
  const users = await db
    .selectFrom('group_members as gm')
    .innerJoin('users as u', 'u.id', 'gm.user_id')
    .select(['gm.group_id as groupId', 'u.id as id', 'u.username as name'])
    .where('gm.group_id', 'in', groupIds)
    .orderBy('u.id')
    .execute();
  for (const row of users) out.get(row.groupId)!.users.push({ id: row.id, name: row.name });
  const children = await db.selectFrom('groups').select(['parent_id', 'id', 'name']).where('parent_id', 'in', groupIds).orderBy('id').execute();
  for (const row of children) out.get(row.parent_id!)!.groups.push({ id: row.id, name: row.name });
  return out;
}

/** Keyset page by id; `filter` (SCIM grammar) errors surface as FilterSyntaxError. */
export async function listGroups(db: Db, query: { filter?: string; q?: string; afterId?: string; limit: number }): Promise<Group[]> {
  let select = selectGroups(db);
  if (query.filter) select = select.where(compileFilter(query.filter, FILTER));
  if (query.q) select = select.where(sql<SqlBool>`lower(groups.name) LIKE ${likePattern(query.q.toLowerCase(), 'co')}`);
  if (query.afterId) select = select.where('groups.id', '>', query.afterId);
  return (await select.orderBy('groups.id').limit(query.limit).execute()).map(toGroup);
}

export async function getGroupsByIds(db: Db, ids: string[]): Promise<Group[]> {
  if (ids.length === 0) return [];
  return (await selectGroups(db).where('groups.id', 'in', ids).execute()).map(toGroup);
}

/** What a user's view says of its groups: without member counts, which cost a count per group. */
export interface GroupSummary {
  id: string;
  name: string;
  parent: string | null;
  isSuperuser: boolean;
}

export async function getGroupSummaries(db: Db, ids: string[]): Promise<GroupSummary[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('groups').select(['id', 'name', 'parent_id', 'is_superuser']).where('id', 'in', ids).execute();
  return rows.map((row) => ({ id: row.id, name: row.name, parent: row.parent_id, isSuperuser: row.is_superuser }));
}

/** The id and every ancestor id of a group (itself first). */
export async function ancestorIds(db: Db, id: string): Promise<string[]> {
  const result = await sql<{ id: string }>`
    WITH RECURSIVE up(id) AS (
      SELECT ${id}::uuid UNION SELECT g.parent_id FROM groups g JOIN up ON g.id = up.id WHERE g.parent_id IS NOT NULL
    ) SELECT id::text AS id FROM up`.execute(db);
  return result.rows.map((r) => r.id);
}

/** True when any of these groups or their ancestors is a superuser group. */
export async function grantsSuperuser(db: Db, ids: string[]): Promise<boolean> {
  if (ids.length === 0) return false;
  const row = await db.selectFrom('groups').select('id').where('id', 'in', ids).where('grants_superuser', '=', true).limit(1).executeTakeFirst();
  return row !== undefined;
}

export async function existingGroupIds(db: Db, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('groups').select('id').where('id', 'in', ids).execute();
  return new Set(rows.map((r) => r.id));
}

/** True when the user was not a member before. */
export async function addMember(db: Db, groupId: string, userId: string): Promise<boolean> {
  const row = await db
    .insertInto('group_members')
    .values({ group_id: groupId, user_id: userId })
    .onConflict((oc) => oc.doNothing())
    .returning('user_id')
    .executeTakeFirst();
  return row !== undefined;
}

/** True when the user was a member. */
export async function removeMember(db: Db, groupId: string, userId: string): Promise<boolean> {
  const result = await db.deleteFrom('group_members').where('group_id', '=', groupId).where('user_id', '=', userId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function replaceUserGroups(db: Db, userId: string, groupIds: string[]): Promise<void> {
  await db.deleteFrom('group_members').where('user_id', '=', userId).execute();
  if (groupIds.length > 0) {
    await db.insertInto('group_members').values(groupIds.map((groupId) => ({ group_id: groupId, user_id: userId }))).execute();
  }
}

/** Serialises changes to the hierarchy, so two concurrent moves cannot close a cycle. */
export async function lockHierarchy(db: Db): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(7246392)`.execute(db);
}
