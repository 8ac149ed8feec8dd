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

/** A group's externalId is kept in its attributes under the Group schema's URI, so /api/v1 shows it too. */
export function externalIdOf(group: Group): string | undefined {
  const kept = group.attributes[GROUP_SCHEMA] as Json | undefined;
  return typeof kept?.externalId === 'string' ? kept.externalId : undefined;
}

/** The group's attributes with its externalId set (or cleared when undefined). */
export function withExternalId(attributes: Record<string, unknown>, externalId: string | undefined): Record<string, unknown> {
  const out = { ...attributes };
  if (externalId === undefined) delete out[GROUP_SCHEMA];
  else out[GROUP_SCHEMA] = { externalId };
  return out;
}

export function scimGroupOf(group: Group, members: Members, baseUrl: string): Json {
  const externalId = externalIdOf(group);
  return {
    schemas: [GROUP_SCHEMA],
    id: group.id,
    ...(externalId !== undefined ? { externalId } : {}),
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
export interface GroupInput {
  name: string;
  externalId: string | undefined;
  userIds: string[] | undefined;
}

export function groupInputOf(resource: unknown, childIds: Set<string> = new Set()): GroupInput {
  const r = (resource ?? {}) as Json;
  if (typeof r.displayName !== 'string' || r.displayName === '') {
    throw problems.invalid([{ pointer: '/displayName', code: 'required', detail: 'is required' }], 'displayName is required.');
  }
  const externalId = r.externalId ?? undefined;
  if (externalId !== undefined && (typeof externalId !== 'string' || externalId.length === 0 || externalId.length > 255)) {
    throw problems.invalid([{ pointer: '/externalId', code: 'invalid_type', detail: 'must be a string of 1 to 255 characters' }], 'externalId must be a string.');
  }
  const name = r.displayName;
  if (r.members === undefined || r.members === null) return { name, externalId, userIds: r.members === null ? [] : undefined };
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
  return { name, externalId, userIds };
}
