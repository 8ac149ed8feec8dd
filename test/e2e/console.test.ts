// End to end in a real Chromium (API.md, "Pages for people"): the invitation mail's link →
// activation → sign-in to the console; forgot → reset; the console's sign-in, search, create,
// disable, groups and tokens; an auditor reads only, other roles are turned away.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { BrowserContext, Page } from 'playwright-core';
import { Secret, TOTP } from 'otpauth';
import { ADMIN, withServer } from '../support/server.ts';
import { withMailServer } from '../support/smtp.ts';
import { NO_BROWSER, withBrowser } from '../support/browser.ts';
import { createLogin, createUser, STRONG_PASSWORD, uniqueName } from '../support/factories.ts';

const PUBLIC_URL = 'http://roster.test';

// The storage is not what these tests are about: they run on the embedded default only.
describe('console and pages in Chromium', { skip: NO_BROWSER }, () => {
  const sink = withMailServer();
  const server = withServer('pglite', () => ({ smtpUrl: sink.url, publicUrl: PUBLIC_URL }));
  const chromium = withBrowser();
  let context: BrowserContext;
  let page: Page;
  before(async () => {
    context = await chromium.browser.newContext();
  });
  after(() => context.close());
  const open = async () => {
    page = await context.newPage();
    await context.clearCookies();
    return page;
  };
  const local = (link: string) => server.url + link.slice(PUBLIC_URL.length);

  async function signIn(username: string, password: string) {
    await page.goto(`${server.url}/console`);
    await page.getByLabel('Username').fill(username);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
  }

  it('takes an invited user from the mail\'s link through activation to the console', async () => {
    const username = uniqueName('invitee');
    const email = `${username}@example.com`;
    await createUser(server.admin, { username, email, role: 'manager' });
    const mail = await sink.waitFor((m) => m.to.includes(email));
    await open();
    await page.goto(local(mail.link!));
    await page.getByLabel('New password').fill('weak-password');
    await page.getByLabel('Repeat the password').fill('weak-password');
    await page.getByRole('button', { name: 'Activate' }).click();
    assert.match(await page.getByRole('alert').innerText(), /The password/);
    await page.getByLabel('New password').fill(STRONG_PASSWORD);
    await page.getByLabel('Repeat the password').fill(STRONG_PASSWORD);
    await page.getByRole('button', { name: 'Activate' }).click();
    await page.getByText('Your account is active').waitFor();
    await page.getByRole('link', { name: 'Sign in' }).click();
    await page.getByLabel('Username').fill(username);
    await page.getByLabel('Password').fill(STRONG_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Users' }).waitFor();
    assert.match(await page.locator('header .who').innerText(), new RegExp(`${username} \\(manager\\)`));
  });

  it('resets a forgotten password through the mailed link', async () => {
    const username = uniqueName('forgot');
    const email = `${username}@example.com`;
    await createUser(server.admin, { username, email, password: STRONG_PASSWORD });
    await open();
    await page.goto(`${server.url}/console`);
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await page.getByLabel('Email address').fill(email);
    await page.getByRole('button', { name: 'Send the link' }).click();
    await page.getByText('If an account uses that address').waitFor();
    const mail = await sink.waitFor((m) => m.to.includes(email) && m.link?.includes('/reset-password') === true);
    await page.goto(local(mail.link!));
    const newPassword = 'harbour-violet-engine-29';
    await page.getByLabel('New password').fill(newPassword);
    await page.getByLabel('Repeat the password').fill(newPassword);
    await page.getByRole('button', { name: 'Set the new password' }).click();
    await page.getByText('Your password is changed').waitFor();
    const login = await server.anon.post('/api/v1/sessions', { username, password: newPassword });
    assert.equal(login.status, 200, login.text);
  });

  it('signs an admin in, searches, invites, disables, groups and mints a token', async () => {
    const prefix = uniqueName('e2e');
    const existing = await createUser(server.admin, { username: `${prefix}-existing`, password: STRONG_PASSWORD });
    await open();
    await signIn(ADMIN.username, 'wrong-password-entirely');
    assert.match(await page.getByRole('alert').innerText(), /failed|invalid|password/i);
    await signIn(ADMIN.username, ADMIN.password);
    await page.getByRole('heading', { name: 'Users' }).waitFor();

    await page.getByLabel('Search').fill(prefix);
    // The search runs after a pause in typing; then the table holds the one match.
    const rows = page.getByRole('table', { name: 'Users' }).locator('tbody tr');
    for (let tries = 0; (await rows.count()) !== 1; tries++) {
      assert.ok(tries < 100, 'the search never narrowed the table to one row');
      await page.waitForTimeout(50); // polling the table: it changes when the debounced search answers
    }
    await page.getByRole('table', { name: 'Users' }).getByRole('link', { name: `${prefix}-existing` }).waitFor();

    await page.getByRole('button', { name: 'Create or invite a user' }).click();
    await page.getByLabel('Username').fill(`${prefix}-new`);
    await page.getByLabel('Email').fill(`${prefix}-new@example.com`);
    await page.getByRole('button', { name: 'Invite' }).click();
    await page.getByRole('heading', { name: `${prefix}-new` }).waitFor();
    assert.match(await page.getByRole('region', { name: 'Details' }).innerText(), /status invited/);

    await page.goto(`${server.url}/console#/users/${existing.id}`);
    await page.getByRole('button', { name: 'Disable' }).click();
    await page.getByText('Disabled: the user').waitFor();
    assert.equal((await server.admin.get(`/api/v1/users/${existing.id}`)).body.status, 'disabled');
    await page.getByRole('button', { name: 'Enable' }).click();
    await page.getByText('Enabled.').waitFor();

    await page.getByLabel("New token's name").fill('deploy');
    await page.getByRole('button', { name: 'Create token' }).click();
    const secret = await page.getByLabel('New token secret').innerText();
    assert.match(secret, /^roster_pat_/);
    assert.equal((await server.client(`Bearer ${secret}`).get('/api/v1/users/me')).body.id, existing.id);
    await page.getByRole('button', { name: 'Revoke deploy' }).click();
    await page.getByRole('table', { name: 'Tokens' }).locator('tbody tr').first().waitFor({ state: 'detached' });

    await page.getByRole('link', { name: 'Groups' }).click();
    await page.getByLabel(/^New group/).fill(`${prefix}-team`);
    await page.getByRole('button', { name: 'Create group' }).click();
    await page.getByRole('heading', { name: `Members of ${prefix}-team` }).waitFor();
    await page.getByLabel('Add a member (username or id)').fill(existing.username);
    await page.getByRole('button', { name: 'Add' }).click();
    await page.getByRole('table', { name: `Members of ${prefix}-team` }).getByRole('link', { name: existing.username }).waitFor();
    assert.equal((await server.admin.get(`/api/v1/users/${existing.id}`)).body.groups.length, 1);
    assert.ok(await page.getByRole('tree', { name: 'Groups' }).getByRole('treeitem', { name: `${prefix}-team` }).isVisible());

    await page.getByRole('link', { name: 'Audit events' }).click();
    await page.getByRole('cell', { name: 'membership.added' }).first().waitFor();
  });

  it('asks an enrolled user for the TOTP code after the password, and an admin can reset that user\'s MFA', async () => {
    const { user, auth } = await createLogin(server.admin, 'manager');
    const enrol = await server.client(auth).post('/api/v1/users/me/mfa/totp');
    const totp = new TOTP({ secret: Secret.fromBase32(enrol.body.secret) });
    const verified = await server.client(auth).post('/api/v1/users/me/mfa/totp/verify', { code: totp.generate() });
    assert.equal(verified.status, 204, verified.text);
    await open();
    await signIn(user.username, STRONG_PASSWORD);
    // The next step's code: the server takes one step either side, and this one is not spent yet.
    await page.getByLabel(/Code from your authenticator app/).fill(totp.generate({ timestamp: Date.now() + 30_000 }));
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.getByRole('heading', { name: 'Users' }).waitFor();

    await open();
    await signIn(ADMIN.username, ADMIN.password);
    await page.goto(`${server.url}/console#/users/${user.id}`);
    await page.getByRole('button', { name: 'Reset MFA' }).click();
    await page.getByText('MFA reset').waitFor();
    assert.equal((await server.admin.get(`/api/v1/users/${user.id}`)).body.mfaEnabled, false);
  });

  it('keeps an auditor to reading and turns other roles away', async () => {
    const auditor = await createLogin(server.admin, 'auditor');
    await open();
    await signIn(auditor.user.username, STRONG_PASSWORD);
    await page.getByRole('heading', { name: 'Users' }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Create or invite a user' }).count(), 0);
    assert.match(await page.locator('header .who').innerText(), /read-only/);

    const plain = await createLogin(server.admin, 'user');
    await open();
    await signIn(plain.user.username, STRONG_PASSWORD);
    await page.getByRole('heading', { name: 'Not for your role' }).waitFor();
  });
});
