// SQL for the durable job queue. Jobs are claimed with FOR UPDATE SKIP LOCKED, so any number of
// Roster processes on one PostgreSQL never run one job twice at once.
import { sql, type Kysely, type Selectable } from 'kysely';
import type { Database, JobProgress, JobsTable } from '../store/schema.ts';

export type { JobProgress };

type Db = Kysely<Database>;

export interface Job {
  id: string;
  kind: string;
  payload: Record<string, unknown>;
  status: 'queued' | 'running' | 'done' | 'failed';
  attempts: number;
  maxAttempts: number;
  runAt: Date;
  lastError: string | null;
  createdAt: Date;
  updatedAt: Date;
  /** Who started it, for jobs people start (import, export, backup). */
  createdBy: string | null;
  progress: JobProgress | null;
  finishedAt: Date | null;
}

function toJob(row: Selectable<JobsTable>): Job {
  return {
    id: row.id,
    kind: row.kind,
    payload: row.payload,
    status: row.status as Job['status'],
    attempts: row.attempts,
    maxAttempts: row.max_attempts,
    runAt: row.run_at,
    lastError: row.last_error,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    createdBy: row.created_by,
    progress: row.progress,
    finishedAt: row.finished_at,
  };
}

/** The columns every new job sets, whether it is queued to run or recorded as run. */
function newJobRow(job: { id: string; kind: string; payload: Record<string, unknown>; status: Job['status']; maxAttempts: number; at: Date }) {
  return {
    id: job.id,
    kind: job.kind,
    payload: JSON.stringify(job.payload),
    status: job.status,
    max_attempts: job.maxAttempts,
    run_at: job.at,
    created_at: job.at,
    updated_at: job.at,
  };
}

export async function insertJob(
  db: Db,
  job: { id: string; kind: string; payload: Record<string, unknown>; maxAttempts: number; now: Date },
): Promise<void> {
  await db
    .insertInto('jobs')
    .values(newJobRow({ ...job, status: 'queued', at: job.now }))
    .execute();
}

/** Claims up to `limit` due jobs (and running ones whose lease expired) for `leaseMs`. */
export async function claimDue(db: Db, now: Date, leaseMs: number, limit: number): Promise<Job[]> {
  const rows = await db
    .updateTable('jobs')
    .set({
      status: 'running',
      attempts: sql`attempts + 1`,
      locked_until: new Date(now.getTime() + leaseMs),
      updated_at: now,
    })
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('jobs')
        .select('id')
        .where((w) =>
          w.or([
            w.and([w('status', '=', 'queued'), w('run_at', '<=', now)]),
            w.and([w('status', '=', 'running'), w('locked_until', '<', now)]),
          ]),
        )
        .orderBy('run_at')
        .limit(limit)
        .forUpdate()
        .skipLocked(),
    )
    .returningAll()
    .execute();
  return rows.map(toJob);
}

export async function markDone(db: Db, id: string, now: Date): Promise<void> {
  // A done job's payload has served its purpose (it may hold a sealed password): drop it.
  await db
    .updateTable('jobs')
    .set({ status: 'done', payload: '{}', locked_until: null, last_error: null, updated_at: now, finished_at: now })
    .where('id', '=', id)
    .execute();
}

export async function markFailed(db: Db, id: string, error: string, retryAt: Date | undefined, now: Date): Promise<void> {
  await db
    .updateTable('jobs')
    .set({
      status: retryAt ? 'queued' : 'failed',
      run_at: retryAt ?? sql`run_at`,
      locked_until: null,
      last_error: error.slice(0, 2000),
      updated_at: now,
      finished_at: retryAt ? null : now,
    })
    .where('id', '=', id)
    .execute();
}

export async function listJobs(db: Db, query: { status?: string; afterId?: string; limit: number }): Promise<Job[]> {
  let select = db.selectFrom('jobs').selectAll();
  if (query.status) select = select.where('status', '=', query.status);
  if (query.afterId) select = select.where('id', '>', query.afterId);
  return (await select.orderBy('id').limit(query.limit).execute()).map(toJob);
}

export async function countByStatus(db: Db): Promise<Record<string, number>> {
  const rows = await db.selectFrom('jobs').select(['status', sql<number>`count(*)::int`.as('n')]).groupBy('status').execute();
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}

/** Forgets finished jobs older than `before` (failed ones stay for an admin to see). */
export async function purgeDone(db: Db, before: Date): Promise<void> {
  await db.deleteFrom('jobs').where('status', '=', 'done').where('updated_at', '<', before).execute();
}

/** A job that ran within a request (an export): recorded once it has finished. */
export async function recordFinishedJob(
  db: Db,
  job: { id: string; kind: string; createdBy: string | null; status: 'done' | 'failed'; progress: JobProgress; error?: string; startedAt: Date; now: Date },
): Promise<void> {
  await db
    .insertInto('jobs')
    .values({
      ...newJobRow({ id: job.id, kind: job.kind, payload: {}, status: job.status, maxAttempts: 1, at: job.startedAt }),
      attempts: 1,
      last_error: job.error ?? null,
      updated_at: job.now,
      created_by: job.createdBy,
      progress: JSON.stringify(job.progress),
      finished_at: job.now,
    })
    .execute();
}

export async function getJob(db: Db, id: string): Promise<Job | undefined> {
  const row = await db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toJob(row);
}

export interface JobError {
  line: number;
  pointer: string;
  code: string;
  detail: string;
}

/** A job's line errors by line, `limit` at a time after the cursor (a line, and seq within it). */
export async function listJobErrors(db: Db, jobId: string, after: { line: number; seq: string }, limit: number): Promise<(JobError & { seq: string })[]> {
  return db
    .selectFrom('job_errors')
    .select(['seq', 'line', 'pointer', 'code', 'detail'])
    .where('job_id', '=', jobId)
    .where((eb) => eb.or([eb('line', '>', after.line), eb.and([eb('line', '=', after.line), eb('seq', '>', after.seq)])]))
    .orderBy('line')
    .orderBy('seq')
    .limit(limit)
    .execute();
}

/** Records line errors of a job (an import's bad lines). */
export async function insertJobErrors(db: Db, jobId: string, errors: JobError[]): Promise<void> {
  if (errors.length === 0) return;
  await db.insertInto('job_errors').values(errors.map((e) => ({ job_id: jobId, ...e }))).execute();
}

/**
 * A job that runs within a request (an import), recorded as running under a lease the request
 * renews as it goes: should the process die, the lease runs out and the worker marks it failed.
 */
export async function insertRunningJob(
  db: Db,
  job: { id: string; kind: string; payload: Record<string, unknown>; createdBy: string; progress: JobProgress; now: Date; leaseMs: number },
): Promise<void> {
  await db
    .insertInto('jobs')
    .values({
      ...newJobRow({ id: job.id, kind: job.kind, payload: job.payload, status: 'running', maxAttempts: 1, at: job.now }),
      attempts: 1,
      locked_until: new Date(job.now.getTime() + job.leaseMs),
      created_by: job.createdBy,
      progress: JSON.stringify(job.progress),
    })
    .execute();
}

/**
 * Adds a batch's counts to a running job's progress and renews its lease. An increment in SQL,
 * so batches written at once by two transactions both count.
 */
export async function addProgress(db: Db, id: string, add: Omit<JobProgress, 'total'>, now: Date, leaseMs: number): Promise<void> {
  const plus = (field: keyof typeof add) => sql`coalesce((progress->>${field})::int, 0) + ${add[field]}::int`;
  await db
    .updateTable('jobs')
    .set({
      progress: sql`jsonb_build_object('processed', ${plus('processed')}, 'created', ${plus('created')}, 'updated', ${plus('updated')}, 'failed', ${plus('failed')})`,
      locked_until: new Date(now.getTime() + leaseMs),
      updated_at: now,
    })
    .where('id', '=', id)
    .execute();
}

/** Ends a job that ran within a request. */
export async function finishJob(db: Db, id: string, outcome: { status: 'done' | 'failed'; progress: JobProgress; error?: string; now: Date }): Promise<void> {
  await db
    .updateTable('jobs')
    .set({
      status: outcome.status,
      payload: '{}',
      progress: JSON.stringify(outcome.progress),
      last_error: outcome.error?.slice(0, 2000) ?? null,
      locked_until: null,
      updated_at: outcome.now,
      finished_at: outcome.now,
    })
    .where('id', '=', id)
    .execute();
}
