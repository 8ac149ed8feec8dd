// The audit log (API.md, "Audit log and webhooks"): each action writes exactly one event, in the
// transaction of its change, with the actor, the request id and the changed fields' names; a
// failed change writes none; the list filters, bounds by time and pages every event once.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { backends } from '../support/backends.ts';
import { withServer, ADMIN } from '../support/server.ts';
import { basic, expectProblem, type Client } from '../support/client.ts';
import { createLogin, createUser, STRONG_PASSWORD, uniqueName } from '../support/factories.ts';

async function eventsFor(client: Client, filter: string): Promise<any[]> {
  const res = await client.get(`/api/v1/audit-events?filter=${encodeURIComponent(filter)}`);
  assert.equal(res.status, 200, res.text);
  return res.body.items;
}

for (const backend of backends()) {
  describe(`audit log (${backend})`, () => {
    const server = withServer(backend);

    it('records a created user once, with the actor, the request id, the ip and the user agent', async () => {
      const res = await server.admin.request('POST', '/api/v1/users', { body: { username: uniqueName('audited') }, headers: { 'user-agent': 'audit-test/1.0' } });
      assert.equal(res.status, 201, res.text);
      const events = await eventsFor(server.admin, `target.id eq "${res.body.id}"`);
      assert.equal(events.length, 1, JSON.stringify(events));
      const [event] = events;
      const admin = (await server.admin.get('/api/v1/users/me')).body;
      assert.deepEqual(
        { action: event.action, outcome: event.outcome, actor: event.actor, target: event.target, requestId: event.requestId, ip: event.ip, userAgent: event.userAgent, changes: event.changes },
        {
          action: 'user.created',
          outcome: 'success',
          actor: { type: 'user', id: admin.id, username: ADMIN.username },
          target: { type: 'user', id: res.body.id },
          requestId: res.headers.get('x-request-id'),
          ip: '127.0.0.1',
          userAgent: 'audit-test/1.0',
          changes: [],
        },
      );
      assert.match(event.id, /^[0-9a-f-]{36}$/);
      assert.ok(Math.abs(Date.parse(event.time) - Date.now()) < 60_000);
    });

    it('names the changed fields of an update, never their values, and records disable and enable', async () => {
      const user = await createUser(server.admin, { email: `${uniqueName('old')}@example.com`, password: STRONG_PASSWORD });
      const patched = await server.admin.patch(`/api/v1/users/${user.id}`, { locale: 'de', email: `${uniqueName('new')}@example.com`, status: 'disabled' });
      assert.equal(patched.status, 200, patched.text);
      assert.equal((await server.admin.patch(`/api/v1/users/${user.id}`, { status: 'active' })).status, 200);
      const events = (await eventsFor(server.admin, `target.id eq "${user.id}"`)).reverse();
      assert.deepEqual(events.map((e) => [e.action, e.changes]), [
        ['user.created', []],
        ['user.updated', ['email', 'locale', 'status']],
        ['user.disabled', []],
        ['user.updated', ['status']],
        ['user.enabled', []],
      ]);
      assert.equal(JSON.stringify(events).includes(patched.body.email), false, 'no value appears');
    });

    it('writes no success event for a change that fails', async () => {
      const taken = await createUser(server.admin);
      const user = await createUser(server.admin);
      const res = await server.admin.patch(`/api/v1/users/${user.id}`, { username: taken.username });
      expectProblem(res, 409, 'user.username_taken');
      assert.deepEqual((await eventsFor(server.admin, `target.id eq "${user.id}"`)).map((e) => e.action), ['user.created']);
      const deleted = await server.admin.delete(`/api/v1/users/${user.id}`);
      assert.equal(deleted.status, 204);
      assert.deepEqual((await eventsFor(server.admin, `target.id eq "${user.id}"`)).map((e) => e.action), ['user.deleted', 'user.created']);
    });

    it('is read by admins and auditors only, with a precise error for a bad filter', async () => {
      const auditor = server.client((await createLogin(server.admin, 'auditor')).auth);
      assert.equal((await auditor.get('/api/v1/audit-events?limit=1')).status, 200);
      const manager = server.client((await createLogin(server.admin, 'manager')).auth);
      expectProblem(await manager.get('/api/v1/audit-events'), 403, 'auth.forbidden');
      expectProblem(await server.admin.get(`/api/v1/audit-events?filter=${encodeURIComponent('password eq "x"')}`), 400, 'filter.invalid');
      expectProblem(await server.admin.get('/api/v1/audit-events?cursor=nonsense'), 400, 'request.invalid_cursor');
      assert.equal((await server.admin.get('/api/v1/audit-events?since=yesterday')).status, 400);
    });
  });

  describe(`audit log paging (${backend})`, () => {
    it('pages newest first, every event once, bounded by since and until', async () => {
      await withServer(backend, {}, async (server) => {
        const started = new Date();
        const ids: string[] = [];
        for (let i = 0; i < 7; i++) ids.push((await createUser(server.admin)).id);
        const seen: string[] = [];
        let cursor: string | null = null;
        do {
          const query: string = `filter=${encodeURIComponent('action eq "user.created"')}&limit=3&since=${encodeURIComponent(started.toISOString())}${cursor ? `&cursor=${cursor}` : ''}`;
          const page = await server.admin.get(`/api/v1/audit-events?${query}`);
          assert.equal(page.status, 200, page.text);
          assert.ok(page.body.items.length <= 3);
          seen.push(...page.body.items.map((e: any) => e.target.id));
          cursor = page.body.nextCursor;
        } while (cursor);
        assert.deepEqual(seen, [...ids].reverse());
        const none = await server.admin.get(`/api/v1/audit-events?until=${encodeURIComponent(started.toISOString())}&filter=${encodeURIComponent('action eq "user.created"')}`);
        assert.deepEqual(none.body.items, []);
      });
    });
  });
}
