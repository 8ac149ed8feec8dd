// Content negotiation (RFC 9110 §12.5.1): an Accept header that admits none of the route's
// media types answers 406 before any work is done.
import Negotiator from 'negotiator';
import type { FastifyRequest } from 'fastify';
import { ProblemError } from './problem.ts';

const JSON_TYPES = ['application/json', 'application/problem+json'];

export function checkAccept(request: FastifyRequest): void {
  const accept = request.headers.accept;
  if (accept === undefined || accept.trim() === '') return;
  const produces = request.routeOptions.config?.produces ?? JSON_TYPES;
  const chosen = new Negotiator({ headers: { accept } }).mediaType(produces);
  if (chosen) return;
  throw new ProblemError({
    status: 406,
    code: 'request.not_acceptable',
    detail: `This resource is available as ${produces.join(' or ')}; the Accept header admits neither.`,
  });
}
