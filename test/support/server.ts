// Starts Roster on a real socket over a real database, with a cheap argon2 cost and the log
// captured so tests can read it. `withServer` is the one way a test file gets a server: one
// shared by a whole suite, or one scoped to a single test that needs its own database.
import { after, before } from 'node:test';
import { Writable } from 'node:stream';
import { buildApp, type App, type AppDeps } from '../../src/app.ts';
import { createPasswordHasher } from '../../src/credentials/password.ts';
import { strengthPool } from '../../src/credentials/password-policy.ts';
import type { Store } from '../../src/store/db.ts';
import { createSystem } from '../../src/system/system.service.ts';
import { createUnitOfWork } from '../../src/repos.ts';
import { v7 as uuidv7 } from 'uuid';
import { createTestDatabase, type BackendName, type TestDatabase } from './backends.ts';
import { Client, basic } from './client.ts';

// The test process keeps the strength threads across the servers it starts and stops: each app's
// close would otherwise stop them, and each restart costs a thread a second of loading zxcvbn's
// dictionaries. Idle threads are unref'd, so the process still exits.
strengthPool.hold();

export const TEST_ARGON2 = { memoryCost: 256, timeCost: 1, parallelism: 1 };
export const TEST_SECRET = 'test-secret-that-is-long-enough-0123456789';
export const ADMIN = { username: 'admin', password: 'correct-horse-battery-staple' };

export interface TestServer {
  url: string;
  app: App;
  store: Store;
  database: TestDatabase;
  logs: string[];
  /** A client authenticated as the provisioned admin. */
  admin: Client;
  /** An unauthenticated client. */
  anon: Client;
  client(auth?: string): Client;
  /** Stops the server and closes the store; the database stays (see restart, close). */
  stop(): Promise<void>;
  close(): Promise<void>;
}

export interface ServerOptions extends Partial<Omit<AppDeps, 'store' | 'passwords'>> {
  provision?: boolean;
  /** Start the background job worker (default true); tests of retries drive it by hand. */
  worker?: boolean;
  dataDir?: string;
  database?: TestDatabase;
}

export async function startServer(backend: BackendName, options: ServerOptions = {}): Promise<TestServer> {
  const database = options.database ?? (await createTestDatabase(backend, { dataDir: options.dataDir }));
  const store = await database.open();
  const logs: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      logs.push(String(chunk));
      done();
    },
  });
  const app = await buildApp({
    ipLimits: { sessionsPerWindow: 10_000, basicFailuresPerWindow: 10_000, windowMs: 60_000 },
    ...options,
    secret: options.secret ?? TEST_SECRET,
    store,
    passwords: createPasswordHasher(TEST_ARGON2),
    // debug: tests follow requests by their arrival line (src/http/access-log.ts).
    logger: { level: 'debug', stream },
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  if (options.worker !== false) app.queue.start();
  const address = app.server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  if (options.provision !== false && (await app.system.state()) === 'unprovisioned') {
    // A read-only service refuses to provision, as an operator's would: provision it as the
    // writable service it was before maintenance began.
    const system = options.readOnly
      ? createSystem({ data: createUnitOfWork(store), passwords: createPasswordHasher(TEST_ARGON2), now: () => new Date(), newId: uuidv7, readOnly: false })
      : app.system;
    await system.provision(ADMIN);
  }
  const stop = async () => {
    await app.close();
    await store.close();
  };
  return {
    url,
    app,
    store,
    database,
    logs,
    admin: new Client(url, basic(ADMIN.username, ADMIN.password)),
    anon: new Client(url),
    client: (auth) => new Client(url, auth),
    stop,
    close: async () => {
      await stop();
      await database.drop();
    },
  };
}

type Options = ServerOptions | (() => ServerOptions | Promise<ServerOptions>);

/**
 * One server for the enclosing `describe`: started in its `before` hook, closed (database dropped)
 * in its `after` hook. Returns the server itself, usable inside the tests; options may be a
 * function, evaluated when the server starts (after earlier hooks, e.g. a mail server's).
 *
 * With a `run` function instead: a server of its own for that function, closed when it returns
 * or throws — for a test that needs an empty database, another configuration, or a restart.
 */
export function withServer(backend: BackendName, options?: Options): TestServer;
export function withServer<T>(backend: BackendName, options: Options, run: (server: TestServer) => Promise<T>): Promise<T>;
export function withServer<T>(
  backend: BackendName,
  options: Options = {},
  run?: (server: TestServer) => Promise<T>,
): TestServer | Promise<T> {
  const resolve = async () => (typeof options === 'function' ? await options() : options);
  if (run) {
    return (async () => {
      const server = await startServer(backend, await resolve());
      try {
        return await run(server);
      } finally {
        await server.close();
      }
    })();
  }
  let server: TestServer | undefined;
  before(async () => {
    server = await startServer(backend, await resolve());
  });
  after(async () => {
    await server?.close();
  });
  return new Proxy({} as TestServer, {
    get(_target, key) {
      if (!server) throw new Error(`withServer: the server is not started yet (read .${String(key)} inside a test or hook)`);
      const value = Reflect.get(server, key);
      return typeof value === 'function' ? value.bind(server) : value;
    },
  });
}
