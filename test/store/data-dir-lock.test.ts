// One process per embedded database: a second store on the same data directory is refused, from
// this process or another, and a lock left by a process that died does not keep Roster down.
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { copyMigratedPglite } from '../support/backends.ts';
import { DataDirInUseError, openStore } from '../../src/store/db.ts';

describe('embedded data directory lock', () => {
  const roots: string[] = [];
  const dataDir = async () => {
    const root = await fs.mkdtemp(path.join(os.tmpdir(), 'roster-lock-'));
    roots.push(root);
    const dir = path.join(root, 'data');
    // A copy of the migrated template: the tests start PGlite on it themselves.
    await copyMigratedPglite(dir);
    return dir;
  };
  after(async () => {
    for (const root of roots) await fs.rm(root, { recursive: true, force: true });
  });

  it('holds roster.pid with its process id while open, and removes it at close', async () => {
    const dir = await dataDir();
    const store = await openStore({ backend: 'pglite', dataDir: dir });
    try {
      await sql`SELECT 1`.execute(store.db);
      assert.equal(await fs.readFile(path.join(dir, 'roster.pid'), 'utf8'), `${process.pid}\n`);
      assert.equal((await fs.stat(path.join(dir, 'roster.pid'))).mode & 0o777, 0o600);
    } finally {
      await store.close();
    }
    await assert.rejects(fs.stat(path.join(dir, 'roster.pid')), { code: 'ENOENT' });
  });

  it('refuses a second store on the same directory in this process, and the first keeps working', async () => {
    const dir = await dataDir();
    const store = await openStore({ backend: 'pglite', dataDir: dir });
    try {
      await assert.rejects(openStore({ backend: 'pglite', dataDir: dir }), (error: Error) => {
        assert.ok(error instanceof DataDirInUseError);
        assert.equal(error.message, `the data directory ${dir} is in use by process ${process.pid}: one process per embedded database (if no Roster runs there, remove ${dir}/roster.pid)`);
        return true;
      });
      const { rows } = await sql<{ one: number }>`SELECT 1 AS one`.execute(store.db);
      assert.deepEqual(rows, [{ one: 1 }]);
      assert.equal(await fs.readFile(path.join(dir, 'roster.pid'), 'utf8'), `${process.pid}\n`, 'the refusal left the lock alone');
    } finally {
      await store.close();
    }
  });

  it('refuses while another live process holds it', async () => {
    const dir = await dataDir();
    // This test runner's parent: a process that is certainly alive and is not this one.
    await fs.writeFile(path.join(dir, 'roster.pid'), `${process.ppid}\n`);
    await assert.rejects(openStore({ backend: 'pglite', dataDir: dir }), {
      name: 'Error',
      message: new RegExp(`is in use by process ${process.ppid}:`),
    });
    assert.equal(await fs.readFile(path.join(dir, 'roster.pid'), 'utf8'), `${process.ppid}\n`);
  });

  it('takes over a lock whose process is gone, or that names this process (a restart as the same pid)', async () => {
    const dir = await dataDir();
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString();
    for (const stale of [gone, String(process.pid), 'not a pid']) {
      await fs.writeFile(path.join(dir, 'roster.pid'), `${stale}\n`);
      const store = await openStore({ backend: 'pglite', dataDir: dir });
      try {
        const { rows } = await sql<{ one: number }>`SELECT 1 AS one`.execute(store.db);
        assert.deepEqual(rows, [{ one: 1 }]);
        assert.equal(await fs.readFile(path.join(dir, 'roster.pid'), 'utf8'), `${process.pid}\n`, stale);
      } finally {
        await store.close();
      }
    }
  });

  it('starts PostgreSQL with the buffer pool it is given', async () => {
    const dir = await dataDir();
    const store = await openStore({ backend: 'pglite', dataDir: dir, sharedBuffers: '24MB' });
    try {
      const { rows } = await sql<{ shared_buffers: string }>`SHOW shared_buffers`.execute(store.db);
      assert.deepEqual(rows, [{ shared_buffers: '24MB' }]);
    } finally {
      await store.close();
    }
  });
});
