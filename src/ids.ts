import { randomBytes } from 'node:crypto';
import { v7 } from 'uuid';
// Ids are UUIDv7 (time-ordered, index-friendly); anything else names nothing.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/**
 * The id in the form the database returns (lower case), or undefined when it is no id at all.
 * Comparisons with ids read from rows (self, last admin, caches) need this form.
 */
export function canonicalId(value: string): string | undefined {
  return UUID.test(value) ? value.toLowerCase() : undefined;
}

// uuid's v7 draws 16 bytes from crypto.getRandomValues for every id: ~6 µs here, a third of an
// import line's cost. Bytes are drawn 4 KiB at a time instead and handed to v7 with the same
// millisecond-and-sequence state it keeps itself, so ids still ascend within a millisecond.
const POOL = 4096;
let pool = randomBytes(POOL);
let used = 0;
const state = { msecs: -Infinity, seq: 0 };

function random16(): Uint8Array {
  if (used + 16 > POOL) {
    pool = randomBytes(POOL);
    used = 0;
  }
  used += 16;
  return pool.subarray(used - 16, used);
}

/** A new UUIDv7, later than every one this process made before. */
export function newId(): string {
  const random = random16();
  const now = Date.now();
  if (now > state.msecs) {
    state.msecs = now;
    state.seq = ((random[6] & 0x7f) << 24) | (random[7] << 16) | (random[8] << 8) | random[9];
  } else {
    state.seq = (state.seq + 1) | 0;
    if (state.seq === 0) state.msecs++;
  }
  return v7({ msecs: state.msecs, seq: state.seq, random });
}
