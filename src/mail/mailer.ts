// Sends mail over SMTP (SMTP_URL) with nodemailer. Without SMTP_URL, mail is written to the log,
// links included, for development: never silently dropped. Those links carry live tokens
// (activation, password reset), so the mailer says so once at start-up and writes each mail at
// warn: an operator who forgot SMTP_URL sees it, and a log pipeline that keeps warnings longer or
// sends them further treats these lines as the secrets they are.
import type { Transporter } from 'nodemailer';
import type { FastifyBaseLogger } from 'fastify';

export interface Mail {
  to: string;
  subject: string;
  text: string;
  html: string;
}

export interface Mailer {
  send(mail: Mail): Promise<void>;
}

export function createMailer(options: { smtpUrl?: string; from: string; log: FastifyBaseLogger }): Mailer {
  if (!options.smtpUrl) {
    options.log.warn(
      'SMTP_URL is unset: mail is not sent but written to this log at warn, with its live activation and password-reset links; set SMTP_URL outside development',
    );
    return {
      async send(mail) {
        options.log.warn({ mail: { from: options.from, to: mail.to, subject: mail.subject, text: mail.text } }, 'mail (SMTP_URL is unset, so it is logged instead of sent)');
      },
    };
  }
  const smtpUrl = options.smtpUrl;
  // nodemailer is loaded with the first mail, not at every start (it is a fifth of the bundle).
  let transport: Promise<Transporter> | undefined;
  return {
    async send(mail) {
      transport ??= import('nodemailer').then(({ default: nodemailer }) => nodemailer.createTransport(smtpUrl));
      await (await transport).sendMail({ from: options.from, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html });
    },
  };
}
