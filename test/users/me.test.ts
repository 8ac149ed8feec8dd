// /api/v1/users/me: every role reads and edits its own profile, and nothing else of itself.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { backends } from '../support/backends.ts';
import { withServer, ADMIN } from '../support/server.ts';
import { expectProblem } from '../support/client.ts';
import { createLogin, uniqueName } from '../support/factories.ts';

const ME = '/api/v1/users/me';
const ROLES = ['admin', 'manager', 'auditor', 'metrics', 'backup', 'user'];

for (const backend of backends()) {
  describe(`users me (${backend})`, () => {
    const server = withServer(backend);

    it('GET /users/me returns the caller with isCurrent true', async () => {
      const { user, auth } = await createLogin(server.admin, 'user', { name: 'Self Seer' });
      const res = await server.client(auth).get(ME);
      assert.equal(res.status, 200, res.text);
      assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
      assert.equal(res.body.id, user.id);
      assert.equal(res.body.username, user.username);
      assert.equal(res.body.isCurrent, true);
      assert.equal(user.isCurrent, false, 'the admin created it: not the caller then');
      const byAdmin = await server.admin.get(`/api/v1/users/${user.id}`);
      assert.equal(byAdmin.body.isCurrent, false);
      assert.deepEqual({ ...res.body, isCurrent: false }, byAdmin.body);
      assert.equal(res.headers.get('etag'), byAdmin.headers.get('etag'));

      const admin = await server.admin.get(ME);
      assert.equal(admin.body.username, ADMIN.username);
      assert.equal(admin.body.isCurrent, true);
      assert.equal(admin.body.role, 'admin');

      const projected = await server.client(auth).get(`${ME}?fields=id,isCurrent`);
      assert.deepEqual(projected.body, { id: user.id, isCurrent: true });
    });

    it('GET /users/me without credentials answers 401 with a challenge', async () => {
      const res = await server.anon.get(ME);
      expectProblem(res, 401, 'auth.unauthenticated');
      assert.match(res.headers.get('www-authenticate') ?? '', /Basic/);
    });

    it('PATCH /users/me changes the profile fields and attributes.profile only', async () => {
      const { user, auth } = await createLogin(server.admin, 'user', {
        name: 'Old',
        email: `${uniqueName()}@example.com`,
        attributes: { department: 'finance', profile: { theme: 'dark', pronouns: 'they' } },
      });
      const res = await server.client(auth).patch(ME, {
        name: 'Robin Example',
        givenName: 'Robin',
        familyName: 'Example',
        phone: '+4930123456',
        locale: 'fr-CA',
        attributes: { profile: { theme: 'light', pronouns: null, bio: 'hi' } },
      });
      assert.equal(res.status, 200, res.text);
      assert.equal(res.body.id, user.id);
      assert.equal(res.body.isCurrent, true);
      assert.equal(res.body.name, 'Robin Example');
      assert.equal(res.body.givenName, 'Robin');
      assert.equal(res.body.familyName, 'Example');
      assert.equal(res.body.phone, '+4930123456');
      assert.equal(res.body.locale, 'fr-CA');
      assert.deepEqual(res.body.attributes, { department: 'finance', profile: { theme: 'light', bio: 'hi' } });
      for (const field of ['username', 'email', 'role', 'status', 'type', 'path', 'externalId', 'emailVerified']) {
        assert.deepEqual(res.body[field], user[field], `${field} untouched`);
      }
      assert.notEqual(res.headers.get('etag'), null);

      const fetched = await server.admin.get(`/api/v1/users/${user.id}`);
      assert.deepEqual({ ...res.body, isCurrent: false }, fetched.body);

      const cleared = await server.client(auth).patch(ME, { phone: null, attributes: { profile: null } }, { contentType: 'application/merge-patch+json' });
      assert.equal(cleared.status, 200, cleared.text);
      assert.equal(cleared.body.phone, null);
      assert.deepEqual(cleared.body.attributes, { department: 'finance' });
    });

    it('PATCH /users/me refuses role, username, email, status and attributes other than profile', async () => {
      const { user, auth } = await createLogin(server.admin, 'user');
      const self = server.client(auth);
      const cases: [Record<string, unknown>, string][] = [
        [{ role: 'admin' }, '/role'],
        [{ username: 'someone-else' }, '/username'],
        [{ email: 'new@example.com' }, '/email'],
        [{ status: 'disabled' }, '/status'],
        [{ password: 'plum-anchor-violet-94-orbit' }, '/password'],
        [{ attributes: { department: 'exec' } }, '/attributes/department'],
        [{ attributes: { profile: {}, quota: 9 } }, '/attributes/quota'],
      ];
      for (const [patch, pointer] of cases) {
        const body = expectProblem(await self.patch(ME, patch), 400, 'request.invalid');
        assert.deepEqual(body.errors.map((e: any) => [e.pointer, e.code]), [[pointer, 'unknown_field']], JSON.stringify(patch));
      }
      const after = await server.admin.get(`/api/v1/users/${user.id}`);
      assert.deepEqual(after.body, user, 'nothing changed');

      const bad = expectProblem(await self.patch(ME, { phone: '555-1234' }), 400, 'request.invalid');
      assert.deepEqual(bad.errors.map((e: any) => [e.pointer, e.code]), [['/phone', 'invalid_format']]);
    });

    it('PATCH /users/me limits attributes.profile like any attributes (400 too_deep, never 500)', async () => {
      const { user, auth } = await createLogin(server.admin, 'user');
      const self = server.client(auth);
      for (const depth of [40, 5000]) {
        const profile = `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
        const res = await self.patch(ME, `{"attributes":{"profile":${profile}}}`);
        const body = expectProblem(res, 400, 'request.invalid');
        assert.deepEqual(body.errors.map((e: any) => [e.pointer, e.code]), [['/attributes', 'too_deep']], `depth ${depth}`);
      }
      const large = expectProblem(await self.patch(ME, { attributes: { profile: { bio: 'x'.repeat(70_000) } } }), 400, 'request.invalid');
      assert.deepEqual(large.errors.map((e: any) => [e.pointer, e.code]), [['/attributes', 'too_large']]);
      assert.deepEqual((await server.admin.get(`/api/v1/users/${user.id}`)).body, user, 'nothing changed');
    });

    it('PATCH /users/me honours If-Match and Prefer: return=minimal', async () => {
      const { auth } = await createLogin(server.admin, 'user');
      const self = server.client(auth);
      const etag = (await self.get(ME)).headers.get('etag')!;
      const minimal = await self.patch(ME, { name: 'Quiet' }, { headers: { 'if-match': etag, prefer: 'return=minimal' } });
      assert.equal(minimal.status, 204, minimal.text);
      assert.equal(minimal.text, '');
      assert.equal(minimal.headers.get('preference-applied'), 'return=minimal');
      assert.notEqual(minimal.headers.get('etag'), etag);
      expectProblem(await self.patch(ME, { name: 'Loud' }, { headers: { 'if-match': etag } }), 412, 'user.etag_mismatch');
      assert.equal((await self.get(ME)).body.name, 'Quiet');
    });

    for (const role of ROLES) {
      it(`a caller with role ${role} can GET and PATCH /users/me`, async () => {
        const { user, auth } = await createLogin(server.admin, role);
        const self = server.client(auth);
        const got = await self.get(ME);
        assert.equal(got.status, 200, got.text);
        assert.equal(got.body.id, user.id);
        assert.equal(got.body.role, role);
        const patched = await self.patch(ME, { name: `A ${role}`, attributes: { profile: { role } } });
        assert.equal(patched.status, 200, patched.text);
        assert.equal(patched.body.name, `A ${role}`);
        assert.equal(patched.body.role, role, 'the role stays');
        assert.deepEqual(patched.body.attributes, { profile: { role } });
      });
    }

    it('a user-role caller may not reach other users', async () => {
      const { user, auth } = await createLogin(server.admin, 'user');
      const self = server.client(auth);
      expectProblem(await self.get(`/api/v1/users/${user.id}`), 403, 'auth.forbidden');
      expectProblem(await self.patch(`/api/v1/users/${user.id}`, { name: 'x' }), 403, 'auth.forbidden');
    });
  });
}
