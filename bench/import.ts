// `npm run bench:import`: a million users with password hashes uploaded to POST
// /api/v1/users/import on a fresh PostgreSQL database, then exported again, and the same on the
// embedded database. The NDJSON file is written to a temporary directory first and then streamed
// from disk, as `curl -T users.ndjson` would send it, so the client costs what a real upload
// costs. Reported: lines per second, the CPU seconds Roster, the database and the client spent
// during the import, the server's peak RSS (VmHWM) after a tenth of the file and after all of it
// (flat memory means the two are close), and, as the baseline measured in the same run, how long
// the seed command takes to write as many users with SQL alone (generate_series, no HTTP, no
// checks).
import http from 'node:http';
import { spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync, mkdtempSync, rmSync, createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { tmpdir, availableParallelism } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { startBuilt } from './harness.ts';
import { cpuSeconds, ownCpuSeconds, postgresCpuSeconds } from './cpu.ts';

const ROOT = new URL('..', import.meta.url).pathname;
const USERS = Number(process.env.BENCH_USERS ?? 1_000_000);
const PGLITE_USERS = Number(process.env.BENCH_PGLITE_USERS ?? USERS);
const PG_BASE = (process.env.BENCH_PG || 'postgres://postgres@127.0.0.1:5432').replace(/\/$/, '');
const PORT = 18335;
const ADMIN = { username: 'bench-admin', password: 'violet-harbour-ninety-lantern' };
const AUTH = `Basic ${Buffer.from(`${ADMIN.username}:${ADMIN.password}`).toString('base64')}`;
// Hashes as other systems export them: a real import carries one per user; these rotate.
const HASHES = [
  '$2b$04$rTBdUzzMRVBRZzqB56Y1s.h0vgIHQnDjnGCbUH/U3BK9mtKgZEPVK',
  '$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$K5dWpsvbTkSdUvcbGbJOgdEq8tR/UaH4tl7z4bU6qGs',
  '$pbkdf2-sha256$i=1000,l=32$c29tZXNhbHQ$0Dk2NoS4VsA8GKoBaaa6A9s7IvXQGN8BQIxnKi8Etqw',
];

async function sql(database: string, statement: string): Promise<any[]> {
  const client = new pg.Client({ connectionString: `${PG_BASE}/${database}` });
  await client.connect();
  try {
    return (await client.query(statement)).rows;
  } finally {
    await client.end();
  }
}

function line(n: number, tag: string): string {
  const name = `${tag}-${n}`;
  return `${JSON.stringify({
    username: name,
    email: `${name}@example.com`,
    name: `Imported User ${n}`,
    givenName: 'Imported',
    familyName: `User ${n}`,
    externalId: `legacy-${name}`,
    groups: [`team-${n % 20}`],
    passwordHash: HASHES[n % HASHES.length],
    createdAt: new Date(1_600_000_000_000 + n * 1000).toISOString(),
  })}\n`;
}

/** Peak and current resident memory of a process, in MB (Linux /proc). */
function memory(pid: number): { peak: number; now: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)![1]);
  return { peak: Math.round(kb('VmHWM') / 1024), now: Math.round(kb('VmRSS') / 1024) };
}

/** Writes lines [from, from + count) to `file`, honouring the disk's backpressure. */
async function writeLines(file: string, from: number, count: number, tag: string): Promise<void> {
  const out = createWriteStream(file);
  for (let n = from; n < from + count; ) {
    let chunk = '';
    for (let i = 0; i < 500 && n < from + count; i++) chunk += line(n++, tag);
    if (!out.write(chunk)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

/** Streams an NDJSON file to the import (pipe honours backpressure); resolves with the job. */
function importFile(file: string): Promise<any> {
  return new Promise((resolve, reject) => {
    const request = http.request(`http://127.0.0.1:${PORT}/api/v1/users/import`, {
      method: 'POST',
      headers: { authorization: AUTH, 'content-type': 'application/x-ndjson' },
    });
    request.on('error', reject);
    request.on('response', (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => (res.statusCode === 202 ? resolve(JSON.parse(body)) : reject(new Error(`${res.statusCode} ${body}`))));
    });
    createReadStream(file, { highWaterMark: 256 * 1024 }).on('error', reject).pipe(request);
  });
}

/** Reads the whole export, counting lines; resolves with the count. */
function exportAll(): Promise<number> {
  return new Promise((resolve, reject) => {
    http
      .get(`http://127.0.0.1:${PORT}/api/v1/users/export?includeHashes=true`, { headers: { authorization: AUTH } }, (res) => {
        let lines = 0;
        res.on('data', (chunk: Buffer) => {
          for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
        });
        res.on('end', () => resolve(lines));
        res.on('error', reject);
      })
      .on('error', reject);
  });
}

function seconds(since: number): number {
  return (performance.now() - since) / 1000;
}

async function stop(server: ChildProcess): Promise<void> {
  server.kill('SIGTERM');
  await new Promise((resolve) => server.once('exit', resolve));
}

/** The baseline: the seed command writing `count` users with SQL alone into the same kind of database. */
function seedSeconds(count: number, env: Record<string, string>): number {
  const started = performance.now();
  const done = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/seed.ts', '--users', String(count), '--groups', '20'], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (done.status !== 0) throw new Error(`seed exited with ${done.status}`);
  return seconds(started);
}

async function measure(backend: string, count: number, envOf: () => Record<string, string>, reset: () => Promise<void>): Promise<void> {
  const tenth = Math.floor(count / 10);
  const files = mkdtempSync(path.join(tmpdir(), 'roster-bench-ndjson-'));
  const first = path.join(files, 'first.ndjson');
  const rest = path.join(files, 'rest.ndjson');
  try {
    await writeLines(first, 0, tenth, 'first');
    await writeLines(rest, tenth, count - tenth, 'rest');
    await measureFiles(backend, count, [first, rest], envOf, reset);
  } finally {
    rmSync(files, { recursive: true, force: true });
  }
}

async function measureFiles(backend: string, count: number, [first, rest]: string[], envOf: () => Record<string, string>, reset: () => Promise<void>): Promise<void> {
  await reset();
  const baseline = seedSeconds(count, envOf());
  await reset();
  const env = envOf();
  const server = await startBuilt(PORT, { ...env, ROSTER_SECRET: randomBytes(32).toString('base64'), ROSTER_ADMIN_USERNAME: ADMIN.username, ROSTER_ADMIN_PASSWORD: ADMIN.password, LOG_LEVEL: 'warn' });
  try {
    const idle = memory(server.pid!);
    const tenth = Math.floor(count / 10);
    const cpuBefore = { roster: cpuSeconds(server.pid!), postgres: postgresCpuSeconds(), client: ownCpuSeconds() };
    const started = performance.now();
    const firstJob = await importFile(first);
    const afterTenth = memory(server.pid!);
    const restJob = await importFile(rest);
    const importSeconds = seconds(started);
    const afterAll = memory(server.pid!);
    const cpu = {
      roster: cpuSeconds(server.pid!) - cpuBefore.roster,
      postgres: postgresCpuSeconds() - cpuBefore.postgres,
      client: ownCpuSeconds() - cpuBefore.client,
    };
    console.error(`  ${backend}: imported ${count.toLocaleString('en')} lines in ${importSeconds.toFixed(1)} s (seed baseline ${baseline.toFixed(1)} s); peak RSS ${afterTenth.peak} → ${afterAll.peak} MB; CPU ${JSON.stringify(cpu)}`);
    for (const job of [firstJob, restJob]) {
      if (job.status !== 'done' || job.progress.failed !== 0) throw new Error(`import job: ${JSON.stringify(job)}`);
    }
    const exportStarted = performance.now();
    const exported = await exportAll();
    const exportSeconds = seconds(exportStarted);
    const rate = (n: number, s: number) => Math.round(n / s).toLocaleString('en');
    console.log(`\n${backend}: ${count.toLocaleString('en')} users with password hashes\n`);
    console.log('| measure | figure |\n| --- | ---: |');
    console.log(`| baseline: seed command, SQL only (generate_series) | ${baseline.toFixed(1)} s (${rate(count, baseline)} users/s) |`);
    console.log(`| import over HTTP, NDJSON streamed, every line checked | ${importSeconds.toFixed(1)} s (${rate(count, importSeconds)} lines/s) |`);
    console.log(`| import ÷ baseline (time) | ${(importSeconds / baseline).toFixed(2)}× |`);
    const micros = (s: number) => `${Math.round((s / count) * 1e6)} µs/line`;
    const pgCpu = backend === 'PostgreSQL' ? `, PostgreSQL ${cpu.postgres.toFixed(1)} s (${micros(cpu.postgres)})` : ' (the database runs inside Roster)';
    console.log(`| CPU during the import: Roster ${cpu.roster.toFixed(1)} s (${micros(cpu.roster)})${pgCpu}, client ${cpu.client.toFixed(1)} s | of ${(availableParallelism() * importSeconds).toFixed(0)} core-seconds |`);
    console.log(`| export with hashes, streamed (${exported.toLocaleString('en')} lines) | ${exportSeconds.toFixed(1)} s (${rate(exported, exportSeconds)} lines/s) |`);
    console.log(`| export rate ÷ import rate | ${(importSeconds / exportSeconds).toFixed(1)}× |`);
    console.log(`| server RSS: idle → peak after ${tenth.toLocaleString('en')} lines → peak after all | ${idle.now} → ${afterTenth.peak} → ${afterAll.peak} MB |`);
  } finally {
    await stop(server);
  }
}

async function main(): Promise<void> {
  spawnSync(process.execPath, ['scripts/build-if-stale.mjs'], { cwd: ROOT, stdio: 'inherit' });
  const db = 'roster_bench_import';
  const url = `${PG_BASE}/${db}`;
  await measure('PostgreSQL', USERS, () => ({ DATABASE_URL: url }), async () => {
    await sql('postgres', `DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
    await sql('postgres', `CREATE DATABASE ${db}`);
  });
  await sql('postgres', `DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
  if (PGLITE_USERS > 0) {
    let dir = '';
    await measure('PGlite (embedded)', PGLITE_USERS, () => ({ DATABASE_URL: '', ROSTER_DATA_DIR: dir }), async () => {
      if (dir) rmSync(dir, { recursive: true, force: true });
      dir = mkdtempSync(path.join(tmpdir(), 'roster-bench-import-'));
    }).finally(() => rmSync(dir, { recursive: true, force: true }));
  }
}

await main();
