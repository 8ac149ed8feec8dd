// Password changes: by the user (proving the current one) or by an admin/manager. Either way the
// policy applies and the user's other sessions end.
import { assertStrongPassword } from '../credentials/password-policy.ts';
import { checkPassword, type PasswordCheckDeps } from '../credentials/password-check.ts';
import { problems } from '../http/problem.ts';
import type { Sessions } from '../sessions/session.service.ts';
import { assertMayManageCredentials, type CredentialActor } from '../auth/ownership.ts';
import * as repo from './user.repo.ts';
import { getUser } from './user.service.ts';
import { retireTokens } from '../lifecycle/user-tokens.ts';
import type { User } from './user.model.ts';

export interface PasswordDeps extends PasswordCheckDeps {
  sessions: Sessions;
  newId: () => string;
  forgetUser(userId: string): void;
}

async function store(deps: PasswordDeps, user: User, password: string, keepSession?: string): Promise<void> {
  if (user.type === 'service_account') {
    throw problems.conflict('user.service_account_password', 'Service accounts have no password: they use tokens.');
  }
  await assertStrongPassword(password, user);
  const passwordHash = await deps.passwords.hash(password);
  await deps.db.transaction().execute(async (trx) => {
    await repo.setPasswordHash(trx, user.id, passwordHash, deps.now());
    // A reset link still in someone's mailbox must not undo this password.
    await retireTokens(trx, user.id, 'password_reset');
  });
  await deps.sessions.revokeAllOf(user.id, keepSession);
  deps.forgetUser(user.id);
}

export async function changeOwnPassword(
  deps: PasswordDeps,
  actor: CredentialActor & { sessionId?: string },
  input: { currentPassword: string; password: string },
): Promise<void> {
  const user = await getUser(deps, actor.userId);
  const auth = await repo.getAuthUserByUsername(deps.db, user.username);
  const check = await checkPassword(deps, auth, input.currentPassword);
  if (!check.ok) {
    if (check.locked) throw problems.tooManyAttempts('The account is locked after repeated failed attempts.', check.retryAfter);
    throw problems.invalid([{ pointer: '/currentPassword', code: 'incorrect', detail: 'is not the current password' }], 'The current password is not correct.');
  }
  await store(deps, user, input.password, actor.sessionId);
}

export async function setPassword(deps: PasswordDeps, actor: CredentialActor, id: string, password: string): Promise<void> {
  const user = await getUser(deps, id);
  if (user.id === actor.userId) {
    throw problems.forbidden('password.current_required', 'Your own password changes at PUT /api/v1/users/me/password, with the current one.');
  }
  assertMayManageCredentials(actor, user, 'write');
  await store(deps, user, password);
}
