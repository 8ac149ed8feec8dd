// Makes users through the API with unique names, for tests that need some.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import type { Client } from './client.ts';
import { basic } from './client.ts';

export const STRONG_PASSWORD = 'plum-anchor-violet-93-orbit';

export function uniqueName(prefix = 'user'): string {
  return `${prefix}-${randomBytes(4).toString('hex')}`;
}

export async function createUser(admin: Client, fields: Record<string, unknown> = {}): Promise<any> {
  const res = await admin.post('/api/v1/users', { username: uniqueName(), ...fields });
  assert.equal(res.status, 201, res.text);
  return res.body;
}

/** A user with a password and the given role, plus its Basic credential. */
export async function createLogin(admin: Client, role: string, fields: Record<string, unknown> = {}) {
  const username = uniqueName(role);
  const user = await createUser(admin, { username, role, password: STRONG_PASSWORD, ...fields });
  return { user, auth: basic(username, STRONG_PASSWORD) };
}
