// The unit of work: every repository, bound to one database handle. Services receive this and
// never see Kysely: `data.repos` runs each call on its own, `data.transaction(async (repos) => …)`
// runs everything written through `repos` in one transaction (events raised inside it included).
import type { Store } from './store/db.ts';
import * as groups from './groups/group.repo.ts';
import * as idempotency from './idempotency/idempotency.repo.ts';
import * as jobs from './jobs/job.repo.ts';
import * as userTokens from './lifecycle/user-token.repo.ts';
import * as lockout from './credentials/lockout.repo.ts';
import * as mfa from './mfa/mfa.repo.ts';
import * as rateLimits from './ratelimit/rate-limit.repo.ts';
import * as keys from './sessions/key.repo.ts';
import * as sessions from './sessions/session.repo.ts';
import * as system from './system/system.repo.ts';
import * as tokens from './tokens/token.repo.ts';
import * as users from './users/user.repo.ts';
import * as userQueries from './users/user-query.repo.ts';
import * as userImports from './users/user-import.repo.ts';
import * as backup from './backup/backup.repo.ts';
import * as audit from './audit/audit.repo.ts';
import * as webhooks from './webhooks/webhook.repo.ts';

type Db = Store['db'];

/** A repository module's verbs with their first argument, the database handle, bound. */
type Bound<M> = {
  [K in keyof M as M[K] extends (db: Db, ...args: never[]) => unknown ? K : never]: M[K] extends (db: Db, ...args: infer A) => infer R
    ? (...args: A) => R
    : never;
};

function bind<M extends object>(module: M, db: Db): Bound<M> {
  const bound: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(module)) {
    if (typeof value === 'function') bound[name] = (...args: unknown[]) => value(db, ...args);
  }
  return bound as Bound<M>;
}

function createRepos(db: Db) {
  return {
    users: { ...bind(users, db), ...bind(userQueries, db), ...bind(userImports, db) },
    groups: bind(groups, db),
    lockout: bind(lockout, db),
    tokens: bind(tokens, db),
    sessions: bind(sessions, db),
    keys: bind(keys, db),
    mfa: bind(mfa, db),
    userTokens: bind(userTokens, db),
    jobs: bind(jobs, db),
    idempotency: bind(idempotency, db),
    rateLimits: bind(rateLimits, db),
    system: bind(system, db),
    backup: bind(backup, db),
    audit: bind(audit, db),
    webhooks: bind(webhooks, db),
  };
}

export type Repos = ReturnType<typeof createRepos>;

export interface UnitOfWork {
  /** Repositories outside a transaction: each call stands on its own. */
  readonly repos: Repos;
  /** Runs `work` in one transaction: what it writes through `repos` commits or rolls back together. */
  transaction<T>(work: (repos: Repos) => Promise<T>): Promise<T>;
}

export function createUnitOfWork(store: Pick<Store, 'db'>): UnitOfWork {
  const { db } = store;
  return {
    repos: createRepos(db),
    transaction: (work) => db.transaction().execute((trx) => work(createRepos(trx))),
  };
}
