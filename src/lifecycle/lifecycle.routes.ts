// HTTP for invitations, activation, password reset and email verification.
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { NewPassword, problemResponses } from '../http/schema-helpers.ts';
import { toUserView, userEtag } from '../users/user.view.ts';
import type { Lifecycle } from './lifecycle.service.ts';

const TAGS = ['Lifecycle'];
const Token = Type.String({ minLength: 1, maxLength: 128, description: 'The token from the mailed link' });
const Accepted = Type.Object({ status: Type.Literal('accepted') });
const TOKEN_ERRORS = 'Token problems have distinct codes: token.invalid (400), token.expired and token.used (410).';

export async function lifecycleRoutes(app: FastifyInstance, deps: { lifecycle: Lifecycle }): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  r.post('/api/v1/users/:id/invitation', {
    config: { access: 'users.write', operational: true },
    schema: {
      operationId: 'resendInvitation',
      summary: 'Send the activation mail again',
      description: 'A new single-use link; links sent before stop working. 409 unless the user is invited.',
      tags: TAGS,
      params: Type.Object({ id: Type.String() }),
      response: { 202: Accepted, ...problemResponses(401, 403, 404, 409, 412) },
    },
    handler: async (request, reply) => {
      await deps.lifecycle.resendInvitation(request.principal!, request.params.id);
      return reply.status(202).send({ status: 'accepted' as const });
    },
  });

  r.post('/api/v1/activations', {
    config: { access: 'public', operational: true },
    schema: {
      operationId: 'activateUser',
      summary: 'Activate an invited account',
      description: `Consumes the activation token, sets the password (policy applies), and answers the now active user. ${TOKEN_ERRORS}`,
      tags: TAGS,
      security: [],
      body: Type.Object({ token: Token, password: NewPassword }, { additionalProperties: false }),
      response: { 200: { $ref: 'User#' }, ...problemResponses(400, 409, 410, 412, 415) },
    },
    handler: async (request, reply) => {
      const user = await deps.lifecycle.activate(request.body, request.origin);
      reply.header('etag', userEtag(user));
      return toUserView(user, undefined);
    },
  });

  r.post('/api/v1/password-resets', {
    config: { access: 'public', operational: true },
    schema: {
      operationId: 'requestPasswordReset',
      summary: 'Ask for a password-reset mail',
      description: 'Always 202 with the same body: a mail goes out only when the address belongs to an active user.',
      tags: TAGS,
      security: [],
      body: Type.Object({ email: Type.String({ format: 'email', maxLength: 254 }) }, { additionalProperties: false }),
      response: { 202: Accepted, ...problemResponses(400, 412, 415, 429) },
    },
    handler: async (request, reply) => {
      await deps.lifecycle.requestPasswordReset(request.body.email, request.ip, request.origin);
      return reply.status(202).send({ status: 'accepted' as const });
    },
  });

  r.post('/api/v1/password-resets/confirm', {
    config: { access: 'public', operational: true },
    schema: {
      operationId: 'confirmPasswordReset',
      summary: 'Set a new password with a reset token',
      description: `The policy applies; every session of the user ends and the lockout counter resets. ${TOKEN_ERRORS}`,
      tags: TAGS,
      security: [],
      body: Type.Object({ token: Token, password: NewPassword }, { additionalProperties: false }),
      response: { 204: { type: 'null', description: 'Password set' }, ...problemResponses(400, 409, 410, 412, 415) },
    },
    handler: async (request, reply) => {
      await deps.lifecycle.confirmPasswordReset(request.body, request.origin);
      return reply.status(204).send(null);
    },
  });

  r.post('/api/v1/email-verifications', {
    config: { access: 'public', operational: true },
    schema: {
      operationId: 'verifyEmail',
      summary: 'Confirm an email address with the mailed token',
      description: TOKEN_ERRORS,
      tags: TAGS,
      security: [],
      body: Type.Object({ token: Token }, { additionalProperties: false }),
      response: { 204: { type: 'null', description: 'Verified' }, ...problemResponses(400, 409, 410, 412, 415) },
    },
    handler: async (request, reply) => {
      await deps.lifecycle.verifyEmail(request.body, request.origin);
      return reply.status(204).send(null);
    },
  });
}
