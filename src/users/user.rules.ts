// Rules on user fields and on who may change what, shared by create, replace, patch and delete.
import { ProblemError, problems } from '../http/problem.ts';
import type { Role } from '../auth/roles.ts';
import type { User, UserStatus } from './user.model.ts';

export interface Actor {
  userId: string;
  role: Role;
}

const MAX_ATTRIBUTES_BYTES = 64 * 1024;
const MAX_ATTRIBUTES_DEPTH = 32;

/** Size and depth limits on free-form attributes; depth is walked without recursion. */
export function checkAttributes(attributes: Record<string, unknown>, pointer = '/attributes'): void {
  const stack: [unknown, number][] = [[attributes, 1]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (depth > MAX_ATTRIBUTES_DEPTH) {
      throw problems.invalid([
        { pointer, code: 'too_deep', detail: `must not nest deeper than ${MAX_ATTRIBUTES_DEPTH} levels` },
      ]);
    }
    for (const child of Object.values(value)) stack.push([child, depth + 1]);
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

/** Managers administer users and groups but never admins, and never grant admin. */
export function checkManagerLimits(actor: Actor, current: User | undefined, nextRole: Role): void {
  if (actor.role !== 'manager') return;
  if (current?.role === 'admin' || current?.isSuperuser) {
    throw problems.forbidden('user.admin_protected', 'Managers cannot create, modify or delete administrators.');
  }
  if (nextRole === 'admin') {
    throw problems.forbidden('user.admin_grant_forbidden', 'Managers cannot grant the admin role.');
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
