// The backup archive (src/backup/archive.ts): what seal writes, open gives back; a wrong
// passphrase, a changed header, segments swapped or dropped, and a cut at a segment boundary
// all fail before any of their bytes are handed out.
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { ArchiveError, open, seal } from '../../src/backup/archive.ts';

const PASS = 'orchard-lantern-seventeen';
const SEGMENT = 64 * 1024;

async function sealed(plain: Buffer): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of seal(Readable.from([plain]), PASS)) parts.push(part);
  return Buffer.concat(parts);
}

async function opened(archive: Buffer, passphrase = PASS): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of open(Readable.from([archive]), passphrase)) parts.push(part);
  return Buffer.concat(parts);
}

async function failure(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (error) {
    assert.ok(error instanceof ArchiveError, String(error));
    return error.reason;
  }
  assert.fail('expected the archive to be refused');
}

/** Where each segment starts, after the header. */
function segments(archive: Buffer): { start: number; end: number }[] {
  let at = 12 + archive.readUInt32BE(8);
  const out = [];
  while (at < archive.length) {
    const end = at + 4 + archive.readUInt32BE(at) + 16;
    out.push({ start: at, end });
    at = end;
  }
  return out;
}

describe('backup archive', () => {
  const plain = Buffer.alloc(3 * SEGMENT + 100, 'roster ');
  let archive: Buffer;
  before(async () => {
    archive = await sealed(plain);
  });

  it('gives back exactly what was sealed, empty or a whole number of segments too', async () => {
    assert.deepEqual(await opened(archive), plain);
    assert.deepEqual(await opened(await sealed(Buffer.alloc(0))), Buffer.alloc(0));
    const exact = Buffer.alloc(2 * SEGMENT, 7);
    assert.deepEqual(await opened(await sealed(exact)), exact);
  });

  it('refuses a wrong passphrase, a changed header, swapped or dropped segments and a cut at a boundary', async () => {
    assert.equal(await failure(opened(archive, 'another-passphrase')), 'wrong_passphrase');
    const header = Buffer.from(archive);
    header[14] ^= 1;
    // A changed header either no longer parses or derives another key: refused either way.
    assert.ok(['damaged', 'wrong_passphrase'].includes(await failure(opened(header))));
    const [s0, s1, s2, s3] = segments(archive);
    const head = archive.subarray(0, s0.start);
    const part = (s: { start: number; end: number }) => archive.subarray(s.start, s.end);
    assert.equal(await failure(opened(Buffer.concat([head, part(s1), part(s0), part(s2), part(s3)]))), 'damaged');
    assert.equal(await failure(opened(Buffer.concat([head, part(s0), part(s2), part(s3)]))), 'damaged');
    assert.equal(await failure(opened(archive.subarray(0, s3.start))), 'damaged', 'cut where a segment ends');
  });
});
