// HTTP for service state, provisioning and health.
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { NewPassword, problemResponses, withHeaders } from '../http/schema-helpers.ts';
import { toUserView, userEtag } from '../users/user.view.ts';
import type { SystemService } from './system.service.ts';

const TAGS = ['System'];

export async function systemRoutes(app: FastifyInstance, deps: { system: SystemService }) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  r.get('/api/v1/system/state', {
    config: { access: 'public' },
    schema: {
      operationId: 'getSystemState',
      summary: 'Get the service state',
      tags: TAGS,
      response: {
        200: Type.Object({ state: Type.Enum(['unprovisioned', 'operational', 'read_only']) }),
        ...problemResponses(),
      },
    },
    handler: async () => ({ state: await deps.system.state() }),
  });

  r.post('/api/v1/system/provision', {
    config: { access: 'public' },
    schema: {
      operationId: 'provisionSystem',
      summary: 'Create the first administrator',
      description: 'Only while unprovisioned; afterwards 412. The password policy applies.',
      tags: TAGS,
      body: Type.Object(
        {
          username: Type.String({ minLength: 1, maxLength: 150, pattern: '^[\\p{L}\\p{N}@.+\\-_]+$' }),
          password: NewPassword,
        },
        { additionalProperties: false },
      ),
      response: {
        201: withHeaders({ $ref: 'User#', description: 'The first administrator; the service is now operational' }, 'Location'),
        ...problemResponses(400, 412, 415),
      },
    },
    handler: async (request, reply) => {
      const admin = await deps.system.provision(request.body, request.origin);
      return reply
        .status(201)
        .header('location', `/api/v1/users/${admin.id}`)
        .header('etag', userEtag(admin))
        .send(toUserView(admin, undefined));
    },
  });

  r.get('/healthz', {
    config: { access: 'public' },
    schema: {
      operationId: 'getLiveness',
      summary: 'Liveness: the process serves requests',
      tags: TAGS,
      response: { 200: Type.Object({ status: Type.Literal('ok') }), ...problemResponses() },
    },
    handler: async () => ({ status: 'ok' as const }),
  });

  r.get('/readyz', {
    config: { access: 'public' },
    schema: {
      operationId: 'getReadiness',
      summary: 'Readiness: the database answers',
      tags: TAGS,
      response: { 200: Type.Object({ status: Type.Literal('ready') }), ...problemResponses(503) },
    },
    handler: async () => {
      await deps.system.ready();
      return { status: 'ready' as const };
    },
  });
}
