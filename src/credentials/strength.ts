// The zxcvbn half of the passphrase policy: pure and CPU-bound, so it runs in the strength
// worker pool (strength.worker.ts), never on the event loop. zxcvbn's matching grows faster than
// the input, so it sees only the first ZXCVBN_INPUT_LIMIT characters; the length rule, which is
// cheap, counts the whole password in password-policy.ts.
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as en from '@zxcvbn-ts/language-en';
import { bounded, MIN_SCORE, type StrengthInput, type StrengthResult } from './strength-input.ts';

export * from './strength-input.ts';

export const L33T_READINGS = 4;

let zxcvbn: ZxcvbnFactory | undefined;

/** zxcvbn's English and common dictionaries, as the library ships them. */
export const DICTIONARIES: Record<string, string[]> = { ...common.dictionary, ...en.dictionary };

// zxcvbn looks each substring of a password up in every dictionary by a computed key, on every
// l33t reading. Fourteen of its dictionaries are a few dozen words (months, planets, the military
// alphabet): V8 keeps objects that small with a shape of their own, and a computed-key look-up
// across twenty different shapes takes its slowest path; an object of some hundreds of keys is a
// hash table, which answers the same look-up quickly. Words with an upper-case letter pad the
// small ones past that: zxcvbn matches lower-cased text only, so no password can ever match them,
// and they are shorter than each dictionary's longest word. Same verdicts (a test compares them
// with the plain dictionaries), 40 % less time: 8.3 → 5.0 ms for the race's 25-character password.
const PADDING = Array.from({ length: 200 }, (_, i) => `Z${i.toString(36)}`);
const SMALL = PADDING.length;

function padded(dictionaries: Record<string, string[]>): Record<string, string[]> {
  return Object.fromEntries(Object.entries(dictionaries).map(([name, words]) => [name, words.length < SMALL ? [...words, ...PADDING] : words]));
}

/** The options the checker is made with: the padded dictionaries, unless a test passes the plain ones to compare. */
export function zxcvbnOptions(dictionary: Record<string, string[]> = padded(DICTIONARIES)): ConstructorParameters<typeof ZxcvbnFactory>[0] {
  return {
    // zxcvbn tries up to this many l33t readings of a password (3 → e, 0 → o, …), each a full
    // dictionary pass: at its default of 100 a 25-character passphrase with four digits costs
    // ~100 ms of CPU, more than two argon2 hashes; 4 costs ~5 ms and judges the common l33t
    // spellings alike (test/credentials/strength-worker.test.ts).
    l33tMaxSubstitutions: L33T_READINGS,
    translations: en.translations,
    graphs: common.adjacencyGraphs,
    dictionary,
  };
}

function checker(): ZxcvbnFactory {
  zxcvbn ??= new ZxcvbnFactory(zxcvbnOptions());
  return zxcvbn;
}

function withoutWords(password: string, words: string[]): string {
  let rest = password;
  for (const word of [...words].sort((a, b) => b.length - a.length)) {
    rest = rest.split(new RegExp(word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'gi')).join('');
  }
  return rest;
}

/** zxcvbn's verdict on the first ZXCVBN_INPUT_LIMIT characters, with the context words removed too. */
export function judgeStrength(input: StrengthInput, threadId: number): StrengthResult {
  const password = bounded(input.password);
  const words = input.context;
  const zx = checker();
  const result = zx.check(password, words);
  if (result.score >= MIN_SCORE) {
    // zxcvbn ranks user inputs like common words, so "aliceliddell1" scores 3 for Alice Liddell;
    // what is left once the user's own names are removed must be strong on its own.
    const rest = withoutWords(password, words);
    if (rest === password || zx.check(rest, words).score >= MIN_SCORE) return { reasons: [], judged: password, threadId };
    return { reasons: ['is too similar to the username, name or email'], judged: password, threadId };
  }
  const reasons = [`is too easy to guess (strength ${result.score} of 4, at least ${MIN_SCORE} required)`];
  if (result.feedback.warning) reasons.push(result.feedback.warning);
  reasons.push(...result.feedback.suggestions);
  return { reasons, judged: password, threadId };
}
