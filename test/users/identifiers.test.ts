// Usernames, emails and group names are unique under full Unicode case folding; usernames are
// written in one script (UTS #39 highly restrictive); no name holds control or bidi characters.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { backends } from '../support/backends.ts';
import { startServer, type TestServer } from '../support/server.ts';
import { expectProblem } from '../support/client.ts';
import { createLogin, createUser, STRONG_PASSWORD } from '../support/factories.ts';
import { mixedScripts, nfkcCasefold } from '../../src/users/identifiers.ts';

/** A unique suffix of digits (script Common), so it adds no script to a name. */
const tag = () => String(randomBytes(4).readUInt32BE());

describe('NFKC_Casefold and the script rule (pure)', () => {
  it('folds what full case folding folds', () => {
    assert.equal(nfkcCasefold('STRASSE'), 'strasse');
    assert.equal(nfkcCasefold('straße'), 'strasse');
    assert.equal(nfkcCasefold('ẞ'), 'ss');
    assert.equal(nfkcCasefold('ΑΣ'), nfkcCasefold('ας'));
    assert.equal(nfkcCasefold('ΟΔΟΣ'), 'οδοσ', 'no final-sigma context');
    assert.equal(nfkcCasefold('ﬁ'), 'fi');
    assert.equal(nfkcCasefold('ǅ'), nfkcCasefold('ǆ'));
    assert.equal(nfkcCasefold('ᾳ'), 'αι');
    assert.equal(nfkcCasefold('Ｆｕｌｌ'), 'full');
    assert.equal(nfkcCasefold('ab\u00ADc'), 'abc', 'default ignorables go');
  });

  it('names the scripts a mixed username uses', () => {
    assert.deepEqual(mixedScripts('\u0430dmin'), ['Cyrillic', 'Latin']);
    assert.deepEqual(mixedScripts('αlpha'), ['Greek', 'Latin']);
    for (const single of ['admin', 'иван', '山田', 'Ελένη', 'محمد', 'user_1@example.com', '山田たろう', 'taro山田', '김민준']) {
      assert.equal(mixedScripts(single), undefined, single);
    }
  });
});

for (const backend of backends()) {
  describe(`identifiers and names (${backend})`, () => {
    let server: TestServer;
    before(async () => {
      server = await startServer(backend);
    });
    after(async () => {
      await server?.close();
    });

    // Emails are ASCII (the format check), so only usernames and group names meet these cases.
    async function expectTaken(first: string, second: string, field: 'username') {
      const extra = tag();
      await createUser(server.admin, { username: `${first}-${extra}` });
      const res = await server.admin.post('/api/v1/users', { username: `${second}-${extra}` });
      const body = expectProblem(res, 409, 'user.username_taken');
      assert.deepEqual(body.errors, [{ pointer: `/${field}`, code: 'taken', detail: 'is already taken (compared case-insensitively)' }]);
    }

    it('STRASSE then straße: 409', async () => {
      await expectTaken('STRASSE', 'straße', 'username');
      await expectTaken('straße', 'STRASSE', 'username');
    });

    it('ΑΣ then ας: 409', async () => {
      await expectTaken('ΑΣ', 'ας', 'username');
    });

    it('finds a user by any case-folded form of its username', async () => {
      const extra = tag();
      const user = await createUser(server.admin, { username: `straße-${extra}` });
      const res = await server.admin.get(`/api/v1/users?filter=${encodeURIComponent(`username eq "STRASSE-${extra}"`)}`);
      assert.equal(res.status, 200);
      assert.deepEqual(res.body.items.map((u: any) => u.id), [user.id]);
    });

    it('group names: ΟΔΟΣ then οδος, STRASSE then straße → 409', async () => {
      for (const [first, second] of [['ΟΔΟΣ', 'οδος'], ['STRASSE', 'straße']]) {
        const extra = tag();
        assert.equal((await server.admin.post('/api/v1/groups', { name: `${first}-${extra}` })).status, 201);
        expectProblem(await server.admin.post('/api/v1/groups', { name: `${second}-${extra}` }), 409, 'group.name_taken');
      }
    });

    it('refuses a username mixing Latin and Cyrillic (аdmin) with a precise 400', async () => {
      const res = await server.admin.post('/api/v1/users', { username: `\u0430dmin-${tag()}` });
      const body = expectProblem(res, 400, 'request.invalid');
      assert.deepEqual(body.errors, [
        { pointer: '/username', code: 'mixed_script', detail: 'must be written in one script (UTS #39), but mixes Cyrillic and Latin' },
      ]);
      assert.equal(body.detail, 'username must be written in one script (UTS #39), but mixes Cyrillic and Latin.');
    });

    it('refuses a mixed-script username on PUT and PATCH too', async () => {
      const user = await createUser(server.admin);
      const put = await server.admin.put(`/api/v1/users/${user.id}`, { username: `p\u0430ypal-${tag()}` });
      assert.equal(expectProblem(put, 400, 'request.invalid').errors[0].code, 'mixed_script');
      const patch = await server.admin.patch(`/api/v1/users/${user.id}`, { username: `αlpha-${tag()}` });
      assert.deepEqual(expectProblem(patch, 400, 'request.invalid').errors.map((e: any) => [e.pointer, e.code]), [['/username', 'mixed_script']]);
    });

    it('accepts a plain non-Latin username in one script', async () => {
      for (const username of [`иван-${randomBytes(2).readUInt16BE()}`, `山田${randomBytes(2).readUInt16BE()}`, `Ελένη_${randomBytes(2).readUInt16BE()}`]) {
        const res = await server.admin.post('/api/v1/users', { username, password: STRONG_PASSWORD });
        assert.equal(res.status, 201, res.text);
        assert.equal(res.body.username, username);
      }
    });

    const BAD = [
      ['CR/LF', 'Ada\r\nBcc: victim@example.com', 'U+000D'],
      ['U+202E', 'Ada \u202Egnp.exe', 'U+202E'],
      ['U+2066', 'Ada \u2066x\u2069', 'U+2066'],
      ['U+200E', 'Ada\u200E', 'U+200E'],
    ] as const;
    const detail = (point: string) => `must not contain control, format or bidirectional characters (found ${point})`;

    it('refuses control and bidi characters in name, givenName and familyName on create', async () => {
      for (const field of ['name', 'givenName', 'familyName']) {
        for (const [, value, point] of BAD) {
          const res = await server.admin.post('/api/v1/users', { username: `n-${tag()}`, [field]: value });
          const body = expectProblem(res, 400, 'request.invalid');
          assert.deepEqual(body.errors, [{ pointer: `/${field}`, code: 'invalid_character', detail: detail(point) }]);
        }
      }
    });

    it('lists every offending field at once', async () => {
      const res = await server.admin.post('/api/v1/users', { username: `n-${tag()}`, name: 'a\n', givenName: 'b\u202E', familyName: 'fine' });
      assert.deepEqual(expectProblem(res, 400, 'request.invalid').errors.map((e: any) => e.pointer), ['/name', '/givenName']);
    });

    it('refuses them on PUT, PATCH and PATCH /users/me', async () => {
      const { user, auth } = await createLogin(server.admin, 'user');
      for (const [, value, point] of BAD) {
        const put = await server.admin.put(`/api/v1/users/${user.id}`, { username: user.username, givenName: value });
        assert.deepEqual(expectProblem(put, 400, 'request.invalid').errors, [{ pointer: '/givenName', code: 'invalid_character', detail: detail(point) }]);
        const patch = await server.admin.patch(`/api/v1/users/${user.id}`, { familyName: value });
        assert.deepEqual(expectProblem(patch, 400, 'request.invalid').errors, [{ pointer: '/familyName', code: 'invalid_character', detail: detail(point) }]);
        const self = await server.client(auth).patch('/api/v1/users/me', { name: value });
        assert.deepEqual(expectProblem(self, 400, 'request.invalid').errors, [{ pointer: '/name', code: 'invalid_character', detail: detail(point) }]);
      }
      const unchanged = await server.admin.get(`/api/v1/users/${user.id}`);
      assert.equal(unchanged.body.name, null);
    });

    it('keeps ZWNJ and ZWJ, which Persian names and emoji sequences need', async () => {
      const res = await server.admin.post('/api/v1/users', { username: `z-${tag()}`, name: 'نیک\u200Cنام', familyName: '👩\u200D💻' });
      assert.equal(res.status, 201, res.text);
      assert.equal(res.body.name, 'نیک\u200Cنام');
    });

    it('still lets other fields of a row written before the rule change', async () => {
      const user = await createUser(server.admin, { name: 'Legacy', password: STRONG_PASSWORD });
      await server.store.db.updateTable('users').set({ name: 'Legacy\u202E' }).where('id', '=', user.id).execute();
      const res = await server.admin.patch(`/api/v1/users/${user.id}`, { status: 'disabled' });
      assert.equal(res.status, 200, res.text);
      assert.equal(res.body.status, 'disabled');
    });

    it('refuses them in group names, on create and on PATCH', async () => {
      for (const [, value, point] of BAD) {
        const created = await server.admin.post('/api/v1/groups', { name: `g-${tag()} ${value}` });
        assert.deepEqual(expectProblem(created, 400, 'request.invalid').errors, [{ pointer: '/name', code: 'invalid_character', detail: detail(point) }]);
      }
      const group = await server.admin.post('/api/v1/groups', { name: `g-${tag()}` });
      assert.equal(group.status, 201);
      const patch = await server.admin.patch(`/api/v1/groups/${group.body.id}`, { name: 'x\u202Ey' });
      assert.deepEqual(expectProblem(patch, 400, 'request.invalid').errors, [{ pointer: '/name', code: 'invalid_character', detail: detail('U+202E') }]);
    });
  });

  describe(`provisioning checks the username too (${backend})`, () => {
    let server: TestServer;
    before(async () => {
      server = await startServer(backend, { provision: false });
    });
    after(async () => {
      await server?.close();
    });

    it('refuses a mixed-script first administrator, then accepts a single-script one', async () => {
      const mixed = await server.anon.post('/api/v1/system/provision', { username: '\u0430dmin', password: STRONG_PASSWORD });
      assert.deepEqual(expectProblem(mixed, 400, 'request.invalid').errors, [
        { pointer: '/username', code: 'mixed_script', detail: 'must be written in one script (UTS #39), but mixes Cyrillic and Latin' },
      ]);
      assert.deepEqual((await server.anon.get('/api/v1/system/state')).body, { state: 'unprovisioned' });
      const ok = await server.anon.post('/api/v1/system/provision', { username: 'админ', password: STRONG_PASSWORD });
      assert.equal(ok.status, 201, ok.text);
    });
  });
}
