// Personal access tokens (NetBird-style): a secret shown once, stored as a hash, accepted as
// `Authorization: Token <secret>` or `Bearer <secret>`, revoked by deleting it.
import { randomBytes } from 'node:crypto';
import type { UnitOfWork } from '../repos.ts';
import type { ValidityCache } from '../auth/validity-cache.ts';
import type { AuthUser } from '../auth/scheme.ts';
import type { CredentialActor } from '../auth/ownership.ts';
import type { RecentLogin, RecentLoginActor } from '../credentials/recent-login.ts';
import { sha256 } from '../credentials/digest.ts';
import { problems } from '../http/problem.ts';
import { credentialTarget } from '../users/credential-target.ts';
import type { TokenRecord } from './token.repo.ts';
import type { Audit } from '../audit/audit.service.ts';

export type { TokenRecord };
import { canonicalId } from '../ids.ts';

/** Recognisable by secret scanners; 32 random bytes (256 bits) follow. */
export const TOKEN_PREFIX = 'roster_pat_';
const TOUCH_EVERY_MS = 60_000;

export interface TokenDeps {
  data: UnitOfWork;
  cache: ValidityCache<LiveToken>;
  recentLogin: RecentLogin;
  now: () => Date;
  newId: () => string;
  /** The audit log, written in each change's transaction. */
  audit?: Audit;
}

export type TokenActor = CredentialActor & RecentLoginActor;

export interface LiveToken {
  tokenId: string;
  user: AuthUser;
}

export const hashSecret = sha256;

export function looksLikeToken(value: string): boolean {
  return value.startsWith(TOKEN_PREFIX);
}

export function createTokens(deps: TokenDeps) {
  const { repos } = deps.data;
  const touched = new Map<string, number>();

  return {
    /** Mints a token for the target (`me` or an id); the secret is in this answer only. */
    async create(actor: TokenActor, targetId: string, input: { name: string; expiresInDays?: number; currentPassword?: string }) {
      const user = await credentialTarget(repos, actor, targetId, 'write');
      await deps.recentLogin.assertRecent(actor, input.currentPassword);
      const secret = TOKEN_PREFIX + randomBytes(32).toString('base64url');
      const now = deps.now();
      const record: TokenRecord = {
        id: deps.newId(),
        userId: user.id,
        name: input.name,
        createdAt: now,
        expiresAt: new Date(now.getTime() + (input.expiresInDays ?? 90) * 86_400_000),
        lastUsedAt: null,
      };
      await deps.data.transaction(async (tx) => {
        await tx.tokens.insertToken({ ...record, secretHash: hashSecret(secret) });
        await deps.audit?.record(tx, { action: 'token.created', target: { type: 'token', id: record.id }, origin: actor.origin });
      });
      return { record, secret };
    },

    async list(actor: CredentialActor, targetId: string): Promise<TokenRecord[]> {
      const user = await credentialTarget(repos, actor, targetId, 'read');
      return repos.tokens.listTokens(user.id);
    },

    async revoke(actor: CredentialActor, targetId: string, rawTokenId: string): Promise<void> {
      const user = await credentialTarget(repos, actor, targetId, 'write');
      const tokenId = canonicalId(rawTokenId);
      if (!tokenId) throw problems.notFound('token.not_found', 'This user has no token with this id.');
      await deps.data.transaction(async (tx) => {
        if (!(await tx.tokens.deleteToken(user.id, tokenId))) {
          throw problems.notFound('token.not_found', 'This user has no token with this id.');
        }
        await deps.audit?.record(tx, { action: 'token.revoked', target: { type: 'token', id: tokenId }, origin: actor.origin });
      });
      deps.cache.forgetUser(user.id);
    },

    async revokeAllOf(userId: string): Promise<void> {
      await repos.tokens.deleteUserTokens(userId);
      deps.cache.forgetUser(userId);
    },

    /** The live token for a presented secret; last use is recorded at most once a minute. */
    async authenticate(secret: string): Promise<LiveToken | undefined> {
      const secretHash = hashSecret(secret);
      let live = deps.cache.get(secretHash);
      if (!live) {
        live = await repos.tokens.findLiveToken(secretHash, deps.now());
        if (!live) return undefined;
        deps.cache.set(secretHash, live);
      }
      const now = deps.now().getTime();
      if ((touched.get(live.tokenId) ?? 0) + TOUCH_EVERY_MS <= now) {
        touched.set(live.tokenId, now);
        await repos.tokens.touchToken(live.tokenId, deps.now());
      }
      return live;
    },
  };
}

export type Tokens = ReturnType<typeof createTokens>;
