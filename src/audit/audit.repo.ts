// SQL for the audit log: one insert per event, the newest-first list with SCIM filters, and the
// retention purge.
import { sql, type Kysely, type Selectable } from 'kysely';
import type { AuditEventsTable, Database } from '../store/schema.ts';
import { compileFilter, type FilterTarget } from '../store/sql-filter.ts';
import type { AuditEvent } from './audit.model.ts';

type Db = Kysely<Database>;

const FILTER: FilterTarget = {
  table: 'audit_events',
  attributes: {
    id: { column: 'id', kind: 'uuid' },
    action: { column: 'action', kind: 'exact' },
    outcome: { column: 'outcome', kind: 'exact' },
    'actor.type': { column: 'actor_type', kind: 'exact' },
    'actor.id': { column: 'actor_id', kind: 'uuid' },
    'actor.username': { column: 'actor_username', kind: 'text' },
    'target.type': { column: 'target_type', kind: 'exact' },
    'target.id': { column: 'target_id', kind: 'text' },
    time: { column: 'time', kind: 'time' },
    requestid: { column: 'request_id', kind: 'exact' },
    ip: { column: 'ip', kind: 'exact' },
  },
  names: ['id', 'action', 'outcome', 'actor.type', 'actor.id', 'actor.username', 'target.type', 'target.id', 'time', 'requestId', 'ip'],
};

function toEvent(row: Selectable<AuditEventsTable>): AuditEvent {
  return {
    id: row.id,
    time: new Date(row.time),
    action: row.action,
    outcome: row.outcome as AuditEvent['outcome'],
    actor: { type: row.actor_type as AuditEvent['actor']['type'], id: row.actor_id, username: row.actor_username },
    target: row.target_type === null ? null : { type: row.target_type, id: row.target_id },
    ip: row.ip,
    userAgent: row.user_agent,
    requestId: row.request_id,
    changes: row.changes,
  };
}

export async function insertAuditEvent(db: Db, event: AuditEvent): Promise<void> {
  await db
    .insertInto('audit_events')
    .values({
      id: event.id,
      time: event.time,
      action: event.action,
      outcome: event.outcome,
      actor_type: event.actor.type,
      actor_id: event.actor.id,
      actor_username: event.actor.username,
      target_type: event.target?.type ?? null,
      target_id: event.target?.id ?? null,
      ip: event.ip,
      user_agent: event.userAgent,
      request_id: event.requestId,
      changes: event.changes,
    })
    .execute();
}

export interface AuditQuery {
  filter?: string;
  since?: Date;
  until?: Date;
  /** Events older than this id (the previous page's last). */
  beforeId?: string;
  limit: number;
}

/** Newest first (ids are UUIDv7: id order is time order). Throws FilterSyntaxError for a bad filter. */
export async function listAuditEvents(db: Db, query: AuditQuery): Promise<AuditEvent[]> {
  let select = db.selectFrom('audit_events').selectAll();
  if (query.filter) select = select.where(compileFilter(query.filter, FILTER));
  if (query.since) select = select.where('time', '>=', query.since);
  if (query.until) select = select.where('time', '<', query.until);
  if (query.beforeId) select = select.where('id', '<', query.beforeId);
  const rows = await select.orderBy('id', 'desc').limit(query.limit).execute();
  return rows.map(toEvent);
}

export async function purgeAuditEvents(db: Db, before: Date): Promise<number> {
  const result = await db.deleteFrom('audit_events').where('time', '<', before).executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function countAuditEvents(db: Db): Promise<number> {
  const [{ n }] = await db.selectFrom('audit_events').select(sql<number>`count(*)::int`.as('n')).execute();
  return n;
}
