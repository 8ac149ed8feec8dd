// Password hashes other systems export (API.md, "Import, export, backup"): each family checks
// against vectors made by another implementation, refuses costs no login should pay, and a right
// password at first login replaces the stored hash with argon2id (a wrong one changes nothing).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { createPasswordHasher, type PasswordHasher } from '../../src/credentials/password.ts';
import { CheckFloor } from '../../src/credentials/check-floor.ts';
import { checkPassword } from '../../src/credentials/password-check.ts';
import type { Lockout } from '../../src/credentials/lockout.ts';
import type { AuthUser } from '../../src/auth/scheme.ts';
import { legacyHashSamples } from '../../src/users/user.repo.ts';
import { backends } from '../support/backends.ts';
import { TEST_ARGON2, withServer } from '../support/server.ts';
import { basic } from '../support/client.ts';

interface Vector {
  family: string;
  hash: string;
  password: string;
  /** Which implementation made it. */
  source: string;
}

const VECTORS: Vector[] = [
  // Python 3.11 crypt.crypt() over libxcrypt 4.4 (Debian 12), cost 4.
  { family: 'bcrypt $2a$', hash: '$2a$04$ImGgsYjVmXcfCuDZHx1qNu4HPser56WeAuNhi4agIKsM2M1GhauKC', password: 'correct horse battery', source: 'libxcrypt' },
  { family: 'bcrypt $2b$', hash: '$2b$04$rTBdUzzMRVBRZzqB56Y1s.h0vgIHQnDjnGCbUH/U3BK9mtKgZEPVK', password: 'correct horse battery', source: 'libxcrypt' },
  { family: 'bcrypt $2y$', hash: '$2y$04$tZjVXdNcUX4B/T1eHdW4i.P9oILSHyNqvhC81yMxCvqjBHmtXtdhO', password: 'correct horse battery', source: 'libxcrypt' },
  // Apache htpasswd 2.4 (APR), `htpasswd -nbB -C 4`, a non-ASCII password.
  { family: 'bcrypt $2y$ (htpasswd)', hash: '$2y$04$uP1M9LPDbC8rGW.qQI9ZLe2a3zHR1JUhN8Y7O55NbrU42SjrW1QEW', password: 'Zürich-Kennwort-2024', source: 'htpasswd' },
  // The reference argon2 CLI (Debian's argon2 20190702), `argon2 saltsaltsalt -i|-d|-id -t 2 -m 8 -p 1 -e`.
  { family: 'argon2i', hash: '$argon2i$v=19$m=256,t=2,p=1$c2FsdHNhbHRzYWx0$wQrAnnGD5qR0acSk9psLCmFqrN+dE7tfDGlMGP/ECxM', password: 'argon-legacy-pass', source: 'argon2 CLI' },
  { family: 'argon2d', hash: '$argon2d$v=19$m=256,t=2,p=1$c2FsdHNhbHRzYWx0$4VlhIXYqhf7lzVCWDrCgrMKcXJyQV5fAk1QHjSMN0LY', password: 'argon-legacy-pass', source: 'argon2 CLI' },
  { family: 'argon2id', hash: '$argon2id$v=19$m=256,t=2,p=1$c2FsdHNhbHRzYWx0$ePrPsVJUIKD1vTJll6Hi7gNcA769CVQHoKe9QfqGmm8', password: 'argon-legacy-pass', source: 'argon2 CLI' },
  // Python 3.11 hashlib.scrypt / hashlib.pbkdf2_hmac, formatted as PHC and as Django stores it.
  { family: 'scrypt', hash: '$scrypt$ln=10,r=8,p=1$MDEyMzQ1Njc4OWFiY2RlZg$7DZF0lcEFqFvx+8Z+/7WxyXBctjLexrEbqChiSdQcKs', password: 'legacy-Passw0rd-é', source: 'hashlib' },
  { family: 'pbkdf2-sha256', hash: '$pbkdf2-sha256$i=1000,l=32$MDEyMzQ1Njc4OWFiY2RlZg$uANJd7SuDpUb3EnukLHYdqVOF06bLFgVer3kpuzwlwk', password: 'legacy-Passw0rd-é', source: 'hashlib' },
  {
    family: 'pbkdf2-sha512',
    hash: '$pbkdf2-sha512$i=1000,l=64$MDEyMzQ1Njc4OWFiY2RlZg$j2sUs/iqorZfJJzQG9wKKoabIaqBIx+fO0BHsem3EzLxqFL0mV7o7Dw+3kM85n+Se7wzshLh50TN9dtH9/1V1g',
    password: 'legacy-Passw0rd-é',
    source: 'hashlib',
  },
  { family: 'Django pbkdf2_sha256', hash: 'pbkdf2_sha256$1000$seasalt2024$mGxZaH+8bfOVaPlkN3ydWDzJg7+ayulNUPDH6BeukV0=', password: 'legacy-Passw0rd-é', source: 'hashlib' },
];

describe('legacy password hashes', () => {
  const hasher = createPasswordHasher(TEST_ARGON2);

  for (const vector of VECTORS) {
    it(`checks ${vector.family} (made by ${vector.source}): the right password, not a wrong one`, async () => {
      assert.equal(hasher.recognises(vector.hash), true);
      assert.equal(await hasher.verify(vector.hash, vector.password), true);
      assert.equal(await hasher.verify(vector.hash, `${vector.password}x`), false);
      assert.equal(await hasher.verify(vector.hash, ''), false);
      assert.equal(hasher.needsRehash(vector.hash), true);
    });
  }

  it('does not ask to rehash its own argon2id, and does for other argon2 costs', async () => {
    assert.equal(hasher.needsRehash(await hasher.hash('a-password-here')), false);
    assert.equal(createPasswordHasher().needsRehash(await hasher.hash('a-password-here')), true);
  });

  it('refuses costs no login should pay, and formats it does not know, without throwing', async () => {
    const refused = [
      '$2b$17$rTBdUzzMRVBRZzqB56Y1s.h0vgIHQnDjnGCbUH/U3BK9mtKgZEPVK', // bcrypt cost 17
      '$2x$04$rTBdUzzMRVBRZzqB56Y1s.h0vgIHQnDjnGCbUH/U3BK9mtKgZEPVK', // $2x$: the buggy variant
      '$scrypt$ln=21,r=8,p=1$MDEyMzQ1Njc4OWFiY2RlZg$7DZF0lcEFqFvx+8Z+/7WxyXBctjLexrEbqChiSdQcKs', // 2 GiB
      '$pbkdf2-sha256$i=9000000,l=32$MDEyMzQ1Njc4OWFiY2RlZg$uANJd7SuDpUb3EnukLHYdqVOF06bLFgVer3kpuzwlwk',
      '$pbkdf2-sha1$i=1000,l=20$MDEyMzQ1Njc4OWFiY2RlZg$uANJd7SuDpUb3EnukLHYdqVOF06',
      '$argon2id$v=19$m=4194304,t=2,p=1$c2FsdHNhbHRzYWx0$ePrPsVJUIKD1vTJll6Hi7gNcA769CVQHoKe9QfqGmm8', // 4 GiB
      'pbkdf2_sha256$0$seasalt2024$mGxZaH+8bfOVaPlkN3ydWDzJg7+ayulNUPDH6BeukV0=',
      '$1$saltsalt$abcdefghijklmnopqrstuv', // md5-crypt
      'plain-text-password',
      '',
    ];
    for (const hash of refused) {
      assert.equal(hasher.recognises(hash), false, hash);
      assert.equal(await hasher.verify(hash, 'anything-at-all'), false, hash);
    }
  });
});

describe('the check floor: every check as slow as the slowest hash stored', () => {
  /** A hasher whose work takes fixed times on a fake clock. */
  function timedHasher(clock: { now: number }, times: { burn: number; verify: Record<string, number> }): PasswordHasher {
    const real = createPasswordHasher(TEST_ARGON2);
    return {
      ...real,
      async burn() {
        clock.now += times.burn;
      },
      async verify(hash) {
        clock.now += times.verify[hash] ?? 0;
        return false;
      },
    };
  }

  it('is zero without legacy hashes, else the slowest of argon2 and each sample, with a quarter of headroom', async () => {
    const clock = { now: 0 };
    const floor = new CheckFloor(() => clock.now, async (ms) => void (clock.now += ms));
    const hasher = timedHasher(clock, { burn: 20, verify: { fast: 2, slow: 80 } });
    await floor.calibrate([], hasher);
    assert.equal(floor.ms, 0);
    await floor.calibrate(['fast', 'slow'], hasher);
    assert.equal(floor.ms, 100);
    await floor.calibrate(['fast'], hasher);
    assert.equal(floor.ms, 25, 'argon2 (20 ms) is the slowest: a fast legacy hash must not answer sooner');
    clock.now = 1_000;
    await floor.pad(990); // 10 ms of work done, 15 to wait
    assert.equal(clock.now, 1_015);
    await floor.pad(900); // past the floor already: no wait
    assert.equal(clock.now, 1_015);
  });

  it('pads the check of an unknown name, of a legacy hash and of a wrong password alike', async () => {
    const padded: string[] = [];
    const lockout = { reserve: async () => undefined, fail: async () => {}, succeed: async () => {}, release: async () => {} } as unknown as Lockout;
    const passwords = createPasswordHasher(TEST_ARGON2);
    const deps = { passwords, lockout, now: () => new Date(), floor: { pad: async () => void padded.push('pad') } };
    const legacy: AuthUser = {
      id: 'u', username: 'legacy', role: 'user', status: 'active', type: 'internal', mfaEnabled: false, isSuperuser: false,
      passwordHash: VECTORS[10].hash,
    };
    const subject = (user: AuthUser | undefined) => ({ user, failures: 0, lockedUntil: null });
    assert.equal((await checkPassword(deps, 'nobody', subject(undefined), 'x-password-x')).ok, false);
    assert.equal((await checkPassword(deps, 'legacy', subject(legacy), 'wrong-password')).ok, false);
    assert.equal((await checkPassword(deps, 'legacy', subject(legacy), VECTORS[10].password)).ok, true);
    assert.equal((await checkPassword(deps, 'legacy', subject(legacy), VECTORS[10].password, { knownGood: true })).ok, true);
    assert.deepEqual(padded, ['pad', 'pad', 'pad'], 'every check that ran a hash; a cached credential runs none');
  });
});

for (const backend of backends()) {
  describe(`first login with a legacy hash (${backend})`, () => {
    const server = withServer(backend);
    const hasher = createPasswordHasher(TEST_ARGON2);

    async function legacyUser(hash: string): Promise<{ id: string; username: string }> {
      const id = uuidv7();
      const username = `legacy-${id.slice(-12)}`;
      await sql`INSERT INTO users (id, username, username_key, type, role, status, password_hash, created_at, updated_at)
        VALUES (${id}, ${username}, ${username}, 'internal', 'user', 'active', ${hash}, now(), now())`.execute(server.store.db);
      return { id, username };
    }
    async function storedHash(id: string): Promise<string> {
      const { rows } = await sql<{ password_hash: string }>`SELECT password_hash FROM users WHERE id = ${id}`.execute(server.store.db);
      return rows[0].password_hash;
    }

    for (const vector of [VECTORS[1], VECTORS[4], VECTORS[7], VECTORS[10]]) {
      it(`signs in with ${vector.family}, then holds argon2id of the same password and nothing else changed`, async () => {
        const user = await legacyUser(vector.hash);
        const wrong = await server.anon.post('/api/v1/sessions', { username: user.username, password: `${vector.password}!` });
        assert.equal(wrong.status, 401);
        assert.equal(await storedHash(user.id), vector.hash, 'a wrong password replaces nothing');
        const before = (await server.admin.get(`/api/v1/users/${user.id}`)).headers.get('etag');

        const first = await server.anon.post('/api/v1/sessions', { username: user.username, password: vector.password });
        assert.equal(first.status, 200, first.text);
        const upgraded = await storedHash(user.id);
        assert.match(upgraded, /^\$argon2id\$v=19\$m=256,t=1,p=1\$/);
        assert.equal(await hasher.verify(upgraded, vector.password), true);
        assert.equal((await server.admin.get(`/api/v1/users/${user.id}`)).headers.get('etag'), before, 'version untouched');

        const again = await server.anon.post('/api/v1/sessions', { username: user.username, password: vector.password });
        assert.equal(again.status, 200);
        assert.equal(await storedHash(user.id), upgraded, 'rehashed once');
      });
    }

    it('samples one stored hash per family and cost for the floor, none of today\'s argon2id', async () => {
      const hasher = createPasswordHasher(TEST_ARGON2);
      const before = await legacyHashSamples(server.store.db, hasher.prefix);
      const twins = [VECTORS[1].hash, VECTORS[2].hash.replace('$2y$04$', '$2y$04$'), VECTORS[10].hash];
      for (const hash of [...twins, VECTORS[10].hash, await hasher.hash('todays-password-1')]) await legacyUser(hash);
      const after = await legacyHashSamples(server.store.db, hasher.prefix);
      const added = after.filter((sample) => !before.includes(sample));
      const costOf = (hash: string) => (hash.startsWith('$2') ? hash.slice(0, 7) : hash.replace(/\$[^$]*\$[^$]*$/, ''));
      assert.deepEqual(new Set(after.map(costOf)).size, after.length, 'one sample per family and cost');
      assert.ok(after.some((sample) => costOf(sample) === '$2b$04$'));
      assert.ok(after.some((sample) => costOf(sample) === '$2y$04$'));
      assert.ok(after.some((sample) => costOf(sample) === 'pbkdf2_sha256$1000'));
      assert.ok(!after.some((sample) => sample.startsWith(hasher.prefix)));
      assert.ok(added.length <= 3);
    });

    it('upgrades through Basic as well', async () => {
      const vector = VECTORS[8];
      const user = await legacyUser(vector.hash);
      const res = await server.client(basic(user.username, vector.password)).get('/api/v1/users/me');
      assert.equal(res.status, 200, res.text);
      assert.match(await storedHash(user.id), /^\$argon2id\$/);
      assert.equal((await server.client(basic(user.username, vector.password)).get('/api/v1/users/me')).status, 200);
    });
  });
}
