// The users domain: create, read, replace, patch, delete and list, with every rule of API.md.
// Free of HTTP and of SQL: it takes plain inputs, works through repositories and throws ProblemError.
import type { Repos, UnitOfWork } from '../repos.ts';
import type { PasswordHasher } from '../credentials/password.ts';
import type { CredentialsChanged } from '../auth/credentials-changed.ts';
import { assertStrongPassword } from '../credentials/password-policy.ts';
import { UniqueViolation } from '../store/errors.ts';
import { ProblemError, problems } from '../http/problem.ts';
import { ifMatchAllows } from '../http/etag.ts';
import { mergePatch } from '../http/merge-patch.ts';
import { foldKey, profileOfUser, type User, type UserProfile, type UserStatus } from './user.model.ts';
import type { SelfPatchInput, UserCreateInput, UserReplaceInput } from './user.schema.ts';
import { checkGroupIds } from '../groups/membership.ts';
import type { GroupSummary } from '../groups/group.repo.ts';
import {
  checkAttributes,
  checkManagerLimits,
  fieldProblem,
  lastAdminProblem,
  removesActiveAdmin,
  type Actor,
} from './user.rules.ts';
import { userEtag } from './user.view.ts';
import { canonicalId } from '../ids.ts';
import { withFilterProblems } from '../filter/filter-problem.ts';
import { checkUserNames } from './identifiers.ts';
import type { UserCache } from './user-cache.ts';
import { checkExport, exportUsers, type ExportLine } from './user-export.ts';
import { changedFields, type Audit } from '../audit/audit.service.ts';
import type { AuditOrigin } from '../audit/audit-context.ts';

export type { Actor };

export interface UserDeps {
  data: UnitOfWork;
  passwords: PasswordHasher;
  now: () => Date;
  newId: () => string;
  /** Told after a user changes or goes, so cached credentials and sessions follow at once. */
  credentials: CredentialsChanged;
  /** Hot reads from memory; without it every read goes to the database. */
  cache?: UserCache;
  /** Lifecycle reactions (mails, deferred work), written through the change's own repositories. */
  events?: UserEvents;
  /** The audit log, written in each change's transaction. */
  audit?: Audit;
}

/** The fields an update's audit event names when they change. */
const AUDITED_FIELDS: (keyof User & string)[] = [
  'username', 'name', 'givenName', 'familyName', 'email', 'phone', 'locale', 'role', 'status', 'path', 'externalId', 'attributes', 'groups',
];

/** user.updated, user.disabled / user.enabled when the status turned, membership.* when groups did. */
async function auditChange(audit: Audit | undefined, tx: Repos, before: User, after: User, origin: AuditOrigin | undefined): Promise<void> {
  if (!audit) return;
  const target = { type: 'user', id: after.id };
  await audit.record(tx, { action: 'user.updated', target, changes: changedFields(before, after, AUDITED_FIELDS), origin });
  if (before.status !== 'disabled' && after.status === 'disabled') await audit.record(tx, { action: 'user.disabled', target, origin });
  if (before.status === 'disabled' && after.status !== 'disabled') await audit.record(tx, { action: 'user.enabled', target, origin });
  await auditMemberships(audit, tx, after.id, before.groups, after.groups, origin);
}

/** One membership.added and one membership.removed at most, as memberships came and went. */
async function auditMemberships(audit: Audit | undefined, tx: Repos, userId: string, before: string[], after: string[], origin: AuditOrigin | undefined): Promise<void> {
  const target = { type: 'user', id: userId };
  if (after.some((id) => !before.includes(id))) await audit?.record(tx, { action: 'membership.added', target, changes: ['groups'], origin });
  if (before.some((id) => !after.includes(id))) await audit?.record(tx, { action: 'membership.removed', target, changes: ['groups'], origin });
}

export interface UserEvents {
  created(repos: Repos, user: User, context: { password?: string; async: boolean }): Promise<void>;
  changed(repos: Repos, before: User, after: User): Promise<void>;
  /** After the commit: work may be waiting. */
  committed(): void;
}

function notFound(): ProblemError {
  return problems.notFound('user.not_found', 'No user has this id.');
}

function conflictOf(error: UniqueViolation): ProblemError {
  const [code, pointer, what] =
    error.constraint === 'users_email_key'
      ? ['user.email_taken', '/email', 'email']
      : error.constraint === 'users_external_id_key'
        ? ['user.external_id_taken', '/externalId', 'externalId']
        : ['user.username_taken', '/username', 'username'];
  return problems.conflict(code, `Another user already has this ${what}.`, [
    { pointer, code: 'taken', detail: `is already taken (compared case-insensitively)` },
  ]);
}

async function translateConflicts<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof UniqueViolation) throw conflictOf(error);
    throw error;
  }
}

export function profileOf(input: Omit<UserReplaceInput, 'type' | 'status' | 'password'>): UserProfile {
  return {
    username: input.username,
    name: input.name ?? null,
    givenName: input.givenName ?? null,
    familyName: input.familyName ?? null,
    email: input.email ?? null,
    phone: input.phone ?? null,
    locale: input.locale ?? null,
    role: input.role ?? 'user',
    attributes: input.attributes ?? {},
    path: input.path ?? 'users',
    externalId: input.externalId ?? null,
  };
}

/** The full replacement a PATCH starts from: the user's writable fields as they are. */
function writableOf(user: User): ReplaceInput {
  return {
    ...profileOfUser(user),
    groups: user.groups,
    type: user.type,
    status: user.status === 'invited' || user.status === 'pending' ? undefined : user.status,
  };
}

export interface ReplaceInput extends Omit<UserReplaceInput, 'password'> {
  password?: unknown;
}

export interface ListQuery {
  filter?: string;
  q?: string;
  status?: string;
  type?: string;
  role?: string;
  group?: string;
  includeDescendants?: boolean;
  limit: number;
  after?: string;
}

/**
 * When the target is an active admin, the whole admin set is locked before the target row, in id
 * order: two admins changing each other at once then queue instead of deadlocking.
 */
async function lockAdminsFirst(repos: Repos, id: string): Promise<void> {
  if (await repos.users.isActiveAdmin(id)) await repos.users.lockActiveAdmins();
}

function sameSet(a: string[], b: string[]): boolean {
  const set = new Set(b.map((id) => id.toLowerCase()));
  return a.length === b.length && a.every((id) => set.has(id.toLowerCase()));
}

/** Throws 412 user.etag_mismatch unless If-Match (absent: anything) names the user's current ETag. */
export function assertUserEtag(ifMatch: string | undefined, current: User): void {
  if (!ifMatchAllows(ifMatch, userEtag(current))) {
    throw problems.preconditionFailed('user.etag_mismatch', 'The user has changed since the ETag in If-Match.');
  }
}

export function createUsers(deps: UserDeps) {
  const { repos } = deps.data;

  async function get(rawId: string): Promise<User> {
    const id = canonicalId(rawId);
    const load = (key: string) => repos.users.getUserById(key);
    const user = id ? await (deps.cache ? deps.cache.user(id, load) : load(id)) : undefined;
    if (!user) throw notFound();
    return user;
  }

  async function create(
    actor: Actor | undefined,
    input: UserCreateInput,
    options: { ifExists?: 'return' | 'fail'; async?: boolean } = {},
  ): Promise<{ user: User; created: boolean }> {
    if (input.status !== undefined) {
      throw fieldProblem('/status', 'read_only', 'is read-only on create: it follows from the password and type');
    }
    const type = input.type ?? 'internal';
    if (type === 'service_account') {
      if (input.email != null) throw fieldProblem('/email', 'not_allowed', 'is not allowed for service accounts');
      if (input.password !== undefined) {
        throw fieldProblem('/password', 'not_allowed', 'is not allowed for service accounts: they use tokens');
      }
    }
    const profile = profileOf(input);
    checkUserNames(profile);
    if (actor) checkManagerLimits(actor, undefined, profile.role);
    const groups = input.groups ?? [];
    await checkGroupIds(repos, actor, groups);
    checkAttributes(profile.attributes);

    if (input.password !== undefined) await assertStrongPassword(input.password, profile);
    // Asynchronously created users are inserted at once (so duplicates are refused at once) as
    // pending; a job hashes the password and settles the status (see lifecycle/).
    const async = options.async === true;
    const passwordHash = input.password !== undefined && !async ? await deps.passwords.hash(input.password) : null;
    const status: UserStatus = async
      ? 'pending'
      : input.password !== undefined || type === 'service_account'
        ? 'active'
        : 'invited';
    try {
      const user = await deps.data.transaction(async (tx) => {
        let inserted = await tx.users.insertUser({
          id: deps.newId(),
          ...profile,
          type,
          status,
          passwordHash,
          emailVerified: false,
          now: deps.now(),
        });
        if (groups.length > 0) {
          await tx.groups.replaceUserGroups(inserted.id, groups);
          inserted = (await tx.users.getUserById(inserted.id))!;
        }
        await deps.events?.created(tx, inserted, { password: input.password, async });
        await deps.audit?.record(tx, { action: 'user.created', target: { type: 'user', id: inserted.id }, origin: actor?.origin });
        await auditMemberships(deps.audit, tx, inserted.id, [], inserted.groups, actor?.origin);
        return inserted;
      });
      deps.events?.committed();
      return { user, created: true };
    } catch (error) {
      if (!(error instanceof UniqueViolation)) throw error;
      if (options.ifExists === 'return' && error.constraint !== 'users_external_id_key') {
        const existing = await repos.users.findExistingUser(profile.username, profile.email);
        if (existing) return { user: existing, created: false };
      }
      throw conflictOf(error);
    }
  }

  /** Applies a full replacement, computed from the current user by `next`, under a row lock. */
  async function change(actor: Actor, rawId: string, ifMatch: string | undefined, next: (current: User) => ReplaceInput): Promise<User> {
    const id = canonicalId(rawId);
    if (!id) throw notFound();
    const [before, after] = await deps.data.transaction(async (tx) => {
      await lockAdminsFirst(tx, id);
      const current = await tx.users.getUserById(id, { forUpdate: true });
      if (!current) throw notFound();
      assertUserEtag(ifMatch, current);
      const input = next(current);
      if (input.password !== undefined) {
        throw fieldProblem('/password', 'not_allowed', 'cannot be set here: use the password endpoints');
      }
      if (input.type !== undefined && input.type !== current.type) {
        throw fieldProblem('/type', 'immutable', 'cannot change after the user is created');
      }
      // Like status and credentials, the role stays as it is unless named: a PUT that forgets it
      // must not demote an administrator.
      const profile = profileOf({ ...input, role: input.role ?? current.role });
      checkUserNames(profile, current);
      if (current.type === 'service_account' && profile.email !== null) {
        throw fieldProblem('/email', 'not_allowed', 'is not allowed for service accounts');
      }
      let status = current.status;
      if (input.status !== undefined && input.status !== current.status) {
        if (current.status === 'invited' || current.status === 'pending') {
          throw fieldProblem('/status', 'invalid_transition', `of a ${current.status} user cannot be set: it changes through activation`);
        }
        status = input.status;
      }
      checkManagerLimits(actor, current, profile.role);
      // Memberships, like status, stay as they are unless named.
      const groups = input.groups !== undefined && !sameSet(input.groups, current.groups) ? input.groups : undefined;
      if (groups) await checkGroupIds(tx, actor, groups);
      checkAttributes(profile.attributes);
      if (removesActiveAdmin(current, { role: profile.role, status })) {
        const admins = await tx.users.lockActiveAdmins();
        if (admins.filter((adminId) => adminId !== id).length === 0) throw lastAdminProblem();
      }
      const emailChanged = (profile.email && foldKey(profile.email)) !== (current.email && foldKey(current.email));
      let updated = await translateConflicts(() =>
        tx.users.updateUser(id, { ...profile, status, emailVerified: emailChanged ? false : current.emailVerified }, deps.now()),
      );
      if (!updated) throw notFound();
      if (groups) {
        await tx.groups.replaceUserGroups(id, groups);
        updated = (await tx.users.getUserById(id))!;
      }
      await deps.events?.changed(tx, current, updated);
      await auditChange(deps.audit, tx, current, updated, actor.origin);
      return [current, updated] as const;
    });
    // After the commit: the caches and session tables are outside this transaction.
    deps.credentials.user(id);
    if (before.status !== 'disabled' && after.status === 'disabled') await deps.credentials.revokeAll(id);
    deps.events?.committed();
    return after;
  }

  return {
    get,
    create,

    replace: (actor: Actor, id: string, input: ReplaceInput, ifMatch?: string) => change(actor, id, ifMatch, () => input),

    patch(actor: Actor, id: string, patch: Record<string, unknown>, ifMatch?: string) {
      if (patch.attributes !== undefined && patch.attributes !== null) {
        checkAttributes(patch.attributes as Record<string, unknown>);
      }
      return change(actor, id, ifMatch, (current) => mergePatch(writableOf(current), patch) as ReplaceInput);
    },

    /** Self-service: the caller edits its own profile fields and attributes.profile only. */
    patchSelf(actor: Actor, patch: SelfPatchInput, ifMatch?: string) {
      if (patch.attributes?.profile != null) checkAttributes(patch.attributes as Record<string, unknown>);
      const self: Actor = { ...actor, role: 'admin' }; // role limits guard others, not one's own profile
      return change(self, actor.userId, ifMatch, (current) => mergePatch(writableOf(current), patch) as ReplaceInput);
    },

    async remove(actor: Actor, rawId: string, ifMatch?: string): Promise<void> {
      const id = canonicalId(rawId);
      if (!id) throw notFound();
      if (id === actor.userId) throw problems.forbidden('user.self_delete', 'A user cannot delete itself.');
      await deps.data.transaction(async (tx) => {
        await lockAdminsFirst(tx, id);
        const current = await tx.users.getUserById(id, { forUpdate: true });
        if (!current) throw notFound();
        assertUserEtag(ifMatch, current);
        checkManagerLimits(actor, current, current.role);
        if (removesActiveAdmin(current, undefined)) {
          const admins = await tx.users.lockActiveAdmins();
          if (admins.filter((adminId) => adminId !== id).length === 0) throw lastAdminProblem();
        }
        await tx.users.deleteUser(id);
        await deps.audit?.record(tx, { action: 'user.deleted', target: { type: 'user', id }, origin: actor.origin });
      });
      deps.credentials.user(id);
    },

    async list(query: ListQuery): Promise<{ users: User[]; more: boolean }> {
      const filters: string[] = [];
      if (query.filter !== undefined && query.filter.trim() !== '') filters.push(query.filter);
      for (const [name, value] of [['status', query.status], ['type', query.type], ['role', query.role]] as const) {
        if (value !== undefined) filters.push(`${name} eq ${JSON.stringify(value)}`);
      }
      let group: { id: string; includeDescendants: boolean } | undefined;
      if (query.group !== undefined) {
        const id = canonicalId(query.group);
        if (!id || !(await repos.groups.getGroupById(id))) {
          throw problems.invalid([{ parameter: 'group', code: 'unknown_group', detail: 'names no existing group' }], 'The group does not exist.');
        }
        group = { id, includeDescendants: query.includeDescendants ?? false };
      }
      const listQuery = { filters, q: query.q || undefined, group, afterId: query.after, limit: query.limit + 1 };
      const run = async () => {
        const rows = await withFilterProblems(() => repos.users.listUsers(listQuery));
        return { users: rows.slice(0, query.limit), more: rows.length > query.limit };
      };
      if (!deps.cache) return run();
      return deps.cache.page(JSON.stringify(listQuery), run, (ids) => repos.users.getUsersByIds(ids));
    },

    /** A page by position with the total that matches (SCIM lists); startIndex counts from 1. */
    listAt(query: { filter?: string; startIndex: number; count: number; sort?: { by: string; descending: boolean } }): Promise<{ users: User[]; total: number }> {
      const filters = query.filter !== undefined && query.filter.trim() !== '' ? [query.filter] : [];
      return withFilterProblems(() => repos.users.listUsersAt({ filters, offset: query.startIndex - 1, limit: query.count, sort: query.sort }));
    },

    /** The groups the users are direct members of, by id (for `expand=groups`). */
    async groupsOf(users: User[]): Promise<Map<string, GroupSummary>> {
      const groups = await repos.groups.getGroupSummaries([...new Set(users.flatMap((u) => u.groups))]);
      return new Map(groups.map((g) => [g.id, g]));
    },

    paths: () => repos.users.countByPath(),

    /** Refuses what the caller may not export, before anything is sent. */
    checkExport,

    /** Every user as an import line, in id order, a page at a time; export.started as the first line is read. */
    exportLines(actor: Actor, options: { includeHashes: boolean }): AsyncGenerator<ExportLine> {
      checkExport(actor, options);
      return (async function* () {
        await deps.audit?.recordAlone({ action: 'export.started', changes: options.includeHashes ? ['passwordHash'] : [], origin: actor.origin });
        yield* exportUsers(repos, actor, options, deps);
      })();
    },
  };
}

export type Users = ReturnType<typeof createUsers>;
