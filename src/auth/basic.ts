// HTTP Basic (RFC 7617). A credential that verified once is remembered as an HMAC, keyed with a
// per-process secret, over the user id, the stored hash and the password: a repeat costs no
// argon2 work, and a changed password (a new stored hash) misses the cache by construction.
import { createHmac, randomBytes } from 'node:crypto';
import type { PasswordHasher } from '../credentials/password.ts';
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

export function basicScheme(deps: {
  passwords: PasswordHasher;
  findUserByUsername(username: string): Promise<AuthUser | undefined>;
}): AuthScheme {
  const secret = randomBytes(32);
  const verified = new Set<string>();

  const remember = (key: string) => {
    if (verified.size >= CACHE_LIMIT) verified.delete(verified.values().next().value as string);
    verified.add(key);
  };

  return {
    name: 'Basic',
    challenge: 'Basic realm="roster", charset="UTF-8"',
    async authenticate(header): Promise<AuthResult> {
      if (!/^Basic\s/i.test(header)) return { kind: 'skip' };
      const credentials = parseBasic(header);
      if (!credentials) return { kind: 'invalid', reason: 'malformed Basic credentials' };
      const user = await deps.findUserByUsername(credentials.username);
      const usable = user && user.status === 'active' && user.passwordHash && user.type !== 'service_account';
      if (!usable) {
        // Unknown and unusable accounts cost the same hashing work as real ones.
        await deps.passwords.burn(credentials.password);
        return { kind: 'invalid', reason: 'invalid username or password' };
      }
      const key = createHmac('sha256', secret)
        .update(`${user.id}\0${user.passwordHash}\0${credentials.password}`)
        .digest('base64');
      if (!verified.has(key)) {
        if (!(await deps.passwords.verify(user.passwordHash!, credentials.password))) {
          return { kind: 'invalid', reason: 'invalid username or password' };
        }
        remember(key);
      }
      return { kind: 'ok', user };
    },
  };
}
