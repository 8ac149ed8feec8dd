// Lines of a byte stream (NDJSON uploads, a restored archive's plaintext), read as they arrive.

export type Line = { number: number; text: string } | { number: number; tooLong: true };

/**
 * Splits a byte stream into lines (LF or CRLF), numbered from 1, and yields the lines each chunk
 * completes, together: a consumer of a million lines then takes a few thousand asynchronous steps,
 * not a million. Holds at most `maxBytes` of one line: a longer line is reported as too long and
 * skipped, never buffered whole. Blank lines are numbered but not yielded.
 */
export async function* readLineChunks(stream: AsyncIterable<Buffer | string>, maxBytes: number): AsyncGenerator<Line[]> {
  let parts: Buffer[] = [];
  let held = 0;
  let tooLong = false;
  let number = 0;
  function finish(out: Line[], text: string): void {
    number++;
    if (tooLong) out.push({ number, tooLong: true });
    else {
      if (text.endsWith('\r')) text = text.slice(0, -1);
      if (text.trim() !== '') out.push({ number, text });
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
    const out: Line[] = [];
    let start = 0;
    for (let end = chunk.indexOf(10); end !== -1; end = chunk.indexOf(10, start)) {
      if (held === 0 && !tooLong && end - start <= maxBytes) {
        // The whole line is in this chunk: decoded in place, not copied first.
        finish(out, chunk.toString('utf8', start, end));
      } else {
        hold(chunk.subarray(start, end));
        finish(out, tooLong ? '' : Buffer.concat(parts, held).toString('utf8'));
      }
      start = end + 1;
    }
    if (start < chunk.length) hold(chunk.subarray(start));
    if (out.length > 0) yield out;
  }
  if (held > 0 || tooLong) {
    const out: Line[] = [];
    finish(out, tooLong ? '' : Buffer.concat(parts, held).toString('utf8'));
    yield out;
  }
}

/** The lines of a byte stream one at a time (see readLineChunks). */
export async function* readLines(stream: AsyncIterable<Buffer | string>, maxBytes: number): AsyncGenerator<Line> {
  for await (const lines of readLineChunks(stream, maxBytes)) yield* lines;
}
