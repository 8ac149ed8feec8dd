// The change feed as a process sees it: what the triggers of migration 0008 announce on the
// roster_changes channel, from this process and every other one on the database. Caches follow
// it; while the feed is not healthy (PostgreSQL: the listening connection is down) they must not
// answer from memory, since changes may be passing unheard.

export const CHANGE_CHANNEL = 'roster_changes';

export type Change =
  | { kind: 'users'; ids: string[] }
  | { kind: 'added' }
  | { kind: 'locks'; usernameKeys: string[] }
  | { kind: 'all' };

export interface ChangeSubscriber {
  change(change: Change): void;
  /** The feed went quiet (false) or is heard again (true); changes in between are unknown. */
  health(healthy: boolean): void;
}

const strings = (value: unknown): value is string[] => Array.isArray(value) && value.every((v) => typeof v === 'string');

/** A payload this version does not understand is "everything changed": safe, never stale. */
export function parseChange(payload: string): Change {
  try {
    const data = JSON.parse(payload) as Record<string, unknown>;
    if (strings(data.users)) return { kind: 'users', ids: data.users };
    if (strings(data.locks)) return { kind: 'locks', usernameKeys: data.locks };
    if (data.added === true) return { kind: 'added' };
  } catch {
    // fall through
  }
  return { kind: 'all' };
}

export class ChangeFeed {
  private readonly subscribers = new Set<ChangeSubscriber>();
  private isHealthy: boolean;

  /** `onFirstSubscriber` starts listening (PostgreSQL opens its connection then, not before). */
  constructor(
    healthy: boolean,
    private readonly onFirstSubscriber: () => void = () => {},
  ) {
    this.isHealthy = healthy;
  }

  get healthy(): boolean {
    return this.isHealthy;
  }

  subscribe(subscriber: ChangeSubscriber): () => void {
    this.subscribers.add(subscriber);
    if (this.subscribers.size === 1) this.onFirstSubscriber();
    subscriber.health(this.isHealthy);
    return () => this.subscribers.delete(subscriber);
  }

  deliver(payload: string): void {
    const change = parseChange(payload);
    for (const subscriber of this.subscribers) subscriber.change(change);
  }

  setHealthy(healthy: boolean): void {
    if (healthy === this.isHealthy) return;
    this.isHealthy = healthy;
    for (const subscriber of this.subscribers) subscriber.health(healthy);
  }
}
