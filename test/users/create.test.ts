// POST /api/v1/users: the created user, its defaults and every validation rule of API.md.
// Duplicates, ifExists and Idempotency-Key live in create-conflicts.test.ts.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { backends } from '../support/backends.ts';
import { withServer } from '../support/server.ts';
import { expectProblem, type Response } from '../support/client.ts';
import { uniqueName, STRONG_PASSWORD } from '../support/factories.ts';

const USER_KEYS = [
  'id', 'username', 'name', 'givenName', 'familyName', 'email', 'phone', 'locale', 'type', 'role', 'status', 'groups',
  'attributes', 'path', 'externalId', 'isSuperuser', 'isCurrent', 'mfaEnabled', 'emailVerified', 'avatarUrl',
  'lastLogin', 'createdAt', 'updatedAt',
].sort();
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Asserts a 400 validation problem whose errors name exactly this pointer with this code. */
function expectFieldError(res: Response, pointer: string, code: string): any {
  const body = expectProblem(res, 400, 'request.invalid');
  assert.ok(Array.isArray(body.errors), `errors missing: ${res.text}`);
  const entry = body.errors.find((e: any) => e.pointer === pointer);
  assert.ok(entry, `no error for ${pointer}: ${res.text}`);
  assert.equal(entry.code, code, `code for ${pointer}: ${res.text}`);
  assert.equal(typeof entry.detail, 'string');
  return body;
}

/** Nested objects: depth 1 is `{}`, depth 2 is `{ a: {} }` and so on. */
function nested(depth: number): Record<string, unknown> {
  let value: Record<string, unknown> = {};
  for (let i = 1; i < depth; i++) value = { a: value };
  return value;
}

for (const backend of backends()) {
  describe(`users create (${backend})`, () => {
    const server = withServer(backend);

    const create = (body: Record<string, unknown>) => server.admin.post('/api/v1/users', body);

    it('answers 201 with Location, ETag and every field of the user at its default', async () => {
      const username = uniqueName();
      const res = await create({ username, password: STRONG_PASSWORD });
      assert.equal(res.status, 201, res.text);
      assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
      assert.match(res.headers.get('x-request-id') ?? '', UUID);
      const user = res.body;
      assert.match(user.id, UUID);
      assert.equal(res.headers.get('location'), `/api/v1/users/${user.id}`);
      assert.match(res.headers.get('etag') ?? '', /^"[^"]+"$/, 'a strong ETag');

      assert.deepEqual(Object.keys(user).sort(), USER_KEYS);
      assert.equal(user.username, username);
      for (const field of ['name', 'givenName', 'familyName', 'email', 'phone', 'locale', 'externalId', 'lastLogin']) {
        assert.equal(user[field], null, field);
      }
      assert.equal(user.type, 'internal');
      assert.equal(user.role, 'user');
      assert.equal(user.status, 'active');
      assert.equal(user.path, 'users');
      assert.deepEqual(user.attributes, {});
      assert.deepEqual(user.groups, []);
      assert.equal(user.isSuperuser, false);
      assert.equal(user.isCurrent, false);
      assert.equal(user.emailVerified, false);
      assert.equal(user.mfaEnabled, false);
      assert.match(user.avatarUrl, /^data:image\/[\w.+-]+[;,]/);
      assert.match(user.createdAt, RFC3339);
      assert.match(user.updatedAt, RFC3339);
      assert.ok(Math.abs(Date.parse(user.createdAt) - Date.now()) < 60_000, 'createdAt is now');
      assert.equal(user.updatedAt, user.createdAt);

      assert.ok(!res.text.includes(STRONG_PASSWORD), 'the password never comes back');
      assert.doesNotMatch(JSON.stringify({ ...user, avatarUrl: '' }), /password|hash|\$argon2/i);

      const fetched = await server.admin.get(res.headers.get('location')!);
      assert.equal(fetched.status, 200);
      assert.deepEqual(fetched.body, user);
      assert.equal(fetched.headers.get('etag'), res.headers.get('etag'));
    });

    it('keeps every writable field it is given', async () => {
      const username = uniqueName();
      const fields = {
        username,
        name: 'Ada Lovelace',
        givenName: 'Ada',
        familyName: 'Lovelace',
        email: `${username}@Example.com`,
        phone: '+442071234567',
        locale: 'en-GB',
        role: 'auditor',
        type: 'external',
        attributes: { department: 'analytics', levels: [1, 2, { deep: true }] },
        path: 'users/engineering/london',
        externalId: `ext-${username}`,
      };
      const res = await create(fields);
      assert.equal(res.status, 201, res.text);
      const { username: _u, ...rest } = fields;
      for (const [key, value] of Object.entries(rest)) assert.deepEqual(res.body[key], value, key);
      assert.equal(res.body.username, username);
      assert.equal(res.body.status, 'invited', 'no password: invited');
      // The generated avatar shows the initials of the name.
      const [, meta, data] = /^data:([^,]*),(.*)$/.exec(res.body.avatarUrl)!;
      const svg = meta.endsWith(';base64') ? Buffer.from(data, 'base64').toString('utf8') : decodeURIComponent(data);
      assert.match(svg, />AL</);
    });

    it('derives status: active with a password, invited without, active for a service account', async () => {
      const withPassword = await create({ username: uniqueName(), password: STRONG_PASSWORD });
      assert.equal(withPassword.status, 201, withPassword.text);
      assert.equal(withPassword.body.status, 'active');

      const invited = await create({ username: uniqueName(), email: `${uniqueName()}@example.com` });
      assert.equal(invited.status, 201, invited.text);
      assert.equal(invited.body.status, 'invited');

      const service = await create({ username: uniqueName('svc'), type: 'service_account' });
      assert.equal(service.status, 201, service.text);
      assert.equal(service.body.status, 'active');
      assert.equal(service.body.type, 'service_account');
      assert.equal(service.body.email, null);
    });

    it('refuses an email or a password on a service account', async () => {
      const username = uniqueName('svc');
      expectFieldError(
        await create({ username, type: 'service_account', email: `${username}@example.com` }),
        '/email',
        'not_allowed',
      );
      expectFieldError(await create({ username, type: 'service_account', password: STRONG_PASSWORD }), '/password', 'not_allowed');
      // Nothing was created by the refused attempts.
      assert.equal((await create({ username, type: 'service_account' })).status, 201);
    });

    it('treats status as read-only on create', async () => {
      for (const status of ['active', 'disabled', 'invited']) {
        expectFieldError(await create({ username: uniqueName(), password: STRONG_PASSWORD, status }), '/status', 'read_only');
      }
    });

    it('applies the username rules', async () => {
      expectFieldError(await create({}), '/username', 'required');
      expectFieldError(await create({ username: '' }), '/username', 'too_short');
      expectFieldError(await create({ username: 'a'.repeat(151) }), '/username', 'too_long');
      for (const bad of ['with space', 'slash/name', 'semi;colon', 'quote"d', 'tab\tname', 'emoji😀']) {
        expectFieldError(await create({ username: bad }), '/username', 'invalid_format');
      }
      expectFieldError(await create({ username: 42 }), '/username', 'invalid_type');

      const longest = `${uniqueName()}-`.padEnd(150, 'x');
      const ok150 = await create({ username: longest });
      assert.equal(ok150.status, 201, ok150.text);
      assert.equal(ok150.body.username, longest);

      const unicode = `Zoë.Łukasz+日本_${uniqueName()}@home`;
      const res = await create({ username: unicode });
      assert.equal(res.status, 201, res.text);
      assert.equal(res.body.username, unicode);
    });

    it('applies the email rules', async () => {
      const domain = `${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(57)}.com`;
      const fitting = `${uniqueName().padEnd(64, 'a')}@${domain}`;
      assert.equal(fitting.length, 254);
      const tooLong = `${uniqueName().padEnd(64, 'a')}@d${domain}`;
      assert.equal(tooLong.length, 255);
      expectFieldError(await create({ username: uniqueName(), email: tooLong }), '/email', 'too_long');
      for (const bad of ['not-an-email', 'a@', '@example.com', 'two@@example.com', 'spa ce@example.com']) {
        expectFieldError(await create({ username: uniqueName(), email: bad }), '/email', 'invalid_format');
      }
      expectFieldError(await create({ username: uniqueName(), email: 7 }), '/email', 'invalid_type');

      const ok = await create({ username: uniqueName(), email: fitting });
      assert.equal(ok.status, 201, ok.text);
      assert.equal(ok.body.email, fitting);
      const nullEmail = await create({ username: uniqueName(), email: null });
      assert.equal(nullEmail.status, 201, nullEmail.text);
      assert.equal(nullEmail.body.email, null);
    });

    it('requires phone numbers in E.164', async () => {
      for (const bad of ['030 1234567', '00493012345', '+0123456', '+1234567890123456', '+49-30-123', 'phone']) {
        expectFieldError(await create({ username: uniqueName(), phone: bad }), '/phone', 'invalid_format');
      }
      const ok = await create({ username: uniqueName(), phone: '+4930123456' });
      assert.equal(ok.status, 201, ok.text);
      assert.equal(ok.body.phone, '+4930123456');
    });

    it('refuses an unknown role or type', async () => {
      const role = expectFieldError(await create({ username: uniqueName(), role: 'root' }), '/role', 'invalid_value');
      assert.match(role.errors.find((e: any) => e.pointer === '/role').detail, /admin/);
      expectFieldError(await create({ username: uniqueName(), role: 'Admin' }), '/role', 'invalid_value');
      expectFieldError(await create({ username: uniqueName(), type: 'robot' }), '/type', 'invalid_value');
    });

    it('refuses unknown fields instead of dropping them', async () => {
      const body = expectFieldError(await create({ username: uniqueName(), nickname: 'x' }), '/nickname', 'unknown_field');
      assert.equal(body.errors.length, 1);
      expectFieldError(await create({ username: uniqueName(), id: '0190a000-0000-7000-8000-000000000000' }), '/id', 'unknown_field');
      expectFieldError(await create({ username: uniqueName(), isSuperuser: true }), '/isSuperuser', 'unknown_field');
      expectFieldError(await create({ username: uniqueName(), emailVerified: true }), '/emailVerified', 'unknown_field');
    });

    it('lists one error per offending field', async () => {
      const res = await create({ username: '', role: 'root', phone: 'x', extra: 1 });
      const body = expectProblem(res, 400, 'request.invalid');
      const pointers = body.errors.map((e: any) => e.pointer).sort();
      assert.deepEqual(pointers, ['/extra', '/phone', '/role', '/username']);
    });

    it('refuses group ids that name no group', async () => {
      const body = expectFieldError(
        await create({ username: uniqueName(), groups: ['0190a000-0000-7000-8000-000000000000', 'nope'] }),
        '/groups/0',
        'unknown_group',
      );
      assert.ok(body.errors.some((e: any) => e.pointer === '/groups/1'));
      const empty = await create({ username: uniqueName(), groups: [] });
      assert.equal(empty.status, 201, empty.text);
      assert.deepEqual(empty.body.groups, []);
    });

    it('limits attributes to 64 KiB serialized and 32 levels of nesting', async () => {
      // {"x":"…"} serializes to 8 bytes plus the string.
      const fits = { x: 'a'.repeat(64 * 1024 - 8) };
      assert.equal(JSON.stringify(fits).length, 65536);
      const ok = await create({ username: uniqueName(), attributes: fits });
      assert.equal(ok.status, 201, ok.text);
      assert.deepEqual(ok.body.attributes, fits);

      const tooLarge = { x: 'a'.repeat(64 * 1024 - 7) };
      expectFieldError(await create({ username: uniqueName(), attributes: tooLarge }), '/attributes', 'too_large');
      // Multi-byte characters count as bytes, not characters.
      const wide = { x: 'é'.repeat(40_000) };
      expectFieldError(await create({ username: uniqueName(), attributes: wide }), '/attributes', 'too_large');

      const deepest = await create({ username: uniqueName(), attributes: nested(32) });
      assert.equal(deepest.status, 201, deepest.text);
      assert.deepEqual(deepest.body.attributes, nested(32));
      expectFieldError(await create({ username: uniqueName(), attributes: nested(33) }), '/attributes', 'too_deep');
      expectFieldError(await create({ username: uniqueName(), attributes: nested(2000) }), '/attributes', 'too_deep');
      expectFieldError(await create({ username: uniqueName(), attributes: ['a'] }), '/attributes', 'invalid_type');
    });

    it('refuses weak passwords with a weak-password problem', async () => {
      const username = uniqueName('kestrel');
      const weak = ['Ab1-short', 'password123', 'qwertyuiop', `${username}1234567`, `${username.toUpperCase()}!!!!`];
      for (const password of weak) {
        const res = await create({ username, password });
        const body = expectProblem(res, 400, 'password.weak');
        assert.match(body.type, /weak-password$/, `type for ${password}`);
        assert.equal(body.errors[0].pointer, '/password');
        assert.equal(body.errors[0].code, 'weak_password');
        assert.ok(body.detail.length > 0);
        assert.ok(!res.text.includes(password), `the problem does not echo ${password}`);
      }
      // Built from the email's or the name's words is weak too.
      const email = `${uniqueName('marigold')}@example.com`;
      const fromEmail = await create({ username: uniqueName(), email, password: `${email.split('@')[0]}2024` });
      expectProblem(fromEmail, 400, 'password.weak');
      // None of the refused attempts created the user.
      const ok = await create({ username, password: STRONG_PASSWORD });
      assert.equal(ok.status, 201, ok.text);
    });

    it('answers 415 for a body that is not JSON and 400 for malformed or empty JSON', async () => {
      const username = uniqueName();
      for (const contentType of ['text/plain', 'application/xml', 'application/x-www-form-urlencoded']) {
        const res = await server.admin.post('/api/v1/users', `username=${username}`, { contentType });
        expectProblem(res, 415, 'request.unsupported_media_type');
      }
      expectProblem(await server.admin.post('/api/v1/users', '{"username":', { contentType: 'application/json' }), 400, 'request.malformed_json');
      expectProblem(await server.admin.post('/api/v1/users', '', { contentType: 'application/json' }), 400, 'request.empty_body');
      expectFieldError(await server.admin.post('/api/v1/users', '["x"]', { contentType: 'application/json' }), '', 'invalid_type');
      // None of them created the user.
      assert.equal((await create({ username })).status, 201);
    });

    it('accepts a password of exactly the minimum length when it is strong', async () => {
      const res = await create({ username: uniqueName(), password: 'Vq7#zL2!pR' });
      assert.equal(res.status, 201, res.text);
      assert.equal(res.body.status, 'active');
    });
  });
}
