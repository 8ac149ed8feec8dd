// Who may manage whose personal access tokens, and service accounts, which authenticate only
// with tokens.
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { backends } from '../support/backends.ts';
import { withServer } from '../support/server.ts';
import { basic, expectProblem, type Client } from '../support/client.ts';
import { createLogin, createUser, uniqueName, STRONG_PASSWORD } from '../support/factories.ts';

async function createToken(client: Client, userId: string, name = 'ci') {
  const res = await client.post(`/api/v1/users/${userId}/tokens`, { name });
  assert.equal(res.status, 201, res.text);
  return res.body as { id: string; secret: string };
}

for (const backend of backends()) {
  describe(`token access rules (${backend})`, () => {
    let adminId: string;
    const server = withServer(backend);
    before(async () => {
      adminId = (await server.admin.get('/api/v1/users/me')).body.id;
    });

    it('a user manages its own tokens by id and by me, and no one else\'s', async () => {
      const self = await createLogin(server.admin, 'user');
      const other = await createLogin(server.admin, 'user');
      const client = server.client(self.auth);
      const mine = await createToken(client, self.user.id);
      const listed = await client.get(`/api/v1/users/${self.user.id}/tokens`);
      assert.equal(listed.status, 200, listed.text);
      assert.deepEqual(listed.body.items.map((t: any) => t.id), [mine.id]);
      assert.equal((await client.delete(`/api/v1/users/me/tokens/${mine.id}`)).status, 204);

      const theirs = await createToken(server.admin, other.user.id);
      for (const id of [other.user.id, adminId]) {
        expectProblem(await client.post(`/api/v1/users/${id}/tokens`, { name: 'x' }), 403, 'auth.forbidden');
        expectProblem(await client.get(`/api/v1/users/${id}/tokens`), 403, 'auth.forbidden');
      }
      expectProblem(await client.delete(`/api/v1/users/${other.user.id}/tokens/${theirs.id}`), 403, 'auth.forbidden');
      assert.equal((await server.client(`Token ${theirs.secret}`).get('/api/v1/users/me')).status, 200, 'not revoked');
      const list = await server.admin.get(`/api/v1/users/${other.user.id}/tokens`);
      assert.deepEqual(list.body.items.map((t: any) => t.id), [theirs.id], 'nothing created for the other user');
    });

    it('a manager manages a non-admin\'s tokens but not an admin\'s', async () => {
      const manager = await createLogin(server.admin, 'manager');
      const target = await createLogin(server.admin, 'user');
      const client = server.client(manager.auth);
      const token = await createToken(client, target.user.id);
      assert.equal((await server.client(`Token ${token.secret}`).get('/api/v1/users/me')).body.id, target.user.id);
      const list = await client.get(`/api/v1/users/${target.user.id}/tokens`);
      assert.equal(list.status, 200, list.text);
      assert.deepEqual(list.body.items.map((t: any) => t.id), [token.id]);
      assert.equal((await client.delete(`/api/v1/users/${target.user.id}/tokens/${token.id}`)).status, 204);

      const otherAdmin = await createLogin(server.admin, 'admin');
      const adminToken = await createToken(server.client(otherAdmin.auth), 'me');
      for (const id of [adminId, otherAdmin.user.id]) {
        expectProblem(await client.post(`/api/v1/users/${id}/tokens`, { name: 'x' }), 403, 'user.admin_protected');
        expectProblem(await client.get(`/api/v1/users/${id}/tokens`), 403, 'user.admin_protected');
      }
      const del = await client.delete(`/api/v1/users/${otherAdmin.user.id}/tokens/${adminToken.id}`);
      expectProblem(del, 403, 'user.admin_protected');
      assert.equal((await server.client(`Token ${adminToken.secret}`).get('/api/v1/users/me')).status, 200);
    });

    it('an auditor lists others\' tokens but creates and revokes none', async () => {
      const auditor = await createLogin(server.admin, 'auditor');
      const target = await createLogin(server.admin, 'user');
      const token = await createToken(server.admin, target.user.id);
      const client = server.client(auditor.auth);
      const list = await client.get(`/api/v1/users/${target.user.id}/tokens`);
      assert.equal(list.status, 200, list.text);
      assert.deepEqual(list.body.items.map((t: any) => t.id), [token.id]);
      assert.equal((await client.get(`/api/v1/users/${adminId}/tokens`)).status, 200);
      expectProblem(await client.post(`/api/v1/users/${target.user.id}/tokens`, { name: 'x' }), 403, 'auth.forbidden');
      expectProblem(await client.delete(`/api/v1/users/${target.user.id}/tokens/${token.id}`), 403, 'auth.forbidden');
      assert.equal((await server.client(`Token ${token.secret}`).get('/api/v1/users/me')).status, 200);
      const own = await client.post('/api/v1/users/me/tokens', { name: 'mine' });
      assert.equal(own.status, 201, 'its own, like anyone');
    });

    it('token routes for an unknown user answer 404 to an admin', async () => {
      const missing = '0190a5c4-0000-7000-8000-000000000000';
      expectProblem(await server.admin.post(`/api/v1/users/${missing}/tokens`, { name: 'x' }), 404, 'user.not_found');
      expectProblem(await server.admin.get(`/api/v1/users/${missing}/tokens`), 404, 'user.not_found');
      expectProblem(await server.admin.get('/api/v1/users/nope/tokens'), 404, 'user.not_found');
      expectProblem(await server.anon.get('/api/v1/users/me/tokens'), 401, 'auth.unauthenticated');
    });

    it('a service account authenticates with a token an admin made, and never with a password', async () => {
      const username = uniqueName('svc');
      const account = await createUser(server.admin, { username, type: 'service_account', role: 'auditor' });
      assert.equal(account.type, 'service_account');
      assert.equal(account.status, 'active');
      const token = await createToken(server.admin, account.id, 'pipeline');

      const me = await server.client(`Token ${token.secret}`).get('/api/v1/users/me');
      assert.equal(me.status, 200, me.text);
      assert.equal(me.body.id, account.id);
      assert.equal(me.body.type, 'service_account');
      const read = await server.client(`Bearer ${token.secret}`).get('/api/v1/users');
      assert.equal(read.status, 200, 'with its role (auditor)');

      // Two passwords × two ways: four failures, one short of the lock every username gets.
      for (const password of [STRONG_PASSWORD, token.secret]) {
        const res = await server.client(basic(username, password)).get('/api/v1/users/me');
        expectProblem(res, 401, 'auth.unauthenticated');
        const login = await server.anon.post('/api/v1/sessions', { username, password: password || 'x' });
        expectProblem(login, 401, 'auth.invalid_credentials');
      }
      const own = await server.client(`Token ${token.secret}`).post('/api/v1/users/me/tokens', { name: 'rotated' });
      assert.equal(own.status, 201, own.text);
      assert.equal((await server.client(`Token ${own.body.secret}`).get('/api/v1/users/me')).body.id, account.id);
    });

    it('password guesses lock a service account\'s name like any other, and leave its tokens working', async () => {
      const account = await createUser(server.admin, { username: uniqueName('svc'), type: 'service_account' });
      const token = await createToken(server.admin, account.id);
      for (let i = 0; i < 5; i++) {
        expectProblem(await server.client(basic(account.username, `guess-${i}`)).get('/api/v1/users/me'), 401, 'auth.unauthenticated');
      }
      expectProblem(await server.client(basic(account.username, 'guess-5')).get('/api/v1/users/me'), 429, 'auth.too_many_attempts');
      assert.equal((await server.client(`Token ${token.secret}`).get('/api/v1/users/me')).status, 200, 'no lock on token use');
    });
  });
}
