// Helpers shared by the session tests: a login that parses the session cookie, and the request
// options that send that cookie.
import assert from 'node:assert/strict';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { expectProblem, type Client, type RequestOptions, type Response } from '../support/client.ts';

export const COOKIE_NAME = 'roster_session';

export interface Session {
  res: Response;
  accessToken: string;
  csrfToken: string;
  /** The session cookie's value. */
  cookie: string;
  /** The Set-Cookie attributes, names lower-cased (`httponly: true`, `path: '/'`, ...). */
  cookieAttributes: Record<string, string | true>;
}

export function parseSetCookie(res: Response, name = COOKIE_NAME): { value: string; attributes: Record<string, string | true> } {
  const raw = res.headers.getSetCookie().find((c) => c.startsWith(`${name}=`));
  assert.ok(raw, `no ${name} cookie in ${JSON.stringify(res.headers.getSetCookie())}`);
  const [pair, ...rest] = raw.split(/;\s*/);
  const attributes: Record<string, string | true> = {};
  for (const part of rest) {
    const eq = part.indexOf('=');
    if (eq < 0) attributes[part.toLowerCase()] = true;
    else attributes[part.slice(0, eq).toLowerCase()] = part.slice(eq + 1);
  }
  return { value: pair.slice(name.length + 1), attributes };
}

/** POST /api/v1/sessions, asserting success. */
export async function login(client: Client, username: string, password: string): Promise<Session> {
  const res = await client.post('/api/v1/sessions', { username, password });
  assert.equal(res.status, 200, res.text);
  const { value, attributes } = parseSetCookie(res);
  return { res, accessToken: res.body.accessToken, csrfToken: res.body.csrfToken, cookie: value, cookieAttributes: attributes };
}

export function bearer(token: string): string {
  return `Bearer ${token}`;
}

/** Request options sending the session cookie (and a CSRF token when given). */
export function withCookie(session: Session | string, csrfToken?: string, extra: RequestOptions = {}): RequestOptions {
  const value = typeof session === 'string' ? session : session.cookie;
  return {
    ...extra,
    headers: {
      ...(extra.headers ?? {}),
      cookie: `${COOKIE_NAME}=${value}`,
      ...(csrfToken === undefined ? {} : { 'x-csrf-token': csrfToken }),
    },
  };
}

export function jwtParts(token: string): { header: ReturnType<typeof decodeProtectedHeader>; claims: ReturnType<typeof decodeJwt> } {
  return { header: decodeProtectedHeader(token), claims: decodeJwt(token) };
}

/**
 * A 401 whose WWW-Authenticate offers Basic and exactly one Bearer challenge; that one carries
 * `error="invalid_token"` when `invalidToken` is true, none when false, either way for 'either'.
 */
export function expectUnauthenticated(res: Response, options: { invalidToken?: boolean | 'either' } = {}): any {
  const body = expectProblem(res, 401, 'auth.unauthenticated');
  const challenge = res.headers.get('www-authenticate') ?? '';
  assert.match(challenge, /\bBasic realm="[^"]+"/, challenge);
  assert.equal(challenge.match(/\bBearer\b/g)?.length, 1, `one Bearer challenge: ${challenge}`);
  const invalidToken = options.invalidToken ?? false;
  if (invalidToken === true) assert.match(challenge, /\bBearer realm="[^"]+", error="invalid_token"/, challenge);
  else if (invalidToken === false) assert.doesNotMatch(challenge, /error=/, challenge);
  else assert.match(challenge, /\bBearer realm="[^"]+"/, challenge);
  return body;
}

/** GET /api/v1/users/me answers 200 for this user. */
export async function expectMe(client: Client, userId: string, options?: RequestOptions): Promise<void> {
  const res = await client.get('/api/v1/users/me', options);
  assert.equal(res.status, 200, res.text);
  assert.equal(res.body.id, userId);
}
