// HTTP for password changes.
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { MAX_PASSWORD_LENGTH } from '../credentials/password-policy.ts';
import { NewPassword, problemResponses } from '../http/schema-helpers.ts';
import type { Passwords } from './password.service.ts';

const Password = Type.String({ minLength: 1, maxLength: MAX_PASSWORD_LENGTH });
const TAGS = ['Credentials'];

export async function passwordRoutes(app: FastifyInstance, deps: { passwords: Passwords }): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  r.put('/api/v1/users/me/password', {
    config: { access: 'self', operational: true },
    schema: {
      operationId: 'changeOwnPassword',
      summary: 'Change the own password',
      description: 'Needs the current password; the policy applies; every other session of the user and every personal access token end.',
      tags: TAGS,
      body: Type.Object({ currentPassword: Password, password: NewPassword }, { additionalProperties: false }),
      response: { 204: { type: 'null', description: 'Changed' }, ...problemResponses(400, 401, 409, 412, 415, 429) },
    },
    handler: async (request, reply) => {
      await deps.passwords.changeOwn(request.principal!, request.body);
      return reply.status(204).send(null);
    },
  });

  r.put('/api/v1/users/:id/password', {
    config: { access: 'users.write', operational: true },
    schema: {
      operationId: 'setUserPassword',
      summary: "Set a user's password",
      description: "The policy applies; every session and personal access token of the user ends; an invited user becomes active.",
      tags: TAGS,
      params: Type.Object({ id: Type.String() }),
      body: Type.Object({ password: NewPassword }, { additionalProperties: false }),
      response: { 204: { type: 'null', description: 'Set' }, ...problemResponses(400, 401, 403, 404, 409, 412, 415) },
    },
    handler: async (request, reply) => {
      await deps.passwords.set(request.principal!, request.params.id, request.body.password);
      return reply.status(204).send(null);
    },
  });
}
