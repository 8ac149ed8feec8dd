// Without SMTP_URL mail goes to the log: the service warns at start-up, and each logged mail,
// which carries a live token, is a warning too. With SMTP_URL neither appears.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { backends } from '../support/backends.ts';
import { startServer, type TestServer } from '../support/server.ts';
import { createUser, uniqueName } from '../support/factories.ts';
import { MailSink } from '../support/smtp.ts';
import { drain, uniqueEmail } from '../lifecycle/helpers.ts';

const WARN = 40;
const START_UP = /^SMTP_URL is unset: mail is not sent but written to this log at warn/;

const lines = (server: TestServer) => server.logs.map((line) => JSON.parse(line) as { level: number; msg: string; mail?: { to: string } });

for (const backend of backends()) {
  describe(`mail written to the log without SMTP_URL (${backend})`, () => {
    let server: TestServer;
    before(async () => {
      server = await startServer(backend, { worker: false });
    });
    after(async () => {
      await server?.close();
    });

    it('warns once at start-up that mail goes to the log', () => {
      const warnings = lines(server).filter((line) => START_UP.test(line.msg));
      assert.equal(warnings.length, 1);
      assert.equal(warnings[0].level, WARN);
      assert.match(warnings[0].msg, /live activation and password-reset links; set SMTP_URL outside development$/);
    });

    it('writes each mail at warn', async () => {
      const user = await createUser(server.admin, { email: uniqueEmail(uniqueName('warn')) });
      assert.equal(await drain(server), 1);
      const mails = lines(server).filter((line) => line.mail?.to === user.email);
      assert.equal(mails.length, 1);
      assert.equal(mails[0].level, WARN);
      assert.equal(mails[0].msg, 'mail (SMTP_URL is unset, so it is logged instead of sent)');
    });
  });

  describe(`no mail warning with SMTP_URL (${backend})`, () => {
    const sink = new MailSink();
    let server: TestServer;
    before(async () => {
      await sink.start();
      server = await startServer(backend, { smtpUrl: sink.url, worker: false });
    });
    after(async () => {
      await server?.close();
      await sink.stop();
    });

    it('says nothing about SMTP_URL and logs no mail', async () => {
      const user = await createUser(server.admin, { email: uniqueEmail(uniqueName('smtp')) });
      assert.equal(await drain(server), 1);
      await sink.waitFor((mail) => mail.to.includes(user.email));
      assert.deepEqual(lines(server).filter((line) => /SMTP_URL/.test(line.msg) || line.mail), []);
    });
  });
}
