// Parser for the SCIM 2.0 filter grammar (RFC 7644 §3.4.2.2): comparisons, `pr`, and/or/not,
// parentheses, value filters on multi-valued attributes (`emails[type eq "work"]`) and attribute
// paths with a schema URI (`urn:…:enterprise:2.0:User:employeeNumber`). What an attribute means
// is the compiler's business (store/sql-filter.ts); this only reads the text.

export type FilterValue = string | number | boolean | null;
export type CompareOp = 'eq' | 'ne' | 'co' | 'sw' | 'ew' | 'gt' | 'ge' | 'lt' | 'le';
export type FilterNode =
  | { kind: 'compare'; attr: string; op: CompareOp; value: FilterValue }
  | { kind: 'present'; attr: string }
  | { kind: 'and'; left: FilterNode; right: FilterNode }
  | { kind: 'or'; left: FilterNode; right: FilterNode }
  | { kind: 'not'; expr: FilterNode }
  /** `attr[filter]`: one value of the multi-valued `attr` meets `filter`, whose names are its sub-attributes. */
  | { kind: 'valuePath'; attr: string; filter: FilterNode };

export class FilterSyntaxError extends Error {
  /** Where in the input the problem lies, when known. */
  readonly position: number | undefined;
  /** The query parameter at fault: the filter, or the attribute to sort by. */
  readonly parameter: 'filter' | 'sortBy';

  constructor(message: string, position?: number, parameter: 'filter' | 'sortBy' = 'filter') {
    super(message);
    this.name = 'FilterSyntaxError';
    this.position = position;
    this.parameter = parameter;
  }
}

type TokenType = 'word' | 'string' | 'number' | '(' | ')' | '[' | ']' | 'end';

interface Token {
  type: TokenType;
  pos: number;
  text: string; // as written, for error messages
  value: string | number; // decoded value of string and number tokens
}

const COMPARE_OPS: ReadonlySet<string> = new Set(['eq', 'ne', 'co', 'sw', 'ew', 'gt', 'ge', 'lt', 'le']);
const ESCAPES: ReadonlyMap<string, string> = new Map([
  ['"', '"'], ['\\', '\\'], ['/', '/'], ['b', '\b'], ['f', '\f'], ['n', '\n'], ['r', '\r'], ['t', '\t'],
]);
const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
const HEX4 = /^[0-9A-Fa-f]{4}$/;
const ALPHA = /^[A-Za-z]$/;
const NAME_CHAR = /^[A-Za-z0-9_-]$/;
/** Characters of a schema URI such as urn:ietf:params:scim:schemas:core:2.0:User. */
const URI_CHAR = /^[A-Za-z0-9_.:-]$/;

function fail(what: string, pos: number): FilterSyntaxError {
  return new FilterSyntaxError(`${what} at position ${pos}`, pos);
}

function isWord(t: Token, keyword: string): boolean {
  return t.type === 'word' && t.text.toLowerCase() === keyword;
}

function isLiteral(t: Token): boolean {
  return isWord(t, 'true') || isWord(t, 'false') || isWord(t, 'null');
}

function isCompareOp(op: string): op is CompareOp {
  return COMPARE_OPS.has(op);
}

class Parser {
  position = 0;
  private peeked: Token | undefined;
  private readonly input: string;
  private readonly maxDepth: number;

  /** Inside `attr[…]`, where another value filter may not open. */
  private inValuePath = false;

  constructor(input: string, maxDepth: number) {
    this.input = input;
    this.maxDepth = maxDepth;
  }

  parse(): FilterNode {
    const node = this.parseOr(0);
    const t = this.peek();
    if (t.type === ')') throw fail('unexpected ")" without a matching "("', t.pos);
    if (t.type === ']') throw fail('unexpected "]" without a matching "["', t.pos);
    if (t.type !== 'end') throw this.unexpected(t, '"and", "or" or end of filter');
    return node;
  }

  // and/or chains are loops, so only "(" and "not" recurse; enter() bounds that recursion.
  private parseOr(depth: number): FilterNode {
    let left = this.parseAnd(depth);
    while (isWord(this.peek(), 'or')) {
      this.next();
      left = { kind: 'or', left, right: this.parseAnd(depth) };
    }
    return left;
  }

  private parseAnd(depth: number): FilterNode {
    let left = this.parseUnary(depth);
    while (isWord(this.peek(), 'and')) {
      this.next();
      left = { kind: 'and', left, right: this.parseUnary(depth) };
    }
    return left;
  }

  private parseUnary(depth: number): FilterNode {
    const t = this.next();
    if (t.type === '(') {
      const inner = this.parseOr(this.enter(depth, t));
      this.close(t);
      return inner;
    }
    if (isWord(t, 'not')) {
      const notDepth = this.enter(depth, t);
      const open = this.next();
      if (open.type !== '(') throw this.unexpected(open, '"(" after "not"');
      const expr = this.parseOr(this.enter(notDepth, open));
      this.close(open);
      return { kind: 'not', expr };
    }
    if (t.type === 'word' && !isWord(t, 'and') && !isWord(t, 'or')) return this.parseAttrExpr(t, depth);
    throw this.unexpected(t, 'an attribute name, "(" or "not"');
  }

  private parseAttrExpr(attr: Token, depth: number): FilterNode {
    const t = this.next();
    if (t.type === '[') return this.parseValuePath(attr, t, depth);
    const op = t.type === 'word' ? t.text.toLowerCase() : '';
    if (op === 'pr') {
      const after = this.peek();
      const hasValue = after.type === 'string' || after.type === 'number' || isLiteral(after);
      if (hasValue) throw fail('"pr" takes no value', after.pos);
      return located({ kind: 'present', attr: attr.text }, { attr: attr.pos, op: t.pos, value: t.pos });
    }
    const expectedOp = 'a comparison operator (eq, ne, co, sw, ew, gt, ge, lt, le) or "pr"';
    if (!isCompareOp(op)) throw this.unexpected(t, expectedOp);
    const v = this.next();
    let value: FilterValue;
    if (v.type === 'string' || v.type === 'number') value = v.value;
    else if (isLiteral(v)) value = v.text.toLowerCase() === 'null' ? null : v.text.toLowerCase() === 'true';
    else throw this.unexpected(v, 'a comparison value (a string, number, true, false or null)');

    if ((op === 'co' || op === 'sw' || op === 'ew') && typeof value !== 'string') {
      throw fail(`"${op}" requires a string value`, v.pos);
    }
    if (op !== 'eq' && op !== 'ne' && typeof value !== 'string' && typeof value !== 'number') {
      throw fail(`"${op}" requires a string or number value`, v.pos);
    }
    return located({ kind: 'compare', attr: attr.text, op, value }, { attr: attr.pos, op: t.pos, value: v.pos });
  }

  private parseValuePath(attr: Token, open: Token, depth: number): FilterNode {
    if (this.inValuePath) throw fail('a value filter cannot hold another one', open.pos);
    if (attr.text.includes('.')) throw fail('a value filter applies to an attribute, not a sub-attribute', open.pos);
    this.inValuePath = true;
    const filter = this.parseOr(this.enter(depth, open));
    this.inValuePath = false;
    const t = this.next();
    if (t.type !== ']') throw this.unexpected(t, t.type === 'end' ? `"]" to close the "[" at position ${open.pos}` : '"and", "or" or "]"');
    return located({ kind: 'valuePath', attr: attr.text, filter }, { attr: attr.pos, op: open.pos, value: open.pos });
  }

  private enter(depth: number, t: Token): number {
    if (depth + 1 > this.maxDepth) throw fail(`filter is nested deeper than ${this.maxDepth} levels`, t.pos);
    return depth + 1;
  }

  private close(open: Token): void {
    const t = this.next();
    if (t.type === ')') return;
    throw this.unexpected(t, t.type === 'end' ? `")" to close the "(" at position ${open.pos}` : '"and", "or" or ")"');
  }

  private unexpected(t: Token, expected: string): FilterSyntaxError {
    const message = t.type === 'end'
      ? `unexpected end of filter at position ${t.pos}, expected ${expected}`
      : `expected ${expected} at position ${t.pos}, found ${JSON.stringify(t.text.slice(0, 24))}`;
    return new FilterSyntaxError(message, t.pos);
  }

  private peek(): Token {
    this.peeked ??= this.lex();
    return this.peeked;
  }

  private next(): Token {
    const t = this.peek();
    this.peeked = undefined;
    return t;
  }

  private lex(): Token {
    const s = this.input;
    while (s.charAt(this.position) === ' ' || s.charAt(this.position) === '\t') this.position++;
    const start = this.position;
    const c = s.charAt(start);
    if (start >= s.length) return { type: 'end', pos: start, text: '', value: '' };
    if (c === '(' || c === ')' || c === '[' || c === ']') {
      this.position++;
      return { type: c, pos: start, text: c, value: c };
    }
    if (c === '"') return this.lexString(start);
    if (c === '-' || (c >= '0' && c <= '9')) return this.lexNumber(start);
    if (ALPHA.test(c)) return this.lexWord(start);
    throw fail(`unexpected character ${JSON.stringify(c)}`, start);
  }

  private lexWord(start: number): Token {
    const s = this.input;
    let end = start + 1;
    while (NAME_CHAR.test(s.charAt(end))) end++;
    if (s.charAt(end) === ':') {
      // A schema URI (RFC 7644 §3.10): everything up to the last ":" before the attribute name.
      while (URI_CHAR.test(s.charAt(end))) end++;
      const colon = s.lastIndexOf(':', end - 1);
      end = colon + 1;
      if (!ALPHA.test(s.charAt(end))) throw fail('expected an attribute name after the schema URI', end);
      while (NAME_CHAR.test(s.charAt(end))) end++;
    }
    if (s.charAt(end) === '.') {
      if (!ALPHA.test(s.charAt(end + 1))) throw fail('expected a sub-attribute name after "."', end + 1);
      end += 2;
      while (NAME_CHAR.test(s.charAt(end))) end++;
      if (s.charAt(end) === '.') throw fail('only one level of sub-attribute is allowed', end);
    }
    this.position = end;
    const text = s.slice(start, end);
    return { type: 'word', pos: start, text, value: text };
  }

  private lexNumber(start: number): Token {
    const s = this.input;
    NUMBER.lastIndex = start;
    const match = NUMBER.exec(s);
    const end = match ? start + match[0].length : start;
    // "01", "1.", "1x" would otherwise split into two tokens and yield a confusing later error.
    if (!match || NAME_CHAR.test(s.charAt(end)) || s.charAt(end) === '.') throw fail('invalid number', start);
    const value = Number(match[0]);
    if (!Number.isFinite(value)) throw fail('number out of range', start);
    this.position = end;
    return { type: 'number', pos: start, text: match[0], value };
  }

  private lexString(start: number): Token {
    const s = this.input;
    let out = '';
    let i = start + 1;
    for (;;) {
      if (i >= s.length) throw fail('unterminated string starting', start);
      const c = s.charAt(i);
      if (c === '"') break;
      if (c < ' ') throw fail('control character in string', i);
      if (c !== '\\') {
        out += c;
        i++;
        continue;
      }
      if (i + 1 >= s.length) throw fail('unterminated string starting', start);
      const e = s.charAt(i + 1);
      if (e === 'u') {
        const hex = s.slice(i + 2, i + 6);
        if (!HEX4.test(hex)) throw fail('invalid \\u escape (expected 4 hex digits)', i);
        const code = parseInt(hex, 16);
        // The raw-character check above cannot see an escaped NUL, and no text column holds one.
        if (code === 0) throw fail('NUL character (\\u0000) in string', i);
        out += String.fromCharCode(code);
        i += 6;
        continue;
      }
      const decoded = ESCAPES.get(e);
      if (decoded === undefined) throw fail(`invalid escape "\\${e}"`, i);
      out += decoded;
      i += 2;
    }
    this.position = i + 1;
    return { type: 'string', pos: start, text: s.slice(start, i + 1), value: out };
  }
}

export function parseFilter(input: string, limits?: { maxLength?: number; maxDepth?: number }): FilterNode {
  const maxLength = limits?.maxLength ?? 4096;
  const maxDepth = limits?.maxDepth ?? 32;
  if (typeof input !== 'string') throw new FilterSyntaxError('filter must be a string', 0);
  if (input.length > maxLength) throw fail(`filter is longer than ${maxLength} characters`, maxLength);
  if (/^[ \t]*$/.test(input)) throw fail('empty filter', 0);
  const parser = new Parser(input, maxDepth);
  try {
    return parser.parse();
  } catch (err) {
    // A caller that raises maxDepth far enough can still exhaust the stack; keep the only-FilterSyntaxError contract.
    if (err instanceof RangeError) throw fail('filter is nested too deeply', parser.position);
    throw err;
  }
}

export interface NodePosition {
  attr: number;
  op: number;
  value: number;
}

/** Where each comparison's parts stand in the input, for errors found after parsing. */
export const nodePositions = new WeakMap<FilterNode, NodePosition>();

function located(node: FilterNode, position: NodePosition): FilterNode {
  nodePositions.set(node, position);
  return node;
}

/** An attribute path split into its schema URI (when written) and the name after it. */
export function splitAttrPath(path: string): { schema: string | undefined; name: string } {
  const colon = path.lastIndexOf(':');
  return colon === -1 ? { schema: undefined, name: path } : { schema: path.slice(0, colon), name: path.slice(colon + 1) };
}
