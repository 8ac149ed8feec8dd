// What the strength pool is asked and answers, and how its input is bounded: the light half of
// strength.ts, so the main thread never loads zxcvbn's dictionaries (only the pool's threads do).
export const MIN_SCORE = 3;
/** Code points of the password (and of each context value) that zxcvbn sees. */
export const ZXCVBN_INPUT_LIMIT = 100;

export interface StrengthInput {
  password: string;
  /** The user's own names and addresses, judged as guessable words. */
  context: string[];
}

export interface StrengthResult {
  /** The reasons the password is too weak; empty when it is strong enough. */
  reasons: string[];
  /** What zxcvbn was given: the bounded password (tests check the bound). */
  judged: string;
  /** The thread that ran zxcvbn (0 is the main thread). */
  threadId: number;
}

export function bounded(value: string): string {
  const points = [...value];
  return points.length <= ZXCVBN_INPUT_LIMIT ? value : points.slice(0, ZXCVBN_INPUT_LIMIT).join('');
}

export function contextWords(values: Iterable<string | null | undefined>): string[] {
  const words = new Set<string>();
  for (const value of values) {
    if (typeof value !== 'string' || value === '') continue;
    words.add(bounded(value));
    for (const part of value.split(/[\s@._+-]+/)) if (part.length >= 3) words.add(bounded(part));
  }
  return [...words];
}
