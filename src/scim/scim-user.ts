// A Roster user as a SCIM User resource (RFC 7643 §4.1) and back (API.md, "SCIM 2.0"): the
// mapping of one model onto the other, nothing stored of its own.
import type { User } from '../users/user.model.ts';
import type { UserCreateInput } from '../users/user.schema.ts';
import { userEtag } from '../users/user.view.ts';
import { problems } from '../http/problem.ts';

export const USER_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:User';
export const ROSTER_USER_SCHEMA = 'urn:roster:params:scim:schemas:extension:roster:2.0:User';

type Json = Record<string, unknown>;

export function scimUserOf(user: User, baseUrl: string): Json {
  const name: Json = {};
  if (user.name !== null) name.formatted = user.name;
  if (user.givenName !== null) name.givenName = user.givenName;
  if (user.familyName !== null) name.familyName = user.familyName;
  return {
    schemas: [USER_SCHEMA, ROSTER_USER_SCHEMA],
    id: user.id,
    ...(user.externalId !== null ? { externalId: user.externalId } : {}),
    userName: user.username,
    ...(Object.keys(name).length > 0 ? { name } : {}),
    ...(user.name !== null ? { displayName: user.name } : {}),
    ...(user.email !== null ? { emails: [{ value: user.email, type: 'work', primary: true }] } : {}),
    ...(user.phone !== null ? { phoneNumbers: [{ value: user.phone, type: 'work', primary: true }] } : {}),
    ...(user.locale !== null ? { locale: user.locale } : {}),
    // An invited or pending user cannot sign in yet: not active (API.md).
    active: user.status === 'active',
    groups: user.groups.map((id) => ({ value: id, $ref: `${baseUrl}/Groups/${id}` })),
    [ROSTER_USER_SCHEMA]: { role: user.role, type: user.type, path: user.path, attributes: user.attributes, status: user.status },
    meta: {
      resourceType: 'User',
      created: user.createdAt.toISOString(),
      lastModified: user.updatedAt.toISOString(),
      location: `${baseUrl}/Users/${user.id}`,
      version: userEtag(user),
    },
  };
}

/** The value marked primary among a multi-valued attribute's, else the first. */
function primaryValue(list: unknown, pointer: string): string | null | undefined {
  if (list === undefined) return undefined;
  if (list === null) return null;
  if (!Array.isArray(list)) throw problems.invalid([{ pointer, code: 'invalid_type', detail: 'must be an array' }], `${pointer.slice(1)} must be an array.`);
  if (list.length === 0) return null;
  const chosen = (list.find((item) => (item as Json | null)?.primary === true) ?? list[0]) as Json | null;
  const value = chosen?.value;
  if (typeof value !== 'string') throw problems.invalid([{ pointer: `${pointer}/0/value`, code: 'invalid_type', detail: 'must be a string' }], `${pointer.slice(1)} needs a string value.`);
  return value;
}

/** SCIM's `active` as clients send it: a boolean, or the strings "True" and "False" (Entra ID). */
export function activeOf(value: unknown): boolean | undefined {
  if (value === undefined || typeof value === 'boolean') return value;
  if (typeof value === 'string' && /^(true|false)$/i.test(value)) return value.toLowerCase() === 'true';
  throw problems.invalid([{ pointer: '/active', code: 'invalid_type', detail: 'must be a boolean' }], 'active must be a boolean.');
}

/**
 * The fields of POST /api/v1/users a SCIM User names, for the users service to check and write
 * as the REST face would; `active` comes apart, since it is a status change after the create.
 */
export function userInputOf(resource: unknown): { input: UserCreateInput; active: boolean | undefined } {
  if (resource === null || typeof resource !== 'object' || Array.isArray(resource)) {
    throw problems.invalid([{ pointer: '', code: 'invalid_type', detail: 'must be a JSON object' }], 'The body must be a SCIM User object.');
  }
  const r = resource as Json;
  const name = (r.name ?? {}) as Json;
  const roster = (r[ROSTER_USER_SCHEMA] ?? {}) as Json;
  const input: Record<string, unknown> = {
    username: r.userName,
    name: name.formatted ?? r.displayName,
    givenName: name.givenName,
    familyName: name.familyName,
    email: primaryValue(r.emails, '/emails'),
    phone: primaryValue(r.phoneNumbers, '/phoneNumbers'),
    locale: r.locale,
    externalId: r.externalId,
    password: r.password,
    role: roster.role,
    type: roster.type,
    path: roster.path,
    attributes: roster.attributes,
  };
  for (const key of Object.keys(input)) if (input[key] === undefined) delete input[key];
  if (typeof input.username !== 'string') {
    throw problems.invalid([{ pointer: '/userName', code: 'required', detail: 'is required' }], 'userName is required.');
  }
  return { input: input as unknown as UserCreateInput, active: activeOf(r.active) };
}
