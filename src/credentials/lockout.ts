// Brute-force protection per account: after 5 consecutive failed password checks the account
// is locked for 30 s, doubling with each further lock up to 15 min. A success resets the count
// of failures; the doubling goes on until the password itself is reset or changed.
// The counting itself is one atomic UPDATE in user.repo.ts (recordLoginFailure).
export const MAX_FAILURES = 5;
export const BASE_LOCK_SECONDS = 30;
export const MAX_LOCK_SECONDS = 15 * 60;

/** Seconds until the lock ends, or undefined when the account is not locked. */
export function lockRetryAfter(lockedUntil: Date | null, now: Date): number | undefined {
  if (!lockedUntil) return undefined;
  const ms = lockedUntil.getTime() - now.getTime();
  return ms > 0 ? Math.ceil(ms / 1000) : undefined;
}
