// HTTP for GET /api/v1/system/backup and POST /api/v1/system/restore: the archive streams both
// ways, never held whole.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { Readable } from 'node:stream';
import Type from 'typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { problemResponses } from '../http/schema-helpers.ts';
import { ProblemError } from '../http/problem.ts';
import type { Backups } from './backup.service.ts';

const ARCHIVE = 'application/octet-stream';
const Passphrase = Type.Object({
  'x-backup-passphrase': Type.String({ maxLength: 1024, description: 'At least 10 characters; the archive\'s key is derived from it with scrypt' }),
});

function unsupportedMediaType(): ProblemError {
  return new ProblemError({ status: 415, code: 'request.unsupported_media_type', detail: `Send the archive as ${ARCHIVE}, as GET /api/v1/system/backup gave it.` });
}

export async function backupRoutes(app: FastifyInstance, deps: { backups: Backups }): Promise<void> {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(ARCHIVE, (_request, payload, done) => done(null, payload));
  app.addContentTypeParser('*', (_request, _payload, done) => done(unsupportedMediaType(), undefined));
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  r.get('/api/v1/system/backup', {
    config: { access: 'system.backup', produces: [ARCHIVE] },
    schema: {
      operationId: 'backupSystem',
      summary: 'Download an encrypted backup of the whole directory',
      description:
        'Users, groups, memberships, tokens, sessions, MFA, signing keys and jobs, read in one snapshot and streamed as ' +
        'one archive encrypted with AES-256-GCM (STREAM segments of 64 KiB) under a key derived with scrypt from ' +
        '`X-Backup-Passphrase`. Secrets inside stay sealed with ROSTER_SECRET: restore on a service with the same one. ' +
        'Roles backup and admin. On the embedded database other requests wait while the snapshot is read.',
      tags: ['System'],
      headers: Passphrase,
      response: {
        200: { description: 'The archive', content: { [ARCHIVE]: { schema: { type: 'string', format: 'binary' } } } },
        ...problemResponses(400, 401, 403, 406),
      },
    },
    handler: async (request, reply) => {
      const principal = request.principal!;
      const archive = deps.backups.backup({ userId: principal.userId, role: principal.role, origin: principal.origin }, request.headers['x-backup-passphrase']);
      const plain = reply as unknown as FastifyReply;
      return plain
        .type(ARCHIVE)
        .header('content-disposition', `attachment; filename="roster-backup-${new Date().toISOString().slice(0, 10)}.rbak"`)
        .send(Readable.from(archive));
    },
  });

  r.post('/api/v1/system/restore', {
    config: {
      access: 'system.restore',
      publicWhileUnprovisioned: true,
      streamsBody: { mediaType: ARCHIVE, line: { type: 'string', format: 'binary', description: 'An archive from GET /api/v1/system/backup' } },
    },
    schema: {
      operationId: 'restoreSystem',
      summary: 'Replace the whole directory with a backup',
      description:
        'Only while the service is unprovisioned (no sign-in needed: there is no one yet), or read-only (maintenance) ' +
        'for an admin; an operational service answers 412. All or nothing: a wrong passphrase, a damaged or changed ' +
        'archive, or one from another schema version → 400 and nothing changes. Answers the rows restored per table.',
      tags: ['System'],
      headers: Passphrase,
      response: {
        200: Type.Object({ restored: Type.Record(Type.String(), Type.Integer(), { description: 'Rows per table' }) }),
        ...problemResponses(400, 401, 403, 412, 415),
      },
    },
    handler: async (request) => {
      const body = request.body as Readable | undefined;
      if (body === undefined) throw unsupportedMediaType();
      const principal = request.principal;
      const actor = principal && { userId: principal.userId, role: principal.role, origin: principal.origin };
      return { restored: await deps.backups.restore(actor, request.headers['x-backup-passphrase'], body, request.origin) };
    },
  });
}
