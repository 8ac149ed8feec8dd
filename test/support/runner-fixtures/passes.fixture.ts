import { describe, it } from 'node:test';

describe('passes', () => {
  it('one', () => {});
  it('two', () => {});
});
