// Backup and restore (API.md, "Import, export, backup"; NetHSM's Backup role): the whole directory
// as one encrypted archive, read in one snapshot, and taken back in one transaction, only by an
// unprovisioned service (or an admin of a read-only one). Domain rules here; the archive format
// is archive.ts's, the SQL backup.repo.ts's.
import { PassThrough } from 'node:stream';
import type { UnitOfWork } from '../repos.ts';
import type { Actor } from '../users/user.rules.ts';
import type { ServiceState } from '../system/system.service.ts';
import { ProblemError, problems } from '../http/problem.ts';
import { readLines } from '../text/lines.ts';
import { ArchiveError, open, seal } from './archive.ts';
import type { Audit } from '../audit/audit.service.ts';
import type { AuditOrigin } from '../audit/audit-context.ts';

export interface BackupDeps {
  data: UnitOfWork;
  now: () => Date;
  newId: () => string;
  state: () => Promise<ServiceState>;
  /** Whether ROSTER_SECRET opens a sealed signing key of the archive (it was made with the same). */
  opensSealedKey: (sealed: string) => boolean;
  /** After a restore committed: whatever this process holds of the old directory goes. */
  restored: () => Promise<void>;
  /** The audit log: backup.created as a backup ends, backup.restored once a restore committed. */
  audit?: Audit;
}

const FORMAT = 'roster-backup';
const MIN_PASSPHRASE = 10;
/** One row a line; a user with the largest attributes is well below this. */
const MAX_LINE = 4 * 1024 * 1024;
const BATCH = 1_000;

function checkPassphrase(passphrase: string | undefined): string {
  if (passphrase === undefined || [...passphrase].length < MIN_PASSPHRASE) {
    throw problems.invalid(
      [{ parameter: 'X-Backup-Passphrase', code: passphrase === undefined ? 'required' : 'too_short', detail: `must be at least ${MIN_PASSPHRASE} characters` }],
      `The X-Backup-Passphrase header must hold a passphrase of at least ${MIN_PASSPHRASE} characters.`,
    );
  }
  return passphrase;
}

function archiveProblem(error: ArchiveError): ProblemError {
  const code = error.reason === 'wrong_passphrase' ? 'backup.wrong_passphrase' : error.reason === 'not_an_archive' ? 'backup.not_an_archive' : 'backup.damaged';
  return new ProblemError({ status: 400, code, detail: `${error.message} Nothing was changed.` });
}

/** Writes to a stream, waiting while it is full; false once its reader has gone. */
async function put(stream: PassThrough, text: string): Promise<boolean> {
  if (stream.destroyed) return false;
  if (stream.write(text)) return true;
  await new Promise<void>((resolve) => {
    const done = () => {
      stream.off('drain', done).off('close', done);
      resolve();
    };
    stream.on('drain', done).on('close', done);
  });
  return !stream.destroyed;
}

export function createBackups(deps: BackupDeps) {
  const { repos } = deps.data;

  return {
    checkPassphrase,

    /** The archive, produced as it is read; the backup is recorded as a job once it ends. */
    backup(actor: Actor, rawPassphrase: string | undefined): AsyncIterable<Buffer> {
      const passphrase = checkPassphrase(rawPassphrase);
      const plain = new PassThrough();
      const startedAt = deps.now();
      let rows = 0;
      const dump = async () => {
        const migrations = await repos.backup.appliedMigrations();
        await put(plain, `${JSON.stringify({ format: FORMAT, version: 1, migrations, createdAt: startedAt.toISOString() })}\n`);
        await repos.backup.dumpTables(async (table, page) => {
          let text = '';
          for (const row of page) text += `{"t":${JSON.stringify(table)},"r":${row}}\n`;
          rows += page.length;
          if (!(await put(plain, text))) throw new Error('the download stopped before the archive ended');
        });
        plain.end();
      };
      const finished = dump().then(
        () => undefined,
        (error: unknown) => {
          plain.destroy(error instanceof Error ? error : new Error(String(error)));
          return error instanceof Error ? error.message : String(error);
        },
      );
      return (async function* () {
        let error: string | undefined = 'the download stopped before the archive ended';
        try {
          yield* seal(plain, passphrase);
          error = await finished;
        } finally {
          plain.destroy();
          await finished;
          const jobId = deps.newId();
          await deps.data.transaction(async (tx) => {
            await tx.jobs.recordFinishedJob({
              id: jobId,
              kind: 'system.backup',
              createdBy: actor.userId,
              status: error ? 'failed' : 'done',
              progress: { total: error ? undefined : rows, processed: rows, created: 0, updated: 0, failed: 0 },
              error,
              startedAt,
              now: deps.now(),
            });
            await deps.audit?.record(tx, { action: 'backup.created', target: { type: 'job', id: jobId }, outcome: error ? 'failure' : 'success', origin: actor.origin });
          });
        }
      })();
    },

    /**
     * Replaces the directory with an archive's, all or nothing: every segment is checked before
     * its rows are written, and any failure rolls the whole restore back.
     */
    /** `origin`: who restores and from where, for the audit log (an unprovisioned service has no principal). */
    async restore(actor: Actor | undefined, rawPassphrase: string | undefined, archive: AsyncIterable<Buffer>, origin?: AuditOrigin): Promise<Record<string, number>> {
      const passphrase = checkPassphrase(rawPassphrase);
      const state = await deps.state();
      if (state === 'operational') {
        throw problems.preconditionFailed('system.in_use', 'A restore replaces the whole directory: only while the service is unprovisioned, or read-only (maintenance) for an admin.');
      }
      if (state === 'read_only' && actor?.role !== 'admin') {
        throw problems.forbidden('auth.forbidden', 'Only an admin may restore a read-only service.');
      }
      const startedAt = deps.now();
      const counts: Record<string, number> = {};
      try {
        await deps.data.transaction(async (tx) => {
          await tx.backup.emptyTables();
          const expected = await tx.backup.appliedMigrations();
          let header = false;
          let table = '';
          let pending: unknown[] = [];
          let sealedKey: string | undefined;
          const flush = async () => {
            if (pending.length === 0) return;
            try {
              await tx.backup.restoreRows(table, pending);
            } catch (error) {
              // The archive checked out, so it was made with the passphrase: by someone who wrote rows this database refuses.
              throw new ArchiveError('damaged', `its rows of ${JSON.stringify(table)} cannot be written (${error instanceof Error ? error.message : String(error)}).`);
            }
            pending = [];
          };
          for await (const line of readLines(open(archive, passphrase), MAX_LINE)) {
            if ('tooLong' in line) throw new ArchiveError('damaged', `line ${line.number} is too long.`);
            let value: { format?: string; migrations?: string[]; t?: string; r?: unknown };
            try {
              value = JSON.parse(line.text);
            } catch {
              throw new ArchiveError('damaged', `line ${line.number} is not JSON.`);
            }
            if (!header) {
              if (value.format !== FORMAT) throw new ArchiveError('not_an_archive', 'This is not a Roster backup archive.');
              if (JSON.stringify(value.migrations) !== JSON.stringify(expected)) {
                throw new ProblemError({
                  status: 400,
                  code: 'backup.incompatible',
                  detail: `The archive was made by a Roster with ${value.migrations?.length ?? 0} migrations applied; this one has ${expected.length}. Restore it with the same version. Nothing was changed.`,
                });
              }
              header = true;
              continue;
            }
            if (value.t !== table || pending.length >= BATCH) {
              await flush();
              table = value.t ?? '';
            }
            if (table === 'signing_keys') sealedKey ??= (value.r as { private_jwk_sealed?: string } | null)?.private_jwk_sealed;
            pending.push(value.r);
            counts[table] = (counts[table] ?? 0) + 1;
          }
          await flush();
          // Sealed secrets (signing keys, TOTP seeds) open only under the secret that sealed them.
          if (sealedKey !== undefined && !deps.opensSealedKey(sealedKey)) {
            throw new ProblemError({
              status: 400,
              code: 'backup.other_secret',
              detail: 'The archive\'s secrets were sealed with another ROSTER_SECRET: start this service with the one it was made under. Nothing was changed.',
            });
          }
          await tx.backup.afterRestore();
        });
      } catch (error) {
        if (error instanceof ArchiveError) throw archiveProblem(error);
        throw error;
      }
      await deps.restored();
      const restored = Object.values(counts).reduce((a, b) => a + b, 0);
      // After the commit, in a transaction of its own: the restore emptied audit_events too.
      const jobId = deps.newId();
      await deps.data.transaction(async (tx) => {
        await tx.jobs.recordFinishedJob({
          id: jobId,
          kind: 'system.restore',
          createdBy: actor?.userId ?? null,
          status: 'done',
          progress: { total: restored, processed: restored, created: 0, updated: 0, failed: 0 },
          startedAt,
          now: deps.now(),
        });
        await deps.audit?.record(tx, { action: 'backup.restored', target: { type: 'job', id: jobId }, origin: actor?.origin ?? origin });
      });
      return counts;
    },
  };
}

export type Backups = ReturnType<typeof createBackups>;
