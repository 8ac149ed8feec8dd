// The user as the domain sees it, independent of rows and wire formats.
import type { Role } from '../auth/roles.ts';
import { nfkcCasefold } from './identifiers.ts';

export type UserType = 'internal' | 'external' | 'service_account';
export type UserStatus = 'pending' | 'invited' | 'active' | 'disabled';

export interface UserProfile {
  username: string;
  name: string | null;
  givenName: string | null;
  familyName: string | null;
  email: string | null;
  phone: string | null;
  locale: string | null;
  role: Role;
  attributes: Record<string, unknown>;
  path: string;
  externalId: string | null;
}

/** The profile part of a user: what a create or a replacement writes. */
export function profileOfUser(user: UserProfile): UserProfile {
  return {
    username: user.username,
    name: user.name,
    givenName: user.givenName,
    familyName: user.familyName,
    email: user.email,
    phone: user.phone,
    locale: user.locale,
    role: user.role,
    attributes: user.attributes,
    path: user.path,
    externalId: user.externalId,
  };
}

export interface User extends UserProfile {
  /** Ids of the groups the user is a direct member of. */
  groups: string[];
  isSuperuser: boolean;
  id: string;
  type: UserType;
  status: UserStatus;
  passwordHash: string | null;
  emailVerified: boolean;
  mfaEnabled: boolean;
  lastLogin: Date | null;
  createdAt: Date;
  updatedAt: Date;
  version: number;
}

/**
 * Usernames and emails are unique regardless of case, by Unicode rules rather than a collation:
 * NFKC_Casefold (see identifiers.ts). Stored keys follow it through refoldKeys at start-up.
 */
export function foldKey(value: string): string {
  return nfkcCasefold(value);
}
