// Size limits on the request line and header section, answered as problem documents: 414 for a
// URL too long, 431 for headers too large (RFC 9110 §15.5.15, RFC 6585 §5).
//
// Node's parser counts the URL and the headers against one limit and answers 431 for both, in
// its own format. So Node's limit is set well above Roster's, Roster tells the two apart on the
// parsed request, and only a head beyond Node's limit reaches `clientErrorHandler`, which still
// answers a problem document.
import { randomUUID } from 'node:crypto';
import type { Socket } from 'node:net';
import type { ConnectionError, FastifyRequest } from 'fastify';
import { ProblemError } from './problem.ts';

/** Request target (path and query), in bytes. RFC 9110 §4.1 asks for at least 8,000. */
export const MAX_URL_BYTES = 16 * 1024;
/** Header fields (names, values and their framing), in bytes: Node's own default. */
export const MAX_HEADER_BYTES = 16 * 1024;
/** What Node's parser may buffer for a request head before giving up (`maxHeaderSize`). */
export const NODE_MAX_HEADER_SIZE = 64 * 1024;

function uriTooLong(): ProblemError {
  return new ProblemError({
    status: 414,
    code: 'request.uri_too_long',
    detail: `The request URL is longer than ${MAX_URL_BYTES} bytes.`,
  });
}

function headersTooLarge(): ProblemError {
  return new ProblemError({
    status: 431,
    code: 'request.headers_too_large',
    detail: `The request header section is larger than ${MAX_HEADER_BYTES} bytes.`,
  });
}

/** Node decodes the request head as latin1, so string lengths are byte counts. */
export function checkRequestSize(request: FastifyRequest): void {
  if (request.raw.url !== undefined && request.raw.url.length > MAX_URL_BYTES) throw uriTooLong();
  let size = 0;
  const raw = request.raw.rawHeaders;
  for (let i = 0; i < raw.length; i += 2) size += raw[i].length + raw[i + 1].length + 4; // ": " and CRLF
  if (size > MAX_HEADER_BYTES) throw headersTooLarge();
}

/**
 * Node's limit is four times Roster's two, so an overflow means the URL or the headers passed
 * Roster's limit. Node hands over only the chunk that overflowed (a Buffer; Fastify's type
 * describes its JSON form), so this is a best guess: a request line that starts or ends in the
 * chunk and is longer than the headers after it is a URL too long.
 */
function overflowed(packet: unknown): ProblemError {
  if (!Buffer.isBuffer(packet)) return headersTooLarge();
  const text = packet.toString('latin1');
  const lineEnd = text.indexOf('\r\n');
  const firstLine = lineEnd === -1 ? text : text.slice(0, lineEnd);
  const startsRequest = /^[A-Z]+ \S/.test(firstLine);
  const endsRequestLine = lineEnd !== -1 && / HTTP\/\d\.\d$/.test(firstLine);
  if (!startsRequest && !endsRequestLine) return headersTooLarge();
  if (startsRequest && firstLine.length > MAX_URL_BYTES) return uriTooLong();
  const headerBytes = lineEnd === -1 ? 0 : text.length - lineEnd;
  return !startsRequest && firstLine.length >= headerBytes ? uriTooLong() : headersTooLarge();
}

/** The problem for an error Node's HTTP parser raised before Fastify saw a request. */
function clientProblem(error: ConnectionError): ProblemError {
  switch (error.code) {
    case 'HPE_HEADER_OVERFLOW':
      return overflowed(error.rawPacket as unknown);
    case 'HPE_URI_TOO_LONG':
      return uriTooLong();
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return new ProblemError({ status: 408, code: 'request.timeout', detail: 'The request was not received in time.' });
    default:
      return new ProblemError({ status: 400, code: 'request.malformed', slug: 'bad-request', detail: 'The request is not valid HTTP.' });
  }
}

/** Fastify's `clientErrorHandler`: Node's own answer would be JSON of another shape. */
export function clientErrorHandler(error: ConnectionError, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  if (socket.writable) {
    const id = randomUUID();
    const problem = clientProblem(error);
    const body = JSON.stringify(problem.toJSON(id));
    socket.write(
      `HTTP/1.1 ${problem.status} ${problem.toJSON(id).title}\r\n` +
        'Content-Type: application/problem+json; charset=utf-8\r\n' +
        `Content-Length: ${Buffer.byteLength(body)}\r\n` +
        `X-Request-Id: ${id}\r\n` +
        'Connection: close\r\n\r\n' +
        body,
    );
  }
  socket.destroy();
}
