// Walks every route × every role: a call is refused with 403 auth.forbidden exactly when the
// permission table below — API.md "Roles" and the route list written out by hand, not read from
// src/auth/roles.ts — says the role may not call it. The source's tables (PERMISSIONS and each
// route's `access`) are asserted against this one, so a wrong table in the source fails here. A
// route registered without a permission fails to register at all, and one missing from the
// oracle fails here.
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { backends } from '../support/backends.ts';
import { withServer } from '../support/server.ts';
import { expectProblem, type Client } from '../support/client.ts';
import { createLogin } from '../support/factories.ts';
import { ROLES, PERMISSIONS, isPermission, roleMay, type Role } from '../../src/auth/roles.ts';
import { generateOpenApi } from '../support/openapi.ts';

/**
 * API.md "Roles", per role: admin everything; manager users and groups; auditor reads
 * everything (the job queue included) but not /metrics, which is for admin and metrics only;
 * metrics only /metrics; backup the encrypted backup; user only themselves (`/users/me`, any
 * role). Restoring is an admin's (of a read-only service; an unprovisioned one has no one yet).
 */
const MAY: Record<Role, readonly string[]> = {
  admin: ['self', 'users.read', 'users.write', 'metrics.read', 'system.read', 'system.backup', 'system.restore', 'audit.read', 'webhooks.manage'],
  manager: ['self', 'users.read', 'users.write'],
  auditor: ['self', 'users.read', 'system.read', 'audit.read'],
  metrics: ['self', 'metrics.read'],
  backup: ['self', 'system.backup'],
  user: ['self'],
};

/** The permission API.md gives each operation; `undefined` for one the oracle does not know. */
function expectedAccess(method: string, url: string): string | undefined {
  const PUBLIC = [
    'GET /api/v1/system/state', 'POST /api/v1/system/provision', 'GET /healthz', 'GET /readyz',
    'GET /openapi.json', 'GET /.well-known/jwks.json', 'POST /api/v1/sessions', 'POST /api/v1/activations',
    'POST /api/v1/password-resets', 'POST /api/v1/password-resets/confirm', 'POST /api/v1/email-verifications',
  ];
  if (PUBLIC.includes(`${method} ${url}`) || url === '/docs' || url.startsWith('/docs/')) return 'public';
  // API.md, "Pages for people": the pages the mails link to, and their assets, need no credentials.
  if (['/activate', '/reset-password', '/forgot-password', '/verify-email'].includes(url) || url.startsWith('/assets/')) return 'public';
  // The console's shell and assets are public; what it shows comes from /api/v1 under its roles.
  if (url === '/console' || url.startsWith('/console/assets/')) return 'public';
  // API.md, "SCIM 2.0": the discovery documents need no credentials; the rest, /api/v1's roles.
  if (/^\/scim\/v2\/(ServiceProviderConfig|ResourceTypes|Schemas)(\/|$)/.test(url)) return 'public';
  if (url === '/scim/v2/Me') return 'self';
  if (url.startsWith('/scim/v2/')) return method === 'GET' || url.endsWith('/.search') ? 'users.read' : 'users.write';
  // The caller's own account; a user's tokens are the caller's own or, for those who manage
  // users, someone else's: the service decides which (tokens-access.test.ts).
  if (url === '/api/v1/users/me' || url.startsWith('/api/v1/users/me/')) return 'self';
  if (`${method} ${url}` === 'DELETE /api/v1/sessions/current') return 'self';
  if (/^\/api\/v1\/users\/:id\/tokens(\/:tokenId)?$/.test(url)) return 'self';
  if (url === '/metrics') return 'metrics.read';
  // API.md: backup — `backup` and admin; restore — an admin of a read-only service.
  if (`${method} ${url}` === 'GET /api/v1/system/backup') return 'system.backup';
  if (`${method} ${url}` === 'POST /api/v1/system/restore') return 'system.restore';
  // API.md: whoever started a job may read it and its errors; the service decides (export.test.ts).
  if (method === 'GET' && /^\/api\/v1\/system\/jobs\/:id(\/errors)?$/.test(url)) return 'self';
  if (method === 'GET' && url.startsWith('/api/v1/system/jobs')) return 'system.read';
  // API.md, "Import, export, backup": import and export are for admins and managers, reads or not.
  if (url === '/api/v1/users/export' || url === '/api/v1/users/import') return 'users.write';
  if (/^\/api\/v1\/(users|groups)(\/|$)/.test(url)) return method === 'GET' ? 'users.read' : 'users.write';
  // API.md, "Audit log and webhooks": the log for admins and auditors, webhooks for admins.
  if (`${method} ${url}` === 'GET /api/v1/audit-events') return 'audit.read';
  if (url === '/api/v1/webhooks' || url.startsWith('/api/v1/webhooks/')) return 'webhooks.manage';
  return undefined;
}

const may = (role: Role, access: string) => MAY[role].includes(access);

const SCIM_ERROR = 'urn:ietf:params:scim:api:messages:2.0:Error';
/** The SCIM face refuses in SCIM's words (RFC 7644 §3.12), with the same status. */
function isScimForbidden(url: string, res: { body?: any }): boolean {
  return url.startsWith('/scim/') && res.body?.status === '403' && res.body?.schemas?.[0] === SCIM_ERROR;
}

function concretePath(url: string, access: string): string {
  // `self` routes act on the caller: their user id is `me`.
  return url.replace(/:(\w+)/g, (_m, name: string) => (name === 'id' && access === 'self' ? 'me' : randomUUID()));
}

for (const backend of backends()) {
  describe(`role matrix (${backend})`, () => {
    const clients = new Map<Role, Client>();
    const server = withServer(backend);
    before(async () => {
      for (const role of ROLES) clients.set(role, server.client((await createLogin(server.admin, role)).auth));
    });

    it('every route names a known permission, and every documented operation is a route', async () => {
      const table = server.app.routeTable;
      assert.ok(table.length >= 40, `only ${table.length} routes`);
      for (const route of table) assert.ok(isPermission(route.access), `${route.method} ${route.url}: ${route.access}`);
      const document = JSON.parse(await generateOpenApi());
      for (const [path, item] of Object.entries(document.paths as Record<string, Record<string, unknown>>)) {
        for (const method of Object.keys(item).filter((m) => ['get', 'put', 'post', 'patch', 'delete'].includes(m))) {
          const url = path.replace(/\{(\w+)\}/g, ':$1');
          assert.ok(
            table.some((r) => r.url === url && r.method === method.toUpperCase()),
            `${method.toUpperCase()} ${path} is documented but not in the route table`,
          );
        }
      }
    });

    it('refuses with 403 exactly the role × route pairs the table forbids', async () => {
      const table = server.app.routeTable.filter((r) => r.access !== 'public');
      const mismatches: string[] = [];
      for (const route of table) {
        for (const role of ROLES) {
          const path = concretePath(route.url, route.access);
          const body = ['POST', 'PUT', 'PATCH'].includes(route.method) ? {} : undefined;
          const res = await clients.get(role)!.request(route.method, path, { body });
          const allowed = may(role, expectedAccess(route.method, route.url) ?? 'unknown');
          const refused = res.status === 403 && (res.body?.code === 'auth.forbidden' || isScimForbidden(route.url, res));
          if (res.status === 401) mismatches.push(`${role} ${route.method} ${route.url}: 401 ${res.text}`);
          else if (allowed === refused) mismatches.push(`${role} ${route.method} ${route.url}: ${res.status} ${res.body?.code ?? ''} (table: ${allowed ? 'allowed' : 'refused'})`);
          if (refused && !route.url.startsWith('/scim/')) expectProblem(res, 403, 'auth.forbidden');
        }
      }
      assert.deepEqual(mismatches, []);
    });

    it('grants each role exactly the permissions API.md gives it (PERMISSIONS and roleMay)', () => {
      assert.deepEqual([...ROLES].sort(), Object.keys(MAY).sort(), 'the roles of API.md');
      const permissions = Object.keys(PERMISSIONS).filter((p) => p !== 'public').sort();
      assert.deepEqual(permissions, [...new Set(Object.values(MAY).flat())].sort(), 'the permissions the oracle knows');
      for (const role of ROLES) {
        assert.deepEqual(permissions.filter((p) => isPermission(p) && roleMay(role, p)), [...MAY[role]].sort(), role);
      }
    });

    it('labels every route with the permission API.md gives its operation', () => {
      const wrong = server.app.routeTable
        .filter((route) => route.access !== expectedAccess(route.method, route.url))
        .map((route) => `${route.method} ${route.url}: ${route.access}, expected ${expectedAccess(route.method, route.url) ?? 'an entry in this oracle'}`);
      assert.deepEqual(wrong, []);
    });

    it('refuses every non-public route without credentials with 401', async () => {
      for (const route of server.app.routeTable.filter((r) => r.access !== 'public')) {
        const res = await server.anon.request(route.method, concretePath(route.url, route.access));
        if (route.url.startsWith('/scim/')) assert.deepEqual([res.status, res.body?.status, res.body?.schemas], [401, '401', [SCIM_ERROR]]);
        else expectProblem(res, 401, 'auth.unauthenticated');
        assert.match(res.headers.get('www-authenticate') ?? '', /Basic realm="roster".*Bearer realm="roster"/);
      }
    });
  });
}
