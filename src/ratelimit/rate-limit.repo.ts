// Fixed-window counters in the database, so a limit holds across every Roster process that
// shares one PostgreSQL. One atomic upsert per hit.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../store/schema.ts';

export interface Window {
  hits: number;
  windowStart: Date;
}

export async function hit(db: Kysely<Database>, bucket: string, now: Date, windowMs: number): Promise<Window> {
  const expired = sql`rate_limits.window_start <= ${new Date(now.getTime() - windowMs)}::timestamptz`;
  const row = await db
    .insertInto('rate_limits')
    .values({ bucket, window_start: now, hits: 1 })
    .onConflict((oc) =>
      oc.column('bucket').doUpdateSet({
        hits: sql`CASE WHEN ${expired} THEN 1 ELSE rate_limits.hits + 1 END`,
        window_start: sql`CASE WHEN ${expired} THEN ${now}::timestamptz ELSE rate_limits.window_start END`,
      }),
    )
    .returning(['hits', 'window_start'])
    .executeTakeFirstOrThrow();
  return { hits: row.hits, windowStart: row.window_start };
}

/** Takes back one hit (a check that turned out to succeed). */
export async function unhit(db: Kysely<Database>, bucket: string): Promise<void> {
  await db.updateTable('rate_limits').set({ hits: sql`greatest(rate_limits.hits - 1, 0)` }).where('bucket', '=', bucket).execute();
}

/** Forgets counters whose window began before `before` (every window is at most an hour). */
export async function purgeBefore(db: Kysely<Database>, before: Date): Promise<void> {
  await db.deleteFrom('rate_limits').where('window_start', '<', before).execute();
}
