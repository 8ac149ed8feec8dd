// SHA-256 as stored for high-entropy secrets (token, cookie and mailed-link hashes): such a
// secret needs no salt or slow hash, only a digest that does not reveal it.
import { createHash } from 'node:crypto';

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('base64url');
}
