// Hot user reads from memory: users by id, and list pages as the ids they held. Bounded (oldest
// entry out first), forgotten on every change the change feed announces (src/store/changes.ts),
// and bypassed whenever the feed is not healthy. An entry also expires after `ttlMs`, a backstop
// that does not depend on the feed.
//
// A read that started before a change and finishes after the change was heard must not put its
// stale answer in the cache: each kind of entry has a generation, bumped by every invalidation,
// and a fill is kept only if the generation it started under still holds.
import type { User } from './user.model.ts';

export interface UserCacheOptions {
  /** Users held at most. */
  users: number;
  /** List pages held at most. */
  lists: number;
  ttlMs: number;
  now?: () => number;
}

interface Entry<T> {
  value: T;
  until: number;
}

export interface ListPage {
  ids: string[];
  more: boolean;
}

/** Cached users are shared by every request that reads them: any attempt to change one throws. */
function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value) || value instanceof Date) return value;
  for (const inner of Object.values(value)) deepFreeze(inner);
  return Object.freeze(value);
}

class Bounded<T> {
  private readonly entries = new Map<string, Entry<T>>();
  generation = 0;

  constructor(
    private readonly limit: number,
    private readonly ttlMs: number,
    private readonly now: () => number,
  ) {}

  get(key: string): T | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.until > this.now()) return entry.value;
    this.entries.delete(key);
    return undefined;
  }

  set(key: string, value: T, generation: number): void {
    if (generation !== this.generation || this.limit === 0) return;
    if (!this.entries.has(key) && this.entries.size >= this.limit) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(key, { value: deepFreeze(value), until: this.now() + this.ttlMs });
  }

  forget(key: string): void {
    this.generation++;
    this.entries.delete(key);
  }

  clear(): void {
    this.generation++;
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}

export class UserCache {
  private readonly users: Bounded<User>;
  private readonly lists: Bounded<ListPage>;
  private enabled = false;

  constructor(options: UserCacheOptions) {
    const now = options.now ?? Date.now;
    this.users = new Bounded(options.users, options.ttlMs, now);
    this.lists = new Bounded(options.lists, options.ttlMs, now);
  }

  /** Off while the change feed is unhealthy: every read goes to the database then. */
  setEnabled(enabled: boolean): void {
    if (!enabled) this.clear();
    this.enabled = enabled;
  }

  async user(id: string, load: (id: string) => Promise<User | undefined>): Promise<User | undefined> {
    if (!this.enabled) return load(id);
    const hit = this.users.get(id);
    if (hit) return hit;
    const generation = this.users.generation;
    const user = await load(id);
    if (user && this.enabled) this.users.set(id, user, generation);
    return user;
  }

  /**
   * A page of a list: its ids from the list cache (or `query`), its users from the user cache
   * (the missing ones from `loadMany`, in one read).
   */
  async page(
    key: string,
    query: () => Promise<{ users: User[]; more: boolean }>,
    loadMany: (ids: string[]) => Promise<User[]>,
  ): Promise<{ users: User[]; more: boolean }> {
    if (!this.enabled) return query();
    const cached = this.lists.get(key);
    if (!cached) {
      const listGeneration = this.lists.generation;
      const userGeneration = this.users.generation;
      const result = await query();
      if (this.enabled) {
        this.lists.set(key, { ids: result.users.map((u) => u.id), more: result.more }, listGeneration);
        for (const user of result.users) this.users.set(user.id, user, userGeneration);
      }
      return result;
    }
    const found = cached.ids.map((id) => this.users.get(id));
    const missing = cached.ids.filter((_, i) => found[i] === undefined);
    if (missing.length > 0) {
      const userGeneration = this.users.generation;
      const loaded = new Map((await loadMany(missing)).map((u) => [u.id, u]));
      // A user gone meanwhile means the page is out of date: the feed will say so, but the
      // answer must not show a hole now.
      if (loaded.size !== missing.length) {
        this.lists.forget(key);
        return this.page(key, query, loadMany);
      }
      for (const user of loaded.values()) if (this.enabled) this.users.set(user.id, user, userGeneration);
      for (let i = 0; i < found.length; i++) found[i] ??= loaded.get(cached.ids[i]);
    }
    return { users: found as User[], more: cached.more };
  }

  /** These users changed or went: their entries and every list page go. */
  forgetUsers(ids: string[]): void {
    for (const id of ids) this.users.forget(id);
    this.lists.clear();
  }

  /** Users were added: lists may show them. */
  forgetLists(): void {
    this.lists.clear();
  }

  clear(): void {
    this.users.clear();
    this.lists.clear();
  }

  get sizes(): { users: number; lists: number } {
    return { users: this.users.size, lists: this.lists.size };
  }
}
