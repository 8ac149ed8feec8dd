// GET /api/v1/users/export (API.md, "Import, export, backup"): NDJSON in id order, each line in
// the shape the import takes, groups by name, hashes only for admins who ask; managers may
// export without hashes, no other role at all.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { backends } from '../support/backends.ts';
import { withServer } from '../support/server.ts';
import { expectProblem, type Response } from '../support/client.ts';
import { createLogin, createUser, uniqueName } from '../support/factories.ts';

const LINE_KEYS = [
  'attributes', 'createdAt', 'email', 'emailVerified', 'externalId', 'familyName', 'givenName', 'groups', 'locale', 'name', 'path', 'phone', 'role',
  'status', 'type', 'username',
];

function lines(res: Response): any[] {
  assert.equal(res.status, 200, res.text);
  assert.equal(res.headers.get('content-type'), 'application/x-ndjson; charset=utf-8');
  assert.equal(res.headers.get('cache-control'), 'no-store');
  assert.ok(res.text.endsWith('\n'));
  return res.text.trimEnd().split('\n').map((line) => JSON.parse(line));
}

for (const backend of backends()) {
  describe(`users export (${backend})`, () => {
    const server = withServer(backend);

    it('exports every user in id order, in the import\'s shape, groups by name, no hashes unless asked', async () => {
      const red = (await server.admin.post('/api/v1/groups', { name: uniqueName('red') })).body;
      const blue = (await server.admin.post('/api/v1/groups', { name: uniqueName('blue') })).body;
      const member = await createUser(server.admin, {
        name: 'Export Me', email: `${uniqueName('e')}@example.com`, groups: [blue.id, red.id], attributes: { team: 'x' }, externalId: uniqueName('ext'),
      });
      const login = await createLogin(server.admin, 'user');
      const all = lines(await server.admin.get('/api/v1/users/export'));
      const ids = (await server.admin.get('/api/v1/users?limit=1000')).body.items.map((u: any) => u.username);
      assert.deepEqual(all.map((line) => line.username), ids, 'every user, in id order');
      for (const line of all) assert.deepEqual(Object.keys(line).sort(), LINE_KEYS);
      const mine = all.find((line) => line.username === member.username);
      assert.deepEqual(mine, {
        username: member.username, name: 'Export Me', givenName: null, familyName: null, email: member.email, phone: null, locale: null,
        type: 'internal', role: 'user', groups: [blue.name, red.name].sort(), attributes: { team: 'x' }, path: member.path,
        externalId: member.externalId, status: 'invited', createdAt: member.createdAt, emailVerified: false,
      });

      const withHashes = lines(await server.admin.get('/api/v1/users/export?includeHashes=true'));
      assert.match(withHashes.find((line) => line.username === login.user.username).passwordHash, /^\$argon2id\$/);
      assert.equal(withHashes.find((line) => line.username === member.username).passwordHash, null);
    });

    it('pages through more users than one read holds, each once and in order', async () => {
      await sql`INSERT INTO users (id, username, username_key, type, role, status, created_at, updated_at)
        SELECT gen_random_uuid(), 'bulk-export-' || n, 'bulk-export-' || n, 'internal', 'user', 'active', now(), now()
        FROM generate_series(1, 2100) AS n`.execute(server.store.db);
      const all = lines(await server.admin.get('/api/v1/users/export'));
      const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM users`.execute(server.store.db);
      assert.equal(all.length, rows[0].n);
      assert.equal(new Set(all.map((line) => line.username)).size, all.length);
    });

    it('lets a manager export without hashes, and refuses hashes to managers and export to other roles', async () => {
      const manager = server.client((await createLogin(server.admin, 'manager')).auth);
      assert.ok(lines(await manager.get('/api/v1/users/export')).length > 0);
      expectProblem(await manager.get('/api/v1/users/export?includeHashes=true'), 403, 'export.hashes_forbidden');
      for (const role of ['auditor', 'user', 'backup']) {
        const caller = server.client((await createLogin(server.admin, role)).auth);
        expectProblem(await caller.get('/api/v1/users/export'), 403, 'auth.forbidden');
      }
      expectProblem(await server.anon.get('/api/v1/users/export'), 401, 'auth.unauthenticated');
    });

    /** The newest job of this kind in the job list (admins read it). */
    async function newestJob(kind: string): Promise<any> {
      const items = (await server.admin.get('/api/v1/system/jobs?limit=1000')).body.items.filter((j: any) => j.kind === kind);
      const res = await server.admin.get(`/api/v1/system/jobs/${items[items.length - 1].id}`);
      assert.equal(res.status, 200, res.text);
      return res.body;
    }

    it('records each export in the job list with who ran it and how many lines went out', async () => {
      const admin = (await server.admin.get('/api/v1/users/me')).body;
      const count = lines(await server.admin.get('/api/v1/users/export?includeHashes=true')).length;
      const job = await newestJob('users.export_with_hashes');
      assert.deepEqual(
        { type: job.type, status: job.status, progress: job.progress, createdBy: job.createdBy, lastError: job.lastError },
        { type: 'users.export_with_hashes', status: 'done', progress: { total: count, processed: count, created: 0, updated: 0, failed: 0 }, createdBy: admin.id, lastError: null },
      );
      assert.ok(Date.parse(job.finishedAt) >= Date.parse(job.createdAt));
    });

    it('shows a job to whoever started it and to the roles that read the job list, to no one else', async () => {
      const starter = await createLogin(server.admin, 'manager');
      lines(await server.client(starter.auth).get('/api/v1/users/export'));
      const { id } = await newestJob('users.export');
      const own = await server.client(starter.auth).get(`/api/v1/system/jobs/${id}`);
      assert.equal(own.status, 200, own.text);
      assert.equal(own.body.createdBy, starter.user.id);
      assert.equal((await server.client((await createLogin(server.admin, 'auditor')).auth).get(`/api/v1/system/jobs/${id}`)).status, 200);
      const other = server.client((await createLogin(server.admin, 'manager')).auth);
      expectProblem(await other.get(`/api/v1/system/jobs/${id}`), 404, 'job.not_found');
      expectProblem(await other.get(`/api/v1/system/jobs/${id}/errors`), 404, 'job.not_found');
      expectProblem(await other.get('/api/v1/system/jobs/not-an-id'), 404, 'job.not_found');
    });

    it('streams a job\'s line errors as NDJSON in the order they were written, past one page', async () => {
      lines(await server.admin.get('/api/v1/users/export'));
      const { id } = await newestJob('users.export');
      await sql`INSERT INTO job_errors (job_id, line, pointer, code, detail)
        SELECT ${id}::uuid, n / 2 + 1, '/field' || (n % 2), 'invalid', 'line ' || (n / 2 + 1)
        FROM generate_series(0, 2049) AS n`.execute(server.store.db);
      const errors = lines(await server.admin.get(`/api/v1/system/jobs/${id}/errors`));
      assert.equal(errors.length, 2050);
      assert.deepEqual(errors.slice(0, 3), [
        { line: 1, pointer: '/field0', code: 'invalid', detail: 'line 1' },
        { line: 1, pointer: '/field1', code: 'invalid', detail: 'line 1' },
        { line: 2, pointer: '/field0', code: 'invalid', detail: 'line 2' },
      ]);
      assert.deepEqual(errors.at(-1), { line: 1025, pointer: '/field1', code: 'invalid', detail: 'line 1025' });
    });

    it('answers 406 to an Accept without NDJSON, and 400 to a malformed flag', async () => {
      expectProblem(await server.admin.get('/api/v1/users/export', { headers: { accept: 'application/json' } }), 406, 'request.not_acceptable');
      assert.equal((await server.admin.get('/api/v1/users/export', { headers: { accept: 'application/x-ndjson' } })).status, 200);
      assert.equal((await server.admin.get('/api/v1/users/export?includeHashes=maybe')).status, 400);
    });
  });
}
