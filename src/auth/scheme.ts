// An authentication scheme turns an Authorization header into a user. Basic is one; sessions
// (JWT) and personal access tokens plug in as further schemes.
import type { Role } from './roles.ts';

export interface AuthUser {
  id: string;
  username: string;
  role: Role;
  status: string;
  type: string;
  passwordHash: string | null;
}

export type AuthResult =
  | { kind: 'skip' } // not this scheme's header
  | { kind: 'invalid'; reason: string }
  | { kind: 'ok'; user: AuthUser };

export interface AuthScheme {
  name: string;
  /** The WWW-Authenticate challenge this scheme offers on a 401. */
  challenge: string;
  authenticate(header: string): Promise<AuthResult>;
}
