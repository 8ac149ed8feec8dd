// Hot reads come from memory (users/user-cache.ts, auth/login-subjects.ts), and a change is seen
// by the very next request however it was made: through the API, through a group three levels
// up, or by SQL behind Roster's back (the change feed's triggers announce it either way).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { UserCache } from '../../src/users/user-cache.ts';
import type { User } from '../../src/users/user.model.ts';
import { backends } from '../support/backends.ts';
import { withServer } from '../support/server.ts';
import { createLogin, createUser, uniqueName } from '../support/factories.ts';

for (const backend of backends()) {
  describe(`reads from the user cache (${backend})`, () => {
    const server = withServer(backend);
    const get = async (id: string) => {
      const res = await server.admin.get(`/api/v1/users/${id}`);
      assert.equal(res.status, 200, res.text);
      return res.body;
    };
    const listed = async (query = 'limit=1000') => {
      const res = await server.admin.get(`/api/v1/users?${query}`);
      assert.equal(res.status, 200, res.text);
      return res.body.items as any[];
    };
    const group = async (fields: object) => {
      const res = await server.admin.post('/api/v1/groups', { name: uniqueName('g'), ...fields });
      assert.equal(res.status, 201, res.text);
      return res.body;
    };

    it('sees an API change, a change by SQL and a deletion on the next read, in gets and lists alike', async () => {
      const user = await createUser(server.admin, { name: 'Before' });
      assert.equal((await get(user.id)).name, 'Before');
      assert.equal((await listed()).find((u) => u.id === user.id)?.name, 'Before');

      assert.equal((await server.admin.patch(`/api/v1/users/${user.id}`, { name: 'Through the API' })).status, 200);
      assert.equal((await get(user.id)).name, 'Through the API');
      assert.equal((await listed()).find((u) => u.id === user.id)?.name, 'Through the API');

      await sql`UPDATE users SET name = 'Behind its back', version = version + 1 WHERE id = ${user.id}`.execute(server.store.db);
      const read = await server.admin.get(`/api/v1/users/${user.id}`);
      assert.equal(read.body.name, 'Behind its back');
      assert.equal(read.headers.get('etag'), '"3"', 'created (1), patched (2), changed by SQL (3)');
      assert.equal((await listed()).find((u) => u.id === user.id)?.name, 'Behind its back');

      await sql`DELETE FROM users WHERE id = ${user.id}`.execute(server.store.db);
      assert.equal((await server.admin.get(`/api/v1/users/${user.id}`)).status, 404);
      assert.equal((await listed()).some((u) => u.id === user.id), false);
    });

    it('lists a new user at once, on a page already read', async () => {
      const before = await listed('limit=1000&filter=' + encodeURIComponent('username sw "fresh-"'));
      const fresh = await createUser(server.admin, { username: uniqueName('fresh') });
      const after = await listed('limit=1000&filter=' + encodeURIComponent('username sw "fresh-"'));
      assert.deepEqual(after.map((u) => u.id), [...before.map((u) => u.id), fresh.id]);
    });

    it('follows memberships and a superuser grant made three levels up, in gets and lists', async () => {
      const top = await group({});
      const middle = await group({ parent: top.id });
      const bottom = await group({ parent: middle.id });
      const user = await createUser(server.admin);
      assert.deepEqual([(await get(user.id)).groups, (await get(user.id)).isSuperuser], [[], false]);

      assert.equal((await server.admin.put(`/api/v1/groups/${bottom.id}/members/${user.id}`)).status, 204);
      assert.deepEqual((await get(user.id)).groups, [bottom.id]);
      assert.equal((await get(user.id)).isSuperuser, false);

      assert.equal((await server.admin.patch(`/api/v1/groups/${top.id}`, { isSuperuser: true })).status, 200);
      assert.equal((await get(user.id)).isSuperuser, true);
      assert.equal((await listed()).find((u) => u.id === user.id)?.isSuperuser, true);

      assert.equal((await server.admin.patch(`/api/v1/groups/${middle.id}`, { parent: null })).status, 200);
      assert.equal((await get(user.id)).isSuperuser, false, 'moved out from under the superuser group');

      assert.equal((await server.admin.delete(`/api/v1/groups/${bottom.id}/members/${user.id}`)).status, 204);
      assert.deepEqual((await get(user.id)).groups, []);
    });

    it('refuses a cached Basic credential at once when the user is disabled, or its password changes by SQL', async () => {
      const login = await createLogin(server.admin, 'user');
      const client = server.client(login.auth);
      for (let i = 0; i < 3; i++) assert.equal((await client.get('/api/v1/users/me')).status, 200);
      assert.equal((await server.admin.patch(`/api/v1/users/${login.user.id}`, { status: 'disabled' })).status, 200);
      assert.equal((await client.get('/api/v1/users/me')).status, 401);
      assert.equal((await server.admin.patch(`/api/v1/users/${login.user.id}`, { status: 'active' })).status, 200);
      for (let i = 0; i < 3; i++) assert.equal((await client.get('/api/v1/users/me')).status, 200);
      await sql`UPDATE users SET password_hash = 'replaced' WHERE id = ${login.user.id}`.execute(server.store.db);
      assert.equal((await client.get('/api/v1/users/me')).status, 401);
    });

    it('makes a superuser of a Basic caller the moment a group above it is granted, and unmakes them', async () => {
      const login = await createLogin(server.admin, 'user');
      const client = server.client(login.auth);
      const top = await group({});
      const leaf = await group({ parent: top.id });
      assert.equal((await server.admin.put(`/api/v1/groups/${leaf.id}/members/${login.user.id}`)).status, 204);
      for (let i = 0; i < 2; i++) assert.equal((await client.get('/api/v1/users?limit=1')).status, 403);
      assert.equal((await server.admin.patch(`/api/v1/groups/${top.id}`, { isSuperuser: true })).status, 200);
      assert.equal((await client.get('/api/v1/users?limit=1')).status, 200);
      assert.equal((await server.admin.patch(`/api/v1/groups/${top.id}`, { isSuperuser: false })).status, 200);
      assert.equal((await client.get('/api/v1/users?limit=1')).status, 403);
    });
  });
}

describe('UserCache', () => {
  const user = (id: string, name: string) => ({ id, name, groups: [], attributes: {} }) as unknown as User;

  it('keeps no answer from a read that a change overtook', async () => {
    const cache = new UserCache({ users: 10, lists: 10, ttlMs: 60_000 });
    cache.setEnabled(true);
    let release!: () => void;
    const slow = cache.user('a', async () => {
      await new Promise<void>((resolve) => (release = resolve));
      return user('a', 'stale');
    });
    cache.forgetUsers(['a']); // the change is heard while the read is in flight
    release();
    assert.equal((await slow)?.name, 'stale', 'the read itself answers what it read');
    assert.equal((await cache.user('a', async () => user('a', 'fresh')))?.name, 'fresh');
  });

  it('serves from memory when enabled, never while disabled, and holds at most its bound', async () => {
    const cache = new UserCache({ users: 2, lists: 1, ttlMs: 60_000 });
    let loads = 0;
    const load = async (id: string) => (loads++, user(id, id));
    await cache.user('a', load);
    await cache.user('a', load);
    assert.equal(loads, 2, 'disabled: every read loads');
    cache.setEnabled(true);
    for (const id of ['a', 'a', 'b', 'c', 'a']) await cache.user(id, load);
    assert.equal(loads, 6, 'a, b, c, then a again: the oldest entry went when c came');
    assert.deepEqual(cache.sizes, { users: 2, lists: 0 });
    assert.throws(() => {
      (cache as any).users.get('a').name = 'changed';
    }, TypeError);
  });

  it('expires entries after the backstop time', async () => {
    let now = 0;
    const cache = new UserCache({ users: 10, lists: 10, ttlMs: 1_000, now: () => now });
    cache.setEnabled(true);
    let loads = 0;
    const load = async (id: string) => (loads++, user(id, id));
    await cache.user('a', load);
    now = 999;
    await cache.user('a', load);
    now = 1_000;
    await cache.user('a', load);
    assert.equal(loads, 2);
  });
});
