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

export type Line = { number: number; text: string } | { number: number; tooLong: true };

/**
 * Splits a byte stream into lines (LF or CRLF), numbered from 1, holding at most `maxBytes` of
 * one line: a longer line is reported as too long and skipped, never buffered whole. Blank lines
 * are numbered but not yielded.
 */
export async function* readLines(stream: AsyncIterable<Buffer | string>, maxBytes: number): AsyncGenerator<Line> {
  let parts: Buffer[] = [];
  let held = 0;
  let tooLong = false;
  let number = 0;
  function* finish(): Generator<Line> {
    number++;
    if (tooLong) yield { number, tooLong: true };
    else {
      let text = Buffer.concat(parts, held).toString('utf8');
      if (text.endsWith('\r')) text = text.slice(0, -1);
      if (text.trim() !== '') yield { number, text };
    }
    parts = [];
    held = 0;
    tooLong = false;
  }
  function hold(piece: Buffer) {
    if (tooLong) return;
    if (held + piece.length > maxBytes) {
      tooLong = true;
      parts = [];
      held = 0;
      return;
    }
    parts.push(piece);
    held += piece.length;
  }
  for await (const raw of stream) {
    const chunk = typeof raw === 'string' ? Buffer.from(raw) : raw;
    let start = 0;
    for (let end = chunk.indexOf(10); end !== -1; end = chunk.indexOf(10, start)) {
      hold(chunk.subarray(start, end));
      yield* finish();
      start = end + 1;
    }
    if (start < chunk.length) hold(chunk.subarray(start));
  }
  if (held > 0 || tooLong) yield* finish();
}
