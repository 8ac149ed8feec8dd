// The user whose credentials (tokens, password, MFA, invitation) a request touches, after the
// checks of auth/ownership.ts. Permission comes first, so a plain user learns nothing about
// which ids exist from 403 versus 404.
import { assertMayManageCredentials, assertMayReachOthers, type CredentialActor } from '../auth/ownership.ts';
import { problems } from '../http/problem.ts';
import { canonicalId } from '../ids.ts';
import type { Repos } from '../repos.ts';
import type { User } from './user.model.ts';

export async function credentialTarget(repos: Repos, actor: CredentialActor, rawId: string, mode: 'read' | 'write'): Promise<User> {
  const wanted = rawId === 'me' ? actor.userId : rawId;
  const id = canonicalId(wanted);
  assertMayReachOthers(actor, id ?? wanted, mode);
  const user = id ? await repos.users.getUserById(id) : undefined;
  if (!user) throw problems.notFound('user.not_found', 'No user has this id.');
  assertMayManageCredentials(actor, user, mode);
  return user;
}
