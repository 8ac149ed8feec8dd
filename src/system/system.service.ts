// Service state (NetHSM-style): unprovisioned until the first admin exists, then operational,
// or read_only when configured for maintenance.
import { assertStrongPassword } from '../credentials/password-policy.ts';
import { problems } from '../http/problem.ts';
import * as repo from './system.repo.ts';
import * as users from '../users/user.repo.ts';
import { profileOf, type UserDeps } from '../users/user.service.ts';
import type { User } from '../users/user.model.ts';
import { checkUserNames } from '../users/identifiers.ts';

export type ServiceState = 'unprovisioned' | 'operational' | 'read_only';

export interface SystemDeps extends UserDeps {
  readOnly: boolean;
}

export function createSystem(deps: SystemDeps) {
  // Provisioning never reverts, so once seen it is remembered; until then every check asks the
  // database, which is how a process learns that another process provisioned.
  let provisioned = false;

  async function state(): Promise<ServiceState> {
    if (!provisioned) provisioned = await repo.isProvisioned(deps.db);
    if (!provisioned) return 'unprovisioned';
    return deps.readOnly ? 'read_only' : 'operational';
  }

  async function provision(input: { username: string; password: string }): Promise<User> {
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
    const admin = await deps.db.transaction().execute(async (trx) => {
      if (!(await repo.markProvisioned(trx, now))) return undefined;
      return users.insertUser(trx, {
        id: deps.newId(),
        ...profile,
        type: 'internal',
        status: 'active',
        passwordHash,
        emailVerified: false,
        now,
      });
    });
    if (!admin) throw problems.preconditionFailed('system.already_provisioned', 'The service is already provisioned.');
    provisioned = true;
    return admin;
  }

  return { state, provision };
}

export type SystemService = ReturnType<typeof createSystem>;
