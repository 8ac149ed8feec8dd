// The OpenAPI 3.1 document, generated from the route schemas, and the interactive docs.
import type { FastifyInstance, RouteOptions } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { HEADERS, headerSchemas, type HeaderName } from './schema-helpers.ts';

type JsonObject = Record<string, unknown>;

/** A query parameter with a default may be left out: Ajv fills it in, so it is not required. */
function defaultsOptional(query: JsonObject): JsonObject {
  const properties = (query.properties ?? {}) as Record<string, JsonObject>;
  if (!Array.isArray(query.required)) return query;
  const required = (query.required as string[]).filter((name) => properties[name]?.default === undefined);
  const { required: _dropped, ...rest } = query;
  return required.length > 0 ? { ...rest, required } : rest;
}

/**
 * The headers each documented response carries, by rule: ETag on a user or group (and on the
 * 204 of Prefer: return=minimal), Preference-Applied where Prefer is taken, WWW-Authenticate on
 * 401, Retry-After on 429 (and on the 409 of an Idempotency-Key still in progress), and
 * Idempotency-Replayed on the answers of the POSTs that take an Idempotency-Key.
 */
function withResponseHeaders(route: RouteOptions, schema: JsonObject): JsonObject {
  const responses = schema.response as Record<string, JsonObject>;
  const method = [route.method].flat()[0];
  const takesPrefer = Boolean(((schema.headers as JsonObject | undefined)?.properties as JsonObject | undefined)?.prefer);
  const idempotent = method === 'POST' && route.config?.access !== 'public' && !route.config?.showsSecret && !route.config?.streamsBody;
  const out: Record<string, JsonObject> = {};
  for (const [status, response] of Object.entries(responses)) {
    const names = new Set<HeaderName>();
    const code = Number(status);
    const ref = response.$ref;
    if (code >= 200 && code < 300 && (ref === 'User#' || ref === 'Group#')) names.add('ETag');
    if (code === 204 && takesPrefer) names.add('ETag').add('Preference-Applied');
    if (code === 202 && takesPrefer) names.add('Preference-Applied');
    if (code === 401) names.add('WWW-Authenticate');
    if (code === 429 || (code === 409 && idempotent)) names.add('Retry-After');
    if (code >= 200 && code < 300 && idempotent) names.add('Idempotency-Replayed');
    const declared = (response.headers ?? {}) as JsonObject;
    out[status] = names.size === 0 ? response : { ...response, headers: { ...declared, ...headerSchemas(names) } };
  }
  return out;
}

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
        responses: {
          MethodNotAllowed: {
            description:
              'Any known path asked with a method it does not answer: a problem document whose Allow header names the methods it does',
            headers: { Allow: { description: HEADERS.Allow.description, schema: { type: 'string' } } },
            content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
          },
        },
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
      // A streamed body is documented by the schema of one of its lines (Fastify never sees it).
      if (route.config?.streamsBody) {
        transformed.consumes = [route.config.streamsBody.mediaType];
        transformed.body = route.config.streamsBody.line;
      }
      if (transformed.querystring) transformed.querystring = defaultsOptional(transformed.querystring as JsonObject);
      if (transformed.response) transformed.response = withResponseHeaders(route, transformed);
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
