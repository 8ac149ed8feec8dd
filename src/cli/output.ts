// What the CLI prints: a table for people, JSON or NDJSON for programs. Rows go to stdout;
// everything else (progress, problems) to stderr, so stdout can be piped.
export type OutputFormat = 'table' | 'json' | 'ndjson';

/** The options every command takes (`--profile`, `--output`). */
export interface Globals {
  profile?: string;
  output: OutputFormat;
}

type Row = Record<string, unknown>;

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(cell).join(',');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** Aligned columns under upper-case headings, as kubectl prints them. */
export function table(rows: Row[], columns: string[]): string {
  const cells = rows.map((row) => columns.map((column) => cell(row[column]).replace(/\s+/g, ' ')));
  const headings = columns.map((c) => c.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase());
  const widths = headings.map((h, i) => Math.max(h.length, ...cells.map((r) => r[i].length)));
  const line = (values: string[]) => values.map((v, i) => (i === values.length - 1 ? v : v.padEnd(widths[i]))).join('  ').trimEnd();
  return [line(headings), ...cells.map(line)].join('\n') + '\n';
}

export function render(format: OutputFormat, rows: Row[], columns: string[], single = false): string {
  if (format === 'json') return JSON.stringify(single ? rows[0] : rows, null, 2) + '\n';
  if (format === 'ndjson') return rows.map((row) => JSON.stringify(row)).join('\n') + (rows.length ? '\n' : '');
  return table(rows, columns);
}
