// Fastify validates a declared body even when none was sent; for routes whose body is all
// optional fields, no body means `{}`.
import type { FastifyRequest } from 'fastify';

export async function emptyBodyIsObject(request: FastifyRequest): Promise<void> {
  if (request.body === undefined || request.body === null) request.body = {};
}
