// Password changes: by the user (proving the current one) or by an admin/manager. Either way the
// policy applies, and the user's other sessions and every personal access token end: whoever
// held the old password may have minted them.
import { assertStrongPassword } from '../credentials/password-policy.ts';
import type { PasswordHasher } from '../credentials/password.ts';
import type { Lockout } from '../credentials/lockout.ts';
import type { RecentLogin } from '../credentials/recent-login.ts';
import type { CredentialsChanged } from '../auth/credentials-changed.ts';
import type { CredentialActor } from '../auth/ownership.ts';
import { problems } from '../http/problem.ts';
import type { UnitOfWork } from '../repos.ts';
import { credentialTarget } from './credential-target.ts';
import type { User } from './user.model.ts';

export interface PasswordDeps {
  data: UnitOfWork;
  passwords: PasswordHasher;
  lockout: Lockout;
  recentLogin: RecentLogin;
  credentials: CredentialsChanged;
  now: () => Date;
}

export function createPasswords(deps: PasswordDeps) {
  /** Stores a new password for `user`; every session but `keepSession` and every token end. */
  async function store(user: User, password: string, keepSession?: string): Promise<void> {
    if (user.type === 'service_account') {
      throw problems.conflict('user.service_account_password', 'Service accounts have no password: they use tokens.');
    }
    await assertStrongPassword(password, user);
    const passwordHash = await deps.passwords.hash(password);
    await deps.data.transaction(async (tx) => {
      await tx.users.setPasswordHash(user.id, passwordHash, deps.now());
      // A reset link still in someone's mailbox must not undo this password.
      await tx.userTokens.deleteTokens(user.id, 'password_reset');
    });
    await deps.lockout.clear(user.username);
    await deps.credentials.revokeAll(user.id, { keepSession });
  }

  return {
    store,

    async changeOwn(
      actor: CredentialActor & { username: string; sessionId?: string },
      input: { currentPassword: string; password: string },
    ): Promise<void> {
      const user = await deps.data.repos.users.getUserById(actor.userId);
      if (!user) throw problems.notFound('user.not_found', 'No user has this id.');
      await deps.recentLogin.provePassword(user.username, input.currentPassword);
      await store(user, input.password, actor.sessionId);
    },

    async set(actor: CredentialActor, id: string, password: string): Promise<void> {
      const user = await credentialTarget(deps.data.repos, actor, id, 'write');
      if (user.id === actor.userId) {
        throw problems.forbidden('password.current_required', 'Your own password changes at PUT /api/v1/users/me/password, with the current one.');
      }
      await store(user, password);
    },
  };
}

export type Passwords = ReturnType<typeof createPasswords>;
