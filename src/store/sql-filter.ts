// Turns a SCIM filter (RFC 7644 §3.4.2.2) into SQL conditions over one table, given how each
// filterable attribute maps to a column.
import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import { FilterSyntaxError, nodePositions, parseFilter, splitAttrPath, type FilterNode, type FilterValue, type NodePosition } from '../filter/scim-filter.ts';

/** folded: compared through the app-folded key column; text: case-insensitive; exact; uuid; time; bool. */
export type Kind = 'folded' | 'text' | 'exact' | 'uuid' | 'time' | 'bool';
export interface Attribute {
  column: string;
  kind: Kind;
  /** For folded attributes: how the application folds values for the key column. */
  fold?: (value: string) => string;
  /**
   * The column has an index on reverse(column) text_pattern_ops: `ew` becomes a prefix match on
   * the reversed value, a range scan, where a trigram index would intersect the huge posting
   * lists of common endings ("@example.com").
   */
  suffixIndexed?: boolean;
  /**
   * The attribute's value is part of the target's search text, whose trigram index substring
   * matches (`co`, `ew`) go through before the attribute itself is checked.
   */
  searched?: boolean;
  /** Keys into the JSON column: the attribute is `column -> key … ->> last` (SCIM extension data). */
  json?: string[];
}

export interface FilterTarget {
  table: string;
  /** Keys lower-cased: SCIM attribute names are case-insensitive. */
  attributes: Record<string, Attribute>;
  /** The names to list in errors. */
  names: string[];
  /** Schema URIs (lower case) whose attributes are the target's own: `urn:…:User:userName` is `userName`. */
  coreSchemas?: string[];
  /**
   * The expression of the target's trigram index: the searched attributes' values (folded or
   * lower-cased as they compare) joined, so any one's substring is a substring of it.
   */
  searchText?: RawBuilder<string>;
}

// Errors found after parsing (an unknown attribute, a mistyped value) are reported like syntax
// errors, with their position; the service turns either into its face's error.
function invalid(detail: string, position?: number): FilterSyntaxError {
  return new FilterSyntaxError(detail, position);
}

export function likePattern(value: string, op: 'co' | 'sw' | 'ew'): string {
  const escaped = value.replace(/[\\%_]/g, (c) => '\\' + c);
  return op === 'sw' ? `${escaped}%` : op === 'ew' ? `%${escaped}` : `%${escaped}%`;
}

/** The SQL the attribute reads: its column, or a value inside its JSON column. */
function valueOf(target: FilterTarget, attr: Attribute): RawBuilder<unknown> {
  const col = sql.ref(`${target.table}.${attr.column}`);
  if (!attr.json) return sql`${col}`;
  const keys = attr.json.map((key) => sql.lit(key));
  const inner = keys.slice(0, -1).reduce<RawBuilder<unknown>>((expr, key) => sql`${expr} -> ${key}`, sql`${col}`);
  return sql`(${inner} ->> ${keys[keys.length - 1]})`;
}

const COMPARATORS = { eq: '=', gt: '>', ge: '>=', lt: '<', le: '<=' } as const;

function compare(target: FilterTarget, attr: Attribute, name: string, op: string, value: FilterValue, at: NodePosition | undefined): RawBuilder<SqlBool> {
  const col = valueOf(target, attr);
  if (value === null) {
    if (op === 'eq') return sql<SqlBool>`${col} IS NULL`;
    if (op === 'ne') return sql<SqlBool>`${col} IS NOT NULL`;
    throw invalid(`${op} cannot compare ${name} with null`, at?.op);
  }
  if (attr.kind === 'bool') {
    if (typeof value !== 'boolean' || (op !== 'eq' && op !== 'ne')) {
      throw invalid(`${name} is a boolean: use eq or ne with true or false`, at?.value);
    }
    return op === 'eq' ? sql<SqlBool>`${col} = ${value}` : sql<SqlBool>`${col} IS DISTINCT FROM ${value}`;
  }
  if (typeof value !== 'string') throw invalid(`${name} must be compared with a string`, at?.value);
  if (attr.kind === 'time') {
    const time = new Date(value);
    // Year 0 parses in JavaScript but is out of PostgreSQL's range.
    if (Number.isNaN(time.getTime()) || !/^\d{4}-\d{2}-\d{2}/.test(value) || time.getUTCFullYear() < 1) {
      throw invalid(`${name} must be compared with an RFC 3339 timestamp`, at?.value);
    }
    if (op === 'co' || op === 'sw' || op === 'ew') throw invalid(`${op} does not apply to the timestamp ${name}`, at?.op);
    if (op === 'ne') return sql<SqlBool>`${col} IS DISTINCT FROM ${time}`;
    return sql<SqlBool>`${col} ${sql.raw(COMPARATORS[op as keyof typeof COMPARATORS])} ${time}`;
  }
  // uuid columns compare as text, so a malformed id matches nothing instead of failing.
  const left = attr.kind === 'uuid' ? sql`${col}::text` : attr.kind === 'text' ? sql`lower(${col})` : col;
  const right = attr.kind === 'folded' ? (attr.fold ?? ((v: string) => v.toLowerCase()))(value) : attr.kind === 'text' || attr.kind === 'uuid' ? value.toLowerCase() : value;
  if (op === 'ew' && attr.suffixIndexed) {
    // PostgreSQL's reverse() reverses characters (code points), as spreading a string does.
    return sql<SqlBool>`reverse(${left}) LIKE ${likePattern([...right].reverse().join(''), 'sw')}`;
  }
  if (op === 'co' || op === 'sw' || op === 'ew') {
    const matches = sql<SqlBool>`${left} LIKE ${likePattern(right, op)}`;
    // A prefix (sw) is a range scan of the column's own text_pattern_ops index.
    if (!attr.searched || !target.searchText || op === 'sw') return matches;
    return sql<SqlBool>`(${target.searchText} LIKE ${likePattern(right, 'co')} AND ${matches})`;
  }
  if (op === 'ne') return sql<SqlBool>`${left} IS DISTINCT FROM ${right}`;
  return sql<SqlBool>`${left} ${sql.raw(COMPARATORS[op as keyof typeof COMPARATORS])} ${right}`;
}

function lookup(target: FilterTarget, name: string, position: number | undefined): Attribute {
  const path = splitAttrPath(name);
  const own = path.schema !== undefined && (target.coreSchemas ?? []).includes(path.schema.toLowerCase());
  // An own-property check: "constructor" or "__proto__" must be unknown, not Object.prototype's.
  const key = (own ? path.name : name).toLowerCase();
  const attr = Object.hasOwn(target.attributes, key) ? target.attributes[key] : undefined;
  if (!attr) throw invalid(`unknown attribute "${name}"; filterable: ${target.names.join(', ')}`, position);
  return attr;
}

function compile(target: FilterTarget, node: FilterNode): RawBuilder<SqlBool> {
  switch (node.kind) {
    case 'and':
      return sql<SqlBool>`(${compile(target, node.left)} AND ${compile(target, node.right)})`;
    case 'or':
      return sql<SqlBool>`(${compile(target, node.left)} OR ${compile(target, node.right)})`;
    case 'not':
      // NOT over a NULL comparison stays NULL in SQL; SCIM expects "not matched" to be a match.
      return sql<SqlBool>`(${compile(target, node.expr)}) IS NOT TRUE`;
    case 'present': {
      const attr = lookup(target, node.attr, nodePositions.get(node)?.attr);
      const col = valueOf(target, attr);
      if (attr.kind === 'time' || attr.kind === 'bool') return sql<SqlBool>`${col} IS NOT NULL`;
      return sql<SqlBool>`(${col} IS NOT NULL AND ${col}::text <> '')`;
    }
    case 'compare': {
      const at = nodePositions.get(node);
      return compare(target, lookup(target, node.attr, at?.attr), node.attr, node.op, node.value, at);
    }
    case 'valuePath':
      // Every multi-valued attribute Roster filters on holds one value (one email), so "a value
      // meets all of this" is "the attribute's sub-attributes meet it": emails[value ew "x"] is
      // emails.value ew "x".
      return compile(target, qualified(node.filter, node.attr));
  }
}

/** The filter with each attribute name read as a sub-attribute of `parent`. */
function qualified(node: FilterNode, parent: string): FilterNode {
  let out: FilterNode;
  switch (node.kind) {
    case 'and':
    case 'or':
      out = { kind: node.kind, left: qualified(node.left, parent), right: qualified(node.right, parent) };
      break;
    case 'not':
      out = { kind: 'not', expr: qualified(node.expr, parent) };
      break;
    case 'valuePath':
      out = node;
      break;
    default:
      out = { ...node, attr: `${parent}.${node.attr}` };
  }
  const at = nodePositions.get(node);
  if (at) nodePositions.set(out, at);
  return out;
}

/** The column to sort by for an attribute name (SCIM sortBy), as the filter would read it. */
export function sortColumn(target: FilterTarget, name: string): RawBuilder<unknown> {
  let attr: Attribute;
  try {
    attr = lookup(target, name, undefined);
  } catch (error) {
    throw new FilterSyntaxError((error as Error).message.replace('filterable', 'sortable'), undefined, 'sortBy');
  }
  const col = valueOf(target, attr);
  return attr.kind === 'text' ? sql`lower(${col})` : sql`${col}`;
}

/** ORDER BY for a SCIM sortBy/sortOrder, read before the query runs so a bad attribute is refused first. */
export function sortOrder(target: FilterTarget, sort: { by: string; descending: boolean } | undefined): RawBuilder<unknown> | undefined {
  return sort && sql`${sortColumn(target, sort.by)} ${sql.raw(sort.descending ? 'DESC' : 'ASC')} NULLS LAST`;
}

/** Throws FilterSyntaxError for a filter that does not parse or does not fit the target. */
export function compileFilter(filter: string, target: FilterTarget): Expression<SqlBool> {
  return compile(target, parseFilter(filter));
}
