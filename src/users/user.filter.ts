// Turns a SCIM filter (RFC 7644 §3.4.2.2) and the list shortcuts into SQL conditions on users.
import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import { FilterSyntaxError, nodePositions, parseFilter, type FilterNode, type FilterValue, type NodePosition } from '../filter/scim-filter.ts';
import { ProblemError } from '../http/problem.ts';
import { foldKey } from './user.model.ts';

type Kind = 'folded' | 'text' | 'exact' | 'time' | 'bool';
interface Attribute {
  column: string;
  kind: Kind;
}

// Keys are lower-cased: SCIM attribute names are case-insensitive. SCIM spellings are aliases.
const ATTRIBUTES: Record<string, Attribute> = {
  id: { column: 'id', kind: 'exact' },
  username: { column: 'username_key', kind: 'folded' },
  name: { column: 'name', kind: 'text' },
  displayname: { column: 'name', kind: 'text' },
  givenname: { column: 'given_name', kind: 'text' },
  'name.givenname': { column: 'given_name', kind: 'text' },
  familyname: { column: 'family_name', kind: 'text' },
  'name.familyname': { column: 'family_name', kind: 'text' },
  email: { column: 'email_key', kind: 'folded' },
  emails: { column: 'email_key', kind: 'folded' },
  'emails.value': { column: 'email_key', kind: 'folded' },
  phone: { column: 'phone', kind: 'exact' },
  locale: { column: 'locale', kind: 'text' },
  status: { column: 'status', kind: 'text' },
  type: { column: 'type', kind: 'text' },
  role: { column: 'role', kind: 'text' },
  path: { column: 'path', kind: 'text' },
  externalid: { column: 'external_id', kind: 'exact' },
  emailverified: { column: 'email_verified', kind: 'bool' },
  mfaenabled: { column: 'mfa_enabled', kind: 'bool' },
  createdat: { column: 'created_at', kind: 'time' },
  'meta.created': { column: 'created_at', kind: 'time' },
  updatedat: { column: 'updated_at', kind: 'time' },
  'meta.lastmodified': { column: 'updated_at', kind: 'time' },
  lastlogin: { column: 'last_login', kind: 'time' },
};

export const FILTERABLE_USER_ATTRIBUTES = [
  'id', 'username', 'name', 'givenName', 'familyName', 'email', 'phone', 'locale', 'status', 'type', 'role',
  'path', 'externalId', 'emailVerified', 'mfaEnabled', 'createdAt', 'updatedAt', 'lastLogin',
];

function invalid(detail: string, position?: number): ProblemError {
  return new ProblemError({
    status: 400,
    code: 'filter.invalid',
    slug: 'invalid-filter',
    detail: `The filter is not valid: ${detail}.`,
    errors: [{ parameter: 'filter', detail, code: 'invalid_filter' }],
    extensions: position === undefined ? {} : { position },
  });
}

function likePattern(value: string, op: 'co' | 'sw' | 'ew'): string {
  const escaped = value.replace(/[\\%_]/g, (c) => '\\' + c);
  return op === 'sw' ? `${escaped}%` : op === 'ew' ? `%${escaped}` : `%${escaped}%`;
}

const COMPARATORS = { eq: '=', gt: '>', ge: '>=', lt: '<', le: '<=' } as const;

function compare(attr: Attribute, name: string, op: string, value: FilterValue, at: NodePosition | undefined): RawBuilder<SqlBool> {
  const col = sql.ref(`users.${attr.column}`);
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
    if (Number.isNaN(time.getTime()) || !/^\d{4}-\d{2}-\d{2}/.test(value)) {
      throw invalid(`${name} must be compared with an RFC 3339 timestamp`, at?.value);
    }
    if (op === 'co' || op === 'sw' || op === 'ew') throw invalid(`${op} does not apply to the timestamp ${name}`, at?.op);
    if (op === 'ne') return sql<SqlBool>`${col} IS DISTINCT FROM ${time}`;
    return sql<SqlBool>`${col} ${sql.raw(COMPARATORS[op as keyof typeof COMPARATORS])} ${time}`;
  }
  // id is a uuid column; compare its text so a malformed id matches nothing instead of failing.
  const left = attr.column === 'id' ? sql`${col}::text` : attr.kind === 'text' ? sql`lower(${col})` : col;
  const right = attr.kind === 'folded' ? foldKey(value) : attr.kind === 'text' ? value.toLowerCase() : value;
  if (op === 'co' || op === 'sw' || op === 'ew') {
    const pattern = likePattern(right, op);
    return sql<SqlBool>`${left} LIKE ${pattern}`;
  }
  if (op === 'ne') return sql<SqlBool>`${left} IS DISTINCT FROM ${right}`;
  return sql<SqlBool>`${left} ${sql.raw(COMPARATORS[op as keyof typeof COMPARATORS])} ${right}`;
}

function lookup(name: string, position: number | undefined): Attribute {
  const attr = ATTRIBUTES[name.toLowerCase()];
  if (!attr) throw invalid(`unknown attribute "${name}"; filterable: ${FILTERABLE_USER_ATTRIBUTES.join(', ')}`, position);
  return attr;
}

function compile(node: FilterNode): RawBuilder<SqlBool> {
  switch (node.kind) {
    case 'and':
      return sql<SqlBool>`(${compile(node.left)} AND ${compile(node.right)})`;
    case 'or':
      return sql<SqlBool>`(${compile(node.left)} OR ${compile(node.right)})`;
    case 'not':
      // NOT over a NULL comparison stays NULL in SQL; SCIM expects "not matched" to be a match.
      return sql<SqlBool>`(${compile(node.expr)}) IS NOT TRUE`;
    case 'present': {
      const attr = lookup(node.attr, nodePositions.get(node)?.attr);
      const col = sql.ref(`users.${attr.column}`);
      if (attr.kind === 'time' || attr.kind === 'bool') return sql<SqlBool>`${col} IS NOT NULL`;
      return sql<SqlBool>`(${col} IS NOT NULL AND ${col}::text <> '')`;
    }
    case 'compare': {
      const at = nodePositions.get(node);
      return compare(lookup(node.attr, at?.attr), node.attr, node.op, node.value, at);
    }
  }
}

export function compileUserFilter(filter: string): Expression<SqlBool> {
  try {
    return compile(parseFilter(filter));
  } catch (error) {
    if (error instanceof FilterSyntaxError) throw invalid(error.message, error.position);
    throw error;
  }
}

/** Free-text search over username, name and email. */
export function searchCondition(q: string): Expression<SqlBool> {
  const pattern = likePattern(q.toLowerCase(), 'co');
  const folded = likePattern(foldKey(q), 'co');
  return sql<SqlBool>`(users.username_key LIKE ${folded} OR lower(users.name) LIKE ${pattern} OR users.email_key LIKE ${folded})`;
}
