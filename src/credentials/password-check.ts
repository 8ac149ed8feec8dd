// One password check with lockout, shared by Basic and session login. Unknown and unusable
// accounts cost the same argon2 work as real ones, so timing does not reveal which exist.
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.ts';
import type { AuthUser } from '../auth/scheme.ts';
import type { PasswordHasher } from './password.ts';
import { lockRetryAfter } from './lockout.ts';
import { getLockedUntil, recordLoginFailure, recordLoginSuccess, reserveLoginAttempt } from '../users/user.repo.ts';

export interface PasswordCheckDeps {
  db: Kysely<Database>;
  passwords: PasswordHasher;
  now: () => Date;
}

export type PasswordCheck =
  | { ok: true; user: AuthUser }
  | { ok: false; locked: false }
  | { ok: false; locked: true; retryAfter: number };

export function usableForPassword(user: AuthUser | undefined): user is AuthUser {
  return !!user && user.status === 'active' && user.passwordHash !== null && user.type !== 'service_account';
}

/**
 * Checks `password` for `user`; `knownGood` skips the hash when the caller already verified this
 * exact credential (the Basic cache). A locked account answers locked even to the right password.
 */
export async function checkPassword(
  deps: PasswordCheckDeps,
  user: AuthUser | undefined,
  password: string,
  options: { knownGood?: boolean; touchLastLogin?: boolean; recordSuccess?: boolean } = {},
): Promise<PasswordCheck> {
  if (user) {
    const retryAfter = lockRetryAfter(user.lockedUntil, deps.now());
    if (retryAfter !== undefined) return { ok: false, locked: true, retryAfter };
  }
  if (!usableForPassword(user)) {
    await deps.passwords.burn(password);
    return { ok: false, locked: false };
  }
  if (!options.knownGood && !(await reserveLoginAttempt(deps.db, user.id, deps.now()))) {
    // Locked, or as many checks in flight as failures are allowed: wait for them to finish.
    const retryAfter = lockRetryAfter(await getLockedUntil(deps.db, user.id), deps.now()) ?? 1;
    return { ok: false, locked: true, retryAfter };
  }
  const good = options.knownGood || (await deps.passwords.verify(user.passwordHash!, password));
  if (!good) {
    await recordLoginFailure(deps.db, user.id, deps.now());
    return { ok: false, locked: false };
  }
  // Login records its success itself, after the second factor: a right password followed by a
  // wrong code must not clear the failures that code adds.
  if (options.recordSuccess !== false && (!options.knownGood || user.failedLogins > 0 || options.touchLastLogin)) {
    await recordLoginSuccess(deps.db, user.id, deps.now(), options.touchLastLogin ?? false);
  }
  return { ok: true, user };
}
