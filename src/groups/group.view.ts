// Maps a Group to its wire format explicitly, and its strong ETag.
import type { Group } from './group.model.ts';

export function toGroupView(group: Group) {
  return {
    id: group.id,
    name: group.name,
    parent: group.parent,
    isSuperuser: group.isSuperuser,
    attributes: group.attributes,
    memberCount: group.memberCount,
    createdAt: group.createdAt.toISOString(),
    updatedAt: group.updatedAt.toISOString(),
  };
}

/** Strong ETag: the row version, and the member count, which changes without touching the row. */
export const groupEtag = (group: { version: number; memberCount: number }) =>
  group.memberCount === 0 ? `"${group.version}"` : `"${group.version}-m${group.memberCount}"`;
