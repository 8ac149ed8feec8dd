// /Me written to (RFC 7644 §3.11): a user changes its own profile through SCIM as it would through
// PATCH /api/v1/users/me, so only what self-service allows may differ from what is stored.
import type { User } from '../users/user.model.ts';
import type { SelfPatchInput } from '../users/user.schema.ts';
import { problems } from '../http/problem.ts';
import { scimUserOf, userInputOf } from './scim-user.ts';

const SELF_FIELDS = new Set(['name', 'givenName', 'familyName', 'phone', 'locale']);
/** REST field names as a SCIM client knows them, for the refusal's detail. */
const SCIM_NAMES: Record<string, string> = { username: 'userName', email: 'emails', externalId: 'externalId', role: 'role', type: 'type', path: 'path' };

type Json = Record<string, unknown>;

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

function withoutProfile(attributes: unknown): Json {
  const { profile: _profile, ...rest } = (attributes ?? {}) as Json;
  return rest;
}

/**
 * The self-service patch that turns the caller's stored user into `resource` (a whole SCIM User,
 * as sent to PUT or made by applying a PATCH); 403 when anything else would change.
 */
export function selfPatchOf(current: User, resource: unknown, baseUrl: string): SelfPatchInput {
  const before = userInputOf(scimUserOf(current, baseUrl), current).input as unknown as Json;
  const { input, active } = userInputOf(resource, current);
  const after = input as unknown as Json;
  const patch: Json = {};
  const refuse = (field: string) =>
    problems.forbidden(
      'scim.me_read_only',
      `Through /Me a user changes only its name, phone number, locale and attributes.profile; ${field} is not among them.`,
    );
  if (active !== undefined && active !== (current.status === 'active')) throw refuse('active');
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (same(before[key], after[key])) continue;
    if (SELF_FIELDS.has(key)) patch[key] = after[key] ?? null;
    else if (key === 'attributes' && same(withoutProfile(before.attributes), withoutProfile(after.attributes))) {
      patch.attributes = { profile: (after.attributes as Json | undefined)?.profile ?? null };
    } else throw refuse(SCIM_NAMES[key] ?? key);
  }
  return patch as SelfPatchInput;
}
