// Roster's ids: UUIDv7 drawn from a pool of random bytes (src/ids.ts). Lists page by id, so ids
// made one after another must ascend, within one millisecond too, and never repeat.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { newId, isUuid } from '../../src/ids.ts';

describe('ids', () => {
  it('are version 7 UUIDs that ascend and never repeat, past the pool\'s refill', () => {
    const ids = Array.from({ length: 5_000 }, () => newId()); // 5,000 × 16 bytes: the pool refills many times
    for (const id of ids) {
      assert.ok(isUuid(id), id);
      assert.equal(id[14], '7', 'version 7');
      assert.match(id[19], /[89ab]/, 'RFC 9562 variant');
    }
    assert.deepEqual([...ids].sort(), ids, 'ascending in the order made');
    assert.equal(new Set(ids).size, ids.length);
    assert.ok(Math.abs(Number.parseInt(ids[0].replace(/-/g, '').slice(0, 12), 16) - Date.now()) < 60_000, 'the time is now');
  });
});
