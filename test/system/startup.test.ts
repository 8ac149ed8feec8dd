// `npm start` builds only when an input changed since the last build (by content), so a restart
// does not wait for a build. Run on a temporary src/dist layout with a stand-in build.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildState, ensureBuilt, HASH_FILE } from '../../scripts/build-if-stale.mjs';

describe('build only when sources changed', () => {
  let root: string;
  let builds: number;
  /** Stands in for the bundler: writes dist/main.js, as a successful build does. */
  const build = (dir: string) => {
    builds += 1;
    fs.mkdirSync(path.join(dir, 'dist'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'dist', 'main.js'), `// build ${builds}\n`);
    return true;
  };
  const write = (file: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  };

  before(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'roster-build-'));
    builds = 0;
    write('src/main.ts', 'export const a = 1;\n');
    write('src/store/db.ts', 'export const b = 2;\n');
    write('src/store/migrations/0001_init.sql', 'SELECT 1;\n');
    write('scripts/build.mjs', '// build\n');
    write('package-lock.json', '{}\n');
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  it('builds a fresh checkout, then skips while nothing changed', () => {
    assert.deepEqual(ensureBuilt(root, build), { built: true, reason: 'no build yet' });
    assert.equal(fs.readFileSync(path.join(root, HASH_FILE), 'utf8').trim(), buildState(root).hash);
    assert.deepEqual(ensureBuilt(root, build), { built: false, reason: 'up to date' });
    assert.deepEqual(ensureBuilt(root, build), { built: false, reason: 'up to date' });
    assert.equal(builds, 1);
  });

  it('skips when a source is only touched (newer, same content)', () => {
    const file = path.join(root, 'src/main.ts');
    const later = new Date(Date.now() + 60_000);
    fs.utimesSync(file, later, later);
    assert.deepEqual(ensureBuilt(root, build), { built: false, reason: 'up to date' });
    assert.equal(builds, 1);
  });

  it('rebuilds when a source changes, is added or is removed, or the build script or the locked dependencies change', () => {
    const changes: [string, () => void][] = [
      ['changed', () => write('src/store/db.ts', 'export const b = 3;\n')],
      ['added', () => write('src/users/identifiers.ts', 'export {};\n')],
      ['removed', () => fs.rmSync(path.join(root, 'src/users/identifiers.ts'))],
      ['build script', () => write('scripts/build.mjs', '// build, changed\n')],
      ['dependencies', () => write('package-lock.json', '{ "lockfileVersion": 3 }\n')],
    ];
    for (const [what, change] of changes) {
      const before = builds;
      change();
      assert.deepEqual(ensureBuilt(root, build), { built: true, reason: 'sources changed' }, what);
      assert.deepEqual(ensureBuilt(root, build), { built: false, reason: 'up to date' }, what);
      assert.equal(builds, before + 1, what);
    }
  });

  it('ignores files that are not compiled (the SQL migrations are read from src/)', () => {
    write('src/store/migrations/0002_more.sql', 'SELECT 2;\n');
    assert.equal(buildState(root).stale, false);
  });

  it('rebuilds when dist/ lost its entry point, and records nothing after a failed build', () => {
    fs.rmSync(path.join(root, 'dist', 'main.js'));
    assert.deepEqual(buildState(root), { stale: true, reason: 'no build yet', hash: buildState(root).hash });
    assert.deepEqual(ensureBuilt(root, build), { built: true, reason: 'no build yet' });
    write('src/main.ts', 'export const a = 4;\n');
    const recorded = fs.readFileSync(path.join(root, HASH_FILE), 'utf8');
    assert.throws(() => ensureBuilt(root, () => false), /^Error: the build failed \(sources changed\)$/);
    assert.equal(fs.readFileSync(path.join(root, HASH_FILE), 'utf8'), recorded, 'the old record stays');
    assert.equal(buildState(root).stale, true);
  });
});
