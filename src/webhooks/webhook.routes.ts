// HTTP for webhooks (admin): CRUD, the delivery log, and redelivery.
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { decodeCursor, encodeCursor } from '../http/pagination.ts';
import { Nullable, problemResponses, withHeaders } from '../http/schema-helpers.ts';
import type { Delivery, Webhook } from './webhook.model.ts';
import type { Webhooks } from './webhook.service.ts';

const TAGS = ['Webhooks'];
const EventPattern = Type.String({
  pattern: '^(\\*|[a-z_]+(\\.[a-z_]+)*(\\.\\*)?)$',
  maxLength: 100,
  description: 'An event type (user.created), a prefix pattern (user.*), or * for all',
});
const Url = Type.String({ minLength: 1, maxLength: 2048, description: 'http(s); not loopback or private unless ROSTER_WEBHOOK_ALLOW_PRIVATE=true' });
const Description = Nullable(Type.String({ maxLength: 500 }));
const Events = Type.Array(EventPattern, { minItems: 1, maxItems: 50 });

const WebhookSchema = Type.Object(
  {
    id: Type.String(),
    url: Type.String(),
    events: Type.Array(Type.String()),
    active: Type.Boolean(),
    description: Nullable(Type.String()),
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'Webhook' },
);
const CreatedSchema = Type.Intersect([
  WebhookSchema,
  Type.Object({ secret: Type.String({ description: 'whsec_ + base64: the signing key, shown only here' }) }),
]);
const DeliverySchema = Type.Object({
  id: Type.String({ description: 'Sent as webhook-id; the same on every retry and redelivery' }),
  eventId: Type.String(),
  type: Type.String(),
  status: Type.Enum(['pending', 'retrying', 'delivered', 'failed']),
  attempts: Type.Integer(),
  responseStatus: Nullable(Type.Integer()),
  lastError: Nullable(Type.String()),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
});

const webhookJson = (hook: Webhook) => ({ ...hook, createdAt: hook.createdAt.toISOString(), updatedAt: hook.updatedAt.toISOString() });
const deliveryJson = ({ body: _body, webhookId: _webhook, ...d }: Delivery) => ({ ...d, createdAt: d.createdAt.toISOString(), updatedAt: d.updatedAt.toISOString() });

export async function webhookRoutes(app: FastifyInstance, deps: { webhooks: Webhooks }): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const Params = Type.Object({ id: Type.String() });
  const config = { access: 'webhooks.manage', operational: true } as const;

  r.post('/api/v1/webhooks', {
    // The answer holds the signing secret: never kept for an Idempotency-Key replay.
    config: { ...config, showsSecret: true },
    schema: {
      operationId: 'createWebhook',
      summary: 'Create a webhook',
      description: 'The signing secret is in this answer only. Deliveries follow Standard Webhooks (webhook-id, webhook-timestamp, webhook-signature).',
      tags: TAGS,
      body: Type.Object({ url: Url, events: Events, active: Type.Optional(Type.Boolean()), description: Type.Optional(Description) }, { additionalProperties: false }),
      response: { 201: withHeaders({ ...CreatedSchema, description: 'Created; Location names it' }, 'Location'), ...problemResponses(400, 401, 403, 415) },
    },
    handler: async (request, reply) => {
      const { webhook, secret } = await deps.webhooks.create(request.body, request.origin);
      return reply.status(201).header('location', `/api/v1/webhooks/${webhook.id}`).header('cache-control', 'no-store').send({ ...webhookJson(webhook), secret });
    },
  });

  r.get('/api/v1/webhooks', {
    config,
    schema: { operationId: 'listWebhooks', summary: 'List webhooks', tags: TAGS, response: { 200: Type.Object({ items: Type.Array(WebhookSchema) }), ...problemResponses(401, 403) } },
    handler: async () => ({ items: (await deps.webhooks.list()).map((hook) => webhookJson(hook)) }),
  });

  r.get('/api/v1/webhooks/:id', {
    config,
    schema: { operationId: 'getWebhook', summary: 'Get a webhook', tags: TAGS, params: Params, response: { 200: WebhookSchema, ...problemResponses(401, 403, 404) } },
    handler: async (request) => webhookJson(await deps.webhooks.get(request.params.id)),
  });

  r.patch('/api/v1/webhooks/:id', {
    config,
    schema: {
      operationId: 'updateWebhook',
      summary: 'Change a webhook: url, events, active, description',
      tags: TAGS,
      params: Params,
      body: Type.Object({ url: Type.Optional(Url), events: Type.Optional(Events), active: Type.Optional(Type.Boolean()), description: Type.Optional(Description) }, { additionalProperties: false }),
      response: { 200: WebhookSchema, ...problemResponses(400, 401, 403, 404, 415) },
    },
    handler: async (request) => webhookJson(await deps.webhooks.update(request.params.id, request.body, request.origin)),
  });

  r.delete('/api/v1/webhooks/:id', {
    config,
    schema: { operationId: 'deleteWebhook', summary: 'Delete a webhook and its delivery log', tags: TAGS, params: Params, response: { 204: { description: 'Deleted' }, ...problemResponses(401, 403, 404) } },
    handler: async (request, reply) => {
      await deps.webhooks.remove(request.params.id, request.origin);
      return reply.status(204).send();
    },
  });

  r.get('/api/v1/webhooks/:id/deliveries', {
    config,
    schema: {
      operationId: 'listWebhookDeliveries',
      summary: 'A webhook\'s deliveries, newest first',
      tags: TAGS,
      params: Params,
      querystring: Type.Object({ limit: Type.Integer({ minimum: 1, maximum: 1000, default: 100 }), cursor: Type.Optional(Type.String({ maxLength: 512 })) }),
      response: { 200: Type.Object({ items: Type.Array(DeliverySchema), nextCursor: Nullable(Type.String()) }), ...problemResponses(400, 401, 403, 404) },
    },
    handler: async (request) => {
      const { limit, cursor } = request.query;
      const page = await deps.webhooks.deliveries(request.params.id, { beforeId: decodeCursor(cursor), limit });
      return { items: page.deliveries.map(deliveryJson), nextCursor: page.more ? encodeCursor(page.deliveries[page.deliveries.length - 1].id) : null };
    },
  });

  r.post('/api/v1/webhooks/:id/deliveries/:deliveryId/redeliver', {
    config,
    schema: {
      operationId: 'redeliverWebhook',
      summary: 'Send a delivery again (same webhook-id and body)',
      description: 'Only a delivered or failed delivery: one still being tried answers 409.',
      tags: TAGS,
      params: Type.Object({ id: Type.String(), deliveryId: Type.String() }),
      response: { 202: DeliverySchema, ...problemResponses(401, 403, 404, 409) },
    },
    handler: async (request, reply) => reply.status(202).send(deliveryJson(await deps.webhooks.redeliver(request.params.id, request.params.deliveryId, request.origin))),
  });
}
