// A filter that does not parse, or names what the list cannot filter on, is the caller's error:
// 400 filter.invalid with where it went wrong. One mapping for every list that takes `filter`.
import { ProblemError } from '../http/problem.ts';
import { FilterSyntaxError } from './scim-filter.ts';

export function filterProblem(error: FilterSyntaxError): ProblemError {
  if (error.parameter === 'sortBy') {
    return new ProblemError({
      status: 400,
      code: 'sort.invalid',
      detail: `sortBy is not valid: ${error.message}.`,
      errors: [{ parameter: 'sortBy', detail: error.message, code: 'invalid_value' }],
    });
  }
  return new ProblemError({
    status: 400,
    code: 'filter.invalid',
    slug: 'invalid-filter',
    detail: `The filter is not valid: ${error.message}.`,
    errors: [{ parameter: 'filter', detail: error.message, code: 'invalid_filter' }],
    extensions: error.position === undefined ? {} : { position: error.position },
  });
}

/** Runs a query whose filter is compiled on the way, turning filter errors into problems. */
export async function withFilterProblems<T>(query: () => Promise<T>): Promise<T> {
  try {
    return await query();
  } catch (error) {
    if (error instanceof FilterSyntaxError) throw filterProblem(error);
    throw error;
  }
}
