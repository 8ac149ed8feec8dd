// HTTP for POST /api/v1/users/import: the NDJSON body is handed to the import as a stream of
// lines (user-import.ts), so a file of any size is read with memory for one batch.
import type { FastifyInstance } from 'fastify';
import type { Readable } from 'node:stream';
import Type from 'typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { problemResponses, withHeaders } from '../http/schema-helpers.ts';
import { ProblemError } from '../http/problem.ts';
import { readLineChunks } from '../text/lines.ts';
import { JobDetailSchema, jobDetailOf } from '../jobs/job.view.ts';
import { ImportLineSchema } from './import-line.ts';
import { MAX_LINE_BYTES, type UserImport } from './user-import.ts';

function unsupportedMediaType(): ProblemError {
  return new ProblemError({ status: 415, code: 'request.unsupported_media_type', detail: 'Send the users as application/x-ndjson, one JSON object a line.' });
}

export async function userImportRoutes(app: FastifyInstance, deps: { imports: UserImport }): Promise<void> {
  // This scope takes NDJSON only, and takes it unread.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/x-ndjson', (_request, payload, done) => done(null, payload));
  app.addContentTypeParser('*', (_request, _payload, done) => done(unsupportedMediaType(), undefined));
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  r.post('/api/v1/users/import', {
    config: { access: 'users.write', operational: true, streamsBody: { mediaType: 'application/x-ndjson', line: ImportLineSchema } },
    schema: {
      operationId: 'importUsers',
      summary: 'Import users from NDJSON',
      description:
        'One user a line (the schema below is one line): the fields of `POST /api/v1/users` with `groups` by name ' +
        '(a missing group is created), plus `passwordHash` (argon2, bcrypt, scrypt, PBKDF2; verified at first login and ' +
        'then rehashed to argon2id), `status`, `createdAt` and `emailVerified`, the shape the export writes. Read as ' +
        'it arrives and written a thousand lines at a time; a bad line is reported in the job\'s errors and the rest ' +
        'goes on. Answers 202 with the job once the body is read: its progress, and its line errors at ' +
        '`/api/v1/system/jobs/{id}/errors`. `mode=upsert` updates the user with the line\'s `externalId` (else ' +
        'username) as a PUT would, leaving role, status, groups and password as they are unless the line names them. ' +
        'No mail is sent. Idempotency-Key is not taken here: rerun with `mode=upsert` instead.',
      tags: ['Users'],
      querystring: Type.Object({
        mode: Type.Enum(['create', 'upsert'], { default: 'create', description: 'create: an existing username, email or externalId is that line\'s error' }),
        dryRun: Type.Boolean({ default: false, description: 'Check every line and count what would change, writing nothing' }),
      }),
      response: {
        202: withHeaders({ ...JobDetailSchema, description: 'The import job, finished; Location is its URL' }, 'Location'),
        ...problemResponses(400, 401, 403, 406, 412, 415),
      },
    },
    handler: async (request, reply) => {
      const actor = { userId: request.principal!.userId, role: request.principal!.role, origin: request.origin };
      const body = request.body as Readable | undefined;
      if (body === undefined) throw unsupportedMediaType();
      const job = await deps.imports.run(actor, readLineChunks(body, MAX_LINE_BYTES), request.query);
      return reply.status(202).header('location', `/api/v1/system/jobs/${job.id}`).send(jobDetailOf(job));
    },
  });
}
