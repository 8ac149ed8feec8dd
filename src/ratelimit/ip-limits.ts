// Per-address limits on login attempts (POST /sessions) and failed Basic checks.
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.ts';
import * as repo from './rate-limit.repo.ts';

export interface IpLimitConfig {
  /** Login attempts per address per window. */
  sessionsPerWindow: number;
  /** Failed Basic checks per address per window. */
  basicFailuresPerWindow: number;
  windowMs: number;
}

export const DEFAULT_IP_LIMITS: IpLimitConfig = { sessionsPerWindow: 30, basicFailuresPerWindow: 30, windowMs: 60_000 };

export function createIpLimits(deps: { db: Kysely<Database>; now: () => Date; limits: IpLimitConfig }) {
  const retryAfter = (window: repo.Window) =>
    Math.max(1, Math.ceil((window.windowStart.getTime() + deps.limits.windowMs - deps.now().getTime()) / 1000));

  return {
    /** Counts a login attempt; seconds to wait when the address is over its limit. */
    async loginAttempt(ip: string): Promise<number | undefined> {
      const window = await repo.hit(deps.db, `sessions:${ip}`, deps.now(), deps.limits.windowMs);
      return window.hits > deps.limits.sessionsPerWindow ? retryAfter(window) : undefined;
    },

    /** With failed=false, asks whether the address may try; with failed=true, counts a failure. */
    async basic(ip: string, failed: boolean): Promise<number | undefined> {
      const bucket = `basic:${ip}`;
      if (failed) {
        await repo.hit(deps.db, bucket, deps.now(), deps.limits.windowMs);
        return undefined;
      }
      const window = await repo.peek(deps.db, bucket);
      if (!window || window.windowStart.getTime() + deps.limits.windowMs <= deps.now().getTime()) return undefined;
      return window.hits >= deps.limits.basicFailuresPerWindow ? retryAfter(window) : undefined;
    },
  };
}

export type IpLimits = ReturnType<typeof createIpLimits>;
