// Per-address limits on login attempts (POST /sessions) and failed Basic checks.
import type { UnitOfWork } from '../repos.ts';
import type { Window } from './rate-limit.repo.ts';

export interface IpLimitConfig {
  /** Login attempts per address per window. */
  sessionsPerWindow: number;
  /** Basic password checks (not repeats of a verified credential) per address per window. */
  basicFailuresPerWindow: number;
  windowMs: number;
}

// At most this many reset mails an hour go to one mailbox, however many addresses ask.
const RESET_MAILS_PER_HOUR = 5;

export const DEFAULT_IP_LIMITS: IpLimitConfig = { sessionsPerWindow: 30, basicFailuresPerWindow: 30, windowMs: 60_000 };

export function createIpLimits(deps: { data: UnitOfWork; now: () => Date; limits: IpLimitConfig }) {
  const repo = deps.data.repos.rateLimits;
  const retryAfter = (window: Window) =>
    Math.max(1, Math.ceil((window.windowStart.getTime() + deps.limits.windowMs - deps.now().getTime()) / 1000));

  return {
    /** Counts a login attempt; seconds to wait when the address is over its limit. */
    async loginAttempt(ip: string): Promise<number | undefined> {
      const window = await repo.hit(`sessions:${ip}`, deps.now(), deps.limits.windowMs);
      return window.hits > deps.limits.sessionsPerWindow ? retryAfter(window) : undefined;
    },

    /**
     * Counts a Basic password check before it runs, so bursts cannot race past the limit; a check
     * that succeeds is taken back with `basicSucceeded`, so only failures use up the limit.
     */
    async basic(ip: string): Promise<number | undefined> {
      const window = await repo.hit(`basic:${ip}`, deps.now(), deps.limits.windowMs);
      if (window.hits <= deps.limits.basicFailuresPerWindow) return undefined;
      await repo.unhit(`basic:${ip}`);
      return retryAfter(window);
    },

    basicSucceeded: (ip: string) => repo.unhit(`basic:${ip}`),

    /** Drops counters whose windows ended long ago (the longest window is an hour). */
    purge: (now: Date) => repo.purgeBefore(new Date(now.getTime() - 24 * 60 * 60_000)),

    /** Password-reset requests: per address → 429; per target mailbox → quietly no mail. */
    async passwordReset(ip: string, mailbox: string): Promise<{ wait?: number; mail: boolean }> {
      const byIp = await repo.hit(`reset-ip:${ip}`, deps.now(), deps.limits.windowMs);
      if (byIp.hits > deps.limits.sessionsPerWindow) return { wait: retryAfter(byIp), mail: false };
      const byMailbox = await repo.hit(`reset-mail:${mailbox}`, deps.now(), 60 * 60_000);
      return { mail: byMailbox.hits <= RESET_MAILS_PER_HOUR };
    },
  };
}

export type IpLimits = ReturnType<typeof createIpLimits>;
