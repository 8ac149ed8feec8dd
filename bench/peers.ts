// `npm run bench:peers`: the race in ../shared/peers/ with Roster in it. Roster runs as a user
// would run it in production (the built bundle, NODE_ENV=production, default log level) on a
// fresh PostgreSQL database, authenticated by a service account's personal access token; the
// peers' bench seeds it through its API and measures it beside Parse Server and better-auth.
// Beside the race, the argon2 bound (cores ÷ one production hash's time) is measured in the same
// run, so "create with password" can be read as a fraction of what hashing allows.
import { spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { hash } from '@node-rs/argon2';
import pg from 'pg';
import { PRODUCTION_ARGON2 } from '../src/credentials/password.ts';
import { loopRate, startBuilt } from './harness.ts';

const ROOT = new URL('..', import.meta.url).pathname;
const PEERS = path.resolve(ROOT, '../shared/peers');
const PEERS_DIR = process.env.PEERS_DIR || path.join(os.tmpdir(), 'roster-peers');
const PG_BASE = (process.env.PEERS_PG || 'postgres://postgres@127.0.0.1:5432').replace(/\/$/, '');
const DB = 'roster_peer_roster';
const PORT = Number(process.env.ROSTER_PEER_PORT ?? 18333);
const ADMIN = { username: 'bench-admin', password: 'violet-harbour-ninety-lantern' };

function run(command: string, args: string[], env: Record<string, string> = {}): void {
  const done = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } });
  if (done.status !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${done.status}`);
}

async function freshDatabase(): Promise<void> {
  const client = new pg.Client({ connectionString: `${PG_BASE}/postgres` });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${DB}`);
  } finally {
    await client.end();
  }
}

function startRoster(): Promise<ChildProcess> {
  return startBuilt(PORT, {
    DATABASE_URL: `${PG_BASE}/${DB}`,
    ROSTER_SECRET: randomBytes(32).toString('base64'),
    ROSTER_ADMIN_USERNAME: ADMIN.username,
    ROSTER_ADMIN_PASSWORD: ADMIN.password,
  });
}

async function call(method: string, url: string, auth: string, body?: unknown): Promise<any> {
  const res = await fetch(`http://127.0.0.1:${PORT}${url}`, {
    method,
    headers: { authorization: auth, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const json = await res.json();
  if (res.status >= 300) throw new Error(`${method} ${url}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

/** A service account with a token, as an integration would hold one. */
async function serviceToken(): Promise<string> {
  const basic = `Basic ${Buffer.from(`${ADMIN.username}:${ADMIN.password}`).toString('base64')}`;
  const account = await call('POST', '/api/v1/users', basic, { username: 'peers-bench', type: 'service_account', role: 'admin' });
  const token = await call('POST', `/api/v1/users/${account.id}/tokens`, basic, { name: 'peers bench' });
  return token.secret;
}

async function argon2Bound(): Promise<number> {
  const cores = os.availableParallelism();
  return loopRate(() => hash('plum-anchor-violet-93-orbit', { algorithm: 2, ...PRODUCTION_ARGON2 }), cores);
}

interface Result {
  system: string;
  scenario: string;
  rps: number;
  p99_ms: number;
}

function report(results: Result[], bound: number): void {
  const peers = results.filter((r) => r.system !== 'Roster');
  console.log('\n| scenario | best peer | best peer req/s | Roster req/s | Roster p99 ms | Roster ÷ best peer |');
  console.log('| --- | --- | ---: | ---: | ---: | ---: |');
  for (const scenario of ['get by id', 'list 50', 'create']) {
    const roster = results.find((r) => r.system === 'Roster' && r.scenario === scenario);
    const best = peers.filter((r) => r.scenario === scenario).sort((a, b) => b.rps - a.rps)[0];
    if (!roster) continue;
    const ratio = best ? (roster.rps / best.rps).toFixed(2) : 'n/a';
    console.log(`| ${scenario} | ${best?.system ?? 'none'} | ${best?.rps ?? '-'} | ${roster.rps} | ${roster.p99_ms} | ${ratio} |`);
  }
  const create = results.find((r) => r.system === 'Roster' && r.scenario === 'create');
  console.log(`\nargon2id bound (production parameters, ${os.availableParallelism()} cores): ${bound.toFixed(1)} hashes/s`);
  if (create) console.log(`Roster create with password: ${create.rps} req/s = ${((create.rps / bound) * 100).toFixed(0)} % of the bound`);
}

async function main(): Promise<void> {
  run('bash', [path.join(PEERS, 'setup.sh')], { PEERS_DIR });
  run(process.execPath, ['scripts/build-if-stale.mjs']);
  const bound = await argon2Bound();
  await freshDatabase();
  const roster = await startRoster();
  try {
    const token = await serviceToken();
    run(process.execPath, [path.join(PEERS, 'bench.mjs')], {
      PEERS_DIR,
      ROSTER_URL: `http://127.0.0.1:${PORT}`,
      ROSTER_TOKEN: token,
    });
  } finally {
    roster.kill('SIGTERM');
    await new Promise((resolve) => (roster.exitCode === null ? roster.once('exit', resolve) : resolve(null)));
  }
  const file = path.join(PEERS_DIR, 'results.json');
  if (existsSync(file)) report(JSON.parse(readFileSync(file, 'utf8')).results, bound);
}

await main();
