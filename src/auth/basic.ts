// HTTP Basic (RFC 7617). A credential that verified once is remembered as an HMAC, keyed with a
// per-process secret, over the user id, the stored hash and the password: a repeat costs no
// argon2 work, and a changed password (a new stored hash) misses the cache by construction.
// Lock state and status come from the row read for each request, so they apply at once.
import { createHmac, randomBytes } from 'node:crypto';
import { checkPassword, type LoginSubject, type PasswordCheckDeps } from '../credentials/password-check.ts';
import type { AuthInput, AuthScheme, AuthResult } from './scheme.ts';
import type { Audit } from '../audit/audit.service.ts';

const CACHE_LIMIT = 10_000;

export function parseBasic(header: string): { username: string; password: string } | undefined {
  const match = /^Basic\s+([A-Za-z0-9+/]+=*)\s*$/i.exec(header);
  if (!match) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0 || decoded.includes('\0')) return undefined;
  return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

export interface BasicDeps extends PasswordCheckDeps {
  findLoginSubject(username: string): Promise<LoginSubject>;
  /** Per-IP limit on Basic password checks (counted before they run); seconds to wait when exceeded. */
  ipThrottle?(ip: string): Promise<number | undefined>;
  ipSucceeded?(ip: string): Promise<void>;
  /** Records failed password checks (session.failed); a success is no event, or every request would be one. */
  audit?: Audit;
}

export function basicScheme(deps: BasicDeps): AuthScheme {
  const secret = randomBytes(32);
  const verified = new Set<string>();
  // Concurrent requests with one credential share one check: a script's burst at start-up costs
  // one argon2 hash and one attempt, not one each.
  const inFlight = new Map<string, Promise<AuthResult>>();

  const remember = (key: string) => {
    if (verified.size >= CACHE_LIMIT) verified.delete(verified.values().next().value as string);
    verified.add(key);
  };

  return {
    name: 'Basic',
    challenge: 'Basic realm="roster", charset="UTF-8"',
    async authenticate(input): Promise<AuthResult> {
      const header = input.authorization;
      if (!header || !/^Basic(\s|$)/i.test(header)) return { kind: 'skip' };
      const credentials = parseBasic(header);
      if (!credentials) return { kind: 'invalid', reason: 'malformed Basic credentials' };
      const subject = await deps.findLoginSubject(credentials.username);
      const { user } = subject;
      const key = user
        ? createHmac('sha256', secret).update(`${user.id}\0${user.passwordHash}\0${credentials.password}`).digest('base64')
        : '';
      const knownGood = user !== undefined && verified.has(key);
      if (knownGood) return check(credentials.username, subject, credentials.password, key, input, true);
      const shared = key ? inFlight.get(key) : undefined;
      if (shared) return shared;
      const pending = check(credentials.username, subject, credentials.password, key, input, false);
      if (key) {
        inFlight.set(key, pending);
        pending.finally(() => inFlight.delete(key)).catch(() => {});
      }
      return pending;
    },
  };

  async function check(
    username: string,
    subject: LoginSubject,
    password: string,
    key: string,
    input: AuthInput,
    knownGood: boolean,
  ): Promise<AuthResult> {
    const { ip } = input;
    if (!knownGood && deps.ipThrottle) {
      const wait = await deps.ipThrottle(ip);
      if (wait !== undefined) return { kind: 'throttled', reason: 'too many failed attempts from this address', retryAfter: wait };
    }
    // An MFA user's right password must not reset the count that wrong codes built up.
    const result = await checkPassword(deps, username, subject, password, { knownGood, recordSuccess: subject.user?.mfaEnabled !== true, origin: input.origin });
    if (!result.ok) {
      if (result.locked) return { kind: 'throttled', reason: 'the account is locked after failed attempts', retryAfter: result.retryAfter };
      // The actor is anonymous (nobody is authenticated); the user the name belongs to, if any, is the target.
      await deps.audit?.recordAlone({ action: 'session.failed', outcome: 'failure', target: subject.user && { type: 'user', id: subject.user.id }, origin: input.origin });
      return { kind: 'invalid', reason: 'invalid username or password' };
    }
    if (!knownGood) await deps.ipSucceeded?.(ip);
    if (result.user.mfaEnabled) {
      // Neither a failure nor a success: take back the attempt reserved for this check.
      if (!knownGood) await deps.lockout.release(username);
      return { kind: 'invalid', reason: 'this account uses MFA: sign in with POST /api/v1/sessions' };
    }
    remember(key);
    return { kind: 'ok', user: result.user };
  }
}
