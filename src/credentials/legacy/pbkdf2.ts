// PBKDF2-HMAC-SHA256/512 as PHC ($pbkdf2-sha256$i=…,l=…$salt$hash) and as Django stores it
// (pbkdf2_sha256$iterations$salt$base64-hash, the salt as text).
import { pbkdf2, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import { intParam, parsePhc } from './phc.ts';
import type { LegacyVerifier } from './verifier.ts';

const derive = promisify(pbkdf2);
// Django 6 uses 1,000,000; the cap keeps one imported line from buying seconds of CPU per login.
const MAX_ITERATIONS = 5_000_000;

interface Params {
  digest: 'sha256' | 'sha512';
  iterations: number;
  salt: Buffer;
  hash: Buffer;
}

function parse(stored: string): Params | undefined {
  const django = /^pbkdf2_sha256\$(\d{1,10})\$([^$]{1,256})\$([A-Za-z0-9+/]{43}=)$/.exec(stored);
  if (django) {
    const iterations = Number(django[1]);
    if (iterations < 1 || iterations > MAX_ITERATIONS) return undefined;
    return { digest: 'sha256', iterations, salt: Buffer.from(django[2], 'utf8'), hash: Buffer.from(django[3], 'base64') };
  }
  const phc = parsePhc(stored);
  if (!phc || (phc.id !== 'pbkdf2-sha256' && phc.id !== 'pbkdf2-sha512')) return undefined;
  const iterations = intParam(phc.params, 'i', 1, MAX_ITERATIONS);
  const length = phc.params.l === undefined ? phc.hash.length : intParam(phc.params, 'l', 16, 128);
  if (iterations === undefined || length !== phc.hash.length || phc.hash.length < 16 || phc.salt.length < 8) return undefined;
  return { digest: phc.id === 'pbkdf2-sha256' ? 'sha256' : 'sha512', iterations, salt: phc.salt, hash: phc.hash };
}

export const pbkdf2Verifier: LegacyVerifier = {
  family: 'pbkdf2',
  recognises: (stored) => parse(stored) !== undefined,
  async verify(stored, password) {
    const params = parse(stored);
    if (!params) return false;
    const derived = await derive(password, params.salt, params.iterations, params.hash.length, params.digest);
    return timingSafeEqual(derived, params.hash);
  },
};
