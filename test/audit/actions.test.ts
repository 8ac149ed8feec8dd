// The audit log's actions (API.md, "Audit log and webhooks"): every mutation and authentication
// event, driven over HTTP, writes exactly one event with its action, target, actor and outcome,
// and no secret's value — password, token secret, TOTP seed, recovery code — ever appears in one.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Secret, TOTP } from 'otpauth';
import { backends } from '../support/backends.ts';
import { withServer, ADMIN, type TestServer } from '../support/server.ts';
import { basic, expectProblem, type Response } from '../support/client.ts';
import { createLogin, createUser, STRONG_PASSWORD, uniqueName } from '../support/factories.ts';
import { withMailServer } from '../support/smtp.ts';
import { drain, OTHER_PASSWORD, uniqueEmail } from '../lifecycle/helpers.ts';

const PASSPHRASE = 'orchard-lantern-seventeen';

type Actor = { type: string; id: string | null; username: string | null };

async function eventsWhere(server: TestServer, filter: string): Promise<any[]> {
  const res = await server.admin.get(`/api/v1/audit-events?limit=1000&filter=${encodeURIComponent(filter)}`);
  assert.equal(res.status, 200, res.text);
  return res.body.items;
}

/** Asserts exactly one event for the action and target (or, with a Response, the request), and its actor and outcome. */
async function expectOne(
  server: TestServer,
  action: string,
  about: { target: { type: string; id: string } | null; request?: Response },
  expected: { actor: Actor; outcome?: 'success' | 'failure'; changes?: string[] },
): Promise<any> {
  const where = about.request ? `requestId eq "${about.request.headers.get('x-request-id')}"` : `target.id eq "${about.target!.id}"`;
  const events = await eventsWhere(server, `action eq "${action}" and ${where}`);
  assert.equal(events.length, 1, `one ${action}: ${JSON.stringify(events)}`);
  const [event] = events;
  assert.deepEqual(
    { target: event.target, actor: event.actor, outcome: event.outcome, ...(expected.changes ? { changes: event.changes } : {}) },
    { target: about.target, actor: expected.actor, outcome: expected.outcome ?? 'success', ...(expected.changes ? { changes: expected.changes } : {}) },
    action,
  );
  return event;
}

/** No event anywhere holds any of these values. */
async function expectNowhere(server: TestServer, ...secrets: string[]): Promise<void> {
  const all = JSON.stringify(await eventsWhere(server, 'action pr'));
  for (const secret of secrets) assert.equal(all.includes(secret), false, `an event holds a secret (${secret.slice(0, 6)}…)`);
}

const codeNow = (secret: string) => new TOTP({ secret: Secret.fromBase32(secret) }).generate({ timestamp: Date.now() });
const userActor = (user: { id: string; username: string }): Actor => ({ type: 'user', id: user.id, username: user.username });
const ANONYMOUS: Actor = { type: 'anonymous', id: null, username: null };
const user = (id: string) => ({ type: 'user', id });

for (const backend of backends()) {
  describe(`audit log actions (${backend})`, () => {
    const sink = withMailServer();
    const server = withServer(backend, () => ({ smtpUrl: sink.url, worker: false }));
    let admin: Actor | undefined;
    const asAdmin = async (): Promise<Actor> => (admin ??= userActor((await server.admin.get('/api/v1/users/me')).body));

    it('groups: created, updated with the changed fields, deleted; memberships added and removed once each', async () => {
      const actor = await asAdmin();
      const created = await server.admin.post('/api/v1/groups', { name: uniqueName('audited') });
      assert.equal(created.status, 201, created.text);
      const group = { type: 'group', id: created.body.id };
      await expectOne(server, 'group.created', { target: group }, { actor });
      assert.equal((await server.admin.patch(`/api/v1/groups/${group.id}`, { name: uniqueName('renamed') })).status, 200);
      await expectOne(server, 'group.updated', { target: group }, { actor, changes: ['name'] });

      const member = await createUser(server.admin);
      for (let i = 0; i < 2; i++) assert.equal((await server.admin.put(`/api/v1/groups/${group.id}/members/${member.id}`)).status, 204);
      await expectOne(server, 'membership.added', { target: user(member.id) }, { actor, changes: ['groups'] });
      for (let i = 0; i < 2; i++) assert.equal((await server.admin.delete(`/api/v1/groups/${group.id}/members/${member.id}`)).status, 204);
      await expectOne(server, 'membership.removed', { target: user(member.id) }, { actor, changes: ['groups'] });

      // Through the user's own groups field too: one event per direction.
      const other = await createUser(server.admin, { groups: [group.id] });
      await expectOne(server, 'membership.added', { target: user(other.id) }, { actor, changes: ['groups'] });
      assert.equal((await server.admin.patch(`/api/v1/users/${other.id}`, { groups: [] })).status, 200);
      await expectOne(server, 'membership.removed', { target: user(other.id) }, { actor, changes: ['groups'] });

      assert.equal((await server.admin.delete(`/api/v1/groups/${group.id}`)).status, 204);
      await expectOne(server, 'group.deleted', { target: group }, { actor });
    });

    it('passwords and tokens: changed, created and revoked, by whoever acted, without a secret', async () => {
      const actor = await asAdmin();
      const { user: target, auth } = await createLogin(server.admin, 'user');
      assert.equal((await server.admin.put(`/api/v1/users/${target.id}/password`, { password: OTHER_PASSWORD })).status, 204);
      await expectOne(server, 'user.password_changed', { target: user(target.id) }, { actor, changes: ['password'] });
      const own = await server.client(basic(target.username, OTHER_PASSWORD)).put('/api/v1/users/me/password', { currentPassword: OTHER_PASSWORD, password: STRONG_PASSWORD });
      assert.equal(own.status, 204, own.text);
      await expectOne(server, 'user.password_changed', { target: user(target.id), request: own }, { actor: userActor(target) });

      const minted = await server.client(auth).post('/api/v1/users/me/tokens', { name: 'ci' });
      assert.equal(minted.status, 201, minted.text);
      const token = { type: 'token', id: minted.body.id };
      await expectOne(server, 'token.created', { target: token }, { actor: userActor(target), changes: [] });
      // Revoked with itself: a personal access token acts as `token`, for its user.
      const revoked = await server.client(`Token ${minted.body.secret}`).delete(`/api/v1/users/me/tokens/${token.id}`);
      assert.equal(revoked.status, 204, revoked.text);
      await expectOne(server, 'token.revoked', { target: token }, { actor: { ...userActor(target), type: 'token' }, changes: [] });
      expectProblem(await server.client(auth).delete(`/api/v1/users/me/tokens/${token.id}`), 404, 'token.not_found');
      assert.equal((await eventsWhere(server, `action eq "token.revoked" and target.id eq "${token.id}"`)).length, 1, 'a failed revocation writes none');
      await expectNowhere(server, STRONG_PASSWORD, OTHER_PASSWORD, minted.body.secret);
    });

    it('sessions: a login, a failed login, a failed Basic check, a lock and a logout', async () => {
      const { user: target } = await createLogin(server.admin, 'user');
      const login = await server.anon.post('/api/v1/sessions', { username: target.username, password: STRONG_PASSWORD });
      assert.equal(login.status, 200, login.text);
      await expectOne(server, 'session.created', { target: user(target.id) }, { actor: userActor(target) });

      const failed = await server.anon.post('/api/v1/sessions', { username: target.username, password: 'not-the-password' });
      expectProblem(failed, 401, 'auth.invalid_credentials');
      await expectOne(server, 'session.failed', { target: user(target.id), request: failed }, { actor: ANONYMOUS, outcome: 'failure' });
      const unknown = await server.anon.post('/api/v1/sessions', { username: uniqueName('nobody'), password: 'not-the-password' });
      expectProblem(unknown, 401, 'auth.invalid_credentials');
      await expectOne(server, 'session.failed', { target: null, request: unknown }, { actor: ANONYMOUS, outcome: 'failure' });

      const wrongBasic = await server.client(basic(target.username, 'not-the-password')).get('/api/v1/users/me');
      expectProblem(wrongBasic, 401, 'auth.unauthenticated');
      await expectOne(server, 'session.failed', { target: user(target.id), request: wrongBasic }, { actor: ANONYMOUS, outcome: 'failure' });
      const rightBasic = await server.client(basic(target.username, STRONG_PASSWORD)).get('/api/v1/users/me');
      assert.equal(rightBasic.status, 200);
      assert.deepEqual(await eventsWhere(server, `requestId eq "${rightBasic.headers.get('x-request-id')}"`), [], 'a Basic request that passes is no event');

      // The right password ended the count: five failures lock the name, once.
      for (let i = 0; i < 5; i++) {
        expectProblem(await server.anon.post('/api/v1/sessions', { username: target.username, password: 'still-not-it' }), 401, 'auth.invalid_credentials');
      }
      await expectOne(server, 'user.locked', { target: user(target.id) }, { actor: ANONYMOUS });
      expectProblem(await server.anon.post('/api/v1/sessions', { username: target.username, password: STRONG_PASSWORD }), 429, 'auth.too_many_attempts');
      assert.equal((await eventsWhere(server, `action eq "session.created" and target.id eq "${target.id}"`)).length, 1);

      const logout = await server.client(`Bearer ${login.body.accessToken}`).delete('/api/v1/sessions/current');
      assert.equal(logout.status, 204, logout.text);
      await expectOne(server, 'session.revoked', { target: user(target.id) }, { actor: userActor(target) });
      await expectNowhere(server, STRONG_PASSWORD, 'not-the-password', 'still-not-it', login.body.accessToken);
    });

    it('MFA: enabled, recovery codes regenerated, reset by an admin, disabled by oneself', async () => {
      const actor = await asAdmin();
      const { user: target } = await createLogin(server.admin, 'user');
      // A fresh session: it goes on after MFA is on, when Basic no longer does.
      const session = await server.anon.post('/api/v1/sessions', { username: target.username, password: STRONG_PASSWORD });
      const self = server.client(`Bearer ${session.body.accessToken}`);
      const { secret } = (await self.post('/api/v1/users/me/mfa/totp')).body;
      assert.equal((await eventsWhere(server, `target.id eq "${target.id}" and action sw "user.mfa"`)).length, 0, 'a pending enrolment is not MFA yet');
      assert.equal((await self.post('/api/v1/users/me/mfa/totp/verify', { code: codeNow(secret) })).status, 204);
      await expectOne(server, 'user.mfa_enabled', { target: user(target.id) }, { actor: userActor(target), changes: ['mfaEnabled'] });
      const codes = await self.post('/api/v1/users/me/mfa/recovery-codes');
      assert.equal(codes.status, 201, codes.text);
      await expectOne(server, 'user.recovery_codes_regenerated', { target: user(target.id) }, { actor: userActor(target) });
      const recovered = await server.anon.post('/api/v1/sessions', { username: target.username, password: STRONG_PASSWORD, totp: codes.body.codes[0] });
      assert.equal(recovered.status, 200, recovered.text);
      await expectOne(server, 'user.recovery_code_used', { target: user(target.id) }, { actor: ANONYMOUS });
      assert.equal((await server.admin.delete(`/api/v1/users/${target.id}/mfa`)).status, 204);
      await expectOne(server, 'user.mfa_reset', { target: user(target.id) }, { actor, changes: ['mfaEnabled'] });

      assert.equal((await server.admin.delete('/api/v1/users/me/mfa')).status, 204);
      await expectOne(server, 'user.mfa_disabled', { target: user(actor.id!) }, { actor });
      await expectNowhere(server, secret, ...codes.body.codes);
    });

    it('lifecycle: invited again, activated, a reset requested, an address verified; one password event each time', async () => {
      const actor = await asAdmin();
      const email = uniqueEmail(uniqueName('life'));
      const invitee = await createUser(server.admin, { email });
      await drain(server);
      const resent = await server.admin.post(`/api/v1/users/${invitee.id}/invitation`);
      assert.equal(resent.status, 202, resent.text);
      await expectOne(server, 'user.invited', { target: user(invitee.id) }, { actor });
      await drain(server);
      await sink.waitFor(() => sink.to(email).length === 2);
      const activated = await server.anon.post('/api/v1/activations', { token: sink.to(email)[1].token, password: OTHER_PASSWORD });
      assert.equal(activated.status, 200, activated.text);
      await expectOne(server, 'user.activated', { target: user(invitee.id) }, { actor: ANONYMOUS });
      await expectOne(server, 'user.password_changed', { target: user(invitee.id) }, { actor: ANONYMOUS });

      const requested = await server.anon.post('/api/v1/password-resets', { email });
      assert.equal(requested.status, 202, requested.text);
      await expectOne(server, 'user.password_reset_requested', { target: user(invitee.id) }, { actor: ANONYMOUS });
      const nobody = await server.anon.post('/api/v1/password-resets', { email: uniqueEmail(uniqueName('nobody')) });
      await expectOne(server, 'user.password_reset_requested', { target: null, request: nobody }, { actor: ANONYMOUS });
      await drain(server);
      const reset = await sink.waitFor((m) => m.to.includes(email) && m.subject !== sink.to(email)[0].subject);
      const confirmed = await server.anon.post('/api/v1/password-resets/confirm', { token: reset.token, password: STRONG_PASSWORD });
      assert.equal(confirmed.status, 204, confirmed.text);
      await expectOne(server, 'user.password_changed', { target: user(invitee.id), request: confirmed }, { actor: ANONYMOUS });
      assert.equal((await eventsWhere(server, `action eq "user.password_changed" and target.id eq "${invitee.id}"`)).length, 2);

      const moved = uniqueEmail(uniqueName('moved'));
      assert.equal((await server.admin.patch(`/api/v1/users/${invitee.id}`, { email: moved })).status, 200);
      await drain(server);
      const verification = await sink.waitFor((m) => m.to.includes(moved));
      assert.equal((await server.anon.post('/api/v1/email-verifications', { token: verification.token })).status, 204);
      await expectOne(server, 'user.email_verified', { target: user(invitee.id) }, { actor: ANONYMOUS, changes: ['emailVerified'] });
      await expectNowhere(server, STRONG_PASSWORD, OTHER_PASSWORD, reset.token!, verification.token!);
    });

    it('imports and exports: started and finished, dry runs too, the hashes named when they go out', async () => {
      const actor = await asAdmin();
      const groupName = uniqueName('imported-group');
      for (const query of ['', '?dryRun=true']) {
        const body = `${JSON.stringify({ username: uniqueName('imported'), password: STRONG_PASSWORD, groups: [groupName] })}\n`;
        const res = await server.admin.post(`/api/v1/users/import${query}`, body, { contentType: 'application/x-ndjson' });
        assert.equal(res.status, 202, res.text);
        const job = { type: 'job', id: res.body.id };
        await expectOne(server, 'import.started', { target: job }, { actor, changes: [] });
        await expectOne(server, 'import.finished', { target: job }, { actor, changes: [] });
      }
      // The group the first import made is recorded as made; the dry run made nothing.
      const group = (await server.admin.get(`/api/v1/groups?filter=${encodeURIComponent(`name eq "${groupName}"`)}`)).body.items[0];
      await expectOne(server, 'group.created', { target: { type: 'group', id: group.id } }, { actor });
      for (const includeHashes of [false, true]) {
        const res = await server.admin.get(`/api/v1/users/export?includeHashes=${includeHashes}`);
        assert.equal(res.status, 200, res.text);
        await expectOne(server, 'export.started', { target: null, request: res }, { actor, changes: includeHashes ? ['passwordHash'] : [] });
      }
      await expectNowhere(server, STRONG_PASSWORD, '$argon2');
    });

    it('backups: created by the operator, restored into an unprovisioned service; provisioning', async () => {
      const { user: operator, auth } = await createLogin(server.admin, 'backup');
      const download = await fetch(`${server.url}/api/v1/system/backup`, { headers: { authorization: auth, 'x-backup-passphrase': PASSPHRASE } });
      assert.equal(download.status, 200);
      const archive = Buffer.from(await download.arrayBuffer());
      const created = await eventsWhere(server, `action eq "backup.created" and actor.id eq "${operator.id}"`);
      assert.equal(created.length, 1, JSON.stringify(created));
      assert.deepEqual({ actor: created[0].actor, outcome: created[0].outcome, type: created[0].target.type }, { actor: userActor(operator), outcome: 'success', type: 'job' });

      await withServer(backend, { provision: false }, async (empty) => {
        const res = await fetch(`${empty.url}/api/v1/system/restore`, {
          method: 'POST',
          headers: { 'content-type': 'application/octet-stream', 'x-backup-passphrase': PASSPHRASE },
          body: archive,
        });
        assert.equal(res.status, 200, await res.text());
        // The restore brought the archive's events back; its own came after, and survived.
        const restored = await eventsWhere(empty, 'action eq "backup.restored"');
        assert.equal(restored.length, 1, JSON.stringify(restored));
        assert.deepEqual({ actor: restored[0].actor, outcome: restored[0].outcome, type: restored[0].target.type }, { actor: ANONYMOUS, outcome: 'success', type: 'job' });
        assert.equal((await eventsWhere(empty, `action eq "backup.created" and actor.id eq "${operator.id}"`)).length, 0, 'taken after the snapshot');
      });

      await withServer(backend, { provision: false }, async (fresh) => {
        const res = await fresh.anon.post('/api/v1/system/provision', { username: ADMIN.username, password: ADMIN.password });
        assert.equal(res.status, 201, res.text);
        await expectOne(fresh, 'system.provisioned', { target: user(res.body.id) }, { actor: ANONYMOUS });
        await expectNowhere(fresh, ADMIN.password);
      });
    });
  });
}
