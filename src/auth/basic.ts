// HTTP Basic (RFC 7617). A credential that verified once is remembered as an HMAC, keyed with a
// per-process secret, over the user id, the stored hash and the password: a repeat costs no
// argon2 work, and a changed password (a new stored hash) misses the cache by construction.
// Lock state and status come from the row read for each request, so they apply at once.
import { createHmac, randomBytes } from 'node:crypto';
import { checkPassword, type PasswordCheckDeps } from '../credentials/password-check.ts';
import type { AuthScheme, AuthUser, AuthResult } from './scheme.ts';

const CACHE_LIMIT = 10_000;

export function parseBasic(header: string): { username: string; password: string } | undefined {
  const match = /^Basic\s+([A-Za-z0-9+/]+=*)\s*$/i.exec(header);
  if (!match) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

export interface BasicDeps extends PasswordCheckDeps {
  findUserByUsername(username: string): Promise<AuthUser | undefined>;
  /** Per-IP limit on failed Basic checks; answers seconds to wait when exceeded. */
  ipThrottle?(ip: string, failed: boolean): Promise<number | undefined>;
}

export function basicScheme(deps: BasicDeps): AuthScheme {
  const secret = randomBytes(32);
  const verified = new Set<string>();

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
      const user = await deps.findUserByUsername(credentials.username);
      const key = user
        ? createHmac('sha256', secret).update(`${user.id}\0${user.passwordHash}\0${credentials.password}`).digest('base64')
        : '';
      const knownGood = user !== undefined && verified.has(key);
      if (!knownGood && deps.ipThrottle) {
        const wait = await deps.ipThrottle(input.ip, false);
        if (wait !== undefined) return { kind: 'throttled', reason: 'too many failed attempts from this address', retryAfter: wait };
      }
      const check = await checkPassword(deps, user, credentials.password, { knownGood });
      if (!check.ok) {
        if (check.locked) return { kind: 'throttled', reason: 'the account is locked after failed attempts', retryAfter: check.retryAfter };
        await deps.ipThrottle?.(input.ip, true);
        return { kind: 'invalid', reason: 'invalid username or password' };
      }
      if (check.user.mfaEnabled) {
        return { kind: 'invalid', reason: 'this account uses MFA: sign in with POST /api/v1/sessions' };
      }
      remember(key);
      return { kind: 'ok', user: check.user };
    },
  };
}
