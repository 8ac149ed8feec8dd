// HTTP for personal access tokens under /users/{id}/tokens (`me` names the caller).
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { problemResponses, withHeaders } from '../http/schema-helpers.ts';
import { assertMayManageCredentials, resolveUserId } from '../auth/ownership.ts';
import { getUser, type UserDeps } from '../users/user.service.ts';
import type { TokenRecord } from './token.repo.ts';
import type { Tokens } from './token.service.ts';

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

export async function tokenRoutes(app: FastifyInstance, deps: UserDeps & { tokens: Tokens }): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const Params = Type.Object({ id: Type.String({ description: 'User id, or `me`' }) });

  r.post('/api/v1/users/:id/tokens', {
    config: { access: 'self', operational: true, showsSecret: true },
    schema: {
      operationId: 'createToken',
      summary: 'Create a personal access token',
      description:
        'The secret is shown once, in this response; it is accepted as `Authorization: Token <secret>` or `Bearer <secret>`. ' +
        'Users create their own; admins and managers (not for admins) create others\', e.g. for service accounts.',
      tags: TAGS,
      params: Params,
      body: Type.Object(
        {
          name: Type.String({ minLength: 1, maxLength: 100 }),
          expiresInDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 365, default: 90 })),
        },
        { additionalProperties: false },
      ),
      response: {
        201: withHeaders(Type.Object({ ...TokenSchema.properties, secret: Type.String({ description: 'Shown only now' }) }), 'Location'),
        ...problemResponses(400, 401, 403, 404, 412, 415),
      },
    },
    handler: async (request, reply) => {
      const actor = request.principal!;
      const user = await getUser(deps, resolveUserId(actor, request.params.id));
      assertMayManageCredentials(actor, user, 'write');
      const { record, secret } = await deps.tokens.create(user.id, request.body);
      reply.header('cache-control', 'no-store');
      reply.header('location', `/api/v1/users/${user.id}/tokens/${record.id}`);
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
    handler: async (request) => {
      const actor = request.principal!;
      const user = await getUser(deps, resolveUserId(actor, request.params.id));
      assertMayManageCredentials(actor, user, 'read');
      return { items: (await deps.tokens.list(user.id)).map(view) };
    },
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
      const actor = request.principal!;
      const user = await getUser(deps, resolveUserId(actor, request.params.id));
      assertMayManageCredentials(actor, user, 'write');
      await deps.tokens.revoke(user.id, request.params.tokenId);
      return reply.status(204).send(null);
    },
  });
}
