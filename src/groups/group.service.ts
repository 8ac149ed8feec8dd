// The groups domain: a hierarchy without cycles, superuser groups that only admins manage, and
// memberships. Free of HTTP and SQL.
import type { Repos, UnitOfWork } from '../repos.ts';
import type { CredentialsChanged } from '../auth/credentials-changed.ts';
import { ProblemError, problems } from '../http/problem.ts';
import { ifMatchAllows } from '../http/etag.ts';
import { mergePatch } from '../http/merge-patch.ts';
import { UniqueViolation } from '../store/errors.ts';
import { withFilterProblems } from '../filter/filter-problem.ts';
import { checkAttributes, checkManagerLimits, fieldProblem, type Actor } from '../users/user.rules.ts';
import type { ListQuery, Users } from '../users/user.service.ts';
import { canonicalId, isUuid } from '../ids.ts';
import { GroupHasChildren } from './group.repo.ts';
import type { Group, GroupFields } from './group.model.ts';
import { groupEtag } from './group.view.ts';
import type { GroupWriteInput } from './group.schema.ts';
import { checkGroupName } from '../users/identifiers.ts';
import { changedFields, type Audit } from '../audit/audit.service.ts';

export interface GroupDeps {
  data: UnitOfWork;
  users: Users;
  now: () => Date;
  newId: () => string;
  /** Memberships and superuser flags change who may do what: cached credentials must follow. */
  credentials: CredentialsChanged;
  /** The audit log, written in each change's transaction. */
  audit?: Audit;
}

/** The fields a group.updated event names when they change. */
const AUDITED_FIELDS: (keyof Group & string)[] = ['name', 'parent', 'isSuperuser', 'attributes'];

const notFound = () => problems.notFound('group.not_found', 'No group has this id.');

function nameTaken(): ProblemError {
  return problems.conflict('group.name_taken', 'Another group already has this name.', [
    { pointer: '/name', code: 'taken', detail: 'is already taken (compared case-insensitively)' },
  ]);
}

function managerMayNot(actor: Actor, detail: string): void {
  if (actor.role === 'manager') throw problems.forbidden('group.superuser_forbidden', detail);
}

async function checkParent(repos: Repos, actor: Actor, id: string | undefined, parent: string | null): Promise<void> {
  if (parent === null) return;
  const exists = isUuid(parent) && (await repos.groups.getGroupById(parent));
  if (!exists) throw fieldProblem('/parent', 'unknown_group', 'names no existing group');
  if (id !== undefined && (await repos.groups.ancestorIds(parent)).includes(id)) {
    throw new ProblemError({
      status: 400,
      code: 'group.cycle',
      slug: 'validation',
      detail: 'The parent would make the group its own ancestor.',
      errors: [{ pointer: '/parent', code: 'cycle', detail: 'would make the group its own ancestor' }],
    });
  }
  if (await repos.groups.grantsSuperuser([parent])) {
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
  const { repos } = deps.data;

  async function get(rawId: string): Promise<Group> {
    const id = canonicalId(rawId);
    const group = id ? await repos.groups.getGroupById(id) : undefined;
    if (!group) throw notFound();
    return group;
  }

  async function change(actor: Actor, rawId: string, ifMatch: string | undefined, next: (current: Group) => GroupWriteInput) {
    const id = canonicalId(rawId);
    if (!id) throw notFound();
    const [before, after] = await deps.data.transaction(async (tx) => {
      await tx.groups.lockHierarchy();
      const current = await tx.groups.getGroupById(id, { forUpdate: true });
      if (!current) throw notFound();
      if (!ifMatchAllows(ifMatch, groupEtag(current))) {
        throw problems.preconditionFailed('group.etag_mismatch', 'The group has changed since the ETag in If-Match.');
      }
      const input = next(current);
      const fields: GroupFields = {
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
        if (await tx.groups.grantsSuperuser([id])) managerMayNot(actor, 'Managers cannot move groups that grant superuser.');
        await checkParent(tx, actor, id, fields.parent);
      }
      const updated = await write(() => tx.groups.updateGroup(id, fields, deps.now()));
      await deps.audit?.record(tx, { action: 'group.updated', target: { type: 'group', id }, changes: changedFields(current, updated!, AUDITED_FIELDS), origin: actor.origin });
      return [current, updated!] as const;
    });
    if (before.isSuperuser !== after.isSuperuser || before.parent !== after.parent) deps.credentials.everyone();
    return after;
  }

  return {
    get,

    async create(actor: Actor, input: GroupWriteInput): Promise<Group> {
      const fields: GroupFields = {
        name: input.name,
        parent: input.parent ? (canonicalId(input.parent) ?? input.parent) : null,
        isSuperuser: input.isSuperuser ?? false,
        attributes: input.attributes ?? {},
      };
      checkGroupName(fields.name);
      if (fields.isSuperuser) managerMayNot(actor, 'Managers cannot create superuser groups.');
      checkAttributes(fields.attributes);
      return deps.data.transaction(async (tx) => {
        await checkParent(tx, actor, undefined, fields.parent);
        const group = await write(() => tx.groups.insertGroup(deps.newId(), fields, deps.now()));
        await deps.audit?.record(tx, { action: 'group.created', target: { type: 'group', id: group.id }, origin: actor.origin });
        return group;
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
      await deps.data.transaction(async (tx) => {
        await tx.groups.lockHierarchy();
        const current = await tx.groups.getGroupById(id, { forUpdate: true });
        if (!current) throw notFound();
        if (!ifMatchAllows(ifMatch, groupEtag(current))) {
          throw problems.preconditionFailed('group.etag_mismatch', 'The group has changed since the ETag in If-Match.');
        }
        if (await tx.groups.grantsSuperuser([id])) managerMayNot(actor, 'Managers cannot delete groups that grant superuser.');
        try {
          await tx.groups.deleteGroup(id);
        } catch (error) {
          if (error instanceof GroupHasChildren) {
            throw problems.conflict('group.has_children', 'The group has child groups: delete or move them first.');
          }
          throw error;
        }
        await deps.audit?.record(tx, { action: 'group.deleted', target: { type: 'group', id }, origin: actor.origin });
      });
      deps.credentials.everyone();
    },

    async list(query: { filter?: string; q?: string; limit: number; after?: string }) {
      const rows = await withFilterProblems(() =>
        repos.groups.listGroups({ filter: query.filter?.trim() || undefined, q: query.q || undefined, afterId: query.after, limit: query.limit + 1 }),
      );
      return { groups: rows.slice(0, query.limit), more: rows.length > query.limit };
    },

    /** A page by position with the total that matches (SCIM lists); startIndex counts from 1. */
    listAt(query: { filter?: string; startIndex: number; count: number; sort?: { by: string; descending: boolean } }) {
      return withFilterProblems(() =>
        repos.groups.listGroupsAt({ filter: query.filter?.trim() || undefined, offset: query.startIndex - 1, limit: query.count, sort: query.sort }),
      );
    },

    /** Direct members of each group: users and child groups (SCIM shows both as members). */
    membersOf: (groupIds: string[]) => repos.groups.membersOf(groupIds),

    /**
     * Makes the group's direct user members exactly `userIds`, one membership change at a time
     * with the same rules as PUT/DELETE /groups/{id}/members/{userId}.
     */
    async setMembers(actor: Actor, groupId: string, userIds: string[]): Promise<void> {
      const group = await get(groupId);
      const current = new Set((await repos.groups.membersOf([group.id])).get(group.id)!.users.map((u) => u.id));
      const wanted = new Set(userIds.map((id) => canonicalId(id) ?? id));
      for (const id of wanted) if (!current.has(id)) await this.setMember(actor, group.id, id, true);
      for (const id of current) if (!wanted.has(id)) await this.setMember(actor, group.id, id, false);
    },

    /** The group's members (users), a page at a time; 404 when the group does not exist. */
    async members(groupId: string, query: Omit<ListQuery, 'group'>) {
      const group = await get(groupId);
      return deps.users.list({ ...query, group: group.id });
    },

    async setMember(actor: Actor, groupId: string, userId: string, member: boolean): Promise<void> {
      const group = await get(groupId);
      const id = canonicalId(userId);
      const user = id ? await repos.users.getUserById(id) : undefined;
      if (!user) throw problems.notFound('user.not_found', 'No user has this id.');
      if (actor.role === 'manager' && (user.role === 'admin' || user.isSuperuser)) {
        throw problems.forbidden('user.admin_protected', 'Managers cannot change the memberships of administrators.');
      }
      checkManagerLimits(actor, user, user.role);
      if (member && (await repos.groups.grantsSuperuser([group.id]))) {
        managerMayNot(actor, 'Managers cannot grant membership of a superuser group (or one below it).');
      }
      // An event only when the membership changed: PUT and DELETE are idempotent.
      await deps.data.transaction(async (tx) => {
        const changed = member ? await tx.groups.addMember(group.id, user.id) : await tx.groups.removeMember(group.id, user.id);
        if (changed) {
          await deps.audit?.record(tx, { action: member ? 'membership.added' : 'membership.removed', target: { type: 'user', id: user.id }, changes: ['groups'], origin: actor.origin });
        }
      });
      deps.credentials.user(user.id);
    },
  };
}

export type Groups = ReturnType<typeof createGroups>;
