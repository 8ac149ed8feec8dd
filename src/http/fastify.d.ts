// Roster's additions to Fastify's request and route config types.
import 'fastify';
import type { Principal } from '../auth/principal.ts';
import type { Permission } from '../auth/roles.ts';
import type { AuditOrigin } from '../audit/audit-context.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call the route (src/auth/roles.ts). Required on every /api route. */
    access?: Permission;
    /** Answer 412 while the service is unprovisioned. */
    operational?: boolean;
    /** Media types the route can produce; an Accept header admitting none of them → 406. */
    produces?: string[];
    /** A write that still works in read-only mode (logging in and out). */
    readOnlySafe?: boolean;
    /** The response carries a secret shown once: Idempotency-Key does not store it. */
    showsSecret?: boolean;
    /**
     * The handler reads the body as a stream (an import of any size): nothing checks or hashes
     * it up front, so Idempotency-Key is not taken; each line is checked as it is read.
     */
    streamsBody?: { mediaType: string; line: object };
    /** While the service is unprovisioned anyone may call it (there is no one to sign in as). */
    publicWhileUnprovisioned?: boolean;
  }
  interface FastifyRequest {
    principal?: Principal;
    /** Who acts (anonymous until authenticated) and from where: handed to the services for the audit log. */
    origin: AuditOrigin;
    idempotency?: { principalId: string; key: string };
    /** SHA-256 of the method, URL and raw body of a POST with an Idempotency-Key. */
    idempotencyHash?: string;
  }
}
