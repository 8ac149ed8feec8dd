// SCIM's error document (RFC 7644 §3.12) for the problems the domain raises: the same errors as
// /api/v1, in the shape identity providers read, with the scimType that says which rule failed.
import { ProblemError } from '../http/problem.ts';
import type { ErrorFace } from '../http/errors.ts';

export const SCIM_ERROR = 'urn:ietf:params:scim:api:messages:2.0:Error';

export interface ScimError {
  schemas: [typeof SCIM_ERROR];
  status: string;
  scimType?: string;
  detail: string;
}

/** The scimType of a problem, when RFC 7644 has one for it. */
function scimTypeOf(problem: ProblemError): string | undefined {
  const codes = (problem.errors ?? []).map((e) => e.code);
  if (problem.code === 'filter.invalid') return 'invalidFilter';
  if (problem.code.endsWith('_taken') || problem.code === 'user.conflict') return 'uniqueness';
  if (problem.code === 'request.malformed_json' || problem.code === 'request.empty_body') return 'invalidSyntax';
  if (codes.some((c) => c === 'immutable' || c === 'read_only')) return 'mutability';
  if (problem.code === 'scim.invalid_path') return 'invalidPath';
  if (problem.code === 'scim.no_target') return 'noTarget';
  if (problem.code === 'scim.too_many') return 'tooMany';
  if (problem.status === 400) return 'invalidValue';
  return undefined;
}

export function scimErrorOf(problem: ProblemError): ScimError {
  const fields = (problem.errors ?? []).map((e) => `${e.pointer ?? e.parameter ?? ''} ${e.detail}`.trim());
  const detail = fields.length > 0 && !problem.message.includes(fields[0]) ? `${problem.message} ${fields.join('; ')}.` : problem.message;
  const scimType = scimTypeOf(problem);
  return { schemas: [SCIM_ERROR], status: String(problem.status), ...(scimType ? { scimType } : {}), detail };
}

/** SCIM's wording of problems for every path under /scim/ (unknown routes and methods included). */
export const SCIM_FACE: ErrorFace = { prefix: '/scim/', mediaType: 'application/scim+json', render: scimErrorOf };

const ROSTER = 'urn:roster:params:scim:schemas:extension:roster:2.0:User';
/** The users service names /api/v1's fields; a SCIM client knows them by their SCIM paths. */
const USER_POINTERS: Record<string, string> = {
  '/username': '/userName',
  '/email': '/emails',
  '/phone': '/phoneNumbers',
  '/name': '/name/formatted',
  '/givenName': '/name/givenName',
  '/familyName': '/name/familyName',
  '/status': '/active',
  '/role': `/${ROSTER}/role`,
  '/type': `/${ROSTER}/type`,
  '/path': `/${ROSTER}/path`,
  '/attributes': `/${ROSTER}/attributes`,
};
const GROUP_POINTERS: Record<string, string> = { '/name': '/displayName' };

/** The problem with its field pointers (and their mentions in the detail) in SCIM's terms. */
export function inScimTerms(problem: ProblemError, url: string): ProblemError {
  const table = /^\/scim\/v2\/(Users|Me)(\/|\?|$)/.test(url) ? USER_POINTERS : /^\/scim\/v2\/Groups/.test(url) ? GROUP_POINTERS : undefined;
  if (!table || !problem.errors?.length) return problem;
  const rename = (pointer: string | undefined) => {
    if (pointer === undefined) return undefined;
    const [, head, rest] = /^(\/[^/]+)(.*)$/.exec(pointer) ?? [];
    return head && Object.hasOwn(table, head) ? table[head] + rest : pointer;
  };
  const detail = problem.message.replace(/(^|[\s(])(\/[A-Za-z]+)(?=[\s.,;:)]|$)/g, (match, before: string, pointer: string) =>
    Object.hasOwn(table, pointer) ? before + table[pointer] : match,
  );
  return new ProblemError({
    status: problem.status,
    code: problem.code,
    slug: problem.slug,
    detail,
    errors: problem.errors.map((e) => ({ ...e, pointer: rename(e.pointer) })),
    headers: problem.headers,
    extensions: problem.extensions,
  });
}
