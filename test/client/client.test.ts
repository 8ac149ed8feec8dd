// The typed client (API.md, "Client and CLI"): openapi-fetch over the generated types, problem
// documents thrown as RosterError, importable as the package's `roster/client` export.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { backends } from '../support/backends.ts';
import { ADMIN, withServer } from '../support/server.ts';
import { uniqueName } from '../support/factories.ts';
import { createRosterClient, RosterError } from '../../src/client/index.ts';
import { ensureBuilt } from '../../scripts/build-if-stale.mjs';

const ROOT = new URL('../..', import.meta.url).pathname;

describe('the package export', () => {
  it('is importable as roster/client, from the build', async () => {
    // package.json's exports map roster/client to dist/client.js, which npm start, roster and
    // npm run build make; a package may import itself by its own name.
    ensureBuilt(ROOT);
    const client = await import('roster/client');
    assert.equal(typeof client.createRosterClient, 'function');
    assert.equal(typeof client.RosterError, 'function');
  });
});

for (const backend of backends()) {
  describe(`typed client (${backend})`, () => {
    const server = withServer(backend);

    it('creates and reads a user with typed calls, by Basic and by token', async () => {
      const roster = createRosterClient({ baseUrl: server.url, basic: ADMIN });
      const username = uniqueName('typed');
      const { data: created, response } = await roster.POST('/api/v1/users', { body: { username, type: 'service_account', role: 'auditor' } });
      assert.equal(response.status, 201);
      // The type is the union of the 201 (the user) and the 202 of an asynchronous create.
      assert.ok(created && 'username' in created);
      assert.equal(created.username, username);
      const { data: token } = await roster.POST('/api/v1/users/{id}/tokens', { params: { path: { id: created.id! } }, body: { name: 'typed' } });
      const asAccount = createRosterClient({ baseUrl: `${server.url}/`, token: token!.secret });
      const { data: page } = await asAccount.GET('/api/v1/users', { params: { query: { filter: `username eq "${username}"` } } });
      assert.deepEqual(page!.items.map((u) => u.id), [created.id]);
      await assert.rejects(asAccount.POST('/api/v1/users', { body: { username: uniqueName('no') } }), (error: unknown) => error instanceof RosterError && error.problem.code === 'auth.forbidden');
    });

    it('throws a RosterError that carries the problem document', async () => {
      const roster = createRosterClient({ baseUrl: server.url, basic: ADMIN });
      await assert.rejects(
        roster.GET('/api/v1/users/{id}', { params: { path: { id: '00000000-0000-7000-8000-000000000000' } } }),
        (error: unknown) => {
          assert.ok(error instanceof RosterError);
          assert.deepEqual([error.status, error.problem.code, error.problem.title], [404, 'user.not_found', 'Not Found']);
          assert.equal(error.message, `Not Found: ${error.problem.detail}`);
          return true;
        },
      );
      await assert.rejects(createRosterClient({ baseUrl: server.url, token: 'roster_pat_nope' }).GET('/api/v1/users/me'), (error: unknown) => error instanceof RosterError && error.status === 401);
    });
  });
}
