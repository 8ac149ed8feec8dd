// TOTP (RFC 6238) through otpauth: SHA-1, 6 digits, 30-second steps, ±1 step of clock drift.
import { Secret, TOTP } from 'otpauth';

const PERIOD = 30;
const WINDOW = 1;

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

function totpFor(secret: string, label = 'user'): TOTP {
  return new TOTP({ issuer: 'Roster', label, algorithm: 'SHA1', digits: 6, period: PERIOD, secret: Secret.fromBase32(secret) });
}

export function otpauthUrl(secret: string, username: string): string {
  return totpFor(secret, username).toString();
}

/** The time step the code belongs to, or undefined when it matches none in the window. */
export function matchingStep(secret: string, code: string, now: Date): number | undefined {
  if (!/^\d{6}$/.test(code)) return undefined;
  const delta = totpFor(secret).validate({ token: code, timestamp: now.getTime(), window: WINDOW });
  if (delta === null) return undefined;
  return Math.floor(now.getTime() / 1000 / PERIOD) + delta;
}
