// An authentication scheme turns a request's credentials into a user. Basic, session JWTs,
// session cookies and personal access tokens are each one scheme.
import type { Role } from './roles.ts';
import type { AuditOrigin } from '../audit/audit-context.ts';

export interface AuthUser {
  id: string;
  username: string;
  role: Role;
  status: string;
  type: string;
  passwordHash: string | null;
  mfaEnabled: boolean;
  /** Member (directly or through ancestors) of a superuser group: may do what an admin may. */
  isSuperuser: boolean;
}

/** Who a username names, with the username's lock state (one read: users.getLoginSubject). */
export interface LoginSubject {
  user: AuthUser | undefined;
  /** Failed checks counted against the username (see credentials/lockout.ts). */
  failures: number;
  lockedUntil: Date | null;
}

export interface AuthInput {
  /** The request's origin, for the audit log's failed checks. */
  origin?: AuditOrigin;
  authorization: string | undefined;
  cookies: Record<string, string | undefined>;
  method: string;
  csrfToken: string | undefined;
  ip: string;
}

export type AuthResult =
  | { kind: 'skip' } // not this scheme's credentials
  | { kind: 'invalid'; reason: string; challenge?: string }
  | { kind: 'throttled'; reason: string; retryAfter: number }
  | { kind: 'csrf' }
  | { kind: 'ok'; user: AuthUser; sessionId?: string; sessionStartedAt?: Date };

export interface AuthScheme {
  name: string;
  /** The WWW-Authenticate challenge this scheme offers on a 401, if it has one. */
  challenge?: string;
  authenticate(input: AuthInput): Promise<AuthResult>;
}

/** The user-row columns every scheme needs, named as AuthUser names them. */
export function toAuthUser(row: {
  id: string;
  username: string;
  role: string;
  status: string;
  type: string;
  password_hash: string | null;
  mfa_enabled: boolean;
  is_superuser: boolean;
}): AuthUser {
  return {
    id: row.id,
    username: row.username,
    role: row.role as Role,
    status: row.status,
    type: row.type,
    passwordHash: row.password_hash,
    mfaEnabled: row.mfa_enabled,
    isSuperuser: row.is_superuser,
  };
}
