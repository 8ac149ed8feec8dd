// Credentials → Principal. Tries each scheme in turn; a route's `access` names who may call it.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AuthInput, AuthScheme } from '../auth/scheme.ts';
import { roleMay } from '../auth/roles.ts';
import { actorOf } from '../audit/audit-context.ts';
import { ProblemError, problems } from './problem.ts';

function challenges(schemes: AuthScheme[], override?: { scheme: string; challenge: string }): string {
  return schemes
    .map((s) => (override && s.name === override.scheme ? override.challenge : s.challenge))
    .filter(Boolean)
    .join(', ');
}

function unauthorized(schemes: AuthScheme[], detail: string, override?: { scheme: string; challenge: string }): ProblemError {
  return new ProblemError({
    status: 401,
    code: 'auth.unauthenticated',
    slug: 'unauthenticated',
    detail,
    headers: { 'www-authenticate': challenges(schemes, override) },
  });
}

export function inputOf(request: FastifyRequest): AuthInput {
  const csrf = request.headers['x-csrf-token'];
  return {
    authorization: request.headers.authorization,
    cookies: (request as { cookies?: Record<string, string | undefined> }).cookies ?? {},
    method: request.method,
    csrfToken: typeof csrf === 'string' ? csrf : undefined,
    ip: request.ip,
    origin: request.origin,
  };
}

export function createAuthenticator(schemes: AuthScheme[]) {
  return async function authenticate(request: FastifyRequest): Promise<void> {
    const access = request.routeOptions.config?.access ?? 'public';
    if (access === 'public') return;
    const input = inputOf(request);
    for (const scheme of schemes) {
      const result = await scheme.authenticate(input);
      if (result.kind === 'skip') continue;
      if (result.kind === 'invalid') {
        throw unauthorized(
          schemes,
          `Authentication failed: ${result.reason}.`,
          result.challenge ? { scheme: scheme.name, challenge: result.challenge } : undefined,
        );
      }
      if (result.kind === 'throttled') {
        throw problems.tooManyAttempts(`Too many attempts: ${result.reason}.`, result.retryAfter);
      }
      if (result.kind === 'csrf') {
        throw problems.forbidden('auth.csrf', 'A cookie-authenticated write needs the session\'s X-CSRF-Token header.');
      }
      const { user } = result;
      // A superuser may do everything an admin may.
      const role = user.isSuperuser ? 'admin' : user.role;
      const principal = {
        userId: user.id,
        username: user.username,
        role,
        scheme: scheme.name,
        sessionId: result.sessionId,
        sessionStartedAt: result.sessionStartedAt,
      };
      request.origin = { ...request.origin, actor: actorOf(principal) };
      request.principal = { ...principal, origin: request.origin };
      if (!roleMay(role, access)) {
        throw problems.forbidden('auth.forbidden', `The role ${role} may not do this.`);
      }
      return;
    }
    throw unauthorized(
      schemes,
      input.authorization ? 'Unsupported authorization scheme.' : 'Authentication is required.',
    );
  };
}

/**
 * Browsers answer a Basic challenge with their own password dialog, even to a script's fetch. An
 * application that signs people in by itself (the console) says so with `X-Requested-With:
 * XMLHttpRequest`; its 401s keep every challenge but Basic's.
 */
export function withoutBasicChallenge(header: string): string {
  return header
    .split(/,\s*(?=(?:Basic|Bearer|Token)\s)/)
    .filter((challenge) => !/^Basic\s/i.test(challenge))
    .join(', ');
}

export function quietBasicForApps(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply) => {
    const challenge = reply.getHeader('www-authenticate');
    if (typeof challenge === 'string' && request.headers['x-requested-with'] === 'XMLHttpRequest') {
      reply.header('www-authenticate', withoutBasicChallenge(challenge));
    }
  });
}
