// A job as people who started it see it (API.md: GET /api/v1/system/jobs/{id}), shared by that
// route and the routes that start a job (an import answers with it).
import Type from 'typebox';
import type { Job } from './job.repo.ts';
import { Nullable } from '../http/schema-helpers.ts';



export const JobDetailSchema = Type.Object({
  id: Type.String(),
  type: Type.String({ description: 'users.import, users.export, … or a queue job\'s kind' }),
  status: Type.Enum(['queued', 'running', 'done', 'failed']),
  progress: Type.Union([
    Type.Object({
      total: Type.Optional(Type.Integer()),
      processed: Type.Integer(),
      created: Type.Integer(),
      updated: Type.Integer(),
      failed: Type.Integer(),
    }),
    Type.Null(),
  ]),
  createdBy: Nullable(Type.String({ description: 'The user who started it' })),
  lastError: Nullable(Type.String()),
  createdAt: Type.String({ format: 'date-time' }),
  finishedAt: Nullable(Type.String({ format: 'date-time' })),
});

export function jobDetailOf(job: Job) {
  return {
    id: job.id,
    type: job.kind,
    status: job.status,
    progress: job.progress,
    createdBy: job.createdBy,
    lastError: job.lastError,
    createdAt: job.createdAt.toISOString(),
    finishedAt: job.finishedAt?.toISOString() ?? null,
  };
}
