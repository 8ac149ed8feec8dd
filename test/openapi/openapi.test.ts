// The committed openapi.json is what the code generates, and every operation is documented.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import { generateOpenApi } from '../support/openapi.ts';

const HTTP_METHODS = ['get', 'put', 'post', 'patch', 'delete'];

describe('OpenAPI document', async () => {
  const generated = await generateOpenApi();
  const document = JSON.parse(generated);

  it('matches the committed openapi.json (run `npm run openapi` after changing routes)', async () => {
    const committed = await fs.readFile(new URL('../../openapi.json', import.meta.url), 'utf8');
    assert.equal(committed, generated);
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
        assert.ok(content?.['application/problem+json'] ?? content?.['application/json'], `${name} ${status} has no problem schema`);
      }
    }
  });
});
