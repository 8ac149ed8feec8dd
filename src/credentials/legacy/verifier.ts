// Password hashes other systems export, verified at a user's first login and then replaced by an
// argon2id hash (credentials/password.ts): one small verifier per family.
export interface LegacyVerifier {
  family: 'bcrypt' | 'scrypt' | 'pbkdf2';
  /** Whether `stored` is this family's format with parameters Roster accepts. */
  recognises(stored: string): boolean;
  /** A malformed or unaccepted hash is a failed check, never an error. */
  verify(stored: string, password: string): Promise<boolean>;
}
