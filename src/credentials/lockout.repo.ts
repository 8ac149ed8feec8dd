// SQL for the per-username failure counters behind account lockout (see lockout.ts). Rows are
// keyed by the folded username whether or not a user holds it.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../store/schema.ts';

type Db = Kysely<Database>;

export interface LockState {
  failures: number;
  lockedUntil: Date | null;
}

export async function getLockState(db: Db, key: string): Promise<LockState | undefined> {
  const row = await db.selectFrom('login_failures').select(['failures', 'locked_until']).where('username_key', '=', key).executeTakeFirst();
  return row && { failures: row.failures, lockedUntil: row.locked_until };
}

/**
 * Counts a check before it runs (as failed until it succeeds); refused — false — while the key is
 * locked or failures plus checks in flight already reach `limit`.
 */
export async function reserveAttempt(db: Db, key: string, now: Date, limit: number): Promise<boolean> {
  const row = await db
    .insertInto('login_failures')
    .values({ username_key: key, failures: 1, updated_at: now })
    .onConflict((oc) =>
      oc
        .column('username_key')
        .doUpdateSet({ failures: sql`login_failures.failures + 1`, updated_at: now })
        .where((eb) =>
          eb.and([
            eb.or([eb('login_failures.locked_until', 'is', null), eb('login_failures.locked_until', '<=', now)]),
            eb('login_failures.failures', '<', limit),
          ]),
        ),
    )
    .returning('username_key')
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * After a failed check: once failures reach `limit`, locks for the duration `lockSeconds` gives
 * for the key's lock level (the last entry for every level beyond it) and starts counting anew.
 * True when this call locked it.
 */
export async function lockAtLimit(db: Db, key: string, now: Date, limit: number, lockSeconds: number[]): Promise<boolean> {
  const result = await db
    .updateTable('login_failures')
    .set({
      failures: 0,
      locked_until: sql`${now}::timestamptz + make_interval(secs => (${`{${lockSeconds.join(',')}}`}::int[])[least(login_failures.lock_level + 1, ${lockSeconds.length})])`,
      lock_level: sql`login_failures.lock_level + 1`,
      updated_at: now,
    })
    .where('username_key', '=', key)
    .where('failures', '>=', limit)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Takes back a reserved attempt that was neither a failure nor a success. */
export async function releaseAttempt(db: Db, key: string): Promise<void> {
  await db.updateTable('login_failures').set({ failures: sql`greatest(login_failures.failures - 1, 0)` }).where('username_key', '=', key).execute();
}

/** A success ends the count; the lock level (how long the next lock lasts) stays. */
export async function resetFailures(db: Db, key: string, now: Date): Promise<void> {
  await db.deleteFrom('login_failures').where('username_key', '=', key).where('lock_level', '=', 0).execute();
  await db.updateTable('login_failures').set({ failures: 0, locked_until: null, updated_at: now }).where('username_key', '=', key).execute();
}

/** Forgets the key entirely (a new password: the doubling starts over). */
export async function clearKey(db: Db, key: string): Promise<void> {
  await db.deleteFrom('login_failures').where('username_key', '=', key).execute();
}

/** Drops counters idle since `before` whose lock, if any, has ended. */
export async function purgeIdle(db: Db, before: Date): Promise<void> {
  await db
    .deleteFrom('login_failures')
    .where('updated_at', '<', before)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', before)]))
    .execute();
}
