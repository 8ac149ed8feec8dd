// Invitations: a user created with an email and no password is invited and gets an activation
// mail over SMTP; POST /activations consumes its single-use token; resending replaces the token.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { backends } from '../support/backends.ts';
import { withServer } from '../support/server.ts';
import { basic, expectProblem } from '../support/client.ts';
import { createLogin, createUser, uniqueName, STRONG_PASSWORD } from '../support/factories.ts';
import { withMailServer, type ReceivedMail } from '../support/smtp.ts';
import { OTHER_PASSWORD, TOKEN_SHAPE, WEAK_PASSWORD, expectTokenProblem, listJobs, uniqueEmail } from './helpers.ts';
import { Clock } from '../support/clock.ts';

const PUBLIC_URL = 'http://roster.test';

for (const backend of backends()) {
  describe(`invitations (${backend})`, () => {
    const sink = withMailServer();
    const server = withServer(backend, () => ({ smtpUrl: sink.url, publicUrl: PUBLIC_URL }));

    async function invite(fields: Record<string, unknown> = {}): Promise<{ user: any; mail: ReceivedMail }> {
      const username = uniqueName('invitee');
      const email = uniqueEmail(username);
      const user = await createUser(server.admin, { username, email, ...fields });
      const mail = await sink.waitFor((m) => m.to.includes(email));
      return { user, mail };
    }

    const activate = (token: string | undefined, password: string) => server.anon.post('/api/v1/activations', { token, password });

    it('a user created with an email and no password is invited and mailed an activation link', async () => {
      const { user, mail } = await invite({ name: 'Ada Lovelace' });
      assert.equal(user.status, 'invited');
      assert.equal(user.emailVerified, false);
      assert.equal(mail.to, user.email);
      assert.match(mail.from, /^"?Roster"? <no-reply@localhost>$/);
      assert.equal(mail.subject, 'You are invited to Roster');
      assert.ok(mail.link?.startsWith(`${PUBLIC_URL}/activate?token=`), mail.link);
      assert.match(mail.token ?? '', TOKEN_SHAPE);
      assert.ok(mail.text.includes('Hello Ada Lovelace'), mail.text);
      assert.ok(mail.text.includes(mail.link!), 'the text body carries the link');
      assert.ok(mail.text.includes('expires in 168 hours'), 'the default lifetime is 7 days');
      assert.ok(mail.html.includes(`href="${mail.link}"`), mail.html);
      assert.ok(mail.html.includes('Hello Ada Lovelace'), mail.html);
      assert.equal(sink.to(user.email).length, 1);
    });

    it('the mail speaks German for locale de-DE and falls back to English for fr', async () => {
      const german = await invite({ locale: 'de-DE', name: 'Grete' });
      assert.equal(german.mail.subject, 'Ihre Einladung zu Roster');
      assert.ok(german.mail.text.includes('Hallo Grete'), german.mail.text);
      assert.ok(german.mail.html.includes('Hallo Grete'), german.mail.html);
      assert.ok(german.mail.link?.startsWith(`${PUBLIC_URL}/activate?token=`));

      const french = await invite({ locale: 'fr', name: 'Jeanne' });
      assert.equal(french.mail.subject, 'You are invited to Roster');
      assert.ok(french.mail.text.includes('Hello Jeanne'), french.mail.text);
    });

    it('POST /activations sets the password and answers the active, verified user; Basic then works', async () => {
      const { user, mail } = await invite();
      const res = await activate(mail.token, OTHER_PASSWORD);
      assert.equal(res.status, 200, res.text);
      assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
      assert.equal(res.body.id, user.id);
      assert.equal(res.body.username, user.username);
      assert.equal(res.body.status, 'active');
      assert.equal(res.body.emailVerified, true);
      assert.equal(res.body.password, undefined);
      const fetched = await server.admin.get(`/api/v1/users/${user.id}`);
      assert.equal(fetched.body.status, 'active');
      assert.equal(fetched.body.emailVerified, true);
      assert.ok(res.headers.get('etag'), 'an ETag');
      assert.equal(res.headers.get('etag'), fetched.headers.get('etag'));

      const me = await server.client(basic(user.username, OTHER_PASSWORD)).get('/api/v1/users/me');
      assert.equal(me.status, 200, me.text);
      assert.equal(me.body.id, user.id);
    });

    it('a token works once: the second use answers 410 token.used without naming the user', async () => {
      const { user, mail } = await invite();
      assert.equal((await activate(mail.token, OTHER_PASSWORD)).status, 200);
      expectTokenProblem(await activate(mail.token, STRONG_PASSWORD), 410, 'token.used', user);
      // The first password stays.
      assert.equal((await server.client(basic(user.username, OTHER_PASSWORD)).get('/api/v1/users/me')).status, 200);
      expectProblem(await server.client(basic(user.username, STRONG_PASSWORD)).get('/api/v1/users/me'), 401, 'auth.unauthenticated');
    });

    it('concurrent activations with one token: exactly one wins, the others answer 410 token.used', async () => {
      const { user, mail } = await invite();
      const passwords = Array.from({ length: 5 }, (_, i) => `${OTHER_PASSWORD}-${i}`);
      const results = await Promise.all(passwords.map((password) => activate(mail.token, password)));
      const winners = results.flatMap((res, i) => (res.status === 200 ? [passwords[i]] : []));
      assert.equal(winners.length, 1, results.map((r) => `${r.status} ${r.text}`).join('\n'));
      for (const res of results.filter((r) => r.status !== 200)) expectTokenProblem(res, 410, 'token.used', user);
      for (const password of passwords) {
        const res = await server.client(basic(user.username, password)).get('/api/v1/users/me');
        assert.equal(res.status, password === winners[0] ? 200 : 401, `${password}: ${res.text}`);
      }
    });

    it("a deleted user's activation token answers 400 token.invalid", async () => {
      const { user, mail } = await invite();
      assert.equal((await server.admin.delete(`/api/v1/users/${user.id}`)).status, 204);
      expectTokenProblem(await activate(mail.token, OTHER_PASSWORD), 400, 'token.invalid', user);
    });

    it('names are escaped in the HTML body', async () => {
      const { mail } = await invite({ name: 'Eve <b>&amp;' });
      assert.ok(mail.text.includes('Hello Eve <b>&amp;'), mail.text);
      assert.ok(!mail.html.includes('<b>'), mail.html);
      assert.ok(mail.html.includes('Eve &#60;b&#62;&#38;amp;'), mail.html);
    });

    it('a made-up token answers 400 token.invalid', async () => {
      const { user, mail } = await invite();
      expectTokenProblem(await activate('x'.repeat(43), OTHER_PASSWORD), 400, 'token.invalid', user);
      // One character off the real token is just as unknown.
      const real = mail.token!;
      const forged = real.slice(0, -1) + (real.endsWith('A') ? 'B' : 'A');
      expectTokenProblem(await activate(forged, OTHER_PASSWORD), 400, 'token.invalid', user);
      assert.equal((await server.admin.get(`/api/v1/users/${user.id}`)).body.status, 'invited');
    });

    it('a weak password answers 400 password.weak and leaves the token usable', async () => {
      const { user, mail } = await invite();
      const weak = expectProblem(await activate(mail.token, WEAK_PASSWORD), 400, 'password.weak');
      assert.deepEqual(weak.errors.map((e: any) => e.pointer), ['/password']);
      // The user's own name does not make a password.
      expectProblem(await activate(mail.token, `${user.username}-2024`), 400, 'password.weak');
      assert.equal((await server.admin.get(`/api/v1/users/${user.id}`)).body.status, 'invited');
      const res = await activate(mail.token, OTHER_PASSWORD);
      assert.equal(res.status, 200, res.text);
      assert.equal(res.body.status, 'active');
    });

    it('POST /users/{id}/invitation answers 202 and mails a new token; the older one is dead', async () => {
      const { user, mail: first } = await invite();
      const res = await server.admin.post(`/api/v1/users/${user.id}/invitation`);
      assert.equal(res.status, 202, res.text);
      assert.deepEqual(res.body, { status: 'accepted' });
      const second = await sink.waitFor((m) => m.to.includes(user.email) && m.token !== first.token);
      assert.match(second.token ?? '', TOKEN_SHAPE);
      assert.equal(second.subject, first.subject);

      expectTokenProblem(await activate(first.token, OTHER_PASSWORD), 400, 'token.invalid', user);
      const activated = await activate(second.token, OTHER_PASSWORD);
      assert.equal(activated.status, 200, activated.text);
      assert.equal(activated.body.status, 'active');
    });

    it('resending answers 409 user.not_invited for an active or disabled user', async () => {
      const { user: active } = await createLogin(server.admin, 'user', { email: uniqueEmail(uniqueName('active')) });
      expectProblem(await server.admin.post(`/api/v1/users/${active.id}/invitation`), 409, 'user.not_invited');

      const { user: activated, mail } = await invite();
      assert.equal((await activate(mail.token, OTHER_PASSWORD)).status, 200);
      expectProblem(await server.admin.post(`/api/v1/users/${activated.id}/invitation`), 409, 'user.not_invited');
      assert.equal((await server.admin.patch(`/api/v1/users/${activated.id}`, { status: 'disabled' })).status, 200);
      expectProblem(await server.admin.post(`/api/v1/users/${activated.id}/invitation`), 409, 'user.not_invited');
      assert.equal(sink.to(activated.email).length, 1, 'no second mail');
    });

    it('resending needs an address (409), a known user (404) and a manager or admin (403 for a user)', async () => {
      const noEmail = await createUser(server.admin);
      assert.equal(noEmail.status, 'invited');
      expectProblem(await server.admin.post(`/api/v1/users/${noEmail.id}/invitation`), 409, 'user.no_email');
      expectProblem(await server.admin.post('/api/v1/users/0190a8b0-0000-7000-8000-000000000000/invitation'), 404, 'user.not_found');

      const { user } = await invite();
      const { auth: userAuth } = await createLogin(server.admin, 'user');
      expectProblem(await server.client(userAuth).post(`/api/v1/users/${user.id}/invitation`), 403, 'auth.forbidden');
      expectProblem(await server.anon.post(`/api/v1/users/${user.id}/invitation`), 401, 'auth.unauthenticated');
      const { auth: managerAuth } = await createLogin(server.admin, 'manager');
      const res = await server.client(managerAuth).post(`/api/v1/users/${user.id}/invitation`);
      assert.equal(res.status, 202, res.text);
      await sink.waitFor((m) => m.to.includes(user.email) && sink.to(user.email).length === 2);
    });

    it('a service account or a user created with a password gets no mail', async () => {
      const before = (await listJobs(server)).length;
      const account = await createUser(server.admin, { type: 'service_account' });
      assert.equal(account.status, 'active');
      const withPassword = await createUser(server.admin, { email: uniqueEmail(uniqueName('pw')), password: STRONG_PASSWORD });
      assert.equal(withPassword.status, 'active');
      // An invited user created afterwards: once its mail is here, any earlier mail would be too.
      const { user: sentinel } = await invite();
      const jobs = await listJobs(server);
      assert.equal(jobs.length, before + 1, 'only the invited user queued a mail');
      assert.equal(jobs.at(-1).kind, 'mail.activation');
      assert.equal(sink.to(withPassword.email).length, 0);
      assert.equal(sink.to(sentinel.email).length, 1);
    });
  });

  describe(`invitations: expiry and sender (${backend})`, () => {
    const sink = withMailServer();
    const clock = new Clock();
    const server = withServer(backend, () => ({
      smtpUrl: sink.url,
      publicUrl: PUBLIC_URL,
      mailFrom: 'People Directory <people@example.org>',
      lifecycleTtl: { activation: 7200 },
      now: clock.now,
    }));

    it('mails come from ROSTER_MAIL_FROM when set', async () => {
      const user = await createUser(server.admin, { email: uniqueEmail(uniqueName('from')) });
      const mail = await sink.waitFor((m) => m.to.includes(user.email));
      assert.match(mail.from, /^"?People Directory"? <people@example\.org>$/);
    });

    it('an activation token expires after the configured lifetime: 410 token.expired', async () => {
      const user = await createUser(server.admin, { email: uniqueEmail(uniqueName('late')) });
      const mail = await sink.waitFor((m) => m.to.includes(user.email));
      assert.ok(mail.text.includes('expires in 2 hours'), mail.text);
      const activate = (password: string) => server.anon.post('/api/v1/activations', { token: mail.token, password });

      clock.advance(7199);
      // Still live one second before: the password is judged, not the token.
      expectProblem(await activate(WEAK_PASSWORD), 400, 'password.weak');
      clock.advance(1);
      expectTokenProblem(await activate(OTHER_PASSWORD), 410, 'token.expired', user);
      assert.equal((await server.admin.get(`/api/v1/users/${user.id}`)).body.status, 'invited');

      // A new invitation brings a token that works.
      assert.equal((await server.admin.post(`/api/v1/users/${user.id}/invitation`)).status, 202);
      const fresh = await sink.waitFor((m) => m.to.includes(user.email) && m.token !== mail.token);
      const res = await server.anon.post('/api/v1/activations', { token: fresh.token, password: OTHER_PASSWORD });
      assert.equal(res.status, 200, res.text);
      assert.equal(res.body.status, 'active');
    });
  });
}
