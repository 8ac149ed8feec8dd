import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { backends } from '../support/backends.ts';
import { startServer, type TestServer } from '../support/server.ts';

for (const backend of backends()) {
  describe(`smoke (${backend})`, () => {
    let server: TestServer;
    before(async () => (server = await startServer(backend)));
    after(() => server.close());
    it('creates and gets a user', async () => {
      const res = await server.admin.post('/api/v1/users', { username: 'alice', email: 'Alice@Example.com', password: 'plum-anchor-violet-93-orbit' });
      assert.equal(res.status, 201, res.text);
      const got = await server.admin.get(res.headers.get('location')!);
      assert.equal(got.status, 200);
      console.log(got.body, server.logs.slice(-3));
      const list = await server.admin.get('/api/v1/users?filter=' + encodeURIComponent('email ew "example.com"'));
      console.log(list.status, list.body);
    });
  });
}
