// Field projection: `fields=id,username` (query) or `X-Fields` returns only the named fields.
import type { FastifyRequest } from 'fastify';
import { ProblemError } from './problem.ts';

export function parseFields(raw: string | undefined, known: readonly string[], source: string): string[] | undefined {
  if (raw === undefined || raw.trim() === '') return undefined;
  const fields = raw.split(',').map((f) => f.trim()).filter(Boolean);
  const unknown = fields.filter((f) => !known.includes(f));
  if (unknown.length > 0) {
    throw new ProblemError({
      status: 400,
      code: 'request.unknown_fields',
      slug: 'validation',
      detail: `Unknown field(s) in ${source}: ${unknown.join(', ')}.`,
      errors: [{ parameter: source, detail: `unknown field(s): ${unknown.join(', ')}`, code: 'invalid_value' }],
    });
  }
  return fields;
}

export function project<T extends object>(value: T, fields: string[] | undefined): Partial<T> {
  if (!fields) return value;
  const out: Record<string, unknown> = {};
  for (const field of fields) out[field] = (value as Record<string, unknown>)[field];
  return out as Partial<T>;
}

/** The fields a request asks for, by `?fields=` or else the X-Fields header. */
export function requestedFields(request: FastifyRequest, known: readonly string[]): string[] | undefined {
  const query = request.query as { fields?: string } | undefined;
  if (query?.fields !== undefined) return parseFields(query.fields, known, 'fields');
  const header = request.headers['x-fields'];
  return parseFields(typeof header === 'string' ? header : undefined, known, 'X-Fields');
}

/** `Prefer: return=minimal` (RFC 7240), honoured where the contract offers it: PUT and PATCH. */
export function wantsMinimal(request: FastifyRequest): boolean {
  const prefer = request.headers.prefer;
  const writes = request.method === 'PUT' || request.method === 'PATCH';
  return writes && typeof prefer === 'string' && /\breturn=minimal\b/i.test(prefer);
}
