// argon2id with the production parameters, and the passphrase policy.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createPasswordHasher, limit, PRODUCTION_ARGON2 } from '../../src/credentials/password.ts';
import { assertStrongPassword, passwordWeaknesses } from '../../src/credentials/password-policy.ts';
import { ProblemError } from '../../src/http/problem.ts';

describe('argon2id hashing', () => {
  it('uses the OWASP production parameters by default', async () => {
    assert.deepEqual(PRODUCTION_ARGON2, { memoryCost: 19_456, timeCost: 2, parallelism: 1 });
    const hasher = createPasswordHasher();
    const hash = await hasher.hash('plum-anchor-violet-93-orbit');
    assert.match(hash, /^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    assert.equal(await hasher.verify(hash, 'plum-anchor-violet-93-orbit'), true);
    assert.equal(await hasher.verify(hash, 'plum-anchor-violet-93-orbiT'), false);
  });

  it('salts every hash', async () => {
    const hasher = createPasswordHasher({ memoryCost: 256, timeCost: 1, parallelism: 1 });
    assert.notEqual(await hasher.hash('same password here'), await hasher.hash('same password here'));
  });

  it('treats a malformed stored hash as a failed check, not an error', async () => {
    const hasher = createPasswordHasher({ memoryCost: 256, timeCost: 1, parallelism: 1 });
    assert.equal(await hasher.verify('not-a-hash', 'whatever'), false);
    await hasher.burn('whatever'); // completes without throwing
  });
});

describe('hash concurrency', () => {
  it('runs at most `size` tasks at once, in arrival order, and hands each freed slot to the next', async () => {
    const slot = limit(2);
    let running = 0;
    let most = 0;
    const order: number[] = [];
    const releases: (() => void)[] = [];
    const tasks = Array.from({ length: 6 }, (_, i) =>
      slot(async () => {
        running++;
        most = Math.max(most, running);
        order.push(i);
        await new Promise<void>((resolve) => releases.push(resolve));
        running--;
        return i;
      }),
    );
    // A newcomer arriving the moment a slot frees must still wait its turn.
    while (order.length < 6) {
      await new Promise((resolve) => setImmediate(resolve));
      releases.shift()?.();
      void slot(async () => -1).then(() => assert.ok(running <= 2));
    }
    releases.splice(0).forEach((release) => release());
    assert.deepEqual(await Promise.all(tasks), [0, 1, 2, 3, 4, 5]);
    assert.deepEqual(order, [0, 1, 2, 3, 4, 5]);
    assert.equal(most, 2);
  });

  it('hashes and verifies through the limit', async () => {
    const hasher = createPasswordHasher({ memoryCost: 256, timeCost: 1, parallelism: 1 }, 1);
    const hashes = await Promise.all(['one-password', 'two-password', 'three-password'].map((p) => hasher.hash(p)));
    assert.deepEqual(await Promise.all(hashes.map((h, i) => hasher.verify(h, ['one-password', 'two-password', 'three-password'][i]))), [true, true, true]);
  });
});

describe('passphrase policy', () => {
  it('requires at least 10 characters, counted as code points', async () => {
    assert.deepEqual(await passwordWeaknesses('Zq8#vL2!x', {}), ['must be at least 10 characters long']);
    assert.deepEqual(await passwordWeaknesses('🙂🙂🙂🙂🙂🙂🙂🙂🙂', {}), ['must be at least 10 characters long']);
  });

  it('refuses common and guessable passwords with zxcvbn reasons', async () => {
    const reasons = await passwordWeaknesses('password1234', {});
    assert.match(reasons[0], /too easy to guess \(strength [0-2] of 4/);
    assert.ok(reasons.length > 1, 'zxcvbn feedback is included');
  });

  it('judges the password against the username, email and names', async () => {
    assert.deepEqual(await passwordWeaknesses('aliceliddell1', {}), []);
    assert.deepEqual(await passwordWeaknesses('aliceliddell1', { username: 'alice', name: 'Alice Liddell' }), [
      'is too similar to the username, name or email',
    ]);
    assert.notDeepEqual(await passwordWeaknesses('bob.builder.1990', { email: 'bob.builder@example.com' }), []);
  });

  it('accepts a strong passphrase', async () => {
    assert.deepEqual(await passwordWeaknesses('correct-horse-battery-staple', { username: 'alice' }), []);
  });

  it('raises a weak-password problem naming /password', async () => {
    await assert.rejects(
      () => assertStrongPassword('password1234', { username: 'alice' }),
      (error: unknown) => {
        assert.ok(error instanceof ProblemError);
        assert.equal(error.status, 400);
        assert.equal(error.code, 'password.weak');
        const body = error.toJSON('req-1');
        assert.equal(body.type.endsWith('weak-password'), true);
        assert.equal(body.errors?.[0].pointer, '/password');
        assert.equal(body.errors?.[0].code, 'weak_password');
        return true;
      },
    );
  });
});
