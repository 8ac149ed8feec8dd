// Service state (NetHSM-style): unprovisioned until the first admin exists, then operational,
// or read_only when configured for maintenance.
import { assertStrongPassword } from '../credentials/password-policy.ts';
import type { PasswordHasher } from '../credentials/password.ts';
import { ProblemError, problems } from '../http/problem.ts';
import type { UnitOfWork } from '../repos.ts';
import { profileOf } from '../users/user.service.ts';
import type { User } from '../users/user.model.ts';
import { checkUserNames } from '../users/identifiers.ts';
import type { Audit } from '../audit/audit.service.ts';
import type { AuditOrigin } from '../audit/audit-context.ts';

export type ServiceState = 'unprovisioned' | 'operational' | 'read_only';

export interface SystemDeps {
  data: UnitOfWork;
  passwords: PasswordHasher;
  now: () => Date;
  newId: () => string;
  readOnly: boolean;
  /** The audit log: system.provisioned, with the first administrator's row. */
  audit?: Audit;
}

export function createSystem(deps: SystemDeps) {
  const repo = deps.data.repos.system;
  // Provisioning never reverts, so once seen it is remembered; until then every check asks the
  // database, which is how a process learns that another process provisioned.
  let provisioned = false;

  async function state(): Promise<ServiceState> {
    if (!provisioned) provisioned = await repo.isProvisioned();
    if (!provisioned) return 'unprovisioned';
    return deps.readOnly ? 'read_only' : 'operational';
  }

  async function provision(input: { username: string; password: string }, origin?: AuditOrigin): Promise<User> {
    if (deps.readOnly) {
      throw problems.preconditionFailed('system.read_only', 'The service is read-only (maintenance).');
    }
    if ((await state()) !== 'unprovisioned') {
      throw problems.preconditionFailed('system.already_provisioned', 'The service is already provisioned.');
    }
    const profile = profileOf({ username: input.username, role: 'admin' });
    checkUserNames(profile);
    await assertStrongPassword(input.password, profile);
    const passwordHash = await deps.passwords.hash(input.password);
    const now = deps.now();
    const admin = await deps.data.transaction(async (tx) => {
      if (!(await tx.system.markProvisioned(now))) return undefined;
      const inserted = await tx.users.insertUser({
        id: deps.newId(),
        ...profile,
        type: 'internal',
        status: 'active',
        passwordHash,
        emailVerified: false,
        now,
      });
      await deps.audit?.record(tx, { action: 'system.provisioned', target: { type: 'user', id: inserted.id }, origin });
      return inserted;
    });
    if (!admin) throw problems.preconditionFailed('system.already_provisioned', 'The service is already provisioned.');
    provisioned = true;
    return admin;
  }

  async function ready(): Promise<void> {
    try {
      await repo.ping();
    } catch {
      throw new ProblemError({ status: 503, code: 'system.not_ready', detail: 'The database is not reachable.' });
    }
  }

  return { state, provision, ready, installationId: () => repo.getInstallationId() };
}

export type SystemService = ReturnType<typeof createSystem>;
