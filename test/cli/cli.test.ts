// The `roster` command (API.md, "Client and CLI"), built as it ships (scripts/build.mjs) and run
// as a subprocess against a real server: login and its profile file, table / json / ndjson
// output, exit codes, import with progress and its error report, the Keycloak and Auth0
// converters, export, backup and restore.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { pbkdf2Sync, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { hash as bcryptHash } from '@node-rs/bcrypt';
import { build } from '../../scripts/build.mjs';
import { backends } from '../support/backends.ts';
import { ADMIN, withServer } from '../support/server.ts';
import { basic } from '../support/client.ts';
import { createUser, STRONG_PASSWORD, uniqueName } from '../support/factories.ts';

const OUT = new URL(`../../node_modules/.cache/roster-tests/cli-${process.pid}/`, import.meta.url).pathname;
const CLI = path.join(OUT, 'cli.js');

interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI with `args`, its config under `home`, `input` on stdin. */
function roster(home: string, args: string[], options: { input?: string; env?: Record<string, string> } = {}): Promise<Ran> {
  const child = spawn(process.execPath, [CLI, ...args], {
    env: { PATH: process.env.PATH ?? '', XDG_CONFIG_HOME: home, HOME: home, ...options.env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  child.stdin.end(options.input ?? '');
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

describe('roster CLI', () => {
  before(() => build(OUT));
  after(() => fs.rm(OUT, { recursive: true, force: true }));

  it('answers --help with 0, bad usage with 2, and a missing profile with 2', async () => {
    const home = await fs.mkdtemp(path.join(os.tmpdir(), 'roster-cli-'));
    try {
      const help = await roster(home, ['users', '--help']);
      assert.equal(help.code, 0);
      assert.match(help.stdout, /Usage: roster users/);
      const unknown = await roster(home, ['frobnicate']);
      assert.equal(unknown.code, 2);
      assert.match(unknown.stderr, /unknown command 'frobnicate'/);
      const badOutput = await roster(home, ['--output', 'xml', 'users', 'list']);
      assert.equal(badOutput.code, 2);
      const notANumber = await roster(home, ['users', 'list', '--limit', 'lots'], { env: { ROSTER_URL: 'http://127.0.0.1:9', ROSTER_TOKEN: 'x' } });
      assert.deepEqual([notANumber.code, notANumber.stdout], [2, '']);
      assert.match(notANumber.stderr, /--limit takes a whole number from 1 to 1000, not "lots"/);
      const noProfile = await roster(home, ['users', 'list']);
      assert.deepEqual([noProfile.code, noProfile.stdout], [2, '']);
      assert.match(noProfile.stderr, /roster login/);
    } finally {
      await fs.rm(home, { recursive: true, force: true });
    }
  });

  // The CLI is a client of the HTTP API: what it drives (import, export, backup, restore, users,
  // groups, tokens) is tested on both backends by the API's own suites. Its thirty subprocesses
  // run against one server, the embedded default, which halves the time this file takes.
  for (const backend of backends().slice(0, 1)) {
    describe(`against a server (${backend})`, () => {
      const server = withServer(backend);
      let home = '';
      before(async () => {
        home = await fs.mkdtemp(path.join(os.tmpdir(), 'roster-cli-'));
      });
      after(() => fs.rm(home, { recursive: true, force: true }));
      const cli = (args: string[], options?: { input?: string; env?: Record<string, string> }) => roster(home, args, options);

      it('logs in and keeps only a token, in a file only its owner can read', async () => {
        const res = await cli(['--profile', 'work', 'login', server.url, '--username', ADMIN.username, '--password-stdin'], { input: `${ADMIN.password}\n` });
        assert.equal(res.code, 0, res.stderr);
        assert.match(res.stderr, /Logged in to .* as admin \(profile "work"\)/);
        const file = path.join(home, 'roster', 'profiles.json');
        const stat = await fs.stat(file);
        assert.equal(stat.mode & 0o777, 0o600);
        assert.equal((await fs.stat(path.dirname(file))).mode & 0o777, 0o700);
        const text = await fs.readFile(file, 'utf8');
        assert.equal(text.includes(ADMIN.password), false, 'never the password');
        const saved = JSON.parse(text);
        assert.equal(saved.current, 'work');
        assert.match(saved.profiles.work.token, /^roster_pat_/);
        assert.deepEqual([saved.profiles.work.url, saved.profiles.work.username], [server.url, ADMIN.username]);
        const wrong = await cli(['--profile', 'bad', 'login', server.url, '--username', ADMIN.username, '--password-stdin'], { input: 'not-the-password\n' });
        assert.deepEqual([wrong.code, wrong.stdout], [1, '']);
        assert.match(wrong.stderr, /^Unauthorized: /);
        assert.equal(JSON.parse(await fs.readFile(file, 'utf8')).profiles.bad, undefined);
      });

      it('creates, shows, changes, disables and deletes users in table, json and ndjson', async () => {
        const username = uniqueName('cli');
        const created = await cli(['-o', 'json', 'users', 'create', '--username', username, '--email', `${username}@example.com`, '--role', 'auditor']);
        assert.equal(created.code, 0, created.stderr);
        const user = JSON.parse(created.stdout);
        assert.deepEqual([user.username, user.role, user.status], [username, 'auditor', 'invited']);
        const table = await cli(['users', 'get', username]);
        const [heading, row] = table.stdout.trimEnd().split('\n');
        assert.match(heading, /^ID\s+USERNAME\s+EMAIL\s+NAME\s+ROLE\s+STATUS\s+TYPE$/);
        assert.match(row, new RegExp(`^${user.id}\\s+${username}\\s+${username}@example.com\\s+auditor\\s+invited\\s+internal$`));
        const updated = await cli(['-o', 'json', 'users', 'update', username, '--set', 'locale=de', '--set', 'attributes={"team":"red"}']);
        assert.deepEqual([JSON.parse(updated.stdout).locale, JSON.parse(updated.stdout).attributes], ['de', { team: 'red' }], updated.stderr);
        const login = await createUser(server.admin, { password: STRONG_PASSWORD });
        const disabled = await cli(['-o', 'json', 'users', 'disable', login.id]);
        assert.equal(JSON.parse(disabled.stdout).status, 'disabled', disabled.stderr);
        assert.equal((await server.client(basic(login.username, STRONG_PASSWORD)).get('/api/v1/users/me')).status, 401);
        assert.equal(JSON.parse((await cli(['-o', 'json', 'users', 'enable', login.id])).stdout).status, 'active');
        const listed = await cli(['-o', 'ndjson', 'users', 'list', '--filter', `username eq "${username}"`]);
        assert.deepEqual(listed.stdout.trimEnd().split('\n').map((l) => JSON.parse(l).id), [user.id]);
        const deleted = await cli(['users', 'delete', username]);
        assert.deepEqual([deleted.code, deleted.stdout], [0, '']);
        assert.equal((await server.admin.get(`/api/v1/users/${user.id}`)).status, 404);
      });

      it('fails a refused call with 1, the problem on stderr and nothing on stdout', async () => {
        const taken = await createUser(server.admin);
        const res = await cli(['users', 'create', '--username', taken.username]);
        assert.deepEqual([res.code, res.stdout], [1, '']);
        assert.match(res.stderr, /^Conflict: .*username/i);
        const missing = await cli(['users', 'get', 'nobody-by-this-name']);
        assert.deepEqual([missing.code, missing.stdout], [1, '']);
        assert.match(missing.stderr, /No user named "nobody-by-this-name"/);
      });

      it('manages groups, members and tokens', async () => {
        const name = uniqueName('cli-group');
        const made = await cli(['-o', 'json', 'groups', 'create', '--name', name]);
        assert.equal(made.code, 0, made.stderr);
        const user = await createUser(server.admin);
        assert.equal((await cli(['groups', 'add-member', name, user.username])).code, 0);
        assert.deepEqual((await server.admin.get(`/api/v1/users/${user.id}`)).body.groups, [JSON.parse(made.stdout).id]);
        assert.equal((await cli(['groups', 'remove-member', name, user.id])).code, 0);
        assert.deepEqual((await server.admin.get(`/api/v1/users/${user.id}`)).body.groups, []);
        const token = await cli(['-o', 'json', 'tokens', 'create', '--name', 'ci', '--user', user.username]);
        const { id, secret } = JSON.parse(token.stdout);
        assert.match(secret, /^roster_pat_/);
        const listed = await cli(['-o', 'json', 'tokens', 'list', '--user', user.username]);
        assert.deepEqual(JSON.parse(listed.stdout).map((t: any) => t.id), [id]);
        assert.equal((await cli(['tokens', 'revoke', id, '--user', user.username])).code, 0);
        assert.deepEqual(JSON.parse((await cli(['-o', 'json', 'tokens', 'list', '--user', user.username])).stdout), []);
      });

      it('imports a file with progress lines and reports its line errors', async () => {
        const prefix = uniqueName('imp');
        const file = path.join(home, 'users.ndjson');
        const lines = [
          ...Array.from({ length: 1200 }, (_, i) => JSON.stringify({ username: `${prefix}-${i}` })),
          JSON.stringify({ username: `${prefix}-bad`, email: 'not-an-email' }),
        ];
        await fs.writeFile(file, lines.join('\n') + '\n');
        const res = await cli(['import', file]);
        assert.equal(res.code, 0, res.stderr);
        // Not on a terminal: plain lines (no carriage returns), the last one with every line.
        assert.equal(res.stderr.includes('\r'), false);
        assert.match(res.stderr, /^1,201 lines sent · [\d,]+\/s · [\d.]+ s$/m);
        assert.match(res.stderr, /1201 processed, 1200 created, 0 updated, 1 failed \(job [0-9a-f-]{36}\)\./);
        assert.match(res.stdout, /^line 1201: \/email .*\(invalid_format\)$/m);
        const upsert = await cli(['-o', 'ndjson', 'import', file, '--mode', 'upsert', '--dry-run']);
        assert.match(upsert.stderr, /Dry run: 1201 processed, 0 created, 1200 updated, 1 failed/);
        assert.equal(JSON.parse(upsert.stdout.trim()).line, 1201);
      });

      it('imports a Keycloak realm export and an Auth0 export whose passwords then work', async () => {
        const password = 'saffron-glacier-71-willow';
        // Keycloak's stored credential (`kc.sh export`): pbkdf2-sha256, 27,500 iterations, 64 bytes.
        const salt = randomBytes(16);
        const keycloakUser = uniqueName('kc');
        const realm = {
          realm: 'acme',
          users: [
            {
              id: 'a4f3c3f0-0c2b-4a8e-9f0d-4b8f9d3c2e11',
              createdTimestamp: 1_700_000_000_000,
              username: keycloakUser,
              enabled: true,
              emailVerified: true,
              firstName: 'Kay',
              lastName: 'Cloak',
              email: `${keycloakUser}@example.com`,
              attributes: { department: ['ops'] },
              credentials: [
                {
                  type: 'password',
                  createdDate: 1_700_000_000_000,
                  secretData: JSON.stringify({ value: pbkdf2Sync(password, salt, 27_500, 64, 'sha256').toString('base64'), salt: salt.toString('base64'), additionalParameters: {} }),
                  credentialData: JSON.stringify({ hashIterations: 27_500, algorithm: 'pbkdf2-sha256', additionalParameters: {} }),
                },
              ],
              groups: ['/staff/ops'],
            },
          ],
        };
        const realmFile = path.join(home, 'realm-export.json');
        await fs.writeFile(realmFile, JSON.stringify(realm));
        const kc = await cli(['import', '--from', 'keycloak', realmFile]);
        assert.equal(kc.code, 0, kc.stderr);
        assert.match(kc.stderr, /1 processed, 1 created, 0 updated, 0 failed/);
        const me = await server.client(basic(keycloakUser, password)).get('/api/v1/users/me');
        assert.equal(me.status, 200, me.text);
        assert.deepEqual(
          { givenName: me.body.givenName, externalId: me.body.externalId, emailVerified: me.body.emailVerified, attributes: me.body.attributes },
          { givenName: 'Kay', externalId: 'a4f3c3f0-0c2b-4a8e-9f0d-4b8f9d3c2e11', emailVerified: true, attributes: { department: 'ops' } },
        );

        // Auth0's user export (NDJSON) with the bcrypt hash its password export carries.
        const auth0User = uniqueName('a0');
        const auth0File = path.join(home, 'auth0.ndjson');
        await fs.writeFile(
          auth0File,
          JSON.stringify({
            user_id: `auth0|${randomBytes(12).toString('hex')}`,
            email: `${auth0User}@example.com`,
            email_verified: true,
            username: auth0User,
            given_name: 'Ada',
            family_name: 'Zero',
            created_at: '2023-05-01T10:00:00.000Z',
            passwordHash: await bcryptHash(password, 10),
            user_metadata: { plan: 'pro' },
          }) + '\n',
        );
        const a0 = await cli(['import', '--from', 'auth0', auth0File]);
        assert.equal(a0.code, 0, a0.stderr);
        const auth0Me = await server.client(basic(auth0User, password)).get('/api/v1/users/me');
        assert.equal(auth0Me.status, 200, auth0Me.text);
        assert.deepEqual([auth0Me.body.familyName, auth0Me.body.attributes], ['Zero', { plan: 'pro' }]);
      });

      it('exports, backs up and restores into an empty service', async () => {
        const exported = path.join(home, 'export.ndjson');
        await fs.writeFile(exported, '{"stale":true}\n'.repeat(200_000));
        await fs.chmod(exported, 0o644);
        const res = await cli(['export', '--file', exported]);
        assert.equal(res.code, 0, res.stderr);
        assert.equal((await fs.stat(exported)).mode & 0o777, 0o600, 'an existing file is narrowed before the export is written into it');
        const lines = (await fs.readFile(exported, 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
        assert.ok(lines.some((l) => l.username === ADMIN.username));
        assert.ok(!lines.some((l) => l.stale), 'the older, longer file was emptied first');
        const archive = path.join(home, 'roster.rbak');
        const passphrase = 'a-long-backup-passphrase';
        const backup = await cli(['backup', '--file', archive], { env: { ROSTER_BACKUP_PASSPHRASE: passphrase } });
        assert.equal(backup.code, 0, backup.stderr);
        assert.equal(((await fs.stat(archive)).mode & 0o777), 0o600);
        await withServer(backend, { provision: false }, async (empty) => {
          // An unprovisioned service takes a restore without credentials: --url, no profile.
          const elsewhere = await fs.mkdtemp(path.join(os.tmpdir(), 'roster-cli-'));
          const restored = await roster(elsewhere, ['restore', archive, '--passphrase-stdin', '--url', empty.url], { input: `${passphrase}\n` });
          await fs.rm(elsewhere, { recursive: true, force: true });
          assert.equal(restored.code, 0, restored.stderr);
          const admin = await empty.client(basic(ADMIN.username, ADMIN.password)).get('/api/v1/users/me');
          assert.equal(admin.status, 200, admin.text);
        });
      });
    });
  }
});
