// /scim/v2/Bulk (RFC 7644 §3.7, API.md "SCIM 2.0"): operations answered one by one, bulkId
// references resolved whatever the order, failOnErrors, the declared limits, and each operation
// held to the same roles as when sent alone.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { backends } from '../support/backends.ts';
import { withServer } from '../support/server.ts';
import { createLogin, createUser, uniqueName } from '../support/factories.ts';
import { expectScimError, scim, SCIM, SCIM_ERROR } from '../support/scim.ts';

const BULK_REQUEST = 'urn:ietf:params:scim:api:messages:2.0:BulkRequest';
const BULK_RESPONSE = 'urn:ietf:params:scim:api:messages:2.0:BulkResponse';
const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
const GROUP = 'urn:ietf:params:scim:schemas:core:2.0:Group';

const bulk = (Operations: unknown[], extra: Record<string, unknown> = {}) => ({ schemas: [BULK_REQUEST], Operations, ...extra });

for (const backend of backends()) {
  describe(`SCIM bulk (${backend})`, () => {
    const server = withServer(backend);

    it('declares its limits in /ServiceProviderConfig', async () => {
      const config = (await scim(server.anon, 'GET', '/ServiceProviderConfig')).body;
      assert.deepEqual(config.bulk, { supported: true, maxOperations: 1000, maxPayloadSize: 1048576 });
    });

    it('resolves bulkId references whatever the order: RFC 7644 §3.7.2\'s user and group', async () => {
      const userName = uniqueName('Alice');
      const groupName = uniqueName('Tour Guides');
      // RFC 7644 §3.7.2's request, with the group first so its reference waits for the user.
      const res = await scim(server.admin, 'POST', '/Bulk', bulk([
        {
          method: 'POST',
          path: '/Groups',
          bulkId: 'ytrewq',
          data: { schemas: [GROUP], displayName: groupName, members: [{ type: 'User', value: 'bulkId:qwerty' }] },
        },
        { method: 'POST', path: '/Users', bulkId: 'qwerty', data: { schemas: [USER], userName } },
      ]));
      assert.equal(res.status, 200, res.text);
      assert.equal(res.headers.get('content-type'), `${SCIM}; charset=utf-8`);
      assert.deepEqual(res.body.schemas, [BULK_RESPONSE]);
      const [group, user] = res.body.Operations;
      assert.deepEqual([group.method, group.bulkId, group.status, user.method, user.bulkId, user.status], ['POST', 'ytrewq', '201', 'POST', 'qwerty', '201']);
      assert.match(user.location, /\/scim\/v2\/Users\/[0-9a-f-]{36}$/);
      assert.match(group.location, /\/scim\/v2\/Groups\/[0-9a-f-]{36}$/);
      assert.ok(user.version && group.version === undefined ? true : typeof group.version === 'string');
      const userId = user.location.split('/').pop();
      const shown = await scim(server.admin, 'GET', `/Groups/${group.location.split('/').pop()}`);
      assert.deepEqual(shown.body.members.map((m: any) => m.value), [userId]);
      assert.equal((await server.admin.get(`/api/v1/users/${userId}`)).body.username, userName);
    });

    it('runs replaces, patches and deletes with their versions, each answered on its own', async () => {
      const [a, b] = [await createUser(server.admin), await createUser(server.admin)];
      const aNow = (await scim(server.admin, 'GET', `/Users/${a.id}`)).body;
      const res = await scim(server.admin, 'POST', '/Bulk', bulk([
        { method: 'PUT', path: `/Users/${a.id}`, version: aNow.meta.version, data: { userName: a.username, locale: 'de' } },
        { method: 'PATCH', path: `/Users/${b.id}`, version: 'W/"stale"', data: { schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], Operations: [{ op: 'replace', path: 'locale', value: 'fr' }] } },
        { method: 'DELETE', path: `/Users/${b.id}` },
        { method: 'POST', path: '/Users', bulkId: 'dup', data: { userName: a.username } },
      ]));
      assert.equal(res.status, 200, res.text);
      const statuses = res.body.Operations.map((op: any) => op.status);
      assert.deepEqual(statuses, ['200', '412', '204', '409']);
      assert.equal(res.body.Operations[0].version, (await scim(server.admin, 'GET', `/Users/${a.id}`)).body.meta.version);
      assert.deepEqual(res.body.Operations[1].response.schemas, [SCIM_ERROR]);
      assert.equal(res.body.Operations[3].response.scimType, 'uniqueness');
      assert.equal(res.body.Operations[0].response, undefined, 'a success carries no body');
      assert.equal((await server.admin.get(`/api/v1/users/${a.id}`)).body.locale, 'de');
      assert.equal((await server.admin.get(`/api/v1/users/${b.id}`)).status, 404);
    });

    it('resolves a bulkId in a path, and refuses paths that are not a resource', async () => {
      const userName = uniqueName('pathref');
      const res = await scim(server.admin, 'POST', '/Bulk', bulk([
        { method: 'PATCH', path: '/Users/bulkId:made', data: { schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], Operations: [{ op: 'replace', path: 'locale', value: 'it' }] } },
        { method: 'POST', path: '/Users', bulkId: 'made', data: { userName } },
      ]));
      assert.deepEqual(res.body.Operations.map((op: any) => op.status), ['200', '201'], res.text);
      const id = res.body.Operations[1].location.split('/').pop();
      assert.equal((await server.admin.get(`/api/v1/users/${id}`)).body.locale, 'it');
      for (const path of ['/Users/../../api/v1/users', '/Users/a\\b', '/Users/x/y', '/Users/%2e%2e']) {
        expectScimError(await scim(server.admin, 'POST', '/Bulk', bulk([{ method: 'DELETE', path }])), 400, 'invalidValue');
      }
      let deep: unknown = 'x';
      for (let i = 0; i < 40; i++) deep = [deep];
      expectScimError(await scim(server.admin, 'POST', '/Bulk', bulk([{ method: 'POST', path: '/Users', bulkId: 'deep', data: { userName: 'd', x: deep } }])), 400, 'invalidValue');
    });

    it('stops after failOnErrors failures, and fails what refers to a failed, unknown or circular bulkId', async () => {
      const taken = (await createUser(server.admin)).username;
      const stopped = await scim(server.admin, 'POST', '/Bulk', bulk([
        { method: 'POST', path: '/Users', bulkId: 'one', data: { userName: taken } },
        { method: 'POST', path: '/Users', bulkId: 'two', data: { userName: taken } },
        { method: 'POST', path: '/Users', bulkId: 'three', data: { userName: uniqueName('never') } },
      ], { failOnErrors: 2 }));
      assert.deepEqual(stopped.body.Operations.map((op: any) => [op.bulkId, op.status]), [['one', '409'], ['two', '409']]);

      const fresh = uniqueName('circle');
      const res = await scim(server.admin, 'POST', '/Bulk', bulk([
        { method: 'POST', path: '/Users', bulkId: 'bad', data: { userName: taken } },
        { method: 'POST', path: '/Groups', bulkId: 'needs-bad', data: { displayName: uniqueName('g'), members: [{ value: 'bulkId:bad' }] } },
        { method: 'POST', path: '/Groups', bulkId: 'needs-ghost', data: { displayName: uniqueName('g'), members: [{ value: 'bulkId:ghost' }] } },
        { method: 'POST', path: '/Users', bulkId: 'x', data: { userName: fresh, externalId: 'bulkId:y' } },
        { method: 'POST', path: '/Users', bulkId: 'y', data: { userName: uniqueName('circle'), externalId: 'bulkId:x' } },
      ]));
      assert.equal(res.status, 200, res.text);
      assert.deepEqual(res.body.Operations.map((op: any) => [op.bulkId, op.status, op.response?.scimType]), [
        ['bad', '409', 'uniqueness'],
        ['needs-bad', '409', 'invalidValue'],
        ['needs-ghost', '409', 'invalidValue'],
        ['x', '409', 'invalidValue'],
        ['y', '409', 'invalidValue'],
      ]);
      assert.match(res.body.Operations[2].response.detail, /bulkId:ghost cannot be resolved: no operation of this request creates it/);
      assert.match(res.body.Operations[3].response.detail, /circular/);
      const none = await scim(server.admin, 'GET', `/Users?filter=${encodeURIComponent(`userName eq "${fresh}"`)}`);
      assert.equal(none.body.totalResults, 0);
    });

    it('refuses a malformed or oversized request as a whole', async () => {
      expectScimError(await scim(server.admin, 'POST', '/Bulk', { Operations: [] }), 400, 'invalidValue');
      expectScimError(await scim(server.admin, 'POST', '/Bulk', bulk([])), 400, 'invalidValue');
      expectScimError(await scim(server.admin, 'POST', '/Bulk', bulk([{ method: 'GET', path: '/Users' }])), 400, 'invalidValue');
      expectScimError(await scim(server.admin, 'POST', '/Bulk', bulk([{ method: 'POST', path: '/Users', data: {} }])), 400, 'invalidValue');
      expectScimError(await scim(server.admin, 'POST', '/Bulk', bulk([{ method: 'DELETE', path: '/Users' }])), 400, 'invalidValue');
      expectScimError(await scim(server.admin, 'POST', '/Bulk', bulk([{ method: 'POST', path: '/Bulk', bulkId: 'a', data: {} }])), 400, 'invalidValue');
      const twice = [{ method: 'POST', path: '/Users', bulkId: 'a', data: {} }, { method: 'POST', path: '/Users', bulkId: 'a', data: {} }];
      expectScimError(await scim(server.admin, 'POST', '/Bulk', bulk(twice)), 400, 'invalidValue');
      expectScimError(await scim(server.admin, 'POST', '/Bulk', bulk([{ method: 'DELETE', path: '/Users/x' }], { failOnErrors: 0 })), 400, 'invalidValue');
      const many = Array.from({ length: 1001 }, () => ({ method: 'DELETE', path: '/Users/x' }));
      expectScimError(await scim(server.admin, 'POST', '/Bulk', bulk(many)), 413, 'tooMany');
      const big = bulk([{ method: 'POST', path: '/Users', bulkId: 'big', data: { userName: 'x', filler: 'y'.repeat(1024 * 1024) } }]);
      expectScimError(await scim(server.admin, 'POST', '/Bulk', big), 413);
    });

    it('holds each operation to the caller\'s role', async () => {
      const auditor = server.client((await createLogin(server.admin, 'auditor')).auth);
      expectScimError(await scim(auditor, 'POST', '/Bulk', bulk([{ method: 'DELETE', path: '/Users/x' }])), 403);
      const manager = server.client((await createLogin(server.admin, 'manager')).auth);
      const res = await scim(manager, 'POST', '/Bulk', bulk([
        { method: 'POST', path: '/Users', bulkId: 'admin', data: { userName: uniqueName('boss'), 'urn:roster:params:scim:schemas:extension:roster:2.0:User': { role: 'admin' } } },
        { method: 'POST', path: '/Users', bulkId: 'plain', data: { userName: uniqueName('plain') } },
      ]));
      assert.deepEqual(res.body.Operations.map((op: any) => op.status), ['403', '201'], res.text);
      expectScimError(await scim(server.anon, 'POST', '/Bulk', bulk([{ method: 'DELETE', path: '/Users/x' }])), 401);
    });
  });
}
