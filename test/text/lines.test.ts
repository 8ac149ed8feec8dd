// readLines (src/text/lines.ts): lines numbered from 1 across any chunking, CRLF or LF, blank
// lines counted but not yielded, a line over the limit reported without being held.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readLineChunks, readLines, type Line } from '../../src/text/lines.ts';

async function collect(chunks: string[], max = 10): Promise<Line[]> {
  async function* source() {
    for (const chunk of chunks) yield Buffer.from(chunk);
  }
  const out: Line[] = [];
  for await (const line of readLines(source(), max)) out.push(line);
  return out;
}

describe('readLines', () => {
  it('numbers lines across chunk boundaries, LF or CRLF, skipping blank ones', async () => {
    assert.deepEqual(await collect(['ab', 'c\r\n\n  \nd', 'é\nlast']), [
      { number: 1, text: 'abc' },
      { number: 4, text: 'dé' },
      { number: 5, text: 'last' },
    ]);
  });

  it('reports a line longer than the limit by its number, and goes on', async () => {
    assert.deepEqual(await collect(['short\n0123456', '789abc\nnext\n']), [
      { number: 1, text: 'short' },
      { number: 2, tooLong: true },
      { number: 3, text: 'next' },
    ]);
    assert.deepEqual(await collect(['0123456789abcdef']), [{ number: 1, tooLong: true }]);
  });

  it('holds a line of exactly the limit inside one chunk, and refuses one byte more', async () => {
    assert.deepEqual(await collect(['0123456789\n0123456789a\r\nok\n']), [
      { number: 1, text: '0123456789' },
      { number: 2, tooLong: true },
      { number: 3, text: 'ok' },
    ]);
  });

  it('yields together the lines each chunk completes', async () => {
    async function* source() {
      yield Buffer.from('a\nb\nc');
      yield Buffer.from('d');
      yield Buffer.from('\n\ne\n');
    }
    const chunks: Line[][] = [];
    for await (const lines of readLineChunks(source(), 10)) chunks.push(lines);
    assert.deepEqual(chunks, [[{ number: 1, text: 'a' }, { number: 2, text: 'b' }], [{ number: 3, text: 'cd' }, { number: 5, text: 'e' }]]);
  });

  it('splits a multi-byte character across chunks without harm', async () => {
    const bytes = Buffer.from('zß\n');
    async function* source() {
      yield bytes.subarray(0, 2);
      yield bytes.subarray(2);
    }
    const out: Line[] = [];
    for await (const line of readLines(source(), 10)) out.push(line);
    assert.deepEqual(out, [{ number: 1, text: 'zß' }]);
  });
});
