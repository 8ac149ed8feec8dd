// SCIM PATCH on a resource's JSON (src/scim/scim-patch.ts), without a server: paths, value
// filters, the no-op add, removal by value, and the refusals.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { applyPatch, parsePath, PATCH_OP } from '../../src/scim/scim-patch.ts';
import { ProblemError } from '../../src/http/problem.ts';

const CORE = ['urn:ietf:params:scim:schemas:core:2.0:Group'];
const group = () => ({
  displayName: 'Ops',
  members: [{ value: 'a', display: 'Ann' }, { value: 'b', display: 'Bo' }],
});
const apply = (resource: object, ...Operations: unknown[]) => applyPatch(resource as Record<string, unknown>, { schemas: [PATCH_OP], Operations }, CORE);

function refusal(work: () => unknown): string {
  try {
    work();
  } catch (error) {
    assert.ok(error instanceof ProblemError);
    return error.code;
  }
  assert.fail('expected a refusal');
}

describe('SCIM PATCH', () => {
  it('reads paths: plain, dotted, schema-qualified, filtered, filtered with a sub-attribute', () => {
    assert.deepEqual(parsePath('displayName', CORE), { extension: undefined, attr: 'displayName', filter: undefined, sub: undefined });
    assert.deepEqual(parsePath('name.givenName', CORE), { extension: undefined, attr: 'name', filter: undefined, sub: 'givenName' });
    assert.deepEqual(parsePath('urn:ietf:params:scim:schemas:core:2.0:Group:displayName', CORE), { extension: undefined, attr: 'displayName', filter: undefined, sub: undefined });
    assert.deepEqual(parsePath('urn:x:Ext:dept', CORE), { extension: 'urn:x:Ext', attr: 'dept', filter: undefined, sub: undefined });
    const filtered = parsePath('emails[type eq "work"].value', CORE);
    assert.deepEqual({ attr: filtered.attr, sub: filtered.sub, filter: filtered.filter }, { attr: 'emails', sub: 'value', filter: { kind: 'compare', attr: 'type', op: 'eq', value: 'work' } });
    for (const bad of ['emails[type eq "work"', 'a.b.c', 'emails[type eq "work"]x', 'emails[type eq]']) {
      assert.equal(refusal(() => parsePath(bad, CORE)), 'scim.invalid_path', bad);
    }
  });

  it('adds members once, removes them by filter or by a value array (as Entra ID does)', () => {
    const added = apply(group(), { op: 'Add', path: 'members', value: [{ value: 'b', display: 'Bo' }, { value: 'c' }] });
    assert.deepEqual((added.members as any[]).map((m) => m.value), ['a', 'b', 'c'], 'b was there: adding it again changes nothing');
    const byFilter = apply(group(), { op: 'remove', path: 'members[value eq "A"]' });
    assert.deepEqual((byFilter.members as any[]).map((m) => m.value), ['b']);
    const byValue = apply(group(), { op: 'Remove', path: 'members', value: [{ value: 'b' }] });
    assert.deepEqual((byValue.members as any[]).map((m) => m.value), ['a']);
    assert.deepEqual(apply(group(), { op: 'remove', path: 'members' }).members, undefined);
  });

  it('adds through a filter that matches nothing by making the value it describes', () => {
    const out = apply({ emails: [] }, { op: 'add', path: 'emails[type eq "work"].value', value: 'x@example.com' });
    assert.deepEqual(out.emails, [{ type: 'work', value: 'x@example.com' }]);
  });

  it('leaves the resource it was given alone, and refuses what is not a PatchOp', () => {
    const original = group();
    apply(original, { op: 'replace', path: 'displayName', value: 'Dev' });
    assert.equal(original.displayName, 'Ops');
    assert.equal(refusal(() => applyPatch(group(), { Operations: [{ op: 'add', path: 'x', value: 1 }] }, CORE)), 'request.invalid');
    assert.equal(refusal(() => apply(group(), { op: 'replace', value: 'not an object' })), 'request.invalid');
    assert.equal(refusal(() => applyPatch(group(), { schemas: [PATCH_OP], Operations: Array(1001).fill({ op: 'add', path: 'x', value: 1 }) }, CORE)), 'scim.too_many');
  });
});
