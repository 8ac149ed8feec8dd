// Recomputes the stored uniqueness keys (users.username_key and email_key, groups.name_key) with
// the current fold, for rows written under an older one (NFKC + toLowerCase before full case
// folding). Each key is updated on its own, outside any transaction: the step is idempotent, so
// a crash or a second process doing the same only repeats work. A key whose new value another
// row already holds (STRASSE and straße both existed) keeps its old value and is reported: an
// operator must rename one of the two, and the step runs again at the next start until none is left.
import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';
import { asUniqueViolation } from './errors.ts';
import { foldKey } from '../users/user.model.ts';

export interface KeyConflict {
  table: 'users' | 'groups';
  id: string;
  column: 'username_key' | 'email_key' | 'name_key';
  value: string;
}

export interface RefoldResult {
  updated: number;
  conflicts: KeyConflict[];
}

const PAGE = 500;

export async function refoldKeys(db: Kysely<Database>): Promise<RefoldResult> {
  const result: RefoldResult = { updated: 0, conflicts: [] };
  const set = async (table: 'users' | 'groups', id: string, column: KeyConflict['column'], value: string) => {
    try {
      await db.updateTable(table as 'users').set({ [column]: foldKey(value) } as never).where('id', '=', id).execute();
      result.updated += 1;
    } catch (error) {
      if (!asUniqueViolation(error)) throw error;
      result.conflicts.push({ table, id, column, value });
    }
  };

  const first = '00000000-0000-0000-0000-000000000000';
  let after = first;
  for (;;) {
    const rows = await db
      .selectFrom('users')
      .select(['id', 'username', 'username_key', 'email', 'email_key'])
      .where('id', '>', after)
      .orderBy('id')
      .limit(PAGE)
      .execute();
    for (const row of rows) {
      if (foldKey(row.username) !== row.username_key) await set('users', row.id, 'username_key', row.username);
      if (row.email !== null && foldKey(row.email) !== row.email_key) await set('users', row.id, 'email_key', row.email);
    }
    if (rows.length < PAGE) break;
    after = rows[rows.length - 1].id;
  }

  after = first;
  for (;;) {
    const rows = await db.selectFrom('groups').select(['id', 'name', 'name_key']).where('id', '>', after).orderBy('id').limit(PAGE).execute();
    for (const row of rows) if (foldKey(row.name) !== row.name_key) await set('groups', row.id, 'name_key', row.name);
    if (rows.length < PAGE) break;
    after = rows[rows.length - 1].id;
  }
  return result;
}
