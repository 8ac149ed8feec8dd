// What the database holds at rest, for tests that prove a secret is never stored in clear.
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import type { TestServer } from './server.ts';

/** Every row of every table as JSON text; `mustHave` names a table that must be among them. */
export async function storedText(server: TestServer, mustHave: string): Promise<string> {
  const tables = await sql<{ name: string }>`
    SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`.execute(server.store.db);
  assert.ok(tables.rows.some((t) => t.name === mustHave));
  let text = '';
  for (const { name } of tables.rows) {
    const rows = await sql<{ j: string }>`SELECT row_to_json(t)::text AS j FROM ${sql.table(name)} t`.execute(server.store.db);
    text += rows.rows.map((r) => r.j).join('\n');
  }
  return text;
}
