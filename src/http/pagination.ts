// Keyset cursors: opaque to clients, base64url of the last key seen.
import { ProblemError } from './problem.ts';
import { isUuid } from '../ids.ts';

export function encodeCursor(lastId: string): string {
  return Buffer.from(JSON.stringify({ after: lastId })).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): string | undefined {
  if (cursor === undefined || cursor === '') return undefined;
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { after?: unknown };
    if (typeof parsed.after === 'string' && isUuid(parsed.after)) return parsed.after;
  } catch {
    // fall through to the problem below
  }
  throw new ProblemError({
    status: 400,
    code: 'request.invalid_cursor',
    slug: 'validation',
    detail: 'The cursor is not one this API issued.',
    errors: [{ parameter: 'cursor', detail: 'is not a valid cursor', code: 'invalid_value' }],
  });
}
