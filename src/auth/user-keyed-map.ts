// A bounded map of expiring entries that also knows which entries belong to which user, so
// forgetting a user touches that user's entries only. The change feed forgets a user on every
// change to their row (a login's lastLogin included): a scan of every entry there would cost a
// millisecond per change on a full cache.
export class UserKeyedMap<V> {
  private readonly entries = new Map<string, { value: V; userId: string | undefined; until: number }>();
  private readonly byUser = new Map<string, Set<string>>();

  constructor(private readonly limit: number) {}

  /** The value, unless it expired at `now` (ms). */
  get(key: string, now: number): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.until > now) return entry.value;
    this.delete(key);
    return undefined;
  }

  set(key: string, value: V, userId: string | undefined, until: number): void {
    this.delete(key);
    if (this.entries.size >= this.limit) this.delete(this.entries.keys().next().value as string);
    this.entries.set(key, { value, userId, until });
    if (userId === undefined) return;
    let keys = this.byUser.get(userId);
    if (!keys) this.byUser.set(userId, (keys = new Set()));
    keys.add(key);
  }

  delete(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    if (entry.userId === undefined) return;
    const keys = this.byUser.get(entry.userId);
    keys?.delete(key);
    if (keys?.size === 0) this.byUser.delete(entry.userId);
  }

  forgetUser(userId: string): void {
    for (const key of this.byUser.get(userId) ?? []) this.entries.delete(key);
    this.byUser.delete(userId);
  }

  clear(): void {
    this.entries.clear();
    this.byUser.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}
