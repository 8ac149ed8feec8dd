// Passphrase policy: at least 10 characters and a zxcvbn score of 3 or more, judged with the
// user's own names as context so "alice-smith-2024" is weak for alice smith. zxcvbn runs in a
// pool of worker threads sized to the cores (strength.ts), so a slow check never stalls the
// event loop; its input is bounded, the length rule is not.
import os from 'node:os';
import path from 'node:path';
import { ProblemError, type FieldError } from '../http/problem.ts';
import { contextWords, type StrengthInput, type StrengthResult } from './strength-input.ts';
import { WorkerPool } from './worker-pool.ts';

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 1024;

// strength.worker.js next to this file in dist/, strength.worker.ts when running from source.
const WORKER = new URL(`./strength.worker${path.extname(new URL(import.meta.url).pathname)}`, import.meta.url);

/** The one pool of strength-check threads of this process. */
export const strengthPool = new WorkerPool<StrengthInput, StrengthResult>(WORKER, os.availableParallelism());

export interface PasswordContext {
  username?: string | null;
  email?: string | null;
  name?: string | null;
  givenName?: string | null;
  familyName?: string | null;
}

/** The full verdict, with the thread that judged it (tests check it is not the main thread). */
export async function checkStrength(password: string, context: PasswordContext): Promise<StrengthResult | undefined> {
  if ([...password].length < MIN_PASSWORD_LENGTH) return undefined;
  const { username, email, name, givenName, familyName } = context;
  return strengthPool.run({ password, context: contextWords([username, email, name, givenName, familyName]) });
}

/** The reasons a password fails the policy; empty when it passes. */
export async function passwordWeaknesses(password: string, context: PasswordContext): Promise<string[]> {
  const result = await checkStrength(password, context);
  if (!result) return [`must be at least ${MIN_PASSWORD_LENGTH} characters long`];
  return result.reasons;
}

export async function assertStrongPassword(password: string, context: PasswordContext, pointer = '/password'): Promise<void> {
  const reasons = await passwordWeaknesses(password, context);
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
