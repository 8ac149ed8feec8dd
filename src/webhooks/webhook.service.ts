// Webhooks: CRUD, the fan-out of audit events to the webhooks whose patterns match (in the
// event's transaction, through the durable job queue), and the delivery job with its retries.
import { randomBytes } from 'node:crypto';
import type { Repos, UnitOfWork } from '../repos.ts';
import type { Queue } from '../jobs/queue.ts';
import type { Job } from '../jobs/job.repo.ts';
import type { SecretBox } from '../credentials/secret-box.ts';
import type { Audit } from '../audit/audit.service.ts';
import { changedFields } from '../audit/audit.service.ts';
import { auditEventJson, type AuditEvent } from '../audit/audit.model.ts';
import { problems } from '../http/problem.ts';
import { canonicalId } from '../ids.ts';
import { patternMatches, type Delivery, type Webhook } from './webhook.model.ts';
import { isPublicAddress, post, RefusedTarget, SECRET_PREFIX, signatureOf } from './webhook-sender.ts';
import type { AuditOrigin } from '../audit/audit-context.ts';

const SEAL_CONTEXT = 'webhook-secret';
const DELIVER = 'webhook.deliver';
/** Attempts before a delivery is failed: with the default 30 s base, the last comes about an hour after the first. */
export const MAX_ATTEMPTS = 8;

export interface WebhookDeps {
  data: UnitOfWork;
  queue: Queue;
  box: SecretBox;
  audit: Audit;
  now: () => Date;
  newId: () => string;
  /** ROSTER_WEBHOOK_ALLOW_PRIVATE: targets on loopback and private networks allowed. */
  allowPrivate: boolean;
  /** The first retry's delay; each next one doubles (ROSTER_WEBHOOK_RETRY_BASE_MS, default 30 s). */
  retryBaseMs: number;
}

export interface WebhookInput {
  url: string;
  events: string[];
  active?: boolean;
  description?: string | null;
}

export function createWebhooks(deps: WebhookDeps) {
  const { repos } = deps.data;

  /** The URL as a target: http(s), and not a loopback or private address named outright. */
  function targetOf(raw: string): string {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      throw problems.invalid([{ pointer: '/url', code: 'invalid_format', detail: 'must be an absolute http or https URL' }], 'url is not a URL.');
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
      throw problems.invalid([{ pointer: '/url', code: 'invalid_format', detail: 'must be http or https' }], 'url must be http or https.');
    }
    const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
    const named = host === 'localhost' || host.endsWith('.localhost') || (/^[\d.]+$|:/.test(host) && !isPublicAddress(host));
    if (named && !deps.allowPrivate) {
      throw problems.invalid(
        [{ pointer: '/url', code: 'not_allowed', detail: 'is a loopback or private address (ROSTER_WEBHOOK_ALLOW_PRIVATE=true allows it)' }],
        'url names a loopback or private address.',
      );
    }
    return url.toString();
  }

  async function get(rawId: string) {
    const id = canonicalId(rawId);
    const hook = id ? await repos.webhooks.getWebhook(id) : undefined;
    if (!hook) throw problems.notFound('webhook.not_found', 'No webhook has this id.');
    return hook;
  }

  const publicOf = ({ secretSealed: _secret, ...hook }: Webhook & { secretSealed: string }): Webhook => hook;

  async function fanOut(tx: Repos, event: AuditEvent): Promise<void> {
    const hooks = (await tx.webhooks.activeWebhooks()).filter((hook) => hook.events.some((p) => patternMatches(p, event.action)));
    if (hooks.length === 0) return;
    const body = JSON.stringify({ type: event.action, timestamp: event.time.toISOString(), data: auditEventJson(event) });
    for (const hook of hooks) {
      const id = deps.newId();
      await tx.webhooks.insertDelivery({ id, webhookId: hook.id, eventId: event.id, type: event.action, body, status: 'pending', createdAt: deps.now() });
      await deps.queue.enqueue(tx, DELIVER, { deliveryId: id }, MAX_ATTEMPTS);
    }
  }

  async function deliver(payload: Record<string, unknown>, job: Job): Promise<void> {
    const delivery = await repos.webhooks.getDelivery(String(payload.deliveryId));
    const hook = delivery && (await repos.webhooks.getWebhook(delivery.webhookId));
    if (!delivery || !hook) return; // the webhook was deleted, its deliveries with it
    const finish = (status: Delivery['status'], responseStatus: number | null, error: string | null) =>
      repos.webhooks.recordAttempt(delivery.id, { status, responseStatus, error, now: deps.now() });
    if (!hook.active) return finish('failed', null, 'the webhook is inactive');
    const secret = deps.box.open(hook.secretSealed, SEAL_CONTEXT);
    const timestamp = Math.floor(deps.now().getTime() / 1000);
    const headers = {
      'content-type': 'application/json',
      'user-agent': 'Roster-Webhooks/1',
      'webhook-id': delivery.id,
      'webhook-timestamp': String(timestamp),
      'webhook-signature': signatureOf(secret, delivery.id, timestamp, delivery.body),
    };
    let status: number | null = null;
    let error: string | null = null;
    try {
      status = await post(new URL(hook.url), headers, delivery.body, { allowPrivate: deps.allowPrivate });
    } catch (thrown) {
      // A refused target will be refused again: no retry.
      if (thrown instanceof RefusedTarget) return finish('failed', null, thrown.message);
      error = thrown instanceof Error ? thrown.message : String(thrown);
    }
    if (status !== null && status >= 200 && status < 300) return finish('delivered', status, null);
    error ??= status !== null && status >= 300 && status < 400 ? `answered ${status}; redirects are not followed` : `answered ${status}`;
    await finish(job.attempts >= job.maxAttempts ? 'failed' : 'retrying', status, error);
    throw new Error(`webhook delivery ${delivery.id}: ${error}`);
  }
  deps.queue.register(DELIVER, deliver, { backoffMs: (attempts) => deps.retryBaseMs * 2 ** (attempts - 1) });
  deps.audit.onEvent(fanOut);

  return {
    async create(input: WebhookInput, origin?: AuditOrigin): Promise<{ webhook: Webhook; secret: string }> {
      const secret = SECRET_PREFIX + randomBytes(24).toString('base64');
      const now = deps.now();
      const hook = {
        id: deps.newId(),
        url: targetOf(input.url),
        events: [...new Set(input.events)],
        active: input.active ?? true,
        description: input.description ?? null,
        secretSealed: deps.box.seal(secret, SEAL_CONTEXT),
        createdAt: now,
        updatedAt: now,
      };
      await deps.data.transaction(async (tx) => {
        await tx.webhooks.insertWebhook(hook);
        await deps.audit.record(tx, { action: 'webhook.created', target: { type: 'webhook', id: hook.id }, origin });
      });
      deps.queue.wake();
      return { webhook: publicOf(hook), secret };
    },

    list: async () => (await repos.webhooks.listWebhooks()).map(publicOf),

    get: async (id: string) => publicOf(await get(id)),

    async update(rawId: string, patch: Partial<WebhookInput>, origin?: AuditOrigin): Promise<Webhook> {
      const { id } = await get(rawId);
      const url = patch.url === undefined ? undefined : targetOf(patch.url);
      const updated = await deps.data.transaction(async (tx) => {
        // Under the row's lock: two PATCHes of different fields both stay.
        const current = await tx.webhooks.getWebhook(id, { forUpdate: true });
        if (!current) throw problems.notFound('webhook.not_found', 'No webhook has this id.');
        const next = {
          url: url ?? current.url,
          events: patch.events === undefined ? current.events : [...new Set(patch.events)],
          active: patch.active ?? current.active,
          description: patch.description === undefined ? current.description : patch.description,
          updatedAt: deps.now(),
        };
        await tx.webhooks.updateWebhook(current.id, next);
        const changes = changedFields(current, { ...current, ...next }, ['url', 'events', 'active', 'description']);
        await deps.audit.record(tx, { action: 'webhook.updated', target: { type: 'webhook', id: current.id }, changes, origin });
        return { ...current, ...next };
      });
      deps.queue.wake();
      return publicOf(updated);
    },

    async remove(rawId: string, origin?: AuditOrigin): Promise<void> {
      const current = await get(rawId);
      await deps.data.transaction(async (tx) => {
        await tx.webhooks.deleteWebhook(current.id);
        await deps.audit.record(tx, { action: 'webhook.deleted', target: { type: 'webhook', id: current.id }, origin });
      });
      deps.queue.wake();
    },

    async deliveries(rawId: string, query: { beforeId?: string; limit: number }) {
      const hook = await get(rawId);
      const page = await repos.webhooks.listDeliveries(hook.id, { beforeId: query.beforeId, limit: query.limit + 1 });
      return { deliveries: page.slice(0, query.limit), more: page.length > query.limit };
    },

    /**
     * Sends a delivered or failed delivery again, as it was (same webhook-id and body), with a
     * fresh set of attempts; its `attempts` keeps counting every request sent.
     */
    async redeliver(rawId: string, rawDeliveryId: string, origin?: AuditOrigin): Promise<Delivery> {
      const hook = await get(rawId);
      const deliveryId = canonicalId(rawDeliveryId);
      const delivery = deliveryId ? await repos.webhooks.getDelivery(deliveryId) : undefined;
      if (!delivery || delivery.webhookId !== hook.id) throw problems.notFound('webhook.delivery_not_found', 'This webhook has no delivery with this id.');
      await deps.data.transaction(async (tx) => {
        // One job per delivery at a time: a delivery still being tried is not sent twice at once.
        if (!(await tx.webhooks.markRedelivering(delivery.id, deps.now()))) {
          throw problems.conflict('webhook.delivery_in_progress', 'This delivery is still being tried; redeliver it once it is delivered or failed.');
        }
        await deps.queue.enqueue(tx, DELIVER, { deliveryId: delivery.id }, MAX_ATTEMPTS);
        await deps.audit.record(tx, { action: 'webhook.redelivered', target: { type: 'webhook', id: hook.id }, origin });
      });
      deps.queue.wake();
      return { ...delivery, status: 'pending' };
    },
  };
}

export type Webhooks = ReturnType<typeof createWebhooks>;
