// Passphrase policy: at least 10 characters and a zxcvbn score of 3 or more, judged with the
// user's own names as context so "alice-smith-2024" is weak for alice smith.
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as en from '@zxcvbn-ts/language-en';
import { ProblemError, type FieldError } from '../http/problem.ts';

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 1024;
const MIN_SCORE = 3;

const zxcvbn = new ZxcvbnFactory({
  translations: en.translations,
  graphs: common.adjacencyGraphs,
  dictionary: { ...common.dictionary, ...en.dictionary },
});

export interface PasswordContext {
  username?: string | null;
  email?: string | null;
  name?: string | null;
  givenName?: string | null;
  familyName?: string | null;
}

function contextWords(context: PasswordContext): string[] {
  const words = new Set<string>();
  for (const value of Object.values(context)) {
    if (typeof value !== 'string' || value === '') continue;
    words.add(value);
    for (const part of value.split(/[\s@._+-]+/)) if (part.length >= 3) words.add(part);
  }
  return [...words];
}

function withoutWords(password: string, words: string[]): string {
  let rest = password;
  for (const word of [...words].sort((a, b) => b.length - a.length)) {
    rest = rest.split(new RegExp(word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'gi')).join('');
  }
  return rest;
}

/** The reasons a password fails the policy; empty when it passes. */
export function passwordWeaknesses(password: string, context: PasswordContext): string[] {
  if ([...password].length < MIN_PASSWORD_LENGTH) {
    return [`must be at least ${MIN_PASSWORD_LENGTH} characters long`];
  }
  const words = contextWords(context);
  const result = zxcvbn.check(password, words);
  if (result.score >= MIN_SCORE) {
    // zxcvbn ranks user inputs like common words, so "aliceliddell1" scores 3 for Alice Liddell;
    // what is left once the user's own names are removed must be strong on its own.
    const rest = withoutWords(password, words);
    if (rest === password || zxcvbn.check(rest, words).score >= MIN_SCORE) return [];
    return ['is too similar to the username, name or email'];
  }
  const reasons = [`is too easy to guess (strength ${result.score} of 4, at least ${MIN_SCORE} required)`];
  if (result.feedback.warning) reasons.push(result.feedback.warning);
  reasons.push(...result.feedback.suggestions);
  return reasons;
}

export function assertStrongPassword(password: string, context: PasswordContext, pointer = '/password'): void {
  const reasons = passwordWeaknesses(password, context);
  if (reasons.length === 0) return;
  const errors: FieldError[] = [{ pointer, code: 'weak_password', detail: reasons.join(' ') }];
  throw new ProblemError({
    status: 400,
    code: 'password.weak',
    slug: 'weak-password',
    detail: `The password ${reasons[0]}.`,
    errors,
    extensions: { reasons },
  });
}
