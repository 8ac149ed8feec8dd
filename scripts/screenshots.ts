// Takes the README's screenshots of the console and the activation page in Debian's Chromium:
// `npm run screenshots` (writes docs/screenshots/*.png).
import { chromium } from 'playwright-core';
import { startServer, ADMIN } from '../test/support/server.ts';
import { MailSink } from '../test/support/smtp.ts';
import { CHROMIUM } from '../test/support/browser.ts';

const OUT = new URL('../docs/screenshots/', import.meta.url).pathname;
const sink = new MailSink();
await sink.start();
const server = await startServer('pglite', { smtpUrl: sink.url, publicUrl: 'http://roster.test' });
try {
  for (const [username, name, role] of [['ada', 'Ada Lovelace', 'admin'], ['grace', 'Grace Hopper', 'manager'], ['alan', 'Alan Turing', 'auditor'], ['katherine', 'Katherine Johnson', 'user'], ['edsger', 'Edsger Dijkstra', 'user']]) {
    await server.admin.post('/api/v1/users', { username, name, role, email: `${username}@example.com` });
  }
  const parent = (await server.admin.post('/api/v1/groups', { name: 'engineering' })).body;
  await server.admin.post('/api/v1/groups', { name: 'platform', parent: parent.id });
  await server.admin.post('/api/v1/groups', { name: 'support' });
  const mail = await sink.waitFor((m) => m.to.includes('edsger@example.com'));
  if (!CHROMIUM) throw new Error('no Chromium: apt-get install -y chromium');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  const page = await browser.newPage({ viewport: { width: 1200, height: 720 } });
  await page.goto(server.url + mail.link!.slice('http://roster.test'.length));
  await page.getByLabel('New password').fill('edsger-1930');
  await page.getByLabel('Repeat the password').fill('edsger-1930');
  await page.getByRole('button', { name: 'Activate' }).click();
  await page.getByRole('alert').waitFor();
  await page.screenshot({ path: `${OUT}activation.png` });
  await page.goto(`${server.url}/console`);
  await page.getByLabel('Username').fill(ADMIN.username);
  await page.getByLabel('Password').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('link', { name: 'katherine' }).waitFor();
  await page.screenshot({ path: `${OUT}console-users.png` });
  await page.getByRole('link', { name: 'Groups' }).click();
  await page.getByRole('treeitem', { name: 'engineering' }).locator('span').first().click();
  await page.getByRole('heading', { name: 'Members of engineering' }).waitFor();
  await page.screenshot({ path: `${OUT}console-groups.png` });
  await browser.close();
} finally {
  await server.close();
  await sink.stop();
}
process.stdout.write(`wrote ${OUT}activation.png, console-users.png, console-groups.png\n`);
