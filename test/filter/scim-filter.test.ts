import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { FilterSyntaxError, parseFilter, splitAttrPath } from '../../src/filter/scim-filter.ts';
import type { CompareOp, FilterNode, FilterValue } from '../../src/filter/scim-filter.ts';

const OPS: CompareOp[] = ['eq', 'ne', 'co', 'sw', 'ew', 'gt', 'ge', 'lt', 'le'];

function cmp(attr: string, op: CompareOp, value: FilterValue): FilterNode {
  return { kind: 'compare', attr, op, value };
}
function pr(attr: string): FilterNode {
  return { kind: 'present', attr };
}
function and(left: FilterNode, right: FilterNode): FilterNode {
  return { kind: 'and', left, right };
}
function or(left: FilterNode, right: FilterNode): FilterNode {
  return { kind: 'or', left, right };
}
function not(expr: FilterNode): FilterNode {
  return { kind: 'not', expr };
}

function rejects(
  input: string,
  position: number,
  message: RegExp,
  limits?: { maxLength?: number; maxDepth?: number },
): void {
  assert.throws(
    () => parseFilter(input, limits),
    (err: unknown) => {
      assert.ok(err instanceof FilterSyntaxError, `expected FilterSyntaxError, got ${String(err)}`);
      assert.equal(err.position, position, `position for ${JSON.stringify(input)}: ${err.message}`);
      assert.match(err.message, message);
      assert.match(err.message, new RegExp(`at position ${position}\\b`));
      return true;
    },
  );
}

describe('parseFilter: comparisons', () => {
  for (const op of OPS) {
    it(`parses ${op}`, () => {
      assert.deepEqual(parseFilter(`userName ${op} "bjensen"`), cmp('userName', op, 'bjensen'));
    });
  }

  it('parses pr', () => {
    assert.deepEqual(parseFilter('title pr'), pr('title'));
  });

  it('keeps attribute names as written, including a sub-attribute', () => {
    assert.deepEqual(parseFilter('name.givenName eq "Barbara"'), cmp('name.givenName', 'eq', 'Barbara'));
    assert.deepEqual(parseFilter('x-y_Z9 pr'), pr('x-y_Z9'));
    assert.deepEqual(parseFilter('meta.lastModified gt "2011-05-13T04:42:34Z"'),
      cmp('meta.lastModified', 'gt', '2011-05-13T04:42:34Z'));
  });

  it('decodes JSON string escapes', () => {
    assert.deepEqual(
      parseFilter(String.raw`a eq "q\" b\\ s\/ \b\f\n\r\t \u00e9\u00E9 \uD83D\uDE00"`),
      cmp('a', 'eq', 'q" b\\ s/ \b\f\n\r\t éé 😀'),
    );
    assert.deepEqual(parseFilter('a eq ""'), cmp('a', 'eq', ''));
    assert.deepEqual(parseFilter('a eq "héllo 😀 (and) or"'), cmp('a', 'eq', 'héllo 😀 (and) or'));
  });

  it('parses JSON numbers', () => {
    const cases: Array<[string, number]> = [
      ['0', 0], ['-0', -0], ['42', 42], ['-7', -7], ['1.5', 1.5], ['-0.25', -0.25],
      ['1e3', 1000], ['2.5E-2', 0.025], ['1E+2', 100],
    ];
    for (const [text, value] of cases) {
      assert.deepEqual(parseFilter(`n ge ${text}`), cmp('n', 'ge', value), text);
    }
  });

  it('parses true, false and null case-insensitively with eq/ne', () => {
    assert.deepEqual(parseFilter('active eq true'), cmp('active', 'eq', true));
    assert.deepEqual(parseFilter('active ne FALSE'), cmp('active', 'ne', false));
    assert.deepEqual(parseFilter('title eq Null'), cmp('title', 'eq', null));
  });

  it('lets gt/ge/lt/le take strings and numbers, eq/ne take anything', () => {
    assert.deepEqual(parseFilter('a lt 3'), cmp('a', 'lt', 3));
    assert.deepEqual(parseFilter('a le "3"'), cmp('a', 'le', '3'));
    assert.deepEqual(parseFilter('a ne 3'), cmp('a', 'ne', 3));
  });
});

describe('parseFilter: logic and grouping', () => {
  const a = cmp('a', 'eq', '1');
  const b = cmp('b', 'eq', '2');
  const c = cmp('c', 'eq', '3');

  it('binds and tighter than or', () => {
    assert.deepEqual(parseFilter('a eq "1" or b eq "2" and c eq "3"'), or(a, and(b, c)));
    assert.deepEqual(parseFilter('a eq "1" and b eq "2" or c eq "3"'), or(and(a, b), c));
  });

  it('is left-associative', () => {
    assert.deepEqual(parseFilter('a eq "1" and b eq "2" and c eq "3"'), and(and(a, b), c));
    assert.deepEqual(parseFilter('a eq "1" or b eq "2" or c eq "3"'), or(or(a, b), c));
  });

  it('lets parentheses override precedence', () => {
    assert.deepEqual(parseFilter('(a eq "1" or b eq "2") and c eq "3"'), and(or(a, b), c));
    assert.deepEqual(parseFilter('a eq "1" and (b eq "2" or c eq "3")'), and(a, or(b, c)));
  });

  it('handles nested parentheses', () => {
    assert.deepEqual(parseFilter('((((a eq "1"))))'), a);
    assert.deepEqual(parseFilter('((a eq "1" or (b eq "2")) and (c eq "3"))'), and(or(a, b), c));
  });

  it('parses not, which binds tighter than and', () => {
    assert.deepEqual(parseFilter('not (a eq "1")'), not(a));
    assert.deepEqual(parseFilter('not(a eq "1")'), not(a));
    assert.deepEqual(parseFilter('not (a eq "1") and b eq "2"'), and(not(a), b));
    assert.deepEqual(parseFilter('b eq "2" or not (not (a eq "1" or c eq "3"))'), or(b, not(not(or(a, c)))));
  });

  it('treats keywords and operators case-insensitively', () => {
    assert.deepEqual(
      parseFilter('a EQ "1" Or NOT (b Eq "2") AND c pR'),
      or(a, and(not(b), pr('c'))),
    );
  });

  it('accepts any run of spaces and tabs, and leading/trailing whitespace', () => {
    assert.deepEqual(parseFilter(' \t a \t eq\t\t"1"   or  ( b eq "2" )  '), or(a, b));
    assert.deepEqual(parseFilter('(a eq "1")and(b eq "2")'), and(a, b));
  });

  it('does not recurse on long and/or chains', () => {
    const node = parseFilter('a pr and '.repeat(50_000) + 'a pr', { maxLength: Infinity });
    assert.equal(node.kind, 'and');
  });
});

describe('parseFilter: rejections', () => {
  it('rejects empty input', () => {
    rejects('', 0, /empty filter/);
    rejects(' \t ', 0, /empty filter/);
  });

  it('rejects an unknown operator', () => {
    rejects('userName foo "x"', 9, /expected a comparison operator/);
    rejects('userName', 8, /unexpected end of filter.*comparison operator/);
    rejects('a == "x"', 2, /unexpected character "="/);
  });

  it('rejects a missing or unquoted value', () => {
    rejects('a eq', 4, /unexpected end of filter.*comparison value/);
    rejects('a eq )', 5, /expected a comparison value.*found "\)"/);
    rejects('a eq and b pr', 5, /expected a comparison value.*found "and"/);
    rejects('a eq bjensen', 5, /expected a comparison value/);
  });

  it('rejects pr followed by a value', () => {
    rejects('a pr "x"', 5, /"pr" takes no value/);
    rejects('a pr 1', 5, /"pr" takes no value/);
    rejects('a pr TRUE', 5, /"pr" takes no value/);
  });

  it('rejects unbalanced parentheses', () => {
    rejects('(a pr', 5, /unexpected end of filter.*"\)" to close the "\(" at position 0/);
    rejects('((a pr)', 7, /"\)" to close the "\(" at position 0/);
    rejects('a pr)', 4, /unexpected "\)"/);
    rejects('(a pr))', 6, /unexpected "\)"/);
    rejects(')', 0, /expected an attribute name/);
    rejects('()', 1, /expected an attribute name.*found "\)"/);
    rejects('(a pr b pr)', 6, /expected "and", "or" or "\)"/);
  });

  it('rejects trailing garbage and dangling logic', () => {
    rejects('a pr b pr', 5, /expected "and", "or" or end of filter.*found "b"/);
    rejects('a eq "x" "y"', 9, /found "\\"y\\""/);
    rejects('a pr and', 8, /unexpected end of filter.*attribute name/);
    rejects('a pr and or b pr', 9, /expected an attribute name.*found "or"/);
    rejects('and pr', 0, /expected an attribute name/);
    rejects('a eq "x" & b pr', 9, /unexpected character "&"/);
  });

  it('rejects not without parentheses', () => {
    rejects('not a pr', 4, /expected "\(" after "not"/);
    rejects('not', 3, /unexpected end of filter.*"\(" after "not"/);
  });

  it('rejects bad strings', () => {
    rejects('userName eq "abc', 12, /unterminated string starting/);
    rejects('a eq "x\\', 5, /unterminated string starting/);
    rejects('a eq "\\q"', 6, /invalid escape "\\q"/);
    rejects('a eq "ab\\u12G4"', 8, /invalid \\u escape/);
    rejects('a eq "\\u12"', 6, /invalid \\u escape/);
    rejects('a eq "x\ny"', 7, /control character/);
  });

  it('rejects bad numbers', () => {
    rejects('a eq 01', 5, /invalid number/);
    rejects('a eq 1.', 5, /invalid number/);
    rejects('a eq -', 5, /invalid number/);
    rejects('a eq 1e', 5, /invalid number/);
    rejects('a eq 1abc', 5, /invalid number/);
    rejects('a eq 1e999', 5, /number out of range/);
  });

  it('rejects values of the wrong type for the operator', () => {
    for (const op of ['co', 'sw', 'ew']) {
      rejects(`a ${op} true`, 5, new RegExp(`"${op}" requires a string value`));
      rejects(`a ${op} null`, 5, /requires a string value/);
      rejects(`a ${op} 1`, 5, /requires a string value/);
    }
    for (const op of ['gt', 'ge', 'lt', 'le']) {
      rejects(`a ${op} false`, 5, new RegExp(`"${op}" requires a string or number value`));
      rejects(`a ${op} NULL`, 5, /requires a string or number value/);
    }
  });

  it('reads value filters and schema-qualified attribute paths (RFC 7644 §3.4.2.2, §3.10)', () => {
    assert.deepEqual(parseFilter('emails[type eq "work" and value co "@example.com"]'), {
      kind: 'valuePath',
      attr: 'emails',
      filter: {
        kind: 'and',
        left: { kind: 'compare', attr: 'type', op: 'eq', value: 'work' },
        right: { kind: 'compare', attr: 'value', op: 'co', value: '@example.com' },
      },
    });
    assert.deepEqual(parseFilter('userType eq "Employee" and (emails[value ew ".org"] or not (emails pr))'), {
      kind: 'and',
      left: { kind: 'compare', attr: 'userType', op: 'eq', value: 'Employee' },
      right: {
        kind: 'or',
        left: { kind: 'valuePath', attr: 'emails', filter: { kind: 'compare', attr: 'value', op: 'ew', value: '.org' } },
        right: { kind: 'not', expr: { kind: 'present', attr: 'emails' } },
      },
    });
    assert.deepEqual(parseFilter('urn:ietf:params:scim:schemas:core:2.0:User:name.givenName sw "B"'), {
      kind: 'compare', attr: 'urn:ietf:params:scim:schemas:core:2.0:User:name.givenName', op: 'sw', value: 'B',
    });
    assert.deepEqual(parseFilter('urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber pr'), {
      kind: 'present', attr: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber',
    });
    assert.deepEqual(splitAttrPath('urn:ietf:params:scim:schemas:core:2.0:User:name.givenName'), {
      schema: 'urn:ietf:params:scim:schemas:core:2.0:User', name: 'name.givenName',
    });
    assert.deepEqual(splitAttrPath('userName'), { schema: undefined, name: 'userName' });
  });

  it('rejects bad value filters and attribute paths', () => {
    rejects('emails[type eq "work"', 21, /"\]" to close the "\[" at position 6/);
    rejects('emails[type eq "work")', 21, /"and", "or" or "\]"/);
    rejects('emails[type eq "work"].value pr', 22, /unexpected character "\."/);
    rejects('emails[x[y eq 1]]', 8, /cannot hold another/);
    rejects('name.givenName[x eq 1]', 14, /not a sub-attribute/);
    rejects('type eq "a"]', 11, /without a matching "\["/);
    rejects('urn:ietf:params:scim:schemas:core:2.0:User: pr', 43, /attribute name after the schema URI/);
    rejects('name. pr', 5, /sub-attribute name/);
    rejects('a.b.c pr', 3, /one level of sub-attribute/);
    rejects('1abc pr', 0, /invalid number/);
  });

  it('rejects input longer than maxLength', () => {
    const exactly4096 = `a eq "${'x'.repeat(4089)}"`;
    assert.equal(exactly4096.length, 4096);
    assert.equal(parseFilter(exactly4096).kind, 'compare');
    rejects(`a eq "${'x'.repeat(4090)}"`, 4096, /longer than 4096 characters/);
    rejects('a pr', 3, /longer than 3 characters/, { maxLength: 3 });
  });

  it('rejects nesting deeper than maxDepth, counting parentheses and not', () => {
    const parens = (n: number): string => '('.repeat(n) + 'a pr' + ')'.repeat(n);
    const nots = (n: number): string => 'not ('.repeat(n) + 'a pr' + ')'.repeat(n);
    assert.equal(parseFilter(parens(32)).kind, 'present');
    rejects(parens(33), 32, /nested deeper than 32 levels/);
    assert.equal(parseFilter(nots(16)).kind, 'not');
    rejects(nots(17), 80, /nested deeper than 32 levels/);
    assert.equal(parseFilter('((a pr))', { maxDepth: 2 }).kind, 'present');
    rejects('(((a pr)))', 2, /nested deeper than 2 levels/, { maxDepth: 2 });
    rejects('not ((a pr))', 5, /nested deeper than 2 levels/, { maxDepth: 2 });
    rejects('not (a pr)', 0, /nested deeper than 0 levels/, { maxDepth: 0 });
  });

  it('never overflows the stack on deep nesting', () => {
    rejects('('.repeat(200_000), 32, /nested deeper/, { maxLength: Infinity });
    rejects('not ('.repeat(200_000), 80, /nested deeper/, { maxLength: Infinity });
    // With the depth limit lifted, exhausting the stack must still surface as FilterSyntaxError.
    assert.throws(
      () => parseFilter('('.repeat(1_000_000) + 'a pr', { maxLength: Infinity, maxDepth: Infinity }),
      FilterSyntaxError,
    );
  });

  it('throws only FilterSyntaxError, even for a non-string at runtime', () => {
    assert.throws(() => parseFilter(undefined as unknown as string), FilterSyntaxError);
    const err = (() => {
      try {
        parseFilter('a eq');
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    assert.ok(err instanceof Error);
    assert.ok(err instanceof FilterSyntaxError);
    assert.equal(err.name, 'FilterSyntaxError');
  });
});

describe('parseFilter: deterministic fuzz', () => {
  function prng(seed: number): () => number {
    let s = seed >>> 0;
    return () => {
      s = (s + 0x6d2b79f5) >>> 0;
      let t = s;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  function assertNodeShape(node: FilterNode, depth = 0): void {
    assert.ok(depth < 10_000);
    switch (node.kind) {
      case 'compare':
        assert.ok(OPS.includes(node.op));
        assert.equal(typeof node.attr, 'string');
        assert.ok(['string', 'number', 'boolean'].includes(typeof node.value) || node.value === null);
        return;
      case 'present':
        assert.equal(typeof node.attr, 'string');
        return;
      case 'and':
      case 'or':
        assertNodeShape(node.left, depth + 1);
        assertNodeShape(node.right, depth + 1);
        return;
      case 'not':
        assertNodeShape(node.expr, depth + 1);
        return;
      default:
        assert.fail(`unknown node ${JSON.stringify(node)}`);
    }
  }

  it('produces a node or a FilterSyntaxError for random strings from the alphabet', () => {
    const pieces = [
      ' ', ' ', '\t', '(', ')', '[', ']', '"', '\\', '\\u', '\\"', 'a', 'name.givenName', '.', '-', '0', '1', '9',
      'e', 'E', '+', 'eq', 'NE', 'co', 'sw', 'ew', 'gt', 'ge', 'lt', 'le', 'pr', 'and', 'OR', 'not', 'true',
      'False', 'null', '"x"', '"\\u00e9"', '"\\q"', '1.5e3', '-2', '\n', 'é', '😀', ':', '&', 'x eq "y"',
    ];
    const rand = prng(0x5c1f);
    let parsed = 0;
    for (let i = 0; i < 4000; i++) {
      const count = 1 + Math.floor(rand() * 14);
      let input = '';
      for (let j = 0; j < count; j++) input += pieces[Math.floor(rand() * pieces.length)];
      try {
        assertNodeShape(parseFilter(input));
        parsed++;
      } catch (err) {
        if (!(err instanceof FilterSyntaxError)) {
          throw new Error(`non-FilterSyntaxError for ${JSON.stringify(input)}: ${String(err)}`);
        }
        const { position } = err;
        assert.ok(position !== undefined && Number.isInteger(position) && position >= 0 && position <= input.length, JSON.stringify(input));
      }
    }
    assert.ok(parsed > 0, 'the fuzz corpus should contain some valid filters');
  });

  it('round-trips random ASTs through a serializer', () => {
    const rand = prng(0xf117e4);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T;
    const randomCase = (word: string): string =>
      [...word].map((ch) => (rand() < 0.5 ? ch.toUpperCase() : ch)).join('');
    const ws = (): string => pick([' ', '  ', '\t', ' \t ']);
    const attrs = ['userName', 'name.givenName', 'emails', 'x-1_y', 'meta.lastModified'];

    function randomString(): string {
      let out = '';
      const n = Math.floor(rand() * 6);
      const chars = ['a', 'Z', ' ', '"', '\\', '/', '\n', '\t', '\u0001', 'é', '😀', '\ud800', '(', ')'];
      for (let i = 0; i < n; i++) out += pick(chars);
      return out;
    }

    function randomNode(budget: number): FilterNode {
      const roll = rand();
      if (budget <= 0 || roll < 0.4) {
        const attr = pick(attrs);
        if (rand() < 0.15) return pr(attr);
        const op = pick(OPS);
        let value: FilterValue;
        if (op === 'co' || op === 'sw' || op === 'ew') value = randomString();
        else if (op === 'eq' || op === 'ne') value = pick([randomString(), 17, -3.5, true, false, null]);
        else value = pick([randomString(), 0, 42, -1.25e-7, 1e21]);
        return cmp(attr, op, value);
      }
      if (roll < 0.55) return not(randomNode(budget - 1));
      const left = randomNode(budget - 1);
      const right = randomNode(budget - 1);
      return roll < 0.8 ? and(left, right) : or(left, right);
    }

    const precedence = (node: FilterNode): number => (node.kind === 'or' ? 1 : node.kind === 'and' ? 2 : 3);

    function serialize(node: FilterNode): string {
      switch (node.kind) {
        case 'present':
          return `${node.attr}${ws()}${randomCase('pr')}`;
        case 'compare': {
          const value = typeof node.value === 'string' ? JSON.stringify(node.value) : randomCase(String(node.value));
          return `${node.attr}${ws()}${randomCase(node.op)}${ws()}${value}`;
        }
        case 'not':
          return `${randomCase('not')}${pick(['', ' '])}(${serialize(node.expr)})`;
        case 'valuePath':
          return `${node.attr}[${serialize(node.filter)}]`;
        case 'and':
        case 'or': {
          const p = precedence(node);
          const leftText = serialize(node.left);
          const rightText = serialize(node.right);
          const left = precedence(node.left) < p || rand() < 0.1 ? `(${leftText})` : leftText;
          const right = precedence(node.right) <= p ? `(${rightText})` : rightText;
          return `${left}${ws()}${randomCase(node.kind)}${ws()}${right}`;
        }
      }
    }

    for (let i = 0; i < 1500; i++) {
      const node = randomNode(5);
      const text = serialize(node);
      assert.deepEqual(parseFilter(text, { maxLength: 100_000 }), node, text);
    }
  });
});
