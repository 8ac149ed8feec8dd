// The pages people reach from their mail (API.md, "Pages for people"): activate an invitation,
// ask for and complete a password reset, confirm an email address. Server-rendered HTML forms
// that work without JavaScript, protected by a double-submit CSRF cookie, under a strict CSP.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import Type from 'typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Lifecycle } from '../lifecycle/lifecycle.service.ts';
import { ProblemError } from '../http/problem.ts';
import { problemResponses } from '../http/schema-helpers.ts';
import { html } from './html.ts';
import { page, passwordFields, type Message } from './layout.ts';
import { PAGES_CSS } from './pages-css.ts';
import type { AuditOrigin } from '../audit/audit-context.ts';

const CSRF_COOKIE = 'roster_form';
const HTML = ['text/html'];
const FORM_TYPE = ['application/x-www-form-urlencoded'];
const TAGS = ['Pages'];
/** No script, no frames, nothing from elsewhere: the pages need their stylesheet and their forms. */
const CSP = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

type LinkPurpose = 'activation' | 'password_reset' | 'email_verification';
const FORM = Type.Object({}, { additionalProperties: Type.String() });
const TokenQuery = Type.Object({ token: Type.Optional(Type.String({ maxLength: 512 })) });
const htmlPage = (description: string) => ({ description, content: { 'text/html': { schema: { type: 'string' } } } });
/** Every outcome a person causes is a page to read; 406 (no HTML accepted) and 500 are problem documents. */
const pageResponse = {
  ...problemResponses(),
  200: htmlPage('The page'),
  400: htmlPage('The form again, saying what to change'),
  403: htmlPage('The form expired (its CSRF cookie is missing or differs)'),
  429: htmlPage('Too many requests from this address'),
};

function messageOf(error: unknown): Message {
  if (!(error instanceof ProblemError)) throw error;
  const reasons = (error.extensions?.reasons as string[] | undefined) ?? (error.errors ?? []).map((e) => e.detail);
  if (error.code.startsWith('token.')) {
    return { kind: 'error', text: error.code === 'token.invalid' ? 'This link is not valid. Check that you opened the whole link from the mail.' : `${error.message}` };
  }
  if (error.code === 'password.weak') {
    // The policy's reasons are predicates ("is too easy to guess") or zxcvbn's own sentences.
    const sentence = (reason: string) => {
      const text = /^[a-z]/.test(reason) ? `The password ${reason}` : reason;
      return /[.!?]$/.test(text) ? text : `${text}.`;
    };
    return { kind: 'error', text: sentence(reasons[0] ?? 'is too weak'), details: reasons.slice(1).map(sentence) };
  }
  return { kind: 'error', text: error.message, details: reasons.filter((r) => !error.message.includes(r)) };
}

export async function pageRoutes(app: FastifyInstance, deps: { lifecycle: Lifecycle; secureCookies: boolean }): Promise<void> {
  // Forms post application/x-www-form-urlencoded; only these routes read it.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 16 * 1024 }, (_request, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(body as string)));
  });
  app.addHook('onSend', async (_request, reply) => {
    reply.header('content-security-policy', CSP).header('x-frame-options', 'DENY').header('cache-control', 'no-store');
  });
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  /** The form's CSRF value: the cookie's, set now when there is none. */
  function csrfOf(request: FastifyRequest, reply: FastifyReply): string {
    const existing = request.cookies[CSRF_COOKIE];
    if (existing && /^[A-Za-z0-9_-]{32,64}$/.test(existing)) return existing;
    const value = randomBytes(24).toString('base64url');
    reply.setCookie(CSRF_COOKIE, value, { path: '/', httpOnly: true, sameSite: 'strict', secure: deps.secureCookies });
    return value;
  }

  function csrfHolds(request: FastifyRequest, form: Record<string, string>): boolean {
    const cookie = Buffer.from(request.cookies[CSRF_COOKIE] ?? '');
    const field = Buffer.from(form.csrf ?? '');
    return cookie.length > 0 && cookie.length === field.length && timingSafeEqual(cookie, field);
  }

  const send = (reply: FastifyReply, status: number, body: string) => reply.status(status).type('text/html; charset=utf-8').send(body);
  /** The form's own page again (with its link's token), for a form whose CSRF cookie is gone. */
  const expiredForm = (reply: FastifyReply, title: string, again: string) =>
    send(reply, 403, page(title, html`<p><a href="${again}">Load the page again</a> and send the form once more.</p>`, { kind: 'error', text: 'This form has expired.' }));
  const withToken = (path: string, token: string | undefined) => (token ? `${path}?token=${encodeURIComponent(token)}` : path);

  r.get('/assets/pages.css', {
    config: { access: 'public', produces: ['text/css'] },
    schema: { hide: true },
    handler: async (_request, reply) => reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=3600').send(PAGES_CSS),
  });

  /** A page with a form that sets a new password from a mailed link (activation, reset). */
  function passwordPage(options: {
    path: string;
    /** The operationIds' stem. */
    operation: string;
    purpose: LinkPurpose;
    title: string;
    intro: string;
    button: string;
    submit: (token: string, password: string, origin: AuditOrigin) => Promise<void>;
    done: Message;
  }) {
    const form = (csrf: string, token: string, message?: Message) =>
      page(
        options.title,
        html`<p>${options.intro}</p>
<form method="post" action="${options.path}">
<input type="hidden" name="csrf" value="${csrf}">
<input type="hidden" name="token" value="${token}">
${passwordFields()}
<button type="submit">${options.button}</button>
</form>`,
        message,
      );
    const brokenLink = (message: Message) =>
      page(options.title, html`<p><a href="/forgot-password">Ask for a new link</a> or ask your administrator to send one.</p>`, message);

    r.get(options.path, {
      config: { access: 'public', produces: HTML },
      schema: { operationId: `${options.operation}Page`, summary: `Page: ${options.title}`, tags: TAGS, querystring: TokenQuery, response: pageResponse },
      handler: async (request, reply) => {
        const token = request.query.token ?? '';
        try {
          await deps.lifecycle.checkLink(options.purpose, token);
        } catch (error) {
          return send(reply, 200, brokenLink(messageOf(error)));
        }
        return send(reply, 200, form(csrfOf(request, reply), token));
      },
    });

    r.post(options.path, {
      config: { access: 'public', produces: HTML },
      schema: { operationId: `${options.operation}Form`, summary: `Page: ${options.title} (the form sent)`, tags: TAGS, consumes: FORM_TYPE, body: FORM, response: pageResponse },
      handler: async (request, reply) => {
        const body = request.body as Record<string, string>;
        if (!csrfHolds(request, body)) return expiredForm(reply, options.title, withToken(options.path, body.token));
        const token = body.token ?? '';
        if ((body.password ?? '') !== (body.confirm ?? '')) {
          return send(reply, 400, form(csrfOf(request, reply), token, { kind: 'error', text: 'The two passwords differ.' }));
        }
        try {
          await options.submit(token, body.password ?? '', request.origin);
        } catch (error) {
          const message = messageOf(error);
          const linkBroken = error instanceof ProblemError && (error.code.startsWith('token.') || error.status === 409);
          return send(reply, 400, linkBroken ? brokenLink(message) : form(csrfOf(request, reply), token, message));
        }
        return send(reply, 200, page(options.title, html`<p><a href="/console">Sign in</a></p>`, options.done));
      },
    });
  }

  passwordPage({
    path: '/activate',
    operation: 'activate',
    purpose: 'activation',
    title: 'Activate your account',
    intro: 'Choose the password you will sign in with.',
    button: 'Activate',
    submit: async (token, password, origin) => void (await deps.lifecycle.activate({ token, password }, origin)),
    done: { kind: 'success', text: 'Your account is active. You can sign in now.' },
  });

  passwordPage({
    path: '/reset-password',
    operation: 'resetPassword',
    purpose: 'password_reset',
    title: 'Choose a new password',
    intro: 'Your new password replaces the old one and signs you out everywhere.',
    button: 'Set the new password',
    submit: (token, password, origin) => deps.lifecycle.confirmPasswordReset({ token, password }, origin),
    done: { kind: 'success', text: 'Your password is changed. You can sign in with it now.' },
  });

  const forgotForm = (csrf: string, message?: Message) =>
    page(
      'Forgot your password?',
      html`<p>Give the email address of your account: a link to choose a new password will be sent to it.</p>
<form method="post" action="/forgot-password">
<input type="hidden" name="csrf" value="${csrf}">
<label for="email">Email address</label>
<input id="email" name="email" type="email" autocomplete="email" required maxlength="320">
<button type="submit">Send the link</button>
</form>`,
      message,
    );

  r.get('/forgot-password', {
    config: { access: 'public', produces: HTML },
    schema: { operationId: 'forgotPasswordPage', summary: 'Page: ask for a password-reset link', tags: TAGS, response: pageResponse },
    handler: async (request, reply) => send(reply, 200, forgotForm(csrfOf(request, reply))),
  });

  r.post('/forgot-password', {
    config: { access: 'public', produces: HTML },
    schema: { operationId: 'forgotPasswordForm', summary: 'Page: ask for a password-reset link (the form sent)', tags: TAGS, consumes: FORM_TYPE, body: FORM, response: pageResponse },
    handler: async (request, reply) => {
      const body = request.body as Record<string, string>;
      if (!csrfHolds(request, body)) return expiredForm(reply, 'Forgot your password?', '/forgot-password');
      const email = (body.email ?? '').trim();
      if (!/^[^\s@]+@[^\s@]+$/.test(email) || email.length > 320) {
        return send(reply, 400, forgotForm(csrfOf(request, reply), { kind: 'error', text: 'Give an email address, such as ada@example.com.' }));
      }
      try {
        await deps.lifecycle.requestPasswordReset(email, request.ip, request.origin);
      } catch (error) {
        if (error instanceof ProblemError) reply.headers(error.headers); // Retry-After
        return send(reply, 429, forgotForm(csrfOf(request, reply), messageOf(error)));
      }
      // The same answer whether or not an account uses the address.
      const sent: Message = { kind: 'success', text: 'If an account uses that address, a link to choose a new password is on its way. It works for one hour.' };
      return send(reply, 200, page('Check your mail', html`<p><a href="/console">Back to sign in</a></p>`, sent));
    },
  });

  // A mail scanner that follows the link must not verify the address: the page asks for a click.
  r.get('/verify-email', {
    config: { access: 'public', produces: HTML },
    schema: { operationId: 'verifyEmailPage', summary: 'Page: confirm an email address', tags: TAGS, querystring: TokenQuery, response: pageResponse },
    handler: async (request, reply) => {
      const token = request.query.token ?? '';
      try {
        await deps.lifecycle.checkLink('email_verification', token);
      } catch (error) {
        return send(reply, 200, page('Confirm your email address', html``, messageOf(error)));
      }
      return send(
        reply,
        200,
        page(
          'Confirm your email address',
          html`<form method="post" action="/verify-email">
<input type="hidden" name="csrf" value="${csrfOf(request, reply)}">
<input type="hidden" name="token" value="${token}">
<p>Confirm that this address is yours.</p>
<button type="submit">Confirm</button>
</form>`,
        ),
      );
    },
  });

  r.post('/verify-email', {
    config: { access: 'public', produces: HTML },
    schema: { operationId: 'verifyEmailForm', summary: 'Page: confirm an email address (the form sent)', tags: TAGS, consumes: FORM_TYPE, body: FORM, response: pageResponse },
    handler: async (request, reply) => {
      const body = request.body as Record<string, string>;
      if (!csrfHolds(request, body)) return expiredForm(reply, 'Confirm your email address', withToken('/verify-email', body.token));
      try {
        await deps.lifecycle.verifyEmail({ token: body.token ?? '' }, request.origin);
      } catch (error) {
        return send(reply, 400, page('Confirm your email address', html``, messageOf(error)));
      }
      return send(reply, 200, page('Confirm your email address', html``, { kind: 'success', text: 'Thank you: your email address is confirmed.' }));
    },
  });
}
