// `npm run seed`: synthetic users in bulk, on either backend, that the service reads like its own
// (listing, filters, groups, logins), with progress per batch; and the command's exit codes.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { backends, copyMigratedPglite } from '../support/backends.ts';
import { withServer, TEST_ARGON2 } from '../support/server.ts';
import { basic } from '../support/client.ts';
import { STRONG_PASSWORD } from '../support/factories.ts';
import { createPasswordHasher } from '../../src/credentials/password.ts';
import { seedUsers } from '../../src/store/seed.ts';
import { sql } from 'kysely';

const run = promisify(execFile);
const ROOT = new URL('../../', import.meta.url).pathname;

for (const backend of backends()) {
  describe(`seed (${backend})`, () => {
    const server = withServer(backend);

    it('adds users in batches, over groups, that list, filter and log in like any other', async () => {
      const progress: [number, number][] = [];
      const passwordHash = await createPasswordHasher(TEST_ARGON2).hash(STRONG_PASSWORD);
      const now = new Date();
      const result = await seedUsers(server.store, { users: 2_500, groups: 3, batch: 1_000, passwordHash, now, onProgress: (done, total) => progress.push([done, total]) });
      assert.deepEqual(progress, [[1_000, 2_500], [2_000, 2_500], [2_500, 2_500]]);
      assert.equal(result.users, 2_500);
      assert.equal(result.groups, 3);
      // The planner knows what was seeded: statistics refreshed, not left at the empty tables'.
      const stats = await sql<{ relname: string; n: number }>`
        SELECT relname, reltuples::float8 AS n FROM pg_class WHERE relname IN ('users', 'groups', 'group_members')`.execute(server.store.db);
      const rows = Object.fromEntries(stats.rows.map((row) => [row.relname, Number(row.n)]));
      assert.ok(rows.users >= 2_500 && rows.group_members >= 2_500 && rows.groups >= 3, JSON.stringify(rows));

      const filter = encodeURIComponent(`username sw "${result.prefix}-"`);
      const page = await server.admin.get(`/api/v1/users?filter=${filter}&limit=3`);
      assert.equal(page.status, 200, page.text);
      assert.deepEqual(page.body.items.map((u: { username: string }) => u.username), [1, 2, 3].map((n) => `${result.prefix}-${n}`), 'ids ascend with n');
      const [first] = page.body.items;
      assert.equal(first.email, `${result.prefix}-1@example.com`);
      assert.equal(first.status, 'active');
      assert.equal(first.role, 'user');
      assert.equal(first.groups.length, 1);
      assert.ok(Date.parse(first.createdAt) < now.getTime(), 'created before the seed started');
      assert.match(first.id, /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-8[0-9a-f]{3}-[0-9a-f]{12}$/);

      const last = await server.admin.get(`/api/v1/users?filter=${encodeURIComponent(`username eq "${result.prefix}-2500"`)}`);
      assert.deepEqual(last.body.items.map((u: { email: string }) => u.email), [`${result.prefix}-2500@example.com`]);

      const groups = await server.admin.get(`/api/v1/groups?filter=${encodeURIComponent(`name sw "${result.prefix}-group-"`)}`);
      assert.equal(groups.status, 200, groups.text);
      assert.deepEqual(groups.body.items.map((g: { memberCount: number }) => g.memberCount).sort(), [833, 833, 834]);

      const me = await server.client(basic(`${result.prefix}-42`, STRONG_PASSWORD)).get('/api/v1/users/me');
      assert.equal(me.status, 200, me.text);
      assert.equal(me.body.username, `${result.prefix}-42`);
    });
  });
}

describe('npm run seed', () => {
  it('seeds the embedded database it is pointed at, with progress on stderr and a summary on stdout', async () => {
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'roster-seed-'));
    try {
      await copyMigratedPglite(dataDir);
      const env = { ...process.env, ROSTER_DATA_DIR: dataDir, DATABASE_URL: '' };
      const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'scripts/seed.ts', '--users', '25', '--groups', '2'], { cwd: ROOT, env });
      const summary = JSON.parse(stdout);
      assert.deepEqual({ ...summary, prefix: undefined, seconds: undefined }, { prefix: undefined, users: 25, groups: 2, backend: 'pglite', seconds: undefined });
      assert.match(summary.prefix, /^seed[0-9a-z]+$/);
      assert.match(stderr, /^seeded 25 of 25 users \([\d,]+\/s\)\n$/);

      const usage = await run(process.execPath, ['--import', 'tsx', 'scripts/seed.ts', '--users', 'many'], { cwd: ROOT, env }).catch((error) => error);
      assert.equal(usage.code, 2);
      assert.equal(usage.stdout, '');
      assert.match(usage.stderr, /^seed: --users takes a whole number from 0 to 100,000,000\nusage: npm run seed -- --users N/);
    } finally {
      await fs.rm(dataDir, { recursive: true, force: true });
    }
  });
});
