// Minting a token, enrolling TOTP and issuing recovery codes from a session need a recent login:
// a session under 10 minutes old, or the current password sent with the request. A stolen
// session cookie or JWT then cannot turn itself into credentials that outlive it.
import { ProblemError, problems } from '../http/problem.ts';
import type { UnitOfWork } from '../repos.ts';
import { checkPassword, type PasswordCheckDeps } from './password-check.ts';

export const RECENT_LOGIN_MS = 10 * 60_000;

export interface RecentLoginActor {
  username: string;
  sessionId?: string;
  sessionStartedAt?: Date;
}

export function createRecentLogin(deps: PasswordCheckDeps & { data: UnitOfWork }) {
  /** Proves `currentPassword` belongs to `username` (counting towards lockout like any check). */
  async function provePassword(username: string, currentPassword: string): Promise<void> {
    const subject = await deps.data.repos.users.getLoginSubject(username);
    const check = await checkPassword(deps, username, subject, currentPassword);
    if (check.ok) return;
    if (check.locked) throw problems.tooManyAttempts('The account is locked after repeated failed attempts.', check.retryAfter);
    throw problems.invalid([{ pointer: '/currentPassword', code: 'incorrect', detail: 'is not the current password' }], 'The current password is not correct.');
  }

  return {
    provePassword,

    /** Passes for Basic and tokens (no session), a fresh session, or a right `currentPassword`. */
    async assertRecent(actor: RecentLoginActor, currentPassword: string | undefined): Promise<void> {
      if (currentPassword !== undefined) return provePassword(actor.username, currentPassword);
      if (actor.sessionId === undefined) return;
      const age = deps.now().getTime() - (actor.sessionStartedAt?.getTime() ?? 0);
      if (age < RECENT_LOGIN_MS) return;
      throw new ProblemError({
        status: 403,
        code: 'auth.recent_login_required',
        slug: 'recent-login-required',
        detail: 'This session logged in more than 10 minutes ago: send currentPassword with the request, or log in again.',
      });
    },
  };
}

export type RecentLogin = ReturnType<typeof createRecentLogin>;
