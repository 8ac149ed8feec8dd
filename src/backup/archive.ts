// The backup archive: AES-256-GCM under a key derived from a passphrase with scrypt, in the
// STREAM construction (Hoang, Reyhanitabar, Rogaway and Vizár, 2015) that age and Tink use, so
// an archive of any size is sealed and opened a segment at a time and every segment is checked
// before its bytes are used. Layout:
//
//   "RSTRBAK1" | u32 header length | header JSON | segments…
//   segment:   u32 ciphertext length | ciphertext | 16-byte tag
//
// Each segment's nonce is the header's 7-byte prefix, a 4-byte counter and a last-segment flag;
// the header is every segment's additional data. Reordered, dropped, truncated or flipped bytes,
// and a changed header, all fail a tag; a wrong passphrase fails the header's key check first.
import { createCipheriv, createDecipheriv, createHmac, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

const MAGIC = Buffer.from('RSTRBAK1');
const SEGMENT = 64 * 1024;
const TAG = 16;
const KDF = { N: 2 ** 15, r: 8, p: 1 };
const MAX_HEADER = 4096;

const derive = promisify(scrypt) as (password: string, salt: Buffer, length: number, options: object) => Promise<Buffer>;

export class ArchiveError extends Error {
  constructor(
    readonly reason: 'wrong_passphrase' | 'damaged' | 'not_an_archive',
    message: string,
  ) {
    super(message);
  }
}

interface Header {
  kdf: 'scrypt';
  N: number;
  r: number;
  p: number;
  salt: string;
  nonce: string;
  check: string;
}

async function keyOf(passphrase: string, header: Pick<Header, 'N' | 'r' | 'p' | 'salt'>): Promise<Buffer> {
  return derive(passphrase, Buffer.from(header.salt, 'base64'), 32, { N: header.N, r: header.r, p: header.p, maxmem: 256 * header.N * header.r });
}

function keyCheck(key: Buffer): Buffer {
  return createHmac('sha256', key).update('roster-backup key check').digest();
}

function nonceOf(prefix: Buffer, counter: number, last: boolean): Buffer {
  const nonce = Buffer.alloc(12);
  prefix.copy(nonce, 0, 0, 7);
  nonce.writeUInt32BE(counter, 7);
  nonce[11] = last ? 1 : 0;
  return nonce;
}

function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
}

/** Encrypts `plain` (any chunking) into an archive, a segment at a time. */
export async function* seal(plain: AsyncIterable<Buffer | string>, passphrase: string): AsyncGenerator<Buffer> {
  const salt = randomBytes(16);
  const prefix = randomBytes(7);
  const key = await keyOf(passphrase, { ...KDF, salt: salt.toString('base64') });
  const header: Header = { kdf: 'scrypt', ...KDF, salt: salt.toString('base64'), nonce: prefix.toString('base64'), check: keyCheck(key).toString('base64') };
  const headerBytes = Buffer.from(JSON.stringify(header));
  const aad = Buffer.concat([MAGIC, u32(headerBytes.length), headerBytes]);
  yield aad;
  let counter = 0;
  const segment = (data: Buffer, last: boolean): Buffer => {
    const cipher = createCipheriv('aes-256-gcm', key, nonceOf(prefix, counter++, last));
    cipher.setAAD(aad);
    const body = Buffer.concat([cipher.update(data), cipher.final()]);
    return Buffer.concat([u32(body.length), body, cipher.getAuthTag()]);
  };
  let pending = Buffer.alloc(0);
  for await (const chunk of plain) {
    pending = Buffer.concat([pending, typeof chunk === 'string' ? Buffer.from(chunk) : chunk]);
    // Keep one byte back: the last segment must be the one marked last, even when full.
    while (pending.length > SEGMENT) {
      yield segment(pending.subarray(0, SEGMENT), false);
      pending = pending.subarray(SEGMENT);
    }
  }
  yield segment(pending, true);
}

/** Reads exactly what is asked from a byte stream, holding only what is not yet used. */
function reader(source: AsyncIterable<Buffer | string>) {
  const iterator = source[Symbol.asyncIterator]();
  let buffered = Buffer.alloc(0);
  let ended = false;
  async function fill(n: number): Promise<void> {
    while (buffered.length < n && !ended) {
      const next = await iterator.next();
      if (next.done) ended = true;
      else buffered = Buffer.concat([buffered, typeof next.value === 'string' ? Buffer.from(next.value) : next.value]);
    }
  }
  return {
    async take(n: number): Promise<Buffer | undefined> {
      await fill(n);
      if (buffered.length < n) return undefined;
      const out = buffered.subarray(0, n);
      buffered = buffered.subarray(n);
      return out;
    },
    /** True when nothing follows (looks without taking). */
    async atEnd(): Promise<boolean> {
      await fill(1);
      return buffered.length === 0;
    },
  };
}

/**
 * Decrypts an archive a segment at a time, yielding each segment's plaintext only once its tag
 * has been checked. Throws ArchiveError on a wrong passphrase, a damaged or truncated archive.
 */
export async function* open(archive: AsyncIterable<Buffer | string>, passphrase: string): AsyncGenerator<Buffer> {
  const input = reader(archive);
  const damaged = (what: string) => new ArchiveError('damaged', `The archive is damaged or was changed: ${what}.`);
  const magic = await input.take(MAGIC.length);
  if (!magic || !magic.equals(MAGIC)) throw new ArchiveError('not_an_archive', 'This is not a Roster backup archive.');
  const lengthBytes = await input.take(4);
  const length = lengthBytes?.readUInt32BE() ?? 0;
  if (!lengthBytes || length > MAX_HEADER) throw damaged('its header');
  const headerBytes = await input.take(length);
  if (!headerBytes) throw damaged('its header is cut short');
  let header: Header;
  try {
    header = JSON.parse(headerBytes.toString('utf8')) as Header;
  } catch {
    throw damaged('its header');
  }
  const sane = header.kdf === 'scrypt' && [header.N, header.r, header.p].every(Number.isInteger) && header.N <= 2 ** 20 && header.r <= 16 && header.p <= 4;
  if (!sane || typeof header.salt !== 'string' || typeof header.nonce !== 'string' || typeof header.check !== 'string') throw damaged('its header');
  const key = await keyOf(passphrase, header);
  const check = Buffer.from(header.check, 'base64');
  const expected = keyCheck(key);
  if (check.length !== expected.length || !timingSafeEqual(check, expected)) {
    throw new ArchiveError('wrong_passphrase', 'The passphrase does not open this archive.');
  }
  const aad = Buffer.concat([MAGIC, lengthBytes, headerBytes]);
  const prefix = Buffer.from(header.nonce, 'base64');
  for (let counter = 0; ; counter++) {
    const size = (await input.take(4))?.readUInt32BE();
    if (size === undefined) throw damaged('it ends before its last segment');
    if (size > SEGMENT) throw damaged(`segment ${counter} is too long`);
    const body = await input.take(size + TAG);
    if (!body) throw damaged('it ends inside a segment');
    // Whether this is the last segment is proven by its tag: try the flag the stream suggests.
    const last = await input.atEnd();
    const decipher = createDecipheriv('aes-256-gcm', key, nonceOf(prefix, counter, last));
    decipher.setAAD(aad);
    decipher.setAuthTag(body.subarray(size));
    let plain: Buffer;
    try {
      plain = Buffer.concat([decipher.update(body.subarray(0, size)), decipher.final()]);
    } catch {
      throw damaged(`segment ${counter} fails its check`);
    }
    yield plain;
    if (last) return;
  }
}
