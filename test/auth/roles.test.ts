// Authentication failures (401 with a Basic challenge) and what each role may do with users.
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { backends } from '../support/backends.ts';
import { withServer, ADMIN } from '../support/server.ts';
import { expectProblem, basic, type Response } from '../support/client.ts';
import { createUser, createLogin, uniqueName, STRONG_PASSWORD } from '../support/factories.ts';

/** A 401 that challenges for Basic, as API.md requires for missing or invalid credentials. */
function expectUnauthenticated(res: Response): any {
  const body = expectProblem(res, 401, 'auth.unauthenticated');
  assert.match(res.headers.get('www-authenticate') ?? '', /\bBasic realm="[^"]+"/);
  return body;
}

function expectForbidden(res: Response): void {
  expectProblem(res, 403, 'auth.forbidden');
  assert.equal(res.headers.get('www-authenticate'), null);
}

const b64 = (text: string) => Buffer.from(text).toString('base64');

for (const backend of backends()) {
  describe(`authentication (${backend})`, () => {
    const server = withServer(backend);

    it('answers 401 with a Basic challenge when credentials are missing', async () => {
      for (const path of ['/api/v1/users', '/api/v1/users/me']) {
        const body = expectUnauthenticated(await server.anon.get(path));
        assert.equal(body.errors, undefined);
      }
      expectUnauthenticated(await server.anon.post('/api/v1/users', { username: uniqueName() }));
    });

    it('answers 401 for a wrong password and an unknown username alike', async () => {
      const wrong = await server.client(basic(ADMIN.username, 'not-the-password-at-all')).get('/api/v1/users');
      const unknown = await server.client(basic(uniqueName('ghost'), ADMIN.password)).get('/api/v1/users');
      const a = expectUnauthenticated(wrong);
      const b = expectUnauthenticated(unknown);
      assert.deepEqual(Object.keys(a).sort(), Object.keys(b).sort());
      const { instance: _a, ...restA } = a;
      const { instance: _b, ...restB } = b;
      assert.deepEqual(restA, restB);
      assert.equal(wrong.headers.get('www-authenticate'), unknown.headers.get('www-authenticate'));
    });

    it('answers 401 for an empty username or an empty password', async () => {
      expectUnauthenticated(await server.client(basic('', ADMIN.password)).get('/api/v1/users'));
      expectUnauthenticated(await server.client(basic(ADMIN.username, '')).get('/api/v1/users'));
    });

    for (const [label, header] of [
      ['not base64', 'Basic !!!not-base64!!!'],
      ['no colon', `Basic ${b64('adminwithoutcolon')}`],
      ['no credentials', 'Basic'],
      ['two tokens', `Basic ${b64('admin:x')} ${b64('admin:y')}`],
    ]) {
      it(`answers 401 for a malformed Basic header (${label})`, async () => {
        expectUnauthenticated(await server.client(header).get('/api/v1/users'));
      });
    }

    it('answers 401 for an unsupported scheme', async () => {
      expectUnauthenticated(await server.client('Digest x').get('/api/v1/users'));
      expectUnauthenticated(await server.client(`Basicx ${b64(`${ADMIN.username}:${ADMIN.password}`)}`).get('/api/v1/users'));
    });

    it('refuses Basic for a service account', async () => {
      const sa = await createUser(server.admin, { type: 'service_account', role: 'admin' });
      assert.equal(sa.status, 'active');
      for (const password of [STRONG_PASSWORD, '']) {
        expectUnauthenticated(await server.client(basic(sa.username, password)).get('/api/v1/users/me'));
      }
    });

    it('refuses Basic for an invited user, who has no password yet', async () => {
      const invited = await createUser(server.admin, { role: 'admin', email: `${uniqueName()}@example.com` });
      assert.equal(invited.status, 'invited');
      for (const password of [STRONG_PASSWORD, '']) {
        expectUnauthenticated(await server.client(basic(invited.username, password)).get('/api/v1/users/me'));
      }
    });

    it('accepts the username case-insensitively with the right password', async () => {
      const { user } = await createLogin(server.admin, 'user');
      const res = await server.client(basic(user.username.toUpperCase(), STRONG_PASSWORD)).get('/api/v1/users/me');
      assert.equal(res.status, 200, res.text);
      assert.equal(res.body.id, user.id);
    });
  });

  describe(`role permissions on users (${backend})`, () => {
    let target: any;
    const server = withServer(backend);
    before(async () => {
      target = await createUser(server.admin, { name: 'Target Person' });
    });

    async function assertTargetUnchanged(): Promise<void> {
      const res = await server.admin.get(`/api/v1/users/${target.id}`);
      assert.equal(res.status, 200);
      assert.equal(res.body.name, 'Target Person');
      assert.equal(res.body.updatedAt, target.updatedAt);
    }

    it('auditor reads users but every write answers 403 auth.forbidden', async () => {
      const { user, auth } = await createLogin(server.admin, 'auditor');
      const auditor = server.client(auth);
      const list = await auditor.get('/api/v1/users?limit=1000');
      assert.equal(list.status, 200);
      assert.ok(list.body.items.some((u: any) => u.id === target.id));
      const one = await auditor.get(`/api/v1/users/${target.id}`);
      assert.equal(one.status, 200);
      assert.equal(one.body.id, target.id);
      const me = await auditor.get('/api/v1/users/me');
      assert.equal(me.status, 200);
      assert.equal(me.body.id, user.id);

      const username = uniqueName('by-auditor');
      expectForbidden(await auditor.post('/api/v1/users', { username }));
      expectForbidden(await auditor.put(`/api/v1/users/${target.id}`, { username: target.username, name: 'Changed' }));
      expectForbidden(await auditor.patch(`/api/v1/users/${target.id}`, { name: 'Changed' }));
      expectForbidden(await auditor.delete(`/api/v1/users/${target.id}`));
      await assertTargetUnchanged();
      const created = await server.admin.get(`/api/v1/users?filter=${encodeURIComponent(`username eq "${username}"`)}`);
      assert.deepEqual(created.body.items, []);
    });

    for (const role of ['metrics', 'backup', 'user']) {
      it(`${role} gets 403 on the users collection and items but 200 on /users/me`, async () => {
        const { user, auth } = await createLogin(server.admin, role);
        const client = server.client(auth);
        expectForbidden(await client.get('/api/v1/users'));
        expectForbidden(await client.get(`/api/v1/users/${target.id}`));
        expectForbidden(await client.get(`/api/v1/users/${user.id}`));
        expectForbidden(await client.post('/api/v1/users', { username: uniqueName() }));
        expectForbidden(await client.patch(`/api/v1/users/${target.id}`, { name: 'Changed' }));
        expectForbidden(await client.delete(`/api/v1/users/${target.id}`));
        await assertTargetUnchanged();
        const me = await client.get('/api/v1/users/me');
        assert.equal(me.status, 200);
        assert.equal(me.body.id, user.id);
        assert.equal(me.body.username, user.username);
        assert.equal(me.body.role, role);
        assert.equal(me.body.isCurrent, true);
        assert.match(me.headers.get('etag') ?? '', /^"[^"]+"$/);
      });
    }

    it('manager and admin read users; 404 for an unknown id is not hidden behind 403', async () => {
      const { auth } = await createLogin(server.admin, 'manager');
      for (const client of [server.client(auth), server.admin]) {
        const res = await client.get(`/api/v1/users/${target.id}`);
        assert.equal(res.status, 200);
        assert.equal(res.body.isCurrent, false);
        expectProblem(await client.get('/api/v1/users/0190c5e4-0000-7000-8000-000000000000'), 404, 'user.not_found');
      }
    });
  });
}
