// GET /api/v1/groups: keyset pagination, the SCIM filter over name, parent and isSuperuser, filter
// errors, and q. A server of its own, so the set of groups is known exactly.
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { backends } from '../support/backends.ts';
import { withServer } from '../support/server.ts';
import { expectProblem } from '../support/client.ts';

for (const backend of backends()) {
  describe(`groups list (${backend})`, () => {
    /** name → group, created in this order (ids are time-ordered). */
    const groups: Record<string, any> = {};
    const order: string[] = [];
    const server = withServer(backend);
    before(async () => {
      const specs: [string, string | null, boolean][] = [
        ['Engineering', null, false],
        ['eng-backend', 'Engineering', false],
        ['eng-frontend', 'Engineering', false],
        ['Sales', null, false],
        ['sales-emea', 'Sales', false],
        ['Admins', null, true],
        ['ops_100%', null, false],
      ];
      for (const [name, parent, isSuperuser] of specs) {
        const res = await server.admin.post('/api/v1/groups', { name, parent: parent && groups[parent].id, isSuperuser });
        assert.equal(res.status, 201, res.text);
        groups[name] = res.body;
        order.push(name);
      }
    });

    async function names(query: string): Promise<string[]> {
      const res = await server.admin.get(`/api/v1/groups?${query}`);
      assert.equal(res.status, 200, res.text);
      assert.equal(res.body.nextCursor, null);
      return res.body.items.map((g: any) => g.name);
    }

    it('lists every group in creation order as {items, nextCursor}', async () => {
      const res = await server.admin.get('/api/v1/groups');
      assert.equal(res.status, 200, res.text);
      assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
      assert.deepEqual(Object.keys(res.body).sort(), ['items', 'nextCursor']);
      assert.equal(res.body.nextCursor, null);
      assert.deepEqual(res.body.items, order.map((name) => groups[name]));
    });

    it('pages with limit and cursor without gaps or repeats', async () => {
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const query: string = `limit=2${cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`}`;
        const res = await server.admin.get(`/api/v1/groups?${query}`);
        assert.equal(res.status, 200, res.text);
        assert.ok(res.body.items.length <= 2);
        seen.push(...res.body.items.map((g: any) => g.name));
        cursor = res.body.nextCursor;
        pages++;
        assert.ok(pages < 10, 'pagination does not end');
      } while (cursor !== null);
      assert.equal(pages, 4);
      assert.deepEqual(seen, order);
    });

    it('refuses a bad limit or cursor with 400', async () => {
      for (const limit of ['0', '1001', 'x']) {
        const body = expectProblem(await server.admin.get(`/api/v1/groups?limit=${limit}`), 400, 'request.invalid');
        assert.equal(body.errors[0].parameter, 'limit');
      }
      expectProblem(await server.admin.get('/api/v1/groups?cursor=garbage'), 400, 'request.invalid_cursor');
    });

    it('filters by parent', async () => {
      assert.deepEqual(await names(`filter=${encodeURIComponent(`parent eq "${groups.Engineering.id}"`)}`), ['eng-backend', 'eng-frontend']);
      assert.deepEqual(await names(`filter=${encodeURIComponent('parent eq null')}`), ['Engineering', 'Sales', 'Admins', 'ops_100%']);
      assert.deepEqual(await names(`filter=${encodeURIComponent('parent pr')}`), ['eng-backend', 'eng-frontend', 'sales-emea']);
      assert.deepEqual(await names(`filter=${encodeURIComponent('parent eq "0190a000-0000-7000-8000-000000000000"')}`), []);
    });

    it('filters by isSuperuser', async () => {
      assert.deepEqual(await names(`filter=${encodeURIComponent('isSuperuser eq true')}`), ['Admins']);
      assert.deepEqual(await names(`filter=${encodeURIComponent('issuperuser eq false')}`), order.filter((n) => n !== 'Admins'));
    });

    it('filters by name case-insensitively, with and/or/not', async () => {
      assert.deepEqual(await names(`filter=${encodeURIComponent('name sw "eng"')}`), ['Engineering', 'eng-backend', 'eng-frontend']);
      assert.deepEqual(await names(`filter=${encodeURIComponent('name eq "SALES"')}`), ['Sales']);
      assert.deepEqual(await names(`filter=${encodeURIComponent('name ew "end"')}`), ['eng-backend', 'eng-frontend']);
      assert.deepEqual(await names(`filter=${encodeURIComponent('name sw "eng" and not (parent pr)')}`), ['Engineering']);
      assert.deepEqual(await names(`filter=${encodeURIComponent('name co "emea" or isSuperuser eq true')}`), ['sales-emea', 'Admins']);
      // LIKE wildcards in the value match literally.
      assert.deepEqual(await names(`filter=${encodeURIComponent('name co "0%"')}`), ['ops_100%']);
      assert.deepEqual(await names(`filter=${encodeURIComponent('name co "_"')}`), ['ops_100%']);
    });

    it('combines filter with limit and cursor', async () => {
      const filter = encodeURIComponent('name sw "eng"');
      const first = await server.admin.get(`/api/v1/groups?filter=${filter}&limit=2`);
      assert.equal(first.status, 200, first.text);
      assert.deepEqual(first.body.items.map((g: any) => g.name), ['Engineering', 'eng-backend']);
      assert.equal(typeof first.body.nextCursor, 'string');
      const rest = await server.admin.get(`/api/v1/groups?filter=${filter}&limit=2&cursor=${encodeURIComponent(first.body.nextCursor)}`);
      assert.deepEqual(rest.body.items.map((g: any) => g.name), ['eng-frontend']);
      assert.equal(rest.body.nextCursor, null);
    });

    for (const filter of ['name eq', 'nmae eq "x"', 'isSuperuser eq "yes"', 'memberCount gt 1', 'name eq "a" and', '(name eq "a"', 'username eq "x"']) {
      it(`refuses the filter ${JSON.stringify(filter)}: 400 filter.invalid`, async () => {
        const body = expectProblem(await server.admin.get(`/api/v1/groups?filter=${encodeURIComponent(filter)}`), 400, 'filter.invalid');
        assert.equal(body.errors[0].parameter, 'filter');
      });
    }

    it('q searches names case-insensitively as a substring', async () => {
      assert.deepEqual(await names('q=ENG'), ['Engineering', 'eng-backend', 'eng-frontend']);
      assert.deepEqual(await names('q=front'), ['eng-frontend']);
      assert.deepEqual(await names(`q=${encodeURIComponent('%')}`), ['ops_100%']);
      assert.deepEqual(await names('q=nothing-like-this'), []);
      assert.deepEqual(await names(`q=sales&filter=${encodeURIComponent('parent pr')}`), ['sales-emea']);
    });

    it('projects list items with fields', async () => {
      const res = await server.admin.get(`/api/v1/groups?fields=id,name&filter=${encodeURIComponent('name eq "Sales"')}`);
      assert.equal(res.status, 200, res.text);
      assert.deepEqual(res.body.items, [{ id: groups.Sales.id, name: 'Sales' }]);
    });
  });
}
