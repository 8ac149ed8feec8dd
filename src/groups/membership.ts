// Rules for putting users into groups, shared by the groups API and the user's `groups` field.
import type { Repos } from '../repos.ts';
import { problems } from '../http/problem.ts';
import type { Role } from '../auth/roles.ts';
import { isUuid } from '../ids.ts';

/** Unknown ids → 400 with a pointer each; a manager may not hand out superuser groups → 403. */
export async function checkGroupIds(repos: Repos, actor: { role: Role } | undefined, ids: string[]): Promise<void> {
  const seen = new Map<string, number>();
  const repeats = ids.flatMap((id, i) => {
    const first = seen.get(id.toLowerCase());
    if (first === undefined) seen.set(id.toLowerCase(), i);
    return first === undefined ? [] : [{ pointer: `/groups/${i}`, code: 'duplicate_items', detail: `repeats /groups/${first}` }];
  });
  if (repeats.length > 0) throw problems.invalid(repeats, 'A group is named twice.');
  const known = await repos.groups.existingGroupIds(ids.filter(isUuid));
  const unknown = ids.map((id, i) => ({ id, i })).filter(({ id }) => !known.has(id.toLowerCase()) && !known.has(id));
  if (unknown.length > 0) {
    throw problems.invalid(
      unknown.map(({ id, i }) => ({ pointer: `/groups/${i}`, code: 'unknown_group', detail: `no group has the id "${id}"` })),
      'Some groups do not exist.',
    );
  }
  if (actor?.role === 'manager' && (await repos.groups.grantsSuperuser(ids))) {
    throw problems.forbidden('group.superuser_forbidden', 'Managers cannot grant membership of a superuser group (or one below it).');
  }
}
