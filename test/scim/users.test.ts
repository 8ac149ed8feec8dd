// /scim/v2 (API.md, "SCIM 2.0"), the first part: discovery, and Users created, read, listed,
// replaced and deleted through SCIM — the same users as /api/v1 — with SCIM error documents.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { backends } from '../support/backends.ts';
import { withServer } from '../support/server.ts';
import { basic } from '../support/client.ts';
import { createLogin, STRONG_PASSWORD, uniqueName } from '../support/factories.ts';
import { expectScimError, PATCH_OP, scim, SCIM } from '../support/scim.ts';


// Microsoft Entra ID's create request, as "Develop and plan provisioning for a SCIM endpoint"
// (learn.microsoft.com/entra/identity/app-provisioning/use-scim-to-provision-users-and-groups,
// "Create User") shows it; userName and externalId made unique per run.
function entraCreate(userName: string, externalId: string) {
  return {
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:User', 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User'],
    externalId,
    userName,
    active: true,
    emails: [{ primary: true, type: 'work', value: `${userName}@testuser.com` }],
    meta: { resourceType: 'User' },
    name: { formatted: 'givenName familyName', familyName: 'familyName', givenName: 'givenName' },
    roles: [],
  };
}



for (const backend of backends()) {
  describe(`SCIM users (${backend})`, () => {
    const server = withServer(backend);

    it('describes itself without credentials', async () => {
      const config = await scim(server.anon, 'GET', '/ServiceProviderConfig');
      assert.equal(config.status, 200, config.text);
      assert.equal(config.headers.get('content-type'), `${SCIM}; charset=utf-8`);
      assert.deepEqual({ filter: config.body.filter, etag: config.body.etag }, { filter: { supported: true, maxResults: 1000 }, etag: { supported: true } });
      const types = (await scim(server.anon, 'GET', '/ResourceTypes')).body;
      assert.deepEqual(types.Resources.map((t: any) => [t.id, t.endpoint, t.schema]), [
        ['User', '/Users', 'urn:ietf:params:scim:schemas:core:2.0:User'],
        ['Group', '/Groups', 'urn:ietf:params:scim:schemas:core:2.0:Group'],
      ]);
      const schemas = (await scim(server.anon, 'GET', '/Schemas')).body;
      const user = schemas.Resources.find((s: any) => s.id === 'urn:ietf:params:scim:schemas:core:2.0:User');
      assert.ok(user.attributes.some((a: any) => a.name === 'userName' && a.required && a.uniqueness === 'server'));
      const one = await scim(server.anon, 'GET', `/Schemas/${encodeURIComponent(user.id)}`);
      assert.equal(one.body.name, 'User');
    });

    it('creates a user from Entra ID\'s request, the same user /api/v1 then shows', async () => {
      const userName = uniqueName('Test_User');
      const res = await scim(server.admin, 'POST', '/Users', entraCreate(userName, uniqueName('ext')));
      assert.equal(res.status, 201, res.text);
      const created = res.body;
      assert.equal(res.headers.get('location'), created.meta.location);
      assert.equal(res.headers.get('etag'), created.meta.version);
      assert.match(created.meta.location, new RegExp(`/scim/v2/Users/${created.id}$`));
      assert.deepEqual(
        { userName: created.userName, name: created.name, displayName: created.displayName, emails: created.emails, active: created.active, resourceType: created.meta.resourceType },
        {
          userName,
          name: { formatted: 'givenName familyName', givenName: 'givenName', familyName: 'familyName' },
          displayName: 'givenName familyName',
          emails: [{ value: `${userName}@testuser.com`, type: 'work', primary: true }],
          active: false, // no password: invited, not yet active
          resourceType: 'User',
        },
      );
      const rest = (await server.admin.get(`/api/v1/users/${created.id}`)).body;
      assert.deepEqual(
        { username: rest.username, email: rest.email, givenName: rest.givenName, externalId: rest.externalId, status: rest.status },
        { username: userName, email: `${userName}@testuser.com`, givenName: 'givenName', externalId: created.externalId, status: 'invited' },
      );
      const again = await scim(server.admin, 'POST', '/Users', entraCreate(userName.toUpperCase(), uniqueName('ext')));
      expectScimError(again, 409, 'uniqueness');
    });

    it('creates with a password and "active": "False" as Entra ID sends it: a disabled user who has a password', async () => {
      const userName = uniqueName('flag');
      const res = await scim(server.admin, 'POST', '/Users', { schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], userName, password: STRONG_PASSWORD, active: 'False' });
      assert.equal(res.status, 201, res.text);
      assert.equal(res.body.active, false);
      assert.equal(res.body['urn:roster:params:scim:schemas:extension:roster:2.0:User'].status, 'disabled');
      assert.equal('password' in res.body, false);
      expectScimError(await scim(server.admin, 'POST', '/Users', { userName: uniqueName('weak'), password: 'password' }), 400, 'invalidValue');
      expectScimError(await scim(server.admin, 'POST', '/Users', { name: { givenName: 'No' } }), 400, 'invalidValue');
      expectScimError(await scim(server.admin, 'POST', '/Users', { userName: uniqueName('bad'), emails: [{ value: 'not-an-email' }] }), 400, 'invalidValue');
    });

    it('lists with a filter, startIndex, count and totalResults, shaped by attributes', async () => {
      const tag = uniqueName('page').toLowerCase();
      for (let i = 1; i <= 3; i++) assert.equal((await scim(server.admin, 'POST', '/Users', { userName: `${tag}-${i}`, emails: [{ value: `${tag}-${i}@example.com`, primary: true }] })).status, 201);
      const filter = encodeURIComponent(`userName sw "${tag}" and emails[value ew "@example.com"]`);
      const page = await scim(server.admin, 'GET', `/Users?filter=${filter}&startIndex=2&count=1&attributes=userName,name.givenName`);
      assert.equal(page.status, 200, page.text);
      assert.deepEqual(
        { ...page.body, Resources: page.body.Resources.map((u: any) => Object.keys(u).sort()) },
        { schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'], totalResults: 3, startIndex: 2, itemsPerPage: 1, Resources: [['id', 'schemas', 'userName']] },
      );
      assert.equal(page.body.Resources[0].userName, `${tag}-2`);
      const beyond = (await scim(server.admin, 'GET', `/Users?filter=${filter}&startIndex=10`)).body;
      assert.deepEqual({ total: beyond.totalResults, items: beyond.itemsPerPage, resources: beyond.Resources }, { total: 3, items: 0, resources: [] });
      const slim = (await scim(server.admin, 'GET', `/Users?filter=${filter}&count=1&excludedAttributes=meta,emails,groups`)).body.Resources[0];
      assert.equal('meta' in slim || 'emails' in slim || 'groups' in slim, false);
      assert.equal(slim.userName, `${tag}-1`);
      expectScimError(await scim(server.admin, 'GET', `/Users?filter=${encodeURIComponent('userName eq')}`), 400, 'invalidFilter');
      // The same query in a SearchRequest body, sorted backwards.
      const searched = await scim(server.admin, 'POST', '/Users/.search', {
        schemas: ['urn:ietf:params:scim:api:messages:2.0:SearchRequest'],
        filter: `userName sw "${tag}"`,
        sortBy: 'userName',
        sortOrder: 'descending',
        attributes: ['userName'],
        count: 2,
      });
      assert.equal(searched.status, 200, searched.text);
      assert.deepEqual(
        { total: searched.body.totalResults, names: searched.body.Resources.map((u: any) => u.userName) },
        { total: 3, names: [`${tag}-3`, `${tag}-2`] },
      );
      const byCreation = (await scim(server.admin, 'GET', `/Users?filter=${encodeURIComponent(`userName sw "${tag}"`)}&sortBy=meta.created&sortOrder=descending`)).body;
      assert.deepEqual(byCreation.Resources.map((u: any) => u.userName), [`${tag}-3`, `${tag}-2`, `${tag}-1`]);
      assert.equal((await scim(server.admin, 'GET', '/Users?sortBy=shoeSize')).status, 400);
    });

    it('replaces with If-Match, clears what the resource leaves out, and deletes', async () => {
      const created = (await scim(server.admin, 'POST', '/Users', { userName: uniqueName('put'), password: STRONG_PASSWORD, name: { givenName: 'Old', familyName: 'Name' }, locale: 'de' })).body;
      expectScimError(await scim(server.admin, 'PUT', `/Users/${created.id}`, { userName: created.userName, active: false }, { 'if-match': '"v0-stale"' }), 412);
      const res = await scim(server.admin, 'PUT', `/Users/${created.id}`, { userName: created.userName, name: { givenName: 'New' }, active: false }, { 'if-match': created.meta.version });
      assert.equal(res.status, 200, res.text);
      assert.deepEqual({ name: res.body.name, locale: res.body.locale, active: res.body.active }, { name: { givenName: 'New' }, locale: undefined, active: false });
      assert.notEqual(res.body.meta.version, created.meta.version);
      assert.equal((await server.client(basic(created.userName, STRONG_PASSWORD)).get('/api/v1/users/me')).status, 401, 'a disabled user cannot sign in');
      assert.equal((await scim(server.admin, 'DELETE', `/Users/${created.id}`)).status, 204);
      expectScimError(await scim(server.admin, 'GET', `/Users/${created.id}`), 404);
    });

        const patch = (id: string, Operations: unknown[], headers: Record<string, string> = {}) =>
      scim(server.admin, 'PATCH', `/Users/${id}`, { schemas: [PATCH_OP], Operations }, headers);
    const restUser = async (id: string) => (await server.admin.get(`/api/v1/users/${id}`)).body;

    it('takes Entra ID\'s PATCH requests: a value-filter path, "Replace" in any case, active as false and as "False"', async () => {
      const userName = uniqueName('Test_User');
      const created = (await scim(server.admin, 'POST', '/Users', { ...entraCreate(userName, uniqueName('ext')), password: STRONG_PASSWORD })).body;
      // Entra ID's "Update User [Multi-valued properties]" request.
      const res = await patch(created.id, [
        { op: 'Replace', path: 'emails[type eq "work"].value', value: `updated-${userName}@example.com` },
        { op: 'Replace', path: 'name.familyName', value: 'updatedFamilyName' },
      ]);
      assert.equal(res.status, 200, res.text);
      assert.deepEqual(res.body.emails, [{ value: `updated-${userName}@example.com`, type: 'work', primary: true }]);
      assert.deepEqual(res.body.name, { formatted: 'givenName familyName', givenName: 'givenName', familyName: 'updatedFamilyName' });
      assert.equal(res.headers.get('etag'), res.body.meta.version);
      assert.equal((await restUser(created.id)).email, `updated-${userName}@example.com`, 'the same user in /api/v1');
      // Entra ID's "Disable User" request, then the string form it also sends.
      assert.equal((await patch(created.id, [{ op: 'Replace', path: 'active', value: false }])).body.active, false);
      assert.equal((await restUser(created.id)).status, 'disabled');
      assert.equal((await patch(created.id, [{ op: 'replace', path: 'active', value: 'True' }])).body.active, true);
      assert.equal((await patch(created.id, [{ op: 'replace', path: 'active', value: 'False' }])).body.active, false);
    });

    it('takes Okta\'s path-less replace, dotted and schema-qualified keys, and removals', async () => {
      const created = (await scim(server.admin, 'POST', '/Users', { userName: uniqueName('okta'), password: STRONG_PASSWORD, name: { givenName: 'G', familyName: 'F' }, emails: [{ value: `${uniqueName('o')}@example.com`, primary: true }], locale: 'en' })).body;
      // Okta's deactivate and reactivate requests ("SCIM 2.0 guide", Update a specific user).
      assert.equal((await patch(created.id, [{ op: 'replace', value: { active: false } }])).body.active, false);
      assert.equal((await patch(created.id, [{ op: 'replace', value: { active: true } }])).body.active, true);
      const res = await patch(created.id, [
        { op: 'replace', value: { 'name.givenName': 'Given', 'urn:roster:params:scim:schemas:extension:roster:2.0:User': { role: 'auditor' } } },
        { op: 'remove', path: 'locale' },
        { op: 'remove', path: 'emails[type eq "work"]' },
        { op: 'add', path: 'urn:roster:params:scim:schemas:extension:roster:2.0:User:path', value: 'users/imported' },
      ]);
      assert.equal(res.status, 200, res.text);
      const rest = await restUser(created.id);
      assert.deepEqual(
        { givenName: rest.givenName, familyName: rest.familyName, role: rest.role, locale: rest.locale, email: rest.email, path: rest.path },
        { givenName: 'Given', familyName: 'F', role: 'auditor', locale: null, email: null, path: 'users/imported' },
      );
    });

    it('refuses bad operations with SCIM error types, and a stale If-Match', async () => {
      const created = (await scim(server.admin, 'POST', '/Users', { userName: uniqueName('bad-patch'), password: STRONG_PASSWORD })).body;
      expectScimError(await patch(created.id, [{ op: 'move', path: 'locale', value: 'de' }]), 400, 'invalidValue');
      expectScimError(await patch(created.id, [{ op: 'replace', path: 'emails[type eq', value: 'x' }]), 400, 'invalidPath');
      expectScimError(await patch(created.id, [{ op: 'replace', path: 'emails[type eq "home"].value', value: 'x@example.com' }]), 400, 'noTarget');
      expectScimError(await patch(created.id, [{ op: 'remove' }]), 400, 'noTarget');
      expectScimError(await patch(created.id, [{ op: 'replace', path: 'urn:roster:params:scim:schemas:extension:roster:2.0:User:type', value: 'external' }]), 400, 'mutability');
      expectScimError(await patch(created.id, [{ op: 'replace', path: 'locale', value: 'de' }], { 'if-match': '"v0-stale"' }), 412);
      expectScimError(await scim(server.admin, 'PATCH', `/Users/${created.id}`, { Operations: [] }), 400, 'invalidValue');
      assert.equal((await restUser(created.id)).locale, null, 'nothing changed');
    });

    it('shows the caller at /Me, whatever its role', async () => {
      const login = await createLogin(server.admin, 'user');
      const me = await scim(server.client(login.auth), 'GET', '/Me');
      assert.equal(me.status, 200, me.text);
      assert.deepEqual({ id: me.body.id, userName: me.body.userName, etag: me.headers.get('etag') }, { id: login.user.id, userName: login.user.username, etag: me.body.meta.version });
      expectScimError(await scim(server.anon, 'GET', '/Me'), 401);
    });

    it('answers SCIM errors for missing credentials and for roles that may not write', async () => {
      expectScimError(await scim(server.anon, 'GET', '/Users'), 401);
      expectScimError(await scim(server.admin, 'GET', '/Nothing'), 404);
      const auditor = server.client((await createLogin(server.admin, 'auditor')).auth);
      assert.equal((await scim(auditor, 'GET', '/Users?count=1')).status, 200);
      expectScimError(await scim(auditor, 'POST', '/Users', { userName: uniqueName('no') }), 403);
    });
  });
}
