// Who acts, and from where: an origin made per request (src/app.ts) and carried explicitly — on
// the principal, or handed to the services that act before anyone is authenticated — to the
// audit events the services write. Work outside a request (the job worker, start-up) has no
// origin: its actor is the system. (Explicit, not AsyncLocalStorage: on Node 20 that enables
// promise hooks for the whole process and costs the hottest reads 12-20 %.)
export interface Actor {
  type: 'user' | 'token' | 'system' | 'anonymous';
  id: string | null;
  username: string | null;
}

export interface AuditOrigin {
  actor: Actor;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
}

export const SYSTEM_ACTOR: Actor = { type: 'system', id: null, username: null };
export const ANONYMOUS_ACTOR: Actor = { type: 'anonymous', id: null, username: null };

/** The principal's actor: a personal access token (Bearer or Token, no session) acts as `token`. */
export function actorOf(principal: { userId: string; username: string; scheme: string; sessionId?: string }): Actor {
  const token = principal.scheme !== 'Basic' && principal.sessionId === undefined;
  return { type: token ? 'token' : 'user', id: principal.userId, username: principal.username };
}
