// Roles and the permissions each grants. Every route names one permission (see route config
// `access`); a route without one fails to register, so nothing is reachable by accident.
export const ROLES = ['admin', 'manager', 'auditor', 'metrics', 'backup', 'user'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = {
  /** No credentials needed (state, provision, health, docs). */
  public: [],
  /** Any authenticated caller, acting on itself (`/users/me`). */
  self: ROLES,
  'users.read': ['admin', 'manager', 'auditor'],
  'users.write': ['admin', 'manager'],
  'metrics.read': ['admin', 'metrics'],
  /** Operational views such as the job queue. */
  'system.read': ['admin', 'auditor'],
  /** Taking the encrypted backup (NetHSM's Backup role). */
  'system.backup': ['admin', 'backup'],
  /** Restoring a read-only service; an unprovisioned one takes a restore from anyone. */
  'system.restore': ['admin'],
  /** Reading the audit log. */
  'audit.read': ['admin', 'auditor'],
  /** Webhooks: where events go, and their signing secrets. */
  'webhooks.manage': ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function isPermission(value: unknown): value is Permission {
  return typeof value === 'string' && Object.hasOwn(PERMISSIONS, value);
}

export function roleMay(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

/**
 * True when `role` grants nothing that `holder` lacks: a holder may then manage that role's
 * users and credentials without borrowing powers it does not have.
 */
export function grantsNoMoreThan(role: Role, holder: Role): boolean {
  return Object.values(PERMISSIONS).every((roles) => !(roles as readonly Role[]).includes(role) || (roles as readonly Role[]).includes(holder));
}
