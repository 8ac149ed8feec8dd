// Bulk import (API.md, "Import, export, backup"): NDJSON lines read as they arrive, checked, and
// written a batch at a time, each batch in one transaction with its line errors and its share of
// the job's progress. A bad line is reported and skipped; the rest goes on. Memory holds a couple
// of batches whatever the file's size.
import type { UnitOfWork, Repos } from '../repos.ts';
import type { PasswordHasher } from '../credentials/password.ts';
import type { CredentialsChanged } from '../auth/credentials-changed.ts';
import type { Job, JobProgress } from '../jobs/job.repo.ts';
import type { Line } from '../text/lines.ts';
import { assertStrongPassword } from '../credentials/password-policy.ts';
import { ProblemError } from '../http/problem.ts';
import { UniqueViolation } from '../store/errors.ts';
import { lastAdminProblem, removesActiveAdmin, type Actor } from './user.rules.ts';
import { foldKey, type User } from './user.model.ts';
import { lineErrorsOf, parseImportLine, uniqueKeys, type ImportRow, type LineError } from './import-line.ts';
import { importGroups } from './import-groups.ts';
import { planRow, takenError, type Plan } from './import-plan.ts';
import type { Audit } from '../audit/audit.service.ts';

export interface ImportDeps {
  data: UnitOfWork;
  passwords: PasswordHasher;
  now: () => Date;
  newId: () => string;
  credentials: CredentialsChanged;
  /** Told after hashes of another family or cost arrived: the login timing floor measures again. */
  foreignHashesImported?: () => void;
  /** The audit log: import.started and import.finished, with the job's row (dry runs too). */
  audit?: Audit;
}

export interface ImportOptions {
  mode: 'create' | 'upsert';
  dryRun: boolean;
}

const BATCH = 1_000;
/** Lines parsed between turns of the event loop (~1 ms of work). */
const YIELD_EVERY = 50;
/** A longer line is that line's error, skipped without being held. */
export const MAX_LINE_BYTES = 256 * 1024;
const LEASE_MS = 5 * 60_000;
const RETRIES = 3;

type Parsed = ImportRow | LineError[];
type Counts = Omit<JobProgress, 'total'>;

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

export function createUserImport(deps: ImportDeps) {
  const { repos } = deps.data;

  /** `lines` come a chunk of the upload at a time (readLineChunks). */
  async function run(actor: Actor, lines: AsyncIterable<Line[]>, options: ImportOptions): Promise<Job> {
    const jobId = deps.newId();
    const progress: JobProgress = { processed: 0, created: 0, updated: 0, failed: 0 };
    const target = { type: 'job', id: jobId };
    await deps.data.transaction(async (tx) => {
      await tx.jobs.insertRunningJob({
        id: jobId,
        kind: options.dryRun ? 'users.import_dry_run' : 'users.import',
        payload: { mode: options.mode, dryRun: options.dryRun },
        createdBy: actor.userId,
        progress,
        now: deps.now(),
        leaseMs: LEASE_MS,
      });
      await deps.audit?.record(tx, { action: 'import.started', target, origin: actor.origin });
    });
    const groups = importGroups(deps.data, actor, { dryRun: options.dryRun, newId: deps.newId, audit: deps.audit });
    // A plain create writes a batch while the next is written too (the database has a core of
    // its own to spare); upserts and dry runs look at what the batch before wrote, so go one by one.
    const concurrent = options.mode === 'create' && !options.dryRun;
    let foreignHashes = false;
    // Planner statistics are refreshed each time the import has made the table four times what it
    // was at the last refresh: often enough that no look-up is planned for a table a tenth of its
    // size, and rarely enough that at a million users ANALYZE is not a tenth of the database's work.
    let analyzedSize = Math.max(BATCH, await repos.users.plannedUserCount());
    let createdSinceAnalyze = 0;

    /** Checks that need the directory, then writes the batch, its errors and progress together. */
    async function writeBatch(batch: Parsed[]): Promise<void> {
      const errors: LineError[] = batch.filter((p): p is LineError[] => Array.isArray(p)).flat();
      const rows = await hashPasswords(batch.filter((p): p is ImportRow => !Array.isArray(p) && hashAllowed(p, errors)), errors);
      // A plain create finds who holds a key only for the rows the insert skipped.
      const holder = concurrent ? new Map<string, User>() : await holdersOf(repos, rows);
      const claimed = options.dryRun ? await repos.users.claimedKeys(jobId, rows.flatMap((r) => r.keys)) : new Set<string>();
      const now = deps.now();
      await groups.ensure(rows.flatMap((r) => r.groups ?? []), now);
      const plans: Plan[] = [];
      const context = { actor, mode: options.mode, holder, claimed, groupError: groups.check, newId: deps.newId, now };
      for (const row of rows) {
        const plan = planRow(row, context);
        if ('code' in plan) errors.push(plan);
        else plans.push(plan);
      }
      const counts: Counts = { processed: batch.length, created: 0, updated: 0, failed: 0 };
      const updated: string[] = [];
      await deps.data.transaction(async (tx) => {
        await tx.users.commitWithoutWaitingForDisk();
        counts.created = await createRows(tx, plans, errors);
        for (const plan of plans) {
          if (plan.kind !== 'update') continue;
          const error = await updateRow(tx, plan, now);
          if (error) errors.push(error);
          else {
            counts.updated++;
            if (plan.current) updated.push(plan.current.id);
          }
        }
        const failed = new Set(errors.map((e) => e.line));
        counts.failed = failed.size;
        if (options.dryRun) await tx.users.addClaims(jobId, plans.filter((p) => !failed.has(p.line)).flatMap((p) => p.row.keys));
        await tx.jobs.insertJobErrors(jobId, errors.sort((a, b) => a.line - b.line));
        await tx.jobs.addProgress(jobId, counts, deps.now(), LEASE_MS);
      });
      for (const field of ['processed', 'created', 'updated', 'failed'] as const) progress[field] += counts[field];
      for (const id of updated) deps.credentials.user(id);
      if (!options.dryRun && plans.some((p) => p.row.passwordHash && !p.row.passwordHash.startsWith(deps.passwords.prefix))) foreignHashes = true;
      createdSinceAnalyze += counts.created;
      if (createdSinceAnalyze >= 3 * analyzedSize) {
        analyzedSize += createdSinceAnalyze;
        createdSinceAnalyze = 0;
        await repos.users.analyzeUsers();
      }
    }

    /** Hashes are for admins to bring in, as they are for admins to take out (export). */
    function hashAllowed(row: ImportRow, errors: LineError[]): boolean {
      if (row.passwordHash === undefined || actor.role === 'admin') return true;
      errors.push({ line: row.line, pointer: '/passwordHash', code: 'import.hashes_forbidden', detail: 'Only an admin may import password hashes.' });
      return false;
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

    /** Inserts the batch's new users; a line whose key someone holds gets that as its error. */
    async function createRows(tx: Repos, plans: Plan[], errors: LineError[]): Promise<number> {
      const creates = plans.filter((p): p is Extract<Plan, { kind: 'create' }> => p.kind === 'create');
      if (options.dryRun) return creates.length;
      const written = await tx.users.insertImportedUsers(creates.map((p) => p.user));
      const skipped = creates.filter((p) => !written.has(p.user.id));
      if (skipped.length > 0) {
        const holder = await holdersOf(tx, skipped.map((p) => p.row));
        for (const { row } of skipped) {
          const key = row.keys.find((k) => holder.has(k));
          errors.push(
            key
              ? takenError(row.line, key, false)
              : { line: row.line, pointer: '/username', code: 'user.conflict', detail: 'Another user took this username, email or externalId while the import ran.' },
          );
        }
      }
      const members: { userId: string; groupId: string }[] = [];
      for (const plan of creates) {
        if (!written.has(plan.user.id)) continue;
        // Two names of a line can fold to one group ("Ops" and "ops").
        const groupIds = new Set((plan.row.groups ?? []).map(groups.idOf));
        for (const groupId of groupIds) members.push({ userId: plan.user.id, groupId });
      }
      await tx.users.insertNewMemberships(members);
      return written.size;
    }

    /** Replaces what the line names, like PUT: the role, status, groups and password stay unless named. */
    async function updateRow(tx: Repos, plan: Extract<Plan, { kind: 'update' }>, now: Date): Promise<LineError | undefined> {
      const { row } = plan;
      if (options.dryRun) return undefined;
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
        await tx.groups.replaceUserGroups(current.id, row.groups.map(groups.idOf));
      }
      return undefined;
    }

    /** A batch that met a race (a user updated into a taken email meanwhile) is looked at again. */
    async function flush(batch: Parsed[]): Promise<void> {
      for (let attempt = 1; ; attempt++) {
        try {
          return await writeBatch(batch);
        } catch (error) {
          if (!(error instanceof UniqueViolation) || attempt >= RETRIES) throw error;
        }
      }
    }

    // The batch being read, and those being written. A line repeating a key that one of them
    // holds waits for the writes, so the earlier line always wins. `holders` answers which batch
    // holds a key with one look-up a key; a batch's keys leave it once the batch is written.
    let batch: Parsed[] = [];
    const holders = new Map<string, Parsed[]>();
    let writing: Promise<void>[] = [];
    let status: 'done' | 'failed' = 'done';
    let failure: string | undefined;
    const depth = concurrent ? 3 : 1;
    const settle = async () => {
      const results = await Promise.allSettled(writing);
      writing = [];
      const failed = results.find((result) => result.status === 'rejected');
      if (failed) throw failed.reason;
    };
    const release = (written: Parsed[]) => {
      for (const parsed of written) {
        if (Array.isArray(parsed)) continue;
        for (const key of parsed.keys) if (holders.get(key) === written) holders.delete(key);
      }
    };
    // A batch that failed keeps its keys, so no later line holding one of them is written; and
    // once a write has failed, no further batch starts.
    let writeFailure: { error: unknown } | undefined;
    const startWriting = async () => {
      if (writeFailure) throw writeFailure.error;
      while (writing.length >= depth) await writing.shift();
      const written = batch;
      const done = flush(written).then(() => release(written));
      done.catch((error: unknown) => {
        writeFailure ??= { error };
      });
      writing.push(done);
      batch = [];
    };
    try {
      for await (const chunk of uploaded(lines)) {
        for (const line of chunk) {
          const parsed: Parsed =
            'tooLong' in line
              ? [{ line: line.number, pointer: '', code: 'line_too_long', detail: `is longer than ${MAX_LINE_BYTES} bytes` }]
              : parseImportLine(line.number, line.text, (hash) => deps.passwords.recognises(hash));
          const keys = Array.isArray(parsed) ? [] : parsed.keys;
          if (!Array.isArray(parsed) && parsed.groups) groups.note(parsed.groups);
          let held: 'here' | 'written' | undefined;
          for (const key of keys) {
            const holder = holders.get(key);
            if (holder) held = holder === batch ? 'here' : (held ?? 'written');
          }
          if (batch.length >= BATCH || held === 'here') await startWriting();
          if (held) await settle();
          batch.push(parsed);
          for (const key of keys) holders.set(key, batch);
          // A chunk of the upload is hundreds of lines, checked one after another: without a turn of
          // the event loop now and then, the writes' answers from the database wait for the whole
          // chunk, and the database sits idle between a batch's statements.
          if (line.number % YIELD_EVERY === 0) await new Promise(setImmediate);
        }
      }
      await settle();
      if (batch.length > 0) await flush(batch);
    } catch (error) {
      status = 'failed';
      // The job is finished only once nothing writes to it any more.
      await Promise.allSettled(writing);
      if (!(error instanceof UploadBroken)) {
        failure = `the import stopped after ${progress.processed} lines: ${error instanceof Error ? error.message : String(error)}`;
        throw error;
      }
      failure = `the upload broke off after ${progress.processed} lines`;
      throw new ProblemError({ status: 400, code: 'import.upload_broken', detail: `The upload broke off; the ${progress.processed} lines read before it were imported.` });
    } finally {
      progress.total = status === 'done' ? progress.processed : undefined;
      await deps.data.transaction(async (tx) => {
        await tx.jobs.finishJob(jobId, { status, progress, error: failure, now: deps.now() });
        await deps.audit?.record(tx, { action: 'import.finished', target, outcome: status === 'done' ? 'success' : 'failure', origin: actor.origin });
      });
      if (options.dryRun) await repos.users.dropClaims(jobId);
      if (createdSinceAnalyze > 0) await repos.users.analyzeUsers();
      if (foreignHashes) deps.foreignHashesImported?.();
    }
    return (await repos.jobs.getJob(jobId))!;
  }

  return { run };
}

/** The users holding any key of these rows, by key. */
async function holdersOf(repos: Repos, rows: ImportRow[]): Promise<Map<string, User>> {
  const holder = new Map<string, User>();
  if (rows.length === 0) return holder;
  // The rows' keys are folded already (import-line.ts): `u:`, `e:` and `x:` prefixed.
  const of = (kind: string) => rows.flatMap((r) => r.keys.filter((key) => key[0] === kind).map((key) => key.slice(2)));
  const matches = await repos.users.findImportMatches({ usernameKeys: of('u'), emailKeys: of('e'), externalIds: of('x') });
  for (const user of matches) for (const key of uniqueKeys(user)) holder.set(key, user);
  return holder;
}

export type UserImport = ReturnType<typeof createUserImport>;
