// `npm run bench:million`: Roster's list, search and get latencies over a million users on
// PostgreSQL. A fresh database is filled by `npm run seed` (timed), then the built server is
// measured twice, with its user cache off (every request a database query) and as configured by
// default; each request asks
// something different (a random id, a random email suffix…) as a real directory's callers do.
// Baseline in the same run: /healthz, which touches neither the database nor authentication.
import { spawnSync, type ChildProcess } from 'node:child_process';
import { startBuilt } from './harness.ts';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import autocannon from 'autocannon';
import pg from 'pg';
import { encodeCursor } from '../src/http/pagination.ts';

const ROOT = new URL('..', import.meta.url).pathname;
const USERS = Number(process.env.BENCH_USERS ?? 1_000_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 4);
const PG_BASE = (process.env.BENCH_PG || 'postgres://postgres@127.0.0.1:5432').replace(/\/$/, '');
const DB = 'roster_bench_million';
const URL_ = `${PG_BASE}/${DB}`;
const PORT = 18334;
const ADMIN = { username: 'bench-admin', password: 'violet-harbour-ninety-lantern' };
const SECRET = randomBytes(32).toString('base64'); // one for the run: both starts share the keys it seals

async function onServer(database: string, statement: string, params: unknown[] = []): Promise<any[]> {
  const client = new pg.Client({ connectionString: `${PG_BASE}/${database}` });
  await client.connect();
  try {
    return (await client.query(statement, params)).rows;
  } finally {
    await client.end();
  }
}

function run(args: string[], env: Record<string, string>): string {
  const done = spawnSync(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  if (done.status !== 0) throw new Error(`${args.join(' ')} exited with ${done.status}`);
  return String(done.stdout);
}

function start(cache: boolean): Promise<ChildProcess> {
  return startBuilt(PORT, {
    DATABASE_URL: URL_,
    ROSTER_SECRET: SECRET,
    ROSTER_ADMIN_USERNAME: ADMIN.username,
    ROSTER_ADMIN_PASSWORD: ADMIN.password,
    ...(cache ? {} : { ROSTER_CACHE_USERS: '0', ROSTER_CACHE_LISTS: '0' }),
    LOG_LEVEL: 'warn',
  });
}

async function token(name: string): Promise<string> {
  const basic = `Basic ${Buffer.from(`${ADMIN.username}:${ADMIN.password}`).toString('base64')}`;
  const post = async (path: string, body: object) => {
    const res = await fetch(`http://127.0.0.1:${PORT}${path}`, { method: 'POST', headers: { authorization: basic, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    if (res.status !== 201) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return res.json() as Promise<any>;
  };
  const account = await post('/api/v1/users', { username: `million-bench-${name}`, type: 'service_account', role: 'admin' });
  return (await post(`/api/v1/users/${account.id}/tokens`, { name: 'bench' })).secret;
}

interface Row {
  scenario: string;
  rps: number;
  p50: number;
  p99: number;
}

async function measure(scenario: string, path: () => string, auth: string | undefined): Promise<Row> {
  const result = await autocannon({
    url: `http://127.0.0.1:${PORT}`,
    connections: CONNECTIONS,
    duration: SECONDS,
    requests: [{ method: 'GET', headers: auth ? { authorization: auth } : {}, setupRequest: (req: any) => ({ ...req, path: path() }) }],
  });
  const failed = result.non2xx + result.errors + result.timeouts;
  if (failed > 0) throw new Error(`${scenario}: ${failed} of ${result.requests.total} requests failed`);
  const row = { scenario, rps: Math.round(result.requests.total / result.duration), p50: result.latency.p50, p99: result.latency.p99 };
  console.error(`  ${scenario}: ${row.rps} req/s, p50 ${row.p50} ms, p99 ${row.p99} ms`);
  return row;
}

async function main(): Promise<void> {
  run(['scripts/build-if-stale.mjs'], {});
  await onServer('postgres', `DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
  await onServer('postgres', `CREATE DATABASE ${DB}`);
  let server = await start(false); // migrates the empty database and provisions it
  server.kill('SIGTERM');
  await new Promise((resolve) => server.once('exit', resolve));

  console.error(`seeding ${USERS.toLocaleString('en')} users`);
  const started = performance.now();
  const seeded = JSON.parse(run(['--import', 'tsx', 'scripts/seed.ts', '--users', String(USERS)], { DATABASE_URL: URL_ }));
  const seedSeconds = (performance.now() - started) / 1000;
  await onServer(DB, 'ANALYZE');

  const ids: string[] = (await onServer(DB, 'SELECT id::text AS id FROM users TABLESAMPLE SYSTEM (1) LIMIT 10000')).map((r) => r.id);
  // 50,000 users deep, or half-way down a smaller run (BENCH_USERS).
  const depth = Math.min(50_000, Math.floor(USERS / 2));
  const [deep] = await onServer(DB, 'SELECT id::text AS id FROM users ORDER BY id OFFSET $1 LIMIT 1', [depth]);
  const n = () => 1 + Math.floor(Math.random() * USERS);
  const pick = () => ids[Math.floor(Math.random() * ids.length)];
  const filter = (text: string) => `/api/v1/users?limit=50&filter=${encodeURIComponent(text)}`;
  const prefix = seeded.prefix as string;
  console.log(`${USERS.toLocaleString('en')} users seeded in ${seedSeconds.toFixed(1)} s; ${CONNECTIONS} connections, ${SECONDS} s each, ${os.availableParallelism()} cores`);
  // First with the user cache off, so every request is a database query; then as configured by
  // default, where repeated pages and users come from memory.
  for (const cache of [false, true]) {
    server = await start(cache);
    try {
      const auth = `Bearer ${await token(cache ? 'cached' : 'uncached')}`;
      console.error(cache ? 'user cache on (default)' : 'user cache off');
      const rows = [
        await measure('baseline: /healthz (no database, no auth)', () => '/healthz', undefined),
        await measure('get by id (random of 10,000)', () => `/api/v1/users/${pick()}`, auth),
        await measure('list first page (50)', () => '/api/v1/users?limit=50', auth),
        await measure(`list a page ${depth.toLocaleString('en')} users deep (50)`, () => `/api/v1/users?limit=50&cursor=${encodeCursor(deep.id)}`, auth),
        await measure('filter email ew "-N@example.com"', () => filter(`email ew "-${n()}@example.com"`), auth),
        await measure('filter email co "-N@"', () => filter(`email co "-${n()}@"`), auth),
        await measure('filter username sw "prefix-N"', () => filter(`username sw "${prefix}-${n()}"`), auth),
        await measure('q=-N (a fragment of a username and email)', () => `/api/v1/users?limit=50&q=${encodeURIComponent(`-${n()}`)}`, auth),
        // Every seeded name shares a 12-character prefix, so its trigrams are in every row: the
        // worst case for a trigram index, which real names do not reach.
        await measure('q=prefix-N (a whole seeded username: worst case)', () => `/api/v1/users?limit=50&q=${encodeURIComponent(`${prefix}-${n()}`)}`, auth),
      ];
      const base = rows[0];
      console.log(`\nuser cache ${cache ? 'on (the default)' : 'off (ROSTER_CACHE_USERS=0, ROSTER_CACHE_LISTS=0)'}\n`);
      console.log('| scenario | req/s | p50 ms | p99 ms | p99 ÷ baseline p99 |\n| --- | ---: | ---: | ---: | ---: |');
      for (const row of rows) console.log(`| ${row.scenario} | ${row.rps} | ${row.p50} | ${row.p99} | ${(row.p99 / Math.max(base.p99, 1)).toFixed(1)} |`);
    } finally {
      server.kill('SIGTERM');
      await new Promise((resolve) => server.once('exit', resolve));
    }
  }
}

await main();
