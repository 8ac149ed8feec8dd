// One line of an import (API.md, "Import, export, backup"): the fields of POST /users with groups
// by name, plus passwordHash, status, createdAt and emailVerified, the shape the export writes.
// Checked here on its own; what depends on the directory (taken names, groups) is user-import.ts's.
import Type, { type Static } from 'typebox';
import { bodyErrors } from '../http/validation.ts';
import { ProblemError } from '../http/problem.ts';
import { UserCreateSchema } from './user.schema.ts';
import { Nullable } from '../http/schema-helpers.ts';
import { checkAttributes, fieldProblem } from './user.rules.ts';
import { checkUserNames, checkGroupName } from './identifiers.ts';
import { profileOf } from './user.service.ts';
import { foldKey, type UserProfile, type UserStatus, type UserType } from './user.model.ts';

export interface LineError {
  line: number;
  pointer: string;
  code: string;
  detail: string;
}

const { status: _readOnlyOnCreate, groups: _groupIds, ...createFields } = UserCreateSchema.properties;

export const ImportLineSchema = Type.Object(
  {
    ...createFields,
    groups: Type.Optional(
      Type.Array(Type.String({ minLength: 1, maxLength: 150 }), { maxItems: 1000, uniqueItems: true, description: 'Group names; a missing group is created' }),
    ),
    passwordHash: Type.Optional(
      Nullable(Type.String({ minLength: 1, maxLength: 1024, description: 'A hash in a supported format; null (as the export writes for a user without a password) is the same as leaving it out' })),
    ),
    status: Type.Optional(Type.Enum(['active', 'disabled', 'invited', 'pending'], { description: 'pending is imported as invited' })),
    createdAt: Type.Optional(Type.String({ format: 'date-time' })),
    emailVerified: Type.Optional(Type.Boolean()),
  },
  { $id: 'ImportLine', additionalProperties: false },
);

export type ImportLineInput = Static<typeof ImportLineSchema>;

/** A line that passed every check that needs nothing but the line. */
export interface ImportRow {
  line: number;
  profile: UserProfile;
  type: UserType;
  /** Absent: decided by the mode (a new user's follows from its credentials; an existing user's stays). */
  status?: UserStatus;
  password?: string;
  passwordHash?: string;
  groups?: string[];
  createdAt?: Date;
  emailVerified?: boolean;
  /** Whether the line named these; an upsert leaves what a line does not name as it is. */
  names: { role: boolean; type: boolean };
  /** The unique keys it claims, folded: `u:` username, `e:` email, `x:` external id. */
  keys: string[];
}

/** A user's unique keys as an import line's `keys` spells them. */
export function uniqueKeys(user: { username: string; email: string | null; externalId: string | null }): string[] {
  const keys = [`u:${foldKey(user.username)}`];
  if (user.email !== null) keys.push(`e:${foldKey(user.email)}`);
  if (user.externalId !== null) keys.push(`x:${user.externalId}`);
  return keys;
}

const lineErrors = bodyErrors(ImportLineSchema);

/** A domain problem as line errors: its field errors, or its own code when it is more precise. */
export function lineErrorsOf(line: number, problem: ProblemError, pointer = ''): LineError[] {
  if (problem.code !== 'request.invalid' || !problem.errors?.length) {
    return [{ line, pointer: problem.errors?.[0]?.pointer ?? pointer, code: problem.code, detail: problem.message }];
  }
  return problem.errors.map((e) => ({ line, pointer: e.pointer ?? pointer, code: e.code, detail: e.detail }));
}

function hasNul(text: string): boolean {
  return text.includes('\0') || text.includes('\\u0000');
}

/** Parses and checks one line; a line error says which field and why. */
export function parseImportLine(line: number, text: string, recognises: (hash: string) => boolean): ImportRow | LineError[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return [{ line, pointer: '', code: 'invalid_json', detail: 'is not a JSON value' }];
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return [{ line, pointer: '', code: 'invalid_type', detail: 'must be a JSON object' }];
  }
  // PostgreSQL text cannot hold U+0000 (src/http/nul.ts refuses it in request bodies the same way).
  if (hasNul(text)) return [{ line, pointer: '', code: 'invalid_character', detail: 'must not contain the NUL character (U+0000)' }];
  const invalid = lineErrors(value);
  if (invalid) return invalid.map((e) => ({ line, pointer: e.pointer ?? '', code: e.code, detail: e.detail }));
  // The parsed object is read as it is: copying it (rest and spread) costs more than the checks.
  const input = value as ImportLineInput;
  const passwordHash = input.passwordHash ?? undefined;
  try {
    const type = input.type ?? 'internal';
    if (input.password !== undefined && passwordHash !== undefined) {
      throw fieldProblem('/passwordHash', 'conflicting', 'cannot be given with password: give one of them');
    }
    if (type === 'service_account') {
      if (input.email != null) throw fieldProblem('/email', 'not_allowed', 'is not allowed for service accounts');
      if (input.password !== undefined) throw fieldProblem('/password', 'not_allowed', 'is not allowed for service accounts: they use tokens');
      if (passwordHash !== undefined) throw fieldProblem('/passwordHash', 'not_allowed', 'is not allowed for service accounts: they use tokens');
    }
    if (passwordHash !== undefined && !recognises(passwordHash)) {
      return [
        {
          line,
          pointer: '/passwordHash',
          code: 'hash.unsupported',
          detail: 'is not in a supported format (argon2, bcrypt, scrypt, PBKDF2 PHC or Django pbkdf2_sha256/sha512)',
        },
      ];
    }
    const profile = profileOf(input);
    checkUserNames(profile);
    checkAttributes(profile.attributes);
    input.groups?.forEach((name, i) => {
      try {
        checkGroupName(name);
      } catch (error) {
        if (error instanceof ProblemError) throw fieldProblem(`/groups/${i}`, error.errors?.[0]?.code ?? 'invalid', error.errors?.[0]?.detail ?? 'is not a valid group name');
        throw error;
      }
    });
    return {
      line,
      profile,
      type,
      status: input.status === 'pending' ? 'invited' : input.status,
      password: input.password,
      passwordHash,
      groups: input.groups,
      createdAt: input.createdAt === undefined ? undefined : new Date(input.createdAt),
      emailVerified: input.emailVerified,
      names: { role: input.role !== undefined, type: input.type !== undefined },
      keys: uniqueKeys(profile),
    };
  } catch (error) {
    if (error instanceof ProblemError) return lineErrorsOf(line, error);
    throw error;
  }
}
