// argon2id hashing. @node-rs/argon2 hashes on the libuv thread pool, off the event loop.
import os from 'node:os';
import { hash, verify } from '@node-rs/argon2';
import { legacyVerifierOf } from './legacy/index.ts';

// @node-rs/argon2 exports Algorithm as a const enum, which isolated modules cannot read.
const ARGON2ID = 2;

export interface Argon2Params {
  memoryCost: number; // KiB
  timeCost: number;
  parallelism: number;
}

/** OWASP Password Storage Cheat Sheet, argon2id option 2: m=19 MiB, t=2, p=1. */
export const PRODUCTION_ARGON2: Argon2Params = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  /** Checks argon2 (any variant) and the legacy families of credentials/legacy/. */
  verify(passwordHash: string, password: string): Promise<boolean>;
  /** Whether a stored hash is one Roster can check (an import's `passwordHash` must be). */
  recognises(passwordHash: string): boolean;
  /** Not argon2id with this hasher's parameters: replace it once the password is known to be right. */
  needsRehash(passwordHash: string): boolean;
  /** How every hash made today begins: `$argon2id$v=19$m=…,t=…,p=…$`. */
  readonly prefix: string;
  /** Spends the same work as a real check, for callers that have no hash to check against. */
  burn(password: string): Promise<void>;
}

/**
 * At most `concurrency` hashes run at once (default: one per core). More would only share the
 * same cores, each holding its 19 MiB, and would take the libuv threads file and DNS work needs.
 */
export function createPasswordHasher(params: Argon2Params = PRODUCTION_ARGON2, concurrency = os.availableParallelism()): PasswordHasher {
  const options = { algorithm: ARGON2ID, ...params };
  const current = `$argon2id$v=19$m=${params.memoryCost},t=${params.timeCost},p=${params.parallelism}$`;
  const slot = limit(concurrency);
  let dummyHash: Promise<string> | undefined;
  return {
    hash: (password) => slot(() => hash(password, options)),
    async verify(passwordHash, password) {
      try {
        if (isArgon2(passwordHash)) return await slot(() => verify(passwordHash, password));
        const legacy = legacyVerifierOf(passwordHash);
        return legacy ? await slot(() => legacy.verify(passwordHash, password)) : false;
      } catch {
        // A malformed stored hash is a failed check, never an error that reaches the client.
        return false;
      }
    },
    recognises: (passwordHash) => isArgon2(passwordHash) || legacyVerifierOf(passwordHash) !== undefined,
    needsRehash: (passwordHash) => !passwordHash.startsWith(current),
    prefix: current,
    async burn(password) {
      dummyHash ??= slot(() => hash('roster-timing-equaliser', options));
      const dummy = await dummyHash;
      await slot(() => verify(dummy, password)).catch(() => false);
    },
  };
}

// argon2i, argon2d or argon2id in PHC form, with costs one login may spend: up to 256 MiB, 10
// passes and 8 lanes (an imported hash must not buy a minute of CPU or a gigabyte per check).
const ARGON2 = /^\$argon2(id|i|d)\$v=(16|19)\$m=(\d{1,9}),t=(\d{1,2}),p=(\d{1,2})\$[A-Za-z0-9+/]{11,}\$[A-Za-z0-9+/]{22,}$/;

function isArgon2(stored: string): boolean {
  const match = ARGON2.exec(stored);
  if (!match) return false;
  const [m, t, p] = [Number(match[3]), Number(match[4]), Number(match[5])];
  return m >= 8 && m <= 262_144 && t >= 1 && t <= 10 && p >= 1 && p <= 8 && m >= 8 * p;
}

/** Runs tasks with at most `size` of them in flight; the rest wait their turn in order. */
export function limit(size: number) {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async <T>(task: () => Promise<T>): Promise<T> => {
    // A finishing task hands its slot straight to the next in line, so none can slip in between.
    if (running >= size) await new Promise<void>((resolve) => waiting.push(resolve));
    else running++;
    try {
      return await task();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else running--;
    }
  };
}
