// Who may manage a user's own credentials (tokens, password, MFA): the user itself, admins, and
// managers for non-admins; auditors may read (list) them.
import { problems } from '../http/problem.ts';
import type { Role } from './roles.ts';

export interface CredentialActor {
  userId: string;
  role: Role;
}

export function assertMayManageCredentials(
  actor: CredentialActor,
  target: { id: string; role: Role; isSuperuser: boolean },
  mode: 'read' | 'write',
): void {
  if (actor.userId === target.id || actor.role === 'admin') return;
  if (actor.role === 'manager') {
    // A superuser acts as an admin: its credentials are an admin's credentials.
    if (target.role !== 'admin' && !target.isSuperuser) return;
    throw problems.forbidden('user.admin_protected', 'Managers cannot manage the credentials of administrators.');
  }
  if (actor.role === 'auditor' && mode === 'read') return;
  throw problems.forbidden('auth.forbidden', `The role ${actor.role} may not manage another user's credentials.`);
}

/** `/users/me/...` and `/users/{own id}/...` name the same user. */
export function resolveUserId(actor: CredentialActor, id: string): string {
  return id === 'me' ? actor.userId : id;
}
