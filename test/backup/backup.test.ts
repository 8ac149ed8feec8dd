// GET /api/v1/system/backup and POST /api/v1/system/restore (API.md, "Import, export, backup"):
// the whole directory in one encrypted archive, restored all or nothing into an unprovisioned
// service (or a read-only one by an admin); a wrong passphrase or a changed byte changes nothing.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { backends } from '../support/backends.ts';
import { ADMIN, withServer, type TestServer } from '../support/server.ts';
import { expectProblem, type Client, type Response } from '../support/client.ts';
import { createLogin, uniqueName } from '../support/factories.ts';

const PASSPHRASE = 'orchard-lantern-seventeen';

async function download(client: Client, passphrase = PASSPHRASE): Promise<{ status: number; type: string | null; bytes: Buffer; text: string }> {
  const res = await fetch(`${client.baseUrl}/api/v1/system/backup`, { headers: { authorization: client.auth!, 'x-backup-passphrase': passphrase } });
  const bytes = Buffer.from(await res.arrayBuffer());
  return { status: res.status, type: res.headers.get('content-type'), bytes, text: bytes.toString('utf8') };
}

async function restore(server: TestServer, archive: Buffer, options: { passphrase?: string; auth?: string } = {}): Promise<Response> {
  const headers: Record<string, string> = { 'content-type': 'application/octet-stream', 'x-backup-passphrase': options.passphrase ?? PASSPHRASE };
  if (options.auth) headers.authorization = options.auth;
  const res = await fetch(`${server.url}/api/v1/system/restore`, { method: 'POST', headers, body: archive });
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, body: text ? JSON.parse(text) : undefined };
}

async function userCount(server: TestServer): Promise<number> {
  return (await sql<{ n: number }>`SELECT count(*)::int AS n FROM users`.execute(server.store.db)).rows[0].n;
}

for (const backend of backends()) {
  describe(`backup and restore (${backend})`, () => {
    const server = withServer(backend);

    /** A directory worth restoring: a group with a member, a personal access token, a backup operator. */
    async function populate() {
      const group = (await server.admin.post('/api/v1/groups', { name: uniqueName('ops') })).body;
      const member = await createLogin(server.admin, 'manager', { groups: [group.id], email: `${uniqueName('m')}@example.com` });
      const token = (await server.client(member.auth).post(`/api/v1/users/${member.user.id}/tokens`, { name: 'ci' })).body;
      const operator = await createLogin(server.admin, 'backup');
      return { group, member, token, operator };
    }

    it('lets the backup role download an archive that hides the directory, and records it', async () => {
      const { operator } = await populate();
      const archive = await download(server.client(operator.auth));
      assert.equal(archive.status, 200, archive.text.slice(0, 300));
      assert.equal(archive.type, 'application/octet-stream');
      assert.equal(archive.bytes.subarray(0, 8).toString(), 'RSTRBAK1');
      assert.ok(!archive.text.includes(operator.user.username), 'usernames do not show through');
      assert.ok(!archive.text.includes('argon2id'), 'nor hashes');
      const jobs = (await server.admin.get('/api/v1/system/jobs?limit=1000')).body.items.filter((j: any) => j.kind === 'system.backup');
      const job = (await server.admin.get(`/api/v1/system/jobs/${jobs.at(-1).id}`)).body;
      assert.deepEqual({ status: job.status, createdBy: job.createdBy }, { status: 'done', createdBy: operator.user.id });
      assert.ok(job.progress.processed > 0);
    });

    it('refuses the backup to other roles, to no one, and without a long enough passphrase', async () => {
      for (const role of ['manager', 'auditor', 'user']) {
        expectProblem(await server.client((await createLogin(server.admin, role)).auth).get('/api/v1/system/backup', { headers: { 'x-backup-passphrase': PASSPHRASE } }), 403, 'auth.forbidden');
      }
      expectProblem(await server.anon.get('/api/v1/system/backup', { headers: { 'x-backup-passphrase': PASSPHRASE } }), 401, 'auth.unauthenticated');
      const short = expectProblem(await server.admin.get('/api/v1/system/backup', { headers: { 'x-backup-passphrase': 'short' } }), 400, 'request.invalid');
      assert.deepEqual(short.errors, [{ parameter: 'X-Backup-Passphrase', code: 'too_short', detail: 'must be at least 10 characters' }]);
      expectProblem(await server.admin.get('/api/v1/system/backup'), 400, 'request.invalid');
    });

    it('restores into an unprovisioned service, all or nothing: a wrong passphrase or a changed byte changes nothing', async () => {
      const { group, member, token } = await populate();
      const archive = (await download(server.admin)).bytes;
      const exported = (await server.admin.get('/api/v1/users/export?includeHashes=true')).text;
      await withServer(backend, { provision: false }, async (empty) => {
        expectProblem(await restore(empty, archive, { passphrase: 'not-the-passphrase' }), 400, 'backup.wrong_passphrase');
        const flipped = Buffer.from(archive);
        flipped[flipped.length - 40] ^= 0x01;
        expectProblem(await restore(empty, flipped), 400, 'backup.damaged');
        expectProblem(await restore(empty, archive.subarray(0, archive.length - 20)), 400, 'backup.damaged');
        expectProblem(await restore(empty, Buffer.from('{"users": []}')), 400, 'backup.not_an_archive');
        expectProblem(
          await empty.client().request('POST', '/api/v1/system/restore', { headers: { 'x-backup-passphrase': PASSPHRASE }, body: { users: [] } }),
          415,
          'request.unsupported_media_type',
        );
        assert.equal(await userCount(empty), 0, 'nothing was written');
        assert.equal((await empty.anon.get('/api/v1/system/state')).body.state, 'unprovisioned');

        const res = await restore(empty, archive);
        assert.equal(res.status, 200, res.text);
        assert.equal(res.body.restored.users, await userCount(server));
        assert.equal((await empty.anon.get('/api/v1/system/state')).body.state, 'operational');
        assert.equal((await empty.admin.get('/api/v1/users/export?includeHashes=true')).text, exported, 'the same users, in the same order, with the same hashes');
        assert.equal((await empty.client(member.auth).get('/api/v1/users/me')).status, 200, 'a password still works');
        assert.equal((await empty.client(`Bearer ${token.secret}`).get('/api/v1/users/me')).status, 200, 'a personal access token too');
        assert.deepEqual((await empty.admin.get(`/api/v1/users/${member.user.id}`)).body.groups, [group.id]);
        const jobs = (await empty.admin.get('/api/v1/system/jobs?limit=1000')).body.items.filter((j: any) => j.kind === 'system.restore');
        assert.equal(jobs.length, 1, 'the restore is in the job list');
        expectProblem(await restore(empty, archive), 401, 'auth.unauthenticated');
        expectProblem(await restore(empty, archive, { auth: empty.admin.auth }), 412, 'system.in_use');
      });
    });

    it('refuses an archive whose secrets another ROSTER_SECRET sealed, changing nothing', async () => {
      // A session login makes the signing key the archive then holds, sealed.
      assert.equal((await server.anon.post('/api/v1/sessions', { username: ADMIN.username, password: ADMIN.password })).status, 200);
      const archive = (await download(server.admin)).bytes;
      await withServer(backend, { provision: false, secret: 'another-secret-that-is-long-enough-9876543210' }, async (other) => {
        expectProblem(await restore(other, archive), 400, 'backup.other_secret');
        assert.equal(await userCount(other), 0);
      });
    });

    it('restores a read-only service for an admin only', async () => {
      const archive = (await download(server.admin)).bytes;
      await withServer(backend, { readOnly: true }, async (maintenance) => {
        const login = { auth: `Basic ${Buffer.from(`${ADMIN.username}:${ADMIN.password}`).toString('base64')}` };
        expectProblem(await restore(maintenance, archive), 401, 'auth.unauthenticated');
        const res = await restore(maintenance, archive, login);
        assert.equal(res.status, 200, res.text);
        assert.equal(await userCount(maintenance), await userCount(server));
      });
    });
  });
}
