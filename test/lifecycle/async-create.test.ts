// Asynchronous create (RFC 7240 respond-async): validation and duplicates answer at once, then
// 202 {id, status: "pending"} + Location; a job hashes the password and queues mails. The worker
// is off in the first suite so the tests see the pending state and decide when the job runs.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { backends } from '../support/backends.ts';
import { withServer } from '../support/server.ts';
import { basic, expectProblem } from '../support/client.ts';
import { createLogin, createUser, uniqueName, STRONG_PASSWORD } from '../support/factories.ts';
import { withMailServer } from '../support/smtp.ts';
import { OTHER_PASSWORD, drain, listJobs, uniqueEmail } from './helpers.ts';

const ASYNC = { headers: { prefer: 'respond-async' } };

for (const backend of backends()) {
  describe(`async create (${backend})`, () => {
    const sink = withMailServer();
    const server = withServer(backend, () => ({ smtpUrl: sink.url, publicUrl: 'http://roster.test', worker: false }));

    const createAsync = (body: Record<string, unknown>, options = ASYNC) => server.admin.post('/api/v1/users', body, options);

    function expectAccepted(res: Awaited<ReturnType<typeof createAsync>>): string {
      assert.equal(res.status, 202, res.text);
      assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
      assert.deepEqual(Object.keys(res.body).sort(), ['id', 'status']);
      assert.equal(res.body.status, 'pending');
      assert.equal(res.headers.get('location'), `/api/v1/users/${res.body.id}`);
      assert.equal(res.headers.get('preference-applied'), 'respond-async');
      return res.headers.get('location')!;
    }

    it('with a password: 202 pending at Location until the job runs, then active and able to log in', async () => {
      const username = uniqueName('async');
      const location = expectAccepted(await createAsync({ username, password: STRONG_PASSWORD, name: 'Async Alice' }));

      const pending = await server.admin.get(location);
      assert.equal(pending.status, 200, pending.text);
      assert.equal(pending.body.status, 'pending');
      assert.equal(pending.body.username, username);
      assert.equal(pending.body.name, 'Async Alice');
      expectProblem(await server.client(basic(username, STRONG_PASSWORD)).get('/api/v1/users/me'), 401, 'auth.unauthenticated');
      const listed = await server.admin.get(`/api/v1/users?status=pending&filter=${encodeURIComponent(`username eq "${username}"`)}`);
      assert.deepEqual(listed.body.items.map((u: any) => u.status), ['pending']);

      assert.equal(await server.app.queue.runDue(), 1);
      const settled = await server.admin.get(location);
      assert.equal(settled.body.status, 'active');
      assert.notEqual(settled.headers.get('etag'), pending.headers.get('etag'), 'the ETag follows the change');
      const me = await server.client(basic(username, STRONG_PASSWORD)).get('/api/v1/users/me');
      assert.equal(me.status, 200, me.text);
      assert.equal(me.body.id, pending.body.id);
    });

    it('with an email and no password: pending, then invited, then the activation mail follows', async () => {
      const email = uniqueEmail(uniqueName('asyncinv'));
      const location = expectAccepted(await createAsync({ username: uniqueName('asyncinv'), email }));
      assert.equal((await server.admin.get(location)).body.status, 'pending');
      assert.equal(await drain(server), 2, 'the create job, then the mail it queued');
      const user = (await server.admin.get(location)).body;
      assert.equal(user.status, 'invited');
      const mail = await sink.waitFor((m) => m.to.includes(email));
      assert.equal(sink.to(email).length, 1);
      const res = await server.anon.post('/api/v1/activations', { token: mail.token, password: OTHER_PASSWORD });
      assert.equal(res.status, 200, res.text);
      assert.equal(res.body.id, user.id);
      assert.equal(res.body.status, 'active');
    });

    it('a service account settles active; a user with neither password nor email settles invited without mail', async () => {
      const account = expectAccepted(await createAsync({ username: uniqueName('svc'), type: 'service_account' }));
      const bare = expectAccepted(await createAsync({ username: uniqueName('bare') }));
      assert.equal(await drain(server), 2);
      assert.equal((await server.admin.get(account)).body.status, 'active');
      assert.equal((await server.admin.get(bare)).body.status, 'invited');
    });

    it('a duplicate username answers 409 at once and queues nothing', async () => {
      const existing = await createUser(server.admin, { password: STRONG_PASSWORD });
      const jobs = (await listJobs(server)).length;
      expectProblem(await createAsync({ username: existing.username.toUpperCase(), password: STRONG_PASSWORD }), 409, 'user.username_taken');
      // A pending user holds its name too.
      const username = uniqueName('held');
      expectAccepted(await createAsync({ username }));
      expectProblem(await createAsync({ username }), 409, 'user.username_taken');
      assert.equal((await listJobs(server)).length, jobs + 1, 'only the accepted create queued a job');
      await drain(server);
    });

    it('a weak password or an invalid body answers 400 at once and queues nothing', async () => {
      const jobs = (await listJobs(server)).length;
      const weak = expectProblem(await createAsync({ username: uniqueName('weak'), password: 'password1' }), 400, 'password.weak');
      assert.deepEqual(weak.errors.map((e: any) => e.pointer), ['/password']);
      expectProblem(await createAsync({ username: uniqueName('bad'), email: 'not-an-address' }), 400, 'request.invalid');
      expectProblem(await createAsync({ username: uniqueName('svc'), type: 'service_account', password: STRONG_PASSWORD }), 400, 'request.invalid');
      assert.equal((await listJobs(server)).length, jobs);
    });

    it('the caller still needs the right to create users (403 for a user, 401 without credentials)', async () => {
      const { auth } = await createLogin(server.admin, 'user');
      expectProblem(await server.client(auth).post('/api/v1/users', { username: uniqueName() }, ASYNC), 403, 'auth.forbidden');
      expectProblem(await server.anon.post('/api/v1/users', { username: uniqueName() }, ASYNC), 401, 'auth.unauthenticated');
    });

    it('a pending user cannot be enabled or disabled by PATCH before it settles', async () => {
      const location = expectAccepted(await createAsync({ username: uniqueName('early'), password: STRONG_PASSWORD }));
      const problem = expectProblem(await server.admin.patch(location, { status: 'active' }), 400, 'request.invalid');
      assert.deepEqual(problem.errors.map((e: any) => e.pointer), ['/status']);
      await drain(server);
      assert.equal((await server.admin.get(location)).body.status, 'active');
    });

    it('without Prefer the create stays synchronous: 201 and no preference-applied', async () => {
      const res = await server.admin.post('/api/v1/users', { username: uniqueName('sync'), password: STRONG_PASSWORD });
      assert.equal(res.status, 201, res.text);
      assert.equal(res.body.status, 'active');
      assert.equal(res.headers.get('preference-applied'), null);
    });

    it('ifExists=return with respond-async answers 200 with the existing user, not 202', async () => {
      const existing = await createUser(server.admin, { password: STRONG_PASSWORD });
      const res = await server.admin.post('/api/v1/users?ifExists=return', { username: existing.username }, ASYNC);
      assert.equal(res.status, 200, res.text);
      assert.equal(res.body.id, existing.id);
      assert.equal(res.body.status, 'active');
      assert.equal(res.headers.get('preference-applied'), null);
    });
  });

  describe(`async create with the worker running (${backend})`, () => {
    const sink = withMailServer();
    const server = withServer(backend, () => ({ smtpUrl: sink.url, publicUrl: 'http://roster.test' }));

    it('the worker settles the user and sends the activation mail without being asked', async () => {
      const email = uniqueEmail(uniqueName('bg'));
      const res = await server.admin.post('/api/v1/users', { username: uniqueName('bg'), email }, ASYNC);
      assert.equal(res.status, 202, res.text);
      const mail = await sink.waitFor((m) => m.to.includes(email));
      assert.equal((await server.admin.get(res.headers.get('location')!)).body.status, 'invited');
      const activated = await server.anon.post('/api/v1/activations', { token: mail.token, password: OTHER_PASSWORD });
      assert.equal(activated.status, 200, activated.text);
      assert.equal(activated.body.id, res.body.id);
    });
  });
}
