// The OpenAPI 3.1 document, generated from the route schemas, and the interactive docs.
import type { FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';

export async function registerOpenApi(app: FastifyInstance, publicUrl: string | undefined): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Roster',
        version: '1',
        description:
          'Self-hosted user directory. Errors are RFC 9457 problem documents (application/problem+json) whose ' +
          '`instance` is the request id, also sent as X-Request-Id.',
        license: { name: 'Proprietary' },
      },
      servers: publicUrl ? [{ url: publicUrl }] : [],
      components: {
        securitySchemes: {
          basicAuth: { type: 'http', scheme: 'basic', description: 'Username and password (not for MFA users)' },
          bearerAuth: {
            type: 'http',
            scheme: 'bearer',
            bearerFormat: 'JWT',
            description: 'Access token from POST /api/v1/sessions, or a personal access token',
          },
          tokenAuth: {
            type: 'apiKey',
            in: 'header',
            name: 'Authorization',
            description: '`Token <secret>` with a personal access token',
          },
          cookieAuth: {
            type: 'apiKey',
            in: 'cookie',
            name: 'roster_session',
            description: 'Browser session; writes must send X-CSRF-Token',
          },
        },
      },
      security: [{ basicAuth: [] }, { bearerAuth: [] }, { tokenAuth: [] }, { cookieAuth: [] }],
      tags: [
        { name: 'Users', description: 'Create, find, update and remove users' },
        { name: 'Groups', description: 'Groups, their hierarchy and members; superuser groups' },
        { name: 'Lifecycle', description: 'Invitations, activation, password reset, email verification' },
        { name: 'Credentials', description: 'Passwords, personal access tokens and MFA' },
        { name: 'Sessions', description: 'Log in and out; the keys that verify access tokens' },
        { name: 'System', description: 'Service state, provisioning and health' },
      ],
    },
    refResolver: {
      // Name components after their $id (User, Problem…) instead of def-0, def-1…
      buildLocalReference: (json, _baseUri, _fragment, i) => String(json.$id ?? `def-${i}`),
    },
    transform: ({ schema, url, route }) => {
      const transformed = { ...(schema as Record<string, unknown>) };
      if (route.config?.access === 'public') transformed.security = [];
      return { schema: transformed as never, url };
    },
  });
  await app.register(swaggerUi, {
    routePrefix: '/docs',
    // The page loads only its own scripts, styles and the document; no one may frame it.
    staticCSP: DOCS_CSP,
  });
}

export const DOCS_CSP = [
  "default-src 'self'",
  "base-uri 'self'",
  "connect-src 'self'",
  "font-src 'self' data:",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "img-src 'self' data:",
  "object-src 'none'",
  "script-src 'self'",
  "script-src-attr 'none'",
  "style-src 'self'",
].join('; ');
