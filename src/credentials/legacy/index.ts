// The legacy hash families, tried in turn; argon2 (any variant) is credentials/password.ts's own.
import { bcryptVerifier } from './bcrypt.ts';
import { pbkdf2Verifier } from './pbkdf2.ts';
import { scryptVerifier } from './scrypt.ts';
import type { LegacyVerifier } from './verifier.ts';

export type { LegacyVerifier };
export const LEGACY_VERIFIERS: LegacyVerifier[] = [bcryptVerifier, scryptVerifier, pbkdf2Verifier];

export function legacyVerifierOf(stored: string): LegacyVerifier | undefined {
  return LEGACY_VERIFIERS.find((verifier) => verifier.recognises(stored));
}
