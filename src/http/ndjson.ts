// Streams NDJSON (application/x-ndjson): one JSON value a line, written as it is produced, so an
// answer of a million lines never sits in memory whole.
import { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';

async function* lines(values: AsyncIterable<unknown>): AsyncGenerator<string> {
  for await (const value of values) yield `${JSON.stringify(value)}\n`;
}

/** Takes any reply: typed replies document NDJSON as a string, which a stream is not. */
export function sendNdjson(reply: unknown, values: AsyncIterable<unknown>) {
  const plain = reply as FastifyReply;
  plain.type('application/x-ndjson; charset=utf-8');
  return plain.send(Readable.from(lines(values)));
}
