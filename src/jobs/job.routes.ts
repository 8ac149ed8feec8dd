// HTTP for watching the job queue (mail and deferred work).
import type { FastifyInstance } from 'fastify';
import { sendNdjson } from '../http/ndjson.ts';
import Type from 'typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { decodeCursor, encodeCursor } from '../http/pagination.ts';
import { problemResponses } from '../http/schema-helpers.ts';
import type { Queue } from './queue.ts';
import type { Role } from '../auth/roles.ts';
import { JobDetailSchema, jobDetailOf } from './job.view.ts';

const JobSchema = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  status: Type.Enum(['queued', 'running', 'done', 'failed']),
  attempts: Type.Integer(),
  maxAttempts: Type.Integer(),
  runAt: Type.String({ format: 'date-time', description: 'When it runs (next)' }),
  lastError: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
});

export async function jobRoutes(app: FastifyInstance, deps: { queue: Queue }): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const viewerOf = (request: { principal?: { userId: string; role: Role } }) => ({ userId: request.principal!.userId, role: request.principal!.role });
  const Params = Type.Object({ id: Type.String() });

  r.get('/api/v1/system/jobs/:id', {
    config: { access: 'self' },
    schema: {
      operationId: 'getJob',
      summary: 'Get a job: its status and progress',
      description: 'Whoever started a job (an import, an export) may read it, and so may the roles that read the job list.',
      tags: ['System'],
      params: Params,
      response: { 200: JobDetailSchema, ...problemResponses(401, 404) },
    },
    handler: async (request) => {
      return jobDetailOf(await deps.queue.get(viewerOf(request), request.params.id));
    },
  });

  r.get('/api/v1/system/jobs/:id/errors', {
    config: { access: 'self', produces: ['application/x-ndjson'] },
    schema: {
      operationId: 'listJobErrors',
      summary: 'A job\'s line errors, as NDJSON',
      description: 'One `{ line, pointer, code, detail }` a line (line numbers 1-based), in input order. Whoever may read the job.',
      tags: ['System'],
      params: Params,
      response: {
        200: { description: 'NDJSON, one error a line', content: { 'application/x-ndjson': { schema: { type: 'string' } } } },
        ...problemResponses(401, 404, 406),
      },
    },
    handler: async (request, reply) => {
      const job = await deps.queue.get(viewerOf(request), request.params.id);
      return sendNdjson(reply, deps.queue.errors(job));
    },
  });

  r.get('/api/v1/system/jobs', {
    config: { access: 'system.read' },
    schema: {
      operationId: 'listJobs',
      summary: 'List background jobs (mail, deferred creation)',
      description: 'Payloads are not shown. `status=failed` lists jobs that ran out of retries, with their last error.',
      tags: ['System'],
      querystring: Type.Object({
        status: Type.Optional(Type.Enum(['queued', 'running', 'done', 'failed'])),
        limit: Type.Integer({ minimum: 1, maximum: 1000, default: 100 }),
        cursor: Type.Optional(Type.String({ maxLength: 512 })),
      }),
      response: {
        200: Type.Object({ items: Type.Array(JobSchema), nextCursor: Type.Union([Type.String(), Type.Null()]) }),
        ...problemResponses(400, 401, 403),
      },
    },
    handler: async (request) => {
      const { status, limit, cursor } = request.query;
      const { jobs: page, more } = await deps.queue.list({ status, after: decodeCursor(cursor), limit });
      return {
        items: page.map((j) => ({
          id: j.id,
          kind: j.kind,
          status: j.status,
          attempts: j.attempts,
          maxAttempts: j.maxAttempts,
          runAt: j.runAt.toISOString(),
          lastError: j.lastError,
          createdAt: j.createdAt.toISOString(),
          updatedAt: j.updatedAt.toISOString(),
        })),
        nextCursor: more ? encodeCursor(page[page.length - 1].id) : null,
      };
    },
  });
}
