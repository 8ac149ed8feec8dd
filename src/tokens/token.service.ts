// Personal access tokens (NetBird-style): a secret shown once, stored as a hash, accepted as
// `Authorization: Token <secret>` or `Bearer <secret>`, revoked by deleting it.
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.ts';
import type { ValidityCache } from '../auth/validity-cache.ts';
import type { AuthUser } from '../auth/scheme.ts';
import { problems } from '../http/problem.ts';
import * as repo from './token.repo.ts';
import { isUuid } from '../ids.ts';

/** Recognisable by secret scanners; 32 random bytes (256 bits) follow. */
export const TOKEN_PREFIX = 'roster_pat_';
const TOUCH_EVERY_MS = 60_000;

export interface TokenDeps {
  db: Kysely<Database>;
  cache: ValidityCache<LiveToken>;
  now: () => Date;
  newId: () => string;
}

export interface LiveToken {
  tokenId: string;
  user: AuthUser;
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('base64url');
}

export function looksLikeToken(value: string): boolean {
  return value.startsWith(TOKEN_PREFIX);
}

export function createTokens(deps: TokenDeps) {
  const touched = new Map<string, number>();

  return {
    async create(userId: string, input: { name: string; expiresInDays?: number }) {
      const secret = TOKEN_PREFIX + randomBytes(32).toString('base64url');
      const now = deps.now();
      const record: repo.TokenRecord = {
        id: deps.newId(),
        userId,
        name: input.name,
        createdAt: now,
        expiresAt: new Date(now.getTime() + (input.expiresInDays ?? 90) * 86_400_000),
        lastUsedAt: null,
      };
      await repo.insertToken(deps.db, { ...record, secretHash: hashSecret(secret) });
      return { record, secret };
    },

    list: (userId: string) => repo.listTokens(deps.db, userId),

    async revoke(userId: string, tokenId: string): Promise<void> {
      if (!isUuid(tokenId) || !(await repo.deleteToken(deps.db, userId, tokenId))) {
        throw problems.notFound('token.not_found', 'This user has no token with this id.');
      }
      deps.cache.forgetUser(userId);
    },

    async revokeAllOf(userId: string): Promise<void> {
      await repo.deleteUserTokens(deps.db, userId);
      deps.cache.forgetUser(userId);
    },

    /** The live token for a presented secret; last use is recorded at most once a minute. */
    async authenticate(secret: string): Promise<LiveToken | undefined> {
      const secretHash = hashSecret(secret);
      let live = deps.cache.get(secretHash);
      if (!live) {
        live = await repo.findLiveToken(deps.db, secretHash, deps.now());
        if (!live) return undefined;
        deps.cache.set(secretHash, live);
      }
      const now = deps.now().getTime();
      if ((touched.get(live.tokenId) ?? 0) + TOUCH_EVERY_MS <= now) {
        touched.set(live.tokenId, now);
        await repo.touchToken(deps.db, live.tokenId, deps.now());
      }
      return live;
    },
  };
}

export type Tokens = ReturnType<typeof createTokens>;
