// SCIM /Bulk (RFC 7644 §3.7): many operations in one request, each answered on its own, with
// `bulkId` references from one operation to a resource another creates. Each operation runs as
// the request it stands for (the caller passes `run`), so it meets the same rules, roles and
// errors as if sent alone; this file only orders them, resolves references and counts errors.
import { ProblemError, problems } from '../http/problem.ts';
import { SCIM_ERROR } from './scim-error.ts';
import { nestsWithin } from '../text/json-depth.ts';

export const BULK_REQUEST = 'urn:ietf:params:scim:api:messages:2.0:BulkRequest';
export const BULK_RESPONSE = 'urn:ietf:params:scim:api:messages:2.0:BulkResponse';
export const MAX_BULK_OPERATIONS = 1000;
export const MAX_BULK_PAYLOAD = 1024 * 1024;

type Json = Record<string, unknown>;
const METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** A collection, or one of its resources by id or by `bulkId:…` (no dots, slashes or escapes). */
const PATHS = /^\/(Users|Groups)(?:\/([A-Za-z0-9_:-]{1,200}))?$/;
const REFERENCE = /^bulkId:(.+)$/;
const MAX_DEPTH = 32;

export interface BulkOperation {
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  bulkId?: string;
  path: string;
  version?: string;
  data?: unknown;
}

/** What running one operation answered. */
export interface Outcome {
  status: number;
  body: unknown;
  location?: string;
  version?: string;
}

export interface BulkResult {
  method: string;
  bulkId?: string;
  location?: string;
  version?: string;
  status: string;
  response?: unknown;
}

function invalid(pointer: string, detail: string): ProblemError {
  return problems.invalid([{ pointer, code: 'invalid_value', detail }], `${pointer.slice(1)} ${detail}.`);
}

/** The request's operations and failOnErrors, or 400 (invalidSyntax / invalidValue) / 413 (tooMany). */
export function parseBulk(body: unknown): { operations: BulkOperation[]; failOnErrors: number } {
  const request = (body ?? {}) as Json;
  if (!Array.isArray(request.schemas) || !request.schemas.includes(BULK_REQUEST)) throw invalid('/schemas', `must hold ${BULK_REQUEST}`);
  const failOnErrors = request.failOnErrors ?? Number.POSITIVE_INFINITY;
  if (failOnErrors !== Number.POSITIVE_INFINITY && (!Number.isInteger(failOnErrors) || (failOnErrors as number) < 1)) {
    throw invalid('/failOnErrors', 'must be a whole number of at least 1');
  }
  const list = request.Operations;
  if (!Array.isArray(list) || list.length === 0) throw invalid('/Operations', 'must be a non-empty array');
  if (list.length > MAX_BULK_OPERATIONS) {
    throw new ProblemError({ status: 413, code: 'scim.too_many', detail: `At most ${MAX_BULK_OPERATIONS} operations in one bulk request (maxOperations).` });
  }
  const bulkIds = new Set<string>();
  const operations = list.map((raw, i): BulkOperation => {
    const op = (raw ?? {}) as Json;
    const at = `/Operations/${i}`;
    const method = typeof op.method === 'string' ? op.method.toUpperCase() : '';
    if (!METHODS.has(method)) throw invalid(`${at}/method`, 'must be POST, PUT, PATCH or DELETE');
    if (typeof op.path !== 'string' || !PATHS.test(op.path)) throw invalid(`${at}/path`, 'must be /Users, /Groups or one of theirs by id or bulkId');
    const isCollection = !PATHS.exec(op.path)![2];
    if (!nestsWithin(op.data, MAX_DEPTH)) throw invalid(`${at}/data`, `must not nest deeper than ${MAX_DEPTH} levels`);
    if (isCollection !== (method === 'POST')) throw invalid(`${at}/path`, method === 'POST' ? 'must name /Users or /Groups' : 'must name one resource');
    if (op.bulkId !== undefined && (typeof op.bulkId !== 'string' || op.bulkId === '' || op.bulkId.length > 200)) throw invalid(`${at}/bulkId`, 'must be a string of 1 to 200 characters');
    if (method === 'POST' && op.bulkId === undefined) throw invalid(`${at}/bulkId`, 'is required for POST');
    if (op.bulkId !== undefined) {
      if (bulkIds.has(op.bulkId as string)) throw invalid(`${at}/bulkId`, 'is used by an earlier operation');
      bulkIds.add(op.bulkId as string);
    }
    if (op.version !== undefined && typeof op.version !== 'string') throw invalid(`${at}/version`, 'must be a string');
    if (method !== 'DELETE' && (op.data === null || typeof op.data !== 'object')) throw invalid(`${at}/data`, 'must be an object');
    return { method: method as BulkOperation['method'], path: op.path, data: op.data, ...(op.bulkId !== undefined ? { bulkId: op.bulkId as string } : {}), ...(op.version !== undefined ? { version: op.version as string } : {}) };
  });
  return { operations, failOnErrors: failOnErrors as number };
}

/** The bulkIds an operation refers to, in its path and anywhere among its data's strings. */
function referencesOf(op: BulkOperation): Set<string> {
  const found = new Set<string>();
  const visit = (value: unknown): void => {
    if (typeof value === 'string') {
      const match = REFERENCE.exec(value);
      if (match) found.add(match[1]);
    } else if (Array.isArray(value)) value.forEach(visit);
    else if (value !== null && typeof value === 'object') Object.values(value).forEach(visit);
  };
  visit(PATHS.exec(op.path)![2]);
  visit(op.data);
  return found;
}

/** The path with a `bulkId:…` resource named by the id its POST created. */
function resolvedPath(path: string, ids: Map<string, string>): string {
  const [, collection, id] = PATHS.exec(path)!;
  return id === undefined ? path : `/${collection}/${encodeURIComponent(resolved(id, ids))}`;
}

function resolved<T>(value: T, ids: Map<string, string>): T {
  if (typeof value === 'string') {
    const match = REFERENCE.exec(value);
    return (match ? ids.get(match[1]) ?? value : value) as T;
  }
  if (Array.isArray(value)) return value.map((item) => resolved(item, ids)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, resolved(item, ids)])) as T;
  }
  return value;
}

function errorDocument(status: number, detail: string, scimType?: string) {
  return { schemas: [SCIM_ERROR], status: String(status), ...(scimType ? { scimType } : {}), detail };
}

/**
 * Runs the operations in the order given, except that one referring to a bulkId is held back
 * until the operation that creates it has run; stops once `failOnErrors` operations have failed.
 * An operation whose reference cannot be resolved (unknown, failed, or circular) fails with 409.
 */
export async function runBulk(
  operations: BulkOperation[],
  failOnErrors: number,
  run: (op: BulkOperation) => Promise<Outcome>,
): Promise<BulkResult[]> {
  const results = new Map<BulkOperation, BulkResult>();
  const ids = new Map<string, string>(); // bulkId → the id its POST created
  const defined = new Set(operations.flatMap((op) => (op.bulkId ? [op.bulkId] : [])));
  const failedIds = new Set<string>();
  let pending = operations;
  let errors = 0;
  const record = (op: BulkOperation, outcome: Outcome) => {
    const ok = outcome.status < 400;
    if (!ok) errors += 1;
    if (op.bulkId && !ok) failedIds.add(op.bulkId);
    const id = ok && op.method === 'POST' ? (outcome.body as Json | null)?.id : undefined;
    if (op.bulkId && typeof id === 'string') ids.set(op.bulkId, id);
    results.set(op, {
      method: op.method,
      ...(op.bulkId ? { bulkId: op.bulkId } : {}),
      ...(outcome.location ? { location: outcome.location } : {}),
      ...(outcome.version ? { version: outcome.version } : {}),
      status: String(outcome.status),
      ...(ok ? {} : { response: outcome.body }),
    });
  };
  while (pending.length > 0 && errors < failOnErrors) {
    const waiting: BulkOperation[] = [];
    for (const op of pending) {
      if (errors >= failOnErrors) break;
      const references = [...referencesOf(op)];
      const broken = references.find((ref) => !defined.has(ref) || failedIds.has(ref));
      if (broken !== undefined) {
        const why = defined.has(broken) ? 'the operation that creates it failed' : 'no operation of this request creates it';
        record(op, { status: 409, body: errorDocument(409, `bulkId:${broken} cannot be resolved: ${why}.`, 'invalidValue') });
      } else if (references.some((ref) => !ids.has(ref))) waiting.push(op);
      else record(op, await run({ ...op, path: resolvedPath(op.path, ids), data: resolved(op.data, ids) }));
    }
    if (waiting.length === pending.length) {
      // Nothing ran this round: the rest refer to one another in a circle.
      for (const op of waiting) {
        if (errors >= failOnErrors) break;
        record(op, { status: 409, body: errorDocument(409, 'Its bulkId references are circular.', 'invalidValue') });
      }
      break;
    }
    pending = waiting;
  }
  return operations.flatMap((op) => (results.has(op) ? [results.get(op)!] : []));
}
