// The groups domain: a hierarchy without cycles, superuser groups that only admins manage, and
// memberships. Free of HTTP.
import type { Kysely } from 'kysely';
import { sql, type Expression, type SqlBool } from 'kysely';
import type { Database } from '../store/schema.ts';
import { ProblemError, problems } from '../http/problem.ts';
import { ifMatchAllows } from '../http/etag.ts';
import { mergePatch } from '../http/merge-patch.ts';
import { UniqueViolation } from '../store/errors.ts';
import { compileFilter, likePattern, type FilterTarget } from '../filter/sql-filter.ts';
import { checkAttributes, fieldProblem, type Actor } from '../users/user.rules.ts';
import * as users from '../users/user.repo.ts';
import { canonicalId, isUuid } from '../ids.ts';
import * as repo from './group.repo.ts';
import type { GroupWriteInput } from './group.schema.ts';
import { checkGroupName } from '../users/identifiers.ts';

export interface GroupDeps {
  db: Kysely<Database>;
  now: () => Date;
  newId: () => string;
  /** Memberships and superuser flags change who may do what: cached credentials must follow. */
  forgetUser(userId: string): void;
  forgetAll(): void;
}

/** Strong ETag: the row version, and the member count, which changes without touching the row. */
export const groupEtag = (group: { version: number; memberCount: number }) =>
  group.memberCount === 0 ? `"${group.version}"` : `"${group.version}-m${group.memberCount}"`;
const notFound = () => problems.notFound('group.not_found', 'No group has this id.');

const FILTER: FilterTarget = {
  table: 'groups',
  attributes: {
    id: { column: 'id', kind: 'uuid' },
    name: { column: 'name', kind: 'text' },
    displayname: { column: 'name', kind: 'text' },
    parent: { column: 'parent_id', kind: 'uuid' },
    issuperuser: { column: 'is_superuser', kind: 'bool' },
    createdat: { column: 'created_at', kind: 'time' },
  },
  names: ['id', 'name', 'parent', 'isSuperuser', 'createdAt'],
};

function nameTaken(): ProblemError {
  return problems.conflict('group.name_taken', 'Another group already has this name.', [
    { pointer: '/name', code: 'taken', detail: 'is already taken (compared case-insensitively)' },
  ]);
}

function managerMayNot(actor: Actor, detail: string): void {
  if (actor.role === 'manager') throw problems.forbidden('group.superuser_forbidden', detail);
}

async function checkParent(trx: Kysely<Database>, actor: Actor, id: string | undefined, parent: string | null): Promise<void> {
  if (parent === null) return;
  const exists = isUuid(parent) && (await repo.getGroupById(trx, parent));
  if (!exists) throw fieldProblem('/parent', 'unknown_group', 'names no existing group');
  if (id !== undefined && (await repo.ancestorIds(trx, parent)).includes(id)) {
    throw new ProblemError({
      status: 400,
      code: 'group.cycle',
      slug: 'validation',
      detail: 'The parent would make the group its own ancestor.',
      errors: [{ pointer: '/parent', code: 'cycle', detail: 'would make the group its own ancestor' }],
    });
  }
  if (await repo.grantsSuperuser(trx, [parent])) {
    managerMayNot(actor, 'Managers cannot place groups below a superuser group.');
  }
}

async function write<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof UniqueViolation) throw nameTaken();
    throw error;
  }
}

export function createGroups(deps: GroupDeps) {
  async function get(rawId: string): Promise<repo.Group> {
    const id = canonicalId(rawId);
    const group = id ? await repo.getGroupById(deps.db, id) : undefined;
    if (!group) throw notFound();
    return group;
  }

  async function change(actor: Actor, rawId: string, ifMatch: string | undefined, next: (current: repo.Group) => GroupWriteInput) {
    const id = canonicalId(rawId);
    if (!id) throw notFound();
    const [before, after] = await deps.db.transaction().execute(async (trx) => {
      await repo.lockHierarchy(trx);
      const current = await repo.getGroupById(trx, id, { forUpdate: true });
      if (!current) throw notFound();
      if (!ifMatchAllows(ifMatch, groupEtag(current))) {
        throw problems.preconditionFailed('group.etag_mismatch', 'The group has changed since the ETag in If-Match.');
      }
      const input = next(current);
      const fields: repo.GroupFields = {
        name: input.name,
        parent: input.parent ? (canonicalId(input.parent) ?? input.parent) : null,
        isSuperuser: input.isSuperuser ?? current.isSuperuser,
        attributes: input.attributes ?? {},
      };
      checkGroupName(fields.name, current.name);
      if (current.isSuperuser || fields.isSuperuser) managerMayNot(actor, 'Managers cannot create, change or delete superuser groups.');
      checkAttributes(fields.attributes);
      if (fields.parent !== current.parent) {
        // Moving a group out from under a superuser group strips its members of superuser.
        if (await repo.grantsSuperuser(trx, [id])) managerMayNot(actor, 'Managers cannot move groups that grant superuser.');
        await checkParent(trx, actor, id, fields.parent);
      }
      const updated = await write(() => repo.updateGroup(trx, id, fields, deps.now()));
      return [current, updated!] as const;
    });
    if (before.isSuperuser !== after.isSuperuser || before.parent !== after.parent) deps.forgetAll();
    return after;
  }

  return {
    get,

    async create(actor: Actor, input: GroupWriteInput): Promise<repo.Group> {
      const fields: repo.GroupFields = {
        name: input.name,
        parent: input.parent ? (canonicalId(input.parent) ?? input.parent) : null,
        isSuperuser: input.isSuperuser ?? false,
        attributes: input.attributes ?? {},
      };
      checkGroupName(fields.name);
      if (fields.isSuperuser) managerMayNot(actor, 'Managers cannot create superuser groups.');
      checkAttributes(fields.attributes);
      return deps.db.transaction().execute(async (trx) => {
        await checkParent(trx, actor, undefined, fields.parent);
        return write(() => repo.insertGroup(trx, deps.newId(), fields, deps.now()));
      });
    },

    replace: (actor: Actor, id: string, input: GroupWriteInput, ifMatch?: string) => change(actor, id, ifMatch, () => input),

    patch(actor: Actor, id: string, patch: Record<string, unknown>, ifMatch?: string) {
      if (patch.attributes != null) checkAttributes(patch.attributes as Record<string, unknown>);
      return change(actor, id, ifMatch, (current) =>
        mergePatch(
          { name: current.name, parent: current.parent, isSuperuser: current.isSuperuser, attributes: current.attributes },
          patch,
        ) as GroupWriteInput,
      );
    },

    async remove(actor: Actor, rawId: string, ifMatch?: string): Promise<void> {
      const id = canonicalId(rawId);
      if (!id) throw notFound();
      await deps.db.transaction().execute(async (trx) => {
        await repo.lockHierarchy(trx);
        const current = await repo.getGroupById(trx, id, { forUpdate: true });
        if (!current) throw notFound();
        if (!ifMatchAllows(ifMatch, groupEtag(current))) {
          throw problems.preconditionFailed('group.etag_mismatch', 'The group has changed since the ETag in If-Match.');
        }
        if (await repo.grantsSuperuser(trx, [id])) managerMayNot(actor, 'Managers cannot delete groups that grant superuser.');
        try {
          await repo.deleteGroup(trx, id);
        } catch (error) {
          if (error instanceof repo.GroupHasChildren) {
            throw problems.conflict('group.has_children', 'The group has child groups: delete or move them first.');
          }
          throw error;
        }
      });
      deps.forgetAll();
    },

    async list(query: { filter?: string; q?: string; limit: number; after?: string }) {
      const where: Expression<SqlBool>[] = [];
      if (query.filter?.trim()) where.push(compileFilter(query.filter, FILTER));
      if (query.q) where.push(sql<SqlBool>`lower(groups.name) LIKE ${likePattern(query.q.toLowerCase(), 'co')}`);
      const rows = await repo.listGroups(deps.db, { where, afterId: query.after, limit: query.limit + 1 });
      return { groups: rows.slice(0, query.limit), more: rows.length > query.limit };
    },

    async setMember(actor: Actor, groupId: string, userId: string, member: boolean): Promise<void> {
      const group = await get(groupId);
      const user = canonicalId(userId) ? await users.getUserById(deps.db, userId) : undefined;
      if (!user) throw problems.notFound('user.not_found', 'No user has this id.');
      if (actor.role === 'manager' && (user.role === 'admin' || user.isSuperuser)) {
        throw problems.forbidden('user.admin_protected', 'Managers cannot change the memberships of administrators.');
      }
      if (member) {
        if (await repo.grantsSuperuser(deps.db, [group.id])) {
          managerMayNot(actor, 'Managers cannot grant membership of a superuser group (or one below it).');
        }
        await repo.addMember(deps.db, group.id, user.id);
      } else {
        await repo.removeMember(deps.db, group.id, user.id);
      }
      deps.forgetUser(user.id);
    },
  };
}

export type Groups = ReturnType<typeof createGroups>;
