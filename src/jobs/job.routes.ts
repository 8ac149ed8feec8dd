// HTTP for watching the job queue (mail and deferred work).
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { decodeCursor, encodeCursor } from '../http/pagination.ts';
import { problemResponses } from '../http/schema-helpers.ts';
import type { Queue } from './queue.ts';

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
