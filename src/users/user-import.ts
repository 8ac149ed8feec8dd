// Bulk import (API.md, "Import, export, backup"): NDJSON lines read as they arrive, checked, and
// written a batch at a time, each batch in one transaction with its line errors and the job's
// progress. A bad line is reported and skipped; the rest goes on. Memory holds one batch.
import type { UnitOfWork, Repos } from '../repos.ts';
import type { PasswordHasher } from '../credentials/password.ts';
import type { CredentialsChanged } from '../auth/credentials-changed.ts';
import type { Job, JobProgress } from '../jobs/job.repo.ts';
import type { Line } from '../http/ndjson.ts';
import { assertStrongPassword } from '../credentials/password-policy.ts';
import { ProblemError } from '../http/problem.ts';
import { UniqueViolation } from '../store/errors.ts';
import { checkManagerLimits, lastAdminProblem, removesActiveAdmin, type Actor } from './user.rules.ts';
import { foldKey, type User, type UserStatus } from './user.model.ts';
import { lineErrorsOf, parseImportLine, type ImportRow, type LineError } from './import-line.ts';
import type { ImportedUser } from './user-import.repo.ts';

export interface ImportDeps {
  data: UnitOfWork;
  passwords: PasswordHasher;
  now: () => Date;
  newId: () => string;
  credentials: CredentialsChanged;
  /** Told after hashes of another family or cost arrived: the login timing floor measures again. */
  foreignHashesImported?: () => void;
}

export interface ImportOptions {
  mode: 'create' | 'upsert';
  dryRun: boolean;
}


/** Rows a batch holds; a line longer than MAX_LINE_BYTES is that line's error. */
const BATCH = 1_000;
export const MAX_LINE_BYTES = 256 * 1024;
const LEASE_MS = 5 * 60_000;
const RETRIES = 3;

type Parsed = ImportRow | LineError[];

/** The request body failed (the client went away mid-upload), as opposed to Roster's own work. */
class UploadBroken extends Error {}

async function* uploaded<T>(lines: AsyncIterable<T>): AsyncGenerator<T> {
  const iterator = lines[Symbol.asyncIterator]();
  for (;;) {
    let next: IteratorResult<T>;
    try {
      next = await iterator.next();
    } catch (error) {
      throw new UploadBroken(error instanceof Error ? error.message : String(error));
    }
    if (next.done) return;
    yield next.value;
  }
}

/** The unique keys a line claims, prefixed by kind: u username, e email, x external id. */
function keysOf(row: ImportRow): string[] {
  const keys = [`u:${foldKey(row.profile.username)}`];
  if (row.profile.email !== null) keys.push(`e:${foldKey(row.profile.email)}`);
  if (row.profile.externalId !== null) keys.push(`x:${row.profile.externalId}`);
  return keys;
}

function userKeys(user: Pick<User, 'username' | 'email' | 'externalId'>): string[] {
  return keysOf({ profile: user } as ImportRow);
}

const TAKEN: Record<string, [string, string, string]> = {
  u: ['user.username_taken', '/username', 'username'],
  e: ['user.email_taken', '/email', 'email'],
  x: ['user.external_id_taken', '/externalId', 'externalId'],
};

function takenError(line: number, key: string, byEarlierLine: boolean): LineError {
  const [code, pointer, what] = TAKEN[key[0]];
  const who = byEarlierLine ? 'an earlier line of this import' : 'another user';
  return { line, pointer, code, detail: `Another user already has this ${what} (${who}; compared case-insensitively).` };
}

/** What a batch decided for a line. */
type Plan =
  | { line: number; kind: 'create'; row: ImportRow; user: ImportedUser }
  /** current is undefined only in a dry run, for a user an earlier line would have created. */
  | { line: number; kind: 'update'; row: ImportRow; current: User | undefined };

export function createUserImport(deps: ImportDeps) {
  const { repos } = deps.data;

  /** Group ids by folded name, learnt as batches need them (groups are few). */
  function groupResolver(actor: Actor, dryRun: boolean) {
    const known = new Map<string, { id: string; grantsSuperuser: boolean; isNew: boolean }>();
    return {
      async load(names: string[]) {
        const wanted = [...new Set(names.map(foldKey))].filter((key) => !known.has(key));
        for (const group of await repos.users.groupsByNameKey(wanted)) {
          known.set(group.nameKey, { id: group.id, grantsSuperuser: group.grantsSuperuser, isNew: false });
        }
      },
      /** The group's id, creating a missing one in `tx` (a dry run only pretends). */
      async idOf(tx: Repos, name: string, at: Date): Promise<string> {
        const key = foldKey(name);
        let group = known.get(key);
        if (!group) {
          group = { id: deps.newId(), grantsSuperuser: false, isNew: true };
          if (!dryRun) await tx.groups.insertGroup(group.id, { name, parent: null, isSuperuser: false, attributes: {} }, at);
          known.set(key, group);
        }
        return group.id;
      },
      /** A manager may not hand out membership of a group that makes superusers. */
      check(row: ImportRow): LineError | undefined {
        if (actor.role !== 'manager') return undefined;
        const i = (row.groups ?? []).findIndex((name) => known.get(foldKey(name))?.grantsSuperuser);
        if (i === -1) return undefined;
        return { line: row.line, pointer: `/groups/${i}`, code: 'group.superuser_forbidden', detail: 'Managers cannot grant membership of a superuser group (or one below it).' };
      },
      /** New groups a failed batch made are gone with its rollback. */
      forgetNew() {
        for (const [key, group] of known) if (group.isNew) known.delete(key);
      },
    };
  }

  async function run(actor: Actor, lines: AsyncIterable<Line>, options: ImportOptions): Promise<Job> {
    const jobId = deps.newId();
    const progress: JobProgress = { processed: 0, created: 0, updated: 0, failed: 0 };
    await repos.jobs.insertRunningJob({
      id: jobId,
      kind: options.dryRun ? 'users.import_dry_run' : 'users.import',
      payload: { mode: options.mode, dryRun: options.dryRun },
      createdBy: actor.userId,
      progress,
      now: deps.now(),
      leaseMs: LEASE_MS,
    });
    const groups = groupResolver(actor, options.dryRun);
    let foreignHashes = false;

    /** Checks that need the directory, then writes the batch, its errors and progress together. */
    async function writeBatch(batch: Parsed[]): Promise<void> {
      const errors: LineError[] = batch.filter((p): p is LineError[] => Array.isArray(p)).flat();
      let rows = batch.filter((p): p is ImportRow => !Array.isArray(p));
      rows = await hashPasswords(rows, errors);
      const matches = await repos.users.findImportMatches({
        usernames: rows.map((r) => r.profile.username),
        emails: rows.flatMap((r) => r.profile.email ?? []),
        externalIds: rows.flatMap((r) => r.profile.externalId ?? []),
      });
      const holder = new Map<string, User>();
      for (const user of matches) for (const key of userKeys(user)) holder.set(key, user);
      const claimed = options.dryRun ? await repos.users.claimedKeys(jobId, rows.flatMap(keysOf)) : new Set<string>();
      await groups.load(rows.flatMap((r) => r.groups ?? []));
      const now = deps.now();

      const plans: Plan[] = [];
      for (const row of rows) {
        const plan = planRow(row, holder, claimed, now);
        if ('code' in plan) errors.push(plan);
        else plans.push(plan);
      }
      const failedLines = new Set(errors.map((e) => e.line));
      const outcome = { created: 0, updated: 0, updatedIds: [] as string[] };
      let next = progress;
      await deps.data.transaction(async (tx) => {
        outcome.created = await createRows(tx, plans, errors, failedLines, now);
        for (const plan of plans) {
          if (plan.kind !== 'update') continue;
          const error = await updateRow(tx, plan, now);
          if (error) {
            errors.push(error);
            failedLines.add(plan.line);
          } else {
            outcome.updated++;
            if (plan.current) outcome.updatedIds.push(plan.current.id);
          }
        }
        if (options.dryRun) await tx.users.addClaims(jobId, plans.filter((p) => !failedLines.has(p.line)).flatMap((p) => keysOf(p.row)));
        errors.sort((a, b) => a.line - b.line);
        await tx.jobs.insertJobErrors(jobId, errors);
        next = {
          processed: progress.processed + batch.length,
          created: progress.created + outcome.created,
          updated: progress.updated + outcome.updated,
          failed: progress.failed + failedLines.size,
        };
        await tx.jobs.saveProgress(jobId, next, deps.now(), LEASE_MS);
      });
      Object.assign(progress, next);
      for (const id of outcome.updatedIds) deps.credentials.user(id);
      if (!options.dryRun && plans.some((p) => p.row.passwordHash && !p.row.passwordHash.startsWith(deps.passwords.prefix))) foreignHashes = true;
    }

    /** Plain passwords meet the policy and are hashed here; a weak one is its line's error. */
    async function hashPasswords(rows: ImportRow[], errors: LineError[]): Promise<ImportRow[]> {
      const checked = await Promise.all(
        rows.map(async (row) => {
          if (row.password === undefined) return row;
          try {
            await assertStrongPassword(row.password, row.profile);
          } catch (error) {
            if (!(error instanceof ProblemError)) throw error;
            errors.push(...lineErrorsOf(row.line, error, '/password'));
            return undefined;
          }
          return { ...row, password: undefined, passwordHash: options.dryRun ? deps.passwords.prefix : await deps.passwords.hash(row.password) };
        }),
      );
      return checked.filter((row): row is ImportRow => row !== undefined);
    }

    function planRow(row: ImportRow, holder: Map<string, User>, claimed: Set<string>, now: Date): Plan | LineError {
      const keys = keysOf(row);
      const matchKey = options.mode === 'upsert' ? (row.profile.externalId !== null ? keys.find((k) => k[0] === 'x')! : keys[0]) : undefined;
      const current = matchKey ? holder.get(matchKey) : undefined;
      for (const key of keys) {
        const other = holder.get(key);
        if (other && other !== current) return takenError(row.line, key, false);
        // In a dry run, what earlier lines would have created holds its keys; an upsert updates it.
        if (claimed.has(key) && !(key === matchKey && !current)) return takenError(row.line, key, true);
      }
      const groupError = groups.check(row);
      if (groupError) return groupError;
      try {
        if (current) {
          if (row.names.type && row.type !== current.type) {
            return { line: row.line, pointer: '/type', code: 'immutable', detail: 'cannot change after the user is created' };
          }
          if (current.type === 'service_account' && row.profile.email !== null) {
            return { line: row.line, pointer: '/email', code: 'not_allowed', detail: 'is not allowed for service accounts' };
          }
          checkManagerLimits(actor, current, row.names.role ? row.profile.role : current.role);
          return { line: row.line, kind: 'update', row, current };
        }
        if (matchKey && claimed.has(matchKey)) return { line: row.line, kind: 'update', row, current: undefined };
        checkManagerLimits(actor, undefined, row.profile.role);
      } catch (error) {
        if (error instanceof ProblemError) return lineErrorsOf(row.line, error, '/role')[0];
        throw error;
      }
      const hasCredential = row.passwordHash !== undefined || row.type === 'service_account';
      const status: UserStatus = row.status ?? (hasCredential ? 'active' : 'invited');
      return {
        line: row.line,
        kind: 'create',
        row,
        user: {
          id: deps.newId(),
          ...row.profile,
          type: row.type,
          status,
          passwordHash: row.passwordHash ?? null,
          emailVerified: row.emailVerified ?? false,
          createdAt: row.createdAt ?? now,
          now,
        },
      };
    }

    async function createRows(tx: Repos, plans: Plan[], errors: LineError[], failed: Set<number>, now: Date): Promise<number> {
      const creates = plans.filter((p): p is Extract<Plan, { kind: 'create' }> => p.kind === 'create');
      if (options.dryRun) return creates.length;
      const written = await tx.users.insertImportedUsers(creates.map((p) => p.user));
      const members: { userId: string; groupId: string }[] = [];
      for (const plan of creates) {
        if (!written.has(plan.user.id)) {
          // Someone else took a key between the batch's look-up and its insert.
          errors.push({ line: plan.line, pointer: '/username', code: 'user.conflict', detail: 'Another user took this username, email or externalId while the import ran.' });
          failed.add(plan.line);
          continue;
        }
        for (const name of plan.row.groups ?? []) members.push({ userId: plan.user.id, groupId: await groups.idOf(tx, name, now) });
      }
      await tx.users.insertMemberships(members);
      return written.size;
    }

    /** Replaces what the line names, like PUT: the role, status, groups and password stay unless named. */
    async function updateRow(tx: Repos, plan: Extract<Plan, { kind: 'update' }>, now: Date): Promise<LineError | undefined> {
      const { row } = plan;
      if (options.dryRun) {
        for (const name of row.groups ?? []) await groups.idOf(tx, name, now);
        return undefined;
      }
      const current = plan.current && (await tx.users.getUserById(plan.current.id, { forUpdate: true }));
      if (!current) return { line: row.line, pointer: '', code: 'user.not_found', detail: 'The matching user was deleted while the import ran.' };
      const role = row.names.role ? row.profile.role : current.role;
      const status = row.status ?? (current.status === 'invited' && row.passwordHash ? 'active' : current.status);
      if (removesActiveAdmin(current, { role, status })) {
        const admins = await tx.users.lockActiveAdmins();
        if (admins.filter((id) => id !== current.id).length === 0) return lineErrorsOf(row.line, lastAdminProblem(), '/role')[0];
      }
      const emailChanged = (row.profile.email && foldKey(row.profile.email)) !== (current.email && foldKey(current.email));
      await tx.users.updateUser(
        current.id,
        { ...row.profile, role, status, emailVerified: row.emailVerified ?? (emailChanged ? false : current.emailVerified) },
        now,
      );
      if (row.passwordHash) await tx.users.setPasswordHash(current.id, row.passwordHash, now);
      if (row.groups) {
        const ids: string[] = [];
        for (const name of row.groups) ids.push(await groups.idOf(tx, name, now));
        await tx.groups.replaceUserGroups(current.id, ids);
      }
      return undefined;
    }

    /** A batch that met a race (a unique key taken meanwhile) is looked at again from the start. */
    async function flush(batch: Parsed[]): Promise<void> {
      for (let attempt = 1; ; attempt++) {
        try {
          return await writeBatch(batch);
        } catch (error) {
          groups.forgetNew();
          if (!(error instanceof UniqueViolation) || attempt >= RETRIES) throw error;
        }
      }
    }

    let batch: Parsed[] = [];
    let batchKeys = new Set<string>();
    let status: 'done' | 'failed' = 'done';
    let failure: string | undefined;
    try {
      for await (const line of uploaded(lines)) {
        const parsed: Parsed =
          'tooLong' in line
            ? [{ line: line.number, pointer: '', code: 'line_too_long', detail: `is longer than ${MAX_LINE_BYTES} bytes` }]
            : parseImportLine(line.number, line.text, (hash) => deps.passwords.recognises(hash));
        const keys = Array.isArray(parsed) ? [] : keysOf(parsed);
        // A line that repeats a key of its batch starts the next one, so it sees the first one's write.
        if (batch.length >= BATCH || keys.some((key) => batchKeys.has(key))) {
          await flush(batch);
          batch = [];
          batchKeys = new Set();
        }
        batch.push(parsed);
        for (const key of keys) batchKeys.add(key);
      }
      if (batch.length > 0) await flush(batch);
    } catch (error) {
      status = 'failed';
      if (!(error instanceof UploadBroken)) {
        failure = `the import stopped after ${progress.processed} lines: ${error instanceof Error ? error.message : String(error)}`;
        throw error;
      }
      failure = `the upload broke off after ${progress.processed} lines`;
      throw new ProblemError({ status: 400, code: 'import.upload_broken', detail: `The upload broke off; the ${progress.processed} lines read before it were imported.` });
    } finally {
      progress.total = status === 'done' ? progress.processed : undefined;
      await repos.jobs.finishJob(jobId, { status, progress, error: failure, now: deps.now() });
      if (options.dryRun) await repos.users.dropClaims(jobId);
      if (foreignHashes) deps.foreignHashesImported?.();
    }
    return (await repos.jobs.getJob(jobId))!;
  }

  return { run };
}

export type UserImport = ReturnType<typeof createUserImport>;
