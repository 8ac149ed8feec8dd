// The embedded database and the generated secret are readable and writable by their owner only.
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { copyMigratedPglite, createTestDatabase } from '../support/backends.ts';
import { loadOrCreateSecret } from '../../src/credentials/secret-file.ts';
import { makePrivate } from '../../src/store/db.ts';

/** Every file and directory under `dir` with its permission bits. */
async function modes(dir: string, found = new Map<string, number>(), prefix = ''): Promise<Map<string, number>> {
  for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    found.set(prefix + entry.name, (await fs.stat(file)).mode & 0o777);
    if (entry.isDirectory()) await modes(file, found, `${prefix}${entry.name}/`);
  }
  return found;
}

async function assertPrivate(dir: string): Promise<void> {
  assert.equal((await fs.stat(dir)).mode & 0o777, 0o700, 'the data directory is 0700');
  const all = await modes(dir);
  assert.ok(all.size > 100, `PGlite wrote its files (${all.size})`);
  const open = [...all].filter(([, mode]) => (mode & 0o077) !== 0).map(([file, mode]) => `${file} ${mode.toString(8)}`);
  assert.deepEqual(open, [], 'no file or directory is open to group or others');
  for (const [file, mode] of all) {
    const isDir = (await fs.stat(path.join(dir, file))).isDirectory();
    if (isDir) assert.equal(mode, 0o700, file);
  }
}

describe('embedded data directory modes', () => {
  const roots: string[] = [];
  const tempRoot = async () => {
    const root = await fs.mkdtemp(path.join(os.tmpdir(), 'roster-modes-'));
    roots.push(root);
    return root;
  };
  after(async () => {
    for (const root of roots) await fs.rm(root, { recursive: true, force: true });
  });

  it('creates the data directory 0700 and leaves PGlite files 0600, after writes and at close', async () => {
    const dataDir = path.join(await tempRoot(), 'nested', 'data');
    // From the migrated image the tests share: the same files as initdb's, without its 20 s.
    const store = await (await createTestDatabase('pglite', { dataDir })).open();
    try {
      await assertPrivate(dataDir);
      await sql`CREATE TABLE mode_probe (id integer)`.execute(store.db);
      await sql`INSERT INTO mode_probe VALUES (1)`.execute(store.db);
    } finally {
      await store.close();
    }
    await assertPrivate(dataDir);
  });

  it('creates missing parents of the data directory 0700 too', async () => {
    const dataDir = path.join(await tempRoot(), 'nested', 'data');
    await makePrivate(dataDir);
    assert.equal((await fs.stat(dataDir)).mode & 0o777, 0o700);
    assert.equal((await fs.stat(path.dirname(dataDir))).mode & 0o777, 0o700, 'parents it creates are 0700 too');
  });

  it('narrows a data directory that an earlier release left open', async () => {
    const dataDir = path.join(await tempRoot(), 'data');
    const database = await createTestDatabase('pglite', { dataDir });
    await copyMigratedPglite(dataDir);
    await fs.chmod(dataDir, 0o755);
    for (const [file] of await modes(dataDir)) {
      const full = path.join(dataDir, file);
      await fs.chmod(full, (await fs.stat(full)).isDirectory() ? 0o755 : 0o666);
    }
    const store = await database.open();
    try {
      await assertPrivate(dataDir);
    } finally {
      await store.close();
    }
  });

  it('writes the generated secret 0600 into a 0700 directory', async () => {
    const dataDir = path.join(await tempRoot(), 'secret-dir');
    const secret = await loadOrCreateSecret(dataDir);
    assert.match(secret, /^[A-Za-z0-9_-]{64}$/);
    assert.equal((await fs.stat(dataDir)).mode & 0o777, 0o700);
    assert.equal((await fs.stat(path.join(dataDir, 'secret.key'))).mode & 0o777, 0o600);
  });
});
