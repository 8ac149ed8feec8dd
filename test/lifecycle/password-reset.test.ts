// Password reset: POST /password-resets always answers the same 202 and mails only an active
// user; POST /password-resets/confirm sets the password, ends every session and the lockout.
// The job worker is off: the tests drain the queue themselves, so "no mail" is certain.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { backends } from '../support/backends.ts';
import { withServer } from '../support/server.ts';
import { basic, expectProblem } from '../support/client.ts';
import { createLogin, createUser, uniqueName, STRONG_PASSWORD } from '../support/factories.ts';
import { withMailServer, type ReceivedMail } from '../support/smtp.ts';
import { OTHER_PASSWORD, TOKEN_SHAPE, WEAK_PASSWORD, drain, expectTokenProblem, uniqueEmail } from './helpers.ts';
import { Clock } from '../support/clock.ts';

const PUBLIC_URL = 'http://roster.test';

for (const backend of backends()) {
  describe(`password reset (${backend})`, () => {
    const sink = withMailServer();
    const clock = new Clock();
    const server = withServer(backend, () => ({ smtpUrl: sink.url, publicUrl: PUBLIC_URL, worker: false, now: clock.now }));

    /** An active user with an email and STRONG_PASSWORD. */
    async function activeUser(fields: Record<string, unknown> = {}) {
      const email = uniqueEmail(uniqueName('reset'));
      return (await createLogin(server.admin, 'user', { email, ...fields })).user;
    }

    const request = (email: string) => server.anon.post('/api/v1/password-resets', { email });
    const confirm = (token: string | undefined, password: string) => server.anon.post('/api/v1/password-resets/confirm', { token, password });
    const me = (username: string, password: string) => server.client(basic(username, password)).get('/api/v1/users/me');

    async function resetMail(email: string): Promise<ReceivedMail> {
      const res = await request(email);
      assert.equal(res.status, 202, res.text);
      await drain(server);
      return sink.waitFor((m) => m.to.includes(email.toLowerCase()) && !seen.has(m.token));
    }
    const seen = new Set<string | undefined>();
    const fresh = (mail: ReceivedMail) => (seen.add(mail.token), mail);

    it('answers the same 202 for an active, an unknown, a disabled and an invited address; only the active one gets mail', async () => {
      const active = await activeUser();
      const disabled = await activeUser();
      assert.equal((await server.admin.patch(`/api/v1/users/${disabled.id}`, { status: 'disabled' })).status, 200);
      const invited = await createUser(server.admin, { email: uniqueEmail(uniqueName('inv')) });
      await drain(server); // the invitation goes out now, not among the reset mails below
      const unknown = uniqueEmail(uniqueName('nobody'));
      const before = sink.mails.length;

      const answers = [];
      for (const email of [active.email, unknown, disabled.email, invited.email]) {
        const res = await request(email);
        assert.equal(res.status, 202, res.text);
        assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
        answers.push(res);
      }
      for (const res of answers.slice(1)) {
        assert.equal(res.text, answers[0].text, 'the bodies are identical');
        assert.equal(res.headers.get('content-length'), answers[0].headers.get('content-length'));
      }
      assert.deepEqual(answers[0].body, { status: 'accepted' });

      assert.equal(await drain(server), 4, 'every request queued a job, so none answers faster');
      const arrived = sink.mails.slice(before);
      assert.deepEqual(arrived.map((m) => m.to), [active.email]);
      const mail = fresh(arrived[0]);
      assert.equal(mail.subject, 'Reset your Roster password');
      assert.ok(mail.link?.startsWith(`${PUBLIC_URL}/reset-password?token=`), mail.link);
      assert.match(mail.token ?? '', TOKEN_SHAPE);
      assert.ok(mail.text.includes(mail.link!));
      assert.ok(mail.html.includes(`href="${mail.link}"`));
    });

    it('the address is matched case-insensitively', async () => {
      const user = await activeUser();
      const mail = fresh(await resetMail(user.email.toUpperCase()));
      assert.equal(mail.to, user.email);
    });

    it('confirm → 204: the old password fails, the new one works, the token is single-use', async () => {
      const user = await activeUser();
      const mail = fresh(await resetMail(user.email));
      assert.equal((await me(user.username, STRONG_PASSWORD)).status, 200, 'verified (and remembered) before the reset');

      const res = await confirm(mail.token, OTHER_PASSWORD);
      assert.equal(res.status, 204, res.text);
      assert.equal(res.text, '');
      expectProblem(await me(user.username, STRONG_PASSWORD), 401, 'auth.unauthenticated');
      const ok = await me(user.username, OTHER_PASSWORD);
      assert.equal(ok.status, 200, ok.text);
      assert.equal(ok.body.id, user.id);

      expectTokenProblem(await confirm(mail.token, 'another-fine-passphrase-77'), 410, 'token.used', user);
      assert.equal((await me(user.username, OTHER_PASSWORD)).status, 200, 'the refused second use changed nothing');
    });

    it('confirm ends every session (JWT) of the user, and new logins work', async () => {
      const user = await activeUser();
      const jwts = [];
      for (let i = 0; i < 2; i++) {
        const login = await server.anon.post('/api/v1/sessions', { username: user.username, password: STRONG_PASSWORD });
        assert.equal(login.status, 200, login.text);
        jwts.push(server.client(`Bearer ${login.body.accessToken}`));
      }
      for (const jwt of jwts) assert.equal((await jwt.get('/api/v1/users/me')).status, 200);
      const { user: other } = await createLogin(server.admin, 'user');
      const otherLogin = await server.anon.post('/api/v1/sessions', { username: other.username, password: STRONG_PASSWORD });

      const mail = fresh(await resetMail(user.email));
      assert.equal((await confirm(mail.token, OTHER_PASSWORD)).status, 204);
      for (const jwt of jwts) expectProblem(await jwt.get('/api/v1/users/me'), 401, 'auth.unauthenticated');
      // Another user's session is untouched.
      assert.equal((await server.client(`Bearer ${otherLogin.body.accessToken}`).get('/api/v1/users/me')).status, 200);

      const again = await server.anon.post('/api/v1/sessions', { username: user.username, password: OTHER_PASSWORD });
      assert.equal(again.status, 200, again.text);
      assert.equal((await server.client(`Bearer ${again.body.accessToken}`).get('/api/v1/users/me')).body.id, user.id);
    });

    it('confirm resets the lockout: a locked account logs in at once with the new password', async () => {
      const user = await activeUser();
      for (let i = 0; i < 5; i++) expectProblem(await me(user.username, 'wrong-guess-every-time-1'), 401, 'auth.unauthenticated');
      expectProblem(await me(user.username, STRONG_PASSWORD), 429, 'auth.too_many_attempts');

      const mail = fresh(await resetMail(user.email));
      assert.equal((await confirm(mail.token, OTHER_PASSWORD)).status, 204);
      const res = await me(user.username, OTHER_PASSWORD);
      assert.equal(res.status, 200, res.text);
      const login = await server.anon.post('/api/v1/sessions', { username: user.username, password: OTHER_PASSWORD });
      assert.equal(login.status, 200, login.text);
    });

    it('concurrent confirms with one token: exactly one 204, the others 410 token.used', async () => {
      const user = await activeUser();
      const mail = fresh(await resetMail(user.email));
      const passwords = Array.from({ length: 5 }, (_, i) => `${OTHER_PASSWORD}-${i}`);
      const results = await Promise.all(passwords.map((password) => confirm(mail.token, password)));
      const winners = results.flatMap((res, i) => (res.status === 204 ? [passwords[i]] : []));
      assert.equal(winners.length, 1, results.map((r) => `${r.status} ${r.text}`).join('\n'));
      for (const res of results.filter((r) => r.status !== 204)) expectTokenProblem(res, 410, 'token.used', user);
      assert.equal((await me(user.username, winners[0])).status, 200);
    });

    it('a weak password answers 400 password.weak and the token still works', async () => {
      const user = await activeUser();
      const mail = fresh(await resetMail(user.email));
      const weak = expectProblem(await confirm(mail.token, WEAK_PASSWORD), 400, 'password.weak');
      assert.deepEqual(weak.errors.map((e: any) => e.pointer), ['/password']);
      assert.equal((await me(user.username, STRONG_PASSWORD)).status, 200, 'the password is unchanged');
      assert.equal((await confirm(mail.token, OTHER_PASSWORD)).status, 204);
      assert.equal((await me(user.username, OTHER_PASSWORD)).status, 200);
    });

    it('unknown tokens and tokens of another purpose answer 400 token.invalid', async () => {
      const user = await activeUser();
      const mail = fresh(await resetMail(user.email));
      expectTokenProblem(await confirm('A'.repeat(43), OTHER_PASSWORD), 400, 'token.invalid', user);

      const invited = await createUser(server.admin, { email: uniqueEmail(uniqueName('inv')) });
      await drain(server);
      const activation = await sink.waitFor((m) => m.to.includes(invited.email));
      expectTokenProblem(await confirm(activation.token, OTHER_PASSWORD), 400, 'token.invalid', invited);
      // …and a reset token does not activate.
      expectTokenProblem(await server.anon.post('/api/v1/activations', { token: mail.token, password: OTHER_PASSWORD }), 400, 'token.invalid', user);
      assert.equal((await confirm(mail.token, OTHER_PASSWORD)).status, 204);
    });

    it('a reset token expires after an hour (the default): 410 token.expired', async () => {
      const user = await activeUser();
      const mail = fresh(await resetMail(user.email));
      assert.match(mail.text, /expires in 1 hours?\./);
      clock.advance(3599);
      expectProblem(await confirm(mail.token, WEAK_PASSWORD), 400, 'password.weak');
      clock.advance(1);
      expectTokenProblem(await confirm(mail.token, OTHER_PASSWORD), 410, 'token.expired', user);
      assert.equal((await me(user.username, STRONG_PASSWORD)).status, 200);
    });

    it('a newer reset mail makes the older token invalid', async () => {
      const user = await activeUser();
      const first = fresh(await resetMail(user.email));
      const second = fresh(await resetMail(user.email));
      assert.notEqual(first.token, second.token);
      expectTokenProblem(await confirm(first.token, OTHER_PASSWORD), 400, 'token.invalid', user);
      assert.equal((await confirm(second.token, OTHER_PASSWORD)).status, 204);
    });

    it('a user disabled after the mail cannot use it: 409 user.not_active', async () => {
      const user = await activeUser();
      const mail = fresh(await resetMail(user.email));
      assert.equal((await server.admin.patch(`/api/v1/users/${user.id}`, { status: 'disabled' })).status, 200);
      expectProblem(await confirm(mail.token, OTHER_PASSWORD), 409, 'user.not_active');
      assert.equal((await server.admin.patch(`/api/v1/users/${user.id}`, { status: 'active' })).status, 200);
      assert.equal((await me(user.username, STRONG_PASSWORD)).status, 200, 'the password did not change');
    });

    it('the request body is validated: a missing or malformed email answers 400', async () => {
      expectProblem(await server.anon.post('/api/v1/password-resets', {}), 400, 'request.invalid');
      expectProblem(await request('not-an-address'), 400, 'request.invalid');
      expectProblem(await server.anon.post('/api/v1/password-resets/confirm', { token: 'x' }), 400, 'request.invalid');
    });
  });
}
