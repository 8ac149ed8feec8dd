// Who is acting, and from where: set per request (src/app.ts hooks) and read when an audit event
// is written, so the services record actions without carrying HTTP details through their calls.
// Work outside a request (the job worker, start-up) has no context: its actor is the system.
import { AsyncLocalStorage } from 'node:async_hooks';

export interface Actor {
  type: 'user' | 'token' | 'system' | 'anonymous';
  id: string | null;
  username: string | null;
}

export interface AuditContext {
  requestId: string;
  ip: string;
  userAgent: string | null;
  /** Set once the request is authenticated. */
  actor?: Actor;
}

const storage = new AsyncLocalStorage<AuditContext>();

/** Runs `next` (the rest of the request's handling) with `context` as its audit context. */
export function withAuditContext(context: AuditContext, next: () => void): void {
  storage.run(context, next);
}

export function auditContext(): AuditContext | undefined {
  return storage.getStore();
}

export const SYSTEM_ACTOR: Actor = { type: 'system', id: null, username: null };
export const ANONYMOUS_ACTOR: Actor = { type: 'anonymous', id: null, username: null };

/** The principal's actor: a personal access token (Bearer or Token, no session) acts as `token`. */
export function actorOf(principal: { userId: string; username: string; scheme: string; sessionId?: string }): Actor {
  const token = principal.scheme !== 'Basic' && principal.sessionId === undefined;
  return { type: token ? 'token' : 'user', id: principal.userId, username: principal.username };
}

/**
 * Runs `work` in a context captured earlier with auditContext(): for work a stream resumes after
 * its request's own async flow has moved on (a download read as the client takes it).
 */
export function inAuditContext<T>(context: AuditContext | undefined, work: () => T): T {
  return context ? storage.run(context, work) : storage.exit(work);
}
