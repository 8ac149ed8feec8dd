// Lines of a byte stream (NDJSON uploads, a restored archive's plaintext), read as they arrive.

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
