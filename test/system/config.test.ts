// Settings that are parsed, with their defaults and their refusals (the README's table).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigError, DEFAULTS, loadConfig } from '../../src/config.ts';

describe('configuration', () => {
  it('gives the embedded database a 16MB buffer pool unless told otherwise', () => {
    assert.equal(DEFAULTS.pgliteSharedBuffers, '16MB');
    assert.equal(loadConfig({}).pgliteSharedBuffers, '16MB');
    for (const size of ['1MB', '2048kB', '256MB', '8GB']) {
      assert.equal(loadConfig({ ROSTER_PGLITE_SHARED_BUFFERS: size }).pgliteSharedBuffers, size);
    }
  });

  it('refuses a buffer pool size PostgreSQL would not read, or outside 1MB–8GB', () => {
    for (const size of ['32', '32mb', '32 MB', '0MB', '512kB', '9GB', '-1MB', '1TB', "32MB'; DROP"]) {
      assert.throws(() => loadConfig({ ROSTER_PGLITE_SHARED_BUFFERS: size }), (error: Error) => {
        assert.ok(error instanceof ConfigError, size);
        assert.equal(error.message, `ROSTER_PGLITE_SHARED_BUFFERS must be a size from 1MB to 8GB written as PostgreSQL does (e.g. 64MB), got "${size}"`);
        return true;
      });
    }
  });

  it('sizes the user cache from ROSTER_CACHE_USERS and ROSTER_CACHE_LISTS, 0 turning a part off', () => {
    assert.deepEqual([loadConfig({}).cacheUsers, loadConfig({}).cacheLists], [20_000, 256]);
    const off = loadConfig({ ROSTER_CACHE_USERS: '0', ROSTER_CACHE_LISTS: '0' });
    assert.deepEqual([off.cacheUsers, off.cacheLists], [0, 0]);
    for (const [name, value] of [['ROSTER_CACHE_USERS', '-1'], ['ROSTER_CACHE_USERS', '1.5'], ['ROSTER_CACHE_LISTS', 'many'], ['ROSTER_CACHE_LISTS', '100001']]) {
      assert.throws(() => loadConfig({ [name]: value }), (error: Error) => {
        assert.ok(error instanceof ConfigError);
        assert.match(error.message, new RegExp(`^${name} must be a whole number from 0 to \\d+, got "${value.replace('.', '\\.')}"$`));
        return true;
      });
    }
  });
});
