// A real SMTP server in-process: Roster delivers to it over a socket, tests read what arrived.
// `withMailServer()` gives a suite one, started before and stopped after its tests.
import { after, before } from 'node:test';
import { SMTPServer } from 'smtp-server';
import { simpleParser } from 'mailparser';
import type { AddressInfo } from 'node:net';

export interface ReceivedMail {
  to: string;
  from: string;
  subject: string;
  text: string;
  html: string;
  /** The first link in the text body. */
  link: string | undefined;
  /** The `token` query parameter of that link. */
  token: string | undefined;
}

export class MailSink {
  readonly mails: ReceivedMail[] = [];
  private waiters: { match: (m: ReceivedMail) => boolean; resolve: (m: ReceivedMail) => void }[] = [];
  private server: SMTPServer | undefined;
  port = 0;

  /** Starts listening (again, on the same port after a stop). */
  async start(): Promise<void> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData: (stream, _session, callback) => {
        simpleParser(stream)
          .then((parsed) => {
            const text = parsed.text ?? '';
            const link = /https?:\/\/\S+/.exec(text)?.[0];
            const mail: ReceivedMail = {
              to: [parsed.to].flat().map((a) => (a as { text: string } | undefined)?.text ?? '').join(', '),
              from: parsed.from?.text ?? '',
              subject: parsed.subject ?? '',
              text,
              html: typeof parsed.html === 'string' ? parsed.html : '',
              link,
              token: link ? (new URL(link).searchParams.get('token') ?? undefined) : undefined,
            };
            this.mails.push(mail);
            for (const waiter of [...this.waiters]) {
              if (waiter.match(mail)) {
                this.waiters.splice(this.waiters.indexOf(waiter), 1);
                waiter.resolve(mail);
              }
            }
            callback();
          })
          .catch(callback);
      },
    });
    await new Promise<void>((resolve) => this.server!.listen(this.port, '127.0.0.1', () => resolve()));
    this.port = (this.server.server.address() as AddressInfo).port;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  /** Resolves with the first mail (already received or arriving) that matches. */
  waitFor(match: (mail: ReceivedMail) => boolean, timeoutMs = 10_000): Promise<ReceivedMail> {
    const found = this.mails.find(match);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no matching mail arrived')), timeoutMs);
      this.waiters.push({ match, resolve: (mail) => (clearTimeout(timer), resolve(mail)) });
    });
  }

  to(address: string): ReceivedMail[] {
    return this.mails.filter((m) => m.to.toLowerCase().includes(address.toLowerCase()));
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
    this.server = undefined;
  }
}

/**
 * A mail server for the enclosing `describe`, listening from its `before` hook on. Declare it
 * before `withServer` so the server's options (a function) can read its `url`.
 */
export function withMailServer(): MailSink {
  const sink = new MailSink();
  before(() => sink.start());
  after(() => sink.stop());
  return sink;
}
