// HTTP for personal access tokens under /users/{id}/tokens (`me` names the caller).
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { problemResponses, withHeaders } from '../http/schema-helpers.ts';
import type { TokenRecord, Tokens } from './token.service.ts';

const TAGS = ['Credentials'];
const TokenSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
  expiresAt: Type.String({ format: 'date-time' }),
  lastUsedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});

function view(token: TokenRecord) {
  return {
    id: token.id,
    name: token.name,
    createdAt: token.createdAt.toISOString(),
    expiresAt: token.expiresAt.toISOString(),
    lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
  };
}

export async function tokenRoutes(app: FastifyInstance, deps: { tokens: Tokens }): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const Params = Type.Object({ id: Type.String({ description: 'User id, or `me`' }) });

  r.post('/api/v1/users/:id/tokens', {
    config: { access: 'self', operational: true, showsSecret: true },
    schema: {
      operationId: 'createToken',
      summary: 'Create a personal access token',
      description:
        'The secret is shown once, in this response; it is accepted as `Authorization: Token <secret>` or `Bearer <secret>`. ' +
        'Users create their own; admins and managers (for users whose role grants nothing a manager lacks) create others\', e.g. for service accounts. ' +
        'From a session older than 10 minutes, `currentPassword` (the caller\'s) is required.',
      tags: TAGS,
      params: Params,
      body: Type.Object(
        {
          name: Type.String({ minLength: 1, maxLength: 100 }),
          expiresInDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 365, default: 90 })),
          currentPassword: Type.Optional(
            Type.String({ minLength: 1, maxLength: 1024, description: "The caller's password: proves a recent login for an older session" }),
          ),
        },
        { additionalProperties: false },
      ),
      response: {
        201: withHeaders(Type.Object({ ...TokenSchema.properties, secret: Type.String({ description: 'Shown only now' }) }), 'Location'),
        ...problemResponses(400, 401, 403, 404, 412, 415, 429),
      },
    },
    handler: async (request, reply) => {
      const { record, secret } = await deps.tokens.create(request.principal!, request.params.id, request.body);
      reply.header('cache-control', 'no-store');
      reply.header('location', `/api/v1/users/${record.userId}/tokens/${record.id}`);
      return reply.status(201).send({ ...view(record), secret });
    },
  });

  r.get('/api/v1/users/:id/tokens', {
    config: { access: 'self', operational: true },
    schema: {
      operationId: 'listTokens',
      summary: "List a user's personal access tokens (never their secrets)",
      tags: TAGS,
      params: Params,
      response: { 200: Type.Object({ items: Type.Array(TokenSchema) }), ...problemResponses(401, 403, 404, 412) },
    },
    handler: async (request) => ({ items: (await deps.tokens.list(request.principal!, request.params.id)).map(view) }),
  });

  r.delete('/api/v1/users/:id/tokens/:tokenId', {
    config: { access: 'self', operational: true },
    schema: {
      operationId: 'deleteToken',
      summary: 'Revoke a personal access token',
      tags: TAGS,
      params: Type.Object({ id: Type.String(), tokenId: Type.String() }),
      response: { 204: { type: 'null', description: 'Revoked' }, ...problemResponses(401, 403, 404, 412) },
    },
    handler: async (request, reply) => {
      await deps.tokens.revoke(request.principal!, request.params.id, request.params.tokenId);
      return reply.status(204).send(null);
    },
  });
}
