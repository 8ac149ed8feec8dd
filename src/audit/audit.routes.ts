// HTTP for reading the audit log.
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { decodeCursor, encodeCursor } from '../http/pagination.ts';
import { Nullable, problemResponses } from '../http/schema-helpers.ts';
import { auditEventJson } from './audit.model.ts';
import type { Audit } from './audit.service.ts';

const ActorSchema = Type.Object({
  type: Type.Enum(['user', 'token', 'system', 'anonymous']),
  id: Nullable(Type.String()),
  username: Nullable(Type.String()),
});

export const AuditEventSchema = Type.Object(
  {
    id: Type.String(),
    time: Type.String({ format: 'date-time' }),
    action: Type.String({ description: 'Dotted: user.created, session.failed, membership.added, …' }),
    outcome: Type.Enum(['success', 'failure']),
    actor: ActorSchema,
    target: Nullable(Type.Object({ type: Type.String(), id: Nullable(Type.String()) })),
    ip: Nullable(Type.String()),
    userAgent: Nullable(Type.String()),
    requestId: Nullable(Type.String()),
    changes: Type.Array(Type.String(), { description: 'The names of the fields changed; never their values' }),
  },
  { $id: 'AuditEvent' },
);

export async function auditRoutes(app: FastifyInstance, deps: { audit: Audit }): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  r.get('/api/v1/audit-events', {
    config: { access: 'audit.read' },
    schema: {
      operationId: 'listAuditEvents',
      summary: 'List audit events, newest first',
      description:
        '`filter` takes the SCIM grammar over action, outcome, actor.type, actor.id, actor.username, target.type, target.id, time, requestId and ip ' +
        '(`action sw "user." and outcome eq "failure"`); `since` (inclusive) and `until` (exclusive) bound the time; keyset paging with `cursor`.',
      tags: ['Audit'],
      querystring: Type.Object({
        filter: Type.Optional(Type.String({ maxLength: 4096 })),
        since: Type.Optional(Type.String({ format: 'date-time' })),
        until: Type.Optional(Type.String({ format: 'date-time' })),
        limit: Type.Integer({ minimum: 1, maximum: 1000, default: 100 }),
        cursor: Type.Optional(Type.String({ maxLength: 512 })),
      }),
      response: {
        200: Type.Object({ items: Type.Array(AuditEventSchema), nextCursor: Nullable(Type.String()) }),
        ...problemResponses(400, 401, 403),
      },
    },
    handler: async (request) => {
      const { filter, since, until, limit, cursor } = request.query;
      const page = await deps.audit.list({
        filter,
        since: since === undefined ? undefined : new Date(since),
        until: until === undefined ? undefined : new Date(until),
        beforeId: decodeCursor(cursor),
        limit,
      });
      return {
        items: page.events.map(auditEventJson),
        nextCursor: page.more ? encodeCursor(page.events[page.events.length - 1].id) : null,
      };
    },
  });
}
