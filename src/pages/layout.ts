// The shell every end-user page shares: a heading, an optional message, the content; one
// stylesheet served by Roster, no script.
import { html, type Html } from './html.ts';

export interface Message {
  kind: 'error' | 'success' | 'info';
  text: string;
  /** The reasons behind it (the password policy's, a field's). */
  details?: string[];
}

export function page(title: string, body: Html, message?: Message): string {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${title} · Roster</title>
<link rel="stylesheet" href="/assets/pages.css">
</head>
<body>
<main class="card">
<h1>${title}</h1>
${message
  ? html`<div class="message ${message.kind}" role="${message.kind === 'error' ? 'alert' : 'status'}"><p>${message.text}</p>${
      message.details?.length ? html`<ul>${message.details.map((d) => html`<li>${d}</li>`)}</ul>` : ''
    }</div>`
  : ''}
${body}
</main>
</body>
</html>
`.text;
}

/** A labelled password field with the policy's hint. */
export function passwordFields(): Html {
  return html`<label for="password">New password</label>
<input id="password" name="password" type="password" autocomplete="new-password" required minlength="10" aria-describedby="password-hint">
<p id="password-hint" class="hint">At least 10 characters, and hard to guess: a few unrelated words work well.</p>
<label for="confirm">Repeat the password</label>
<input id="confirm" name="confirm" type="password" autocomplete="new-password" required minlength="10">`;
}
