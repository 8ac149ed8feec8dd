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
import type { Repos, UnitOfWork } from '../repos.ts';
import { credentialTarget } from './credential-target.ts';
import type { User } from './user.model.ts';
import type { Audit } from '../audit/audit.service.ts';
import type { AuditOrigin } from '../audit/audit-context.ts';

export interface PasswordDeps {
  data: UnitOfWork;
  passwords: PasswordHasher;
  lockout: Lockout;
  recentLogin: RecentLogin;
  credentials: CredentialsChanged;
  now: () => Date;
  /** The audit log, written in the transaction that sets the hash. */
  audit?: Audit;
}

export interface StoreOptions {
  /** The caller's own session, which survives its own change. */
  keepSession?: string;
  /** Set when the password came through a mailed link (activation): the address is proven. */
  emailVerified?: boolean;
  /** More work that must commit with the password, or not at all (spending a mailed token). */
  alongside?: (tx: Repos) => Promise<void>;
  /** Who sets it and from where, for the audit log. */
  origin?: AuditOrigin;
}

function assertMayHavePassword(user: User): void {
  if (user.type === 'service_account') {
    throw problems.conflict('user.service_account_password', 'Service accounts have no password: they use tokens.');
  }
}

export function createPasswords(deps: PasswordDeps) {
  /**
   * The one way a new password is set (admin, self-service, activation, reset): the policy
   * applies; then every session but `keepSession`, every token and the name's lockout end.
   */
  async function store(user: User, password: string, options: StoreOptions = {}): Promise<void> {
    assertMayHavePassword(user);
    await assertStrongPassword(password, user);
    const passwordHash = await deps.passwords.hash(password);
    await deps.data.transaction(async (tx) => {
      await options.alongside?.(tx);
      await tx.users.setPasswordHash(user.id, passwordHash, deps.now(), { emailVerified: options.emailVerified });
      // A reset link still in someone's mailbox must not undo this password.
      await tx.userTokens.deleteUnusedTokens(user.id, 'password_reset');
      // The field's name only, never the password or its hash.
      await deps.audit?.record(tx, { action: 'user.password_changed', target: { type: 'user', id: user.id }, changes: ['password'], origin: options.origin });
    });
    await deps.lockout.clear(user.username);
    await deps.credentials.revokeAll(user.id, { keepSession: options.keepSession });
  }

  async function settable(actor: CredentialActor, id: string): Promise<User> {
    const user = await credentialTarget(deps.data.repos, actor, id, 'write');
    if (user.id === actor.userId) {
      throw problems.forbidden('password.current_required', 'Your own password changes at PUT /api/v1/users/me/password, with the current one.');
    }
    return user;
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
      await store(user, input.password, { keepSession: actor.sessionId, origin: actor.origin });
    },

    async set(actor: CredentialActor, id: string, password: string): Promise<void> {
      await store(await settable(actor, id), password, { origin: actor.origin });
    },

    /**
     * Refuses, without storing anything, what `set` would refuse: a write that sets a password
     * beside other changes (SCIM's PUT and PATCH) checks first, so it fails before changing anything.
     */
    async check(actor: CredentialActor, id: string, password: string): Promise<void> {
      const user = await settable(actor, id);
      assertMayHavePassword(user);
      await assertStrongPassword(password, user);
    },
  };
}

export type Passwords = ReturnType<typeof createPasswords>;
