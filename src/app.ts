// buildApp(deps): the whole HTTP application, ready to listen. It never listens itself, so
// tests and main.ts decide where it serves.
import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyServerOptions } from 'fastify';
import type { Store } from './store/db.ts';
import type { PasswordHasher } from './credentials/password.ts';
import { basicScheme } from './auth/basic.ts';
import { createAuthenticator, quietBasicForApps } from './http/auth.ts';
import type { Permission } from './auth/roles.ts';
import { registerErrorHandling } from './http/errors.ts';
import { checkAccept } from './http/negotiate.ts';
import { IDEMPOTENCY_TTL_MS, registerIdempotency } from './http/idempotency.ts';
import { registerOpenApi } from './http/openapi.ts';
import { ProblemError } from './http/problem.ts';
import { ProblemSchema } from './http/schema-helpers.ts';
import { NO_QUERY, validatorCompiler } from './http/validation.ts';
import { checkRequestSize, clientErrorHandler, NODE_MAX_HEADER_SIZE } from './http/limits.ts';
import { refuseNul } from './http/nul.ts';
import { createSystem, type SystemService } from './system/system.service.ts';
import { systemRoutes } from './system/system.routes.ts';
import { createBackups } from './backup/backup.service.ts';
import { backupRoutes } from './backup/backup.routes.ts';
import { hkdfSync } from 'node:crypto';
import cookie from '@fastify/cookie';
import { bearerScheme, cookieScheme, tokenScheme } from './auth/bearer.ts';
import { ValidityCache } from './auth/validity-cache.ts';
import { LoginSubjects } from './auth/login-subjects.ts';
import { UserCache, type UserCacheOptions } from './users/user-cache.ts';
import { followChanges } from './caches.ts';
import { createSecretBox } from './credentials/secret-box.ts';
import { createMfa } from './mfa/mfa.service.ts';
import { mfaRoutes } from './mfa/mfa.routes.ts';
import { createIpLimits, DEFAULT_IP_LIMITS, type IpLimitConfig } from './ratelimit/ip-limits.ts';
import { createKeyRing, type KeyRing } from './sessions/keys.ts';
import { createSessions, SESSION_COOKIE, type LiveSession } from './sessions/session.service.ts';
import { sessionRoutes } from './sessions/session.routes.ts';
import { createLogin } from './sessions/login.ts';
import { createTokens, type LiveToken } from './tokens/token.service.ts';
import { tokenRoutes } from './tokens/token.routes.ts';
import { passwordRoutes } from './users/password.routes.ts';
import { createPasswords } from './users/password.service.ts';
import { createUnitOfWork } from './repos.ts';
import { createCredentialsChanged } from './auth/credentials-changed.ts';
import { createLockout } from './credentials/lockout.ts';
import { CheckFloor } from './credentials/check-floor.ts';
import { createRecentLogin } from './credentials/recent-login.ts';
import { createQueue, type Queue } from './jobs/queue.ts';
import { jobRoutes } from './jobs/job.routes.ts';
import { createMailer } from './mail/mailer.ts';
import { strengthPool } from './credentials/password-policy.ts';
import { createLifecycle, type LifecycleTtl } from './lifecycle/lifecycle.service.ts';
import { lifecycleRoutes } from './lifecycle/lifecycle.routes.ts';
import { createGroups } from './groups/group.service.ts';
import { groupRoutes } from './groups/group.routes.ts';
import { GroupListSchema, GroupSchema } from './groups/group.schema.ts';
import { registerMetrics } from './metrics/metrics.ts';
import { metricsRoutes } from './metrics/metrics.routes.ts';
import { UserListSchema, UserSchema } from './users/user.schema.ts';
import { userRoutes } from './users/user.routes.ts';
import { userExportRoutes } from './users/user-export.routes.ts';
import { userImportRoutes } from './users/user-import.routes.ts';
import { scimRoutes } from './scim/scim.routes.ts';
import { SCIM_FACE } from './scim/scim-error.ts';
import { createUserImport } from './users/user-import.ts';
import { createUsers } from './users/user.service.ts';
import { DEFAULTS, LOG_REDACT, LOG_SERIALIZERS } from './config.ts';
import { AccessLog, logAborted } from './http/access-log.ts';
import { newId as createId } from './ids.ts';
import { createAudit } from './audit/audit.service.ts';
import { ANONYMOUS_ACTOR, type AuditOrigin } from './audit/audit-context.ts';
import { auditRoutes } from './audit/audit.routes.ts';
import { createWebhooks } from './webhooks/webhook.service.ts';
import { webhookRoutes } from './webhooks/webhook.routes.ts';
import { pageRoutes } from './pages/pages.routes.ts';
import { consoleRoutes } from './pages/console.routes.ts';

export interface AppDeps {
  store: Store;
  passwords: PasswordHasher;
  /** Key for secrets at rest (≥ 32 characters). */
  secret: string;
  readOnly?: boolean;
  publicUrl?: string;
  /** Issuer of access tokens; unset → one made for the database, shared by every process on it. */
  issuer?: string;
  accessTokenTtlSeconds?: number;
  sessionTtlSeconds?: number;
  keyRotationSeconds?: number;
  ipLimits?: IpLimitConfig;
  /** `smtp://…`; unset → mail is written to the log. */
  smtpUrl?: string;
  mailFrom?: string;
  lifecycleTtl?: Partial<LifecycleTtl>;
  /** How often the job worker looks for due jobs when not woken (ms). */
  jobPollMs?: number;
  now?: () => Date;
  newId?: () => string;
  logger?: FastifyServerOptions['logger'];
  /** Sizes of the user cache (0 turns a part off) and its backstop expiry. */
  userCache?: Partial<UserCacheOptions>;
  /** Audit events older than this many days are purged (default 365). */
  auditRetentionDays?: number;
  /** Targets on private networks allowed; the first retry's delay (each next doubles). */
  webhooks?: { allowPrivate?: boolean; retryBaseMs?: number };
}

export interface RouteAccess {
  method: string;
  url: string;
  access: Permission;
}

export interface App extends FastifyInstance {
  routeTable: RouteAccess[];
  system: SystemService;
  keys: KeyRing;
  queue: Queue;
}

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** What the docs plugin's routes serve, for content negotiation: the page answers text/html. */
function docsProduces(url: string): string[] {
  if (url.endsWith('/json')) return ['application/json'];
  if (url.endsWith('/yaml')) return ['application/x-yaml', 'text/yaml'];
  if (url.includes('/static/')) return ['text/css', 'text/javascript', 'application/javascript', 'image/png', 'image/svg+xml', 'text/html'];
  return ['text/html'];
}

export async function buildApp(deps: AppDeps): Promise<App> {
  const app = Fastify({
    // Redaction belongs to the app, so every logger given to it (tests' included) redacts.
    logger: deps.logger ? { ...(typeof deps.logger === 'object' ? deps.logger : {}), redact: LOG_REDACT, serializers: LOG_SERIALIZERS } : false,
    logController: new AccessLog(),
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    bodyLimit: 1024 * 1024,
    ajv: { customOptions: { strict: false } },
    // URL and header size limits are Roster's (src/http/limits.ts), answered as problems.
    http: { maxHeaderSize: NODE_MAX_HEADER_SIZE },
    clientErrorHandler,
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

  const now = deps.now ?? (() => new Date());
  const newId = deps.newId ?? createId;
  const data = createUnitOfWork(deps.store);
  const audit = createAudit({ data, now, newId, retentionDays: deps.auditRetentionDays ?? DEFAULTS.auditRetentionDays });
  const box = createSecretBox(deps.secret);
  const derive = (purpose: string) => Buffer.from(hkdfSync('sha256', deps.secret, 'roster', purpose, 32));
  const accessTokenTtlSeconds = deps.accessTokenTtlSeconds ?? DEFAULTS.accessTokenTtlSeconds;
  const system = createSystem({ data, passwords: deps.passwords, now, newId, readOnly: deps.readOnly ?? false, audit });
  const keys = createKeyRing({
    data,
    box,
    now,
    rotationMs: (deps.keyRotationSeconds ?? DEFAULTS.keyRotationSeconds) * 1000,
    tokenTtlMs: accessTokenTtlSeconds * 1000,
  });
  const sessionCache = new ValidityCache<LiveSession>(now);
  const tokenCache = new ValidityCache<LiveToken>(now);
  const userCache = new UserCache({ ...DEFAULTS.userCache, ...deps.userCache });
  const loginSubjects = new LoginSubjects((username) => data.repos.users.getLoginSubject(username), now);
  const stopFollowing = followChanges(deps.store.changes, { users: userCache, principals: [sessionCache, tokenCache, loginSubjects], loginSubjects });
  app.addHook('onClose', async () => stopFollowing());
  const sessions = createSessions({
    data,
    keys,
    cache: sessionCache,
    now,
    newId,
    // One issuer for every process on this database, whatever address each one listens on.
    issuer: async () => deps.issuer ?? `urn:roster:${await system.installationId()}`,
    accessTokenTtlSeconds,
    sessionTtlSeconds: deps.sessionTtlSeconds ?? DEFAULTS.sessionTtlSeconds,
    csrfKey: derive('csrf'),
    audit,
  });
  const lockout = createLockout({ data, now, audit });
  // The first password check waits for the floor to be measured; housekeeping measures it again.
  const floor = new CheckFloor();
  const calibrate = async () => floor.calibrate(await data.repos.users.legacyHashSamples(deps.passwords.prefix), deps.passwords);
  let calibrated: Promise<void> | undefined;
  const checkDeps = {
    passwords: deps.passwords,
    lockout,
    now,
    floor: {
      async pad(startedAt: number) {
        await (calibrated ??= calibrate().catch(() => void (calibrated = undefined)));
        await floor.pad(startedAt);
      },
    },
    rehash: async (user: { id: string; passwordHash: string | null }, password: string) => {
      await data.repos.users.replacePasswordHash(user.id, user.passwordHash!, await deps.passwords.hash(password));
    },
  };
  const recentLogin = createRecentLogin({ ...checkDeps, data });
  const tokens = createTokens({ data, cache: tokenCache, recentLogin, now, newId, audit });
  const credentials = createCredentialsChanged({
    caches: [sessionCache, tokenCache],
    revokeSessions: (userId, keep) => sessions.revokeAllOf(userId, keep),
    revokeTokens: (userId) => tokens.revokeAllOf(userId),
  });
  const mfa = createMfa({ data, box, recentLogin, credentials, now, newId, codeKey: derive('recovery-codes'), audit });
  const ipLimits = createIpLimits({ data, now, limits: deps.ipLimits ?? DEFAULT_IP_LIMITS });
  const queue = createQueue({ data, now, newId, log: app.log, pollMs: deps.jobPollMs });
  queue.onHousekeeping((at) => audit.purge(at));
  const webhooks = createWebhooks({
    data,
    queue,
    box,
    audit,
    now,
    newId,
    allowPrivate: deps.webhooks?.allowPrivate ?? false,
    retryBaseMs: deps.webhooks?.retryBaseMs ?? DEFAULTS.webhookRetryBaseMs,
  });
  queue.onHousekeeping(ipLimits.purge);
  queue.onHousekeeping(lockout.purge);
  queue.onHousekeeping(calibrate);
  queue.onHousekeeping((at) => data.repos.idempotency.purgeBefore(new Date(at.getTime() - IDEMPOTENCY_TTL_MS)));
  const passwords = createPasswords({ data, passwords: deps.passwords, lockout, recentLogin, credentials, now, audit });
  const lifecycle = createLifecycle({
    data,
    now,
    newId,
    passwords: deps.passwords,
    box,
    queue,
    mailer: createMailer({ smtpUrl: deps.smtpUrl, from: deps.mailFrom ?? DEFAULTS.mailFrom, log: app.log }),
    publicUrl: deps.publicUrl ?? DEFAULTS.publicUrl,
    ttl: {
      activation: DEFAULTS.invitationTtlSeconds,
      passwordReset: DEFAULTS.passwordResetTtlSeconds,
      emailVerification: DEFAULTS.emailVerificationTtlSeconds,
      ...deps.lifecycleTtl,
    },
    newPassword: passwords,
    resetLimit: ipLimits.passwordReset,
    audit,
  });
  const users = createUsers({ data, passwords: deps.passwords, now, newId, credentials, events: lifecycle.events, cache: userCache, audit });
  const groups = createGroups({ data, users, now, newId, credentials, audit });
  const imports = createUserImport({
    data,
    passwords: deps.passwords,
    now,
    newId,
    credentials,
    // Logins must take as long as the slowest imported hash family: the floor measures again.
    foreignHashesImported: () => void (calibrated = calibrate().catch(() => void (calibrated = undefined))),
    audit,
  });
  // An import runs within its request; one still "running" when its lease ran out lost its process.
  for (const kind of ['users.import', 'users.import_dry_run']) {
    queue.register(kind, async () => {
      throw new Error('the process running the import stopped before it finished; rerun it with mode=upsert');
    });
  }
  const backups = createBackups({
    data,
    now,
    newId,
    state: () => system.state(),
    opensSealedKey: (sealed) => keys.opens(sealed),
    restored: async () => {
      await keys.reload();
      calibrated = undefined;
    },
    audit,
  });
  app.decorate('system', system);
  app.decorate('keys', keys);
  app.decorate('queue', queue);
  app.addHook('onClose', () => queue.stop());
  app.addHook('onClose', strengthPool.hold());

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
  registerErrorHandling(app, [SCIM_FACE]);
  for (const schema of [ProblemSchema, UserSchema, UserListSchema, GroupSchema, GroupListSchema]) app.addSchema(schema);

  // Every route but the docs plugin's static pages names who may call it; one without fails to
  // register, so nothing becomes reachable by accident. The table feeds the role-matrix test.
  const routeTable: RouteAccess[] = [];
  app.decorate('routeTable', routeTable);
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/docs')) {
      route.config = { ...route.config, produces: docsProduces(route.url) };
      return;
    }
    // A route that takes no query parameters refuses any (src/http/validation.ts).
    if (route.schema?.querystring === undefined) route.schema = { ...route.schema, querystring: NO_QUERY };
    const access = route.config?.access;
    if (access === undefined) throw new Error(`route ${String(route.method)} ${route.url} declares no access permission`);
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') routeTable.push({ method, url: route.url, access });
    }
  });

  await app.register(cookie);
  const authenticate = createAuthenticator([
    basicScheme({
      ...checkDeps,
      findLoginSubject: (username) => loginSubjects.get(username),
      ipThrottle: ipLimits.basic,
      ipSucceeded: ipLimits.basicSucceeded,
      audit,
    }),
    bearerScheme({ sessions, tokens }),
    tokenScheme({ tokens }),
    cookieScheme({ sessions, cookieName: SESSION_COOKIE }),
  ]);
  // Who acts, from where: anonymous until authenticated (src/http/auth.ts names the principal).
  app.decorateRequest('origin', null as unknown as AuditOrigin);
  app.addHook('onRequest', async (request) => {
    const userAgent = request.headers['user-agent'];
    request.origin = { actor: ANONYMOUS_ACTOR, ip: request.ip, userAgent: typeof userAgent === 'string' ? userAgent.slice(0, 512) : null, requestId: request.id };
  });
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
    // Users' personal data: no cache on the way may keep any API answer, success or problem.
    if (request.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
    checkRequestSize(request);
    checkAccept(request);
    const config = request.routeOptions.config;
    if (config?.operational && (await system.state()) === 'unprovisioned') {
      throw new ProblemError({
        status: 412,
        code: 'system.unprovisioned',
        detail: 'The service is not provisioned yet: POST /api/v1/system/provision creates the first administrator.',
      });
    }
    if (!(config?.publicWhileUnprovisioned && (await system.state()) === 'unprovisioned')) await authenticate(request);
    if (deps.readOnly && config?.operational && !config.readOnlySafe && WRITE_METHODS.has(request.method)) {
      throw new ProblemError({ status: 412, code: 'system.read_only', detail: 'The service is read-only (maintenance).' });
    }
  });
  app.addHook('preValidation', async (request) => refuseNul(request));
  app.addHook('onRequestAbort', async (request) => logAborted(request));
  quietBasicForApps(app);
  registerIdempotency(app, { data, now });
  const registry = registerMetrics(app, { data });

  await registerOpenApi(app, deps.publicUrl);
  await app.register(async (scope) => systemRoutes(scope, { system }));
  await app.register(async (scope) => backupRoutes(scope, { backups }));
  await app.register(async (scope) => userRoutes(scope, { users }));
  await app.register(async (scope) => userExportRoutes(scope, { users }));
  await app.register(async (scope) => userImportRoutes(scope, { imports }));
  await app.register(async (scope) => scimRoutes(scope, { users, groups, passwords, baseUrl: deps.publicUrl ?? DEFAULTS.publicUrl }));
  await app.register(async (scope) => passwordRoutes(scope, { passwords }));
  await app.register(async (scope) => tokenRoutes(scope, { tokens }));
  await app.register(async (scope) => mfaRoutes(scope, { mfa }));
  await app.register(async (scope) => lifecycleRoutes(scope, { lifecycle }));
  await app.register(async (scope) => groupRoutes(scope, { groups, users }));
  await app.register(async (scope) => metricsRoutes(scope, { registry }));
  await app.register(async (scope) => jobRoutes(scope, { queue }));
  await app.register(async (scope) => auditRoutes(scope, { audit }));
  await app.register(async (scope) => webhookRoutes(scope, { webhooks }));
  const secureCookies = (deps.publicUrl ?? '').startsWith('https:');
  await app.register(async (scope) => pageRoutes(scope, { lifecycle, secureCookies }));
  await app.register(async (scope) => consoleRoutes(scope));
  await app.register(async (scope) =>
    sessionRoutes(scope, { login: createLogin({ ...checkDeps, data, sessions, mfa, ipLimits, audit }), sessions, keys, secureCookies }),
  );
  app.get('/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger());
  return app;
}
