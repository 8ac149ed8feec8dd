// The pages people reach from their mail (API.md, "Pages for people"), as a browser without
// JavaScript uses them: plain GETs and form POSTs over a real socket, the CSRF cookie carried by
// hand. The same flows run in Chromium in test/e2e/.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { backends } from '../support/backends.ts';
import { withServer } from '../support/server.ts';
import { withMailServer } from '../support/smtp.ts';
import { basic } from '../support/client.ts';
import { createUser, STRONG_PASSWORD, uniqueName } from '../support/factories.ts';

const PUBLIC_URL = 'http://roster.test';

/** A cookie-keeping form client, as a browser with JavaScript off. */
class Browser {
  private cookies = new Map<string, string>();
  constructor(private readonly base: string) {}

  private remember(res: Response) {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair.indexOf('=');
      this.cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
  }

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async get(path: string, accept = 'text/html') {
    const res = await fetch(`${this.base}${path}`, { headers: { accept, cookie: this.cookieHeader() } });
    this.remember(res);
    return { status: res.status, headers: res.headers, text: await res.text() };
  }

  async post(path: string, form: Record<string, string>) {
    const res = await fetch(`${this.base}${path}`, {
      method: 'POST',
      headers: { accept: 'text/html', cookie: this.cookieHeader(), 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form).toString(),
      redirect: 'manual',
    });
    this.remember(res);
    return { status: res.status, headers: res.headers, text: await res.text() };
  }
}

const field = (page: string, name: string) => new RegExp(`name="${name}" value="([^"]*)"`).exec(page)?.[1];

for (const backend of backends()) {
  describe(`pages (${backend})`, () => {
    const sink = withMailServer();
    const server = withServer(backend, () => ({ smtpUrl: sink.url, publicUrl: PUBLIC_URL }));
    const path = (link: string) => link.slice(PUBLIC_URL.length);

    it('activates an invitation: a labelled form, the policy\'s reasons, a clear page for a used link', async () => {
      const username = uniqueName('page');
      const email = `${username}@example.com`;
      await createUser(server.admin, { username, email });
      const mail = await sink.waitFor((m) => m.to.includes(email));
      const browser = new Browser(server.url);
      const form = await browser.get(path(mail.link!));
      assert.equal(form.status, 200, form.text);
      assert.equal(form.headers.get('content-type'), 'text/html; charset=utf-8');
      assert.match(form.headers.get('content-security-policy') ?? '', /default-src 'none'.*form-action 'self'.*frame-ancestors 'none'/);
      assert.match(form.text, /<label for="password">New password<\/label>\s*<input id="password" name="password" type="password"/);
      assert.match(form.text, /<label for="confirm">/);
      assert.doesNotMatch(form.text, /<script/);
      const csrf = field(form.text, 'csrf')!;
      assert.equal(field(form.text, 'token'), mail.token);

      const forged = await new Browser(server.url).post('/activate', { csrf, token: mail.token!, password: STRONG_PASSWORD, confirm: STRONG_PASSWORD });
      assert.equal(forged.status, 403, 'a form without its cookie is refused');
      assert.match(forged.text, /This form has expired/);

      const differ = await browser.post('/activate', { csrf, token: mail.token!, password: STRONG_PASSWORD, confirm: `${STRONG_PASSWORD}x` });
      assert.equal(differ.status, 400);
      assert.match(differ.text, /The two passwords differ/);
      const weak = await browser.post('/activate', { csrf, token: mail.token!, password: 'password123', confirm: 'password123' });
      assert.equal(weak.status, 400);
      assert.match(weak.text, /role="alert"/);
      assert.match(weak.text, /<p>The password [^<]+\.<\/p>/, 'the policy says why');
      assert.doesNotMatch(weak.text, /\.\.</, 'each reason a sentence');
      assert.doesNotMatch(weak.text, /password123/, 'the password is not echoed');
      assert.equal((await server.admin.get(`/api/v1/users?filter=${encodeURIComponent(`username eq "${username}"`)}`)).body.items[0].status, 'invited');

      const done = await browser.post('/activate', { csrf, token: mail.token!, password: STRONG_PASSWORD, confirm: STRONG_PASSWORD });
      assert.equal(done.status, 200, done.text);
      assert.match(done.text, /Your account is active/);
      assert.equal((await server.client(basic(username, STRONG_PASSWORD)).get('/api/v1/users/me')).status, 200);

      assert.equal(server.logs.join('').includes(mail.token!), false, 'the link\'s token is not logged');
      assert.ok(server.logs.join('').includes('/activate?token=[redacted]'), 'the request is logged, its token redacted');
      const again = await browser.get(path(mail.link!));
      assert.match(again.text, /used already/);
      assert.doesNotMatch(again.text, /<form/);
      assert.match((await browser.get('/activate?token=not-a-token')).text, /This link is not valid/);
    });

    it('resets a forgotten password from the mailed link, with the same answer for an unknown address', async () => {
      const username = uniqueName('forgot');
      const email = `${username}@example.com`;
      await createUser(server.admin, { username, email, password: STRONG_PASSWORD });
      const browser = new Browser(server.url);
      const forgot = await browser.get('/forgot-password');
      assert.match(forgot.text, /<label for="email">Email address<\/label>/);
      const csrf = field(forgot.text, 'csrf')!;
      const unknown = await browser.post('/forgot-password', { csrf, email: 'nobody-at-all@example.com' });
      const known = await browser.post('/forgot-password', { csrf, email });
      assert.equal(known.status, 200);
      assert.equal(known.text, unknown.text, 'nothing tells whether the address is known');
      const mail = await sink.waitFor((m) => m.to.includes(email) && m.link?.includes('/reset-password') === true);
      const reset = await browser.get(path(mail.link!));
      const newPassword = 'copper-lantern-meadow-64';
      const done = await browser.post('/reset-password', { csrf: field(reset.text, 'csrf')!, token: field(reset.text, 'token')!, password: newPassword, confirm: newPassword });
      assert.equal(done.status, 200, done.text);
      assert.match(done.text, /Your password is changed/);
      assert.equal((await server.client(basic(username, newPassword)).get('/api/v1/users/me')).status, 200);
      assert.equal((await server.client(basic(username, STRONG_PASSWORD)).get('/api/v1/users/me')).status, 401);
      assert.equal((await browser.post('/forgot-password', { csrf, email: 'not an address' })).status, 400);
    });

    it('confirms an email address only when the person clicks, not when a scanner follows the link', async () => {
      const user = await createUser(server.admin, { password: STRONG_PASSWORD });
      const email = `${uniqueName('verify')}@example.com`;
      await server.admin.patch(`/api/v1/users/${user.id}`, { email });
      const mail = await sink.waitFor((m) => m.to.includes(email));
      const browser = new Browser(server.url);
      const shown = await browser.get(path(mail.link!));
      assert.match(shown.text, /<button type="submit">Confirm<\/button>/);
      assert.equal((await server.admin.get(`/api/v1/users/${user.id}`)).body.emailVerified, false, 'a GET verifies nothing');
      const done = await browser.post('/verify-email', { csrf: field(shown.text, 'csrf')!, token: field(shown.text, 'token')! });
      assert.match(done.text, /your email address is confirmed/);
      assert.equal((await server.admin.get(`/api/v1/users/${user.id}`)).body.emailVerified, true);
    });

    it('serves the console\'s shell and assets under a CSP that admits only its own script', async () => {
      const browser = new Browser(server.url);
      const shell = await browser.get('/console');
      assert.equal(shell.status, 200);
      assert.match(shell.headers.get('content-security-policy') ?? '', /script-src 'self'; style-src 'self'; connect-src 'self'/);
      assert.match(shell.text, /<script type="module" src="\/console\/assets\/console.js"><\/script>/);
      const script = await browser.get('/console/assets/console.js', '*/*');
      assert.deepEqual([script.status, script.headers.get('content-type')], [200, 'text/javascript; charset=utf-8']);
      assert.ok(script.text.length > 10_000, 'the bundle, Preact and the typed client included');
      assert.doesNotMatch(script.text, /https?:\/\/(cdn|unpkg|jsdelivr)/, 'nothing from elsewhere');
    });

    it('leaves Basic out of the challenge for an application that signs people in itself', async () => {
      const plain = await fetch(`${server.url}/api/v1/users/me`);
      assert.match(plain.headers.get('www-authenticate') ?? '', /^Basic realm="roster"/);
      const app = await fetch(`${server.url}/api/v1/users/me`, { headers: { 'x-requested-with': 'XMLHttpRequest' } });
      assert.equal(app.status, 401);
      assert.doesNotMatch(app.headers.get('www-authenticate') ?? '', /Basic/);
      assert.match(app.headers.get('www-authenticate') ?? '', /Bearer realm="roster"/);
      const login = await fetch(`${server.url}/api/v1/sessions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-requested-with': 'XMLHttpRequest' },
        body: JSON.stringify({ username: 'nobody', password: 'wrong-password' }),
      });
      assert.equal(login.status, 401);
      assert.doesNotMatch(login.headers.get('www-authenticate') ?? '', /Basic/);
    });

    it('answers HTML only, and serves its stylesheet', async () => {
      const browser = new Browser(server.url);
      const json = await browser.get('/forgot-password', 'application/json');
      assert.equal(json.status, 406);
      const css = await browser.get('/assets/pages.css', 'text/css');
      assert.deepEqual([css.status, css.headers.get('content-type')], [200, 'text/css; charset=utf-8']);
      assert.match(css.text, /\.card \{/);
    });
  });
}
