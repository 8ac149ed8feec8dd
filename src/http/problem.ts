// The one error type of Roster. Domain code throws it; the error handler turns it into RFC 9457.
import { STATUS_CODES } from 'node:http';

export interface FieldError {
  /** JSON Pointer into the request body, for body fields. */
  pointer?: string;
  /** Name of the query parameter or header, for those. */
  parameter?: string;
  detail: string;
  code: string;
}

export interface ProblemOptions {
  status: number;
  /** Stable dotted code, e.g. `user.username_taken`. */
  code: string;
  detail: string;
  /** Last segment of the `type` URI; derived from `code` when absent. */
  slug?: string;
  errors?: FieldError[];
  headers?: Record<string, string>;
  /** Extra members (RFC 9457 §3.2), e.g. `position` of a filter syntax error. */
  extensions?: Record<string, unknown>;
}

export const PROBLEM_TYPE_BASE = 'urn:roster:problem:';

export class ProblemError extends Error {
  readonly status: number;
  readonly code: string;
  readonly slug: string;
  readonly errors: FieldError[] | undefined;
  readonly headers: Record<string, string>;
  readonly extensions: Record<string, unknown>;

  constructor(options: ProblemOptions) {
    super(options.detail);
    this.name = 'ProblemError';
    this.status = options.status;
    this.code = options.code;
    this.slug = options.slug ?? slugOf(options.code);
    this.errors = options.errors;
    this.headers = options.headers ?? {};
    this.extensions = options.extensions ?? {};
  }

  toJSON(instance: string): ProblemDocument {
    return {
      type: PROBLEM_TYPE_BASE + this.slug,
      title: STATUS_CODES[this.status] ?? 'Error',
      status: this.status,
      detail: this.message,
      instance,
      code: this.code,
      ...(this.errors ? { errors: this.errors } : {}),
      ...this.extensions,
    };
  }
}

export interface ProblemDocument {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  code: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

function slugOf(code: string): string {
  const last = code.slice(code.lastIndexOf('.') + 1);
  return last.replace(/_/g, '-');
}

/** Shorthands for the problems every domain raises. */
export const problems = {
  invalid: (errors: FieldError[], detail = 'The request is not valid.') =>
    new ProblemError({ status: 400, code: 'request.invalid', slug: 'validation', detail, errors }),
  notFound: (code: string, detail: string) => new ProblemError({ status: 404, code, slug: 'not-found', detail }),
  conflict: (code: string, detail: string, errors?: FieldError[]) =>
    new ProblemError({ status: 409, code, detail, errors }),
  forbidden: (code: string, detail: string) => new ProblemError({ status: 403, code, detail }),
  preconditionFailed: (code: string, detail: string) => new ProblemError({ status: 412, code, detail }),
  tooManyAttempts: (detail: string, retryAfter: number) =>
    new ProblemError({
      status: 429,
      code: 'auth.too_many_attempts',
      slug: 'too-many-attempts',
      detail: `${detail} Retry after ${retryAfter} seconds.`,
      headers: { 'retry-after': String(retryAfter) },
    }),
};
