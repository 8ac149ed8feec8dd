// Prometheus metrics: requests by route and status with latencies, users by status and jobs by
// status (read from the database at scrape time, so every process reports the same totals).
import type { FastifyInstance } from 'fastify';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { UnitOfWork } from '../repos.ts';

export function registerMetrics(app: FastifyInstance, deps: { data: UnitOfWork }): Registry {
  const { repos } = deps.data;
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'roster_process_' });
  const labelNames = ['method', 'route', 'status'] as const;
  const requests = new Counter({ name: 'roster_http_requests_total', help: 'HTTP requests answered', labelNames, registers: [registry] });
  const latency = new Histogram({
    name: 'roster_http_request_duration_seconds',
    help: 'Time to answer HTTP requests',
    labelNames,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  new Gauge({
    name: 'roster_users',
    help: 'Users by status',
    labelNames: ['status'],
    registers: [registry],
    async collect() {
      const counts = await repos.users.countByStatus();
      for (const status of ['pending', 'invited', 'active', 'disabled']) this.set({ status }, counts[status] ?? 0);
    },
  });
  new Gauge({
    name: 'roster_jobs',
    help: 'Background jobs by status',
    labelNames: ['status'],
    registers: [registry],
    async collect() {
      const counts = await repos.jobs.countByStatus();
      for (const status of ['queued', 'running', 'done', 'failed']) this.set({ status }, counts[status] ?? 0);
    },
  });

  new Gauge({
    name: 'roster_webhook_deliveries',
    help: 'Webhook deliveries by status: pending and retrying are still to be sent, failed ran out of attempts',
    labelNames: ['status'],
    registers: [registry],
    async collect() {
      const counts = await repos.webhooks.countDeliveriesByStatus();
      for (const status of ['pending', 'retrying', 'delivered', 'failed']) this.set({ status }, counts[status] ?? 0);
    },
  });

  app.addHook('onResponse', async (request, reply) => {
    // The route pattern, never the raw URL: ids would make unbounded label values.
    const labels = { method: request.method, route: request.routeOptions.url ?? 'unmatched', status: String(reply.statusCode) };
    requests.inc(labels);
    latency.observe(labels, reply.elapsedTime / 1000);
  });
  return registry;
}
