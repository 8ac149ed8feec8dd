// HTTP for TOTP enrolment, recovery codes and the admin MFA reset.
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { problemResponses } from '../http/schema-helpers.ts';
import { assertMayManageCredentials } from '../auth/ownership.ts';
import { problems } from '../http/problem.ts';
import { getUser, type UserDeps } from '../users/user.service.ts';
import type { Mfa } from './mfa.service.ts';

const TAGS = ['Credentials'];

export async function mfaRoutes(app: FastifyInstance, deps: UserDeps & { mfa: Mfa; forgetUser(id: string): void }) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  r.post('/api/v1/users/me/mfa/totp', {
    config: { access: 'self', operational: true, showsSecret: true },
    schema: {
      operationId: 'enrollTotp',
      summary: 'Start TOTP enrolment',
      description: 'Answers a new secret, pending until verified with a code from it.',
      tags: TAGS,
      response: {
        201: Type.Object({ secret: Type.String({ description: 'Base32' }), otpauthUrl: Type.String() }),
        ...problemResponses(401, 409, 412),
      },
    },
    handler: async (request, reply) => {
      const user = await getUser(deps, request.principal!.userId);
      reply.header('cache-control', 'no-store');
      return reply.status(201).send(await deps.mfa.enrollTotp(user));
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
      await deps.mfa.verifyTotp(request.principal!.userId, request.body.code);
      deps.forgetUser(request.principal!.userId);
      return reply.status(204).send(null);
    },
  });

  r.post('/api/v1/users/me/mfa/recovery-codes', {
    config: { access: 'self', operational: true, showsSecret: true },
    schema: {
      operationId: 'issueRecoveryCodes',
      summary: 'Issue 10 single-use recovery codes',
      description: 'Shown once; a new call replaces the previous set.',
      tags: TAGS,
      response: { 201: Type.Object({ codes: Type.Array(Type.String()) }), ...problemResponses(401, 409, 412) },
    },
    handler: async (request, reply) => {
      const user = await getUser(deps, request.principal!.userId);
      reply.header('cache-control', 'no-store');
      return reply.status(201).send({ codes: await deps.mfa.issueRecoveryCodes(user) });
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
      const user = await getUser(deps, request.params.id);
      assertMayManageCredentials(request.principal!, user, 'write');
      if (!(await deps.mfa.reset(user.id))) throw problems.notFound('user.not_found', 'No user has this id.');
      deps.forgetUser(user.id);
      return reply.status(204).send(null);
    },
  });
}
