import { describe, it } from 'node:test';

describe('hangs', () => {
  it('never settles', () => new Promise(() => setInterval(() => {}, 1000)));
});
