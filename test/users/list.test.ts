// GET /api/v1/users: the list shape, limit, keyset pagination and cursors. Each describe has a
// server of its own so the set of users (the provisioned admin included) is known exactly.
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { backends } from '../support/backends.ts';
import { withServer, ADMIN } from '../support/server.ts';
import { expectProblem, type Client } from '../support/client.ts';
import { createUser, uniqueName, STRONG_PASSWORD } from '../support/factories.ts';

async function createMany(admin: Client, count: number, prefix: string): Promise<any[]> {
  const users: any[] = [];
  for (let i = 0; i < count; i += 10) {
    const batch = Array.from({ length: Math.min(10, count - i) }, () => createUser(admin, { username: uniqueName(prefix) }));
    users.push(...(await Promise.all(batch)));
  }
  return users;
}

/** Follows nextCursor from the first page; returns every page's items and cursor. */
async function walk(admin: Client, query: string, between?: () => Promise<unknown>) {
  const pages: { ids: string[]; nextCursor: string | null }[] = [];
  let cursor: string | null = null;
  do {
    const path: string = `/api/v1/users?${query}${cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`}`;
    const [res] = await Promise.all([admin.get(path), between?.()]);
    assert.equal(res.status, 200, res.text);
    cursor = res.body.nextCursor;
    pages.push({ ids: res.body.items.map((u: any) => u.id), nextCursor: cursor });
    assert.ok(pages.length < 100, 'pagination does not end');
  } while (cursor !== null);
  return pages;
}

function assertLimitRejected(res: Awaited<ReturnType<Client['get']>>): void {
  const body = expectProblem(res, 400, 'request.invalid');
  assert.equal(body.errors.length, 1, res.text);
  assert.equal(body.errors[0].parameter, 'limit');
  assert.equal(body.errors[0].pointer, undefined);
}

for (const backend of backends()) {
  describe(`users list: shape and limit (${backend})`, () => {
    let ids: string[];
    const server = withServer(backend);
    before(async () => {
      const me = await server.admin.get('/api/v1/users/me');
      const created = await createMany(server.admin, 100, 'bulk');
      ids = [me.body.id, ...created.map((u) => u.id)].sort();
    });

    it('answers {items, nextCursor} with 100 items by default', async () => {
      const res = await server.admin.get('/api/v1/users');
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
      assert.ok(res.headers.get('x-request-id'));
      assert.deepEqual(Object.keys(res.body).sort(), ['items', 'nextCursor']);
      assert.equal(res.body.items.length, 100);
      assert.equal(typeof res.body.nextCursor, 'string');
      const rest = await server.admin.get(`/api/v1/users?cursor=${encodeURIComponent(res.body.nextCursor)}`);
      assert.equal(rest.status, 200);
      assert.equal(rest.body.items.length, 1);
      assert.equal(rest.body.nextCursor, null);
      assert.deepEqual([...res.body.items, ...rest.body.items].map((u: any) => u.id), ids);
    });

    it('accepts limit 1 and 1000', async () => {
      const one = await server.admin.get('/api/v1/users?limit=1');
      assert.equal(one.status, 200);
      assert.deepEqual(one.body.items.map((u: any) => u.username), [ADMIN.username]);
      assert.equal(typeof one.body.nextCursor, 'string');
      const all = await server.admin.get('/api/v1/users?limit=1000');
      assert.equal(all.status, 200);
      assert.deepEqual(all.body.items.map((u: any) => u.id), ids);
      assert.equal(all.body.nextCursor, null);
    });

    for (const limit of ['0', '1001', 'abc', '-1', '1.5']) {
      it(`answers 400 naming limit for limit=${limit}`, async () => {
        assertLimitRejected(await server.admin.get(`/api/v1/users?limit=${limit}`));
      });
    }

    it('lists each user as GET /users/{id} shows it, without password material', async () => {
      const res = await server.admin.get('/api/v1/users?limit=1000');
      assert.equal(res.status, 200);
      assert.doesNotMatch(res.text, /argon2|password/i);
      const item = res.body.items[1];
      const single = await server.admin.get(`/api/v1/users/${item.id}`);
      assert.equal(single.status, 200);
      assert.deepEqual(item, single.body);
      for (const user of res.body.items) {
        assert.ok(!('password' in user) && !('passwordHash' in user) && !('password_hash' in user));
      }
    });
  });

  describe(`users list: keyset pagination (${backend})`, () => {
    let ordered: string[];
    const server = withServer(backend);
    before(async () => {
      const me = await server.admin.get('/api/v1/users/me');
      ordered = [me.body.id];
      for (let i = 0; i < 6; i++) ordered.push((await createUser(server.admin, { username: uniqueName('page') })).id);
    });

    it('visits every user exactly once in creation order with limit=2, ending with nextCursor null', async () => {
      const pages = await walk(server.admin, 'limit=2');
      assert.deepEqual(pages.map((p) => p.ids.length), [2, 2, 2, 1]);
      assert.deepEqual(pages.flatMap((p) => p.ids), ordered);
      assert.ok(pages.slice(0, -1).every((p) => typeof p.nextCursor === 'string' && p.nextCursor !== ''));
      assert.equal(pages.at(-1)!.nextCursor, null);
    });

    it('gives nextCursor null when the last page is exactly full', async () => {
      const full = await server.admin.get('/api/v1/users?limit=7');
      assert.equal(full.status, 200);
      assert.equal(full.body.items.length, 7);
      assert.equal(full.body.nextCursor, null);
      const pages = await walk(server.admin, 'limit=6');
      assert.deepEqual(pages.map((p) => p.ids.length), [6, 1]);
    });

    it('paginates a filtered list within the filter', async () => {
      const filter = encodeURIComponent('role eq "user"');
      const pages = await walk(server.admin, `limit=4&filter=${filter}`);
      assert.deepEqual(pages.map((p) => p.ids.length), [4, 2]);
      assert.deepEqual(pages.flatMap((p) => p.ids), ordered.slice(1));
    });

    for (const [label, cursor] of [
      ['garbage', 'not-a-cursor!'],
      ['base64 of non-JSON', Buffer.from('hello').toString('base64url')],
      ['a forged key', Buffer.from(JSON.stringify({ after: "' OR 1=1 --" })).toString('base64url')],
      ['a key of the wrong type', Buffer.from(JSON.stringify({ after: 42 })).toString('base64url')],
    ]) {
      it(`answers 400 request.invalid_cursor for ${label}`, async () => {
        const res = await server.admin.get(`/api/v1/users?limit=2&cursor=${encodeURIComponent(cursor)}`);
        const body = expectProblem(res, 400, 'request.invalid_cursor');
        assert.deepEqual(body.errors.map((e: any) => e.parameter), ['cursor']);
      });
    }
  });

  describe(`users list: pagination while users are added (${backend})`, () => {
    let existing: string[];
    const server = withServer(backend);
    before(async () => {
      const me = await server.admin.get('/api/v1/users/me');
      existing = [me.body.id];
      for (let i = 0; i < 8; i++) existing.push((await createUser(server.admin, { username: uniqueName('old') })).id);
    });

    it('still visits every pre-existing user exactly once and never repeats one', async () => {
      const added: string[] = [];
      const addTwo = async () => {
        const users = await Promise.all([
          createUser(server.admin, { username: uniqueName('new') }),
          createUser(server.admin, { username: uniqueName('new') }),
        ]);
        added.push(...users.map((u) => u.id));
      };
      let pagesFetched = 0;
      const pages = await walk(server.admin, 'limit=2', async () => {
        // Users are created while each page after the first is read, and before each next one.
        if (pagesFetched++ < 6) await addTwo();
      });
      const seen = pages.flatMap((p) => p.ids);
      assert.equal(new Set(seen).size, seen.length, 'a user was listed twice');
      assert.deepEqual(seen.filter((id) => existing.includes(id)), existing);
      assert.ok(added.length >= 10);
      assert.ok(seen.every((id) => existing.includes(id) || added.includes(id)));
      // The walk ends only past every user that existed when it started.
      assert.ok(seen.indexOf(existing.at(-1)!) >= 0);
    });

    it('skips nobody when users already listed are deleted between pages (keyset, not offset)', async () => {
      const before = (await server.admin.get('/api/v1/users?limit=1000')).body.items.map((u: any) => u.id);
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: Awaited<ReturnType<Client['get']>> = await server.admin.get(
          `/api/v1/users?limit=2${cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`}`,
        );
        assert.equal(page.status, 200, page.text);
        const ids: string[] = page.body.items.map((u: any) => u.id);
        seen.push(...ids);
        const victim = ids.find((id) => id !== before[0]);
        if (victim) assert.equal((await server.admin.delete(`/api/v1/users/${victim}`)).status, 204);
        cursor = page.body.nextCursor;
      } while (cursor !== null);
      assert.deepEqual(seen, before);
    });
  });

  describe(`users list: q, shortcuts and fields (${backend})`, () => {

    async function usernames(query: string): Promise<string[]> {
      const res = await server.admin.get(`/api/v1/users?${query}`);
      assert.equal(res.status, 200, `${query}: ${res.text}`);
      return res.body.items.map((u: any) => u.username);
    }

    const server = withServer(backend);
    before(async () => {
      const create = (fields: Record<string, unknown>) => createUser(server.admin, fields);
      await create({ username: 'hal-9000', name: 'Hal Nine', email: 'hal@ship.example', role: 'auditor', password: STRONG_PASSWORD });
      await create({ username: 'ivy', name: 'Ivy Greene', email: 'IVY.G@Garden.example' });
      const jo = await create({ username: 'jo', name: 'Joanna Halvorsen', email: 'jo@ship.example', password: STRONG_PASSWORD });
      await create({
        username: 'kit', name: 'Kit Marlowe', email: 'kit@halcyon.example', type: 'external', role: 'manager', password: STRONG_PASSWORD,
      });
      await create({ username: 'svc-backup', type: 'service_account', role: 'backup' });
      const res = await server.admin.patch(`/api/v1/users/${jo.id}`, { status: 'disabled' });
      assert.equal(res.status, 200, res.text);
    });

    it('q matches a substring of username, name or email, case-insensitively', async () => {
      // hal-9000 by username, jo by name, kit by email.
      assert.deepEqual(await usernames('q=HAL'), ['hal-9000', 'jo', 'kit']);
      assert.deepEqual(await usernames('q=garden.EXAMPLE'), ['ivy']);
      assert.deepEqual(await usernames('q=gReEnE'), ['ivy']);
      assert.deepEqual(await usernames('q=9000'), ['hal-9000']);
      assert.deepEqual(await usernames('q=zzz'), []);
      assert.deepEqual(await usernames('q='), ['admin', 'hal-9000', 'ivy', 'jo', 'kit', 'svc-backup']);
    });

    it('q takes % and _ literally', async () => {
      assert.deepEqual(await usernames(`q=${encodeURIComponent('%')}`), []);
      assert.deepEqual(await usernames('q=_'), []);
      assert.deepEqual(await usernames(`q=${encodeURIComponent('h%l')}`), []);
    });

    it('filters by the status, type and role shortcuts, alone and together', async () => {
      assert.deepEqual(await usernames('status=invited'), ['ivy']);
      assert.deepEqual(await usernames('status=disabled'), ['jo']);
      assert.deepEqual(await usernames('status=active'), ['admin', 'hal-9000', 'kit', 'svc-backup']);
      assert.deepEqual(await usernames('type=external'), ['kit']);
      assert.deepEqual(await usernames('type=service_account'), ['svc-backup']);
      assert.deepEqual(await usernames('type=internal'), ['admin', 'hal-9000', 'ivy', 'jo']);
      assert.deepEqual(await usernames('role=auditor'), ['hal-9000']);
      assert.deepEqual(await usernames('role=backup'), ['svc-backup']);
      assert.deepEqual(await usernames('role=user'), ['ivy', 'jo']);
      assert.deepEqual(await usernames('role=user&status=active'), []);
      assert.deepEqual(await usernames('role=admin&status=active&type=internal'), ['admin']);
      assert.deepEqual(await usernames('q=hal&role=manager'), ['kit']);
    });

    for (const [name, value] of [['status', 'gone'], ['status', 'ACTIVE'], ['type', 'robot'], ['role', 'root']]) {
      it(`answers 400 naming ${name} for ${name}=${value}`, async () => {
        const res = await server.admin.get(`/api/v1/users?${name}=${value}`);
        const body = expectProblem(res, 400, 'request.invalid');
        assert.deepEqual(body.errors.map((e: any) => e.parameter), [name]);
      });
    }

    it('fields=id,username projects every item to those fields', async () => {
      const full = await server.admin.get('/api/v1/users');
      const res = await server.admin.get('/api/v1/users?fields=id,username');
      assert.equal(res.status, 200);
      assert.equal(res.body.nextCursor, null);
      assert.deepEqual(res.body.items, full.body.items.map((u: any) => ({ id: u.id, username: u.username })));
      const header = await server.admin.get('/api/v1/users?role=backup', { headers: { 'x-fields': 'username,type' } });
      assert.equal(header.status, 200);
      assert.deepEqual(header.body.items, [{ username: 'svc-backup', type: 'service_account' }]);
    });

    it('refuses unknown fields, password among them', async () => {
      for (const fields of ['id,nope', 'password', 'passwordHash']) {
        const res = await server.admin.get(`/api/v1/users?fields=${fields}`);
        const body = expectProblem(res, 400, 'request.unknown_fields');
        assert.deepEqual(body.errors.map((e: any) => e.parameter), ['fields']);
      }
    });

    it('never lists password material', async () => {
      const res = await server.admin.get('/api/v1/users?status=active');
      assert.equal(res.status, 200);
      assert.equal(res.body.items.length, 4);
      assert.doesNotMatch(res.text, /argon2|password|\$v=19/i);
    });
  });
}
