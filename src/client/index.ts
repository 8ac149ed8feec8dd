// The typed Roster client: openapi-fetch over the types generated from openapi.json, with every
// problem document (RFC 9457) thrown as a RosterError that carries it.
//
//   import { createRosterClient } from 'roster/client';
//   const roster = createRosterClient({ baseUrl: 'https://roster.example.com', token: process.env.ROSTER_TOKEN });
//   const { data } = await roster.GET('/api/v1/users/{id}', { params: { path: { id } } });
import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { components, paths } from './api-types.ts';

export type { components, paths, operations } from './api-types.ts';
export type Problem = components['schemas']['Problem'];
export type User = components['schemas']['User'];

/** A call that answered with a problem document (or another error status). */
export class RosterError extends Error {
  readonly status: number;
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(`${problem.title}: ${problem.detail}`);
    this.name = 'RosterError';
    this.status = problem.status;
    this.problem = problem;
  }
}

export interface RosterClientOptions {
  baseUrl: string;
  /** A personal access token (roster_pat_…) or an access token (JWT). */
  token?: string;
  /** Username and password, sent as Basic (not for users with MFA). */
  basic?: { username: string; password: string };
  /** Another fetch (tests, proxies). */
  fetch?: typeof globalThis.fetch;
  headers?: Record<string, string>;
}

/** A failed response as a RosterError: its problem document, or one made from its status and text. */
export async function rosterErrorOf(response: Response): Promise<RosterError> {
  const text = await response.clone().text();
  let problem: Problem;
  try {
    problem = JSON.parse(text) as Problem;
    if (typeof problem.status !== 'number') throw new Error('not a problem document');
  } catch {
    problem = { type: 'about:blank', title: response.statusText || 'Error', status: response.status, detail: text.slice(0, 500), instance: response.headers.get('x-request-id') ?? '', code: 'http.error' };
  }
  return new RosterError(problem);
}

/** Turns any 4xx/5xx into a RosterError. */
const throwOnProblem: Middleware = {
  async onResponse({ response }) {
    if (!response.ok) throw await rosterErrorOf(response);
    return undefined;
  },
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A user's id from an id or a username (looked up by an exact filter); undefined when no user has the name. */
export async function findUserId(client: Client<paths>, idOrName: string): Promise<string | undefined> {
  if (UUID.test(idOrName)) return idOrName;
  const { data } = await client.GET('/api/v1/users', { params: { query: { filter: `username eq ${JSON.stringify(idOrName)}`, limit: 1 } } });
  return data?.items[0]?.id;
}

/** UTF-8 then base64, the same in Node.js and in browsers (the console uses this client). */
function base64(text: string): string {
  return btoa(String.fromCharCode(...new TextEncoder().encode(text)));
}

export function createRosterClient(options: RosterClientOptions): Client<paths> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  else if (options.basic) headers.authorization = `Basic ${base64(`${options.basic.username}:${options.basic.password}`)}`;
  const client = createClient<paths>({ baseUrl: options.baseUrl.replace(/\/+$/, ''), headers, ...(options.fetch ? { fetch: options.fetch } : {}) });
  client.use(throwOnProblem);
  return client;
}
