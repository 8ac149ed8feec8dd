// Inputs that used to answer 500 (issue 10, security item 6): a filter attribute named like an
// Object.prototype member, a NUL smuggled in through a \u escape, and a 100,000-deep JSON body
// sent with an Idempotency-Key. Each must end as a precise 400, never a 500.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { backends } from '../support/backends.ts';
import { startServer, type TestServer } from '../support/server.ts';
import { expectProblem } from '../support/client.ts';
import { uniqueName } from '../support/factories.ts';

const LISTS = ['/api/v1/users', '/api/v1/groups'];

function listWith(path: string, filter: string): string {
  return `${path}?filter=${encodeURIComponent(filter)}`;
}

/** `{"a":{"a":…{}…}}` nested `depth` levels, built as text (JSON.stringify would overflow). */
function deepObject(depth: number): string {
  return '{"a":'.repeat(depth) + '{}' + '}'.repeat(depth);
}

for (const backend of backends()) {
  describe(`inputs that used to answer 500 (${backend})`, () => {
    let server: TestServer;
    before(async () => {
      server = await startServer(backend);
    });
    after(async () => {
      await server?.close();
    });

    it('refuses a filter attribute named like an Object.prototype member as an unknown attribute', async () => {
      for (const path of LISTS) {
        for (const filter of ['constructor eq "x"', 'propertyIsEnumerable eq "x"', 'toString pr', 'hasOwnProperty co "x"', 'not (valueOf eq "x")']) {
          const problem = expectProblem(await server.admin.get(listWith(path, filter)), 400, 'filter.invalid');
          const name = /^(?:not \()?(\w+)/.exec(filter)![1];
          assert.match(problem.detail, new RegExp(`unknown attribute "${name}"`), `${path} ${filter}`);
          assert.deepEqual(problem.errors.map((e: any) => [e.parameter, e.code]), [['filter', 'invalid_filter']]);
        }
      }
    });

    it('refuses a NUL written as \\u0000 inside a filter string with 400 filter.invalid', async () => {
      for (const path of LISTS) {
        for (const filter of ['name co "\\u0000"', 'name eq "a\\u0000b"', 'name sw "\\u0000" or name pr']) {
          const problem = expectProblem(await server.admin.get(listWith(path, filter)), 400, 'filter.invalid');
          assert.match(problem.detail, /NUL/, `${path} ${filter}: ${problem.detail}`);
          assert.equal(problem.position, filter.indexOf('\\u0000'), `${path} ${filter}`);
        }
        // Other escapes still work: \u0041 is "A", a legal (if unmatched) value.
        const ok = await server.admin.get(listWith(path, 'name eq "\\u0041-none"'));
        assert.equal(ok.status, 200, ok.text);
        assert.deepEqual(ok.body.items, []);
      }
    });

    it('answers a 100,000-deep JSON body sent with an Idempotency-Key as 400, then replays it', async () => {
      const depth = 100_000;
      for (const [path, head] of [
        ['/api/v1/users', `{"username":"${uniqueName('deep')}","attributes":`],
        ['/api/v1/groups', `{"name":"${uniqueName('deep')}","attributes":`],
      ]) {
        const body = `${head}${deepObject(depth)}}`;
        const headers = { 'idempotency-key': uniqueName('key') };
        const first = await server.admin.post(path, body, { headers });
        const problem = expectProblem(first, 400, 'request.invalid');
        assert.deepEqual(problem.errors.map((e: any) => [e.pointer, e.code]), [['/attributes', 'too_deep']], path);
        // The same key and the same bytes replay the stored answer rather than failing anew.
        const again = await server.admin.post(path, body, { headers });
        assert.equal(again.status, 400, again.text);
        assert.equal(again.headers.get('idempotency-replayed'), 'true');
        assert.equal(again.text, first.text);
      }
      // A deep array as the whole body fails validation before anything is hashed or stored.
      const root = await server.admin.post('/api/v1/users', '['.repeat(depth) + ']'.repeat(depth), {
        headers: { 'idempotency-key': uniqueName('key') },
      });
      const rootProblem = expectProblem(root, 400, 'request.invalid');
      assert.deepEqual(rootProblem.errors.map((e: any) => [e.pointer, e.code]), [['', 'invalid_type']]);
    });
  });
}
