// GET /metrics in the Prometheus text format.
import type { FastifyInstance } from 'fastify';
import type { Registry } from 'prom-client';
import { problemResponses } from '../http/schema-helpers.ts';

export async function metricsRoutes(app: FastifyInstance, deps: { registry: Registry }): Promise<void> {
  app.get('/metrics', {
    config: { access: 'metrics.read', produces: ['text/plain', 'application/openmetrics-text'] },
    schema: {
      operationId: 'getMetrics',
      summary: 'Prometheus metrics',
      description: 'Request counts and latencies by route and status, users by status, jobs by status. Roles admin and metrics.',
      tags: ['System'],
      response: {
        200: { description: 'Prometheus text exposition format', content: { 'text/plain': { schema: { type: 'string' } } } },
        ...problemResponses(401, 403),
      },
    },
    handler: async (_request, reply) => {
      reply.type(deps.registry.contentType);
      return deps.registry.metrics();
    },
  });
}
