// API.md "Wave 2 → HTTP details" for every route: 405 with Allow, 414/431 as problem documents,
// the docs page for browsers, every accepted scheme in WWW-Authenticate, no-store on the API,
// and unknown query parameters refused like unknown body fields.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { backends } from '../support/backends.ts';
import { startServer, type TestServer } from '../support/server.ts';
import { expectProblem, type Response } from '../support/client.ts';
import { createLogin, uniqueName } from '../support/factories.ts';

const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8';
const CHALLENGES = 'Basic realm="roster", charset="UTF-8", Bearer realm="roster", Token realm="roster"';

/** Sends raw bytes and reads the whole answer until the server closes: for heads Node refuses. */
function rawRequest(url: string, head: string): Promise<{ status: number; headers: Record<string, string>; body: any }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname);
    const chunks: Buffer[] = [];
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const [top, body] = [text.slice(0, text.indexOf('\r\n\r\n')), text.slice(text.indexOf('\r\n\r\n') + 4)];
      const [statusLine, ...lines] = top.split('\r\n');
      const headers = Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body: body ? JSON.parse(body) : undefined });
    });
    socket.end(head);
  });
}

function expectRawProblem(res: Awaited<ReturnType<typeof rawRequest>>, status: number, code: string): void {
  assert.equal(res.status, status, JSON.stringify(res));
  assert.match(res.headers['content-type'] ?? '', /^application\/problem\+json/);
  assert.equal(res.body.status, status);
  assert.equal(res.body.code, code);
  assert.equal(res.body.instance, res.headers['x-request-id']);
  for (const member of ['type', 'title', 'detail']) assert.equal(typeof res.body[member], 'string');
}

function parameterErrors(problem: any): string[] {
  return problem.errors.map((e: any) => `${e.parameter} ${e.code} ${e.detail}`).sort();
}

for (const backend of backends()) {
  describe(`HTTP details of every route (${backend})`, () => {
    let server: TestServer;
    before(async () => {
      server = await startServer(backend);
    });
    after(async () => {
      await server?.close();
    });

    describe('405 Method Not Allowed', () => {
      it('answers a known path asked with another method with 405 and Allow', async () => {
        const cases: [string, string, string][] = [
          ['DELETE', '/api/v1/users', 'GET, HEAD, POST'],
          ['PUT', '/api/v1/system/state', 'GET, HEAD'],
          ['GET', '/api/v1/system/provision', 'POST'],
          ['OPTIONS', '/api/v1/users', 'GET, HEAD, POST'],
          // Parametric paths count: the router matches them with the id filled in.
          ['POST', '/api/v1/users/0190a5c4-7d4e-7000-8000-000000000001', 'GET, HEAD, PUT, PATCH, DELETE'],
          ['GET', '/api/v1/groups/0190a5c4-7d4e-7000-8000-000000000001/members/0190a5c4-7d4e-7000-8000-000000000002', 'PUT, DELETE'],
          ['POST', '/api/v1/users/me/password', 'PUT'],
        ];
        for (const [method, path, allow] of cases) {
          for (const client of [server.admin, server.anon]) {
            const res = await client.request(method, path);
            const problem = expectProblem(res, 405, 'request.method_not_allowed');
            assert.equal(res.headers.get('allow'), allow, `${method} ${path}`);
            assert.equal(problem.title, 'Method Not Allowed');
            assert.match(problem.detail, new RegExp(`not ${method}`));
          }
        }
      });

      it('keeps 404 for a path no route serves, with any method', async () => {
        for (const method of ['GET', 'DELETE']) {
          const res = await server.admin.request(method, '/api/v1/nothing-here');
          expectProblem(res, 404, 'route.not_found');
          assert.equal(res.headers.get('allow'), null);
        }
      });

      it('answers HEAD on a POST-only path with 405 and Allow but no body', async () => {
        const res = await server.anon.request('HEAD', '/api/v1/sessions');
        assert.equal(res.status, 405);
        assert.equal(res.headers.get('allow'), 'POST');
        assert.equal(res.text, '');
      });
    });

    describe('414 and 431 as problem documents', () => {
      it('answers a URL too long (a long non-ASCII filter) with 414 request.uri_too_long', async () => {
        const filter = `name eq "${'é'.repeat(3000)}"`;
        const res = await server.admin.get(`/api/v1/users?filter=${encodeURIComponent(filter)}`);
        const problem = expectProblem(res, 414, 'request.uri_too_long');
        assert.equal(problem.title, 'URI Too Long');
        // Just under the limit (16 KiB) is served.
        const path = `/api/v1/users?filter=${encodeURIComponent(`name eq "${'é'.repeat(2700)}"`)}`;
        assert.ok(path.length > 16_000 && path.length <= 16 * 1024, String(path.length));
        const fits = await server.admin.get(path);
        assert.equal(fits.status, 200, fits.text);
        assert.deepEqual(fits.body.items, []);
      });

      it('answers a header section too large with 431 request.headers_too_large', async () => {
        const res = await server.admin.get('/api/v1/users', { headers: { 'x-padding': 'a'.repeat(20_000) } });
        const problem = expectProblem(res, 431, 'request.headers_too_large');
        assert.equal(problem.title, 'Request Header Fields Too Large');
        const split = await server.admin.get('/api/v1/users', {
          headers: Object.fromEntries(Array.from({ length: 5 }, (_, i) => [`x-padding-${i}`, 'a'.repeat(4000)])),
        });
        expectProblem(split, 431, 'request.headers_too_large');
      });

      it('answers heads beyond what the HTTP parser buffers with the same problems, never Node\'s JSON', async () => {
        const url = await rawRequest(server.url, `GET /api/v1/users?q=${'x'.repeat(70_000)} HTTP/1.1\r\nHost: x\r\n\r\n`);
        expectRawProblem(url, 414, 'request.uri_too_long');
        const headers = await rawRequest(server.url, `GET /api/v1/users HTTP/1.1\r\nHost: x\r\nX-Padding: ${'a'.repeat(70_000)}\r\n\r\n`);
        expectRawProblem(headers, 431, 'request.headers_too_large');
        const garbage = await rawRequest(server.url, 'NOT HTTP AT ALL\r\n\r\n');
        expectRawProblem(garbage, 400, 'request.malformed');
      });
    });

    describe('/docs', () => {
      it('answers any Accept that admits text/html, with a CSP that forbids framing', async () => {
        for (const accept of ['text/html', BROWSER_ACCEPT, '*/*', 'text/*']) {
          for (const path of ['/docs', '/docs/']) {
            const res = await server.anon.get(path, { headers: { accept } });
            assert.equal(res.status, 200, `${path} Accept: ${accept} → ${res.status} ${res.text}`);
            assert.match(res.headers.get('content-type') ?? '', /^text\/html/);
            const csp = res.headers.get('content-security-policy') ?? '';
            assert.match(csp, /frame-ancestors 'none'/);
            assert.match(csp, /default-src 'self'/);
            assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|https:/, csp);
          }
        }
        expectProblem(await server.anon.get('/docs', { headers: { accept: 'application/json' } }), 406, 'request.not_acceptable');
      });

      it('serves every script, style and icon the page names from Roster itself, within its CSP', async () => {
        const page = await server.anon.get('/docs/', { headers: { accept: BROWSER_ACCEPT } });
        assert.doesNotMatch(page.text, /<script>|<style|style=|on[a-z]+=/i, 'nothing inline for the CSP to block');
        const assets = [...page.text.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
        assert.ok(assets.length >= 5, assets.join(' '));
        for (const asset of assets) {
          assert.ok(!/^[a-z]+:|^\/\//i.test(asset), `${asset} is served locally`);
          const accept = /\.css$/.test(asset) ? 'text/css,*/*;q=0.1' : /\.png$/.test(asset) ? 'image/avif,image/webp,*/*;q=0.8' : '*/*';
          const res = await server.anon.get(new URL(asset, `${server.url}/docs/`).pathname, { headers: { accept } });
          assert.equal(res.status, 200, `${asset} → ${res.status}`);
        }
        // The page's script loads the document from ./json, same origin (connect-src 'self').
        const initializer = await server.anon.get('/docs/static/swagger-initializer.js');
        assert.match(initializer.text, /resolveUrl\('\.\/json'\)/);
        const json = await server.anon.get('/docs/json', { headers: { accept: 'application/json' } });
        assert.equal(json.status, 200);
        assert.equal(json.body.openapi, '3.1.0');
      });
    });

    describe('WWW-Authenticate', () => {
      it('names Basic, Bearer and Token on a 401', async () => {
        const cases: [Response, string][] = [
          [await server.anon.get('/api/v1/users'), 'auth.unauthenticated'],
          [await server.client('Digest username="x"').get('/api/v1/users/me'), 'auth.unauthenticated'],
          [await server.client('Basic Zm9vOmJhcg==').get('/api/v1/groups'), 'auth.unauthenticated'],
          [await server.anon.post('/api/v1/sessions', { username: 'nobody', password: 'wrong-password' }), 'auth.invalid_credentials'],
        ];
        for (const [res, code] of cases) {
          expectProblem(res, 401, code);
          assert.equal(res.headers.get('www-authenticate'), CHALLENGES);
        }
      });
    });

    describe('Cache-Control', () => {
      it('marks every /api/v1 answer no-store, success and problem alike', async () => {
        const { user, auth } = await createLogin(server.admin, 'user');
        const responses: [string, Response][] = [
          ['list', await server.admin.get('/api/v1/users')],
          ['get', await server.admin.get(`/api/v1/users/${user.id}`)],
          ['me', await server.client(auth).get('/api/v1/users/me')],
          ['create', await server.admin.post('/api/v1/users', { username: uniqueName() })],
          ['delete', await server.admin.delete(`/api/v1/users/${user.id}`)],
          ['state', await server.anon.get('/api/v1/system/state')],
          ['401', await server.anon.get('/api/v1/users')],
          ['403', await server.client(auth).get('/api/v1/groups')],
          ['404', await server.admin.get('/api/v1/users/0190a5c4-7d4e-7000-8000-000000000009')],
          ['405', await server.admin.delete('/api/v1/users')],
          ['404 route', await server.admin.get('/api/v1/nothing-here')],
          ['400', await server.admin.post('/api/v1/users', { username: '' })],
        ];
        for (const [name, res] of responses) {
          assert.equal(res.headers.get('cache-control'), 'no-store', `${name} → ${res.status}`);
        }
        const key = { 'idempotency-key': uniqueName('key') };
        const body = { username: uniqueName() };
        await server.admin.post('/api/v1/users', body, { headers: key });
        const replay = await server.admin.post('/api/v1/users', body, { headers: key });
        assert.equal(replay.headers.get('idempotency-replayed'), 'true');
        assert.equal(replay.headers.get('cache-control'), 'no-store');
        // Outside the API the routes keep their own caching.
        assert.equal((await server.anon.get('/.well-known/jwks.json')).headers.get('cache-control'), 'public, max-age=300');
      });
    });

    describe('unknown query parameters', () => {
      it('refuses them with 400 request.invalid naming each parameter', async () => {
        const list = await server.admin.get('/api/v1/users?limit=5&foo=1&Limit=2');
        const problem = expectProblem(list, 400, 'request.invalid');
        assert.deepEqual(parameterErrors(problem), [
          'Limit unknown_parameter is not a known query parameter',
          'foo unknown_parameter is not a known query parameter',
        ]);
        assert.match(problem.detail, /foo is not a known query parameter/);
        assert.equal(problem.errors.some((e: any) => 'pointer' in e), false);
      });

      it('refuses them on routes that take no query parameters at all, writes included', async () => {
        const cases: [string, Response][] = [
          ['paths', await server.admin.get('/api/v1/users/paths?x=1')],
          ['state', await server.anon.get('/api/v1/system/state?x=1')],
          ['delete', await server.admin.delete('/api/v1/users/0190a5c4-7d4e-7000-8000-000000000009?force=true')],
          ['create', await server.admin.post('/api/v1/users?dryRun=true', { username: uniqueName() })],
        ];
        for (const [name, res] of cases) {
          const problem = expectProblem(res, 400, 'request.invalid');
          assert.equal(problem.errors.length, 1, name);
          assert.equal(problem.errors[0].code, 'unknown_parameter', name);
          assert.match(problem.errors[0].parameter, /^(x|force|dryRun)$/, name);
        }
        // Nothing was created by the refused write.
        const created = cases[3][1];
        assert.equal(created.headers.get('location'), null);
      });

      it('still serves the declared parameters', async () => {
        const res = await server.admin.get('/api/v1/users?limit=1&fields=id,username&q=admin');
        assert.equal(res.status, 200, res.text);
        assert.deepEqual(Object.keys(res.body.items[0]).sort(), ['id', 'username']);
      });
    });

    describe('passwords shorter than the declared minLength 10', () => {
      it('answer 400 password.weak with the reason, as the policy does, not request.invalid', async () => {
        const { user } = await createLogin(server.admin, 'user');
        const attempts: [string, () => Promise<Response>][] = [
          ['create', () => server.admin.post('/api/v1/users', { username: uniqueName(), password: '' })],
          ['create', () => server.admin.post('/api/v1/users', { username: uniqueName(), password: 'Sh0rt!' })],
          ['set', () => server.admin.put(`/api/v1/users/${user.id}/password`, { password: '' })],
          ['set', () => server.admin.put(`/api/v1/users/${user.id}/password`, { password: 'x9' })],
        ];
        for (const [name, attempt] of attempts) {
          const problem = expectProblem(await attempt(), 400, 'password.weak');
          assert.match(problem.type, /weak-password$/, name);
          assert.deepEqual(problem.errors.map((e: any) => [e.pointer, e.code]), [['/password', 'weak_password']], name);
          assert.deepEqual(problem.reasons, ['must be at least 10 characters long'], name);
        }
      });
    });
  });
}
