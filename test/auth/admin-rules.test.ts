// Who may change whom: managers and admins, the last active admin, and deleting oneself.
import { describe, it, before, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { backends } from '../support/backends.ts';
import { withServer, startServer, ADMIN, type TestServer } from '../support/server.ts';
import { expectProblem, type Client } from '../support/client.ts';
import { createUser, createLogin, uniqueName } from '../support/factories.ts';
import { sql } from 'kysely';

async function getUser(admin: Client, id: string): Promise<any> {
  const res = await admin.get(`/api/v1/users/${id}`);
  assert.equal(res.status, 200, res.text);
  return res.body;
}

/** Usernames of the active admins, as `reader` (an admin) lists them. */
async function activeAdmins(reader: Client): Promise<string[]> {
  const res = await reader.get('/api/v1/users?role=admin&status=active');
  assert.equal(res.status, 200, res.text);
  return res.body.items.map((u: any) => u.username).sort();
}

async function until(what: string, check: () => boolean | Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/**
 * Sends two requests while the test holds the admin rows locked, and lets them go only once
 * both have authenticated and wait on the database: so both act on the same starting state
 * (two admins), and neither can be turned away at the door by the other's finished change.
 */
async function raceOnAdmins<T>(server: TestServer, send: () => Promise<T>): Promise<T> {
  let responses!: Promise<T>;
  const seen = server.logs.length;
  await server.store.db.transaction().execute(async (trx) => {
    await trx.selectFrom('users').select('id').where('role', '=', 'admin').forUpdate().execute();
    responses = send();
    if (server.store.backend === 'postgres') {
      // Both requests authenticated and now wait for the row locks this transaction holds.
      // (Asked outside the transaction: inside it, pg_stat_activity is a frozen snapshot.)
      await until('both requests wait on a lock', async () => {
        const { rows } = await sql<{ n: number }>`
          SELECT count(*)::int AS n FROM pg_stat_activity
          WHERE datname = current_database() AND wait_event_type = 'Lock'`.execute(server.store.db);
        return rows[0].n >= 2;
      });
    } else {
      // PGlite is one session: both requests arrived and queue for it behind this transaction,
      // authentication first; they get it in that order once it ends.
      await until('both requests arrived', () =>
        server.logs.slice(seen).filter((line) => line.includes('"msg":"incoming request"')).length >= 2,
      );
      for (let i = 0; i < 10; i++) await new Promise((resolve) => setImmediate(resolve));
    }
  });
  return responses;
}

for (const backend of backends()) {
  describe(`manager limits (${backend})`, () => {
    let manager: Client;
    let managerUser: any;
    let adminId: string;
    const server = withServer(backend);
    before(async () => {
      const login = await createLogin(server.admin, 'manager');
      manager = server.client(login.auth);
      managerUser = login.user;
      adminId = (await server.admin.get('/api/v1/users/me')).body.id;
    });

    it('creates, updates, replaces and deletes ordinary users', async () => {
      const username = uniqueName('managed');
      const created = await manager.post('/api/v1/users', { username, role: 'user' });
      assert.equal(created.status, 201, created.text);
      assert.equal(created.headers.get('location'), `/api/v1/users/${created.body.id}`);
      const id = created.body.id;
      const patched = await manager.patch(`/api/v1/users/${id}`, { name: 'Patched', role: 'user' });
      assert.equal(patched.status, 200, patched.text);
      assert.equal(patched.body.name, 'Patched');
      assert.equal(patched.body.role, 'user');
      const replaced = await manager.put(`/api/v1/users/${id}`, { username, name: 'Replaced', role: 'manager' });
      assert.equal(replaced.status, 200, replaced.text);
      assert.equal(replaced.body.role, 'manager');
      const deleted = await manager.delete(`/api/v1/users/${id}`);
      assert.equal(deleted.status, 204);
      expectProblem(await server.admin.get(`/api/v1/users/${id}`), 404, 'user.not_found');
    });

    it('cannot create an admin: 403 user.admin_grant_forbidden and nothing is created', async () => {
      const username = uniqueName('would-be-admin');
      expectProblem(await manager.post('/api/v1/users', { username, role: 'admin' }), 403, 'user.admin_grant_forbidden');
      const res = await server.admin.get(`/api/v1/users?filter=${encodeURIComponent(`username eq "${username}"`)}`);
      assert.deepEqual(res.body.items, []);
    });

    it('cannot promote an ordinary user to admin with PATCH or PUT', async () => {
      const user = await createUser(server.admin, { role: 'user' });
      expectProblem(await manager.patch(`/api/v1/users/${user.id}`, { role: 'admin' }), 403, 'user.admin_grant_forbidden');
      expectProblem(
        await manager.put(`/api/v1/users/${user.id}`, { username: user.username, role: 'admin' }),
        403,
        'user.admin_grant_forbidden',
      );
      const after = await getUser(server.admin, user.id);
      assert.equal(after.role, 'user');
      assert.equal(after.updatedAt, user.updatedAt);
    });

    it('cannot modify or delete an admin: 403 user.admin_protected', async () => {
      const other = await createUser(server.admin, { role: 'admin', name: 'Other Admin' });
      for (const [id, username] of [[adminId, ADMIN.username], [other.id, other.username]]) {
        const before = await getUser(server.admin, id);
        expectProblem(await manager.patch(`/api/v1/users/${id}`, { name: 'Hijacked' }), 403, 'user.admin_protected');
        expectProblem(await manager.patch(`/api/v1/users/${id}`, { role: 'user' }), 403, 'user.admin_protected');
        expectProblem(await manager.put(`/api/v1/users/${id}`, { username, role: 'admin' }), 403, 'user.admin_protected');
        expectProblem(await manager.delete(`/api/v1/users/${id}`), 403, 'user.admin_protected');
        assert.deepEqual(await getUser(server.admin, id), before);
      }
    });

    it('cannot delete itself: 403 user.self_delete', async () => {
      expectProblem(await manager.delete(`/api/v1/users/${managerUser.id}`), 403, 'user.self_delete');
      assert.equal((await getUser(server.admin, managerUser.id)).status, 'active');
    });

    it('an admin cannot delete itself either', async () => {
      expectProblem(await server.admin.delete(`/api/v1/users/${adminId}`), 403, 'user.self_delete');
      assert.equal((await server.admin.get('/api/v1/users/me')).status, 200);
    });

    it('an admin promotes and demotes, and the role takes effect on the next request', async () => {
      const { user, auth } = await createLogin(server.admin, 'user');
      const client = server.client(auth);
      expectProblem(await client.get('/api/v1/users'), 403, 'auth.forbidden');
      const promoted = await server.admin.patch(`/api/v1/users/${user.id}`, { role: 'admin' });
      assert.equal(promoted.status, 200, promoted.text);
      assert.equal(promoted.body.role, 'admin');
      // As an admin it may now grant admin itself.
      const granted = await client.post('/api/v1/users', { username: uniqueName('granted'), role: 'admin' });
      assert.equal(granted.status, 201, granted.text);
      const demoted = await server.admin.patch(`/api/v1/users/${user.id}`, { role: 'user' });
      assert.equal(demoted.status, 200, demoted.text);
      assert.equal(demoted.body.role, 'user');
      expectProblem(await client.get('/api/v1/users'), 403, 'auth.forbidden');
      const me = await client.get('/api/v1/users/me');
      assert.equal(me.status, 200);
      assert.equal(me.body.role, 'user');
    });
  });

  describe(`the last active admin (${backend})`, () => {
    // A fresh server per test: these tests need to know exactly who the admins are.
    let server: TestServer;
    let adminId: string;
    beforeEach(async () => {
      server = await startServer(backend);
      adminId = (await server.admin.get('/api/v1/users/me')).body.id;
    });
    afterEach(async () => { await server?.close(); });

    async function secondAdmin() {
      const login = await createLogin(server.admin, 'admin');
      const client = server.client(login.auth);
      // Verify (and so cache) both credentials before anything races with them: the first check
      // records its attempt, which drops the cached login subject, and the second caches it again.
      for (const caller of [client, client, server.admin, server.admin]) assert.equal((await caller.get('/api/v1/users/me')).status, 200);
      return { user: login.user, client };
    }

    it('cannot be demoted or disabled: 409 user.last_admin', async () => {
      expectProblem(await server.admin.patch(`/api/v1/users/${adminId}`, { role: 'manager' }), 409, 'user.last_admin');
      expectProblem(await server.admin.patch(`/api/v1/users/${adminId}`, { status: 'disabled' }), 409, 'user.last_admin');
      expectProblem(
        await server.admin.put(`/api/v1/users/${adminId}`, { username: ADMIN.username, role: 'user' }),
        409,
        'user.last_admin',
      );
      expectProblem(
        await server.admin.put(`/api/v1/users/${adminId}`, { username: ADMIN.username, role: 'admin', status: 'disabled' }),
        409,
        'user.last_admin',
      );
      const me = await server.admin.get('/api/v1/users/me');
      assert.equal(me.status, 200);
      assert.equal(me.body.role, 'admin');
      assert.equal(me.body.status, 'active');
      assert.deepEqual(await activeAdmins(server.admin), [ADMIN.username]);
    });

    it('with two admins one may be demoted, and then the other is the last', async () => {
      const second = await secondAdmin();
      const res = await second.client.patch(`/api/v1/users/${adminId}`, { role: 'user' });
      assert.equal(res.status, 200, res.text);
      assert.equal(res.body.role, 'user');
      expectProblem(await server.admin.get('/api/v1/users'), 403, 'auth.forbidden');
      expectProblem(await second.client.patch(`/api/v1/users/${second.user.id}`, { role: 'user' }), 409, 'user.last_admin');
      assert.deepEqual(await activeAdmins(second.client), [second.user.username]);
    });

    it('a disabled admin does not count as another admin', async () => {
      const second = await secondAdmin();
      const disabled = await server.admin.patch(`/api/v1/users/${second.user.id}`, { status: 'disabled' });
      assert.equal(disabled.status, 200, disabled.text);
      assert.equal(disabled.body.role, 'admin');
      expectProblem(await second.client.get('/api/v1/users/me'), 401, 'auth.unauthenticated');
      expectProblem(await server.admin.patch(`/api/v1/users/${adminId}`, { role: 'user' }), 409, 'user.last_admin');
      expectProblem(await server.admin.patch(`/api/v1/users/${adminId}`, { status: 'disabled' }), 409, 'user.last_admin');
      // An admin may still delete the disabled admin: it is not an active one.
      assert.equal((await server.admin.delete(`/api/v1/users/${second.user.id}`)).status, 204);
    });

    it('two concurrent demotions of the only two admins leave exactly one admin', async () => {
      const second = await secondAdmin();
      const [a, b] = await raceOnAdmins(server, () =>
        Promise.all([
          server.admin.patch(`/api/v1/users/${second.user.id}`, { role: 'user' }),
          second.client.patch(`/api/v1/users/${adminId}`, { role: 'user' }),
        ]),
      );
      assert.deepEqual([a.status, b.status].sort(), [200, 409], `${a.text} / ${b.text}`);
      expectProblem(a.status === 409 ? a : b, 409, 'user.last_admin');
      const survivor = a.status === 200 ? server.admin : second.client;
      const survivorName = a.status === 200 ? ADMIN.username : second.user.username;
      assert.deepEqual(await activeAdmins(survivor), [survivorName]);
    });

    it('two admins deleting each other at once: one 204, one 409 user.last_admin', async () => {
      const second = await secondAdmin();
      const [a, b] = await raceOnAdmins(server, () =>
        Promise.all([
          server.admin.delete(`/api/v1/users/${second.user.id}`),
          second.client.delete(`/api/v1/users/${adminId}`),
        ]),
      );
      assert.deepEqual([a.status, b.status].sort(), [204, 409], `${a.text} / ${b.text}`);
      expectProblem(a.status === 409 ? a : b, 409, 'user.last_admin');
      const survivor = a.status === 204 ? server.admin : second.client;
      const survivorName = a.status === 204 ? ADMIN.username : second.user.username;
      assert.deepEqual(await activeAdmins(survivor), [survivorName]);
    });
  });
}
