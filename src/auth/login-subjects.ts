// Basic sends the password with every request; verifying it is cached (basic.ts), and this
// caches the other half, the read of who the username names and its lock state, so a repeat
// costs no database round trip. Entries live at most VALIDITY_TTL_MS, and go at once when the
// change feed announces a change to the user or to the name's lock state (any process's), or
// when this process records an attempt against the name.
import { VALIDITY_TTL_MS } from './validity-cache.ts';
import type { LoginSubject } from './scheme.ts';
import { foldKey } from '../users/user.model.ts';
import { UserKeyedMap } from './user-keyed-map.ts';

const LIMIT = 10_000;

export class LoginSubjects {
  private readonly entries = new UserKeyedMap<LoginSubject>(LIMIT);
  private generation = 0;

  constructor(
    private readonly load: (username: string) => Promise<LoginSubject>,
    private readonly now: () => Date,
  ) {}

  async get(username: string): Promise<LoginSubject> {
    const key = foldKey(username);
    const cached = this.entries.get(key, this.now().getTime());
    if (cached) return cached;
    const generation = this.generation;
    const subject = await this.load(username);
    // A read that raced a change it has not seen is not kept (see user-cache.ts).
    if (generation === this.generation) this.entries.set(key, subject, subject.user?.id, this.now().getTime() + VALIDITY_TTL_MS);
    return subject;
  }

  forgetUsernameKeys(keys: string[]): void {
    this.generation++;
    for (const key of keys) this.entries.delete(key);
  }

  forgetUser(userId: string): void {
    this.generation++;
    this.entries.forgetUser(userId);
  }

  clear(): void {
    this.generation++;
    this.entries.clear();
  }
}
