// Maps a User to its wire format explicitly, so a new column never leaks by accident.
import { createHash } from 'node:crypto';
import { profileOfUser, type User } from './user.model.ts';
import { escapeHtml } from '../text/escape-html.ts';
import type { UserView } from './user.schema.ts';

export function toUserView(user: User, callerId: string | undefined): UserView {
  return {
    id: user.id,
    ...profileOfUser(user),
    type: user.type,
    status: user.status,
    groups: user.groups,
    isSuperuser: user.isSuperuser,
    isCurrent: user.id === callerId,
    mfaEnabled: user.mfaEnabled,
    emailVerified: user.emailVerified,
    avatarUrl: initialsAvatar(user),
    lastLogin: user.lastLogin?.toISOString() ?? null,
    createdAt: user.createdAt.toISOString(),
    updatedAt: user.updatedAt.toISOString(),
  };
}

const rendered = new WeakMap<object, string>();

/** The JSON of the plain view; a cached user's is rendered once (isCurrent varies, so the caller's own is not). */
export function userJson(user: User, callerId: string | undefined): string {
  if (user.id === callerId) return JSON.stringify(toUserView(user, callerId));
  return remembered(rendered, user, (u) => JSON.stringify(toUserView(u, undefined)));
}

/**
 * Strong ETag of the user's representation: the row version, plus a digest of what is derived
 * from other rows (memberships, superuser status), which change without touching the row.
 */
export function userEtag(user: Pick<User, 'version' | 'groups' | 'isSuperuser'>): string {
  if (user.groups.length === 0 && !user.isSuperuser) return `"${user.version}"`;
  return remembered(etags, user, derivedEtag);
}

// Both digests are pure functions of an unchanging object, and cached users (user-cache.ts) are
// frozen and served again and again: each is worked out once per user object.
const etags = new WeakMap<object, string>();
const avatars = new WeakMap<object, string>();

function remembered<U extends object>(memo: WeakMap<object, string>, user: U, work: (user: U) => string): string {
  let value = memo.get(user);
  if (value === undefined) {
    value = work(user);
    if (Object.isFrozen(user)) memo.set(user, value);
  }
  return value;
}

function derivedEtag(user: Pick<User, 'version' | 'groups' | 'isSuperuser'>): string {
  const derived = createHash('sha256').update(`${[...user.groups].sort().join(',')}|${user.isSuperuser}`).digest('base64url');
  return `"${user.version}-${derived.slice(0, 10)}"`;
}

function initials(user: User): string {
  const words = (user.name ?? [user.givenName, user.familyName].filter(Boolean).join(' ')).trim().split(/\s+/);
  const fromName = words.filter(Boolean).map((w) => [...w][0]).slice(0, 2).join('');
  return (fromName || [...user.username][0] || '?').toUpperCase();
}

/** An SVG of the user's initials on a colour derived from the id, as a data URI. */
export function initialsAvatar(user: User): string {
  return remembered(avatars, user, drawAvatar);
}

function drawAvatar(user: User): string {
  const hue = createHash('sha256').update(user.id).digest()[0] / 255 * 360;
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64">` +
    `<rect width="64" height="64" fill="hsl(${Math.round(hue)},45%,45%)"/>` +
    `<text x="50%" y="50%" dy=".35em" text-anchor="middle" font-family="sans-serif" font-size="26" fill="#fff">` +
    `${escapeHtml(initials(user))}</text></svg>`;
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}
