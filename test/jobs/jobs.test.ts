// The job queue: a mail that cannot be delivered is retried with backoff and arrives once the
// SMTP server is back; a job that keeps failing ends `failed` and is listed for admins and
// auditors. The worker is off and the clock injected: the tests run the queue by hand.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { backends } from '../support/backends.ts';
import { withServer, type TestServer } from '../support/server.ts';
import { expectProblem } from '../support/client.ts';
import { createLogin, createUser, uniqueName } from '../support/factories.ts';
import { withMailServer, MailSink } from '../support/smtp.ts';
import { OTHER_PASSWORD, drain, listJobs, uniqueEmail } from '../lifecycle/helpers.ts';
import { Clock } from '../support/clock.ts';

/** The newest job of a kind (ids are time-ordered). */
async function newestJob(server: TestServer, kind: string): Promise<any> {
  const jobs = (await listJobs(server)).filter((j) => j.kind === kind);
  assert.ok(jobs.length > 0, `no ${kind} job`);
  return jobs[jobs.length - 1];
}

const seconds = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 1000;

for (const backend of backends()) {
  describe(`jobs: retry while SMTP is down (${backend})`, () => {
    const sink = withMailServer();
    const clock = new Clock();
    const server = withServer(backend, () => ({ smtpUrl: sink.url, publicUrl: 'http://roster.test', worker: false, now: clock.now }));

    it('the mail of a user created while SMTP is down arrives exactly once after it comes back', async () => {
      await sink.stop();
      const email = uniqueEmail(uniqueName('down'));
      const user = await createUser(server.admin, { email });
      assert.equal(user.status, 'invited', 'the create does not wait for mail');

      assert.equal(await server.app.queue.runDue(), 1);
      const failed = await newestJob(server, 'mail.activation');
      assert.equal(failed.status, 'queued', 'to be retried');
      assert.equal(failed.attempts, 1);
      assert.equal(typeof failed.lastError, 'string');
      assert.ok(failed.lastError.length > 0);
      const delay = seconds(clock.now().toISOString(), failed.runAt);
      assert.ok(delay > 0 && delay <= 5, `the first retry comes within 5 s, not ${delay} s`);
      assert.equal(failed.payload, undefined, 'payloads are not shown');

      await sink.start();
      assert.equal(await server.app.queue.runDue(), 0, 'not due before its backoff');
      clock.advance(delay);
      assert.equal(await server.app.queue.runDue(), 1);
      const mail = await sink.waitFor((m) => m.to.includes(email));
      const done = (await listJobs(server)).find((j) => j.id === failed.id);
      assert.equal(done.status, 'done');
      assert.equal(done.attempts, 2);
      assert.equal(done.lastError, null);

      clock.advance(3600);
      assert.equal(await drain(server), 0);
      assert.equal(sink.to(email).length, 1, 'exactly one mail');
      const res = await server.anon.post('/api/v1/activations', { token: mail.token, password: OTHER_PASSWORD });
      assert.equal(res.status, 200, res.text);
    });

    it('a mail queued for a user deleted before it went out is dropped: the job is done, nothing is sent', async () => {
      const email = uniqueEmail(uniqueName('gone'));
      const user = await createUser(server.admin, { email });
      assert.equal((await server.admin.delete(`/api/v1/users/${user.id}`)).status, 204);
      assert.equal(await server.app.queue.runDue(), 1);
      const job = await newestJob(server, 'mail.activation');
      assert.equal(job.status, 'done');
      // A later invitation shows the sink is up, so the missing mail was never sent.
      const other = await createUser(server.admin, { email: uniqueEmail(uniqueName('here')) });
      await drain(server);
      await sink.waitFor((m) => m.to.includes(other.email));
      assert.equal(sink.to(email).length, 0);
    });

    it('only the token of the mail that was delivered works', async () => {
      await sink.stop();
      const email = uniqueEmail(uniqueName('retry'));
      const user = await createUser(server.admin, { email });
      assert.equal(await server.app.queue.runDue(), 1);
      await sink.start();
      clock.advance(5);
      await drain(server);
      const mail = await sink.waitFor((m) => m.to.includes(email));
      const res = await server.anon.post('/api/v1/activations', { token: mail.token, password: OTHER_PASSWORD });
      assert.equal(res.status, 200, res.text);
      assert.equal(res.body.id, user.id);
    });
  });

  describe(`jobs: failing for good, and who may see it (${backend})`, () => {
    const clock = new Clock();
    // An SMTP address where nothing listens: a sink started and stopped again.
    const server = withServer(backend, async () => {
      const dead = new MailSink();
      await dead.start();
      await dead.stop();
      return { smtpUrl: dead.url, worker: false, now: clock.now };
    });

    it('a job that keeps failing is retried with growing, capped backoff and ends failed', async () => {
      await createUser(server.admin, { email: uniqueEmail(uniqueName('never')) });
      const delays: number[] = [];
      let job: any;
      for (let attempt = 1; ; attempt++) {
        assert.equal(await server.app.queue.runDue(), 1, `attempt ${attempt} runs`);
        job = await newestJob(server, 'mail.activation');
        assert.equal(job.attempts, attempt);
        assert.ok(job.lastError, 'the error is recorded');
        if (job.status === 'failed') break;
        assert.equal(job.status, 'queued');
        const delay = seconds(clock.now().toISOString(), job.runAt);
        delays.push(delay);
        clock.advance(delay);
        assert.ok(attempt < 100, 'gives up eventually');
      }
      assert.equal(job.attempts, job.maxAttempts);
      assert.ok(delays[0] <= 5, `first retry within 5 s: ${delays}`);
      for (let i = 1; i < delays.length; i++) assert.ok(delays[i] >= delays[i - 1], `backoff grows: ${delays}`);
      assert.ok(delays.every((d) => d <= 300), `capped at 5 min: ${delays}`);

      clock.advance(86_400);
      assert.equal(await server.app.queue.runDue(), 0, 'a failed job is not run again');

      const res = await server.admin.get('/api/v1/system/jobs?status=failed');
      assert.equal(res.status, 200, res.text);
      assert.equal(res.body.nextCursor, null);
      const listed = res.body.items.find((j: any) => j.id === job.id);
      assert.deepEqual(Object.keys(listed).sort(), ['attempts', 'createdAt', 'id', 'kind', 'lastError', 'maxAttempts', 'runAt', 'status', 'updatedAt']);
      assert.equal(listed.status, 'failed');
      assert.equal(listed.kind, 'mail.activation');
      assert.equal(listed.attempts, job.maxAttempts);
      assert.equal(typeof listed.lastError, 'string');
      assert.ok(res.body.items.every((j: any) => j.status === 'failed'));
      const queued = await server.admin.get('/api/v1/system/jobs?status=queued');
      assert.ok(!queued.body.items.some((j: any) => j.id === job.id));
    });

    it('the job list answers admins and auditors, 403 for managers and users, 401 without credentials', async () => {
      const { auth: auditor } = await createLogin(server.admin, 'auditor');
      const { auth: manager } = await createLogin(server.admin, 'manager');
      const { auth: user } = await createLogin(server.admin, 'user');
      const fromAdmin = await server.admin.get('/api/v1/system/jobs?status=failed');
      assert.equal(fromAdmin.status, 200, fromAdmin.text);
      const fromAuditor = await server.client(auditor).get('/api/v1/system/jobs?status=failed');
      assert.equal(fromAuditor.status, 200, fromAuditor.text);
      assert.deepEqual(fromAuditor.body, fromAdmin.body);
      expectProblem(await server.client(manager).get('/api/v1/system/jobs?status=failed'), 403, 'auth.forbidden');
      expectProblem(await server.client(user).get('/api/v1/system/jobs?status=failed'), 403, 'auth.forbidden');
      const anon = await server.anon.get('/api/v1/system/jobs');
      expectProblem(anon, 401, 'auth.unauthenticated');
      assert.match(anon.headers.get('www-authenticate') ?? '', /Basic/);
    });

    it('the job list pages with limit and cursor and refuses an unknown status', async () => {
      for (let i = 0; i < 3; i++) await createUser(server.admin, { email: uniqueEmail(uniqueName('page')) });
      const all = await listJobs(server);
      assert.ok(all.length >= 3);
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const res = await server.admin.get(`/api/v1/system/jobs?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
        assert.equal(res.status, 200, res.text);
        assert.ok(res.body.items.length <= 2);
        seen.push(...res.body.items.map((j: any) => j.id));
        cursor = res.body.nextCursor;
      } while (cursor);
      assert.deepEqual(seen, all.map((j) => j.id));
      const bad = expectProblem(await server.admin.get('/api/v1/system/jobs?status=bogus'), 400, 'request.invalid');
      assert.ok(bad.errors.some((e: any) => e.parameter === 'status'), JSON.stringify(bad.errors));
      expectProblem(await server.admin.get('/api/v1/system/jobs?limit=0'), 400, 'request.invalid');
    });
  });
}
