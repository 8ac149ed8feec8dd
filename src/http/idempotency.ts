// Idempotency-Key on POST: the first response for a key and body is stored and replayed for
// 24 hours; the same key with another body → 422; a key whose first request is still running → 409.
// A replayed answer carries `Idempotency-Replayed: true` (API.md), the header name clients check.
import { createHash, type Hash } from 'node:crypto';
import { pipeline, Transform } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { UnitOfWork } from '../repos.ts';
import { ProblemError } from './problem.ts';

export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
// The original X-Request-Id travels with the replay, so it matches the stored problem's `instance`.
const REPLAYED_HEADERS = ['content-type', 'location', 'etag', 'preference-applied', 'x-request-id'];

function startHash(request: FastifyRequest): Hash {
  return createHash('sha256').update(`${request.method} ${request.url}\n`);
}

/**
 * The request is identified by its method, URL and raw body bytes, hashed as they stream in.
 * Re-serialising the parsed body instead recursed (a 100,000-deep body overflowed the stack).
 */
function requestHash(request: FastifyRequest): string {
  return request.idempotencyHash ?? startHash(request).digest('base64');
}

export function registerIdempotency(app: FastifyInstance, deps: { data: UnitOfWork; now: () => Date }): void {
  const repo = deps.data.repos.idempotency;
  app.addHook('preParsing', async (request, _reply, payload) => {
    if (request.method !== 'POST' || request.headers['idempotency-key'] === undefined) return payload;
    if (request.routeOptions.config?.streamsBody) return payload;
    const hash = startHash(request);
    const tap = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        hash.update(chunk);
        done(null, chunk);
      },
      flush(done) {
        request.idempotencyHash = hash.digest('base64');
        done();
      },
    });
    // pipeline, not pipe: an aborted upload must reach the body reader as an error.
    pipeline(payload, tap, () => {});
    return tap;
  });

  app.addHook('preHandler', async (request: FastifyRequest, reply: FastifyReply) => {
    const key = request.headers['idempotency-key'];
    if (request.method !== 'POST' || key === undefined || !request.principal) return;
    // A response that shows a secret once (a token, a TOTP seed, recovery codes) is never stored
    // for replay: the key is ignored and each request makes a new secret.
    if (request.routeOptions.config?.showsSecret || request.routeOptions.config?.streamsBody) return;
    if (typeof key !== 'string' || !/^[\x21-\x7e]{1,255}$/.test(key)) {
      throw new ProblemError({
        status: 400,
        code: 'idempotency.invalid_key',
        slug: 'validation',
        detail: 'Idempotency-Key must be 1 to 255 visible ASCII characters.',
        errors: [{ parameter: 'Idempotency-Key', detail: 'must be 1 to 255 visible ASCII characters', code: 'invalid_format' }],
      });
    }
    const principalId = request.principal.userId;
    const hash = requestHash(request);
    if (await repo.claimKey(principalId, key, hash, deps.now(), IDEMPOTENCY_TTL_MS)) {
      request.idempotency = { principalId, key };
      return;
    }
    const record = await repo.getRecord(principalId, key);
    if (record && record.requestHash !== hash) {
      throw new ProblemError({
        status: 422,
        code: 'idempotency.key_reused',
        detail: 'This Idempotency-Key was used with a different request body.',
      });
    }
    if (!record || record.statusCode === null) {
      throw new ProblemError({
        status: 409,
        code: 'idempotency.in_progress',
        detail: 'A request with this Idempotency-Key is still being processed; retry later.',
        headers: { 'retry-after': '1' },
      });
    }
    return reply
      .status(record.statusCode)
      .headers({ ...(record.headers ?? {}), 'idempotency-replayed': 'true' })
      .send(record.body ?? '');
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const claim = request.idempotency;
    if (!claim) return payload;
    request.idempotency = undefined;
    if (reply.statusCode >= 500) {
      await repo.releaseKey(claim.principalId, claim.key);
      return payload;
    }
    const headers: Record<string, string> = {};
    for (const name of REPLAYED_HEADERS) {
      const value = reply.getHeader(name);
      if (value !== undefined) headers[name] = String(value);
    }
    await repo.saveResponse(claim.principalId, claim.key, {
      statusCode: reply.statusCode,
      headers,
      body: typeof payload === 'string' ? payload : '',
    });
    return payload;
  });
}
