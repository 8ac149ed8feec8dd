// Speaking SCIM to a test server: requests as application/scim+json, and the error document's shape.
import assert from 'node:assert/strict';
import type { Client, Response } from './client.ts';

export const SCIM = 'application/scim+json';
export const SCIM_ERROR = 'urn:ietf:params:scim:api:messages:2.0:Error';
export const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
export const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
export const ROSTER_USER = 'urn:roster:params:scim:schemas:extension:roster:2.0:User';

export function scim(client: Client, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return client.request(method, `/scim/v2${path}`, { body, contentType: SCIM, headers });
}

/** Asserts a SCIM error (RFC 7644 §3.12) with this status and scimType, and returns its body. */
export function expectScimError(res: Response, status: number, scimType?: string): any {
  assert.equal(res.status, status, res.text);
  assert.equal(res.headers.get('content-type'), `${SCIM}; charset=utf-8`);
  assert.deepEqual(res.body.schemas, [SCIM_ERROR]);
  assert.equal(res.body.status, String(status));
  assert.equal(res.body.scimType, scimType);
  assert.equal(typeof res.body.detail, 'string');
  return res.body;
}
