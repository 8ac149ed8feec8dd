// Who may manage a user's own credentials (tokens, password, MFA): the user itself, admins, and
// managers for users whose role grants nothing a manager lacks (else a manager could mint an
// auditor's token and act as the auditor); auditors may read (list) them.
import { problems } from '../http/problem.ts';
import { grantsNoMoreThan, type Role } from './roles.ts';
import type { AuditOrigin } from '../audit/audit-context.ts';

export interface CredentialActor {
  userId: string;
  role: Role;
  /** Who acts and from where, for the audit log (the request's; none: the system). */
  origin?: AuditOrigin;
}

export function assertMayManageCredentials(
  actor: CredentialActor,
  target: { id: string; role: Role; isSuperuser: boolean },
  mode: 'read' | 'write',
): void {
  if (actor.userId === target.id || actor.role === 'admin') return;
  if (actor.role === 'manager') {
    // A superuser acts as an admin: its credentials are an admin's credentials.
    if (target.role === 'admin' || target.isSuperuser) {
      throw problems.forbidden('user.admin_protected', 'Managers cannot manage the credentials of administrators.');
    }
    if (grantsNoMoreThan(target.role, 'manager')) return;
    throw problems.forbidden('user.role_protected', `Managers cannot manage the credentials of users with the role ${target.role}.`);
  }
  if (actor.role === 'auditor' && mode === 'read') return;
  throw problems.forbidden('auth.forbidden', `The role ${actor.role} may not manage another user's credentials.`);
}

/**
 * Whether the actor may look at other users' credentials at all: checked before the target is
 * looked up, so a plain user learns nothing about which ids exist.
 */
export function assertMayReachOthers(actor: CredentialActor, targetId: string, mode: 'read' | 'write'): void {
  if (targetId === actor.userId || actor.role === 'admin' || actor.role === 'manager') return;
  if (actor.role === 'auditor' && mode === 'read') return;
  throw problems.forbidden('auth.forbidden', `The role ${actor.role} may not manage another user's credentials.`);
}
