// Brute-force protection per username: after 5 consecutive failed password checks every attempt
// on that name (even a right one) is refused for 30 s, doubling with each further lock up to
// 15 min; a success ends the count, a new password ends the doubling. Names that no user holds
// are counted the same way, so neither a lock nor its absence says whether a user exists.
// This module owns the policy; lockout.repo.ts only stores the counters.
import type { UnitOfWork } from '../repos.ts';
import type { Audit } from '../audit/audit.service.ts';
import type { AuditOrigin } from '../audit/audit-context.ts';
import { foldKey } from '../users/user.model.ts';

export const MAX_FAILURES = 5;
export const BASE_LOCK_SECONDS = 30;
export const MAX_LOCK_SECONDS = 15 * 60;
/** Idle counters (no attempt for a day, no lock running) are purged by the worker. */
const KEEP_IDLE_MS = 24 * 60 * 60_000;

/** Lock durations by lock level: 30 s, 60 s, 120 s … up to the maximum, which repeats. */
const LOCK_SECONDS: number[] = [];
for (let s = BASE_LOCK_SECONDS; s < MAX_LOCK_SECONDS; s *= 2) LOCK_SECONDS.push(s);
LOCK_SECONDS.push(MAX_LOCK_SECONDS);

/** Seconds until the lock ends, or undefined when it is not locked. */
export function lockRetryAfter(lockedUntil: Date | null | undefined, now: Date): number | undefined {
  if (!lockedUntil) return undefined;
  const ms = lockedUntil.getTime() - now.getTime();
  return ms > 0 ? Math.ceil(ms / 1000) : undefined;
}

export function createLockout(deps: { data: UnitOfWork; now: () => Date; audit?: Audit }) {
  const repo = deps.data.repos.lockout;
  return {
    /** Counts an attempt before its check runs; seconds to wait when the name is locked. */
    async reserve(username: string): Promise<number | undefined> {
      const key = foldKey(username);
      if (await repo.reserveAttempt(key, deps.now(), MAX_FAILURES)) return undefined;
      // Locked, or as many checks in flight as failures are allowed: wait for them to finish.
      const state = await repo.getLockState(key);
      return lockRetryAfter(state?.lockedUntil, deps.now()) ?? 1;
    },
    /** Counts a failure; a name it locks is recorded as user.locked (about `userId` when a user holds it). */
    async fail(username: string, userId?: string, origin?: AuditOrigin): Promise<void> {
      await deps.data.transaction(async (tx) => {
        if (!(await tx.lockout.lockAtLimit(foldKey(username), deps.now(), MAX_FAILURES, LOCK_SECONDS))) return;
        await deps.audit?.record(tx, { action: 'user.locked', target: userId === undefined ? undefined : { type: 'user', id: userId }, origin });
      });
    },
    succeed: (username: string) => repo.resetFailures(foldKey(username), deps.now()),
    /** Neither a failure nor a success (a second factor is still to come). */
    release: (username: string) => repo.releaseAttempt(foldKey(username)),
    /** A new password was set: the name starts with a clean slate. */
    clear: (username: string) => repo.clearKey(foldKey(username)),
    purge: (now: Date) => repo.purgeIdle(new Date(now.getTime() - KEEP_IDLE_MS)),
  };
}

export type Lockout = ReturnType<typeof createLockout>;
