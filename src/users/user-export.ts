// The directory as NDJSON lines in id order, each in the shape the import takes (API.md, "Import,
// export, backup"): the fields of POST /users, groups by name, plus status and createdAt, and the
// password hash for an admin who asks. Read a page at a time, so memory stays flat however many
// users there are.
import type { Repos } from '../repos.ts';
import { problems } from '../http/problem.ts';
import type { Actor } from './user.rules.ts';
import { profileOfUser, type User, type UserProfile } from './user.model.ts';

const PAGE = 1_000;

export interface ExportLine extends UserProfile {
  type: string;
  /** By name: ids mean nothing to another directory. */
  groups: string[];
  status: string;
  createdAt: string;
  /** Not a field of POST /users, but part of the user: the round trip keeps it. */
  emailVerified: boolean;
  passwordHash?: string | null;
}

/** Refuses before the first byte: hashes are for admins only. */
export function checkExport(actor: Actor, options: { includeHashes: boolean }): void {
  if (options.includeHashes && actor.role !== 'admin') {
    throw problems.forbidden('export.hashes_forbidden', 'Only an admin may export password hashes (includeHashes=true).');
  }
}

function lineOf(user: User, groupNames: Map<string, string>, includeHashes: boolean): ExportLine {
  return {
    ...profileOfUser(user),
    type: user.type,
    groups: user.groups.flatMap((id) => groupNames.get(id) ?? []).sort(),
    status: user.status,
    createdAt: user.createdAt.toISOString(),
    emailVerified: user.emailVerified,
    ...(includeHashes ? { passwordHash: user.passwordHash } : {}),
  };
}

/**
 * The lines, read a page at a time. The export is recorded in the job list with who ran it and
 * how many lines went out, once it ends: done, or failed when the download stopped short.
 */
export async function* exportUsers(
  repos: Repos,
  actor: Actor,
  options: { includeHashes: boolean },
  clock: { now: () => Date; newId: () => string },
): AsyncGenerator<ExportLine> {
  checkExport(actor, options);
  const startedAt = clock.now();
  let processed = 0;
  let finished = false;
  try {
    let afterId: string | undefined;
    for (;;) {
      const page = await repos.users.listUsers({ filters: [], afterId, limit: PAGE });
      const groups = await repos.groups.getGroupSummaries([...new Set(page.flatMap((user) => user.groups))]);
      const names = new Map(groups.map((group) => [group.id, group.name]));
      for (const user of page) {
        yield lineOf(user, names, options.includeHashes);
        processed++;
      }
      if (page.length < PAGE) break;
      afterId = page[page.length - 1].id;
    }
    finished = true;
  } finally {
    await repos.jobs.recordFinishedJob({
      id: clock.newId(),
      kind: options.includeHashes ? 'users.export_with_hashes' : 'users.export',
      createdBy: actor.userId,
      status: finished ? 'done' : 'failed',
      progress: { total: finished ? processed : undefined, processed, created: 0, updated: 0, failed: 0 },
      error: finished ? undefined : 'the download stopped before the last user',
      startedAt,
      now: clock.now(),
    });
  }
}
