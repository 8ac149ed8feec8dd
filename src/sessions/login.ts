// POST /sessions: password, then the second factor when the user has one, then a session.
// Each failure is a precise problem without saying whether the username exists.
import { checkPassword, type PasswordCheckDeps } from '../credentials/password-check.ts';
import { ProblemError, problems } from '../http/problem.ts';
import type { UnitOfWork } from '../repos.ts';
import type { Mfa } from '../mfa/mfa.service.ts';
import type { IpLimits } from '../ratelimit/ip-limits.ts';
import type { IssuedSession, Sessions } from './session.service.ts';
import type { Audit } from '../audit/audit.service.ts';
import type { AuditOrigin } from '../audit/audit-context.ts';

export interface LoginDeps extends PasswordCheckDeps {
  sessions: Sessions;
  mfa: Mfa;
  ipLimits: IpLimits;
  data: UnitOfWork;
  /** Records failed logins (session.failed); a session's creation is recorded by `sessions`. */
  audit?: Audit;
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

export function createLogin(deps: LoginDeps) {
  return { login: (input: LoginInput, origin: AuditOrigin & { ip: string }) => login(deps, input, origin) };
}

export type Login = ReturnType<typeof createLogin>;

interface LoginInput {
  username: string;
  password: string;
  totp?: string;
}

async function login(deps: LoginDeps, input: LoginInput, origin: AuditOrigin & { ip: string }): Promise<IssuedSession> {
  const { ip } = origin;
  const wait = await deps.ipLimits.loginAttempt(ip);
  if (wait !== undefined) throw problems.tooManyAttempts('Too many login attempts from this address.', wait);
  const { users } = deps.data.repos;
  const subject = await users.getLoginSubject(input.username);
  // The actor of a failed login is anonymous; the user the name belongs to, if any, is the target.
  const failed = () =>
    deps.audit?.recordAlone({ action: 'session.failed', outcome: 'failure', target: subject.user && { type: 'user', id: subject.user.id }, origin });
  const check = await checkPassword(deps, input.username, subject, input.password, { recordSuccess: false, origin });
  if (!check.ok) {
    await failed();
    if (check.locked) throw problems.tooManyAttempts('The account is locked after repeated failed attempts.', check.retryAfter);
    throw unauthorized('auth.invalid_credentials', 'invalid-credentials', 'The username or password is not correct.');
  }
  if (check.user.mfaEnabled) {
    if (!input.totp) {
      // Asking for the second factor is neither a failure nor a success.
      await deps.lockout.release(input.username);
      throw unauthorized('auth.mfa_required', 'mfa-required', 'This account uses MFA: send a current TOTP code (or a recovery code) as `totp`.');
    }
    if (!(await deps.mfa.checkSecondFactor(check.user.id, input.totp, origin))) {
      // A wrong or replayed code counts towards the lock like a wrong password: the attempt
      // reserved for the password check stays counted, and may complete a lock.
      await deps.lockout.fail(input.username, check.user.id, origin);
      await failed();
      throw unauthorized('auth.mfa_invalid', 'mfa-invalid', 'The TOTP or recovery code is not valid, or was used already.');
    }
  }
  await deps.lockout.succeed(input.username);
  await users.touchLastLogin(check.user.id, deps.now());
  return deps.sessions.create(check.user, origin);
}
