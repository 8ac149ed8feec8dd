// argon2id hashing. @node-rs/argon2 hashes on the libuv thread pool, off the event loop.
import os from 'node:os';
import { hash, verify } from '@node-rs/argon2';

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
  verify(passwordHash: string, password: string): Promise<boolean>;
  /** Spends the same work as a real check, for callers that have no hash to check against. */
  burn(password: string): Promise<void>;
}

/**
 * At most `concurrency` hashes run at once (default: one per core). More would only share the
 * same cores, each holding its 19 MiB, and would take the libuv threads file and DNS work needs.
 */
export function createPasswordHasher(params: Argon2Params = PRODUCTION_ARGON2, concurrency = os.availableParallelism()): PasswordHasher {
  const options = { algorithm: ARGON2ID, ...params };
  const slot = limit(concurrency);
  let dummyHash: Promise<string> | undefined;
  return {
    hash: (password) => slot(() => hash(password, options)),
    async verify(passwordHash, password) {
      try {
        return await slot(() => verify(passwordHash, password));
      } catch {
        // A malformed stored hash is a failed check, never an error that reaches the client.
        return false;
      }
    },
    async burn(password) {
      dummyHash ??= slot(() => hash('roster-timing-equaliser', options));
      const dummy = await dummyHash;
      await slot(() => verify(dummy, password)).catch(() => false);
    },
  };
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
