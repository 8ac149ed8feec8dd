// buildApp(deps): the whole HTTP application, ready to listen. It never listens itself, so
// tests and main.ts decide where it serves.
import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyServerOptions } from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import type { Store } from './store/db.ts';
import type { PasswordHasher } from './credentials/password.ts';
import { basicScheme } from './auth/basic.ts';
import { createAuthenticator } from './http/auth.ts';
import { registerErrorHandling } from './http/errors.ts';
import { checkAccept } from './http/negotiate.ts';
import { registerIdempotency } from './http/idempotency.ts';
import { registerOpenApi } from './http/openapi.ts';
import { ProblemError } from './http/problem.ts';
import { ProblemSchema } from './http/schema-helpers.ts';
import { validatorCompiler } from './http/validation.ts';
import { createSystem, type SystemService } from './system/system.service.ts';
import { systemRoutes } from './system/system.routes.ts';
import { getUserByUsername } from './users/user.repo.ts';
import { UserListSchema, UserSchema } from './users/user.schema.ts';
import { userRoutes } from './users/user.routes.ts';
import type { UserDeps } from './users/user.service.ts';

export interface AppDeps {
  store: Store;
  passwords: PasswordHasher;
  readOnly?: boolean;
  publicUrl?: string;
  now?: () => Date;
  newId?: () => string;
  logger?: FastifyServerOptions['logger'];
}

export interface App extends FastifyInstance {
  system: SystemService;
}

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export async function buildApp(deps: AppDeps): Promise<App> {
  const app = Fastify({
    logger: deps.logger ?? false,
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    bodyLimit: 1024 * 1024,
    ajv: { customOptions: { strict: false } },
    // Errors Fastify raises before routing (a badly percent-encoded URL) are problems too.
    frameworkErrors: (error, request, reply) => {
      const problem = new ProblemError({
        status: 400,
        code: error.code === 'FST_ERR_BAD_URL' ? 'request.bad_url' : 'request.invalid',
        slug: 'bad-request',
        detail: error.code === 'FST_ERR_BAD_URL' ? 'The request URL is not validly percent-encoded.' : 'The request is not valid.',
      });
      void (reply as FastifyReply)
        .status(400)
        .header('x-request-id', request.id)
        .type('application/problem+json')
        .send(problem.toJSON(request.id));
    },
  }) as unknown as App;

  const userDeps: UserDeps = {
    db: deps.store.db,
    passwords: deps.passwords,
    now: deps.now ?? (() => new Date()),
    newId: deps.newId ?? (() => uuidv7()),
  };
  const system = createSystem({ ...userDeps, readOnly: deps.readOnly ?? false });
  app.decorate('system', system);

  app.setValidatorCompiler(validatorCompiler);
  // Handlers map every value to its response type explicitly (rule 4), so plain JSON suffices.
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  // Only JSON bodies are accepted; a text/plain body must be 415, not a string that fails later.
  app.removeContentTypeParser('text/plain');
  app.addContentTypeParser(
    'application/merge-patch+json',
    { parseAs: 'string' },
    app.getDefaultJsonParser('error', 'error'),
  );
  registerErrorHandling(app);
  for (const schema of [ProblemSchema, UserSchema, UserListSchema]) app.addSchema(schema);

  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/') && route.config?.access === undefined) {
      throw new Error(`route ${route.method} ${route.url} declares no access permission`);
    }
  });

  const authenticate = createAuthenticator([
    basicScheme({
      passwords: deps.passwords,
      findUserByUsername: (username) => getUserByUsername(deps.store.db, username),
    }),
  ]);
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
    checkAccept(request);
    const config = request.routeOptions.config;
    if (config?.operational && (await system.state()) === 'unprovisioned') {
      throw new ProblemError({
        status: 412,
        code: 'system.unprovisioned',
        detail: 'The service is not provisioned yet: POST /api/v1/system/provision creates the first administrator.',
      });
    }
    await authenticate(request);
    if (deps.readOnly && config?.operational && WRITE_METHODS.has(request.method)) {
      throw new ProblemError({ status: 412, code: 'system.read_only', detail: 'The service is read-only (maintenance).' });
    }
  });
  registerIdempotency(app, { db: deps.store.db, now: userDeps.now });

  await registerOpenApi(app, deps.publicUrl);
  await app.register(async (scope) => systemRoutes(scope, { system, db: deps.store.db }));
  await app.register(async (scope) => userRoutes(scope, userDeps));
  app.get('/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger());
  return app;
}
