// HTTP for GET /api/v1/users/export: NDJSON, streamed as it is read (user-export.ts).
import type { FastifyInstance } from 'fastify';
import { sendNdjson } from '../http/ndjson.ts';
import Type from 'typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { problemResponses } from '../http/schema-helpers.ts';
import type { Users } from './user.service.ts';

export async function userExportRoutes(app: FastifyInstance, deps: { users: Users }): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  r.get('/api/v1/users/export', {
    config: { access: 'users.write', operational: true, produces: ['application/x-ndjson'] },
    schema: {
      operationId: 'exportUsers',
      summary: 'Export every user as NDJSON',
      description:
        'One user a line, in id order, in the shape `POST /api/v1/users/import` takes: the fields of `POST /api/v1/users` ' +
        '(`groups` by name), `status` and `createdAt`. Streamed as it is read. Admins and managers; ' +
        '`includeHashes=true` (admins only) adds `passwordHash`.',
      tags: ['Users'],
      querystring: Type.Object({
        includeHashes: Type.Boolean({ default: false, description: 'Add each user\'s passwordHash (admins only)' }),
      }),
      response: {
        200: { description: 'NDJSON, one user a line', content: { 'application/x-ndjson': { schema: { type: 'string' } } } },
        ...problemResponses(400, 401, 403, 406, 412),
      },
    },
    handler: async (request, reply) => {
      const actor = { userId: request.principal!.userId, role: request.principal!.role, origin: request.origin };
      const options = { includeHashes: request.query.includeHashes };
      deps.users.checkExport(actor, options);
      return sendNdjson(reply, deps.users.exportLines(actor, options));
    },
  });
}
