// Review repairs on credentials (issue 10, security items 3, 5 and 8): a new password ends the
// user's personal access tokens too; minting a token, enrolling TOTP and issuing recovery codes
// from an old session need a recent login; managers never manage users whose role grants what
// a manager lacks; a plain user cannot probe which ids exist; idempotency records are purged.
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import { backends } from '../support/backends.ts';
import { withServer } from '../support/server.ts';
import { basic, expectProblem, type Client } from '../support/client.ts';
import { createLogin, uniqueName, STRONG_PASSWORD } from '../support/factories.ts';
import { withMailServer } from '../support/smtp.ts';
import { Clock } from '../support/clock.ts';
import { OTHER_PASSWORD, drain, uniqueEmail } from '../lifecycle/helpers.ts';

const THIRD_PASSWORD = 'saffron-kettle-obelisk-71';

for (const backend of backends()) {
  describe(`credential repairs (${backend})`, () => {
    const sink = withMailServer();
    const clock = new Clock();
    const server = withServer(backend, () => ({ smtpUrl: sink.url, publicUrl: 'http://roster.test', worker: false, now: clock.now }));

    async function login(username: string, password = STRONG_PASSWORD): Promise<Client> {
      const res = await server.anon.post('/api/v1/sessions', { username, password });
      assert.equal(res.status, 200, res.text);
      return server.client(`Bearer ${res.body.accessToken}`);
    }

    async function mintToken(client: Client, target = 'me', body: Record<string, unknown> = {}): Promise<string> {
      const res = await client.post(`/api/v1/users/${target}/tokens`, { name: 'ci', ...body });
      assert.equal(res.status, 201, res.text);
      return res.body.secret;
    }

    const asToken = (secret: string) => server.client(`Token ${secret}`).get('/api/v1/users/me');

    describe('a new password ends personal access tokens', () => {
      it('set by an admin: the token answers 401', async () => {
        const { user, auth } = await createLogin(server.admin, 'user');
        const secret = await mintToken(server.client(auth));
        assert.equal((await asToken(secret)).status, 200);
        assert.equal((await server.admin.put(`/api/v1/users/${user.id}/password`, { password: OTHER_PASSWORD })).status, 204);
        expectProblem(await asToken(secret), 401, 'auth.unauthenticated');
      });

      it('changed by the user: the token ends, the session that changed it goes on', async () => {
        const { user } = await createLogin(server.admin, 'user');
        const session = await login(user.username);
        const secret = await mintToken(session);
        const other = await login(user.username);
        const res = await session.put('/api/v1/users/me/password', { currentPassword: STRONG_PASSWORD, password: OTHER_PASSWORD });
        assert.equal(res.status, 204, res.text);
        expectProblem(await asToken(secret), 401, 'auth.unauthenticated');
        expectProblem(await other.get('/api/v1/users/me'), 401, 'auth.unauthenticated');
        assert.equal((await session.get('/api/v1/users/me')).status, 200, 'the caller keeps its own session');
      });

      it('reset through a mailed link: the token answers 401', async () => {
        const email = uniqueEmail(uniqueName('reset'));
        const { auth } = await createLogin(server.admin, 'user', { email });
        const secret = await mintToken(server.client(auth));
        assert.equal((await server.anon.post('/api/v1/password-resets', { email })).status, 202);
        await drain(server);
        const mail = await sink.waitFor((m) => m.to.includes(email));
        const res = await server.anon.post('/api/v1/password-resets/confirm', { token: mail.token, password: THIRD_PASSWORD });
        assert.equal(res.status, 204, res.text);
        expectProblem(await asToken(secret), 401, 'auth.unauthenticated');
      });
    });

    describe('recent login for new credentials from a session', () => {
      it('a session under 10 minutes old mints a token; an older one needs currentPassword', async () => {
        const { user } = await createLogin(server.admin, 'user');
        const session = await login(user.username);
        await mintToken(session);
        clock.advance(11 * 60);
        // The access token lives 15 minutes; the session behind it is now 11 minutes old.
        const stale = await session.post('/api/v1/users/me/tokens', { name: 'late' });
        expectProblem(stale, 403, 'auth.recent_login_required');
        const wrong = await session.post('/api/v1/users/me/tokens', { name: 'late', currentPassword: 'not-the-password-1' });
        const problem = expectProblem(wrong, 400, 'request.invalid');
        assert.deepEqual(problem.errors.map((e: any) => e.pointer), ['/currentPassword']);
        await mintToken(session, 'me', { currentPassword: STRONG_PASSWORD });
        // Basic proves the password on every request: no extra proof needed.
        await mintToken(server.client(basic(user.username, STRONG_PASSWORD)));
      });

      it('TOTP enrolment and recovery codes need the same', async () => {
        const { user } = await createLogin(server.admin, 'user');
        const session = await login(user.username);
        clock.advance(11 * 60);
        expectProblem(await session.post('/api/v1/users/me/mfa/totp'), 403, 'auth.recent_login_required');
        const enrolled = await session.post('/api/v1/users/me/mfa/totp', { currentPassword: STRONG_PASSWORD });
        assert.equal(enrolled.status, 201, enrolled.text);
        const code = new TOTP({ secret: Secret.fromBase32(enrolled.body.secret) }).generate({ timestamp: clock.now().getTime() });
        assert.equal((await session.post('/api/v1/users/me/mfa/totp/verify', { code })).status, 204);
        expectProblem(await session.post('/api/v1/users/me/mfa/recovery-codes'), 403, 'auth.recent_login_required');
        const codes = await session.post('/api/v1/users/me/mfa/recovery-codes', { currentPassword: STRONG_PASSWORD });
        assert.equal(codes.status, 201, codes.text);
        assert.equal(codes.body.codes.length, 10);
      });
    });

    describe('managers and roles that grant more than a manager has', () => {
      let manager: Client;
      before(async () => {
        manager = server.client((await createLogin(server.admin, 'manager')).auth);
      });

      for (const role of ['auditor', 'metrics']) {
        it(`a manager cannot mint a token for, set the password of, or change a ${role}`, async () => {
          const { user } = await createLogin(server.admin, role);
          expectProblem(await manager.post(`/api/v1/users/${user.id}/tokens`, { name: 'borrowed' }), 403, 'user.role_protected');
          expectProblem(await manager.put(`/api/v1/users/${user.id}/password`, { password: OTHER_PASSWORD }), 403, 'user.role_protected');
          expectProblem(await manager.patch(`/api/v1/users/${user.id}`, { email: uniqueEmail(uniqueName('grab')) }), 403, 'user.role_protected');
          expectProblem(await manager.delete(`/api/v1/users/${user.id}/mfa`), 403, 'user.role_protected');
          expectProblem(await manager.post('/api/v1/users', { username: uniqueName(role), role, password: STRONG_PASSWORD }), 403, 'user.role_grant_forbidden');
        });
      }

      it('a manager still manages users and other managers', async () => {
        const { user } = await createLogin(server.admin, 'user');
        await mintToken(manager, user.id);
        assert.equal((await manager.put(`/api/v1/users/${user.id}/password`, { password: OTHER_PASSWORD })).status, 204);
        const peer = await createLogin(server.admin, 'manager');
        await mintToken(manager, peer.user.id);
      });
    });

    it('a plain user gets 403 on another id\'s tokens whether or not the id exists', async () => {
      const { auth } = await createLogin(server.admin, 'user');
      const other = (await createLogin(server.admin, 'user')).user;
      const client = server.client(auth);
      for (const id of [other.id, randomUUID(), 'not-an-id']) {
        expectProblem(await client.get(`/api/v1/users/${id}/tokens`), 403, 'auth.forbidden');
        expectProblem(await client.post(`/api/v1/users/${id}/tokens`, { name: 'x' }), 403, 'auth.forbidden');
      }
    });

    it('idempotency records are purged by the worker a day after they were made', async () => {
      const count = async () => Number((await server.store.db.selectFrom('idempotency_keys').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
      await server.app.queue.runDue(); // the first pass does its housekeeping now
      const res = await server.admin.post('/api/v1/groups', { name: uniqueName('idem') }, { headers: { 'idempotency-key': randomUUID() } });
      assert.equal(res.status, 201, res.text);
      const before = await count();
      assert.ok(before >= 1);
      clock.advance(25 * 3600);
      await server.app.queue.runDue();
      assert.equal(await count(), 0);
    });
  });
}
