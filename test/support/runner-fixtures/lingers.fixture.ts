import { describe, it } from 'node:test';

describe('lingers', () => {
  it('passes but leaves a timer that keeps the process alive', () => {
    setInterval(() => {}, 1000);
  });
});
