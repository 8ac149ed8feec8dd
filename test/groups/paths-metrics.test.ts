// User paths (filterable, listed with counts at /users/paths) and GET /metrics (Prometheus text for
// the admin and metrics roles). Each describe has a server of its own so counts are exact.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { backends } from '../support/backends.ts';
import { withServer, startServer, ADMIN, type TestServer } from '../support/server.ts';
import { expectProblem, type Client, type Response } from '../support/client.ts';
import { createLogin, createUser, uniqueName, STRONG_PASSWORD } from '../support/factories.ts';

/** The value of one sample line, e.g. `roster_users{status="active"}`; undefined when absent. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

function assertPrometheusText(res: Response): void {
  assert.equal(res.status, 200, res.text);
  assert.match(res.headers.get('content-type') ?? '', /^text\/plain/);
  assert.match(res.text, /^# HELP /m);
}

const USERS_200 = 'roster_http_requests_total{method="GET",route="/api/v1/users",status="200"}';

for (const backend of backends()) {
  describe(`user paths (${backend})`, () => {
    const byPath: Record<string, any[]> = {};
    const server = withServer(backend);
    before(async () => {
      for (const [path, n] of [['users/eng/backend', 2], ['users/eng', 1], ['users/sales', 3], ['services', 1]] as const) {
        byPath[path] = [];
        for (let i = 0; i < n; i++) byPath[path].push(await createUser(server.admin, { path }));
      }
    });

    async function usernames(filter: string): Promise<string[]> {
      const res = await server.admin.get(`/api/v1/users?filter=${encodeURIComponent(filter)}`);
      assert.equal(res.status, 200, res.text);
      return res.body.items.map((u: any) => u.username).sort();
    }
    const namesOf = (...paths: string[]) => paths.flatMap((p) => byPath[p].map((u) => u.username)).sort();

    it('stores the path and defaults it to users', async () => {
      assert.equal(byPath['users/eng/backend'][0].path, 'users/eng/backend');
      const plain = await server.admin.get('/api/v1/users/me');
      assert.equal(plain.body.path, 'users');
    });

    it('filter=path sw "users/eng" lists the users under users/eng, and only those', async () => {
      assert.deepEqual(await usernames('path sw "users/eng"'), namesOf('users/eng/backend', 'users/eng'));
      assert.deepEqual(await usernames('path sw "users/eng/"'), namesOf('users/eng/backend'));
      assert.deepEqual(await usernames('path eq "users/eng"'), namesOf('users/eng'));
      assert.deepEqual(await usernames('path sw "users/"'), namesOf('users/eng/backend', 'users/eng', 'users/sales'));
    });

    it('GET /users/paths lists every path sorted, with exact counts', async () => {
      const res = await server.admin.get('/api/v1/users/paths');
      assert.equal(res.status, 200, res.text);
      assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
      assert.deepEqual(res.body, {
        items: [
          { path: 'services', count: 1 },
          { path: 'users', count: 1 },
          { path: 'users/eng', count: 1 },
          { path: 'users/eng/backend', count: 2 },
          { path: 'users/sales', count: 3 },
        ],
      });
    });

    it('refuses a malformed path with 400 pointer /path', async () => {
      for (const path of ['', '/users', 'users/', 'users//eng', 'users/a b']) {
        const body = expectProblem(await server.admin.post('/api/v1/users', { username: uniqueName(), path }), 400, 'request.invalid');
        assert.deepEqual(body.errors.map((e: any) => e.pointer), ['/path'], path);
      }
    });
  });

  describe(`user paths: changes (${backend})`, () => {
    const server = withServer(backend);

    async function counts(prefix: string): Promise<{ path: string; count: number }[]> {
      const res = await server.admin.get('/api/v1/users/paths');
      assert.equal(res.status, 200, res.text);
      return res.body.items.filter((i: any) => i.path.startsWith(prefix));
    }

    it('GET /users/paths follows moves and deletions; empty paths disappear', async () => {
      const root = uniqueName('dept');
      const a = await createUser(server.admin, { path: `${root}/a` });
      const b = await createUser(server.admin, { path: `${root}/a` });
      assert.deepEqual(await counts(root), [{ path: `${root}/a`, count: 2 }]);
      assert.equal((await server.admin.patch(`/api/v1/users/${a.id}`, { path: `${root}/b` })).status, 200);
      assert.deepEqual(await counts(root), [{ path: `${root}/a`, count: 1 }, { path: `${root}/b`, count: 1 }]);
      assert.equal((await server.admin.delete(`/api/v1/users/${b.id}`)).status, 204);
      assert.deepEqual(await counts(root), [{ path: `${root}/b`, count: 1 }]);
      // PUT without path puts the user back in the default folder.
      assert.equal((await server.admin.put(`/api/v1/users/${a.id}`, { username: a.username })).status, 200);
      assert.deepEqual(await counts(root), []);
    });

    it('GET /users/paths is for readers: auditor 200, user 403, anonymous 401', async () => {
      const path = uniqueName('staff');
      const auditor = await createLogin(server.admin, 'auditor', { path });
      const user = await createLogin(server.admin, 'user', { path });
      const ok = await server.client(auditor.auth).get('/api/v1/users/paths');
      assert.equal(ok.status, 200, ok.text);
      assert.deepEqual(ok.body.items.filter((i: any) => i.path === path), [{ path, count: 2 }]);
      expectProblem(await server.client(user.auth).get('/api/v1/users/paths'), 403, 'auth.forbidden');
      expectProblem(await server.anon.get('/api/v1/users/paths'), 401, 'auth.unauthenticated');
    });
  });

  describe(`metrics (${backend})`, () => {
    let server: TestServer;
    let metrics: Client;
    let roles: Record<'user' | 'auditor' | 'manager', Client>;
    before(async () => {
      // No worker: queued jobs stay queued, so their count is exact.
      server = await startServer(backend, { worker: false });
      metrics = server.client((await createLogin(server.admin, 'metrics')).auth);
      roles = {
        user: server.client((await createLogin(server.admin, 'user')).auth),
        auditor: server.client((await createLogin(server.admin, 'auditor')).auth),
        manager: server.client((await createLogin(server.admin, 'manager')).auth),
      };
    });
    after(async () => {
      await server?.close();
    });

    async function scrape(client: Client = server.admin): Promise<string> {
      const res = await client.get('/metrics');
      assertPrometheusText(res);
      return res.text;
    }

    it('serves Prometheus text to admin and to the metrics role', async () => {
      assert.equal((await server.admin.get('/api/v1/users')).status, 200);
      for (const client of [server.admin, metrics]) {
        const text = await scrape(client);
        assert.ok((sample(text, USERS_200) ?? 0) >= 1, text);
        assert.match(text, /^# TYPE roster_http_requests_total counter$/m);
        assert.match(text, /^# TYPE roster_http_request_duration_seconds histogram$/m);
        assert.match(text, /^roster_http_request_duration_seconds_bucket\{le="[^"]+",method="GET",route="\/api\/v1\/users",status="200"\} \d+$/m);
        assert.match(text, /^roster_http_request_duration_seconds_count\{method="GET",route="\/api\/v1\/users",status="200"\} \d+$/m);
        assert.match(text, /^roster_jobs\{status="queued"\} \d+$/m);
        assert.match(text, /^roster_users\{status="active"\} \d+$/m);
      }
    });

    it('counts each request once by method, route pattern and status', async () => {
      const before = sample(await scrape(), USERS_200) ?? 0;
      assert.equal((await server.admin.get('/api/v1/users')).status, 200);
      assert.equal((await server.admin.get('/api/v1/users?limit=1')).status, 200);
      expectProblem(await roles.user.get('/api/v1/users'), 403, 'auth.forbidden');
      const text = await scrape();
      assert.equal(sample(text, USERS_200), before + 2);
      assert.ok((sample(text, 'roster_http_requests_total{method="GET",route="/api/v1/users",status="403"}') ?? 0) >= 1, text);
      // Ids never become label values: the route pattern does.
      const user = await createUser(server.admin);
      assert.equal((await server.admin.get(`/api/v1/users/${user.id}`)).status, 200);
      expectProblem(await server.admin.get('/api/v1/users/0190a000-0000-7000-8000-000000000000'), 404, 'user.not_found');
      const after = await scrape();
      assert.equal(after.includes(user.id), false);
      assert.ok((sample(after, 'roster_http_requests_total{method="GET",route="/api/v1/users/:id",status="200"}') ?? 0) >= 1, after);
      assert.ok((sample(after, 'roster_http_requests_total{method="GET",route="/api/v1/users/:id",status="404"}') ?? 0) >= 1, after);
      const probe = uniqueName('no-such-route');
      const missing = await server.admin.get(`/${probe}`);
      assert.equal(missing.status, 404);
      assert.equal((await scrape()).includes(probe), false, 'unmatched URLs are not labels');
    });

    it('reports users by status with exact counts, read from the database at scrape time', async () => {
      const fresh = await startServer(backend, { worker: false });
      try {
        const first = await fresh.admin.get('/metrics');
        assertPrometheusText(first);
        // Only the provisioned admin exists.
        assert.equal(sample(first.text, 'roster_users{status="active"}'), 1);
        assert.equal(sample(first.text, 'roster_users{status="invited"}'), 0);
        assert.equal(sample(first.text, 'roster_users{status="disabled"}'), 0);
        const viewer = await createLogin(fresh.admin, 'metrics');
        await createUser(fresh.admin, { password: STRONG_PASSWORD });
        await createUser(fresh.admin);
        await createUser(fresh.admin);
        const off = await createUser(fresh.admin, { password: STRONG_PASSWORD });
        assert.equal((await fresh.admin.patch(`/api/v1/users/${off.id}`, { status: 'disabled' })).status, 200);
        const res = await fresh.client(viewer.auth).get('/metrics');
        assertPrometheusText(res);
        assert.equal(sample(res.text, 'roster_users{status="active"}'), 3);
        assert.equal(sample(res.text, 'roster_users{status="invited"}'), 2);
        assert.equal(sample(res.text, 'roster_users{status="disabled"}'), 1);
        assert.equal(sample(res.text, 'roster_jobs{status="queued"}'), 0, 'no mails: none of them has an email');
      } finally {
        await fresh.close();
      }
    });

    it('reports queued jobs with the exact count', async () => {
      const before = sample(await scrape(), 'roster_jobs{status="queued"}');
      assert.equal(typeof before, 'number');
      const username = uniqueName('invitee');
      await createUser(server.admin, { username, email: `${username}@example.com` }); // queues the activation mail
      assert.equal(sample(await scrape(), 'roster_jobs{status="queued"}'), before! + 1);
    });

    it('refuses the user, auditor and manager roles with 403 and anonymous callers with 401', async () => {
      for (const client of Object.values(roles)) expectProblem(await client.get('/metrics'), 403, 'auth.forbidden');
      const anon = expectProblem(await server.anon.get('/metrics'), 401, 'auth.unauthenticated');
      assert.equal(typeof anon.detail, 'string');
      const res = await server.anon.get('/metrics');
      assert.match(res.headers.get('www-authenticate') ?? '', /Basic/);
      expectProblem(await server.client(`Basic ${Buffer.from(`${ADMIN.username}:wrong-password`).toString('base64')}`).get('/metrics'), 401, 'auth.unauthenticated');
    });
  });
}
