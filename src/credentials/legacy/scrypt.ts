// scrypt as PHC: $scrypt$ln=…,r=…,p=…$salt$hash (N = 2^ln).
import { scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { intParam, parsePhc } from './phc.ts';
import type { LegacyVerifier } from './verifier.ts';

const derive = (password: string, salt: Buffer, length: number, options: ScryptOptions) =>
  new Promise<Buffer>((resolve, reject) => scrypt(password, salt, length, options, (error, key) => (error ? reject(error) : resolve(key))));

// scrypt needs 128·N·r bytes: these caps hold one check to 128 MiB and a few seconds at most.
const MAX_MEMORY = 128 * 1024 * 1024;

function parse(stored: string) {
  const phc = parsePhc(stored);
  if (!phc || phc.id !== 'scrypt') return undefined;
  const ln = intParam(phc.params, 'ln', 1, 20);
  const r = intParam(phc.params, 'r', 1, 32);
  const p = intParam(phc.params, 'p', 1, 16);
  if (ln === undefined || r === undefined || p === undefined) return undefined;
  const N = 2 ** ln;
  if (128 * N * r > MAX_MEMORY || phc.hash.length < 16 || phc.hash.length > 128 || phc.salt.length < 8) return undefined;
  return { N, r, p, salt: phc.salt, hash: phc.hash };
}

export const scryptVerifier: LegacyVerifier = {
  family: 'scrypt',
  recognises: (stored) => parse(stored) !== undefined,
  async verify(stored, password) {
    const params = parse(stored);
    if (!params) return false;
    const { N, r, p } = params;
    const derived = await derive(password, params.salt, params.hash.length, { N, r, p, maxmem: 2 * 128 * N * r + 1024 * 1024 });
    return timingSafeEqual(derived, params.hash);
  },
};
