// Access tokens name one issuer per database when ROSTER_PUBLIC_URL is unset, so a JWT from one
// Roster process is accepted by every other process on that database, whatever address each
// listens on (they used to sign with their own http://HOST:PORT and refuse each other's).
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { decodeJwt } from 'jose';
import { buildApp, type App } from '../../src/app.ts';
import { createPasswordHasher } from '../../src/credentials/password.ts';
import { backends } from '../support/backends.ts';
import { startServer, TEST_ARGON2, TEST_SECRET, ADMIN, type TestServer } from '../support/server.ts';
import { Client, expectProblem } from '../support/client.ts';

for (const backend of backends()) {
  describe(`access token issuer (${backend})`, () => {
    let first: TestServer;
    let second: App;
    let secondUrl: string;
    before(async () => {
      first = await startServer(backend, { publicUrl: 'http://127.0.0.1:1111' });
      // A second process on the same database, listening elsewhere.
      second = await buildApp({ store: first.store, passwords: createPasswordHasher(TEST_ARGON2), secret: TEST_SECRET, publicUrl: 'http://127.0.0.1:2222' });
      await second.listen({ port: 0, host: '127.0.0.1' });
      const address = second.server.address();
      secondUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    });
    after(async () => {
      await second?.close();
      await first?.close();
    });

    it('a JWT from one process works on the other, and names the database, not an address', async () => {
      const login = await first.anon.post('/api/v1/sessions', ADMIN);
      assert.equal(login.status, 200, login.text);
      const claims = decodeJwt(login.body.accessToken);
      assert.match(String(claims.iss), /^urn:roster:[0-9a-f-]{36}$/);
      const other = await new Client(secondUrl, `Bearer ${login.body.accessToken}`).get('/api/v1/users/me');
      assert.equal(other.status, 200, other.text);
      assert.equal(other.body.username, ADMIN.username);
      const back = await new Client(secondUrl).post('/api/v1/sessions', ADMIN);
      assert.equal(decodeJwt(back.body.accessToken).iss, claims.iss);
    });

    it('an explicit issuer (ROSTER_PUBLIC_URL) is kept, and a token naming another is refused', async () => {
      const named = await buildApp({ store: first.store, passwords: createPasswordHasher(TEST_ARGON2), secret: TEST_SECRET, issuer: 'https://id.example.com' });
      await named.listen({ port: 0, host: '127.0.0.1' });
      try {
        const address = named.server.address();
        const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
        const login = await new Client(url).post('/api/v1/sessions', ADMIN);
        assert.equal(decodeJwt(login.body.accessToken).iss, 'https://id.example.com');
        expectProblem(await first.client(`Bearer ${login.body.accessToken}`).get('/api/v1/users/me'), 401, 'auth.unauthenticated');
      } finally {
        await named.close();
      }
    });
  });
}
