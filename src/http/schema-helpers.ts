// TypeBox helpers shared by route schemas.
import Type, { type Static, type TSchema } from 'typebox';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../credentials/password-policy.ts';

/** `T | null` as a JSON Schema type array, so validation errors name the field, not an anyOf. */
export function Nullable<T extends TSchema>(schema: T) {
  const plain = schema as unknown as Record<string, unknown>;
  return Type.Unsafe<Static<T> | null>({
    ...plain,
    type: [plain.type as string, 'null'],
  });
}

/**
 * A password being set. The schema declares the policy's minimum length, but the validator
 * leaves that check to the policy (`x-policy`, src/http/validation.ts), so a short password is
 * the same precise 400 password.weak, with its reasons, as a guessable one.
 */
export const NewPassword = Type.String({
  minLength: MIN_PASSWORD_LENGTH,
  maxLength: MAX_PASSWORD_LENGTH,
  writeOnly: true,
  'x-policy': 'password',
  description: `At least ${MIN_PASSWORD_LENGTH} characters and hard to guess (zxcvbn score 3 or more); otherwise 400 password.weak with the reasons`,
});

export const ProblemSchema = Type.Object(
  {
    type: Type.String({ description: 'URI of the problem type; its last segment names the problem' }),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.String(),
    instance: Type.String({ description: 'The request id, also sent as X-Request-Id' }),
    code: Type.String({ description: 'Stable dotted code, e.g. user.username_taken' }),
    errors: Type.Optional(
      Type.Array(
        Type.Object({
          pointer: Type.Optional(Type.String({ description: 'JSON Pointer into the request body' })),
          parameter: Type.Optional(Type.String({ description: 'Query parameter or header name' })),
          detail: Type.String(),
          code: Type.String(),
        }),
      ),
    ),
  },
  { $id: 'Problem', additionalProperties: true, description: 'RFC 9457 problem details' },
);


const DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid request (problem details list each offending field)',
  401: 'Missing or invalid credentials',
  403: 'Authenticated but not allowed',
  404: 'Not found',
  406: 'No acceptable representation (Accept)',
  409: 'Conflict with the current state',
  412: 'Precondition failed: If-Match mismatch, service unprovisioned or read-only',
  413: 'Request body too large',
  415: 'Unsupported request media type',
  422: 'Idempotency-Key reused with a different body',
  429: 'Too many requests',
  500: 'Internal error (no details are disclosed)',
};

/** Problem responses for the given statuses, for a route's `response` schema. */
export function problemResponses(...statuses: number[]): Record<number, unknown> {
  const out: Record<number, unknown> = {};
  for (const status of [...statuses, 406, 500]) {
    out[status] = {
      description: DESCRIPTIONS[status] ?? 'Error',
      content: { 'application/problem+json': { schema: { $ref: 'Problem#' } } },
    };
  }
  return out;
}

/** Response headers clients rely on, as @fastify/swagger takes them (a schema with a description). */
export const HEADERS = {
  Location: { type: 'string', description: 'Path of the resource this request created' },
  ETag: { type: 'string', description: 'Strong validator of the representation; send it back as If-Match' },
  'Preference-Applied': { type: 'string', description: 'The Prefer preference honoured: return=minimal or respond-async (RFC 7240)' },
  'Retry-After': { type: 'integer', minimum: 0, description: 'Seconds to wait before trying again' },
  'WWW-Authenticate': { type: 'string', description: 'The accepted schemes: Basic, Bearer and Token' },
  'Idempotency-Replayed': {
    type: 'string',
    enum: ['true'],
    description: 'Present on a replay of the first response to the same Idempotency-Key and body',
  },
  Allow: { type: 'string', description: 'The methods the path answers, e.g. GET, HEAD, POST' },
} as const;
export type HeaderName = keyof typeof HEADERS;

/** Routes name the headers only they know they send (Location) with this; openapi.ts infers the rest. */
export function withHeaders<T extends object>(response: T, ...names: HeaderName[]): T {
  return { ...response, headers: headerSchemas(names) };
}

export function headerSchemas(names: Iterable<HeaderName>): Record<string, unknown> {
  return Object.fromEntries([...names].map((name) => [name, HEADERS[name]]));
}
