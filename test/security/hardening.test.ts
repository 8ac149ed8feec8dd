// Regression tests for the review fixes: upper-cased own ids, U+0000 input, forged cursors and
// year-0 filters, managers and superusers' credentials, lockout under concurrent guesses, MFA
// users' failure count, password-reset flooding, reset links after an admin sets the password,
// return=minimal on GET, and finished jobs dropping their payload.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Secret, TOTP } from 'otpauth';
import { backends } from '../support/backends.ts';
import { withServer, type TestServer } from '../support/server.ts';
import { Clock } from '../support/clock.ts';
import { basic, expectProblem } from '../support/client.ts';
import { createLogin, createUser, uniqueName, STRONG_PASSWORD } from '../support/factories.ts';
import { withMailServer } from '../support/smtp.ts';

const STEP_MS = 30_000;
const OTHER_PASSWORD = 'walnut-glacier-trombone-58';
const MERGE_PATCH = 'application/merge-patch+json';

function codeAt(secret: string, at: Date): string {
  return new TOTP({ secret: Secret.fromBase32(secret) }).generate({ timestamp: at.getTime() });
}

/** A six-digit code valid at none of the steps the server accepts around `at`. */
function wrongCodeAt(secret: string, at: Date): string {
  const valid = new Set([-1, 0, 1].map((d) => codeAt(secret, new Date(at.getTime() + d * STEP_MS))));
  let code = '000000';
  for (let n = 0; valid.has(code); n++) code = String(n).padStart(6, '0');
  return code;
}

const email = (name: string) => `${name}@example.com`;

async function drain(server: TestServer): Promise<void> {
  for (let pass = 0; pass < 20; pass++) if ((await server.app.queue.runDue()) === 0) return;
  throw new Error('the queue never ran dry');
}

for (const backend of backends()) {
  describe(`hardening (${backend})`, () => {
    const clock = new Clock('2031-05-01T08:00:10.000Z');
    const server = withServer(backend, { now: clock.now });

    it('an upper-cased own id still meets the self-delete and last-admin rules', async () => {
      const me = await server.admin.get('/api/v1/users/me');
      assert.equal(me.status, 200, me.text);
      const upper = String(me.body.id).toUpperCase();
      assert.notEqual(upper, me.body.id, 'the id has letters to upper-case');
      expectProblem(await server.admin.delete(`/api/v1/users/${upper}`), 403, 'user.self_delete');
      const demote = await server.admin.patch(`/api/v1/users/${upper}`, { role: 'user' }, { contentType: MERGE_PATCH });
      expectProblem(demote, 409, 'user.last_admin');
      const after = await server.admin.get('/api/v1/users/me');
      assert.equal(after.body.role, 'admin');
      assert.equal(after.body.status, 'active');
    });

    it('U+0000 in body, keys, query, Basic and login is a 400 (401 for Basic), never a 500, and logs no hash', async () => {
      const name = await server.admin.post('/api/v1/users', { username: uniqueName('nul'), name: 'a\u0000b' });
      const body = expectProblem(name, 400, 'request.invalid');
      assert.equal(body.errors[0].pointer, '/name');
      assert.equal(body.errors[0].code, 'invalid_character');

      const key = await server.admin.post('/api/v1/users', { username: uniqueName('nul'), attributes: { 'te\u0000am': 'x' } });
      const keyBody = expectProblem(key, 400, 'request.invalid');
      assert.equal(keyBody.errors[0].pointer, '/attributes/te\u0000am');
      assert.equal(keyBody.errors[0].code, 'invalid_character');

      const query = await server.admin.get('/api/v1/users?q=%00');
      const queryBody = expectProblem(query, 400, 'request.invalid');
      assert.equal(queryBody.errors[0].parameter, 'q');
      assert.equal(queryBody.errors[0].code, 'invalid_character');

      const basicNul = await server.client(basic('adm\u0000in', 'whatever')).get('/api/v1/users/me');
      expectProblem(basicNul, 401, 'auth.unauthenticated');
      assert.ok(basicNul.headers.get('www-authenticate'), 'a 401 names its schemes');

      const login = await server.anon.post('/api/v1/sessions', { username: '\u0000', password: STRONG_PASSWORD });
      const loginBody = expectProblem(login, 400, 'request.invalid');
      assert.equal(loginBody.errors[0].code, 'invalid_character');

      const logs = server.logs.join('');
      assert.ok(!logs.includes('$argon2'), 'no password hash reached the log');
      assert.ok(!/"statusCode":500/.test(logs), 'no request failed with a 500');
    });

    it('a forged cursor and a year-0 timestamp filter are 400s', async () => {
      const cursor = Buffer.from(JSON.stringify({ after: '000000000000000000000000000000000000' })).toString('base64url');
      const forged = await server.admin.get(`/api/v1/users?limit=2&cursor=${encodeURIComponent(cursor)}`);
      const body = expectProblem(forged, 400, 'request.invalid_cursor');
      assert.deepEqual(body.errors.map((e: any) => e.parameter), ['cursor']);

      const year0 = await server.admin.get(`/api/v1/users?filter=${encodeURIComponent('createdAt gt "0000-01-01"')}`);
      expectProblem(year0, 400, 'filter.invalid');
    });

    it("a manager cannot mint tokens for, set the password of, or reset the MFA of a superuser group's user", async () => {
      const manager = server.client((await createLogin(server.admin, 'manager')).auth);
      const { user } = await createLogin(server.admin, 'user');
      const group = await server.admin.post('/api/v1/groups', { name: uniqueName('su'), isSuperuser: true });
      assert.equal(group.status, 201, group.text);
      const member = await server.admin.put(`/api/v1/groups/${group.body.id}/members/${user.id}`);
      assert.ok(member.status === 200 || member.status === 204, member.text);
      const target = await server.admin.get(`/api/v1/users/${user.id}`);
      assert.equal(target.body.role, 'user');
      assert.equal(target.body.isSuperuser, true);

      expectProblem(await manager.post(`/api/v1/users/${user.id}/tokens`, { name: 'escalate' }), 403, 'user.admin_protected');
      expectProblem(await manager.put(`/api/v1/users/${user.id}/password`, { password: OTHER_PASSWORD }), 403, 'user.admin_protected');
      expectProblem(await manager.delete(`/api/v1/users/${user.id}/mfa`), 403, 'user.admin_protected');

      // Nothing changed: the old password still works and no token was made.
      assert.equal((await server.client(basic(user.username, STRONG_PASSWORD)).get('/api/v1/users/me')).status, 200);
      const tokens = await server.admin.get(`/api/v1/users/${user.id}/tokens`);
      assert.equal(tokens.status, 200, tokens.text);
      assert.deepEqual(tokens.body.items, []);
    });

    it('a burst of 20 concurrent wrong Basic passwords gets at most 5 checks, then the account is locked', async () => {
      const { user } = await createLogin(server.admin, 'user');
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) => server.client(basic(user.username, `wrong-password-${i}`)).get('/api/v1/users/me')),
      );
      const statuses = results.map((r) => r.status);
      for (const res of results) {
        if (res.status === 401) expectProblem(res, 401, 'auth.unauthenticated');
        else expectProblem(res, 429, 'auth.too_many_attempts');
      }
      const unauthorized = statuses.filter((s) => s === 401).length;
      assert.ok(unauthorized >= 1 && unauthorized <= 5, `${unauthorized} guesses were checked: ${statuses.join(',')}`);

      const right = await server.client(basic(user.username, STRONG_PASSWORD)).get('/api/v1/users/me');
      expectProblem(right, 429, 'auth.too_many_attempts');
      assert.match(right.headers.get('retry-after') ?? '', /^[1-9]\d*$/);
    });

    it('10 concurrent first requests with the right Basic credential all succeed', async () => {
      const { user, auth } = await createLogin(server.admin, 'user');
      const results = await Promise.all(Array.from({ length: 10 }, () => server.client(auth).get('/api/v1/users/me')));
      assert.deepEqual(
        results.map((r) => r.status),
        Array(10).fill(200),
        results.map((r) => r.text).join('\n'),
      );
      for (const res of results) assert.equal(res.body.id, user.id);
    });

    it("a Basic request with an MFA user's right password does not reset the TOTP failure count", async () => {
      const { user, auth } = await createLogin(server.admin, 'user');
      const enrol = await server.client(auth).post('/api/v1/users/me/mfa/totp');
      assert.equal(enrol.status, 201, enrol.text);
      const secret: string = enrol.body.secret;
      const verify = await server.client(auth).post('/api/v1/users/me/mfa/totp/verify', { code: codeAt(secret, clock.now()) });
      assert.equal(verify.status, 204, verify.text);
      clock.advanceMs(STEP_MS);

      const login = (totp: string) => server.anon.post('/api/v1/sessions', { username: user.username, password: STRONG_PASSWORD, totp });
      for (let i = 0; i < 4; i++) expectProblem(await login(wrongCodeAt(secret, clock.now())), 401, 'auth.mfa_invalid');
      expectProblem(await server.client(auth).get('/api/v1/users/me'), 401, 'auth.unauthenticated');
      expectProblem(await login(wrongCodeAt(secret, clock.now())), 401, 'auth.mfa_invalid'); // the 5th failure locks
      const locked = await login(codeAt(secret, clock.now()));
      expectProblem(locked, 429, 'auth.too_many_attempts');
      assert.match(locked.headers.get('retry-after') ?? '', /^[1-9]\d*$/);

      // The lock is temporary (API.md: 30 s for a first lock).
      clock.advanceMs(2 * STEP_MS);
      const later = await login(codeAt(secret, clock.now()));
      assert.equal(later.status, 200, later.text);
      assert.equal(typeof later.body.accessToken, 'string');
    });

    it("an MFA user's right password over Basic never locks the account for good", async () => {
      // Enrolled through a session, so the Basic credential was never verified (not cached).
      const { user, auth } = await createLogin(server.admin, 'user');
      const session = await server.anon.post('/api/v1/sessions', { username: user.username, password: STRONG_PASSWORD });
      assert.equal(session.status, 200, session.text);
      const bearer = server.client(`Bearer ${session.body.accessToken}`);
      const secret: string = (await bearer.post('/api/v1/users/me/mfa/totp')).body.secret;
      assert.equal((await bearer.post('/api/v1/users/me/mfa/totp/verify', { code: codeAt(secret, clock.now()) })).status, 204);
      clock.advanceMs(STEP_MS);

      for (let i = 0; i < 5; i++) expectProblem(await server.client(auth).get('/api/v1/users/me'), 401, 'auth.unauthenticated');
      // Whatever those refusals count as, any lock they cause expires (API.md: at most 15 min).
      clock.advanceMs(20 * 60_000);
      const login = await server.anon.post('/api/v1/sessions', { username: user.username, password: STRONG_PASSWORD, totp: codeAt(secret, clock.now()) });
      assert.equal(login.status, 200, login.text);
    });

    it('Prefer: return=minimal on GET answers 200 with the body', async () => {
      const user = await createUser(server.admin, { name: 'Minimal Mo' });
      const res = await server.admin.get(`/api/v1/users/${user.id}`, { headers: { prefer: 'return=minimal' } });
      assert.equal(res.status, 200, res.text);
      assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
      assert.equal(res.body.id, user.id);
      assert.equal(res.body.username, user.username);
      assert.equal(res.body.name, 'Minimal Mo');
      assert.ok(res.headers.get('etag'));
      assert.equal(res.headers.get('preference-applied'), null);
    });
  });

  describe(`password-reset limit per client (${backend})`, () => {
    const server = withServer(backend, {
      worker: false,
      ipLimits: { sessionsPerWindow: 3, basicFailuresPerWindow: 10_000, windowMs: 60_000 },
    });

    it('the 4th reset request from one client in a window is a 429 with Retry-After', async () => {
      for (let i = 0; i < 3; i++) {
        const res = await server.anon.post('/api/v1/password-resets', { email: email(uniqueName('flood')) });
        assert.equal(res.status, 202, res.text);
      }
      const fourth = await server.anon.post('/api/v1/password-resets', { email: email(uniqueName('flood')) });
      expectProblem(fourth, 429, 'auth.too_many_attempts');
      assert.match(fourth.headers.get('retry-after') ?? '', /^[1-9]\d*$/);
    });
  });

  describe(`password reset and job hardening (${backend})`, () => {
    const sink = withMailServer();
    const server = withServer(backend, () => ({
      smtpUrl: sink.url,
      publicUrl: 'http://roster.test',
      worker: false,
      ipLimits: { sessionsPerWindow: 10_000, basicFailuresPerWindow: 10_000, windowMs: 60_000 },
    }));

    it('one mailbox gets at most 5 reset mails, though every request answers 202', async () => {
      const address = email(uniqueName('mailbox'));
      await createLogin(server.admin, 'user', { email: address });
      await drain(server);
      const before = sink.to(address).length;
      for (let i = 0; i < 6; i++) {
        const res = await server.anon.post('/api/v1/password-resets', { email: address });
        assert.equal(res.status, 202, res.text);
        assert.deepEqual(res.body, { status: 'accepted' });
      }
      await drain(server);
      const mails = sink.to(address).slice(before);
      assert.equal(mails.length, 5, mails.map((m) => m.subject).join(', '));
      for (const mail of mails) assert.equal(mail.subject, 'Reset your Roster password');
    });

    it('a reset link dies when an admin sets the password', async () => {
      const address = email(uniqueName('reset'));
      const { user } = await createLogin(server.admin, 'user', { email: address });
      await drain(server);
      const before = sink.to(address).length;
      assert.equal((await server.anon.post('/api/v1/password-resets', { email: address })).status, 202);
      await drain(server);
      const mail = sink.to(address)[before];
      assert.ok(mail?.token, 'a reset mail with a token arrived');

      const set = await server.admin.put(`/api/v1/users/${user.id}/password`, { password: OTHER_PASSWORD });
      assert.equal(set.status, 204, set.text);
      const confirm = await server.anon.post('/api/v1/password-resets/confirm', { token: mail.token, password: STRONG_PASSWORD });
      const body = expectProblem(confirm, 400, 'token.invalid');
      assert.ok(!confirm.text.includes(user.id));
      assert.deepEqual(body.errors?.map((e: any) => e.pointer), ['/token']);
      // The admin's password stands.
      assert.equal((await server.client(basic(user.username, OTHER_PASSWORD)).get('/api/v1/users/me')).status, 200);
    });

    it('a finished user.finish_create job keeps no payload', async () => {
      const username = uniqueName('async');
      const res = await server.admin.post('/api/v1/users', { username, password: STRONG_PASSWORD }, { headers: { prefer: 'respond-async' } });
      assert.equal(res.status, 202, res.text);
      const jobOf = async () => {
        const rows = await server.store.db.selectFrom('jobs').selectAll().execute();
        const mine = rows.filter((r) => r.kind === 'user.finish_create' && JSON.stringify(r.payload).includes(res.body.id));
        return { rows, mine };
      };
      const pending = await jobOf();
      assert.equal(pending.mine.length, 1, 'the job carries the new user while pending');
      const jobId = pending.mine[0].id;
      assert.notDeepEqual(pending.mine[0].payload, {});

      await drain(server);
      const rows = (await server.store.db.selectFrom('jobs').selectAll().where('id', '=', jobId).execute());
      assert.equal(rows.length, 1);
      assert.equal(rows[0].kind, 'user.finish_create');
      assert.equal(rows[0].status, 'done');
      assert.deepEqual(rows[0].payload, {});
      const created = await server.admin.get(`/api/v1/users/${res.body.id}`);
      assert.equal(created.body.status, 'active');
    });
  });
}
