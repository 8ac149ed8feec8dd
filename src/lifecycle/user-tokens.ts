// Single-use mailed tokens: 256 random bits, stored hashed, one live token per user and purpose.
import { randomBytes } from 'node:crypto';
import { sha256 } from '../credentials/digest.ts';
import type { Repos } from '../repos.ts';
import { ProblemError } from '../http/problem.ts';
import type { UserTokenRow } from './user-token.repo.ts';

export type TokenPurpose = 'activation' | 'password_reset' | 'email_verification';

const hash = sha256;

export async function issueToken(
  repos: Repos,
  input: { id: string; userId: string; purpose: TokenPurpose; email: string | null; now: Date; ttlSeconds: number },
): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await repos.userTokens.replaceToken({
    ...input,
    tokenHash: hash(token),
    expiresAt: new Date(input.now.getTime() + input.ttlSeconds * 1000),
  });
  return token;
}

function tokenProblem(code: 'token.invalid' | 'token.expired' | 'token.used'): ProblemError {
  const detail = {
    'token.invalid': 'The token is not valid.',
    'token.expired': 'The token has expired; ask for a new one.',
    'token.used': 'The token was used already; ask for a new one.',
  }[code];
  return new ProblemError({
    status: code === 'token.invalid' ? 400 : 410,
    code,
    slug: code.replace('.', '-'),
    detail,
    errors: [{ pointer: '/token', code: code.slice(6), detail }],
  });
}

/** The live token's row, or the problem that says why it is not (without naming its user). */
export async function findLiveToken(repos: Repos, token: string, purpose: TokenPurpose, now: Date) {
  const row = await repos.userTokens.findToken(hash(token), purpose);
  if (!row) throw tokenProblem('token.invalid');
  if (row.usedAt) throw tokenProblem('token.used');
  if (row.expiresAt <= now) throw tokenProblem('token.expired');
  return row;
}

/** Spends the token found by findLiveToken; a concurrent spender makes this one fail as used. */
export async function spendToken(repos: Repos, row: UserTokenRow, now: Date): Promise<void> {
  if (!(await repos.userTokens.useToken(row.id, now))) throw tokenProblem('token.used');
}
