// SCIM PATCH (RFC 7644 §3.5.2) applied to a resource's JSON: the operations real clients send,
// with their quirks (API.md, "SCIM 2.0"): op names in any case, path-less add/replace whose keys
// are dotted (`name.givenName`) or schema-qualified, value-filter paths (`emails[type eq
// "work"].value`), and removal by value. The result is a whole resource the caller writes as a
// replacement; nothing here knows of users or storage.
import { parseFilter, splitAttrPath, FilterSyntaxError, type FilterNode, type FilterValue } from '../filter/scim-filter.ts';
import { ProblemError, problems } from '../http/problem.ts';
import { keyIn as findKey } from './scim-attributes.ts';
import { isObject, type Json } from './json.ts';

export const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const MAX_OPERATIONS = 1000;


export interface PatchPath {
  /** The extension object it lives in (a schema URI), or undefined for a core attribute. */
  extension?: string;
  attr: string;
  filter?: FilterNode;
  sub?: string;
}

function invalidPath(path: string, why: string): ProblemError {
  return new ProblemError({ status: 400, code: 'scim.invalid_path', detail: `The path ${JSON.stringify(path)} is not valid: ${why}.` });
}

/** Reads `attr`, `attr.sub`, `urn:…:attr`, `attr[filter]` and `attr[filter].sub`. */
export function parsePath(path: string, coreSchemas: string[]): PatchPath {
  let head = path;
  let filter: FilterNode | undefined;
  let rest = '';
  const open = path.indexOf('[');
  if (open !== -1) {
    const close = path.lastIndexOf(']');
    if (close < open) throw invalidPath(path, 'a "[" is not closed');
    head = path.slice(0, open);
    rest = path.slice(close + 1);
    try {
      filter = parseFilter(path.slice(open + 1, close));
    } catch (error) {
      if (error instanceof FilterSyntaxError) throw invalidPath(path, error.message);
      throw error;
    }
    if (rest !== '' && !/^\.[A-Za-z$][\w$-]*$/.test(rest)) throw invalidPath(path, 'after "]" only ".subAttribute" may follow');
  }
  const { schema, name } = splitAttrPath(head);
  const [attr, sub, extra] = name.split('.');
  if (!attr || extra !== undefined || (sub !== undefined && rest !== '')) throw invalidPath(path, 'an attribute name, at most one sub-attribute');
  const extension = schema !== undefined && !coreSchemas.some((core) => core.toLowerCase() === schema.toLowerCase()) ? schema : undefined;
  return { extension, attr, filter, sub: sub ?? (rest ? rest.slice(1) : undefined) };
}

/** The key naming `name` in any case, or `name` itself for a key still to be made. */
function keyIn(object: Json, name: string): string {
  return findKey(object, name) ?? name;
}

function compareValues(actual: unknown, op: string, expected: FilterValue): boolean {
  if (op === 'pr') return actual !== undefined && actual !== null && actual !== '';
  if (expected === null) return op === 'eq' ? actual == null : actual != null;
  const a = typeof actual === 'string' ? actual.toLowerCase() : actual;
  const e = typeof expected === 'string' ? expected.toLowerCase() : expected;
  switch (op) {
    case 'eq': return a === e;
    case 'ne': return a !== e;
    case 'co': return typeof a === 'string' && a.includes(e as string);
    case 'sw': return typeof a === 'string' && a.startsWith(e as string);
    case 'ew': return typeof a === 'string' && a.endsWith(e as string);
    case 'gt': return (a as number) > (e as number);
    case 'ge': return (a as number) >= (e as number);
    case 'lt': return (a as number) < (e as number);
    case 'le': return (a as number) <= (e as number);
    default: return false;
  }
}

/** Whether one value of a multi-valued attribute (`{value, type, primary}`) meets a value filter. */
export function matches(item: unknown, node: FilterNode): boolean {
  const object = (item !== null && typeof item === 'object' ? item : { value: item }) as Json;
  switch (node.kind) {
    case 'and': return matches(item, node.left) && matches(item, node.right);
    case 'or': return matches(item, node.left) || matches(item, node.right);
    case 'not': return !matches(item, node.expr);
    case 'present': return compareValues(object[keyIn(object, node.attr)], 'pr', null);
    case 'compare': return compareValues(object[keyIn(object, node.attr)], node.op, node.value);
    case 'valuePath': return false;
  }
}

/** The object an operation works in: the resource, or its extension object (made when missing). */
function container(resource: Json, path: PatchPath): Json {
  if (!path.extension) return resource;
  const key = keyIn(resource, path.extension);
  if (resource[key] === null || typeof resource[key] !== 'object') resource[key] = {};
  return resource[key] as Json;
}

function setAt(resource: Json, path: PatchPath, value: unknown, op: 'add' | 'replace'): void {
  const target = container(resource, path);
  const key = keyIn(target, path.attr);
  if (path.filter) {
    const list = Array.isArray(target[key]) ? (target[key] as unknown[]) : [];
    const hits = list.filter((item) => matches(item, path.filter!));
    if (hits.length === 0) {
      if (op === 'replace') throw new ProblemError({ status: 400, code: 'scim.no_target', detail: `No value of ${path.attr} matches the filter.` });
      // An add through a filter that matches nothing makes the value the filter describes.
      const made: Json = filterValues(path.filter);
      list.push(path.sub ? { ...made, [path.sub]: value } : { ...made, ...(value as Json) });
      target[key] = list;
      return;
    }
    for (const hit of hits) {
      const index = list.indexOf(hit);
      list[index] = path.sub ? { ...(hit as Json), [path.sub]: value } : value;
    }
    target[key] = list;
    return;
  }
  if (path.sub) {
    const parent = target[key] !== null && typeof target[key] === 'object' && !Array.isArray(target[key]) ? (target[key] as Json) : {};
    parent[keyIn(parent, path.sub)] = value;
    target[key] = parent;
    return;
  }
  if (op === 'add' && Array.isArray(target[key]) && Array.isArray(value)) {
    // Adding what is there already changes nothing (RFC 7644 §3.5.2.1).
    const list = target[key] as unknown[];
    for (const item of value) if (!list.some((existing) => JSON.stringify(existing) === JSON.stringify(item))) list.push(item);
    return;
  }
  if (op === 'add' && isObject(target[key]) && isObject(value)) {
    target[key] = { ...(target[key] as Json), ...(value as Json) };
    return;
  }
  target[key] = value;
}

/** The equalities of a filter (`type eq "work"`), as the values a new item would have. */
function filterValues(node: FilterNode): Json {
  if (node.kind === 'compare' && node.op === 'eq') return { [node.attr]: node.value };
  if (node.kind === 'and') return { ...filterValues(node.left), ...filterValues(node.right) };
  return {};
}

function removeAt(resource: Json, path: PatchPath, value: unknown): void {
  const target = container(resource, path);
  const key = keyIn(target, path.attr);
  const current = target[key];
  if (path.filter) {
    if (!Array.isArray(current)) return;
    const kept = path.sub
      ? current.map((item) => (matches(item, path.filter!) ? omitKey(item as Json, path.sub!) : item))
      : current.filter((item) => !matches(item, path.filter!));
    target[key] = kept;
    return;
  }
  if (path.sub) {
    if (isObject(current)) target[key] = omitKey(current, path.sub);
    return;
  }
  // Removal by value (Entra ID removes members this way): only the values named go.
  if (Array.isArray(current) && Array.isArray(value)) {
    const gone = new Set(value.map((item) => String((item as Json)?.value ?? item).toLowerCase()));
    target[key] = current.filter((item) => !gone.has(String((item as Json)?.value ?? item).toLowerCase()));
    return;
  }
  delete target[key];
}

function omitKey(object: Json, name: string): Json {
  const out = { ...object };
  delete out[keyIn(out, name)];
  return out;
}

/** Applies a PatchOp request to a copy of `resource` and returns the copy. */
export function applyPatch(resource: Json, body: unknown, coreSchemas: string[]): Json {
  const request = body as { schemas?: unknown; Operations?: unknown } | null;
  if (!request || !Array.isArray(request.schemas) || !request.schemas.includes(PATCH_OP)) {
    throw problems.invalid([{ pointer: '/schemas', code: 'invalid_value', detail: `must hold ${PATCH_OP}` }], `A PATCH body is a PatchOp (${PATCH_OP}).`);
  }
  if (!Array.isArray(request.Operations) || request.Operations.length === 0) {
    throw problems.invalid([{ pointer: '/Operations', code: 'required', detail: 'must be a non-empty array' }], 'A PatchOp needs Operations.');
  }
  if (request.Operations.length > MAX_OPERATIONS) {
    throw new ProblemError({ status: 400, code: 'scim.too_many', detail: `At most ${MAX_OPERATIONS} operations in one PATCH.` });
  }
  const out = structuredClone(resource);
  request.Operations.forEach((raw, i) => {
    const operation = raw as { op?: unknown; path?: unknown; value?: unknown } | null;
    const op = typeof operation?.op === 'string' ? operation.op.toLowerCase() : '';
    if (op !== 'add' && op !== 'replace' && op !== 'remove') {
      throw problems.invalid([{ pointer: `/Operations/${i}/op`, code: 'invalid_value', detail: 'must be add, replace or remove' }], `Operation ${i}: op must be add, replace or remove.`);
    }
    const path = operation!.path;
    if (path !== undefined && typeof path !== 'string') {
      throw problems.invalid([{ pointer: `/Operations/${i}/path`, code: 'invalid_type', detail: 'must be a string' }], `Operation ${i}: path must be a string.`);
    }
    if (op === 'remove') {
      if (path === undefined) throw new ProblemError({ status: 400, code: 'scim.no_target', detail: `Operation ${i}: remove needs a path.` });
      removeAt(out, parsePath(path, coreSchemas), operation!.value);
      return;
    }
    if (path !== undefined && path !== '') {
      setAt(out, parsePath(path, coreSchemas), operation!.value, op);
      return;
    }
    // No path: the value is an object of attributes, each key itself a path ("name.givenName").
    if (!isObject(operation!.value)) {
      throw problems.invalid([{ pointer: `/Operations/${i}/value`, code: 'invalid_type', detail: 'must be an object when there is no path' }], `Operation ${i}: without a path, value must be an object.`);
    }
    for (const [key, value] of Object.entries(operation!.value)) {
      const isExtension = key.includes(':') && isObject(value) && !coreSchemas.some((core) => core.toLowerCase() === key.toLowerCase());
      if (isExtension) {
        for (const [inner, innerValue] of Object.entries(value)) setAt(out, { extension: key, attr: inner.split('.')[0], sub: inner.split('.')[1] }, innerValue, op);
      } else setAt(out, parsePath(key, coreSchemas), value, op);
    }
  });
  return out;
}
