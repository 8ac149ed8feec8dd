// `npm run bench`: Roster's hot paths as ratios to baselines measured in the same run, on PGlite
// and (with DATABASE_URL) on a scratch database of that PostgreSQL server.
import os from 'node:os';
import { randomBytes } from 'node:crypto';
import Fastify from 'fastify';
import { hash } from '@node-rs/argon2';
import pg from 'pg';
import { buildApp } from '../src/app.ts';
import { createPasswordHasher, PRODUCTION_ARGON2 } from '../src/credentials/password.ts';
import { openStore, type Store } from '../src/store/db.ts';
import { migrate } from '../src/store/migrate.ts';
import { httpRate, loopRate, SECONDS } from './harness.ts';

const ADMIN = { username: 'bench-admin', password: 'violet-harbour-ninety-lantern' };
const AUTH = `Basic ${Buffer.from(`${ADMIN.username}:${ADMIN.password}`).toString('base64')}`;
const PASSWORD = 'plum-anchor-violet-93-orbit';

interface Row {
  scenario: string;
  backend: string;
  rate: number;
  baseline: string;
  baselineRate: number;
}

async function bareFastifyRate(): Promise<number> {
  const bare = Fastify();
  bare.get('/hello', async () => ({ id: 'x', username: 'hello' }));
  const address = await bare.listen({ port: 0, host: '127.0.0.1' });
  try {
    return await httpRate({ url: `${address}/hello` });
  } finally {
    await bare.close();
  }
}

async function argon2Rate(): Promise<number> {
  const cores = os.availableParallelism();
  return loopRate(() => hash(PASSWORD, { algorithm: 2, ...PRODUCTION_ARGON2 }), cores);
}

async function benchBackend(backend: string, store: Store, bare: number, argon: number): Promise<Row[]> {
  await migrate(store);
  const app = await buildApp({ store, passwords: createPasswordHasher(), secret: 'x'.repeat(32) });
  // Two bench-only routes that differ in nothing but authentication, to price each scheme.
  app.get('/bench/public', { config: { access: 'public' } }, async () => ({ id: null }));
  app.get('/bench/self', { config: { access: 'self' } }, async (request) => ({ id: request.principal!.userId }));
  await app.system.provision(ADMIN);
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  const unique = () => `bench-${randomBytes(6).toString('hex')}`;
  try {
    let lastId = '';
    for (let i = 0; i < 150; i++) {
      const res = await fetch(`${address}/api/v1/users`, {
        method: 'POST',
        headers: { authorization: AUTH, 'content-type': 'application/json' },
        body: JSON.stringify({ username: unique(), email: `${unique()}@example.com` }),
      });
      lastId = ((await res.json()) as { id: string }).id;
    }
    const rawLookup = await loopRate(
      () => store.db.selectFrom('users').selectAll().where('id', '=', lastId).executeTakeFirstOrThrow(),
      10,
    );
    const rows: Row[] = [];
    const add = (scenario: string, rate: number, baseline: string, baselineRate: number) =>
      rows.push({ scenario, backend, rate, baseline, baselineRate });
    const headers = { authorization: AUTH };
    add('get user by id', await httpRate({ url: `${address}/api/v1/users/${lastId}`, headers }), 'bare Fastify route', bare);
    add('get user by id', await httpRate({ url: `${address}/api/v1/users/${lastId}`, headers }), 'raw DB lookup', rawLookup);
    add('list first page (100)', await httpRate({ url: `${address}/api/v1/users?limit=100`, headers }), 'bare Fastify route', bare);
    const createBody = () => JSON.stringify({ username: unique() });
    add('create without password', await httpRate({ url: `${address}/api/v1/users`, method: 'POST', headers, body: createBody }), 'bare Fastify route', bare);
    const withPassword = () => JSON.stringify({ username: unique(), password: PASSWORD });
    add('create with password', await httpRate({ url: `${address}/api/v1/users`, method: 'POST', headers, body: withPassword }), 'argon2id hash per core', argon);
    const session = (await (await fetch(`${address}/api/v1/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(ADMIN),
    })).json()) as { accessToken: string };
    const token = (await (await fetch(`${address}/api/v1/users/me/tokens`, {
      method: 'POST',
      headers: { authorization: AUTH, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'bench' }),
    })).json()) as { secret: string };
    const unauthenticated = await httpRate({ url: `${address}/bench/public` });
    const self = `${address}/bench/self`;
    add('auth: JWT (Bearer)', await httpRate({ url: self, headers: { authorization: `Bearer ${session.accessToken}` } }), 'unauthenticated request', unauthenticated);
    add('auth: personal access token', await httpRate({ url: self, headers: { authorization: `Token ${token.secret}` } }), 'unauthenticated request', unauthenticated);
    add('auth: Basic (cached verification)', await httpRate({ url: self, headers }), 'unauthenticated request', unauthenticated);
    add('auth: JWT (Bearer)', await httpRate({ url: self, headers: { authorization: `Bearer ${session.accessToken}` } }), 'raw DB lookup', rawLookup);
    return rows;
  } finally {
    await app.close();
    await store.close();
  }
}

async function withScratchPostgres<T>(url: string, work: (store: Store) => Promise<T>): Promise<T> {
  const name = `roster_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  try {
    const scratch = new URL(url);
    scratch.pathname = `/${name}`;
    return await work(await openStore({ backend: 'postgres', url: scratch.toString() }));
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

const format = (n: number) => (n >= 100 ? Math.round(n).toString() : n.toFixed(1));

async function main() {
  process.stdout.write(`Measuring ${SECONDS}s per figure on ${os.availableParallelism()} cores, node ${process.version}…\n`);
  const bare = await bareFastifyRate();
  const argon = await argon2Rate();
  const rows = await benchBackend('pglite', await openStore({ backend: 'pglite' }), bare, argon);
  if (process.env.DATABASE_URL) {
    rows.push(...(await withScratchPostgres(process.env.DATABASE_URL, (store) => benchBackend('postgres', store, bare, argon))));
  }
  const lines = [
    '| scenario | backend | ops/s | baseline | baseline ops/s | ratio |',
    '| --- | --- | ---: | --- | ---: | ---: |',
    ...rows.map((r) => `| ${r.scenario} | ${r.backend} | ${format(r.rate)} | ${r.baseline} | ${format(r.baselineRate)} | ${(r.rate / r.baselineRate).toFixed(2)} |`),
  ];
  process.stdout.write(lines.join('\n') + '\n');
}

await main();
