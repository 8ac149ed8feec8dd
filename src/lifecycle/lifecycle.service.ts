// The user lifecycle: invitations and activation, password reset, email verification and the
// second half of asynchronous creation. Mails are jobs, queued with the change that causes them
// and sent by the worker; the token a mail carries is made when it is sent, so no usable token
// rests in the database in clear.
import type { UnitOfWork } from '../repos.ts';
import type { PasswordHasher } from '../credentials/password.ts';
import type { SecretBox } from '../credentials/secret-box.ts';
import type { Passwords } from '../users/password.service.ts';
import { problems } from '../http/problem.ts';
import type { Queue } from '../jobs/queue.ts';
import type { Mailer } from '../mail/mailer.ts';
import { renderMail, type MailPurpose } from '../mail/templates.ts';
import { foldKey, type User } from '../users/user.model.ts';
import type { UserEvents } from '../users/user.service.ts';
import type { CredentialActor } from '../auth/ownership.ts';
import { credentialTarget } from '../users/credential-target.ts';
import { findLiveToken, issueToken, spendToken, type TokenPurpose } from './user-tokens.ts';
import type { Audit } from '../audit/audit.service.ts';
import type { AuditOrigin } from '../audit/audit-context.ts';

export interface LifecycleTtl {
  activation: number;
  passwordReset: number;
  emailVerification: number;
}

export interface LifecycleDeps {
  data: UnitOfWork;
  now: () => Date;
  newId: () => string;
  passwords: PasswordHasher;
  box: SecretBox;
  queue: Queue;
  mailer: Mailer;
  publicUrl: string;
  ttl: LifecycleTtl;
  /** Stores activation and reset passwords, with all that a new password ends. */
  newPassword: Passwords;
  /** Limits reset requests per client address (wait → 429) and per mailbox (mail: false). */
  resetLimit(ip: string, mailbox: string): Promise<{ wait?: number; mail: boolean }>;
  /** The audit log, written in each change's transaction (a new password's event is `newPassword`'s). */
  audit?: Audit;
}

const SEAL_CONTEXT = 'pending-password';
const LINK_PATHS: Record<MailPurpose, string> = {
  activation: '/activate',
  password_reset: '/reset-password',
  email_verification: '/verify-email',
};

export function createLifecycle(deps: LifecycleDeps) {
  const { repos } = deps.data;
  const users = repos.users;
  const userTarget = (id: string) => ({ type: 'user', id });
  const ttlOf = (purpose: TokenPurpose) =>
    purpose === 'activation' ? deps.ttl.activation : purpose === 'password_reset' ? deps.ttl.passwordReset : deps.ttl.emailVerification;

  async function mailToken(user: User, purpose: TokenPurpose, email: string): Promise<void> {
    const token = await issueToken(repos, {
      id: deps.newId(),
      userId: user.id,
      purpose,
      email: purpose === 'email_verification' ? email : null,
      now: deps.now(),
      ttlSeconds: ttlOf(purpose),
    });
    const link = `${deps.publicUrl}${LINK_PATHS[purpose]}?token=${encodeURIComponent(token)}`;
    const name = user.name ?? user.givenName ?? user.username;
    const mail = renderMail(purpose, { locale: user.locale, name, link, ttlMinutes: Math.round(ttlOf(purpose) / 60) });
    await deps.mailer.send({ to: email, ...mail });
  }

  deps.queue.register('mail.activation', async (payload) => {
    const user = await users.getUserById(String(payload.userId));
    if (!user || user.status !== 'invited' || !user.email) return; // nothing left to invite
    await mailToken(user, 'activation', user.email);
  });

  deps.queue.register('mail.password_reset', async (payload) => {
    const user = await users.getUserByEmail(String(payload.email));
    if (!user || user.status !== 'active' || !user.email) return; // the answer was 202 all the same
    await mailToken(user, 'password_reset', user.email);
  });

  deps.queue.register('mail.email_verification', async (payload) => {
    const user = await users.getUserById(String(payload.userId));
    if (!user || user.status !== 'active' || !user.email || foldKey(user.email) !== foldKey(String(payload.email))) return;
    await mailToken(user, 'email_verification', user.email);
  });

  deps.queue.register('user.finish_create', async (payload) => {
    const user = await users.getUserById(String(payload.userId));
    if (!user || user.status !== 'pending') return;
    const sealed = payload.passwordSealed;
    const passwordHash = typeof sealed === 'string' ? await deps.passwords.hash(deps.box.open(sealed, SEAL_CONTEXT)) : null;
    await deps.data.transaction(async (tx) => {
      const settled = await tx.users.settlePendingUser(user.id, passwordHash, deps.now());
      if (settled?.status === 'invited' && settled.email) await deps.queue.enqueue(tx, 'mail.activation', { userId: settled.id });
    });
    deps.queue.wake();
  });

  const events: UserEvents = {
    async created(tx, user, context) {
      if (context.async) {
        const passwordSealed = context.password === undefined ? undefined : deps.box.seal(context.password, SEAL_CONTEXT);
        await deps.queue.enqueue(tx, 'user.finish_create', { userId: user.id, ...(passwordSealed ? { passwordSealed } : {}) });
      } else if (user.status === 'invited' && user.email) {
        await deps.queue.enqueue(tx, 'mail.activation', { userId: user.id });
      }
    },
    async changed(tx, before, after) {
      const emailChanged = (after.email && foldKey(after.email)) !== (before.email && foldKey(before.email));
      // A reset link mailed to the old address must not outlive the change.
      if (emailChanged) await tx.userTokens.deleteTokens(after.id, 'password_reset');
      if (emailChanged && after.status === 'active' && after.email) {
        await deps.queue.enqueue(tx, 'mail.email_verification', { userId: after.id, email: after.email });
      }
      // An invitation follows the address: the new one is invited, the old link stops working.
      if (emailChanged && after.status === 'invited') {
        await tx.userTokens.deleteTokens(after.id, 'activation');
        if (after.email) await deps.queue.enqueue(tx, 'mail.activation', { userId: after.id });
      }
    },
    committed: () => deps.queue.wake(),
  };

  return {
    events,

    /** Throws the problem that says why a mailed link no longer works (unknown, used, expired); spends nothing. */
    async checkLink(purpose: 'activation' | 'password_reset' | 'email_verification', token: string): Promise<void> {
      await findLiveToken(repos, token, purpose, deps.now());
    },

    async activate(input: { token: string; password: string }, origin?: AuditOrigin): Promise<User> {
      const row = await findLiveToken(repos, input.token, 'activation', deps.now());
      const user = await users.getUserById(row.userId);
      if (!user || user.status !== 'invited') {
        // A concurrent activation may have spent this token between the two reads: say so.
        await findLiveToken(repos, input.token, 'activation', deps.now());
        throw problems.conflict('user.not_invited', 'This account is no longer waiting for activation.');
      }
      await deps.newPassword.store(user, input.password, {
        emailVerified: true,
        origin,
        alongside: async (tx) => {
          await spendToken(tx, row, deps.now());
          await deps.audit?.record(tx, { action: 'user.activated', target: userTarget(user.id), changes: ['status', 'emailVerified'], origin });
        },
      });
      return (await users.getUserById(user.id))!;
    },

    async resendInvitation(actor: CredentialActor, targetId: string): Promise<void> {
      const user = await credentialTarget(repos, actor, targetId, 'write');
      if (user.status !== 'invited') throw problems.conflict('user.not_invited', `The user is ${user.status}, not invited.`);
      if (!user.email) throw problems.conflict('user.no_email', 'The user has no email address to send an invitation to.');
      await deps.data.transaction(async (tx) => {
        await deps.queue.enqueue(tx, 'mail.activation', { userId: user.id });
        await deps.audit?.record(tx, { action: 'user.invited', target: userTarget(user.id), origin: actor.origin });
      });
      deps.queue.wake();
    },

    /** Queues the mail whether or not the address is known, so neither answer nor timing tells. */
    async requestPasswordReset(email: string, ip: string, origin?: AuditOrigin): Promise<void> {
      const limit = await deps.resetLimit(ip, foldKey(email));
      if (limit.wait !== undefined) throw problems.tooManyAttempts('Too many password-reset requests from this address.', limit.wait);
      await deps.data.transaction(async (tx) => {
        // Every request is recorded, about the user the address names if any: the same work either way.
        if (deps.audit) {
          const user = await tx.users.getUserByEmail(email);
          await deps.audit.record(tx, { action: 'user.password_reset_requested', target: user && userTarget(user.id), origin });
        }
        // When this mailbox had enough mail for now nothing is sent; the answer stays the same.
        if (limit.mail) await deps.queue.enqueue(tx, 'mail.password_reset', { email });
      });
      if (limit.mail) deps.queue.wake();
    },

    async confirmPasswordReset(input: { token: string; password: string }, origin?: AuditOrigin): Promise<void> {
      const row = await findLiveToken(repos, input.token, 'password_reset', deps.now());
      const user = await users.getUserById(row.userId);
      if (!user || user.status !== 'active') throw problems.conflict('user.not_active', 'This account cannot reset its password.');
      await deps.newPassword.store(user, input.password, { origin, alongside: (tx) => spendToken(tx, row, deps.now()) });
    },

    async verifyEmail(input: { token: string }, origin?: AuditOrigin): Promise<void> {
      const row = await findLiveToken(repos, input.token, 'email_verification', deps.now());
      const user = await users.getUserById(row.userId);
      if (!user || !user.email || !row.email || foldKey(user.email) !== foldKey(row.email)) {
        throw problems.conflict('user.email_changed', 'The address this link verifies is no longer the user\'s address.');
      }
      await deps.data.transaction(async (tx) => {
        await spendToken(tx, row, deps.now());
        await tx.users.markEmailVerified(user.id, deps.now());
        await deps.audit?.record(tx, { action: 'user.email_verified', target: userTarget(user.id), changes: ['emailVerified'], origin });
      });
    },
  };
}

export type Lifecycle = ReturnType<typeof createLifecycle>;
