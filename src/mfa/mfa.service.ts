// Multi-factor authentication: TOTP enrolment and verification, single-use recovery codes, and
// the admin reset (IGT's $mfa-reset). Codes are never accepted twice.
import { createHmac, randomBytes } from 'node:crypto';
import type { UnitOfWork } from '../repos.ts';
import type { SecretBox } from '../credentials/secret-box.ts';
import type { RecentLogin, RecentLoginActor } from '../credentials/recent-login.ts';
import type { CredentialActor } from '../auth/ownership.ts';
import type { CredentialsChanged } from '../auth/credentials-changed.ts';
import { ProblemError, problems } from '../http/problem.ts';
import { credentialTarget } from '../users/credential-target.ts';
import type { User } from '../users/user.model.ts';
import { matchingStep, newTotpSecret, otpauthUrl } from './totp.ts';
import type { Audit } from '../audit/audit.service.ts';
import type { AuditOrigin } from '../audit/audit-context.ts';

const SEAL_CONTEXT = 'totp-secret';
const RECOVERY_CODES = 10;

export interface MfaDeps {
  data: UnitOfWork;
  box: SecretBox;
  recentLogin: RecentLogin;
  credentials: CredentialsChanged;
  now: () => Date;
  newId: () => string;
  /** Keys recovery-code hashes, so a leaked table cannot be checked offline without it. */
  codeKey: Buffer;
  /** The audit log, written in each change's transaction (never a seed or a code). */
  audit?: Audit;
}

function recoveryCode(): string {
  // 10 characters of base32 (50 bits) in two groups: easy to type, impossible to guess online.
  const alphabet = 'abcdefghijkmnpqrstuvwxyz23456789';
  const bytes = randomBytes(10);
  const chars = [...bytes].map((b) => alphabet[b % alphabet.length]).join('');
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
}

export type MfaActor = CredentialActor & RecentLoginActor;

export function createMfa(deps: MfaDeps) {
  const repo = deps.data.repos.mfa;
  const userTarget = (id: string) => ({ type: 'user', id });
  const self = async (actor: MfaActor): Promise<User> => {
    const user = await deps.data.repos.users.getUserById(actor.userId);
    if (!user) throw problems.notFound('user.not_found', 'No user has this id.');
    return user;
  };
  const hashCode = (code: string) => createHmac('sha256', deps.codeKey).update(code.trim().toLowerCase()).digest('base64url');

  async function checkTotp(userId: string, code: string, requireVerified: boolean): Promise<boolean> {
    const factor = await repo.getTotp(userId);
    if (!factor || factor.verified !== requireVerified) return false;
    const step = matchingStep(deps.box.open(factor.secretSealed, SEAL_CONTEXT), code, deps.now());
    if (step === undefined) return false;
    return repo.consumeStep(userId, step);
  }

  return {
    /** Starts enrolment of the caller; from an older session the current password is needed. */
    async enrollTotp(actor: MfaActor, currentPassword?: string) {
      const user = await self(actor);
      if (user.type === 'service_account') {
        throw problems.conflict('mfa.service_account', 'Service accounts authenticate with tokens and have no MFA.');
      }
      if (user.mfaEnabled) {
        throw problems.conflict('mfa.already_enabled', 'MFA is already enabled; reset it before enrolling again.');
      }
      await deps.recentLogin.assertRecent(actor, currentPassword);
      const secret = newTotpSecret();
      await repo.upsertPendingTotp(user.id, deps.box.seal(secret, SEAL_CONTEXT), deps.now());
      return { secret, otpauthUrl: otpauthUrl(secret, user.username) };
    },

    async verifyTotp(userId: string, code: string, origin?: AuditOrigin): Promise<void> {
      const factor = await repo.getTotp(userId);
      if (!factor || factor.verified) {
        throw problems.conflict('mfa.no_pending_totp', 'There is no pending TOTP enrolment: POST /users/me/mfa/totp first.');
      }
      if (!(await checkTotp(userId, code, false))) {
        throw new ProblemError({
          status: 400,
          code: 'mfa.invalid_code',
          slug: 'invalid-code',
          detail: 'The code does not match the pending TOTP secret.',
          errors: [{ pointer: '/code', code: 'invalid_code', detail: 'does not match' }],
        });
      }
      await deps.data.transaction(async (tx) => {
        await tx.mfa.markTotpVerified(userId, deps.now());
        await deps.audit?.record(tx, { action: 'user.mfa_enabled', target: userTarget(userId), changes: ['mfaEnabled'], origin });
      });
      deps.credentials.user(userId);
    },

    async issueRecoveryCodes(actor: MfaActor, currentPassword?: string): Promise<string[]> {
      const user = await self(actor);
      if (!user.mfaEnabled) throw problems.conflict('mfa.not_enabled', 'Enable TOTP before issuing recovery codes.');
      await deps.recentLogin.assertRecent(actor, currentPassword);
      const codes = Array.from({ length: RECOVERY_CODES }, recoveryCode);
      await deps.data.transaction(async (tx) => {
        await tx.mfa.replaceRecoveryCodes(user.id, codes.map((code) => ({ id: deps.newId(), hash: hashCode(code) })));
        await deps.audit?.record(tx, { action: 'user.recovery_codes_regenerated', target: userTarget(user.id), changes: ['recoveryCodes'], origin: actor.origin });
      });
      return codes;
    },

    /** A TOTP code or an unused recovery code; either is spent by this check. */
    async checkSecondFactor(userId: string, code: string, origin?: AuditOrigin): Promise<boolean> {
      if (/^\d{6}$/.test(code.trim())) return checkTotp(userId, code.trim(), true);
      // A recovery code spent is one fewer left: recorded with its spending.
      return deps.data.transaction(async (tx) => {
        const used = await tx.mfa.useRecoveryCode(userId, hashCode(code), deps.now());
        if (used) await deps.audit?.record(tx, { action: 'user.recovery_code_used', target: userTarget(userId), origin });
        return used;
      });
    },

    /**
     * Removes every factor of the target: an admin's or manager's reset of another user
     * (user.mfa_reset), or the caller's own MFA turned off (user.mfa_disabled).
     */
    async reset(actor: CredentialActor, targetId: string): Promise<void> {
      const user = await credentialTarget(deps.data.repos, actor, targetId, 'write');
      await deps.data.transaction(async (tx) => {
        if (!(await tx.mfa.removeAllFactors(user.id, deps.now()))) throw problems.notFound('user.not_found', 'No user has this id.');
        const action = user.id === actor.userId ? 'user.mfa_disabled' : 'user.mfa_reset';
        await deps.audit?.record(tx, { action, target: userTarget(user.id), changes: user.mfaEnabled ? ['mfaEnabled'] : [], origin: actor.origin });
      });
      deps.credentials.user(user.id);
    },
  };
}

export type Mfa = ReturnType<typeof createMfa>;
