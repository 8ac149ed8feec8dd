// Measuring helpers: HTTP load with autocannon, and in-process loops, each for a fixed time.
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
