// Walks every route × every role: a call is refused with 403 auth.forbidden exactly when the
// permission table (src/auth/roles.ts) says the role may not call it. A route registered without
// a permission fails to register at all, and one missing from the walk fails here.
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { backends } from '../support/backends.ts';
import { withServer } from '../support/server.ts';
import { expectProblem, type Client } from '../support/client.ts';
import { createLogin } from '../support/factories.ts';
import { ROLES, PERMISSIONS, isPermission, roleMay, type Role } from '../../src/auth/roles.ts';
import { generateOpenApi } from '../support/openapi.ts';

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
          const allowed = roleMay(role, route.access);
          const refused = res.status === 403 && res.body?.code === 'auth.forbidden';
          if (res.status === 401) mismatches.push(`${role} ${route.method} ${route.url}: 401 ${res.text}`);
          else if (allowed === refused) mismatches.push(`${role} ${route.method} ${route.url}: ${res.status} ${res.body?.code ?? ''} (table: ${allowed ? 'allowed' : 'refused'})`);
          if (refused) expectProblem(res, 403, 'auth.forbidden');
        }
      }
      assert.deepEqual(mismatches, []);
    });

    it('has the permissions API.md gives each role', () => {
      assert.deepEqual(PERMISSIONS['users.read'], ['admin', 'manager', 'auditor']);
      assert.deepEqual(PERMISSIONS['users.write'], ['admin', 'manager']);
      assert.deepEqual(PERMISSIONS['metrics.read'], ['admin', 'metrics']);
      assert.deepEqual(PERMISSIONS['system.read'], ['admin', 'auditor']);
      assert.deepEqual([...PERMISSIONS.self], [...ROLES]);
    });

    it('refuses every non-public route without credentials with 401', async () => {
      for (const route of server.app.routeTable.filter((r) => r.access !== 'public')) {
        const res = await server.anon.request(route.method, concretePath(route.url, route.access));
        expectProblem(res, 401, 'auth.unauthenticated');
        assert.match(res.headers.get('www-authenticate') ?? '', /Basic realm="roster".*Bearer realm="roster"/);
      }
    });
  });
}
