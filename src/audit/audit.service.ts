// The audit log: services record what they did through `record`, inside the transaction of the
// change, so an event exists exactly when its change committed. Who acted and from where is the
// origin the service was handed (audit-context.ts). Listeners (webhooks) see each event in the same transaction.
import type { Repos, UnitOfWork } from '../repos.ts';
import { withFilterProblems } from '../filter/filter-problem.ts';
import { SYSTEM_ACTOR } from './audit-context.ts';
import type { AuditEvent, AuditRecord } from './audit.model.ts';

export interface AuditDeps {
  data: UnitOfWork;
  now: () => Date;
  newId: () => string;
  /** Events older than this are purged by the worker's housekeeping. */
  retentionDays: number;
}

export type AuditListener = (tx: Repos, event: AuditEvent) => Promise<void>;

/** The names of the fields whose values differ, in the order given; never the values. */
export function changedFields<T extends object>(before: T, after: T, fields: (keyof T & string)[]): string[] {
  return fields.filter((field) => JSON.stringify(before[field] ?? null) !== JSON.stringify(after[field] ?? null));
}

export function createAudit(deps: AuditDeps) {
  const listeners: AuditListener[] = [];

  async function record(tx: Repos, what: AuditRecord): Promise<AuditEvent> {
    const origin = what.origin;
    const event: AuditEvent = {
      id: deps.newId(),
      time: deps.now(),
      action: what.action,
      outcome: what.outcome ?? 'success',
      actor: what.actor ?? origin?.actor ?? SYSTEM_ACTOR,
      target: what.target ?? null,
      ip: origin?.ip ?? null,
      userAgent: origin?.userAgent ?? null,
      requestId: origin?.requestId ?? null,
      changes: what.changes ?? [],
    };
    await tx.audit.insertAuditEvent(event);
    for (const listener of listeners) await listener(tx, event);
    return event;
  }

  return {
    record,

    /** An event that changes nothing else (a failed login, an export): in a transaction of its own. */
    recordAlone: (what: AuditRecord) => deps.data.transaction((tx) => record(tx, what)),

    onEvent(listener: AuditListener) {
      listeners.push(listener);
    },

    /** Newest first; `beforeId` is the previous page's last id. */
    async list(query: { filter?: string; since?: Date; until?: Date; beforeId?: string; limit: number }) {
      const { since, until, beforeId, limit } = query;
      const events = await withFilterProblems(() =>
        deps.data.repos.audit.listAuditEvents({ filter: query.filter?.trim() || undefined, since, until, beforeId, limit: limit + 1 }),
      );
      return { events: events.slice(0, query.limit), more: events.length > query.limit };
    },

    async purge(at: Date): Promise<void> {
      await deps.data.repos.audit.purgeAuditEvents(new Date(at.getTime() - deps.retentionDays * 86_400_000));
    },
  };
}

export type Audit = ReturnType<typeof createAudit>;
