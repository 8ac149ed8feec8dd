// Who is calling: the authenticated user as read for this request, and how they proved it.
import type { Role } from './roles.ts';
import type { AuditOrigin } from '../audit/audit-context.ts';

export interface Principal {
  userId: string;
  username: string;
  role: Role;
  scheme: string;
  /** The session behind a JWT or cookie, so logout and password changes can name it. */
  sessionId?: string;
  /** When that session's login happened (sessions only). */
  sessionStartedAt?: Date;
  /** This request's origin with this principal as its actor: what the audit log records. */
  origin?: AuditOrigin;
}
