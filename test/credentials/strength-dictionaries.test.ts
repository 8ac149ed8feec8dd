// The strength checker pads zxcvbn's small dictionaries with words no password can match, so
// that V8 looks them up as hash tables (src/credentials/strength.ts). That must change speed
// only: every verdict, down to the guess count and the feedback, equals the plain dictionaries'.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { DICTIONARIES, zxcvbnOptions } from '../../src/credentials/strength.ts';

const padded = new ZxcvbnFactory(zxcvbnOptions());
const plain = new ZxcvbnFactory(zxcvbnOptions(DICTIONARIES));

// What the padded dictionaries hold: months, planets, the military alphabet… alone, joined,
// l33t-spelt, reversed, capitalised, next to common passwords and names.
const SMALL_WORDS = Object.values(DICTIONARIES).filter((words) => words.length < 200).flat();
const PASSWORDS = [
  ...SMALL_WORDS,
  ...SMALL_WORDS.map((word, i) => `${word}${SMALL_WORDS[(i * 7) % SMALL_WORDS.length]}${i % 100}`),
  ...SMALL_WORDS.filter((_, i) => i % 3 === 0).map((word) => word.replace(/e/g, '3').replace(/a/g, '4').replace(/o/g, '0')),
  ...SMALL_WORDS.filter((_, i) => i % 4 === 0).map((word) => [...word].reverse().join('') + '!Q'),
  ...DICTIONARIES['passwords-common'].slice(0, 40),
  'Quartz-Lantern-Orbit-9375', 'January-Mercury-Alpha-7', 'Tango4Aries!', 'm4rch-v3nus-zulu', 'Z1', 'zz', 'Zzz-Z0-Z1a',
  'correct horse battery staple', 'NorthEastWinter2024', 'p4ssw0rd-0ct0b3r',
];

describe('zxcvbn with padded dictionaries', () => {
  it('adds no word a password could match and leaves every longest word as it was', () => {
    const options = zxcvbnOptions();
    for (const [name, words] of Object.entries(options!.dictionary!)) {
      const own = DICTIONARIES[name];
      assert.deepEqual(words.slice(0, own.length), own, `${name} keeps its words and ranks`);
      for (const extra of words.slice(own.length)) assert.notEqual(String(extra).toLowerCase(), String(extra), `${name}: ${extra} cannot be matched`);
      const longest = (list: (string | number)[]) => Math.max(...list.map((w) => String(w).length));
      assert.equal(longest(words), longest(own), `${name}: longest word`);
    }
  });

  it(`judges ${PASSWORDS.length} passwords exactly as the plain dictionaries do`, () => {
    const context = ['alice', 'alice@example.com', 'Alice Liddell'];
    for (const password of PASSWORDS) {
      const a = padded.check(password, context);
      const b = plain.check(password, context);
      assert.deepEqual(
        { score: a.score, guesses: a.guesses, feedback: a.feedback, sequence: a.sequence },
        { score: b.score, guesses: b.guesses, feedback: b.feedback, sequence: b.sequence },
        password,
      );
    }
  });
});
