// Email verification: setting or changing an active user's email clears emailVerified and mails
// a link to the new address; POST /email-verifications consumes its token. The worker is off so
// the tests decide when mail goes out.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { backends } from '../support/backends.ts';
import { withServer } from '../support/server.ts';
import { expectProblem } from '../support/client.ts';
import { createLogin, createUser, uniqueName } from '../support/factories.ts';
import { withMailServer, type ReceivedMail } from '../support/smtp.ts';
import { OTHER_PASSWORD, TOKEN_SHAPE, drain, expectTokenProblem, listJobs, uniqueEmail } from './helpers.ts';
import { Clock } from '../support/clock.ts';

const PUBLIC_URL = 'http://roster.test';

for (const backend of backends()) {
  describe(`email verification (${backend})`, () => {
    const sink = withMailServer();
    const clock = new Clock();
    const server = withServer(backend, () => ({ smtpUrl: sink.url, publicUrl: PUBLIC_URL, worker: false, now: clock.now }));

    const url = (id: string) => `/api/v1/users/${id}`;
    const verify = (token: string | undefined) => server.anon.post('/api/v1/email-verifications', { token });

    /** An active user whose address is verified (through activation). */
    async function verifiedUser(): Promise<any> {
      const invited = await createUser(server.admin, { email: uniqueEmail(uniqueName('ver')) });
      await drain(server);
      const mail = await sink.waitFor((m) => m.to.includes(invited.email));
      const res = await server.anon.post('/api/v1/activations', { token: mail.token, password: OTHER_PASSWORD });
      assert.equal(res.status, 200, res.text);
      assert.equal(res.body.emailVerified, true);
      return res.body;
    }

    async function changeEmail(id: string, email: string | null): Promise<any> {
      const res = await server.admin.patch(url(id), { email });
      assert.equal(res.status, 200, res.text);
      return res.body;
    }

    async function mailTo(address: string): Promise<ReceivedMail> {
      await drain(server);
      return sink.waitFor((m) => m.to.includes(address));
    }

    it('changing the email clears emailVerified and mails the new address; the token verifies it', async () => {
      const user = await verifiedUser();
      const oldEmail = user.email;
      const newEmail = uniqueEmail(uniqueName('moved'));
      const changed = await changeEmail(user.id, newEmail);
      assert.equal(changed.email, newEmail);
      assert.equal(changed.emailVerified, false);

      const mail = await mailTo(newEmail);
      assert.equal(mail.subject, 'Confirm your email address');
      assert.ok(mail.link?.startsWith(`${PUBLIC_URL}/verify-email?token=`), mail.link);
      assert.match(mail.token ?? '', TOKEN_SHAPE);
      assert.ok(mail.html.includes(`href="${mail.link}"`));
      assert.equal(sink.to(oldEmail).length, 1, 'the old address got only its invitation');

      const res = await verify(mail.token);
      assert.equal(res.status, 204, res.text);
      assert.equal(res.text, '');
      const fetched = await server.admin.get(url(user.id));
      assert.equal(fetched.body.emailVerified, true);
      assert.equal(fetched.body.email, newEmail);

      expectTokenProblem(await verify(mail.token), 410, 'token.used', user);
    });

    it('setting an email on an active user without one mails a verification link too', async () => {
      const { user } = await createLogin(server.admin, 'user');
      assert.equal(user.email, null);
      const email = uniqueEmail(uniqueName('first'));
      assert.equal((await changeEmail(user.id, email)).emailVerified, false);
      const mail = await mailTo(email);
      assert.equal((await verify(mail.token)).status, 204);
      assert.equal((await server.admin.get(url(user.id))).body.emailVerified, true);
    });

    it('PUT with a new email sends the mail as PATCH does', async () => {
      const user = await verifiedUser();
      const email = uniqueEmail(uniqueName('put'));
      const res = await server.admin.put(url(user.id), { username: user.username, email });
      assert.equal(res.status, 200, res.text);
      assert.equal(res.body.emailVerified, false);
      const mail = await mailTo(email);
      assert.equal((await verify(mail.token)).status, 204);
    });

    it('a token for an address that changed again answers 409 user.email_changed', async () => {
      const user = await verifiedUser();
      const first = uniqueEmail(uniqueName('first'));
      await changeEmail(user.id, first);
      const mail = await mailTo(first);
      // Changed again before that link is used; the second mail is not out yet.
      const second = uniqueEmail(uniqueName('second'));
      await changeEmail(user.id, second);
      expectProblem(await verify(mail.token), 409, 'user.email_changed');
      const fetched = await server.admin.get(url(user.id));
      assert.equal(fetched.body.emailVerified, false, 'the second address is not verified by the first link');
      assert.equal(fetched.body.email, second);

      // Removing the address entirely makes the link just as stale.
      const third = uniqueEmail(uniqueName('third'));
      await changeEmail(user.id, third);
      const thirdMail = await mailTo(third);
      await changeEmail(user.id, null);
      expectProblem(await verify(thirdMail.token), 409, 'user.email_changed');
      assert.equal((await server.admin.get(url(user.id))).body.emailVerified, false);
    });

    it("once the newer address's mail is out, the older link answers 400 token.invalid and the newer one works", async () => {
      const user = await verifiedUser();
      const first = uniqueEmail(uniqueName('first'));
      await changeEmail(user.id, first);
      const firstMail = await mailTo(first);
      const second = uniqueEmail(uniqueName('second'));
      await changeEmail(user.id, second);
      const secondMail = await mailTo(second);
      expectTokenProblem(await verify(firstMail.token), 400, 'token.invalid', user);
      assert.equal((await verify(secondMail.token)).status, 204);
      assert.equal((await server.admin.get(url(user.id))).body.emailVerified, true);
    });

    it('the same address in another case is no change: no mail, still verified', async () => {
      const user = await verifiedUser();
      const jobs = (await listJobs(server)).length;
      const recased = await changeEmail(user.id, user.email.toUpperCase());
      assert.equal(recased.emailVerified, true);
      assert.equal((await listJobs(server)).length, jobs, 'no mail queued');
    });

    it("changing an invited user's address retires the activation link sent to the old one and invites the new one", async () => {
      const typo = uniqueEmail(uniqueName('typo'));
      const invited = await createUser(server.admin, { email: typo });
      const stale = await mailTo(typo);
      const corrected = uniqueEmail(uniqueName('right'));
      await changeEmail(invited.id, corrected);
      // Whoever holds the mistyped address must not be able to take the account over…
      expectTokenProblem(await server.anon.post('/api/v1/activations', { token: stale.token, password: OTHER_PASSWORD }), 400, 'token.invalid', invited);
      assert.equal((await server.admin.get(url(invited.id))).body.status, 'invited');
      // …and the right address gets an activation mail of its own.
      const mail = await mailTo(corrected);
      assert.equal(mail.subject, 'You are invited to Roster');
      const res = await server.anon.post('/api/v1/activations', { token: mail.token, password: OTHER_PASSWORD });
      assert.equal(res.status, 200, res.text);
      assert.equal(res.body.email, corrected);
      assert.equal(res.body.emailVerified, true);
    });

    it('a verification token expires after 24 hours (the default) and is not an activation or reset token', async () => {
      const user = await verifiedUser();
      const email = uniqueEmail(uniqueName('slow'));
      await changeEmail(user.id, email);
      const mail = await mailTo(email);
      assert.ok(mail.text.includes('expires in 24 hours'), mail.text);
      expectTokenProblem(await server.anon.post('/api/v1/activations', { token: mail.token, password: OTHER_PASSWORD }), 400, 'token.invalid', user);
      expectTokenProblem(
        await server.anon.post('/api/v1/password-resets/confirm', { token: mail.token, password: OTHER_PASSWORD }),
        400,
        'token.invalid',
        user,
      );
      expectTokenProblem(await verify('B'.repeat(43)), 400, 'token.invalid', user);
      clock.advance(86_400);
      expectTokenProblem(await verify(mail.token), 410, 'token.expired', user);
      assert.equal((await server.admin.get(url(user.id))).body.emailVerified, false);
    });
  });
}
