// A small deterministic fuzz of the users routes: random methods, paths, query strings, headers and
// bodies from a seeded PRNG. No answer may be a 5xx, every non-2xx must be a problem document, no
// answer may carry a hash, a stack frame or SQL, and the log must hold no secret that was sent.
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { backends } from '../support/backends.ts';
import { withServer, ADMIN } from '../support/server.ts';
import { basic, type Response } from '../support/client.ts';
import { createUser, uniqueName } from '../support/factories.ts';

const SEED = 0x5eed_2026;
const REQUESTS = 300;

/** mulberry32: tiny, fast and the same sequence on every run. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)];
  const chance = (p: number) => next() < p;
  const CHARS = 'abcXYZ019 -_.@+/~%&=?#"\'\\{}[]:,<>é€😀\u0000\t';
  const text = (max: number) => Array.from({ length: int(max + 1) }, () => pick([...CHARS])).join('');
  const ascii = (max: number) => Array.from({ length: int(max + 1) }, () => String.fromCharCode(0x20 + int(95))).join('');
  return { next, int, pick, chance, text, ascii };
}

type Rng = ReturnType<typeof prng>;

const FIELDS = ['username', 'name', 'givenName', 'familyName', 'email', 'phone', 'locale', 'type', 'role', 'status',
  'groups', 'attributes', 'path', 'externalId', 'password', 'id', 'createdAt', 'isSuperuser', 'unknownThing'];
const PLAUSIBLE: Record<string, () => unknown> = {
  username: () => uniqueName('fz'),
  email: () => `${uniqueName('fz')}@example.com`,
  phone: () => '+4930123456',
  locale: () => 'de-DE',
  type: () => 'service_account',
  role: () => 'manager',
  status: () => 'disabled',
  path: () => 'users/fuzz',
  attributes: () => ({ profile: { a: 1 } }),
};

function jsonValue(rng: Rng, depth: number): unknown {
  switch (rng.int(depth > 2 ? 5 : 7)) {
    case 0: return null;
    case 1: return rng.chance(0.5);
    case 2: return rng.pick([0, -1, 1.5, 1e308, -0, 2 ** 53 + 1]);
    case 3: return rng.text(12);
    case 4: return rng.text(300);
    case 5: return Array.from({ length: rng.int(4) }, () => jsonValue(rng, depth + 1));
    default: return Object.fromEntries(Array.from({ length: rng.int(4) }, () => [rng.pick([...FIELDS, rng.text(6)]), jsonValue(rng, depth + 1)]));
  }
}

interface FuzzRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
}

function fuzzRequest(rng: Rng, ids: string[], passwords: string[], authorizations: string[]): FuzzRequest {
  let method: string;
  let segment: string;
  if (rng.chance(0.75)) {
    // A real route, so the request gets past routing into validation and the service.
    [method, segment] = rng.pick([
      ['GET', ''], ['POST', ''], ['POST', ''], ['GET', '/me'], ['PATCH', '/me'],
      ['GET', '/:id'], ['PUT', '/:id'], ['PATCH', '/:id'], ['PATCH', '/:id'], ['DELETE', '/:id'],
    ]);
    segment = segment.replace(':id', rng.chance(0.8) ? rng.pick(ids) : '01234567-89ab-7def-8123-456789abcdef');
  } else {
    method = rng.pick(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']);
    segment = rng.pick([
      () => '', () => '/me', () => `/${rng.pick(ids)}`, () => `/${encodeURIComponent(rng.text(20))}`,
      () => `/${rng.ascii(8).replace(/[#?%\s]/g, '')}`, () => '/%', () => '/%zz', () => '/me/password',
      () => `/${rng.pick(ids)}/tokens`, () => '/../users', () => '//',
    ])();
  }
  // Unknown query parameters are refused (400), so writes get only the ones writes take, and
  // half of them none at all, or few would get past validation.
  const keys = method === 'GET' ? ['limit', 'cursor', 'filter', 'q', 'status', 'type', 'role'] : [];
  const params = Array.from({ length: method === 'GET' || rng.chance(0.5) ? rng.int(4) : 0 }, () => {
    const key = rng.pick([...keys, 'fields', 'ifExists', rng.ascii(5)]);
    const value = rng.pick([
      () => String(rng.int(2000) - 500), () => rng.text(15), () => 'userName eq "x" and (email co "@" or not (status pr))',
      () => 'id,username', () => 'return', () => 'eyJhZnRlciI6IngifQ', () => rng.ascii(30),
    ])();
    return rng.chance(0.1) ? `${key}=${value}` : `${encodeURIComponent(key)}=${encodeURIComponent(value)}`;
  });
  const path = `/api/v1/users${segment}${params.length ? `?${params.join('&')}` : ''}`;

  const headers: Record<string, string> = {};
  const password = `Fz-${rng.ascii(6).replace(/[^A-Za-z0-9]/g, 'q')}-${rng.int(1e9)}-pw`;
  const admin = () => basic(ADMIN.username, ADMIN.password);
  const ghost = () => {
    passwords.push(password);
    return basic(uniqueName('ghost'), password);
  };
  const auth = (rng.chance(0.7) ? admin : rng.pick([
    ghost, () => `Bearer ${rng.ascii(40).trim() || 'x'}`,
    () => `Basic ${rng.ascii(20).trim() || 'x'}`, () => rng.ascii(30), () => '',
  ]))();
  if (auth.trim() !== '') {
    headers.authorization = auth;
    authorizations.push(auth);
  }
  if (rng.chance(0.25)) headers.accept = rng.pick(['*/*', 'application/json', 'text/html', 'application/*;q=0.1', rng.ascii(20)]);
  if (rng.chance(0.2)) headers['if-match'] = rng.pick(['*', '"1"', 'W/"1"', rng.ascii(10)]);
  if (rng.chance(0.2)) headers.prefer = rng.pick(['return=minimal', 'respond-async', rng.ascii(10)]);
  if (rng.chance(0.15)) headers['x-fields'] = rng.pick(['id', 'id,nope', rng.ascii(10)]);
  if (rng.chance(0.15)) headers['idempotency-key'] = rng.ascii(rng.chance(0.2) ? 300 : 12);
  if (rng.chance(0.1)) headers[`x-${rng.int(1000)}`] = rng.ascii(40).trim();

  let body: string | undefined;
  if (!['GET', 'HEAD'].includes(method) && rng.chance(0.85)) {
    const shape = rng.int(6);
    if (shape === 0) body = rng.text(40); // almost never valid JSON
    else if (shape === 1) body = JSON.stringify(jsonValue(rng, 0));
    else {
      // Shapes 2 and 3 hold only plausible values, so some requests succeed; 4 and 5 mix in noise.
      const doc: Record<string, unknown> = {};
      for (const field of shape < 4 ? Object.keys(PLAUSIBLE) : FIELDS) {
        if (!rng.chance(0.25)) continue;
        doc[field] = PLAUSIBLE[field] && (shape < 4 || rng.chance(0.7)) ? PLAUSIBLE[field]() : jsonValue(rng, 1);
      }
      if (shape < 4 || rng.chance(0.5)) doc.username = PLAUSIBLE.username();
      if ('password' in doc || rng.chance(0.3)) {
        doc.password = password;
        passwords.push(password);
      }
      body = JSON.stringify(doc);
    }
    headers['content-type'] = rng.pick([
      'application/json', 'application/json', 'application/json', 'application/json', 'application/json', 'application/merge-patch+json',
      'application/json; charset=utf-8', 'text/plain', 'application/x-www-form-urlencoded', rng.ascii(15).trim() || 'x',
    ]);
  }
  return { method, path, headers, body };
}

const SQL = /syntax error at or near|violates (unique|check|foreign key|not-null) constraint|duplicate key value|relation "|column "|\bselect\b[^"]{0,200}\bfrom\b|\binsert into\b|\bupdate\b \S+ set\b|\bdelete from\b/i;

/** What is wrong with one answer, if anything. */
function violations(req: FuzzRequest, res: Response): string[] {
  const found: string[] = [];
  if (res.status >= 500) found.push(`${res.status}`);
  if (res.status >= 300 && req.method !== 'HEAD') {
    const type = res.headers.get('content-type') ?? '';
    const body = res.body;
    if (!/^application\/problem\+json/.test(type)) found.push(`non-problem ${res.status} (${type})`);
    else if (
      typeof body?.type !== 'string' || typeof body.title !== 'string' || body.status !== res.status ||
      typeof body.detail !== 'string' || typeof body.code !== 'string' || body.instance !== res.headers.get('x-request-id')
    ) found.push(`incomplete problem ${res.status}`);
  }
  if (!res.headers.get('x-request-id')) found.push('no X-Request-Id');
  if (res.text.includes('$argon2')) found.push('argon2 hash in body');
  if (/password_hash|passwordHash/.test(res.text)) found.push('password hash field in body');
  if (/(\n|\\n)\s+at /.test(res.text)) found.push('stack frame in body');
  if (SQL.test(res.text)) found.push('SQL in body');
  return found;
}

for (const backend of backends()) {
  describe(`HTTP fuzz of the users routes (${backend})`, () => {
    const passwords: string[] = [];
    const authorizations: string[] = [];

    const server = withServer(backend);
    before(async () => {
    });

    it(`answers ${REQUESTS} random requests without a 5xx, a non-problem error or a leak`, async () => {
      const ids = [];
      for (let i = 0; i < 4; i++) ids.push((await createUser(server.admin, { email: `${uniqueName('fz')}@example.com` })).id);
      const rng = prng(SEED);
      const failures = new Map<string, string>();
      const statuses = new Map<number, number>();
      for (let i = 0; i < REQUESTS; i++) {
        const req = fuzzRequest(rng, ids, passwords, authorizations);
        const res = await server.anon.request(req.method, req.path, { headers: req.headers, body: req.body });
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        for (const violation of violations(req, res)) {
          const v = `${violation} [${res.body?.code ?? res.text.slice(0, 40)}]`;
          if (!failures.has(v)) failures.set(v, `#${i} ${req.method} ${req.path} ${JSON.stringify(req.headers)} ${req.body?.slice(0, 200)}\n  → ${res.status} ${res.text.slice(0, 300)}`);
        }
      }
      const report = [...failures].map(([v, example]) => `${v}: ${example}`).join('\n');
      assert.equal(failures.size, 0, `fuzz violations (first example of each):\n${report}`);
      // The fuzz must reach past the front door, or it proves little.
      const seen = JSON.stringify([...statuses]);
      for (const status of [200, 400, 401, 404, 406, 415]) assert.ok(statuses.has(status), `no ${status} among ${seen}`);
      assert.ok(statuses.has(201) && statuses.has(204), `no successful write among ${seen}`);
    });

    it('logs no argon2 hash, no password that was sent and no Authorization value', async () => {
      const username = uniqueName('fzlog');
      const password = `Fz-${uniqueName('log')}-granite-44`;
      const created = await server.admin.post('/api/v1/users', { username, password });
      assert.equal(created.status, 201, created.text);
      const auth = basic(username, password);
      assert.equal((await server.client(auth).get('/api/v1/users/me')).status, 200);
      passwords.push(password, ADMIN.password);
      authorizations.push(auth);

      assert.ok(server.logs.length > 10, 'the log captured the requests');
      const log = server.logs.join('');
      assert.ok(!log.includes('$argon2'), 'the log contains an argon2 hash');
      for (const secret of passwords) assert.ok(!log.includes(secret), `the log contains the password ${secret}`);
      for (const value of authorizations) {
        const credential = value.replace(/^\S+\s+/, '');
        if (credential.length < 12) continue; // too short to tell from ordinary log text
        assert.ok(!log.includes(credential), `the log contains the Authorization value ${value}`);
      }
    });
  });
}
