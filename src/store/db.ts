// Opens the one store Roster runs on: embedded PGlite by default, PostgreSQL with DATABASE_URL.
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely, PostgresDialect } from 'kysely';
import type pg from 'pg';
import { pgliteDialect } from './pglite-driver.ts';
import type { Config } from '../config.ts';
import type { Database } from './schema.ts';
import { CHANGE_CHANNEL, ChangeFeed } from './changes.ts';

export interface Store {
  readonly db: Kysely<Database>;
  readonly backend: 'pglite' | 'postgres';
  /** What every process on this database changes (migration 0008); this process's own changes arrive before the write that made them returns. */
  readonly changes: ChangeFeed;
  /** Runs a multi-statement SQL script in one session (migrations). */
  exec(script: string): Promise<void>;
  close(): Promise<void>;
  /** PGlite only: the whole database as an image that `image` can start from. */
  dumpImage?(): Promise<Blob>;
}

export type StoreOptions =
  | {
      backend: 'pglite';
      dataDir?: string;
      /** A dumpDataDir() image to start from (tests). */
      image?: Blob;
      /** PostgreSQL's shared_buffers (PGlite's own default: 128MB); start-up time grows with it. */
      sharedBuffers?: string;
    }
  | { backend: 'postgres'; url: string; poolSize?: number };

/** The store the configuration names: the PostgreSQL server of DATABASE_URL, else the embedded one. */
export function configuredStore(config: Pick<Config, 'databaseUrl' | 'dataDir' | 'pgliteSharedBuffers'>): StoreOptions {
  return config.databaseUrl
    ? { backend: 'postgres', url: config.databaseUrl }
    : { backend: 'pglite', dataDir: config.dataDir, sharedBuffers: config.pgliteSharedBuffers };
}

export async function openStore(options: StoreOptions): Promise<Store> {
  const { store, ready } = startStore(options);
  await ready;
  return store;
}

/**
 * The store at once, and a promise that it is ready for queries. PGlite compiles its WebAssembly
 * on background threads and then starts PostgreSQL; the main thread can build the application
 * meanwhile (main.ts), which is how a restart serves sooner. Nothing may query before `ready`.
 */
export function startStore(options: StoreOptions): { store: Store; ready: Promise<void> } {
  if (options.backend === 'postgres') return { store: openPostgres(options.url, options.poolSize ?? 10), ready: Promise.resolve() };
  return startPglite(options);
}

function startPglite({ dataDir, image, sharedBuffers }: Extract<StoreOptions, { backend: 'pglite' }>): {
  store: Store;
  ready: Promise<void>;
} {
  const unlock = dataDir ? lockDataDir(dataDir) : () => {};
  let client: PGlite;
  try {
    // PGlite reads a first argument that is not a string as its options: an in-memory database
    // must be named, or every option below is silently dropped.
    client = new PGlite(dataDir ?? 'memory://', {
      // Migration 0009's trigram indexes need it in every session, so it loads at every start.
      extensions: { pg_trgm },
      ...(image && { loadDataDir: image }),
      ...(sharedBuffers && { startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${sharedBuffers}`] }),
    });
  } catch (error) {
    unlock();
    throw error;
  }
  const dialect = pgliteDialect(client);
  const db = new Kysely<Database>({ dialect });
  // One session: its own notifications are all there are, delivered as each statement completes.
  const changes = new ChangeFeed(false);
  const ready = client.waitReady.then(
    async () => {
      if (dataDir) tighten(dataDir);
      await client.listen(CHANGE_CHANNEL, (payload) => changes.deliver(payload));
      changes.setHealthy(true);
    },
    (error: unknown) => {
      unlock();
      throw error;
    },
  );
  ready.catch(() => {}); // the caller awaits it; a failure is theirs to report, never unhandled
  const store: Store = {
    db,
    backend: 'pglite',
    changes,
    exec: (script) => dialect.driver.exec(script),
    close: async () => {
      try {
        await db.destroy();
        if (dataDir) tighten(dataDir);
      } finally {
        unlock();
      }
    },
    dumpImage: async () => (await client.dumpDataDir('none')) as Blob,
  };
  return { store, ready };
}

/** The embedded database's directory is in use by another process (PGlite is single-process). */
export class DataDirInUseError extends Error {}

const LOCK_FILE = 'roster.pid';
/** Data directories this process has open, each with its own store. */
const lockedHere = new Set<string>();

/**
 * PGlite is one PostgreSQL backend with no postmaster to keep a second process out, and two
 * processes writing one data directory corrupt it. The first to create roster.pid (O_EXCL) owns
 * the directory until it closes the store. A lock whose process is gone, or that names this very
 * process (a container restarted as pid 1 after a crash), is stale and taken over.
 */
function lockDataDir(dataDir: string): () => void {
  makePrivate(dataDir);
  const dir = path.resolve(dataDir);
  const file = path.join(dir, LOCK_FILE);
  const inUse = (owner: string) =>
    new DataDirInUseError(
      `the data directory ${dir} is in use by process ${owner}: one process per embedded database` +
        ` (if no Roster runs there, remove ${file})`,
    );
  if (lockedHere.has(dir)) throw inUse(String(process.pid));
  if (!createExclusive(file)) {
    const owner = Number(fs.readFileSync(file, 'utf8').trim());
    if (owner !== process.pid && isAlive(owner)) throw inUse(String(owner));
    fs.rmSync(file, { force: true });
    if (!createExclusive(file)) throw inUse(fs.readFileSync(file, 'utf8').trim()); // another took it over first
  }
  lockedHere.add(dir);
  return () => {
    lockedHere.delete(dir);
    fs.rmSync(file, { force: true });
  };
}

function createExclusive(file: string): boolean {
  try {
    fs.writeFileSync(file, `${process.pid}\n`, { flag: 'wx', mode: 0o600 });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/** Whether a process with this id runs (one of another user's counts: it cannot be signalled). */
export function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * The embedded database is only Roster's: its directory is created 0700 (an existing one is
 * narrowed to it), and the process keeps umask 077 so the directories PGlite makes are 0700 too.
 * PGlite's file system layer creates files 0666 whatever the umask, so `tighten` takes the group
 * and other bits off every file after start and at close; files made in between sit in 0700
 * directories that no other user can enter.
 */
export function makePrivate(dataDir: string): void {
  process.umask(0o077);
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  fs.chmodSync(dataDir, 0o700);
}

/**
 * Synchronous on purpose: it runs before the service listens and after it stops, and a thousand
 * stats in a row cost milliseconds where a thousand round trips through the thread pool cost
 * hundreds. A file PostgreSQL removes meanwhile is skipped.
 */
function tighten(dir: string): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  for (const entry of entries) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) tighten(file);
    if (!entry.isDirectory() && !entry.isFile()) continue;
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    if (stat && (stat.mode & 0o077) !== 0) fs.chmodSync(file, stat.mode & 0o700);
  }
}

function openPostgres(url: string, max: number): Store {
  const changes = new ChangeFeed(false, () => void listen());
  // Each notification is delivered once: by the pool session that made it (its own, heard before
  // its commit returns), or else by the listening connection.
  const poolBackends = new Set<number>();
  const deliver = (message: { channel: string; payload?: string }) => {
    if (message.channel === CHANGE_CHANNEL && message.payload !== undefined) changes.deliver(message.payload);
  };
  // pg is loaded when the store first connects: the embedded default never needs it, and its
  // modules cost an embedded start some 30 ms.
  let loading: Promise<pg.Pool> | undefined;
  const pool = () =>
    (loading ??= import('pg').then(({ default: driver }) => {
      const created = new driver.Pool({ connectionString: url, max });
      // An idle client losing its server must not crash the process; the next query reports it.
      created.on('error', () => {});
      // Every session listens too: PostgreSQL hands a session its own notifications as its
      // transaction commits, before the commit returns, so a write is never followed by a read
      // of this process's caches that has not heard of it. Queued first, so it runs first.
      created.on('connect', (client) => {
        const backend = (client as unknown as { processID: number }).processID;
        poolBackends.add(backend);
        client.on('notification', (message) => message.processId === backend && deliver(message));
        // JIT off: Roster's queries are short look-ups. A plan whose estimate grows with the table
        // (a list page at a million users, its statistics not yet refreshed after a bulk load)
        // crosses jit_above_cost, and compiling it took 25 ms where running it takes 0.4.
        // One query for both: pg warns when a second is queued on a client while one runs.
        client.query(`LISTEN ${CHANGE_CHANNEL}; SET jit = off`).catch(() => {});
      });
      created.on('remove', (client) => poolBackends.delete((client as unknown as { processID: number }).processID));
      return created;
    }));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });

  // One connection that only listens hears the other processes' changes, whatever the pool
  // holds at the moment. While it is down the feed is unhealthy; it reconnects with backoff.
  let listener: pg.Client | undefined;
  let closed = false;
  let retryMs = 100;
  async function listen(): Promise<void> {
    if (closed || listener) return;
    const { default: driver } = await import('pg');
    const client = new driver.Client({ connectionString: url });
    listener = client;
    let gone = false;
    const lost = () => {
      if (gone) return;
      gone = true;
      listener = undefined;
      changes.setHealthy(false);
      client.end().catch(() => {});
      if (closed) return;
      setTimeout(() => void listen(), retryMs).unref();
      retryMs = Math.min(retryMs * 2, 5_000);
    };
    client.on('notification', (message) => poolBackends.has(message.processId) || deliver(message));
    client.on('error', lost);
    client.on('end', lost);
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANGE_CHANNEL}`);
    } catch {
      lost();
      return;
    }
    if (gone) return;
    retryMs = 100;
    changes.setHealthy(true);
  }

  return {
    db,
    backend: 'postgres',
    changes,
    async exec(script) {
      const client = await (await pool()).connect();
      try {
        await client.query(script);
      } catch (error) {
        // A failed script leaves its transaction open on this session; close it before reuse.
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    close: async () => {
      closed = true;
      const last = listener;
      listener = undefined;
      changes.setHealthy(false);
      await last?.end().catch(() => {});
      await db.destroy();
      // Kysely ends the pool it used; one that only exec() used is ended here.
      if (loading) await (await loading).end().catch(() => {});
    },
  };
}
