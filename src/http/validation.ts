// Request validation: bodies are checked strictly (no coercion, unknown fields refused), query
// strings and headers are coerced from text, and unknown query parameters are refused too.
// Ajv's errors become one FieldError per field.
import { Ajv, type ErrorObject } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';
import { problems, type FieldError } from './problem.ts';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

function makeAjv(coerce: boolean): Ajv {
  const ajv = new Ajv({
    allErrors: true,
    removeAdditional: false,
    useDefaults: coerce,
    coerceTypes: coerce ? 'array' : false,
    strict: false,
  });
  addFormats(ajv);
  return ajv;
}

const bodyAjv = makeAjv(false);
const textAjv = makeAjv(true);

/** The querystring schema of a route that declares none: every parameter is unknown. */
export const NO_QUERY = { type: 'object', properties: {} };

// Prepared once per schema object: Ajv refuses a second schema with the same $id.
const closedQueries = new WeakMap<object, object>();
const deferredBodies = new WeakMap<object, object>();

/**
 * Query strings are closed like bodies: an unknown parameter is refused rather than ignored,
 * unless a schema says otherwise.
 */
function closeQuery(schema: Record<string, unknown>): object {
  if (schema.type !== 'object' || schema.additionalProperties !== undefined) return schema;
  let closed = closedQueries.get(schema);
  if (!closed) {
    closed = { ...schema, additionalProperties: false };
    closedQueries.set(schema, closed);
  }
  return closed;
}

/**
 * A body schema without the minLength of `x-policy: password` fields: the password policy
 * refuses a short password itself, as password.weak with its reasons, not as too_short.
 */
function deferToPolicy(schema: object): object {
  if (!JSON.stringify(schema).includes('"x-policy"')) return schema;
  let deferred = deferredBodies.get(schema);
  if (!deferred) {
    deferred = withoutPolicyLengths(schema) as object;
    deferredBodies.set(schema, deferred);
  }
  return deferred;
}

function withoutPolicyLengths(node: unknown): any {
  if (Array.isArray(node)) return node.map(withoutPolicyLengths);
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string | symbol, unknown> = {};
  for (const key of Reflect.ownKeys(node)) out[key] = withoutPolicyLengths((node as Record<string | symbol, unknown>)[key]);
  if (out['x-policy'] === 'password') delete out.minLength;
  return out;
}

export const validatorCompiler: FastifySchemaCompiler<any> = ({ schema, httpPart }) => {
  if (httpPart === 'body') return bodyAjv.compile(deferToPolicy(schema as object)) as any;
  return textAjv.compile(httpPart === 'querystring' ? closeQuery(schema as Record<string, unknown>) : (schema as object)) as any;
};

const CODES: Record<string, string> = {
  required: 'required',
  additionalProperties: 'unknown_field',
  maxLength: 'too_long',
  minLength: 'too_short',
  maxItems: 'too_many',
  minItems: 'too_few',
  maximum: 'out_of_range',
  minimum: 'out_of_range',
  exclusiveMaximum: 'out_of_range',
  exclusiveMinimum: 'out_of_range',
  type: 'invalid_type',
  enum: 'invalid_value',
  const: 'invalid_value',
  anyOf: 'invalid_value',
  oneOf: 'invalid_value',
  pattern: 'invalid_format',
  format: 'invalid_format',
  uniqueItems: 'duplicate_items',
};

function pointerOf(error: ErrorObject): string {
  const params = error.params as Record<string, string>;
  if (error.keyword === 'required') return `${error.instancePath}/${escape(params.missingProperty)}`;
  if (error.keyword === 'additionalProperties') return `${error.instancePath}/${escape(params.additionalProperty)}`;
  return error.instancePath;
}

function escape(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

function detailOf(error: ErrorObject, httpPart: string | undefined): string {
  if (error.keyword === 'additionalProperties') return httpPart === 'querystring' ? 'is not a known query parameter' : 'is not a known field';
  if (error.keyword === 'required') return 'is required';
  if (error.keyword === 'enum') {
    return `must be one of: ${(error.params as { allowedValues: unknown[] }).allowedValues.join(', ')}`;
  }
  return error.message ?? 'is not valid';
}

/** One entry per offending field; the first error Ajv reports for a field wins. */
export function fieldErrorsOf(errors: ErrorObject[], httpPart: string | undefined): FieldError[] {
  const seen = new Map<string, FieldError>();
  for (const error of errors) {
    const pointer = pointerOf(error);
    if (seen.has(pointer)) continue;
    const code = error.keyword === 'additionalProperties' && httpPart === 'querystring' ? 'unknown_parameter' : (CODES[error.keyword] ?? 'invalid');
    const detail = detailOf(error, httpPart);
    if (httpPart === 'body' || httpPart === undefined) {
      seen.set(pointer, { pointer, detail, code });
    } else {
      // Query strings and headers are flat: name the parameter rather than a pointer.
      seen.set(pointer, { parameter: pointer.replace(/^\//, '') || httpPart, detail, code });
    }
  }
  return [...seen.values()];
}

/**
 * A body check outside Fastify's own, for input built from another shape (a SCIM resource read
 * as POST /users input, an import line): the same rules and field errors as a route's body
 * schema. Returns the errors, or undefined when the value passes.
 */
export function bodyErrors(schema: object): (value: unknown) => FieldError[] | undefined {
  const validate = validatorCompiler({ schema, httpPart: 'body', method: 'POST', url: '' }) as unknown as {
    (value: unknown): boolean;
    errors?: ErrorObject[] | null;
  };
  return (value) => (validate(value) ? undefined : fieldErrorsOf(validate.errors ?? [], 'body'));
}

/** As bodyErrors, throwing the 400 a route's body schema would give. */
export function bodyCheck<T>(schema: object): (value: unknown) => T {
  const errorsOf = bodyErrors(schema);
  return (value) => {
    const errors = errorsOf(value);
    if (!errors) return value as T;
    throw problems.invalid(errors, `The request body is not valid: ${errors.map((e) => `${e.pointer} ${e.detail}`).join('; ')}.`);
  };
}
