// The CLI's connection to Roster: the typed client over the profile's token, and plain fetch for
// the streamed routes (import, export, backup, restore). A failed call becomes a CliError that
// carries the problem's title and detail; main.ts prints it and exits 1.
import type { Client } from 'openapi-fetch';
import { createRosterClient, RosterError, rosterErrorOf, type paths } from '../client/index.ts';
import { loadProfile, type Profile } from './profiles.ts';

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 1,
  ) {
    super(message);
  }
}

export interface Api {
  profile: Profile;
  client: Client<paths>;
  /** fetch against the profile's URL with its token; problems become CliErrors. */
  fetch(path: string, init?: RequestInit & { duplex?: 'half' }): Promise<Response>;
}

export function problemMessage(error: unknown): string {
  if (error instanceof RosterError) {
    const fields = (error.problem.errors ?? []).map((e) => `  ${e.pointer ?? e.parameter ?? ''} ${e.detail}`.trimEnd());
    return [`${error.problem.title}: ${error.problem.detail}`, ...fields].join('\n');
  }
  if (error instanceof TypeError && /fetch failed/.test(error.message)) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    return `Cannot reach Roster: ${cause?.code ?? cause?.message ?? error.message}`;
  }
  return error instanceof Error ? error.message : String(error);
}

async function throwProblem(response: Response): Promise<never> {
  throw await rosterErrorOf(response);
}

/** fetch against a service without credentials (a restore into an unprovisioned one). */
export function anonymous(url: string): Pick<Api, 'fetch'> {
  const base = url.replace(/\/+$/, '');
  return {
    async fetch(path, init = {}) {
      const response = await fetch(`${base}${path}`, init);
      if (!response.ok) await throwProblem(response);
      return response;
    },
  };
}

export function connect(profileName: string | undefined, env: NodeJS.ProcessEnv = process.env): Api {
  // ROSTER_URL and ROSTER_TOKEN stand in for a profile (CI jobs have no home directory to log in to).
  const fromEnv = env.ROSTER_URL && env.ROSTER_TOKEN ? { url: env.ROSTER_URL, token: env.ROSTER_TOKEN, username: '', tokenId: '' } : undefined;
  // The environment wins unless a profile is named: the profile file is then not even read.
  const { name, profile } = profileName === undefined && fromEnv ? { name: 'environment', profile: fromEnv } : loadProfile(profileName);
  if (!profile) throw new CliError(`No profile "${name}": run \`roster login URL --username NAME\` first (or set ROSTER_URL and ROSTER_TOKEN).`, 2);
  const base = profile.url.replace(/\/+$/, '');
  return {
    profile,
    client: createRosterClient({ baseUrl: base, token: profile.token }),
    async fetch(path, init = {}) {
      const response = await fetch(`${base}${path}`, { ...init, headers: { authorization: `Bearer ${profile.token}`, ...(init.headers as Record<string, string>) } });
      if (!response.ok) await throwProblem(response);
      return response;
    },
  };
}

/** A whole number option within bounds, or a usage error (exit 2) naming the option. */
export function wholeNumber(option: string, raw: string, min: number, max: number): number {
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < min || value > max) throw new CliError(`${option} takes a whole number from ${min} to ${max}, not "${raw}"`, 2);
  return value;
}
