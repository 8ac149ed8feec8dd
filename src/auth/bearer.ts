// `Authorization: Bearer <jwt>` (sessions) and `Token <secret>` / `Bearer <secret>` (personal
// access tokens), told apart by the token prefix.
import type { Sessions } from '../sessions/session.service.ts';
import { looksLikeToken, type Tokens } from '../tokens/token.service.ts';
import type { AuthResult, AuthScheme } from './scheme.ts';

const INVALID_TOKEN = 'Bearer realm="roster", error="invalid_token"';

async function byToken(tokens: Tokens, secret: string, challenge?: string): Promise<AuthResult> {
  const live = await tokens.authenticate(secret);
  if (!live) return { kind: 'invalid', reason: 'the token is unknown, expired or revoked', challenge };
  return { kind: 'ok', user: live.user };
}

export function bearerScheme(deps: { sessions: Sessions; tokens: Tokens }): AuthScheme {
  return {
    name: 'Bearer',
    challenge: 'Bearer realm="roster"',
    async authenticate(input): Promise<AuthResult> {
      const match = /^Bearer\s+(\S+)\s*$/i.exec(input.authorization ?? '');
      if (!match) {
        if (/^Bearer(\s|$)/i.test(input.authorization ?? '')) return { kind: 'invalid', reason: 'malformed Bearer credentials', challenge: INVALID_TOKEN };
        return { kind: 'skip' };
      }
      if (looksLikeToken(match[1])) return byToken(deps.tokens, match[1], INVALID_TOKEN);
      const session = await deps.sessions.fromAccessToken(match[1]);
      if ('error' in session) return { kind: 'invalid', reason: session.error, challenge: INVALID_TOKEN };
      return { kind: 'ok', user: session.user, sessionId: session.sessionId, sessionStartedAt: session.startedAt };
    },
  };
}

export function tokenScheme(deps: { tokens: Tokens }): AuthScheme {
  return {
    name: 'Token',
    challenge: 'Token realm="roster"',
    async authenticate(input): Promise<AuthResult> {
      const match = /^Token\s+(\S+)\s*$/i.exec(input.authorization ?? '');
      if (!match) {
        if (/^Token(\s|$)/i.test(input.authorization ?? '')) return { kind: 'invalid', reason: 'malformed Token credentials' };
        return { kind: 'skip' };
      }
      return byToken(deps.tokens, match[1]);
    },
  };
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The browser session cookie; used only when no Authorization header is sent. */
export function cookieScheme(deps: { sessions: Sessions; cookieName: string }): AuthScheme {
  return {
    name: 'Cookie',
    async authenticate(input): Promise<AuthResult> {
      const token = input.cookies[deps.cookieName];
      if (input.authorization || !token) return { kind: 'skip' };
      const session = await deps.sessions.fromCookie(token);
      if (!session) return { kind: 'invalid', reason: 'the session has ended' };
      // Cookies ride along on cross-site requests; a write must prove it read the CSRF token.
      if (!SAFE_METHODS.has(input.method) && !deps.sessions.csrfMatches(session.sessionId, input.csrfToken)) {
        return { kind: 'csrf' };
      }
      return { kind: 'ok', user: session.user, sessionId: session.sessionId, sessionStartedAt: session.startedAt };
    },
  };
}
