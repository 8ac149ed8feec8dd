// The one place errors become responses: every failure is an RFC 9457 problem document (the SCIM
// face words the same problems its own way, src/scim/scim-error.ts).
import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
import { ProblemError, problems } from './problem.ts';
import { fieldErrorsOf } from './validation.ts';

export function toProblem(error: FastifyError): ProblemError {
  if (error instanceof ProblemError) return error;
  if (error.validation) {
    const errors = fieldErrorsOf(error.validation as never, error.validationContext);
    const where = error.validationContext === 'body' ? 'body' : error.validationContext;
    return problems.invalid(errors, `The request ${where} is not valid: ${errors.map((e) => `${e.pointer ?? e.parameter} ${e.detail}`).join('; ')}.`);
  }
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new ProblemError({
        status: 415,
        code: 'request.unsupported_media_type',
        detail: 'The request body must be application/json.',
        headers: { 'accept-patch': 'application/json, application/merge-patch+json' },
      });
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new ProblemError({ status: 400, code: 'request.empty_body', detail: 'The request body is empty.' });
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new ProblemError({ status: 400, code: 'request.malformed_json', detail: 'The request body is not valid JSON.' });
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new ProblemError({ status: 413, code: 'request.too_large', detail: 'The request body is too large.' });
  }
  if (error instanceof SyntaxError || error.code === 'FST_ERR_CTP_INVALID_CONTENT_LENGTH') {
    return new ProblemError({ status: 400, code: 'request.malformed_json', detail: 'The request body is not valid JSON.' });
  }
  const status = error.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    // Fastify's own 4xx messages describe the request, never server internals.
    return new ProblemError({ status, code: 'request.invalid', slug: 'bad-request', detail: error.message });
  }
  return new ProblemError({ status: 500, code: 'internal', detail: 'An internal error occurred; it has been logged.' });
}

/** The error as a problem, logged: refusals at info, failures at error without their extras. */
export function logged(error: FastifyError, request: FastifyRequest): ProblemError {
  const problem = toProblem(error);
  // Only these members: driver errors carry enumerable extras (a query's parameters) that
  // could hold hashes or secrets.
  if (problem.status >= 500) {
    request.log.error({ err: { type: error.name, message: error.message, code: error.code, stack: error.stack } }, 'request failed');
  } else request.log.info({ status: problem.status, code: problem.code }, 'request refused');
  return problem;
}

/** The methods Roster's routes use, in the order an Allow header lists them. */
const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

/** Another API face's way of wording a problem (SCIM's error document), for the paths under `prefix`. */
export interface ErrorFace {
  prefix: string;
  mediaType: string;
  render(problem: ProblemError): unknown;
}

/** Problems for unknown routes and methods are worded by the face whose paths they are under. */
export function registerErrorHandling(app: FastifyInstance, faces: ErrorFace[] = []): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const problem = logged(error, request);
    void reply
      .status(problem.status)
      .headers(problem.headers)
      .type('application/problem+json')
      .send(problem.toJSON(request.id));
  });
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0];
    // A path some route serves, asked with another method: 405 naming the methods it has.
    const allowed = METHODS.filter((method) => app.findRoute({ method, url: path }) !== null);
    const problem =
      allowed.length > 0
        ? new ProblemError({
            status: 405,
            code: 'request.method_not_allowed',
            detail: `${path} answers ${allowed.join(', ')}, not ${request.method}.`,
            headers: { allow: allowed.join(', ') },
          })
        : problems.notFound('route.not_found', `No route ${request.method} ${path}.`);
    const face = faces.find((f) => path.startsWith(f.prefix));
    void reply
      .status(problem.status)
      .headers(problem.headers)
      .type(face?.mediaType ?? 'application/problem+json')
      .send(face ? face.render(problem) : problem.toJSON(request.id));
  });
}
