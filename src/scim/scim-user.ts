// A Roster user as a SCIM User resource (RFC 7643 §4.1) and back (API.md, "SCIM 2.0"): the
// mapping of one model onto the other, nothing stored of its own.
import type { User } from '../users/user.model.ts';
import type { UserCreateInput } from '../users/user.schema.ts';
import { userEtag } from '../users/user.view.ts';
import { problems } from '../http/problem.ts';
import { isObject, type Json } from './json.ts';

export const USER_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:User';
export const ROSTER_USER_SCHEMA = 'urn:roster:params:scim:schemas:extension:roster:2.0:User';
export const ENTERPRISE_USER_SCHEMA = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
/** The Enterprise User extension's attributes Roster keeps (RFC 7643 §4.3). */
export const ENTERPRISE_FIELDS = ['employeeNumber', 'costCenter', 'organization', 'division', 'department'] as const;


// What SCIM carries beyond the user's own fields is kept in the user's attributes, under the
// schema URI it belongs to, so /api/v1, export and backup carry it too (API.md, "SCIM 2.0"):
// the Enterprise extension, and the emails and phone numbers besides the primary one.
const SCIM_KEYS = [ENTERPRISE_USER_SCHEMA, USER_SCHEMA];

/** The user's attributes without the SCIM-kept ones: what the Roster extension shows. */
function ownAttributes(attributes: Json): Json {
  const out = { ...attributes };
  for (const key of SCIM_KEYS) delete out[key];
  return out;
}

/** The non-primary values of a multi-valued attribute kept in attributes[USER_SCHEMA]. */
function keptValues(user: User, name: 'emails' | 'phoneNumbers'): Json[] {
  const kept = user.attributes[USER_SCHEMA];
  const list = isObject(kept) ? kept[name] : undefined;
  return Array.isArray(list) ? list.filter(isObject) : [];
}

export function scimUserOf(user: User, baseUrl: string): Json {
  const name: Json = {};
  if (user.name !== null) name.formatted = user.name;
  if (user.givenName !== null) name.givenName = user.givenName;
  if (user.familyName !== null) name.familyName = user.familyName;
  return {
    schemas: [USER_SCHEMA, ...(isObject(user.attributes[ENTERPRISE_USER_SCHEMA]) ? [ENTERPRISE_USER_SCHEMA] : []), ROSTER_USER_SCHEMA],
    id: user.id,
    ...(user.externalId !== null ? { externalId: user.externalId } : {}),
    userName: user.username,
    ...(Object.keys(name).length > 0 ? { name } : {}),
    ...(user.name !== null ? { displayName: user.name } : {}),
    ...multiValued('emails', user.email, keptValues(user, 'emails')),
    ...multiValued('phoneNumbers', user.phone, keptValues(user, 'phoneNumbers')),
    ...(user.locale !== null ? { locale: user.locale } : {}),
    // An invited or pending user cannot sign in yet: not active (API.md).
    active: user.status === 'active',
    groups: user.groups.map((id) => ({ value: id, $ref: `${baseUrl}/Groups/${id}` })),
    ...(isObject(user.attributes[ENTERPRISE_USER_SCHEMA]) ? { [ENTERPRISE_USER_SCHEMA]: user.attributes[ENTERPRISE_USER_SCHEMA] } : {}),
    [ROSTER_USER_SCHEMA]: { role: user.role, type: user.type, path: user.path, attributes: ownAttributes(user.attributes), status: user.status },
    meta: {
      resourceType: 'User',
      created: user.createdAt.toISOString(),
      lastModified: user.updatedAt.toISOString(),
      location: `${baseUrl}/Users/${user.id}`,
      version: userEtag(user),
    },
  };
}

function multiValued(name: string, primary: string | null, others: Json[]): Json {
  if (primary === null && others.length === 0) return {};
  return { [name]: [...(primary !== null ? [{ value: primary, type: 'work', primary: true }] : []), ...others] };
}

/**
 * A multi-valued attribute as sent: the value marked primary (else the first) is the user's own
 * field; the others are kept as they came, at most 20, each `{ value, type?, display? }`.
 */
function splitValues(list: unknown, pointer: string): { primary: string | null; others: Json[] } | undefined {
  if (list === undefined) return undefined;
  if (list === null) return { primary: null, others: [] };
  if (!Array.isArray(list)) throw problems.invalid([{ pointer, code: 'invalid_type', detail: 'must be an array' }], `${pointer.slice(1)} must be an array.`);
  if (list.length > 20) throw problems.invalid([{ pointer, code: 'too_long', detail: 'at most 20 values' }], `${pointer.slice(1)} holds at most 20 values.`);
  list.forEach((item, i) => {
    const value = (item as Json | null)?.value;
    if (typeof value !== 'string' || value.length > 320) {
      throw problems.invalid([{ pointer: `${pointer}/${i}/value`, code: 'invalid_type', detail: 'must be a string of at most 320 characters' }], `${pointer.slice(1)} needs string values.`);
    }
  });
  if (list.length === 0) return { primary: null, others: [] };
  const chosen = (list.find((item) => (item as Json).primary === true || (item as Json).primary === 'True') ?? list[0]) as Json;
  const others = list
    .filter((item) => item !== chosen)
    .map((item) => {
      const { value, type, display } = item as Json;
      return { value, ...(typeof type === 'string' ? { type: type.slice(0, 64) } : {}), ...(typeof display === 'string' ? { display: display.slice(0, 255) } : {}) };
    });
  return { primary: chosen.value as string, others };
}

/** The Enterprise extension as sent: its known string fields and manager (an object or, as Entra ID sends it, an id). */
function enterpriseOf(value: unknown): Json | undefined {
  if (value === undefined || value === null) return undefined;
  const pointer = `/${ENTERPRISE_USER_SCHEMA}`;
  if (!isObject(value)) throw problems.invalid([{ pointer, code: 'invalid_type', detail: 'must be an object' }], 'The Enterprise User extension must be an object.');
  const out: Json = {};
  for (const field of ENTERPRISE_FIELDS) {
    const given = value[Object.keys(value).find((k) => k.toLowerCase() === field.toLowerCase()) ?? field];
    if (given === undefined || given === null || given === '') continue;
    if (typeof given !== 'string' || given.length > 255) {
      throw problems.invalid([{ pointer: `${pointer}/${field}`, code: 'invalid_type', detail: 'must be a string of at most 255 characters' }], `${field} must be a string.`);
    }
    out[field] = given;
  }
  const manager = value[Object.keys(value).find((k) => k.toLowerCase() === 'manager') ?? 'manager'];
  const managerId = isObject(manager) ? manager.value : manager;
  if (managerId !== undefined && managerId !== null && managerId !== '') {
    if (typeof managerId !== 'string' || managerId.length > 255) {
      throw problems.invalid([{ pointer: `${pointer}/manager/value`, code: 'invalid_type', detail: 'must be a string' }], 'manager.value must be a string.');
    }
    out.manager = { value: managerId, ...(isObject(manager) && typeof manager.displayName === 'string' ? { displayName: manager.displayName.slice(0, 255) } : {}) };
  }
  return Object.keys(out).length > 0 ? out : undefined;
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
 * `current`: the user a replacement replaces. A resource without the Roster extension keeps its
 * role and attributes, since identity providers send only the schemas they know.
 */
export function userInputOf(resource: unknown, current?: User): { input: UserCreateInput; active: boolean | undefined } {
  if (resource === null || typeof resource !== 'object' || Array.isArray(resource)) {
    throw problems.invalid([{ pointer: '', code: 'invalid_type', detail: 'must be a JSON object' }], 'The body must be a SCIM User object.');
  }
  const r = resource as Json;
  const name = (r.name ?? {}) as Json;
  const roster = (r[ROSTER_USER_SCHEMA] ?? {}) as Json;
  const emails = splitValues(r.emails, '/emails');
  const phones = splitValues(r.phoneNumbers, '/phoneNumbers');
  const enterprise = enterpriseOf(r[ENTERPRISE_USER_SCHEMA]);
  const given = roster.attributes;
  const base = given === undefined ? ownAttributes(current?.attributes ?? {}) : given;
  if (!isObject(base)) {
    throw problems.invalid([{ pointer: `/${ROSTER_USER_SCHEMA}/attributes`, code: 'invalid_type', detail: 'must be an object' }], 'attributes must be an object.');
  }
  const kept = {
    ...(emails?.others.length ? { emails: emails.others } : {}),
    ...(phones?.others.length ? { phoneNumbers: phones.others } : {}),
  };
  const attributes = {
    ...ownAttributes(base),
    ...(enterprise ? { [ENTERPRISE_USER_SCHEMA]: enterprise } : {}),
    ...(Object.keys(kept).length > 0 ? { [USER_SCHEMA]: kept } : {}),
  };
  const input: Record<string, unknown> = {
    username: r.userName,
    name: name.formatted ?? r.displayName,
    givenName: name.givenName,
    familyName: name.familyName,
    email: emails?.primary,
    phone: phones?.primary,
    locale: r.locale,
    externalId: r.externalId,
    password: r.password,
    role: roster.role,
    type: roster.type,
    path: roster.path,
    attributes: Object.keys(attributes).length > 0 || given !== undefined || current ? attributes : undefined,
  };
  for (const key of Object.keys(input)) if (input[key] === undefined) delete input[key];
  if (typeof input.username !== 'string') {
    throw problems.invalid([{ pointer: '/userName', code: 'required', detail: 'is required' }], 'userName is required.');
  }
  return { input: input as unknown as UserCreateInput, active: activeOf(r.active) };
}
