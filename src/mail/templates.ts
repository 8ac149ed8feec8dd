// Mail texts per purpose and language. The user's locale picks the language ("de-AT" → de);
// English is the fallback.
export type MailPurpose = 'activation' | 'password_reset' | 'email_verification';

interface Text {
  subject: string;
  intro: (name: string) => string;
  action: string;
  expiry: (hours: number) => string;
  ignore: string;
}

const TEXTS: Record<string, Record<MailPurpose, Text>> = {
  en: {
    activation: {
      subject: 'You are invited to Roster',
      intro: (name) => `Hello ${name}, an account has been created for you.`,
      action: 'Choose your password to activate it',
      expiry: (h) => `This link works once and expires in ${h} hours.`,
      ignore: 'If you did not expect this invitation, you can ignore this mail.',
    },
    password_reset: {
      subject: 'Reset your Roster password',
      intro: (name) => `Hello ${name}, someone asked to reset the password of your account.`,
      action: 'Choose a new password',
      expiry: (h) => `This link works once and expires in ${h} hours.`,
      ignore: 'If it was not you, ignore this mail: your password stays as it is.',
    },
    email_verification: {
      subject: 'Confirm your email address',
      intro: (name) => `Hello ${name}, please confirm that this address is yours.`,
      action: 'Confirm this address',
      expiry: (h) => `This link works once and expires in ${h} hours.`,
      ignore: 'If you did not change your address, ignore this mail.',
    },
  },
  de: {
    activation: {
      subject: 'Ihre Einladung zu Roster',
      intro: (name) => `Hallo ${name}, für Sie wurde ein Konto angelegt.`,
      action: 'Wählen Sie Ihr Passwort, um es zu aktivieren',
      expiry: (h) => `Dieser Link gilt einmal und läuft in ${h} Stunden ab.`,
      ignore: 'Wenn Sie diese Einladung nicht erwartet haben, können Sie diese Mail ignorieren.',
    },
    password_reset: {
      subject: 'Roster-Passwort zurücksetzen',
      intro: (name) => `Hallo ${name}, jemand möchte das Passwort Ihres Kontos zurücksetzen.`,
      action: 'Neues Passwort wählen',
      expiry: (h) => `Dieser Link gilt einmal und läuft in ${h} Stunden ab.`,
      ignore: 'Wenn Sie das nicht waren, ignorieren Sie diese Mail: Ihr Passwort bleibt unverändert.',
    },
    email_verification: {
      subject: 'Bestätigen Sie Ihre E-Mail-Adresse',
      intro: (name) => `Hallo ${name}, bitte bestätigen Sie, dass diese Adresse Ihnen gehört.`,
      action: 'Adresse bestätigen',
      expiry: (h) => `Dieser Link gilt einmal und läuft in ${h} Stunden ab.`,
      ignore: 'Wenn Sie Ihre Adresse nicht geändert haben, ignorieren Sie diese Mail.',
    },
  },
};

export function languageOf(locale: string | null): string {
  const language = (locale ?? '').split('-')[0].toLowerCase();
  return language in TEXTS ? language : 'en';
}

function escapeHtml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function renderMail(purpose: MailPurpose, input: { locale: string | null; name: string; link: string; ttlHours: number }) {
  const t = TEXTS[languageOf(input.locale)][purpose];
  const text = `${t.intro(input.name)}\n\n${t.action}:\n${input.link}\n\n${t.expiry(input.ttlHours)}\n${t.ignore}\n`;
  const html =
    `<!doctype html><html><body style="font-family:sans-serif">` +
    `<p>${escapeHtml(t.intro(input.name))}</p>` +
    `<p><a href="${escapeHtml(input.link)}">${escapeHtml(t.action)}</a></p>` +
    `<p style="color:#555">${escapeHtml(t.expiry(input.ttlHours))}<br>${escapeHtml(t.ignore)}</p>` +
    `</body></html>`;
  return { subject: t.subject, text, html };
}
