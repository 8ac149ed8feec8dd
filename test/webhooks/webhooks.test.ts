// Webhooks (API.md, "Audit log and webhooks"): CRUD with the secret shown once, Standard Webhooks
// deliveries checked with an independent HMAC, retries under the same webhook-id, redelivery,
// no redirects, SSRF refusals, a delivery queued before a restart sent after it, and /metrics.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import http from 'node:http';
import { backends } from '../support/backends.ts';
import { startServer, withServer, type TestServer } from '../support/server.ts';
import { expectProblem } from '../support/client.ts';
import { createUser } from '../support/factories.ts';
import { isPublicAddress, post, RefusedTarget } from '../../src/webhooks/webhook-sender.ts';

interface Received {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A real HTTP receiver: records every request and answers with the next queued status (200 when none). */
class Receiver {
  readonly received: Received[] = [];
  readonly answers: number[] = [];
  private server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      this.received.push({ path: req.url ?? '', headers: req.headers, body });
      const status = this.answers.shift() ?? 200;
      if (status >= 300 && status < 400) res.setHeader('location', `${this.url}/redirected`);
      res.writeHead(status).end();
    });
  });
  url = '';

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    const address = this.server.address() as { port: number };
    this.url = `http://127.0.0.1:${address.port}`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  /** The requests to `path`, once `count` of them have arrived (polls; fails after 10 s). */
  async waitFor(path: string, count: number): Promise<Received[]> {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const hits = this.received.filter((r) => r.path === path);
      if (hits.length >= count) return hits;
      if (Date.now() > deadline) assert.fail(`${count} request(s) to ${path} expected, ${hits.length} arrived`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}

/** Standard Webhooks' signature, computed here without Roster's code. */
function expectedSignature(secret: string, id: string, timestamp: string, body: string): string {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  return `v1,${createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64')}`;
}

const FAST = { webhooks: { allowPrivate: true, retryBaseMs: 50 }, jobPollMs: 25 };

async function deliveriesOf(server: TestServer, hookId: string, until: (items: any[]) => boolean): Promise<any[]> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const res = await server.admin.get(`/api/v1/webhooks/${hookId}/deliveries`);
    assert.equal(res.status, 200, res.text);
    if (until(res.body.items)) return res.body.items;
    if (Date.now() > deadline) assert.fail(`deliveries never settled: ${res.text}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('webhook sender', () => {
  it('refuses a name that resolves to a loopback address, checked on the address it would connect to', async () => {
    const receiver = new Receiver();
    await receiver.start();
    try {
      const port = new URL(receiver.url).port;
      // "localhost" is a name, not an address: only the lookup can tell where it goes.
      await assert.rejects(post(new URL(`http://localhost:${port}/x`), {}, '{}', { allowPrivate: false }), RefusedTarget);
      await assert.rejects(post(new URL(`http://127.0.0.1:${port}/x`), {}, '{}', { allowPrivate: false }), RefusedTarget);
      assert.equal(receiver.received.length, 0);
      assert.equal(await post(new URL(`http://localhost:${port}/x`), {}, '{}', { allowPrivate: true }), 200);
      receiver.answers.push(500);
      assert.equal(await post(new URL(`${receiver.url}/x`), {}, '{}', { allowPrivate: true }), 500);
    } finally {
      await receiver.stop();
    }
  });

  it('gives up on a receiver that does not answer in time', async () => {
    const silent = http.createServer(() => {}); // never answers
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = silent.address() as { port: number };
      await assert.rejects(post(new URL(`http://127.0.0.1:${port}/`), {}, '{}', { allowPrivate: true, timeoutMs: 200 }), /no answer within 0.2 s/);
    } finally {
      silent.closeAllConnections();
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  it('classifies addresses: only public unicast passes', () => {
    for (const address of ['127.0.0.1', '10.0.0.1', '172.16.5.4', '192.168.1.1', '169.254.169.254', '::1', 'fe80::1', 'fc00::1', '::ffff:10.0.0.1', '0.0.0.0', '100.64.0.1']) {
      assert.equal(isPublicAddress(address), false, address);
    }
    for (const address of ['::7f00:1', '64:ff9b::a00:1', '2002:a00:1::1']) assert.equal(isPublicAddress(address), false, `${address}: IPv6 outside global unicast, or mapping a private IPv4`);
    for (const address of ['93.184.216.34', '2606:2800:220:1:248:1893:25c8:1946', '::ffff:93.184.216.34']) assert.equal(isPublicAddress(address), true, address);
  });
});

for (const backend of backends()) {
  describe(`webhooks (${backend})`, () => {
    const receiver = new Receiver();
    before(() => receiver.start());
    after(() => receiver.stop());
    const server = withServer(backend, FAST);

    it('is created with its secret shown once, read, changed and deleted', async () => {
      const res = await server.admin.post('/api/v1/webhooks', { url: `${receiver.url}/crud`, events: ['user.*', 'group.created'], description: 'CRM sync' });
      assert.equal(res.status, 201, res.text);
      assert.match(res.body.secret, /^whsec_[A-Za-z0-9+/]{32}$/);
      assert.equal(res.headers.get('location'), `/api/v1/webhooks/${res.body.id}`);
      assert.deepEqual({ url: res.body.url, events: res.body.events, active: res.body.active, description: res.body.description }, { url: `${receiver.url}/crud`, events: ['user.*', 'group.created'], active: true, description: 'CRM sync' });
      const got = await server.admin.get(`/api/v1/webhooks/${res.body.id}`);
      assert.equal(got.status, 200);
      assert.equal('secret' in got.body, false, 'never shown again');
      assert.ok((await server.admin.get('/api/v1/webhooks')).body.items.some((h: any) => h.id === res.body.id && !('secret' in h)));
      const patched = await server.admin.patch(`/api/v1/webhooks/${res.body.id}`, { active: false, events: ['*'] });
      assert.deepEqual([patched.status, patched.body.active, patched.body.events], [200, false, ['*']], patched.text);
      assert.equal((await server.admin.delete(`/api/v1/webhooks/${res.body.id}`)).status, 204);
      expectProblem(await server.admin.get(`/api/v1/webhooks/${res.body.id}`), 404, 'webhook.not_found');
      expectProblem(await server.admin.post('/api/v1/webhooks', { url: `${receiver.url}/x`, events: ['User Created'] }), 400, 'request.invalid');
      expectProblem(await server.admin.post('/api/v1/webhooks', { url: 'ftp://example.com/x', events: ['*'] }), 400, 'request.invalid');
    });

    it('delivers a matching event signed as Standard Webhooks says, and nothing that does not match', async () => {
      const hook = (await server.admin.post('/api/v1/webhooks', { url: `${receiver.url}/signed`, events: ['user.created'] })).body;
      const other = (await server.admin.post('/api/v1/webhooks', { url: `${receiver.url}/groups-only`, events: ['group.*'] })).body;
      const user = await createUser(server.admin);
      const [request] = await receiver.waitFor('/signed', 1);
      const id = request.headers['webhook-id'] as string;
      const timestamp = request.headers['webhook-timestamp'] as string;
      assert.equal(request.headers['content-type'], 'application/json');
      assert.match(timestamp, /^\d{10}$/);
      assert.ok(Math.abs(Number(timestamp) - Date.now() / 1000) < 60);
      assert.equal(request.headers['webhook-signature'], expectedSignature(hook.secret, id, timestamp, request.body));
      const body = JSON.parse(request.body);
      assert.equal(body.type, 'user.created');
      assert.equal(typeof body.timestamp, 'string');
      assert.deepEqual({ action: body.data.action, target: body.data.target, actor: body.data.actor.type }, { action: 'user.created', target: { type: 'user', id: user.id }, actor: 'user' });
      const [delivery] = await deliveriesOf(server, hook.id, (items) => items[0]?.status === 'delivered');
      assert.deepEqual({ id: delivery.id, type: delivery.type, attempts: delivery.attempts, responseStatus: delivery.responseStatus, eventId: delivery.eventId }, { id, type: 'user.created', attempts: 1, responseStatus: 200, eventId: body.data.id });
      assert.deepEqual((await server.admin.get(`/api/v1/webhooks/${other.id}/deliveries`)).body.items, []);
      const metrics = await server.admin.get('/metrics');
      assert.match(metrics.text, /roster_webhook_deliveries\{status="delivered"\} [1-9]/);
      for (const h of [hook, other]) await server.admin.delete(`/api/v1/webhooks/${h.id}`);
    });

    it('retries a failing receiver under the same webhook-id, and redelivers on request', async () => {
      const hook = (await server.admin.post('/api/v1/webhooks', { url: `${receiver.url}/flaky`, events: ['user.deleted'] })).body;
      receiver.answers.push(500, 503);
      await server.admin.delete(`/api/v1/users/${(await createUser(server.admin)).id}`);
      const requests = await receiver.waitFor('/flaky', 3);
      const ids = requests.map((r) => r.headers['webhook-id']);
      assert.equal(new Set(ids).size, 1, 'one webhook-id for every attempt');
      assert.equal(new Set(requests.map((r) => r.body)).size, 1, 'the same body');
      const [delivery] = await deliveriesOf(server, hook.id, (items) => items[0]?.status === 'delivered');
      assert.deepEqual([delivery.attempts, delivery.responseStatus, delivery.lastError], [3, 200, null]);
      const again = await server.admin.post(`/api/v1/webhooks/${hook.id}/deliveries/${delivery.id}/redeliver`, {});
      assert.deepEqual([again.status, again.body.status], [202, 'pending'], again.text);
      const fourth = (await receiver.waitFor('/flaky', 4))[3];
      assert.deepEqual([fourth.headers['webhook-id'], fourth.body], [ids[0], requests[0].body]);
      expectProblem(await server.admin.post(`/api/v1/webhooks/${hook.id}/deliveries/${hook.id}/redeliver`, {}), 404, 'webhook.delivery_not_found');
      await server.admin.delete(`/api/v1/webhooks/${hook.id}`);
    });

    it('never replays its secret for an Idempotency-Key', async () => {
      const body = { url: `${receiver.url}/idem`, events: ['user.created'] };
      const first = await server.admin.request('POST', '/api/v1/webhooks', { body, headers: { 'idempotency-key': 'webhook-once' } });
      const second = await server.admin.request('POST', '/api/v1/webhooks', { body, headers: { 'idempotency-key': 'webhook-once' } });
      assert.deepEqual([first.status, second.status], [201, 201]);
      assert.equal(second.headers.get('idempotency-replayed'), null);
      assert.notEqual(second.body.secret, first.body.secret);
      for (const made of [first.body, second.body]) await server.admin.delete(`/api/v1/webhooks/${made.id}`);
    });

    it('does not follow a redirect', async () => {
      const hook = (await server.admin.post('/api/v1/webhooks', { url: `${receiver.url}/moved`, events: ['user.updated'] })).body;
      receiver.answers.push(302);
      const user = await createUser(server.admin);
      await server.admin.patch(`/api/v1/users/${user.id}`, { locale: 'fr' });
      await receiver.waitFor('/moved', 1);
      const [delivery] = await deliveriesOf(server, hook.id, (items) => items[0]?.attempts >= 1);
      assert.equal(delivery.responseStatus, 302);
      assert.match(delivery.lastError, /redirects are not followed/);
      assert.equal(receiver.received.filter((r) => r.path === '/redirected').length, 0);
      await server.admin.delete(`/api/v1/webhooks/${hook.id}`);
    });
  });

  describe(`webhook redelivery while still tried (${backend})`, () => {
    const receiver = new Receiver();
    before(() => receiver.start());
    after(() => receiver.stop());
    // A long first retry: the delivery stays "retrying" for the length of the test.
    const server = withServer(backend, { webhooks: { allowPrivate: true, retryBaseMs: 600_000 }, jobPollMs: 25 });

    it('refuses to redeliver a delivery that is still being tried', async () => {
      const hook = (await server.admin.post('/api/v1/webhooks', { url: `${receiver.url}/down`, events: ['user.created'] })).body;
      receiver.answers.push(500);
      await createUser(server.admin);
      const [delivery] = await deliveriesOf(server, hook.id, (items) => items[0]?.status === 'retrying');
      expectProblem(await server.admin.post(`/api/v1/webhooks/${hook.id}/deliveries/${delivery.id}/redeliver`, {}), 409, 'webhook.delivery_in_progress');
      assert.equal(receiver.received.length, 1);
    });
  });

  describe(`webhook targets (${backend})`, () => {
    const server = withServer(backend);

    it('refuses loopback and private targets unless ROSTER_WEBHOOK_ALLOW_PRIVATE is set', async () => {
      for (const url of ['http://127.0.0.1:9/hook', 'http://localhost/hook', 'http://10.1.2.3/hook', 'http://[::1]/hook', 'http://169.254.169.254/latest/meta-data', 'http://[::ffff:192.168.0.1]/x']) {
        const res = await server.admin.post('/api/v1/webhooks', { url, events: ['*'] });
        const problem = expectProblem(res, 400, 'request.invalid');
        assert.deepEqual(problem.errors.map((e: any) => [e.pointer, e.code]), [['/url', 'not_allowed']], url);
      }
    });
  });

  describe(`webhooks across a restart (${backend})`, () => {
    it('sends after a restart what was queued before it', async () => {
      const receiver = new Receiver();
      await receiver.start();
      // The first process never runs its worker: the delivery stays queued in the database.
      const first = await startServer(backend, { ...FAST, worker: false });
      let second: TestServer | undefined;
      try {
        const hook = (await first.admin.post('/api/v1/webhooks', { url: `${receiver.url}/later`, events: ['user.created'] })).body;
        const user = await createUser(first.admin);
        await first.stop();
        assert.equal(receiver.received.length, 0);
        second = await startServer(backend, { ...FAST, database: first.database });
        const [request] = await receiver.waitFor('/later', 1);
        assert.equal(JSON.parse(request.body).data.target.id, user.id);
        assert.equal(request.headers['webhook-signature'], expectedSignature(hook.secret, request.headers['webhook-id'] as string, request.headers['webhook-timestamp'] as string, request.body));
      } finally {
        await second?.close();
        if (!second) await first.database.drop();
        await receiver.stop();
      }
    });
  });
}
