// Durable delivery: mail queued by a process that stops is sent by the next one on the same
// database, and several processes on one PostgreSQL send every mail exactly once.
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { backends } from '../support/backends.ts';
import { startServer, type TestServer } from '../support/server.ts';
import { createLogin, uniqueName } from '../support/factories.ts';
import { withMailServer } from '../support/smtp.ts';
import { OTHER_PASSWORD, listJobs, uniqueEmail } from '../lifecycle/helpers.ts';

const PUBLIC_URL = 'http://roster.test';

for (const backend of backends()) {
  describe(`delivery across a restart (${backend})`, () => {
    const sink = withMailServer();
    let second: TestServer | undefined;
    after(async () => {
      await second?.close();
    });

    it('mail queued before a stop is sent by the restarted process, and its links work there', async () => {
      const first = await startServer(backend, { smtpUrl: sink.url, publicUrl: PUBLIC_URL, worker: false });
      const invitedEmail = uniqueEmail(uniqueName('restart'));
      const invited = await first.admin.post('/api/v1/users', { username: uniqueName('restart'), email: invitedEmail });
      assert.equal(invited.status, 201, invited.text);
      const { user: active } = await createLogin(first.admin, 'user', { email: uniqueEmail(uniqueName('resetter')) });
      assert.equal((await first.anon.post('/api/v1/password-resets', { email: active.email })).status, 202);
      const queued = await listJobs(first, '&status=queued');
      assert.deepEqual(queued.map((j) => j.kind).sort(), ['mail.activation', 'mail.password_reset']);
      await first.stop();
      assert.equal(sink.mails.length, 0, 'nothing was sent before the stop');

      second = await startServer(backend, { database: first.database, smtpUrl: sink.url, publicUrl: PUBLIC_URL });
      const activation = await sink.waitFor((m) => m.to.includes(invitedEmail));
      const reset = await sink.waitFor((m) => m.to.includes(active.email));
      const activated = await second.anon.post('/api/v1/activations', { token: activation.token, password: OTHER_PASSWORD });
      assert.equal(activated.status, 200, activated.text);
      assert.equal(activated.body.id, invited.body.id);
      const confirmed = await second.anon.post('/api/v1/password-resets/confirm', { token: reset.token, password: OTHER_PASSWORD });
      assert.equal(confirmed.status, 204, confirmed.text);
      assert.equal(sink.to(invitedEmail).length, 1);
      assert.equal(sink.to(active.email).length, 1);
    });
  });

  if (backend !== 'postgres') continue;

  describe('two processes on one PostgreSQL (postgres)', () => {
    const sink = withMailServer();
    const pairs: [TestServer, TestServer?][] = [];
    after(async () => {
      // Each pair's second server shares the first one's database: stop it, then drop the database.
      for (const [a, b] of pairs) {
        await b?.stop();
        await a.close();
      }
    });

    async function pair(options: { worker: boolean }): Promise<[TestServer, TestServer]> {
      const common = { smtpUrl: sink.url, publicUrl: PUBLIC_URL, worker: options.worker, jobPollMs: 5 };
      const started: [TestServer, TestServer?] = [await startServer('postgres', common)];
      pairs.push(started);
      const [a] = started;
      const b = await startServer('postgres', { ...common, database: a.database });
      started[1] = b;
      return [a, b];
    }

    async function inviteTen(a: TestServer, b: TestServer): Promise<string[]> {
      const emails = Array.from({ length: 10 }, () => uniqueEmail(uniqueName('pair')));
      const created = await Promise.all(
        emails.map((email, i) => (i % 2 ? b : a).admin.post('/api/v1/users', { username: uniqueName('pair'), email })),
      );
      for (const res of created) assert.equal(res.status, 201, res.text);
      return emails;
    }

    it('with both workers running, 10 invitations make exactly 10 mails, one each', async () => {
      const [a, b] = await pair({ worker: true });
      const emails = await inviteTen(a, b);
      const mails = await Promise.all(emails.map((email) => sink.waitFor((m) => m.to.includes(email))));
      // Let any pass still in flight on either process finish before counting.
      await Promise.all([a.app.queue.runDue(), b.app.queue.runDue()]);
      await Promise.all([a.app.queue.runDue(), b.app.queue.runDue()]);
      for (const email of emails) assert.equal(sink.to(email).length, 1, `one mail to ${email}`);
      assert.equal(new Set(mails.map((m) => m.token)).size, 10);
      const jobs = await listJobs(a);
      assert.equal(jobs.length, 10);
      assert.ok(jobs.every((j) => j.status === 'done' && j.attempts === 1), JSON.stringify(jobs));
    });

    it('two passes racing over the same due jobs split them: each runs once', async () => {
      const [a, b] = await pair({ worker: false });
      const emails = await inviteTen(a, b);
      const [ranA, ranB] = await Promise.all([a.app.queue.runDue(), b.app.queue.runDue()]);
      assert.equal(ranA + ranB, 10, `ran ${ranA} + ${ranB}`);
      await Promise.all(emails.map((email) => sink.waitFor((m) => m.to.includes(email))));
      for (const email of emails) assert.equal(sink.to(email).length, 1, `one mail to ${email}`);
      const mails = emails.map((email) => sink.to(email)[0]);
      // Every token works on either process: the last one issued for each user is the mailed one.
      for (const [i, mail] of mails.entries()) {
        const res = await (i % 2 ? a : b).anon.post('/api/v1/activations', { token: mail.token, password: OTHER_PASSWORD });
        assert.equal(res.status, 200, res.text);
      }
    });
  });
}
