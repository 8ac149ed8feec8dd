// /scim/v2, what SCIM carries beyond a user's own fields (API.md, "SCIM 2.0"): the Enterprise User
// extension stored and filterable, the emails besides the primary one, a PUT from a client that
// knows nothing of the Roster extension, group externalId, sortBy on groups, and /Me written to.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { backends } from '../support/backends.ts';
import { withServer } from '../support/server.ts';
import { createLogin, createUser, uniqueName } from '../support/factories.ts';
import { basic } from '../support/client.ts';
import { ENTERPRISE, expectScimError, PATCH_OP, ROSTER_USER, scim } from '../support/scim.ts';

const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
const GROUP = 'urn:ietf:params:scim:schemas:core:2.0:Group';

for (const backend of backends()) {
  describe(`SCIM extensions (${backend})`, () => {
    const server = withServer(backend);
    const restUser = async (id: string) => (await server.admin.get(`/api/v1/users/${id}`)).body;

    it('provisions as the README says: a manager service account\'s token, as Bearer', async () => {
      const account = await createUser(server.admin, { username: uniqueName('entra-provisioning'), type: 'service_account', role: 'manager' });
      const token = await server.admin.post(`/api/v1/users/${account.id}/tokens`, { name: 'Entra ID', expiresInDays: 365 });
      assert.equal(token.status, 201, token.text);
      const provider = server.client(`Bearer ${token.body.secret}`);
      const listed = await scim(provider, 'GET', `/Users?filter=${encodeURIComponent('userName eq "nobody-here"')}`);
      assert.deepEqual([listed.status, listed.body.totalResults], [200, 0], listed.text);
      const made = await scim(provider, 'POST', '/Users', { userName: uniqueName('provisioned') });
      assert.equal(made.status, 201, made.text);
      expectScimError(await scim(provider, 'PATCH', `/Users/${made.body.id}`, { schemas: [PATCH_OP], Operations: [{ op: 'replace', path: `${ROSTER_USER}:role`, value: 'admin' }] }), 403);
    });

    it('stores the Enterprise extension and the other emails; /api/v1 shows them in attributes, SCIM gives them back', async () => {
      const userName = uniqueName('ent');
      const dept = uniqueName('Dept');
      // The Enterprise extension as RFC 7643 §8.3 ("Enterprise User Extension Representation") gives it.
      const res = await scim(server.admin, 'POST', '/Users', {
        schemas: [USER, ENTERPRISE],
        userName,
        emails: [
          { value: `${userName}@example.com`, type: 'work', primary: true },
          { value: `${userName}@home.example`, type: 'home' },
        ],
        [ENTERPRISE]: {
          employeeNumber: '701984',
          costCenter: '4130',
          organization: 'Universal Studios',
          division: 'Theme Park',
          department: dept,
          manager: { value: '26118915-6090-4610-87e4-49d8ca9f808d', $ref: '../Users/26118915-6090-4610-87e4-49d8ca9f808d', displayName: 'John Smith' },
        },
      });
      assert.equal(res.status, 201, res.text);
      const expected = {
        employeeNumber: '701984',
        costCenter: '4130',
        organization: 'Universal Studios',
        division: 'Theme Park',
        department: dept,
        manager: { value: '26118915-6090-4610-87e4-49d8ca9f808d', displayName: 'John Smith' },
      };
      assert.deepEqual(res.body.schemas, [USER, ENTERPRISE, ROSTER_USER]);
      assert.deepEqual(res.body[ENTERPRISE], expected);
      assert.deepEqual(res.body.emails, [
        { value: `${userName}@example.com`, type: 'work', primary: true },
        { value: `${userName}@home.example`, type: 'home' },
      ]);
      assert.deepEqual(res.body[ROSTER_USER].attributes, {}, 'the Roster extension shows only the user\'s own attributes');
      const rest = await restUser(res.body.id);
      assert.equal(rest.email, `${userName}@example.com`);
      assert.deepEqual(rest.attributes, { [ENTERPRISE]: expected, [USER]: { emails: [{ value: `${userName}@home.example`, type: 'home' }] } });
      assert.deepEqual((await scim(server.admin, 'GET', `/Users/${res.body.id}`)).body[ENTERPRISE], expected);
    });

    it('filters and sorts on Enterprise attributes and on the Roster extension by their full paths', async () => {
      const dept = uniqueName('Filter');
      const [a, b] = [uniqueName('a'), uniqueName('b')];
      for (const [userName, division] of [[a, 'Zeta'], [b, 'Alpha']]) {
        const res = await scim(server.admin, 'POST', '/Users', { userName, [ENTERPRISE]: { department: dept, division, manager: 'mgr-1' } });
        assert.equal(res.status, 201, res.text);
      }
      const query = (filter: string, extra = '') => scim(server.admin, 'GET', `/Users?filter=${encodeURIComponent(filter)}${extra}`);
      const found = await query(`${ENTERPRISE}:department eq "${dept.toUpperCase()}"`, `&sortBy=${encodeURIComponent(`${ENTERPRISE}:division`)}`);
      assert.equal(found.status, 200, found.text);
      assert.deepEqual(found.body.Resources.map((u: any) => u.userName), [b, a], 'case-insensitive match, sorted by division');
      const byManager = await query(`${ENTERPRISE}:manager.value eq "mgr-1" and ${ENTERPRISE}:department eq "${dept}"`);
      assert.equal(byManager.body.totalResults, 2, byManager.text);
      const byRole = await query(`${ROSTER_USER}:role eq "user" and userName eq "${a}"`);
      assert.deepEqual(byRole.body.Resources.map((u: any) => u.userName), [a], byRole.text);
      const rest = await server.admin.get(`/api/v1/users?filter=${encodeURIComponent(`${ENTERPRISE}:department pr and ${ENTERPRISE}:department eq "${dept}"`)}`);
      assert.equal(rest.body.items.length, 2, 'the same filter works on /api/v1');
      expectScimError(await scim(server.admin, 'GET', '/Users?sortBy=shoeSize'), 400, 'invalidValue');
      expectScimError(await query('shoeSize eq "9"'), 400, 'invalidFilter');
    });

    it('takes Entra ID\'s manager as a plain id and a department replaced by its full path', async () => {
      const created = (await scim(server.admin, 'POST', '/Users', { userName: uniqueName('mgr') })).body;
      // Entra ID sends the manager reference as the value itself (Microsoft's "Tutorial - Customize
      // Microsoft Entra attribute mappings": manager is a reference attribute).
      const res = await scim(server.admin, 'PATCH', `/Users/${created.id}`, {
        schemas: [PATCH_OP],
        Operations: [
          { op: 'Add', path: `${ENTERPRISE}:manager`, value: 'a7f2b1c4-0000-4000-8000-000000000001' },
          { op: 'Replace', path: `${ENTERPRISE}:department`, value: 'Finance' },
        ],
      });
      assert.equal(res.status, 200, res.text);
      assert.deepEqual(res.body[ENTERPRISE], { department: 'Finance', manager: { value: 'a7f2b1c4-0000-4000-8000-000000000001' } });
      const removed = await scim(server.admin, 'PATCH', `/Users/${created.id}`, { schemas: [PATCH_OP], Operations: [{ op: 'remove', path: `${ENTERPRISE}:manager` }] });
      assert.deepEqual(removed.body[ENTERPRISE], { department: 'Finance' });
      const bad = await scim(server.admin, 'PATCH', `/Users/${created.id}`, { schemas: [PATCH_OP], Operations: [{ op: 'replace', path: `${ENTERPRISE}:costCenter`, value: 42 }] });
      expectScimError(bad, 400, 'invalidValue');
      assert.deepEqual((await restUser(created.id)).attributes[ENTERPRISE], { department: 'Finance' }, 'nothing changed');
    });

    it('keeps the role and Roster attributes when a PUT leaves the Roster extension out, as Okta\'s does', async () => {
      const user = await createUser(server.admin, { role: 'auditor', attributes: { badge: 7 }, email: `${uniqueName('okta')}@example.com` });
      const current = (await scim(server.admin, 'GET', `/Users/${user.id}`)).body;
      // Okta's PUT: the core schema only, the whole user ("SCIM 2.0 guide", Update a specific user).
      const res = await scim(server.admin, 'PUT', `/Users/${user.id}`, {
        schemas: [USER],
        id: user.id,
        userName: user.username,
        name: { givenName: 'Okta', familyName: 'Put' },
        emails: [{ primary: true, value: user.email, type: 'work' }],
        active: true,
        groups: [],
      }, { 'if-match': current.meta.version });
      assert.equal(res.status, 200, res.text);
      const rest = await restUser(user.id);
      assert.deepEqual({ role: rest.role, attributes: rest.attributes, givenName: rest.givenName }, { role: 'auditor', attributes: { badge: 7 }, givenName: 'Okta' });
      const cleared = await scim(server.admin, 'PUT', `/Users/${user.id}`, { userName: user.username, [ROSTER_USER]: { attributes: {} } });
      assert.equal(cleared.status, 200, cleared.text);
      assert.deepEqual((await restUser(user.id)).attributes, {}, 'a PUT naming the extension replaces them');
    });

    it('sets a password through PATCH and PUT under the policy, ending the user\'s sessions, and refuses before writing anything', async () => {
      const login = await createLogin(server.admin, 'user');
      const own = server.client(login.auth);
      assert.equal((await own.get('/api/v1/users/me')).status, 200);
      const newPassword = 'quartz-meadow-lantern-58-river';
      // Okta's password push ("SCIM 2.0 guide", Update a specific user: a path-less replace of password).
      const res = await scim(server.admin, 'PATCH', `/Users/${login.user.id}`, { schemas: [PATCH_OP], Operations: [{ op: 'replace', value: { password: newPassword } }] });
      assert.equal(res.status, 200, res.text);
      assert.equal('password' in res.body, false, 'write-only');
      assert.equal((await own.get('/api/v1/users/me')).status, 401, 'the old password no longer works');
      const again = server.client(basic(login.user.username, newPassword));
      assert.equal((await again.get('/api/v1/users/me')).status, 200);

      const before = await restUser(login.user.id);
      const weak = await scim(server.admin, 'PUT', `/Users/${login.user.id}`, { userName: login.user.username, locale: 'it', password: 'password1' });
      expectScimError(weak, 400, 'invalidValue');
      assert.deepEqual(await restUser(login.user.id), before, 'a weak password changes nothing else either');
      const service = await createUser(server.admin, { type: 'service_account' });
      expectScimError(await scim(server.admin, 'PATCH', `/Users/${service.id}`, { schemas: [PATCH_OP], Operations: [{ op: 'add', path: 'password', value: newPassword }] }), 409);
    });

    it('keeps a group\'s externalId, filters and sorts groups', async () => {
      const prefix = uniqueName('grp');
      const externalId = uniqueName('ext');
      const made = await scim(server.admin, 'POST', '/Groups', { schemas: [GROUP], externalId, displayName: `${prefix}-b` });
      assert.equal(made.status, 201, made.text);
      assert.equal(made.body.externalId, externalId);
      assert.equal((await scim(server.admin, 'POST', '/Groups', { displayName: `${prefix}-a` })).status, 201);
      const rest = await server.admin.get(`/api/v1/groups/${made.body.id}`);
      assert.deepEqual(rest.body.attributes, { [GROUP]: { externalId } });
      const byExternal = await scim(server.admin, 'GET', `/Groups?filter=${encodeURIComponent(`externalId eq "${externalId}"`)}`);
      assert.deepEqual(byExternal.body.Resources.map((g: any) => g.id), [made.body.id], byExternal.text);
      const sorted = await scim(server.admin, 'GET', `/Groups?filter=${encodeURIComponent(`displayName sw "${prefix}"`)}&sortBy=displayName&sortOrder=descending`);
      assert.deepEqual(sorted.body.Resources.map((g: any) => g.displayName), [`${prefix}-b`, `${prefix}-a`]);
      const patched = await scim(server.admin, 'PATCH', `/Groups/${made.body.id}`, { schemas: [PATCH_OP], Operations: [{ op: 'replace', path: 'externalId', value: 'changed' }] });
      assert.equal(patched.body.externalId, 'changed', patched.text);
      const replaced = await scim(server.admin, 'PUT', `/Groups/${made.body.id}`, { displayName: `${prefix}-b` });
      assert.equal(replaced.body.externalId, undefined, 'a PUT without it clears it');
      expectScimError(await scim(server.admin, 'GET', '/Groups?sortBy=colour'), 400, 'invalidValue');
    });

    it('searches users and groups at once at the root, paging through them as one list', async () => {
      const tag = uniqueName('root').toLowerCase();
      for (const userName of [`${tag}-u1`, `${tag}-u2`]) assert.equal((await scim(server.admin, 'POST', '/Users', { userName, displayName: userName })).status, 201);
      assert.equal((await scim(server.admin, 'POST', '/Groups', { displayName: `${tag}-g1` })).status, 201);
      const search = (body: Record<string, unknown>) => scim(server.admin, 'POST', '/.search', { schemas: ['urn:ietf:params:scim:api:messages:2.0:SearchRequest'], ...body });
      // displayName is a user's name and a group's name: the filter applies to both types.
      const both = await search({ filter: `displayName sw "${tag}"`, count: 2 });
      assert.equal(both.status, 200, both.text);
      assert.equal(both.body.totalResults, 3);
      assert.deepEqual(both.body.Resources.map((r: any) => r.userName), [`${tag}-u1`, `${tag}-u2`]);
      const next = await search({ filter: `displayName sw "${tag}"`, startIndex: 3, count: 2 });
      assert.deepEqual(next.body.Resources.map((r: any) => [r.meta.resourceType, r.displayName]), [['Group', `${tag}-g1`]]);
      const straddling = await search({ filter: `displayName sw "${tag}"`, startIndex: 2, count: 2 });
      assert.deepEqual(
        [straddling.body.totalResults, straddling.body.startIndex, straddling.body.Resources.map((r: any) => r.displayName)],
        [3, 2, [`${tag}-u2`, `${tag}-g1`]],
      );
      const counted = await search({ filter: `displayName sw "${tag}"`, count: 0 });
      assert.deepEqual([counted.body.totalResults, counted.body.Resources ?? []], [3, []]);
      // userName is a user's only: a filter that names it leaves groups out.
      const usersOnly = await search({ filter: `userName sw "${tag}"` });
      assert.equal(usersOnly.body.totalResults, 2);
      expectScimError(await search({ filter: 'shoeSize eq "9"' }), 400, 'invalidFilter');
    });

    it('names fields in SCIM\'s terms in its errors', async () => {
      const bad = expectScimError(await scim(server.admin, 'POST', '/Users', { userName: uniqueName('ptr'), emails: [{ value: 'not-an-email' }] }), 400, 'invalidValue');
      assert.match(bad.detail, /\/emails\b/);
      assert.doesNotMatch(bad.detail, /\/email\b/);
      const role = expectScimError(await scim(server.admin, 'POST', '/Users', { userName: uniqueName('ptr'), [ROSTER_USER]: { role: 'emperor' } }), 400, 'invalidValue');
      assert.ok(role.detail.includes(`/${ROSTER_USER}/role`), role.detail);
    });

    it('lets a user change its own profile through /Me, and nothing else', async () => {
      const login = await createLogin(server.admin, 'user', { attributes: { team: 'red' } });
      const me = server.client(login.auth);
      const changed = await scim(me, 'PATCH', '/Me', {
        schemas: [PATCH_OP],
        Operations: [
          { op: 'replace', path: 'name.givenName', value: 'Selfie' },
          { op: 'add', path: 'locale', value: 'de-CH' },
          { op: 'add', path: `${ROSTER_USER}:attributes.profile`, value: { pronouns: 'they' } },
        ],
      });
      assert.equal(changed.status, 200, changed.text);
      assert.equal(changed.headers.get('etag'), changed.body.meta.version);
      const rest = await restUser(login.user.id);
      assert.deepEqual(
        { givenName: rest.givenName, locale: rest.locale, attributes: rest.attributes },
        { givenName: 'Selfie', locale: 'de-CH', attributes: { team: 'red', profile: { pronouns: 'they' } } },
      );
      for (const Operations of [
        [{ op: 'replace', path: 'userName', value: uniqueName('renamed') }],
        [{ op: 'replace', path: 'active', value: false }],
        [{ op: 'replace', path: `${ROSTER_USER}:role`, value: 'admin' }],
        [{ op: 'replace', path: `${ROSTER_USER}:attributes.team`, value: 'blue' }],
        [{ op: 'add', path: 'password', value: 'another-Long-passphrase-77' }],
      ]) {
        const refused = expectScimError(await scim(me, 'PATCH', '/Me', { schemas: [PATCH_OP], Operations }), 403);
        assert.match(refused.detail, /only its name, phone number, locale and attributes.profile/);
      }
      const stale = await scim(me, 'PUT', '/Me', { ...changed.body, locale: 'fr' }, { 'if-match': 'W/"stale"' });
      expectScimError(stale, 412);
      const put = await scim(me, 'PUT', '/Me', { ...changed.body, locale: 'fr' }, { 'if-match': changed.body.meta.version });
      assert.equal(put.status, 200, put.text);
      assert.equal((await restUser(login.user.id)).locale, 'fr');
      // A user does not delete itself (RFC 7644 §3.11 leaves DELETE /Me to the provider).
      const deleted = expectScimError(await scim(me, 'DELETE', '/Me'), 405);
      assert.match(deleted.detail, /GET|PUT|PATCH/);
      assert.equal((await restUser(login.user.id)).status, 'active', 'still there');
    });
  });
}
