// The map behind the credential caches: forgetting a user removes that user's entries and no
// other, the bound evicts the oldest entry, and an expired entry is gone.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { UserKeyedMap } from '../../src/auth/user-keyed-map.ts';

describe('UserKeyedMap', () => {
  it('forgets one user\'s entries, and only theirs', () => {
    const map = new UserKeyedMap<string>(10);
    map.set('a1', 'alice token', 'alice', 100);
    map.set('a2', 'alice session', 'alice', 100);
    map.set('b1', 'bob token', 'bob', 100);
    map.set('n1', 'nobody', undefined, 100);
    map.forgetUser('alice');
    assert.deepEqual(['a1', 'a2', 'b1', 'n1'].map((key) => map.get(key, 0)), [undefined, undefined, 'bob token', 'nobody']);
    map.set('a1', 'alice again', 'alice', 100);
    assert.equal(map.get('a1', 0), 'alice again', 'a forgotten user can be cached again');
  });

  it('evicts the oldest entry at its bound, keeps a re-keyed entry under its new user, and expires entries', () => {
    const map = new UserKeyedMap<string>(2);
    map.set('x', 'one', 'u1', 100);
    map.set('y', 'two', 'u2', 100);
    map.set('z', 'three', 'u3', 100);
    assert.deepEqual([map.get('x', 0), map.get('y', 0), map.get('z', 0), map.size], [undefined, 'two', 'three', 2]);
    map.set('y', 'moved', 'u4', 100);
    map.forgetUser('u2');
    assert.equal(map.get('y', 0), 'moved', 'forgetting its old user does not touch it');
    map.forgetUser('u4');
    assert.equal(map.get('y', 0), undefined);
    assert.equal(map.get('z', 99), 'three');
    assert.equal(map.get('z', 100), undefined, 'expired at its time');
    assert.equal(map.size, 0);
  });
});
