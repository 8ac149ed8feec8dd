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

function checker(): ZxcvbnFactory {
  zxcvbn ??= new ZxcvbnFactory({
    // zxcvbn tries up to this many l33t readings of a password (3 → e, 0 → o, …), each a full
    // dictionary pass: at its default of 100 a 25-character passphrase with four digits costs
    // ~100 ms of CPU, more than two argon2 hashes; 4 costs ~10 ms and judges the common l33t
    // spellings alike (test/credentials/strength-worker.test.ts).
    l33tMaxSubstitutions: L33T_READINGS,
    translations: en.translations,
    graphs: common.adjacencyGraphs,
    dictionary: { ...common.dictionary, ...en.dictionary },
  });
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
