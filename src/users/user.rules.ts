// Rules on user fields and on who may change what, shared by create, replace, patch and delete.
import { ProblemError, problems } from '../http/problem.ts';
import { grantsNoMoreThan, type Role } from '../auth/roles.ts';
import type { User, UserStatus } from './user.model.ts';
import type { AuditOrigin } from '../audit/audit-context.ts';
import { nestsWithin } from '../text/json-depth.ts';

export interface Actor {
  userId: string;
  role: Role;
  /** Who acts and from where, for the audit log (the request's; none: the system). */
  origin?: AuditOrigin;
}

const MAX_ATTRIBUTES_BYTES = 64 * 1024;
const MAX_ATTRIBUTES_DEPTH = 32;

/** Size and depth limits on free-form attributes. */
export function checkAttributes(attributes: Record<string, unknown>, pointer = '/attributes'): void {
  if (!nestsWithin(attributes, MAX_ATTRIBUTES_DEPTH)) {
    throw problems.invalid([{ pointer, code: 'too_deep', detail: `must not nest deeper than ${MAX_ATTRIBUTES_DEPTH} levels` }]);
  }
  const size = Buffer.byteLength(JSON.stringify(attributes));
  if (size > MAX_ATTRIBUTES_BYTES) {
    throw problems.invalid([
      { pointer, code: 'too_large', detail: `must be at most ${MAX_ATTRIBUTES_BYTES} bytes serialized, got ${size}` },
    ]);
  }
}

export function fieldProblem(pointer: string, code: string, detail: string): ProblemError {
  return problems.invalid([{ pointer, code, detail }], `${pointer.slice(1)} ${detail}.`);
}

/**
 * Managers administer users and groups, but only users whose role grants nothing a manager
 * lacks: never admins, auditors or metrics users, whose credentials would lend them those powers.
 */
export function checkManagerLimits(actor: Actor, current: User | undefined, nextRole: Role): void {
  if (actor.role !== 'manager') return;
  if (current?.role === 'admin' || current?.isSuperuser) {
    throw problems.forbidden('user.admin_protected', 'Managers cannot create, modify or delete administrators.');
  }
  if (current && !grantsNoMoreThan(current.role, 'manager')) {
    throw problems.forbidden('user.role_protected', `Managers cannot modify or delete users with the role ${current.role}: it grants what a manager may not do.`);
  }
  if (nextRole === 'admin') {
    throw problems.forbidden('user.admin_grant_forbidden', 'Managers cannot grant the admin role.');
  }
  if (!grantsNoMoreThan(nextRole, 'manager')) {
    throw problems.forbidden('user.role_grant_forbidden', `Managers cannot grant the role ${nextRole}: it grants what a manager may not do.`);
  }
}

/** True when the change takes an active admin out of the set of active admins. */
export function removesActiveAdmin(current: User, next: { role: Role; status: UserStatus } | undefined): boolean {
  if (current.role !== 'admin' || current.status !== 'active') return false;
  return next === undefined || next.role !== 'admin' || next.status !== 'active';
}

export function lastAdminProblem(): ProblemError {
  return problems.conflict(
    'user.last_admin',
    'This is the last active administrator: it cannot be deleted, demoted or disabled.',
  );
}
