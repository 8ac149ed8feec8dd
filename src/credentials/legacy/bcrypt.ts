// bcrypt ($2a$, $2b$, $2y$): the same algorithm under three prefixes (2y and 2b name fixes to
// other implementations' bugs, not a different function), verified by @node-rs/bcrypt.
import { verify } from '@node-rs/bcrypt';
import type { LegacyVerifier } from './verifier.ts';

// Cost 16 is some five seconds of a core; more would let one imported line stall logins.
const BCRYPT = /^\$2[aby]\$(0[4-9]|1[0-6])\$[./A-Za-z0-9]{53}$/;

export const bcryptVerifier: LegacyVerifier = {
  family: 'bcrypt',
  recognises: (stored) => BCRYPT.test(stored),
  async verify(stored, password) {
    if (!BCRYPT.test(stored)) return false;
    // The library reads $2y$ as $2b$, which it is.
    return verify(password, stored.startsWith('$2y$') ? `$2b$${stored.slice(4)}` : stored);
  },
};
