// An audit event (API.md, "Audit log and webhooks"): who did what to what, from where, and which
// fields changed — names only, never a value.
import type { Actor, AuditOrigin } from './audit-context.ts';

export interface AuditEvent {
  id: string;
  time: Date;
  /** Dotted: user.created, session.failed, membership.added, … */
  action: string;
  outcome: 'success' | 'failure';
  actor: Actor;
  target: { type: string; id: string | null } | null;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
  changes: string[];
}

/** What a service says of an event; the rest comes from the request's audit context. */
export interface AuditRecord {
  action: string;
  outcome?: 'success' | 'failure';
  target?: { type: string; id: string | null };
  changes?: string[];
  /** Who acted and from where (the principal's origin, or the request's before authentication); none: the system. */
  origin?: AuditOrigin;
  /** Overrides the origin's actor (a login's session is the user's own act). */
  actor?: Actor;
}

export function auditEventJson(event: AuditEvent) {
  return {
    id: event.id,
    time: event.time.toISOString(),
    action: event.action,
    outcome: event.outcome,
    actor: event.actor,
    target: event.target,
    ip: event.ip,
    userAgent: event.userAgent,
    requestId: event.requestId,
    changes: event.changes,
  };
}
