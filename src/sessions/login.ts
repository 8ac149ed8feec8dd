// POST /sessions: password, then the second factor when the user has one, then a session.
// Each failure is a precise problem without saying whether the username exists.
import { checkPassword, type PasswordCheckDeps } from '../credentials/password-check.ts';
import { ProblemError, problems } from '../http/problem.ts';
import type { AuthUser } from '../auth/scheme.ts';
import { recordLoginFailure, recordLoginSuccess, releaseLoginAttempt } from '../users/user.repo.ts';
import type { Mfa } from '../mfa/mfa.service.ts';
import type { IpLimits } from '../ratelimit/ip-limits.ts';
import type { IssuedSession, Sessions } from './session.service.ts';

export interface LoginDeps extends PasswordCheckDeps {
  sessions: Sessions;
  mfa: Mfa;
  ipLimits: IpLimits;
  findUserByUsername(username: string): Promise<AuthUser | undefined>;
}

function unauthorized(code: string, slug: string, detail: string): ProblemError {
  return new ProblemError({
    status: 401,
    code,
    slug,
    detail,
    headers: { 'www-authenticate': 'Basic realm="roster", charset="UTF-8", Bearer realm="roster", Token realm="roster"' },
  });
}

export async function login(
  deps: LoginDeps,
  input: { username: string; password: string; totp?: string },
  ip: string,
): Promise<IssuedSession> {
  const wait = await deps.ipLimits.loginAttempt(ip);
  if (wait !== undefined) throw problems.tooManyAttempts('Too many login attempts from this address.', wait);
  const user = await deps.findUserByUsername(input.username);
  const check = await checkPassword(deps, user, input.password, { recordSuccess: false });
  if (!check.ok) {
    if (check.locked) throw problems.tooManyAttempts('The account is locked after repeated failed attempts.', check.retryAfter);
    throw unauthorized('auth.invalid_credentials', 'invalid-credentials', 'The username or password is not correct.');
  }
  if (check.user.mfaEnabled) {
    if (!input.totp) {
      // Asking for the second factor is neither a failure nor a success.
      await releaseLoginAttempt(deps.db, check.user.id);
      throw unauthorized('auth.mfa_required', 'mfa-required', 'This account uses MFA: send a current TOTP code (or a recovery code) as `totp`.');
    }
    if (!(await deps.mfa.checkSecondFactor(check.user.id, input.totp))) {
      // A wrong or replayed code counts towards the lock like a wrong password: the attempt
      // reserved for the password check stays counted, and may complete a lock.
      await recordLoginFailure(deps.db, check.user.id, deps.now());
      throw unauthorized('auth.mfa_invalid', 'mfa-invalid', 'The TOTP or recovery code is not valid, or was used already.');
    }
  }
  await recordLoginSuccess(deps.db, check.user.id, deps.now(), true);
  return deps.sessions.create(check.user.id);
}
