// Measuring helpers: HTTP load with autocannon, and in-process loops, each for a fixed time.
import { spawn, type ChildProcess } from 'node:child_process';
import autocannon from 'autocannon';

export const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);

export interface Load {
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  /** Builds each request's body, so creates can use unique usernames. */
  body?: () => string;
  connections?: number;
}

export async function httpRate(load: Load): Promise<number> {
  const result = await autocannon({
    url: load.url,
    connections: load.connections ?? 10,
    duration: SECONDS,
    headers: { ...(load.body ? { 'content-type': 'application/json' } : {}), ...load.headers },
    requests: [
      {
        method: load.method ?? 'GET',
        setupRequest: (request: any) => (load.body ? { ...request, body: load.body() } : request),
      },
    ],
  });
  const failed = result.non2xx + result.errors + result.timeouts;
  if (failed > 0) throw new Error(`${load.method ?? 'GET'} ${load.url}: ${failed} of ${result.requests.total} requests failed`);
  return result.requests.total / SECONDS;
}

/** Runs `work` in `parallel` loops for SECONDS; returns completed operations per second. */
export async function loopRate(work: () => Promise<unknown>, parallel: number): Promise<number> {
  const end = performance.now() + SECONDS * 1000;
  let done = 0;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (performance.now() < end) {
        await work();
        done++;
      }
    }),
  );
  return done / SECONDS;
}

/**
 * Starts the built server (dist/main.js) in production mode on `port` with `env` added, and
 * resolves once /healthz answers 200.
 */
export async function startBuilt(port: number, env: Record<string, string>): Promise<ChildProcess> {
  // BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=…" profiles the server under the bench's load.
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, 'dist/main.js'], {
    cwd: new URL('..', import.meta.url).pathname,
    env: { ...process.env, NODE_ENV: 'production', PORT: String(port), HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (const deadline = Date.now() + 60_000; Date.now() < deadline; ) {
    if (child.exitCode !== null) throw new Error(`Roster exited with ${child.exitCode}`);
    if ((await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => undefined))?.status === 200) return child;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGKILL');
  throw new Error('Roster did not serve within 60 s');
}
