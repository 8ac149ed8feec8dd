// HTTP for sessions: login (JWT + cookie + CSRF token), logout, and the JWKS.
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { MAX_PASSWORD_LENGTH } from '../credentials/password-policy.ts';
import { problemResponses } from '../http/schema-helpers.ts';
import type { KeyRing } from './keys.ts';
import type { Login } from './login.ts';
import { SESSION_COOKIE, type Sessions } from './session.service.ts';

const TAGS = ['Sessions'];

export interface SessionRouteDeps {
  login: Login;
  sessions: Sessions;
  keys: KeyRing;
  secureCookies: boolean;
}

export async function sessionRoutes(app: FastifyInstance, deps: SessionRouteDeps): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const cookieOptions = { httpOnly: true, sameSite: 'lax' as const, secure: deps.secureCookies, path: '/' };

  r.post('/api/v1/sessions', {
    config: { access: 'public', operational: true, readOnlySafe: true },
    schema: {
      operationId: 'createSession',
      summary: 'Log in',
      description:
        'Checks the password (and `totp`, a TOTP or recovery code, for MFA users) and answers a short-lived EdDSA JWT ' +
        'for `Authorization: Bearer`, plus an HttpOnly session cookie for browsers whose writes must send `csrfToken` as X-CSRF-Token. ' +
        'Five failed checks lock the account (429 with Retry-After).',
      tags: TAGS,
      security: [],
      body: Type.Object(
        {
          username: Type.String({ minLength: 1, maxLength: 150 }),
          password: Type.String({ minLength: 1, maxLength: MAX_PASSWORD_LENGTH }),
          totp: Type.Optional(Type.String({ minLength: 1, maxLength: 32, description: 'TOTP code or recovery code' })),
        },
        { additionalProperties: false },
      ),
      response: {
        200: Type.Object({
          accessToken: Type.String(),
          tokenType: Type.Literal('Bearer'),
          expiresIn: Type.Integer({ description: 'Seconds until the access token expires' }),
          csrfToken: Type.String(),
        }),
        ...problemResponses(400, 401, 412, 415, 429),
      },
    },
    handler: async (request, reply) => {
      const session = await deps.login.login(request.body, { ...request.origin, ip: request.ip });
      reply.setCookie(SESSION_COOKIE, session.cookieToken, { ...cookieOptions, expires: session.sessionExpiresAt });
      reply.header('cache-control', 'no-store');
      return { accessToken: session.accessToken, tokenType: 'Bearer' as const, expiresIn: session.expiresIn, csrfToken: session.csrfToken };
    },
  });

  r.delete('/api/v1/sessions/current', {
    config: { access: 'self', readOnlySafe: true },
    schema: {
      operationId: 'deleteCurrentSession',
      summary: 'Log out',
      description: 'Ends the session behind the JWT or cookie: both stop working at once.',
      tags: TAGS,
      response: { 204: { type: 'null', description: 'Logged out' }, ...problemResponses(401, 403, 409) },
    },
    handler: async (request, reply) => {
      await deps.sessions.logout(request.principal!);
      reply.clearCookie(SESSION_COOKIE, cookieOptions);
      return reply.status(204).send(null);
    },
  });

  r.get('/.well-known/jwks.json', {
    config: { access: 'public' },
    schema: {
      operationId: 'getJwks',
      summary: 'Public keys that verify access tokens (RFC 7517)',
      tags: TAGS,
      security: [],
      response: { 200: Type.Object({ keys: Type.Array(Type.Record(Type.String(), Type.Unknown())) }), ...problemResponses() },
    },
    handler: async (_request, reply) => {
      reply.header('cache-control', 'public, max-age=300');
      return deps.keys.jwks();
    },
  });
}
