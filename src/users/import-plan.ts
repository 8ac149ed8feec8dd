// What an import does with one checked line, given who holds its keys: create, update (upsert),
// or a line error. No database here: the batch looked up what it needs before asking.
import { ProblemError } from '../http/problem.ts';
import { checkManagerLimits, type Actor } from './user.rules.ts';
import type { User, UserStatus } from './user.model.ts';
import { lineErrorsOf, type ImportRow, type LineError } from './import-line.ts';
import type { ImportedUser } from './user-import.repo.ts';

export type Plan =
  | { line: number; kind: 'create'; row: ImportRow; user: ImportedUser }
  /** current is undefined only in a dry run, for a user an earlier line would have created. */
  | { line: number; kind: 'update'; row: ImportRow; current: User | undefined };

export interface PlanContext {
  actor: Actor;
  mode: 'create' | 'upsert';
  /** Users holding the batch's keys, by key. */
  holder: Map<string, User>;
  /** Keys a dry run's earlier lines would have taken. */
  claimed: Set<string>;
  groupError(row: ImportRow): LineError | undefined;
  newId(): string;
  now: Date;
}

const TAKEN: Record<string, [string, string, string]> = {
  u: ['user.username_taken', '/username', 'username'],
  e: ['user.email_taken', '/email', 'email'],
  x: ['user.external_id_taken', '/externalId', 'externalId'],
};

export function takenError(line: number, key: string, byEarlierLine: boolean): LineError {
  const [code, pointer, what] = TAKEN[key[0]];
  const who = byEarlierLine ? 'an earlier line of this import' : 'another user';
  return { line, pointer, code, detail: `Another user already has this ${what} (${who}; compared case-insensitively).` };
}

/** The user a line creates: its status follows from its credentials unless it names one. */
export function newUserOf(row: ImportRow, id: string, now: Date): ImportedUser {
  const hasCredential = row.passwordHash !== undefined || row.type === 'service_account';
  const status: UserStatus = row.status ?? (hasCredential ? 'active' : 'invited');
  return {
    id,
    ...row.profile,
    usernameKey: row.keys[0].slice(2),
    emailKey: row.keys.find((key) => key.startsWith('e:'))?.slice(2) ?? null,
    type: row.type,
    status,
    passwordHash: row.passwordHash ?? null,
    emailVerified: row.emailVerified ?? false,
    createdAt: row.createdAt ?? now,
    now,
  };
}

export function planRow(row: ImportRow, context: PlanContext): Plan | LineError {
  const { holder, claimed } = context;
  const matchKey = context.mode === 'upsert' ? (row.keys.find((k) => k[0] === 'x') ?? row.keys[0]) : undefined;
  const current = matchKey ? holder.get(matchKey) : undefined;
  for (const key of row.keys) {
    const other = holder.get(key);
    if (other && other !== current) return takenError(row.line, key, false);
    // In a dry run, what earlier lines would have created holds its keys; an upsert updates it.
    if (claimed.has(key) && !(key === matchKey && !current)) return takenError(row.line, key, true);
  }
  const groupError = context.groupError(row);
  if (groupError) return groupError;
  try {
    if (current) {
      if (row.names.type && row.type !== current.type) {
        return { line: row.line, pointer: '/type', code: 'immutable', detail: 'cannot change after the user is created' };
      }
      if (current.type === 'service_account' && row.profile.email !== null) {
        return { line: row.line, pointer: '/email', code: 'not_allowed', detail: 'is not allowed for service accounts' };
      }
      checkManagerLimits(context.actor, current, row.names.role ? row.profile.role : current.role);
      return { line: row.line, kind: 'update', row, current };
    }
    if (matchKey && claimed.has(matchKey)) return { line: row.line, kind: 'update', row, current: undefined };
    checkManagerLimits(context.actor, undefined, row.profile.role);
  } catch (error) {
    if (error instanceof ProblemError) return lineErrorsOf(row.line, error, '/role')[0];
    throw error;
  }
  return { line: row.line, kind: 'create', row, user: newUserOf(row, context.newId(), context.now) };
}
