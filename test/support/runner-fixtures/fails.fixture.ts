import { describe, it } from 'node:test';
import assert from 'node:assert/strict';

describe('fails', () => {
  it('adds up wrongly', () => assert.equal(1 + 1, 3));
  it('still runs the next test', () => {});
});
