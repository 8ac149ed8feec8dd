// The job queue: enqueue inside the caller's transaction (so a job exists exactly when the
// change that caused it committed), and a worker loop in every process that runs due jobs,
// retrying failures with exponential backoff (2 s, 4 s, 8 s … capped at 5 min).
import type { FastifyBaseLogger } from 'fastify';
import type { Repos, UnitOfWork } from '../repos.ts';
import type { Job, JobError } from './job.repo.ts';
import { roleMay, type Role } from '../auth/roles.ts';
import { problems } from '../http/problem.ts';
import { canonicalId } from '../ids.ts';

export type JobHandler = (payload: Record<string, unknown>, job: Job) => Promise<void>;
export interface JobOptions {
  /** The wait before attempt n + 1 after n failed ones (default backoffMs). */
  backoffMs?: (attempts: number) => number;
}

export interface QueueDeps {
  data: UnitOfWork;
  now: () => Date;
  newId: () => string;
  log: FastifyBaseLogger;
  pollMs?: number;
}

const LEASE_MS = 5 * 60_000;
const MAX_BACKOFF_MS = 5 * 60_000;
const DEFAULT_ATTEMPTS = 10;
const KEEP_DONE_MS = 7 * 86_400_000;
const PURGE_EVERY_MS = 60 * 60_000;

export function backoffMs(attempts: number): number {
  return Math.min(2_000 * 2 ** (attempts - 1), MAX_BACKOFF_MS);
}

export function createQueue(deps: QueueDeps) {
  const repo = deps.data.repos.jobs;
  const handlers = new Map<string, JobHandler>();
  const options = new Map<string, JobOptions>();
  const housekeeping: ((now: Date) => Promise<void>)[] = [];
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> | undefined;
  let stopped = true;

  async function runJob(job: Job): Promise<void> {
    const handler = handlers.get(job.kind);
    try {
      if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
      await handler(job.payload, job);
      await repo.markDone(job.id, deps.now());
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const wait = (options.get(job.kind)?.backoffMs ?? backoffMs)(job.attempts);
      const retryAt = job.attempts < job.maxAttempts ? new Date(deps.now().getTime() + wait) : undefined;
      deps.log.warn({ jobId: job.id, kind: job.kind, attempts: job.attempts, retry: Boolean(retryAt), error: message }, 'job failed');
      await repo.markFailed(job.id, message, retryAt, deps.now());
    }
  }

  /** Runs every job due now; resolves with how many ran. Concurrent calls share one pass. */
  let purgedAt = 0;

  function runDue(): Promise<number> {
    running ??= (async () => {
      const now = deps.now().getTime();
      if (now - purgedAt > PURGE_EVERY_MS) {
        purgedAt = now;
        await repo.purgeDone(new Date(now - KEEP_DONE_MS));
        for (const task of housekeeping) await task(new Date(now));
      }
      let total = 0;
      for (;;) {
        const jobs = await repo.claimDue(deps.now(), LEASE_MS, 10);
        // Side by side: a receiver that takes its full timeout to fail must not hold up the mail
        // and the other deliveries claimed with it.
        await Promise.all(jobs.map(runJob));
        total += jobs.length;
        if (jobs.length < 10) return total;
      }
    })().finally(() => (running = undefined));
    return running;
  }

  function schedule(delay: number) {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      runDue()
        .catch((error: unknown) => deps.log.error({ err: error }, 'job worker pass failed'))
        .finally(() => schedule(deps.pollMs ?? 1_000));
    }, delay);
    timer.unref();
  }

  return {
    register(kind: string, handler: JobHandler, jobOptions: JobOptions = {}) {
      handlers.set(kind, handler);
      options.set(kind, jobOptions);
    },
    /** Work the worker does about once an hour, such as purging expired counters. */
    onHousekeeping(task: (now: Date) => Promise<void>) {
      housekeeping.push(task);
    },
    /** Adds a job through `repos`, which may be the caller's transaction's (it then commits with it). */
    async enqueue(repos: Repos, kind: string, payload: Record<string, unknown>, maxAttempts = DEFAULT_ATTEMPTS) {
      await repos.jobs.insertJob({ id: deps.newId(), kind, payload, maxAttempts, now: deps.now() });
    },
    /** Asks the worker to look now (after a commit that queued something). */
    wake() {
      schedule(0);
    },
    runDue,
    /** A page of jobs, newest id last, for watching the queue (payloads stay inside). */
    async list(query: { status?: string; after?: string; limit: number }): Promise<{ jobs: Job[]; more: boolean }> {
      const jobs = await repo.listJobs({ status: query.status, afterId: query.after, limit: query.limit + 1 });
      return { jobs: jobs.slice(0, query.limit), more: jobs.length > query.limit };
    },
    /** A job, for whoever started it or may read the system's jobs; to anyone else it does not exist. */
    async get(viewer: { userId: string; role: Role }, rawId: string): Promise<Job> {
      const id = canonicalId(rawId);
      const job = id ? await repo.getJob(id) : undefined;
      if (!job || (job.createdBy !== viewer.userId && !roleMay(viewer.role, 'system.read'))) {
        throw problems.notFound('job.not_found', 'No job you may see has this id.');
      }
      return job;
    },
    /** A job's line errors by line (a line's own in the order written), read a page at a time. */
    async *errors(job: Job): AsyncGenerator<JobError> {
      let after = { line: 0, seq: '0' };
      for (;;) {
        const page = await repo.listJobErrors(job.id, after, 1_000);
        for (const { line, pointer, code, detail } of page) yield { line, pointer, code, detail };
        if (page.length < 1_000) return;
        const last = page[page.length - 1];
        after = { line: last.line, seq: last.seq };
      }
    },
    start() {
      stopped = false;
      schedule(0);
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}

export type Queue = ReturnType<typeof createQueue>;
