// Groups of an import, named rather than identified: their ids are looked up as batches need
// them and remembered (groups are few), and a missing one is created before the batch is written.
import type { UnitOfWork } from '../repos.ts';
import type { Audit } from '../audit/audit.service.ts';
import type { Actor } from './user.rules.ts';
import { foldKey } from './user.model.ts';
import { UniqueViolation } from '../store/errors.ts';
import type { ImportRow, LineError } from './import-line.ts';

export function importGroups(data: UnitOfWork, actor: Actor, options: { dryRun: boolean; newId: () => string; audit?: Audit }) {
  const { repos } = data;
  const known = new Map<string, { id: string; grantsSuperuser: boolean }>();
  /** Each group name's first spelling in the file, noted as lines are read (batches write out of order). */
  const firstSpelling = new Map<string, string>();

  async function load(keys: string[]): Promise<void> {
    for (const group of await repos.users.groupsByNameKey(keys)) {
      known.set(group.nameKey, { id: group.id, grantsSuperuser: group.grantsSuperuser });
    }
  }

  return {
    /** Notes a line's group names, in the order the file gives them. */
    note(names: string[]): void {
      for (const name of names) {
        const key = foldKey(name);
        if (!firstSpelling.has(key)) firstSpelling.set(key, name);
      }
    },
    /**
     * Learns the ids of these groups, creating the missing ones at once, each committed on its
     * own: batches written side by side then never point at a group another has not committed.
     * A dry run only pretends to create.
     */
    async ensure(names: string[], at: Date): Promise<void> {
      // A missing group is created as its first mention in the file spells it.
      const wanted = new Map<string, string>();
      for (const name of names) {
        const key = foldKey(name);
        if (!known.has(key) && !wanted.has(key)) wanted.set(key, firstSpelling.get(key) ?? name);
      }
      if (wanted.size === 0) return;
      await load([...wanted.keys()]);
      for (const [key, name] of wanted) {
        if (known.has(key)) continue;
        const id = options.newId();
        if (options.dryRun) {
          known.set(key, { id, grantsSuperuser: false });
          continue;
        }
        try {
          await data.transaction(async (tx) => {
            await tx.groups.insertGroup(id, { name, parent: null, isSuperuser: false, attributes: {} }, at);
            await options.audit?.record(tx, { action: 'group.created', target: { type: 'group', id }, origin: actor.origin });
          });
          known.set(key, { id, grantsSuperuser: false });
        } catch (error) {
          if (!(error instanceof UniqueViolation)) throw error;
          await load([key]); // made meanwhile, by another batch or another request
        }
      }
    },
    /** The id of a group `ensure` has seen. */
    idOf(name: string): string {
      return known.get(foldKey(name))!.id;
    },
    /** A manager may not hand out membership of a group that makes superusers. */
    check(row: ImportRow): LineError | undefined {
      if (actor.role !== 'manager') return undefined;
      const i = (row.groups ?? []).findIndex((name) => known.get(foldKey(name))?.grantsSuperuser);
      if (i === -1) return undefined;
      return {
        line: row.line,
        pointer: `/groups/${i}`,
        code: 'group.superuser_forbidden',
        detail: 'Managers cannot grant membership of a superuser group (or one below it).',
      };
    },
  };
}
