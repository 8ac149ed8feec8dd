// Logs and secrets: with SMTP_URL set no token or password appears in any log line, failed
// deliveries included; without it, mails are written to the log with their links on purpose.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { backends } from '../support/backends.ts';
import { withServer, ADMIN } from '../support/server.ts';
import { basic } from '../support/client.ts';
import { createLogin, createUser, uniqueName, STRONG_PASSWORD } from '../support/factories.ts';
import { withMailServer } from '../support/smtp.ts';
import { OTHER_PASSWORD, drain, uniqueEmail } from '../lifecycle/helpers.ts';
import { Clock } from '../support/clock.ts';

const PUBLIC_URL = 'http://roster.test';
const ASYNC_PASSWORD = 'saffron-keel-lantern-61';
const RESET_PASSWORD = 'copper-meadow-falcon-47';

for (const backend of backends()) {
  describe(`no secrets in the log with SMTP_URL set (${backend})`, () => {
    const sink = withMailServer();
    const clock = new Clock();
    const server = withServer(backend, () => ({ smtpUrl: sink.url, publicUrl: PUBLIC_URL, worker: false, now: clock.now }));

    it('tokens from the mails and every password stay out of the log, through a failed delivery too', async () => {
      const secrets = new Set<string>([ADMIN.password, STRONG_PASSWORD, OTHER_PASSWORD, ASYNC_PASSWORD, RESET_PASSWORD]);

      // An invitation whose first delivery fails, then succeeds.
      await sink.stop();
      const invited = await createUser(server.admin, { email: uniqueEmail(uniqueName('log')) });
      assert.equal(await server.app.queue.runDue(), 1);
      await sink.start();
      clock.advance(5);
      await drain(server);
      const activation = await sink.waitFor((m) => m.to.includes(invited.email));
      assert.equal((await server.anon.post('/api/v1/activations', { token: activation.token, password: OTHER_PASSWORD })).status, 200);

      // A password reset, then a session with the new password.
      const { user } = await createLogin(server.admin, 'user', { email: uniqueEmail(uniqueName('log')) });
      assert.equal((await server.anon.post('/api/v1/password-resets', { email: user.email })).status, 202);
      await drain(server);
      const reset = await sink.waitFor((m) => m.to.includes(user.email));
      assert.equal((await server.anon.post('/api/v1/password-resets/confirm', { token: reset.token, password: RESET_PASSWORD })).status, 204);
      const session = await server.anon.post('/api/v1/sessions', { username: user.username, password: RESET_PASSWORD });
      assert.equal(session.status, 200, session.text);
      secrets.add(session.body.accessToken);
      secrets.add(basic(user.username, RESET_PASSWORD).slice('Basic '.length));

      // An email change, and an asynchronous create with a password.
      const moved = uniqueEmail(uniqueName('moved'));
      assert.equal((await server.admin.patch(`/api/v1/users/${user.id}`, { email: moved })).status, 200);
      await drain(server);
      const verification = await sink.waitFor((m) => m.to.includes(moved));
      assert.equal((await server.anon.post('/api/v1/email-verifications', { token: verification.token })).status, 204);
      const pending = await server.admin.post('/api/v1/users', { username: uniqueName('log'), password: ASYNC_PASSWORD }, { headers: { prefer: 'respond-async' } });
      assert.equal(pending.status, 202, pending.text);
      await drain(server);
      assert.equal((await server.admin.get(pending.headers.get('location')!)).body.status, 'active');

      for (const mail of sink.mails) if (mail.token) secrets.add(mail.token);
      assert.ok(secrets.size >= 9, 'tokens from at least three mails');

      const logs = server.logs.join('');
      assert.match(logs, /job failed/, 'the failed delivery was logged');
      assert.match(logs, /password-resets\/confirm/, 'requests were logged');
      for (const secret of secrets) assert.ok(!logs.includes(secret), `a secret is in the log: ${secret.slice(0, 6)}…`);
      assert.doesNotMatch(logs, /token=/, 'no link with a token');
    });
  });

  describe(`development mail log without SMTP_URL (${backend})`, () => {
    const server = withServer(backend, { publicUrl: PUBLIC_URL, worker: false });

    /** The token of the last link to `path` written to the log for this address. */
    function loggedToken(address: string, path: string): string | undefined {
      const lines = server.logs.filter((line) => line.includes(address) && line.includes(path));
      const match = new RegExp(`${PUBLIC_URL.replace(/\./g, '\\.')}${path}\\?token=([A-Za-z0-9_-]+)`).exec(lines.at(-1) ?? '');
      return match?.[1];
    }

    it('an activation mail is written to the log with a link that works', async () => {
      const user = await createUser(server.admin, { email: uniqueEmail(uniqueName('dev')) });
      assert.equal(loggedToken(user.email, '/activate'), undefined, 'not before the job ran');
      assert.equal(await drain(server), 1);
      const line = JSON.parse(server.logs.find((l) => l.includes(user.email) && l.includes('/activate'))!);
      assert.equal(line.mail.to, user.email);
      assert.equal(line.mail.subject, 'You are invited to Roster');
      const token = loggedToken(user.email, '/activate');
      assert.match(token ?? '', /^[A-Za-z0-9_-]{43,}$/);
      const res = await server.anon.post('/api/v1/activations', { token, password: OTHER_PASSWORD });
      assert.equal(res.status, 200, res.text);
      assert.equal(res.body.id, user.id);
      assert.ok(!server.logs.join('').includes(OTHER_PASSWORD), 'the password itself is never logged');
    });

    it('a password-reset mail is logged for an active user only', async () => {
      const { user } = await createLogin(server.admin, 'user', { email: uniqueEmail(uniqueName('dev')) });
      const unknown = uniqueEmail(uniqueName('nobody'));
      for (const email of [user.email, unknown]) assert.equal((await server.anon.post('/api/v1/password-resets', { email })).status, 202);
      await drain(server);
      const token = loggedToken(user.email, '/reset-password');
      assert.ok(token, 'the reset link is in the log');
      assert.ok(!server.logs.some((l) => l.includes(unknown)), 'nothing about the unknown address');
      assert.equal((await server.anon.post('/api/v1/password-resets/confirm', { token, password: OTHER_PASSWORD })).status, 204);
    });
  });
}
