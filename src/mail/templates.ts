// Mail texts per purpose and language. The user's locale picks the language ("de-AT" → de);
// English is the fallback.
import { escapeHtml } from '../text/escape-html.ts';

export type MailPurpose = 'activation' | 'password_reset' | 'email_verification';

interface Text {
  subject: string;
  intro: (name: string) => string;
  action: string;
  expiry: (duration: string) => string;
  ignore: string;
}

const TEXTS: Record<string, Record<MailPurpose, Text>> = {
  en: {
    activation: {
      subject: 'You are invited to Roster',
      intro: (name) => `Hello ${name}, an account has been created for you.`,
      action: 'Choose your password to activate it',
      expiry: (d) => `This link works once and expires in ${d}.`,
      ignore: 'If you did not expect this invitation, you can ignore this mail.',
    },
    password_reset: {
      subject: 'Reset your Roster password',
      intro: (name) => `Hello ${name}, someone asked to reset the password of your account.`,
      action: 'Choose a new password',
      expiry: (d) => `This link works once and expires in ${d}.`,
      ignore: 'If it was not you, ignore this mail: your password stays as it is.',
    },
    email_verification: {
      subject: 'Confirm your email address',
      intro: (name) => `Hello ${name}, please confirm that this address is yours.`,
      action: 'Confirm this address',
      expiry: (d) => `This link works once and expires in ${d}.`,
      ignore: 'If you did not change your address, ignore this mail.',
    },
  },
  de: {
    activation: {
      subject: 'Ihre Einladung zu Roster',
      intro: (name) => `Hallo ${name}, für Sie wurde ein Konto angelegt.`,
      action: 'Wählen Sie Ihr Passwort, um es zu aktivieren',
      expiry: (d) => `Dieser Link gilt einmal und läuft in ${d} ab.`,
      ignore: 'Wenn Sie diese Einladung nicht erwartet haben, können Sie diese Mail ignorieren.',
    },
    password_reset: {
      subject: 'Roster-Passwort zurücksetzen',
      intro: (name) => `Hallo ${name}, jemand möchte das Passwort Ihres Kontos zurücksetzen.`,
      action: 'Neues Passwort wählen',
      expiry: (d) => `Dieser Link gilt einmal und läuft in ${d} ab.`,
      ignore: 'Wenn Sie das nicht waren, ignorieren Sie diese Mail: Ihr Passwort bleibt unverändert.',
    },
    email_verification: {
      subject: 'Bestätigen Sie Ihre E-Mail-Adresse',
      intro: (name) => `Hallo ${name}, bitte bestätigen Sie, dass diese Adresse Ihnen gehört.`,
      action: 'Adresse bestätigen',
      expiry: (d) => `Dieser Link gilt einmal und läuft in ${d} ab.`,
      ignore: 'Wenn Sie Ihre Adresse nicht geändert haben, ignorieren Sie diese Mail.',
    },
  },
};

export function languageOf(locale: string | null): string {
  const language = (locale ?? '').split('-')[0].toLowerCase();
  return language in TEXTS ? language : 'en';
}

const UNITS: Record<string, { hour: [string, string]; minute: [string, string] }> = {
  en: { hour: ['hour', 'hours'], minute: ['minute', 'minutes'] },
  de: { hour: ['Stunde', 'Stunden'], minute: ['Minute', 'Minuten'] },
};

/** "1 hour", "7 days" as hours ("168 hours"), "30 minutes": whole units, singular where it is one. */
function duration(language: string, minutes: number): string {
  const units = UNITS[language];
  if (minutes % 60 === 0) return `${minutes / 60} ${units.hour[minutes === 60 ? 0 : 1]}`;
  return `${minutes} ${units.minute[minutes === 1 ? 0 : 1]}`;
}

export function renderMail(purpose: MailPurpose, input: { locale: string | null; name: string; link: string; ttlMinutes: number }) {
  const language = languageOf(input.locale);
  const t = TEXTS[language][purpose];
  const expiry = t.expiry(duration(language, input.ttlMinutes));
  const text = `${t.intro(input.name)}\n\n${t.action}:\n${input.link}\n\n${expiry}\n${t.ignore}\n`;
  const html =
    `<!doctype html><html><body style="font-family:sans-serif">` +
    `<p>${escapeHtml(t.intro(input.name))}</p>` +
    `<p><a href="${escapeHtml(input.link)}">${escapeHtml(t.action)}</a></p>` +
    `<p style="color:#555">${escapeHtml(expiry)}<br>${escapeHtml(t.ignore)}</p>` +
    `</body></html>`;
  return { subject: t.subject, text, html };
}
