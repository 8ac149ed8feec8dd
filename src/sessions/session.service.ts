// Sessions: an opaque cookie token and short-lived EdDSA JWTs that name the session. Every use
// checks the session and its user are still live (through a cache bounded to one second), so
// logout, disabling a user or changing their password ends the session at once.
import type { AuditOrigin } from '../audit/audit-context.ts';
import { createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { sha256 } from '../credentials/digest.ts';
import { SignJWT, jwtVerify, errors as joseErrors } from 'jose';
import type { UnitOfWork } from '../repos.ts';
import type { AuthUser } from '../auth/scheme.ts';
import type { ValidityCache } from '../auth/validity-cache.ts';
import { JWT_ALG, type KeyRing } from './keys.ts';
import { problems } from '../http/problem.ts';
import type { Audit } from '../audit/audit.service.ts';

export interface LiveSession {
  sessionId: string;
  /** When the user logged in: a recent login may do what an old session may not. */
  startedAt: Date;
  user: AuthUser;
}

export interface SessionDeps {
  data: UnitOfWork;
  keys: KeyRing;
  cache: ValidityCache<LiveSession>;
  now: () => Date;
  newId: () => string;
  /** Names the issuer; asked once, at the first token signed or verified. */
  issuer: () => Promise<string>;
  accessTokenTtlSeconds: number;
  sessionTtlSeconds: number;
  /** Derives CSRF tokens from session ids. */
  csrfKey: Buffer;
  /** The audit log: session.created and session.revoked, in the transaction that writes the session. */
  audit?: Audit;
}

export interface IssuedSession {
  sessionId: string;
  cookieToken: string;
  accessToken: string;
  expiresIn: number;
  csrfToken: string;
  sessionExpiresAt: Date;
}

export const SESSION_COOKIE = 'roster_session';
const AUDIENCE = 'roster';

export const hashToken = sha256;

// A token's signature and claims never change, so a verified token is remembered (its expiry is
// still checked on every use, and its session's liveness through the validity cache).
const VERIFIED_LIMIT = 10_000;

export function createSessions(deps: SessionDeps) {
  const repo = deps.data.repos.sessions;
  let issuer: Promise<string> | undefined;
  const issuerOf = () => (issuer ??= deps.issuer().catch((error: unknown) => ((issuer = undefined), Promise.reject(error))));
  const verified = new Map<string, { sid: unknown; sub: string | undefined; exp: number }>();
  const csrfFor = (sessionId: string) => createHmac('sha256', deps.csrfKey).update(sessionId).digest('base64url');

  async function issueAccessToken(userId: string, sessionId: string): Promise<string> {
    const { kid, key } = await deps.keys.signingKey();
    const issuedAt = Math.floor(deps.now().getTime() / 1000);
    return new SignJWT({ sid: sessionId })
      .setProtectedHeader({ alg: JWT_ALG, kid, typ: 'at+jwt' })
      .setIssuer(await issuerOf())
      .setAudience(AUDIENCE)
      .setSubject(userId)
      .setJti(randomUUID())
      .setIssuedAt(issuedAt)
      .setExpirationTime(issuedAt + deps.accessTokenTtlSeconds)
      .sign(key);
  }

  async function live(cacheKey: string, by: { id: string } | { tokenHash: string }): Promise<LiveSession | undefined> {
    const cached = deps.cache.get(cacheKey);
    if (cached) return cached;
    const found = await repo.findLiveSession(by, deps.now());
    if (found) deps.cache.set(cacheKey, found);
    return found;
  }

  return {
    /** A new session for a user who just proved who they are: they are the event's actor. */
    async create(user: { id: string; username: string }, origin?: AuditOrigin): Promise<IssuedSession> {
      const userId = user.id;
      const sessionId = deps.newId();
      const cookieToken = randomBytes(32).toString('base64url');
      const now = deps.now();
      const sessionExpiresAt = new Date(now.getTime() + deps.sessionTtlSeconds * 1000);
      await deps.data.transaction(async (tx) => {
        await tx.sessions.insertSession({ id: sessionId, userId, tokenHash: hashToken(cookieToken), createdAt: now, expiresAt: sessionExpiresAt });
        await deps.audit?.record(tx, {
          action: 'session.created',
          target: { type: 'user', id: userId },
          actor: { type: 'user', id: userId, username: user.username },
          origin,
        });
      });
      return {
        sessionId,
        cookieToken,
        accessToken: await issueAccessToken(userId, sessionId),
        expiresIn: deps.accessTokenTtlSeconds,
        csrfToken: csrfFor(sessionId),
        sessionExpiresAt,
      };
    },

    /** The live session a JWT names, or why it is not acceptable. */
    async fromAccessToken(token: string): Promise<LiveSession | { error: string }> {
      let claims = verified.get(token);
      if (claims && claims.exp * 1000 <= deps.now().getTime()) return { error: 'the access token has expired' };
      if (!claims) {
        try {
          const { payload } = await jwtVerify(
            token,
            async (header) => {
              const key = header.kid ? await deps.keys.verificationKey(header.kid) : undefined;
              if (!key) throw new joseErrors.JWKSNoMatchingKey();
              return key;
            },
            { issuer: await issuerOf(), audience: AUDIENCE, algorithms: [JWT_ALG], typ: 'at+jwt', currentDate: deps.now() },
          );
          claims = { sid: payload.sid, sub: payload.sub, exp: payload.exp ?? 0 };
        } catch (error) {
          return { error: error instanceof joseErrors.JWTExpired ? 'the access token has expired' : 'the access token is not valid' };
        }
        if (verified.size >= VERIFIED_LIMIT) verified.delete(verified.keys().next().value as string);
        verified.set(token, claims);
      }
      const { sid, sub } = claims;
      if (typeof sid !== 'string') return { error: 'the access token names no session' };
      const session = await live(`sid:${sid}`, { id: sid });
      if (!session || session.user.id !== sub) return { error: 'the session has ended' };
      return session;
    },

    fromCookie(cookieToken: string): Promise<LiveSession | undefined> {
      const tokenHash = hashToken(cookieToken);
      return live(`cookie:${tokenHash}`, { tokenHash });
    },

    csrfMatches(sessionId: string, presented: string | undefined): boolean {
      if (!presented) return false;
      const expected = Buffer.from(csrfFor(sessionId));
      const given = Buffer.from(presented);
      return expected.length === given.length && timingSafeEqual(expected, given);
    },

    /** Ends the caller's own session; a caller without one (Basic, a token) has none to end. */
    async logout(caller: { userId: string; sessionId?: string; origin?: AuditOrigin }): Promise<void> {
      if (!caller.sessionId) throw problems.conflict('session.none', 'This request is not authenticated by a session.');
      const sessionId = caller.sessionId;
      await deps.data.transaction(async (tx) => {
        await tx.sessions.revokeSession(sessionId, deps.now());
        await deps.audit?.record(tx, { action: 'session.revoked', target: { type: 'user', id: caller.userId }, origin: caller.origin });
      });
      deps.cache.forgetUser(caller.userId);
    },

    async revokeAllOf(userId: string, except?: string): Promise<void> {
      await repo.revokeUserSessions(userId, deps.now(), except);
      deps.cache.forgetUser(userId);
    },
  };
}

export type Sessions = ReturnType<typeof createSessions>;
