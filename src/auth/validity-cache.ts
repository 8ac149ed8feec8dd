// A short-lived cache of "this credential belongs to this active user", so JWT and token
// requests need no database round trip most of the time. Entries live at most TTL_MS; this
// process drops a user's entries at once when it disables them, changes their credentials or
// logs them out, and other processes see such a change within TTL_MS.
import type { AuthUser } from './scheme.ts';
import { UserKeyedMap } from './user-keyed-map.ts';

export const VALIDITY_TTL_MS = 1_000;
const LIMIT = 50_000;

export class ValidityCache<T extends { user: AuthUser }> {
  private readonly entries = new UserKeyedMap<T>(LIMIT);

  constructor(private readonly now: () => Date) {}

  get(key: string): T | undefined {
    return this.entries.get(key, this.now().getTime());
  }

  set(key: string, value: T): void {
    this.entries.set(key, value, value.user.id, this.now().getTime() + VALIDITY_TTL_MS);
  }

  forgetUser(userId: string): void {
    this.entries.forgetUser(userId);
  }

  clear(): void {
    this.entries.clear();
  }

  forget(key: string): void {
    this.entries.delete(key);
  }
}
