// A short-lived cache of "this credential belongs to this active user", so JWT and token
// requests need no database round trip most of the time. Entries live at most TTL_MS; this
// process drops a user's entries at once when it disables them, changes their credentials or
// logs them out, and other processes see such a change within TTL_MS.
import type { AuthUser } from './scheme.ts';

export const VALIDITY_TTL_MS = 1_000;
const LIMIT = 50_000;

export class ValidityCache<T extends { user: AuthUser }> {
  private readonly entries = new Map<string, { value: T; until: number }>();

  constructor(private readonly now: () => Date) {}

  get(key: string): T | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.until <= this.now().getTime()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  set(key: string, value: T): void {
    if (this.entries.size >= LIMIT) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(key, { value, until: this.now().getTime() + VALIDITY_TTL_MS });
  }

  forgetUser(userId: string): void {
    for (const [key, entry] of this.entries) if (entry.value.user.id === userId) this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }

  forget(key: string): void {
    this.entries.delete(key);
  }
}
