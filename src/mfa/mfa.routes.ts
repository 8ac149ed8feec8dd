// HTTP for TOTP enrolment, recovery codes and the admin MFA reset.
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { problemResponses } from '../http/schema-helpers.ts';
import type { Mfa } from './mfa.service.ts';
import { emptyBodyIsObject } from '../http/optional-body.ts';

const TAGS = ['Credentials'];
const RecentLoginBody = Type.Object(
  {
    currentPassword: Type.Optional(
      Type.String({ minLength: 1, maxLength: 1024, description: 'Proves a recent login when the session is older than 10 minutes' }),
    ),
  },
  { additionalProperties: false },
);

export async function mfaRoutes(app: FastifyInstance, deps: { mfa: Mfa }) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  r.post('/api/v1/users/me/mfa/totp', {
    config: { access: 'self', operational: true, showsSecret: true },
    preValidation: emptyBodyIsObject,
    schema: {
      operationId: 'enrollTotp',
      summary: 'Start TOTP enrolment',
      description:
        'Answers a new secret, pending until verified with a code from it. From a session older than 10 minutes, send `currentPassword`.',
      tags: TAGS,
      body: RecentLoginBody,
      response: {
        201: Type.Object({ secret: Type.String({ description: 'Base32' }), otpauthUrl: Type.String() }),
        ...problemResponses(400, 401, 403, 409, 412, 429),
      },
    },
    handler: async (request, reply) => {
      const secret = await deps.mfa.enrollTotp(request.principal!, request.body.currentPassword);
      reply.header('cache-control', 'no-store');
      return reply.status(201).send(secret);
    },
  });

  r.post('/api/v1/users/me/mfa/totp/verify', {
    config: { access: 'self', operational: true },
    schema: {
      operationId: 'verifyTotp',
      summary: 'Confirm TOTP enrolment with a current code',
      tags: TAGS,
      body: Type.Object({ code: Type.String({ pattern: '^[0-9]{6}$' }) }, { additionalProperties: false }),
      response: { 204: { type: 'null', description: 'MFA is enabled' }, ...problemResponses(400, 401, 409, 412, 415) },
    },
    handler: async (request, reply) => {
      await deps.mfa.verifyTotp(request.principal!.userId, request.body.code, request.principal!.origin);
      return reply.status(204).send(null);
    },
  });

  r.post('/api/v1/users/me/mfa/recovery-codes', {
    config: { access: 'self', operational: true, showsSecret: true },
    preValidation: emptyBodyIsObject,
    schema: {
      operationId: 'issueRecoveryCodes',
      summary: 'Issue 10 single-use recovery codes',
      description: 'Shown once; a new call replaces the previous set. From a session older than 10 minutes, send `currentPassword`.',
      tags: TAGS,
      body: RecentLoginBody,
      response: { 201: Type.Object({ codes: Type.Array(Type.String()) }), ...problemResponses(400, 401, 403, 409, 412, 429) },
    },
    handler: async (request, reply) => {
      const codes = await deps.mfa.issueRecoveryCodes(request.principal!, request.body.currentPassword);
      reply.header('cache-control', 'no-store');
      return reply.status(201).send({ codes });
    },
  });

  r.delete('/api/v1/users/:id/mfa', {
    config: { access: 'users.write', operational: true },
    schema: {
      operationId: 'resetMfa',
      summary: "Reset a user's MFA",
      description: 'Removes every enrolled factor (TOTP and recovery codes).',
      tags: TAGS,
      params: Type.Object({ id: Type.String() }),
      response: { 204: { type: 'null', description: 'Reset' }, ...problemResponses(401, 403, 404, 412) },
    },
    handler: async (request, reply) => {
      await deps.mfa.reset(request.principal!, request.params.id);
      return reply.status(204).send(null);
    },
  });
}
