// SQL for webhooks and their deliveries.
import { sql, type Kysely, type Selectable } from 'kysely';
import type { Database, WebhookDeliveriesTable, WebhooksTable } from '../store/schema.ts';
import type { Delivery, Webhook } from './webhook.model.ts';

type Db = Kysely<Database>;

function toWebhook(row: Selectable<WebhooksTable>): Webhook & { secretSealed: string } {
  return {
    id: row.id,
    url: row.url,
    events: row.events,
    active: row.active,
    description: row.description,
    secretSealed: row.secret_sealed,
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
  };
}

function toDelivery(row: Selectable<WebhookDeliveriesTable>): Delivery {
  return {
    id: row.id,
    webhookId: row.webhook_id,
    eventId: row.event_id,
    type: row.type,
    body: row.body,
    status: row.status as Delivery['status'],
    attempts: row.attempts,
    responseStatus: row.response_status,
    lastError: row.last_error,
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
  };
}

export async function insertWebhook(db: Db, hook: Webhook & { secretSealed: string }): Promise<void> {
  await db
    .insertInto('webhooks')
    .values({
      id: hook.id,
      url: hook.url,
      events: hook.events,
      active: hook.active,
      description: hook.description,
      secret_sealed: hook.secretSealed,
      created_at: hook.createdAt,
      updated_at: hook.updatedAt,
    })
    .execute();
}

export async function getWebhook(db: Db, id: string, options: { forUpdate?: boolean } = {}) {
  let query = db.selectFrom('webhooks').selectAll().where('id', '=', id);
  if (options.forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row && toWebhook(row);
}

/** Every webhook, oldest first; there are few. */
export async function listWebhooks(db: Db) {
  const rows = await db.selectFrom('webhooks').selectAll().orderBy('id').execute();
  return rows.map(toWebhook);
}

export async function activeWebhooks(db: Db) {
  const rows = await db.selectFrom('webhooks').selectAll().where('active', '=', true).execute();
  return rows.map(toWebhook);
}

export async function updateWebhook(db: Db, id: string, fields: Pick<Webhook, 'url' | 'events' | 'active' | 'description' | 'updatedAt'>): Promise<void> {
  await db
    .updateTable('webhooks')
    .set({ url: fields.url, events: fields.events, active: fields.active, description: fields.description, updated_at: fields.updatedAt })
    .where('id', '=', id)
    .execute();
}

export async function deleteWebhook(db: Db, id: string): Promise<boolean> {
  const result = await db.deleteFrom('webhooks').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function insertDelivery(db: Db, delivery: Omit<Delivery, 'attempts' | 'responseStatus' | 'lastError' | 'updatedAt'>): Promise<void> {
  await db
    .insertInto('webhook_deliveries')
    .values({
      id: delivery.id,
      webhook_id: delivery.webhookId,
      event_id: delivery.eventId,
      type: delivery.type,
      body: delivery.body,
      status: delivery.status,
      created_at: delivery.createdAt,
      updated_at: delivery.createdAt,
    })
    .execute();
}

export async function getDelivery(db: Db, id: string): Promise<Delivery | undefined> {
  const row = await db.selectFrom('webhook_deliveries').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toDelivery(row);
}

/** A webhook's deliveries, newest first, a page at a time. */
export async function listDeliveries(db: Db, webhookId: string, query: { beforeId?: string; limit: number }): Promise<Delivery[]> {
  let select = db.selectFrom('webhook_deliveries').selectAll().where('webhook_id', '=', webhookId);
  if (query.beforeId) select = select.where('id', '<', query.beforeId);
  const rows = await select.orderBy('id', 'desc').limit(query.limit).execute();
  return rows.map(toDelivery);
}

export async function recordAttempt(
  db: Db,
  id: string,
  outcome: { status: Delivery['status']; responseStatus: number | null; error: string | null; now: Date },
): Promise<void> {
  await db
    .updateTable('webhook_deliveries')
    .set((eb) => ({
      status: outcome.status,
      attempts: eb('attempts', '+', 1),
      response_status: outcome.responseStatus,
      last_error: outcome.error,
      updated_at: outcome.now,
    }))
    .where('id', '=', id)
    .execute();
}

/** Pending again, if the delivery had finished (delivered or failed); false while it is still tried. */
export async function markRedelivering(db: Db, id: string, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('webhook_deliveries')
    .set({ status: 'pending', updated_at: now })
    .where('id', '=', id)
    .where('status', 'in', ['delivered', 'failed'])
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function countDeliveriesByStatus(db: Db): Promise<Record<string, number>> {
  const rows = await db.selectFrom('webhook_deliveries').select(['status', sql<number>`count(*)::int`.as('n')]).groupBy('status').execute();
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}
