// `roster login` and `roster logout`: a password is used once, to sign in and mint a personal
// access token; only the token is kept.
import os from 'node:os';
import type { Command } from 'commander';
import { createRosterClient } from '../client/index.ts';
import { CliError, connect, wholeNumber } from './api.ts';
import { listProfiles, loadProfile, removeProfile, saveProfile } from './profiles.ts';
import { readSecret } from './prompt.ts';
import type { Globals } from './output.ts';

export function loginCommands(program: Command, globals: () => Globals): void {
  program
    .command('login')
    .description('sign in and keep a personal access token (never the password) in a profile')
    .argument('<url>', 'the Roster service, e.g. https://roster.example.com')
    .requiredOption('-u, --username <name>', 'who signs in')
    .option('--password-stdin', 'read the password from standard input (else ROSTER_PASSWORD, else a prompt)')
    .option('--totp <code>', 'a TOTP or recovery code, for users with MFA')
    .option('--expires-in-days <days>', 'the token\'s lifetime (1–365)', '90')
    .action(async (url: string, options: { username: string; passwordStdin?: boolean; totp?: string; expiresInDays: string }) => {
      const name = globals().profile ?? 'default';
      const expiresInDays = wholeNumber('--expires-in-days', options.expiresInDays, 1, 365);
      const password = await readSecret('Password: ', { stdin: options.passwordStdin, env: 'ROSTER_PASSWORD' });
      const base = url.replace(/\/+$/, '');
      const anonymous = createRosterClient({ baseUrl: base });
      const { data: session } = await anonymous.POST('/api/v1/sessions', {
        body: { username: options.username, password, ...(options.totp ? { totp: options.totp } : {}) },
      });
      const signedIn = createRosterClient({ baseUrl: base, token: session!.accessToken });
      let token;
      try {
        token = (await signedIn.POST('/api/v1/users/{id}/tokens', { params: { path: { id: 'me' } }, body: { name: `roster CLI on ${os.hostname()}`.slice(0, 100), expiresInDays } })).data;
      } finally {
        // The session was only the way to the token: it ends whether or not the token came.
        await signedIn.DELETE('/api/v1/sessions/current', { headers: { 'x-csrf-token': session!.csrfToken } }).catch(() => undefined);
      }
      saveProfile(name, { url: base, username: options.username, token: token!.secret, tokenId: token!.id });
      process.stderr.write(`Logged in to ${base} as ${options.username} (profile "${name}").\n`);
    });

  program
    .command('logout')
    .description('revoke the profile\'s token and forget the profile')
    .action(async () => {
      const { name, profile } = loadProfile(globals().profile);
      if (!profile) throw new CliError(`No profile "${name}".`, 2);
      const api = connect(name);
      await api.client.DELETE('/api/v1/users/{id}/tokens/{tokenId}', { params: { path: { id: 'me', tokenId: profile.tokenId } } }).catch(() => undefined);
      removeProfile(name);
      process.stderr.write(`Logged out of ${profile.url} (profile "${name}" removed).\n`);
    });

  program
    .command('profiles')
    .description('list the saved profiles (* marks the current one)')
    .action(() => {
      const { current, names } = listProfiles();
      for (const name of names) process.stdout.write(`${name === current ? '*' : ' '} ${name}  ${loadProfile(name).profile!.url}\n`);
    });
}
