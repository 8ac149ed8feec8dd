// POST /api/v1/users/import (API.md, "Import, export, backup"): NDJSON read as it arrives,
// 202 with the finished job, bad lines reported one by one while the rest goes in, upsert, dry
// run, legacy hashes that log in, and who may import what.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { randomUUID } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import { sql } from 'kysely';
import { backends } from '../support/backends.ts';
import { withServer, type TestServer } from '../support/server.ts';
import { basic, expectProblem, type Client, type Response } from '../support/client.ts';
import { createLogin, createUser, STRONG_PASSWORD, uniqueName } from '../support/factories.ts';

const BCRYPT = { hash: '$2b$04$rTBdUzzMRVBRZzqB56Y1s.h0vgIHQnDjnGCbUH/U3BK9mtKgZEPVK', password: 'correct horse battery' };

function ndjson(values: unknown[]): string {
  return values.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join('\n') + '\n';
}

async function importLines(client: Client, body: string, query = ''): Promise<Response> {
  return client.post(`/api/v1/users/import${query}`, body, { contentType: 'application/x-ndjson' });
}

/** Asserts the 202 and its Location, and returns the job as GET /system/jobs/{id} shows it. */
async function accepted(server: TestServer, client: Client, res: Response): Promise<any> {
  assert.equal(res.status, 202, res.text);
  assert.equal(res.headers.get('location'), `/api/v1/system/jobs/${res.body.id}`);
  const job = await client.get(res.headers.get('location')!);
  assert.equal(job.status, 200, job.text);
  assert.deepEqual(job.body, res.body, 'the 202 shows the job as the job URL does');
  return job.body;
}

async function errorsOf(client: Client, jobId: string): Promise<any[]> {
  const res = await client.get(`/api/v1/system/jobs/${jobId}/errors`);
  assert.equal(res.status, 200, res.text);
  return res.text === '' ? [] : res.text.trimEnd().split('\n').map((line) => JSON.parse(line));
}

async function userNamed(server: TestServer, username: string): Promise<any> {
  const res = await server.admin.get(`/api/v1/users?filter=${encodeURIComponent(`username eq "${username}"`)}`);
  assert.equal(res.status, 200, res.text);
  return res.body.items[0];
}

/** Polls until `check` gives a value: for what another connection's request does in its own time. */
async function waitFor<T>(check: () => Promise<T | undefined | false>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('waitFor: timed out');
    await delay(20);
  }
}

for (const backend of backends()) {
  describe(`users import (${backend})`, () => {
    const server = withServer(backend);

    it('creates users with groups by name, hashes that log in, given status and creation time', async () => {
      const existing = (await server.admin.post('/api/v1/groups', { name: uniqueName('staff') })).body;
      const fresh = uniqueName('new-group');
      const [a, b, c] = [uniqueName('imp'), uniqueName('imp'), uniqueName('imp')];
      const res = await importLines(
        server.admin,
        ndjson([
          { username: a, name: 'Ada Import', email: `${a}@example.com`, groups: [existing.name, fresh], passwordHash: BCRYPT.hash, createdAt: '2019-05-01T10:00:00.000Z', emailVerified: true },
          '',
          { username: b, password: STRONG_PASSWORD, status: 'disabled', externalId: `ext-${b}`, attributes: { team: 'x' } },
          { username: c },
        ]),
      );
      const job = await accepted(server, server.admin, res);
      const me = (await server.admin.get('/api/v1/users/me')).body;
      assert.deepEqual(
        { type: job.type, status: job.status, progress: job.progress, createdBy: job.createdBy, lastError: job.lastError },
        { type: 'users.import', status: 'done', progress: { total: 3, processed: 3, created: 3, updated: 0, failed: 0 }, createdBy: me.id, lastError: null },
      );
      assert.deepEqual(await errorsOf(server.admin, job.id), []);

      const ada = await userNamed(server, a);
      const groupNames = (await server.admin.get(`/api/v1/users/${ada.id}?expand=groups`)).body.groupsObj.map((g: any) => g.name).sort();
      assert.deepEqual(groupNames, [existing.name, fresh].sort(), 'a missing group is created');
      assert.deepEqual(
        { name: ada.name, status: ada.status, createdAt: ada.createdAt, emailVerified: ada.emailVerified, type: ada.type, role: ada.role },
        { name: 'Ada Import', status: 'active', createdAt: '2019-05-01T10:00:00.000Z', emailVerified: true, type: 'internal', role: 'user' },
      );
      assert.equal((await server.client(basic(a, BCRYPT.password)).get('/api/v1/users/me')).status, 200, 'the bcrypt hash logs in');
      const stored = await sql<{ h: string }>`SELECT password_hash AS h FROM users WHERE id = ${ada.id}`.execute(server.store.db);
      assert.match(stored.rows[0].h, /^\$argon2id\$/, 'and is rehashed to argon2id at that first login');
      assert.equal((await server.client(basic(a, BCRYPT.password)).get('/api/v1/users/me')).status, 200, 'the new hash logs in too');

      const bob = await userNamed(server, b);
      assert.deepEqual({ status: bob.status, externalId: bob.externalId, attributes: bob.attributes }, { status: 'disabled', externalId: `ext-${b}`, attributes: { team: 'x' } });
      assert.equal((await userNamed(server, c)).status, 'invited', 'no credential: invited, as POST /users would make it');
    });

    it('makes one membership of two group names that fold to one group', async () => {
      const group = uniqueName('ops');
      const username = uniqueName('imp');
      const job = await accepted(server, server.admin, await importLines(server.admin, ndjson([{ username, groups: [group, group.toUpperCase()] }])));
      assert.deepEqual({ status: job.status, progress: job.progress }, { status: 'done', progress: { total: 1, processed: 1, created: 1, updated: 0, failed: 0 } });
      const user = await userNamed(server, username);
      const groups = (await server.admin.get(`/api/v1/users/${user.id}?expand=groups`)).body.groupsObj.map((g: any) => g.name);
      assert.deepEqual(groups, [group]);
    });

    it('names a group it creates as the file first spells it, even on a line that fails', async () => {
      const group = `Ops-${uniqueName('g')}`;
      const username = uniqueName('imp');
      const lines = [{ username: uniqueName('weak'), password: 'hunter2hunter2', groups: [group] }, { username, groups: [group.toLowerCase()] }];
      const job = await accepted(server, server.admin, await importLines(server.admin, ndjson(lines)));
      assert.deepEqual(job.progress, { total: 2, processed: 2, created: 1, updated: 0, failed: 1 });
      const user = await userNamed(server, username);
      const groups = (await server.admin.get(`/api/v1/users/${user.id}?expand=groups`)).body.groupsObj.map((g: any) => g.name);
      assert.deepEqual(groups, [group]);
    });

    it('reports each bad line with its pointer and code, and imports the rest', async () => {
      const taken = await createUser(server.admin);
      const [ok1, ok2, dup] = [uniqueName('ok'), uniqueName('ok'), uniqueName('dup')];
      const res = await importLines(
        server.admin,
        ndjson([
          { username: ok1 },
          '{"username": "broken"',
          { username: uniqueName('x'), colour: 'red' },
          { username: uniqueName('x'), email: 'not-an-email' },
          { username: uniqueName('x'), passwordHash: '{SSHA}abcdef' },
          { username: taken.username.toUpperCase() },
          { username: dup },
          { username: dup },
          { username: uniqueName('x'), password: 'password' },
          { username: uniqueName('x'), type: 'service_account', passwordHash: BCRYPT.hash },
          '[1, 2]',
          { username: ok2 },
        ]),
      );
      const job = await accepted(server, server.admin, res);
      assert.deepEqual(job.progress, { total: 12, processed: 12, created: 3, updated: 0, failed: 9 });
      const errors = await errorsOf(server.admin, job.id);
      assert.deepEqual(
        errors.map((e) => [e.line, e.pointer, e.code]),
        [
          [2, '', 'invalid_json'],
          [3, '/colour', 'unknown_field'],
          [4, '/email', 'invalid_format'],
          [5, '/passwordHash', 'hash.unsupported'],
          [6, '/username', 'user.username_taken'],
          [8, '/username', 'user.username_taken'],
          [9, '/password', 'password.weak'],
          [10, '/passwordHash', 'not_allowed'],
          [11, '', 'invalid_type'],
        ],
      );
      assert.match(errors[5].detail, /already has this username/);
      for (const e of errors) assert.equal(typeof e.detail, 'string');
      for (const name of [ok1, ok2, dup]) assert.ok(await userNamed(server, name), `${name} was imported`);
    });

    it('skips a line longer than the limit without holding it, and goes on', async () => {
      const after = uniqueName('after-long');
      const long = JSON.stringify({ username: uniqueName('long'), attributes: { blob: 'x'.repeat(300 * 1024) } });
      const job = await accepted(server, server.admin, await importLines(server.admin, ndjson([long, { username: after }])));
      assert.deepEqual(job.progress, { total: 2, processed: 2, created: 1, updated: 0, failed: 1 });
      assert.deepEqual((await errorsOf(server.admin, job.id)).map((e) => [e.line, e.code]), [[1, 'line_too_long']]);
      assert.ok(await userNamed(server, after));
    });

    it('upserts by externalId, else by username, leaving what a line does not name', async () => {
      const group = (await server.admin.post('/api/v1/groups', { name: uniqueName('g') })).body;
      const byExt = await createUser(server.admin, { externalId: uniqueName('ext'), name: 'Old', role: 'auditor', groups: [group.id], password: STRONG_PASSWORD });
      const byName = await createUser(server.admin, { name: 'Old Name' });
      const newcomer = uniqueName('new');
      const res = await importLines(
        server.admin,
        ndjson([
          { username: uniqueName('renamed'), externalId: byExt.externalId, name: 'New' },
          { username: byName.username, name: 'New Name', groups: [group.name], status: 'disabled' },
          { username: newcomer },
          { username: byName.username, type: 'service_account' },
        ]),
        '?mode=upsert',
      );
      const job = await accepted(server, server.admin, res);
      assert.deepEqual(job.progress, { total: 4, processed: 4, created: 1, updated: 2, failed: 1 });
      assert.deepEqual((await errorsOf(server.admin, job.id)).map((e) => [e.line, e.pointer, e.code]), [[4, '/type', 'immutable']]);
      const ext = (await server.admin.get(`/api/v1/users/${byExt.id}`)).body;
      assert.deepEqual(
        { name: ext.name, role: ext.role, groups: ext.groups, status: ext.status, renamed: ext.username !== byExt.username },
        { name: 'New', role: 'auditor', groups: [group.id], status: 'active', renamed: true },
      );
      assert.equal((await server.client(basic(ext.username, STRONG_PASSWORD)).get('/api/v1/users/me')).status, 200, 'password kept');
      const named = (await server.admin.get(`/api/v1/users/${byName.id}`)).body;
      assert.deepEqual({ name: named.name, groups: named.groups, status: named.status }, { name: 'New Name', groups: [group.id], status: 'disabled' });
      assert.ok(await userNamed(server, newcomer));
    });

    it('dry run checks every line, counts what would change and writes nothing', async () => {
      const existing = await createUser(server.admin);
      const [fresh, repeated] = [uniqueName('dry'), uniqueName('dry')];
      const groupName = uniqueName('dry-group');
      const before = await sql<{ n: number }>`SELECT (SELECT count(*) FROM users) + (SELECT count(*) FROM groups) AS n`.execute(server.store.db);
      const res = await importLines(
        server.admin,
        ndjson([{ username: fresh, groups: [groupName] }, { username: repeated }, { username: repeated }, { username: existing.username }, { username: uniqueName('x'), email: 'bad' }]),
        '?dryRun=true',
      );
      const job = await accepted(server, server.admin, res);
      assert.deepEqual({ type: job.type, progress: job.progress }, { type: 'users.import_dry_run', progress: { total: 5, processed: 5, created: 2, updated: 0, failed: 3 } });
      const errors = await errorsOf(server.admin, job.id);
      assert.deepEqual(errors.map((e) => [e.line, e.code]), [[3, 'user.username_taken'], [4, 'user.username_taken'], [5, 'invalid_format']]);
      assert.match(errors[0].detail, /an earlier line of this import/, 'a dry run knows what its own earlier lines would have taken');
      const after = await sql<{ n: number }>`SELECT (SELECT count(*) FROM users) + (SELECT count(*) FROM groups) AS n`.execute(server.store.db);
      assert.equal(after.rows[0].n, before.rows[0].n, 'no user or group was written');
      const claims = await sql<{ n: number }>`SELECT count(*)::int AS n FROM import_claims`.execute(server.store.db);
      assert.equal(claims.rows[0].n, 0, 'the dry run\'s claims are dropped when it ends');

      const upsert = await accepted(server, server.admin, await importLines(server.admin, ndjson([{ username: existing.username, name: 'x' }, { username: fresh }, { username: fresh }]), '?mode=upsert&dryRun=true'));
      assert.deepEqual(upsert.progress, { total: 3, processed: 3, created: 1, updated: 2, failed: 0 });
      assert.equal((await server.admin.get(`/api/v1/users/${existing.id}`)).body.name, null);
    });

    it('lets a manager import, but not make or change an admin, nor hand out superuser groups or bring in hashes', async () => {
      const manager = await createLogin(server.admin, 'manager');
      const client = server.client(manager.auth);
      const admin = await createUser(server.admin, { role: 'admin' });
      const root = (await server.admin.post('/api/v1/groups', { name: uniqueName('root'), isSuperuser: true })).body;
      const fine = uniqueName('by-manager');
      const res = await importLines(
        client,
        ndjson([
          { username: uniqueName('x'), role: 'admin' },
          { username: admin.username, name: 'Hijack' },
          { username: uniqueName('x'), groups: [root.name] },
          { username: fine, password: STRONG_PASSWORD },
          { username: uniqueName('x'), passwordHash: BCRYPT.hash },
        ]),
        '?mode=upsert',
      );
      const job = await accepted(server, client, res);
      assert.equal(job.createdBy, manager.user.id);
      assert.deepEqual(
        (await errorsOf(client, job.id)).map((e) => [e.line, e.pointer, e.code]),
        [
          [1, '/role', 'user.admin_grant_forbidden'],
          [2, '/role', 'user.admin_protected'],
          [3, '/groups/0', 'group.superuser_forbidden'],
          [5, '/passwordHash', 'import.hashes_forbidden'],
        ],
      );
      assert.ok(await userNamed(server, fine));
      assert.equal((await server.admin.get(`/api/v1/users/${admin.id}`)).body.name, null);
      for (const role of ['auditor', 'user', 'backup']) {
        const caller = server.client((await createLogin(server.admin, role)).auth);
        expectProblem(await importLines(caller, ndjson([{ username: uniqueName('x') }])), 403, 'auth.forbidden');
      }
      expectProblem(await importLines(server.anon, ndjson([{ username: uniqueName('x') }])), 401, 'auth.unauthenticated');
    });

    it('takes back its own export into an empty Roster: every user, membership and password', async () => {
      const group = (await server.admin.post('/api/v1/groups', { name: uniqueName('trip') })).body;
      const login = await createLogin(server.admin, 'manager', { groups: [group.id], email: `${uniqueName('m')}@example.com`, externalId: uniqueName('ext') });
      const legacy = uniqueName('legacy');
      await accepted(server, server.admin, await importLines(server.admin, ndjson([{ username: legacy, passwordHash: BCRYPT.hash, groups: [group.name] }])));
      const exported = (await server.admin.get('/api/v1/users/export?includeHashes=true')).text;
      const count = exported.trimEnd().split('\n').length;

      await withServer(backend, {}, async (empty) => {
        const job = await accepted(empty, empty.admin, await importLines(empty.admin, exported));
        assert.deepEqual(job.progress, { total: count, processed: count, created: count - 1, updated: 0, failed: 1 });
        assert.deepEqual((await errorsOf(empty.admin, job.id)).map((e) => [e.pointer, e.code]), [['/username', 'user.username_taken']], 'only its own admin was there');
        const byName = (text: string) =>
          new Map(text.trimEnd().split('\n').map((line) => JSON.parse(line)).filter((u) => u.username !== 'admin').map((u) => [u.username, u]));
        const again = (await empty.admin.get('/api/v1/users/export?includeHashes=true')).text;
        assert.deepEqual(byName(again), byName(exported), 'every user comes back as it was exported');
        assert.equal((await empty.client(login.auth).get('/api/v1/users/me')).status, 200, 'an argon2id password still works');
        assert.equal((await empty.client(basic(legacy, BCRYPT.password)).get('/api/v1/users/me')).status, 200, 'a bcrypt one too');
      });
    });

    it('keeps the lines read before an upload broke off, and marks the job failed', async () => {
      const prefix = uniqueName('cut');
      const me = (await server.admin.get('/api/v1/users/me')).body;
      const request = http.request(`${server.url}/api/v1/users/import`, {
        method: 'POST',
        headers: { authorization: server.admin.auth!, 'content-type': 'application/x-ndjson' },
      });
      request.on('error', () => {});
      // 1,001 whole lines: the first batch of 1,000 is written once the next line arrives.
      for (let i = 1; i <= 1001; i++) request.write(`${JSON.stringify({ username: `${prefix}-${i}` })}\n`);
      request.write('{"username": "half-a-li');
      const job = await waitFor(async () => {
        const items = (await server.admin.get('/api/v1/system/jobs?status=running&limit=1000')).body.items;
        return items.find((j: any) => j.kind === 'users.import' && j.attempts === 1);
      });
      await waitFor(async () => (await server.admin.get(`/api/v1/system/jobs/${job.id}`)).body.progress.processed === 1000);
      request.destroy();
      const failed = await waitFor(async () => {
        const res = await server.admin.get(`/api/v1/system/jobs/${job.id}`);
        return res.body.status === 'failed' ? res.body : undefined;
      });
      assert.deepEqual(
        { progress: failed.progress, lastError: failed.lastError, createdBy: failed.createdBy },
        { progress: { processed: 1000, created: 1000, updated: 0, failed: 0 }, lastError: 'the upload broke off after 1000 lines', createdBy: me.id },
      );
      const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM users WHERE username LIKE ${`${prefix}-%`}`.execute(server.store.db);
      assert.equal(rows[0].n, 1000);
      const aborted = await waitFor(async () =>
        server.logs.map((line) => JSON.parse(line)).find((line) => line.msg === 'request aborted' && line.req?.url === '/api/v1/users/import'),
      );
      assert.deepEqual([aborted.level, aborted.req.method], [30, 'POST'], 'the abandoned upload has its line at info');
    });

    it('marks failed an import whose process stopped, once its lease runs out', async () => {
      const id = randomUUID();
      await sql`INSERT INTO jobs (id, kind, payload, status, attempts, max_attempts, run_at, locked_until, created_at, updated_at, progress)
        VALUES (${id}, 'users.import', '{}', 'running', 1, 1, now(), now() - interval '1 second', now(), now(), '{"processed": 5, "created": 5, "updated": 0, "failed": 0}')`.execute(server.store.db);
      await server.app.queue.runDue();
      const job = (await server.admin.get(`/api/v1/system/jobs/${id}`)).body;
      assert.deepEqual(
        { status: job.status, progress: job.progress, lastError: job.lastError },
        { status: 'failed', progress: { processed: 5, created: 5, updated: 0, failed: 0 }, lastError: 'the process running the import stopped before it finished; rerun it with mode=upsert' },
      );
    });

    it('refuses a body that is not NDJSON, and a bad mode', async () => {
      expectProblem(await server.admin.post('/api/v1/users/import', [{ username: 'x' }]), 415, 'request.unsupported_media_type');
      expectProblem(await server.admin.post('/api/v1/users/import'), 415, 'request.unsupported_media_type');
      expectProblem(await importLines(server.admin, ndjson([{ username: 'x' }]), '?mode=merge'), 400, 'request.invalid');
    });
  });
}
