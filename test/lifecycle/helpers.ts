// Helpers shared by the lifecycle and job tests: draining the job queue, reading the job list, and the token problems that must not name their user.
import assert from 'node:assert/strict';
import type { TestServer } from '../support/server.ts';
import { expectProblem, type Response } from '../support/client.ts';

export const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43,}$/;
export const OTHER_PASSWORD = 'walnut-glacier-trombone-58';
export const WEAK_PASSWORD = 'password1';

/** Runs due jobs until none is left (a job may queue another, e.g. create → activation mail). */
export async function drain(server: TestServer): Promise<number> {
  let total = 0;
  for (let pass = 0; pass < 20; pass++) {
    const ran = await server.app.queue.runDue();
    if (ran === 0) return total;
    total += ran;
  }
  throw new Error('the queue never ran dry');
}

export async function listJobs(server: TestServer, query = ''): Promise<any[]> {
  const res = await server.admin.get(`/api/v1/system/jobs?limit=1000${query}`);
  assert.equal(res.status, 200, res.text);
  return res.body.items;
}

/** A token problem (invalid, used, expired) whose body names none of the user's identifiers. */
export function expectTokenProblem(res: Response, status: number, code: string, user: { id: string; username: string; email?: string | null }): any {
  const body = expectProblem(res, status, code);
  for (const secret of [user.id, user.username, user.email]) {
    if (secret) assert.ok(!res.text.toLowerCase().includes(secret.toLowerCase()), `the problem names the user (${secret}): ${res.text}`);
  }
  assert.deepEqual(body.errors?.map((e: any) => e.pointer), ['/token']);
  return body;
}

export function uniqueEmail(name: string): string {
  return `${name}@example.com`;
}
