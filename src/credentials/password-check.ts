// One password check with lockout, shared by Basic, login and password changes. Every path does
// the same work — count the attempt against the username, run argon2 (on a dummy hash when no
// usable account holds the name), record the outcome — so neither timing nor lockout tells
// which usernames exist.
import type { AuditOrigin } from '../audit/audit-context.ts';
import type { AuthUser, LoginSubject } from '../auth/scheme.ts';
import type { PasswordHasher } from './password.ts';
import { lockRetryAfter, type Lockout } from './lockout.ts';

export interface PasswordCheckDeps {
  passwords: PasswordHasher;
  lockout: Lockout;
  now: () => Date;
  /**
   * Replaces a right password's stored hash when it is not argon2id with today's parameters (an
   * imported bcrypt, scrypt or PBKDF2 hash, or older argon2 costs). Failing it fails nothing.
   */
  rehash?(user: AuthUser, password: string): Promise<void>;
  /** Pads every check that ran a hash to the same time, whatever the family (check-floor.ts). */
  floor?: { pad(startedAt: number): Promise<void> };
}

export type { LoginSubject };

export type PasswordCheck =
  | { ok: true; user: AuthUser }
  | { ok: false; locked: false }
  | { ok: false; locked: true; retryAfter: number };

export function usableForPassword(user: AuthUser | undefined): user is AuthUser {
  return !!user && user.status === 'active' && user.passwordHash !== null && user.type !== 'service_account';
}

/**
 * Checks `password` against what `username` names; `knownGood` skips the hash when the caller
 * already verified this exact credential (the Basic cache). A locked name answers locked even to
 * the right password. `recordSuccess: false` leaves the success to the caller (a second factor
 * is still to come).
 */
export async function checkPassword(
  deps: PasswordCheckDeps,
  username: string,
  subject: LoginSubject,
  password: string,
  options: { knownGood?: boolean; recordSuccess?: boolean; origin?: AuditOrigin } = {},
): Promise<PasswordCheck> {
  const lockedFor = lockRetryAfter(subject.lockedUntil, deps.now());
  if (lockedFor !== undefined) return { ok: false, locked: true, retryAfter: lockedFor };
  const { user } = subject;
  const knownGood = options.knownGood === true && usableForPassword(user);
  if (!knownGood) {
    const wait = await deps.lockout.reserve(username);
    if (wait !== undefined) return { ok: false, locked: true, retryAfter: wait };
  }
  let good = knownGood;
  if (!knownGood) {
    const started = performance.now();
    if (usableForPassword(user)) good = await deps.passwords.verify(user.passwordHash!, password);
    else await deps.passwords.burn(password);
    await deps.floor?.pad(started);
  }
  if (!good || !user) {
    await deps.lockout.fail(username, user?.id, options.origin);
    return { ok: false, locked: false };
  }
  if (options.recordSuccess !== false && (!knownGood || subject.failures > 0)) await deps.lockout.succeed(username);
  if (!knownGood && deps.rehash && deps.passwords.needsRehash(user.passwordHash!)) await deps.rehash(user, password).catch(() => {});
  return { ok: true, user };
}
