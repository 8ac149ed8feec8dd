// A Roster group as a SCIM Group resource (RFC 7643 §4.2) and back: displayName is the name,
// members are the direct user members and, as members of type Group, the child groups.
import type { Group } from '../groups/group.model.ts';
import { groupEtag } from '../groups/group.view.ts';
import { problems } from '../http/problem.ts';

export const GROUP_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:Group';

type Json = Record<string, unknown>;
export interface Members {
  users: { id: string; name: string }[];
  groups: { id: string; name: string }[];
}

export function scimGroupOf(group: Group, members: Members, baseUrl: string): Json {
  return {
    schemas: [GROUP_SCHEMA],
    id: group.id,
    displayName: group.name,
    members: [
      ...members.users.map((u) => ({ value: u.id, display: u.name, type: 'User', $ref: `${baseUrl}/Users/${u.id}` })),
      ...members.groups.map((g) => ({ value: g.id, display: g.name, type: 'Group', $ref: `${baseUrl}/Groups/${g.id}` })),
    ],
    meta: {
      resourceType: 'Group',
      created: group.createdAt.toISOString(),
      lastModified: group.updatedAt.toISOString(),
      location: `${baseUrl}/Groups/${group.id}`,
      version: groupEtag(group),
    },
  };
}

/**
 * What a SCIM Group asks for: its name and its user members. Child groups are placed with
 * `parent` through /api/v1; a Group-type member written here is refused rather than ignored.
 */
export function groupInputOf(resource: unknown, childIds: Set<string> = new Set()): { name: string; userIds: string[] | undefined } {
  const r = (resource ?? {}) as Json;
  if (typeof r.displayName !== 'string' || r.displayName === '') {
    throw problems.invalid([{ pointer: '/displayName', code: 'required', detail: 'is required' }], 'displayName is required.');
  }
  if (r.members === undefined || r.members === null) return { name: r.displayName, userIds: r.members === null ? [] : undefined };
  if (!Array.isArray(r.members)) throw problems.invalid([{ pointer: '/members', code: 'invalid_type', detail: 'must be an array' }], 'members must be an array.');
  const userIds = r.members.flatMap((member, i) => {
    const m = member as Json | null;
    if (typeof m?.value !== 'string') throw problems.invalid([{ pointer: `/members/${i}/value`, code: 'required', detail: 'is required' }], 'Each member needs a value.');
    if (typeof m.type === 'string' && m.type.toLowerCase() === 'group') {
      // The child groups it has are shown as members and may come back as they were.
      if (childIds.has(m.value.toLowerCase())) return [];
      throw problems.invalid([{ pointer: `/members/${i}/type`, code: 'read_only', detail: 'groups are nested with parent through /api/v1/groups' }], 'Group members of type Group are read-only here.');
    }
    return [m.value];
  });
  return { name: r.displayName, userIds };
}
