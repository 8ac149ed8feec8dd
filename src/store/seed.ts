// Synthetic users at bulk speed, for measuring Roster at scale (`npm run seed`). Rows are made by
// PostgreSQL itself (generate_series), a batch per statement, so a million users take seconds of
// SQL rather than a million round trips. Every seeded name is ASCII lower case, which is its own
// folded key; ids are UUIDv7-shaped and ascending like the service's own.
import { sql } from 'kysely';
import type { Store } from './db.ts';

export interface SeedOptions {
  users: number;
  /** Groups to spread the users over (each user joins one); 0 for none. */
  groups: number;
  /** One argon2id hash every seeded user shares, so logins can be measured too; none: no password. */
  passwordHash?: string;
  /** Rows per statement. */
  batch?: number;
  now?: Date;
  onProgress?(done: number, total: number): void;
}

export interface SeedResult {
  /** Seeded usernames are `<prefix>-<n>`, n from 1, and emails `<prefix>-<n>@example.com`. */
  prefix: string;
  users: number;
  groups: number;
}

/** A UUIDv7-shaped id from a millisecond time and a row number, in SQL. */
const v7 = (ms: string, n: string) =>
  `(lpad(to_hex(${ms}), 12, '0') || '7' || substr(md5(${n}::text), 1, 3) || '8' || substr(md5(${n}::text), 4, 15))::uuid`;

export async function seedUsers(store: Store, options: SeedOptions): Promise<SeedResult> {
  const batch = options.batch ?? 50_000;
  const now = options.now ?? new Date();
  const prefix = `seed${now.getTime().toString(36)}`;
  // Ids and creation times count up to now, a millisecond apart: list order is creation order.
  const start = now.getTime() - options.users - options.groups;
  const groupIds: string[] = [];
  if (options.groups > 0) {
    const rows = await sql<{ id: string }>`
      INSERT INTO groups (id, name, name_key, created_at, updated_at)
      SELECT ${sql.raw(v7(`${start} + g`, `'g' || g`))}, ${prefix} || '-group-' || g, ${prefix} || '-group-' || g,
             to_timestamp((${start}::bigint + g) / 1000.0), to_timestamp((${start}::bigint + g) / 1000.0)
      FROM generate_series(1, ${options.groups}::int) AS g
      RETURNING id::text AS id`.execute(store.db);
    groupIds.push(...rows.rows.map((row) => row.id));
  }
  const first = start + options.groups;
  for (let from = 1; from <= options.users; from += batch) {
    const to = Math.min(options.users, from + batch - 1);
    await store.db.transaction().execute(async (tx) => {
      await sql`
        INSERT INTO users (id, username, username_key, name, given_name, family_name, email, email_key,
                           type, role, status, password_hash, email_verified, created_at, updated_at)
        SELECT ${sql.raw(v7(`${first} + n`, 'n'))}, ${prefix} || '-' || n, ${prefix} || '-' || n,
               'Seed User ' || n, 'Seed', 'User ' || n,
               ${prefix} || '-' || n || '@example.com', ${prefix} || '-' || n || '@example.com',
               'internal', 'user', 'active', ${options.passwordHash ?? null}::text, true,
               to_timestamp((${first}::bigint + n) / 1000.0), to_timestamp((${first}::bigint + n) / 1000.0)
        FROM generate_series(${from}::int, ${to}::int) AS n`.execute(tx);
      if (groupIds.length > 0) {
        await sql`
          INSERT INTO group_members (group_id, user_id)
          SELECT (${groupIds}::uuid[])[1 + n % ${groupIds.length}::int], ${sql.raw(v7(`${first} + n`, 'n'))}
          FROM generate_series(${from}::int, ${to}::int) AS n`.execute(tx);
      }
    });
    options.onProgress?.(to, options.users);
  }
  // Planner statistics for what was just written, as an import refreshes them: until autovacuum
  // gets to it, a million users would be planned as the empty tables they were.
  await sql`ANALYZE users, groups, group_members`.execute(store.db);
  return { prefix, users: options.users, groups: groupIds.length };
}
