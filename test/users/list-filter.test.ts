// GET /api/v1/users?filter=…: the SCIM filter grammar (RFC 7644 §3.4.2.2) over every user
// attribute, against a fresh server whose five users (the provisioned admin included) are known
// exactly, with creation times set through an injected clock.
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { backends } from '../support/backends.ts';
import { withServer } from '../support/server.ts';
import { Clock } from '../support/clock.ts';
import { expectProblem } from '../support/client.ts';
import { STRONG_PASSWORD } from '../support/factories.ts';

const ALL = ['admin', 'alice', 'Bob.Builder', 'carol_x', 'dave-svc'];

function except(...names: string[]): string[] {
  return ALL.filter((n) => !names.includes(n));
}

// [filter, usernames matched in creation order]; every attribute with every operator.
const CASES: Record<string, Array<[string, string[]]>> = {
  username: [
    ['username eq "ALICE"', ['alice']],
    ['username ne "alice"', except('alice')],
    ['username co "O"', ['Bob.Builder', 'carol_x']],
    ['username sw "A"', ['admin', 'alice']],
    ['username ew "SVC"', ['dave-svc']],
    ['username gt "bob.builder"', ['carol_x', 'dave-svc']],
    ['username ge "BOB.BUILDER"', ['Bob.Builder', 'carol_x', 'dave-svc']],
    ['username lt "alice"', ['admin']],
    ['username le "alice"', ['admin', 'alice']],
    ['username pr', ALL],
  ],
  name: [
    ['name eq "alice anders"', ['alice']],
    ['name ne "Alice Anders"', except('alice')],
    ['name co "ROWN"', ['Bob.Builder']],
    ['name sw "CAROL"', ['carol_x']],
    ['name ew "service"', ['dave-svc']],
    ['name gt "bob brown"', ['carol_x', 'dave-svc']],
    ['name ge "Bob Brown"', ['Bob.Builder', 'carol_x', 'dave-svc']],
    ['name lt "bob"', ['alice']],
    ['name le "ALICE ANDERS"', ['alice']],
    ['name pr', except('admin')],
  ],
  givenName: [
    ['givenName eq "bob"', ['Bob.Builder']],
    ['givenName ne "Bob"', except('Bob.Builder')],
    ['givenName co "LIC"', ['alice']],
    ['givenName sw "b"', ['Bob.Builder']],
    ['givenName ew "CE"', ['alice']],
    ['givenName gt "alice"', ['Bob.Builder']],
    ['givenName ge "alice"', ['alice', 'Bob.Builder']],
    ['givenName lt "bob"', ['alice']],
    ['givenName le "BOB"', ['alice', 'Bob.Builder']],
    ['givenName pr', ['alice', 'Bob.Builder']],
  ],
  familyName: [
    ['familyName eq "cole"', ['carol_x']],
    ['familyName ne "Cole"', except('carol_x')],
    ['familyName co "ow"', ['Bob.Builder']],
    ['familyName sw "a"', ['alice']],
    ['familyName ew "LE"', ['carol_x']],
    ['familyName gt "brown"', ['carol_x']],
    ['familyName ge "Brown"', ['Bob.Builder', 'carol_x']],
    ['familyName lt "brown"', ['alice']],
    ['familyName le "BROWN"', ['alice', 'Bob.Builder']],
    ['familyName pr', ['alice', 'Bob.Builder', 'carol_x']],
  ],
  email: [
    ['email eq "BOB@example.ORG"', ['Bob.Builder']],
    ['email ne "alice@example.com"', except('alice')],
    ['email co "EXAMPLE"', ['alice', 'Bob.Builder', 'carol_x']],
    ['email sw "c"', ['carol_x']],
    ['email ew "@EXAMPLE.com"', ['alice', 'carol_x']],
    ['email gt "bob@example.org"', ['carol_x']],
    ['email ge "bob@example.org"', ['Bob.Builder', 'carol_x']],
    ['email lt "b"', ['alice']],
    ['email le "Bob@Example.org"', ['alice', 'Bob.Builder']],
    ['email pr', ['alice', 'Bob.Builder', 'carol_x']],
  ],
  status: [
    ['status eq "ACTIVE"', ['admin', 'alice', 'dave-svc']],
    ['status ne "active"', ['Bob.Builder', 'carol_x']],
    ['status co "v"', ['admin', 'alice', 'Bob.Builder', 'dave-svc']],
    ['status sw "dis"', ['carol_x']],
    ['status ew "ed"', ['Bob.Builder', 'carol_x']],
    ['status gt "disabled"', ['Bob.Builder']],
    ['status ge "disabled"', ['Bob.Builder', 'carol_x']],
    ['status lt "disabled"', ['admin', 'alice', 'dave-svc']],
    ['status le "disabled"', ['admin', 'alice', 'carol_x', 'dave-svc']],
    ['status pr', ALL],
  ],
  type: [
    ['type eq "EXTERNAL"', ['Bob.Builder']],
    ['type ne "internal"', ['Bob.Builder', 'dave-svc']],
    ['type co "_"', ['dave-svc']],
    ['type sw "in"', ['admin', 'alice', 'carol_x']],
    ['type ew "al"', ['admin', 'alice', 'Bob.Builder', 'carol_x']],
    ['type gt "internal"', ['dave-svc']],
    ['type ge "internal"', except('Bob.Builder')],
    ['type lt "internal"', ['Bob.Builder']],
    ['type le "external"', ['Bob.Builder']],
    ['type pr', ALL],
  ],
  role: [
    ['role eq "Manager"', ['alice']],
    ['role ne "admin"', except('admin')],
    ['role co "TRIC"', ['dave-svc']],
    ['role sw "a"', ['admin', 'Bob.Builder']],
    ['role ew "er"', ['alice', 'carol_x']],
    ['role gt "manager"', ['carol_x', 'dave-svc']],
    ['role ge "metrics"', ['carol_x', 'dave-svc']],
    ['role lt "auditor"', ['admin']],
    ['role le "auditor"', ['admin', 'Bob.Builder']],
    ['role pr', ALL],
  ],
  path: [
    ['path eq "USERS"', ['admin', 'carol_x']],
    ['path ne "users"', ['alice', 'Bob.Builder', 'dave-svc']],
    ['path co "/"', ['alice', 'Bob.Builder']],
    ['path sw "users/"', ['alice', 'Bob.Builder']],
    ['path ew "OPS"', ['Bob.Builder']],
    ['path gt "users"', ['alice', 'Bob.Builder']],
    ['path ge "users"', ['admin', 'alice', 'Bob.Builder', 'carol_x']],
    ['path lt "users"', ['dave-svc']],
    ['path le "users"', ['admin', 'carol_x', 'dave-svc']],
    ['path pr', ALL],
  ],
  // externalId is caseExact (RFC 7643 §3.1): compared as written.
  externalId: [
    ['externalId eq "EXT-1"', ['alice']],
    ['externalId ne "EXT-1"', except('alice')],
    ['externalId co "XT"', ['alice', 'carol_x']],
    ['externalId sw "ext"', ['Bob.Builder']],
    ['externalId ew "-3"', ['carol_x']],
    ['externalId gt "EXT-1"', ['Bob.Builder', 'carol_x']],
    ['externalId ge "EXT-3"', ['Bob.Builder', 'carol_x']],
    ['externalId lt "EXT-3"', ['alice']],
    ['externalId le "EXT-3"', ['alice', 'carol_x']],
    ['externalId pr', ['alice', 'Bob.Builder', 'carol_x']],
  ],
  createdAt: [
    ['createdAt eq "2024-01-03T00:00:00Z"', ['Bob.Builder']],
    ['createdAt ne "2024-01-03T00:00:00Z"', except('Bob.Builder')],
    ['createdAt gt "2024-01-03T00:00:00Z"', ['carol_x', 'dave-svc']],
    ['createdAt ge "2024-01-03T00:00:00Z"', ['Bob.Builder', 'carol_x', 'dave-svc']],
    ['createdAt lt "2024-01-03T00:00:00Z"', ['admin', 'alice']],
    ['createdAt le "2024-01-03T00:00:00Z"', ['admin', 'alice', 'Bob.Builder']],
    ['createdAt pr', ALL],
  ],
};

for (const backend of backends()) {
  describe(`users list filter (${backend})`, () => {
    const clock = new Clock('2024-01-01T00:00:00Z');

    async function create(day: string, fields: Record<string, unknown>): Promise<any> {
      clock.set(`2024-01-${day}T00:00:00Z`);
      const res = await server.admin.post('/api/v1/users', fields);
      assert.equal(res.status, 201, res.text);
      return res.body;
    }

    async function matched(filter: string): Promise<string[]> {
      const res = await server.admin.get(`/api/v1/users?limit=1000&filter=${encodeURIComponent(filter)}`);
      assert.equal(res.status, 200, `${filter}: ${res.text}`);
      assert.equal(res.body.nextCursor, null);
      return res.body.items.map((u: any) => u.username);
    }

    const server = withServer(backend, { now: clock.now });
    before(async () => {
      await create('02', {
        username: 'alice', name: 'Alice Anders', givenName: 'Alice', familyName: 'Anders',
        email: 'alice@example.com', role: 'manager', password: STRONG_PASSWORD, path: 'users/eng', externalId: 'EXT-1',
      });
      await create('03', {
        username: 'Bob.Builder', name: 'Bob Brown', givenName: 'Bob', familyName: 'Brown',
        email: 'Bob@Example.org', role: 'auditor', type: 'external', path: 'users/ops', externalId: 'ext-2',
      });
      const carol = await create('04', {
        username: 'carol_x', name: 'Carol 100% Real', familyName: 'Cole', email: 'carol@example.com',
        password: STRONG_PASSWORD, externalId: 'EXT-3',
      });
      await create('05', { username: 'dave-svc', name: 'Dave Service', type: 'service_account', role: 'metrics', path: 'services' });
      clock.set('2024-02-01T00:00:00Z');
      const disabled = await server.admin.patch(`/api/v1/users/${carol.id}`, { status: 'disabled' });
      assert.equal(disabled.status, 200, disabled.text);
    });

    it('the fixture holds exactly the five known users, in creation order', async () => {
      const res = await server.admin.get('/api/v1/users');
      assert.equal(res.status, 200);
      assert.deepEqual(res.body.items.map((u: any) => [u.username, u.status, u.createdAt]), [
        ['admin', 'active', '2024-01-01T00:00:00.000Z'],
        ['alice', 'active', '2024-01-02T00:00:00.000Z'],
        ['Bob.Builder', 'invited', '2024-01-03T00:00:00.000Z'],
        ['carol_x', 'disabled', '2024-01-04T00:00:00.000Z'],
        ['dave-svc', 'active', '2024-01-05T00:00:00.000Z'],
      ]);
    });

    for (const [attribute, cases] of Object.entries(CASES)) {
      it(`filters on ${attribute} with every operator`, async () => {
        for (const [filter, expected] of cases) {
          assert.deepEqual(await matched(filter), expected, filter);
        }
      });
    }

    it('compares externalId case-exactly and username/email/name case-insensitively', async () => {
      assert.deepEqual(await matched('externalId eq "ext-1"'), []);
      assert.deepEqual(await matched('externalId eq "EXT-1"'), ['alice']);
      assert.deepEqual(await matched('username eq "bob.builder"'), ['Bob.Builder']);
      assert.deepEqual(await matched('username eq "BOB.BUILDER"'), ['Bob.Builder']);
      assert.deepEqual(await matched('email eq "bob@example.org"'), ['Bob.Builder']);
      assert.deepEqual(await matched('name eq "CAROL 100% REAL"'), ['carol_x']);
    });

    it('compares createdAt as an instant, whatever the offset', async () => {
      assert.deepEqual(await matched('createdAt eq "2024-01-03T01:00:00+01:00"'), ['Bob.Builder']);
      assert.deepEqual(await matched('createdAt lt "2024-01-02T00:00:00.001Z"'), ['admin', 'alice']);
    });

    it('treats attribute names, operators and keywords case-insensitively', async () => {
      assert.deepEqual(await matched('USERNAME EQ "alice"'), ['alice']);
      assert.deepEqual(await matched('userName eq "alice"'), ['alice']);
      assert.deepEqual(await matched('EMAIL Co "example.org"'), ['Bob.Builder']);
      assert.deepEqual(await matched('GIVENNAME PR'), ['alice', 'Bob.Builder']);
      assert.deepEqual(await matched('createdat GT "2024-01-04T00:00:00Z"'), ['dave-svc']);
      assert.deepEqual(await matched('ROLE eq "admin" OR Role Eq "auditor"'), ['admin', 'Bob.Builder']);
      assert.deepEqual(await matched('NOT (status eq "active") AND type eq "internal"'), ['carol_x']);
    });

    it('combines with and, or, not and parentheses, and binding tighter than or', async () => {
      assert.deepEqual(await matched('role eq "admin" or role eq "auditor"'), ['admin', 'Bob.Builder']);
      assert.deepEqual(await matched('email ew "@example.com" and status eq "active"'), ['alice']);
      assert.deepEqual(await matched('not (status eq "active")'), ['Bob.Builder', 'carol_x']);
      assert.deepEqual(await matched('not (givenName pr)'), ['admin', 'carol_x', 'dave-svc']);
      // A missing attribute does not equal the value, so "not eq" matches it.
      assert.deepEqual(await matched('not (email eq "alice@example.com")'), except('alice'));
      assert.deepEqual(await matched('role eq "user" or role eq "metrics" and status eq "disabled"'), ['carol_x']);
      assert.deepEqual(await matched('(role eq "user" or role eq "metrics") and status eq "active"'), ['dave-svc']);
      assert.deepEqual(
        await matched('(type eq "external" or (path sw "users/" and not (role eq "auditor"))) and email pr'),
        ['alice', 'Bob.Builder'],
      );
    });

    it('takes SCIM value filters on emails and core-schema attribute paths', async () => {
      assert.deepEqual(await matched('emails[value ew "@example.org"]'), ['Bob.Builder']);
      assert.deepEqual(await matched('emails[value sw "a" or value sw "c"] and not (externalId eq "EXT-3")'), ['alice']);
      assert.deepEqual(await matched('urn:ietf:params:scim:schemas:core:2.0:User:userName eq "ALICE"'), ['alice']);
      assert.deepEqual(await matched('urn:ietf:params:scim:schemas:core:2.0:User:name.familyName sw "co"'), ['carol_x']);
      const unknown = await server.admin.get(`/api/v1/users?filter=${encodeURIComponent('emails[type eq "work"]')}`);
      assert.equal(unknown.status, 400);
      assert.match(unknown.body.detail, /unknown attribute "emails\.type"/);
      const otherSchema = await server.admin.get(`/api/v1/users?filter=${encodeURIComponent('urn:example:Thing:userName pr')}`);
      assert.equal(otherSchema.status, 400);
      assert.match(otherSchema.body.detail, /unknown attribute "urn:example:Thing:userName"/);
    });

    it('matches % and _ in co, sw and ew literally, not as LIKE wildcards', async () => {
      assert.deepEqual(await matched('name co "%"'), ['carol_x']);
      assert.deepEqual(await matched('name co "100%"'), ['carol_x']);
      assert.deepEqual(await matched('name co "0% r"'), ['carol_x']);
      assert.deepEqual(await matched('username co "_"'), ['carol_x']);
      assert.deepEqual(await matched('username co "%"'), []);
      assert.deepEqual(await matched('username sw "_"'), []);
      assert.deepEqual(await matched('username ew "_"'), []);
      assert.deepEqual(await matched('name co "a_d"'), []);
      assert.deepEqual(await matched('name co "\\\\"'), []);
    });

    it('ANDs a filter with q and the status/type/role shortcuts', async () => {
      const res = await server.admin.get(`/api/v1/users?filter=${encodeURIComponent('email pr')}&status=active`);
      assert.equal(res.status, 200);
      assert.deepEqual(res.body.items.map((u: any) => u.username), ['alice']);
      // "o" is in alice's email, Bob's name and carol's; dave has none; carol's path is "users".
      const withQ = await server.admin.get(`/api/v1/users?filter=${encodeURIComponent('path ne "users"')}&q=o`);
      assert.equal(withQ.status, 200);
      assert.deepEqual(withQ.body.items.map((u: any) => u.username), ['alice', 'Bob.Builder']);
    });

    // [filter, position where it fails]: syntax errors and attributes or values that cannot apply.
    const ERRORS: Array<[string, number]> = [
      ['username eq', 11],
      ['username zz "x"', 9],
      ['nickname eq "x"', 0],
      ['status eq "x" and nickname pr', 18],
      ['createdAt gt "not-a-date"', 13],
      ['createdAt co "2024-01-01T00:00:00Z"', 10],
      ['(username eq "a"', 16],
      ['username eq "a")', 15],
      ['((username eq "a") or (role pr)', 31],
      ['username eq "a" and', 19],
      ['username eq "unterminated', 12],
    ];
    for (const [filter, position] of ERRORS) {
      it(`answers 400 filter.invalid at position ${position} for ${filter}`, async () => {
        const res = await server.admin.get(`/api/v1/users?filter=${encodeURIComponent(filter)}`);
        const body = expectProblem(res, 400, 'filter.invalid');
        assert.ok(Array.isArray(body.errors), res.text);
        assert.equal(body.errors.length, 1, res.text);
        assert.equal(body.errors[0].parameter, 'filter');
        assert.equal(body.errors[0].pointer, undefined);
        assert.equal(typeof body.errors[0].detail, 'string');
        assert.equal(body.position, position, `${filter}: ${body.detail}`);
      });
    }
  });
}
