// The committed openapi.json is what the code generates, and every operation is documented.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import { generateClientTypes, generateOpenApi } from '../support/openapi.ts';

const HTTP_METHODS = ['get', 'put', 'post', 'patch', 'delete'];

describe('OpenAPI document', async () => {
  const generated = await generateOpenApi();
  const document = JSON.parse(generated);

  it('matches the committed openapi.json (run `npm run openapi` after changing routes)', async () => {
    const committed = await fs.readFile(new URL('../../openapi.json', import.meta.url), 'utf8');
    assert.equal(committed, generated);
  });

  it('matches the committed client types, src/client/api-types.ts (`npm run openapi` writes both)', async () => {
    const committed = await fs.readFile(new URL('../../src/client/api-types.ts', import.meta.url), 'utf8');
    assert.equal(committed, await generateClientTypes(generated));
  });

  it('is OpenAPI 3.1 with the shared components', () => {
    assert.equal(document.openapi, '3.1.0');
    assert.ok(document.components.schemas.User);
    assert.ok(document.components.schemas.Problem);
  });

  const operations = Object.entries(document.paths as Record<string, Record<string, any>>).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => HTTP_METHODS.includes(method))
      .map(([method, op]) => ({ name: `${method.toUpperCase()} ${path}`, path, op })),
  );

  it('documents every operation with an operationId, summary, tag and its error responses', () => {
    assert.ok(operations.length >= 10);
    const ids = new Set<string>();
    for (const { name, path, op } of operations) {
      assert.ok(op.operationId, `${name} lacks an operationId`);
      assert.ok(!ids.has(op.operationId), `${name} repeats operationId ${op.operationId}`);
      ids.add(op.operationId);
      assert.ok(op.summary, `${name} lacks a summary`);
      assert.ok(op.tags?.length, `${name} lacks a tag`);
      const statuses = Object.keys(op.responses ?? {});
      assert.ok(statuses.some((s) => s.startsWith('2')), `${name} documents no success response`);
      for (const status of ['406', '500']) assert.ok(statuses.includes(status), `${name} does not document ${status}`);
      if (path.startsWith('/api/v1/') && op.security?.length !== 0) {
        assert.ok(statuses.includes('401'), `${name} needs credentials but does not document 401`);
      }
      for (const status of statuses.filter((s) => Number(s) >= 400)) {
        const content = op.responses[status].content;
        // The pages for people answer what a person caused with a page (API.md, "Pages for people").
        const page = op.tags.includes('Pages') && content?.['text/html'];
        assert.ok(content?.['application/problem+json'] ?? content?.['application/json'] ?? page, `${name} ${status} has no problem schema`);
      }
    }
  });

  // API.md "HTTP details": the response headers clients rely on are declared.
  const headersOf = (response: any): string[] => Object.keys(response.headers ?? {});
  const schemaRef = (response: any): string | undefined => response.content?.['application/json']?.schema?.$ref;
  const takesHeader = (op: any, name: string) => (op.parameters ?? []).some((p: any) => p.in === 'header' && p.name === name);
  // 201s that make nothing with an address of its own: a TOTP seed, recovery codes.
  const CREATES_NOTHING_ADDRESSABLE = new Set(['enrollTotp', 'issueRecoveryCodes']);

  it('declares Location on 201, ETag on users and groups, Preference-Applied where Prefer is honoured', () => {
    for (const { name, op } of operations) {
      for (const [status, response] of Object.entries<any>(op.responses)) {
        const headers = headersOf(response);
        if (status === '201' && !CREATES_NOTHING_ADDRESSABLE.has(op.operationId)) assert.ok(headers.includes('Location'), `${name} 201 lacks Location`);
        if (/^2/.test(status) && /\/(User|Group)$/.test(schemaRef(response) ?? '')) assert.ok(headers.includes('ETag'), `${name} ${status} lacks ETag`);
        if (status === '204' && takesHeader(op, 'prefer')) {
          assert.deepEqual(headers.sort(), ['ETag', 'Preference-Applied'], `${name} 204 (return=minimal)`);
        }
      }
    }
    const create = document.paths['/api/v1/users'].post.responses;
    assert.deepEqual(headersOf(create['202']).sort(), ['Idempotency-Replayed', 'Location', 'Preference-Applied']);
  });

  it('declares WWW-Authenticate on 401, Retry-After on 429 and Allow on the shared 405', () => {
    for (const { name, op } of operations) {
      if (op.responses['401']) assert.ok(headersOf(op.responses['401']).includes('WWW-Authenticate'), `${name} 401`);
      if (op.responses['429']) assert.ok(headersOf(op.responses['429']).includes('Retry-After'), `${name} 429`);
    }
    const methodNotAllowed = document.components.responses.MethodNotAllowed;
    assert.deepEqual(Object.keys(methodNotAllowed.headers), ['Allow']);
    assert.ok(methodNotAllowed.content['application/problem+json']);
  });

  it('declares Idempotency-Replayed on the answers of POSTs that take an Idempotency-Key, by its contract name', () => {
    const text = JSON.stringify(document);
    assert.ok(!/idempotent-replayed/i.test(text));
    for (const path of ['/api/v1/users', '/api/v1/groups']) {
      const op = document.paths[path].post;
      assert.ok(headersOf(op.responses['201']).includes('Idempotency-Replayed'), path);
      assert.ok(headersOf(op.responses['409']).includes('Retry-After'), `${path} 409 (key still in progress)`);
    }
    // A response that shows a secret once is never stored for replay.
    assert.ok(!headersOf(document.paths['/api/v1/users/{id}/tokens'].post.responses['201']).includes('Idempotency-Replayed'));
  });

  it('marks no user or group property required, since fields and X-Fields can drop any', () => {
    for (const name of ['User', 'Group']) {
      const schema = document.components.schemas[name];
      assert.equal(schema.required, undefined, `${name}.required: ${schema.required}`);
      assert.ok(Object.keys(schema.properties).length > 5);
      assert.equal(schema.additionalProperties, false);
    }
  });

  it('does not require a query parameter that has a default', () => {
    let defaults = 0;
    for (const { name, op } of operations) {
      for (const parameter of op.parameters ?? []) {
        if (parameter.in !== 'query' || parameter.schema?.default === undefined) continue;
        defaults++;
        assert.notEqual(parameter.required, true, `${name} ?${parameter.name} has a default yet is required`);
      }
    }
    assert.ok(defaults >= 3, 'limit and the like are declared with their defaults');
  });

  it('declares minLength 10 on every password being set; logging in takes any non-empty one', () => {
    const found: string[] = [];
    for (const { name, op } of operations) {
      const body = op.requestBody?.content?.['application/json']?.schema;
      const password = body?.properties?.password;
      // PUT and PATCH of a user name it only to refuse it (use the password endpoints).
      if (!password || password.type === undefined) continue;
      found.push(op.operationId);
      assert.equal(password.minLength, op.operationId === 'createSession' ? 1 : 10, `${name} password.minLength`);
    }
    assert.deepEqual(found.sort(), [
      'activateUser', 'changeOwnPassword', 'confirmPasswordReset', 'createSession', 'createUser', 'provisionSystem', 'setUserPassword',
    ]);
  });
});
