// Credentials → Principal. Tries each scheme in turn; a route's `access` names who may call it.
import type { FastifyRequest } from 'fastify';
import type { AuthScheme } from '../auth/scheme.ts';
import { roleMay } from '../auth/roles.ts';
import { ProblemError, problems } from './problem.ts';

function unauthorized(schemes: AuthScheme[], detail: string): ProblemError {
  return new ProblemError({
    status: 401,
    code: 'auth.unauthenticated',
    slug: 'unauthenticated',
    detail,
    headers: { 'www-authenticate': schemes.map((s) => s.challenge).join(', ') },
  });
}

export function createAuthenticator(schemes: AuthScheme[]) {
  return async function authenticate(request: FastifyRequest): Promise<void> {
    const access = request.routeOptions.config?.access ?? 'public';
    if (access === 'public') return;
    const header = request.headers.authorization;
    if (!header) throw unauthorized(schemes, 'Authentication is required.');
    for (const scheme of schemes) {
      const result = await scheme.authenticate(header);
      if (result.kind === 'skip') continue;
      if (result.kind === 'invalid') throw unauthorized(schemes, `Authentication failed: ${result.reason}.`);
      const { user } = result;
      request.principal = { userId: user.id, username: user.username, role: user.role, scheme: scheme.name };
      if (!roleMay(user.role, access)) {
        throw problems.forbidden('auth.forbidden', `The role ${user.role} may not do this.`);
      }
      return;
    }
    throw unauthorized(schemes, `Unsupported authorization scheme; use ${schemes.map((s) => s.name).join(' or ')}.`);
  };
}
