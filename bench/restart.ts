// `npm run bench:restart`: how long a restart takes to serve, from the command starting to the
// first 200 from /healthz, on an embedded database that already holds a provisioned service.
// Baseline, measured in the same run: a bare Node.js HTTP server started the same way.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

const ROOT = new URL('..', import.meta.url).pathname;
const RUNS = Number(process.env.BENCH_RESTARTS ?? 5);
const BARE = `require('node:http').createServer((q, s) => s.end('ok')).listen(0, '127.0.0.1', function () {
  console.log(JSON.stringify({ address: 'http://127.0.0.1:' + this.address().port }));
});`;

/** The address a starting server logs on its stdout (`"address":"http://…"`). */
function addressOf(child: ChildProcess, what: string): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    let buffer = '';
    child.stdout!.on('data', (chunk) => {
      buffer += chunk;
      const found = /"address":"([^"]+)"/.exec(buffer)?.[1];
      if (found) resolve(found);
    });
    child.on('exit', (code) => reject(new Error(`${what} exited with ${code} before serving`)));
  });
}

/** Resident memory of a process in MB (Linux), or NaN where /proc is missing. */
async function rssMb(pid: number): Promise<number> {
  const status = await fs.readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  const kb = Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1]);
  return kb / 1024;
}

/** Idle RSS samples of `node dist/main.js`, taken IDLE_MS after it first served. */
const idleRss: number[] = [];
const IDLE_MS = 3_000;

/** Milliseconds from spawning `command` to a 200 from `/healthz` at the address it logs. */
async function timeToServe(command: string, args: string[], env: Record<string, string>, sampleRss = false): Promise<number> {
  const started = performance.now();
  // Its own process group, so stopping `npm start` stops the server npm started too.
  const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'], detached: true });
  try {
    const address = await addressOf(child, command);
    const res = await fetch(`${address}/healthz`);
    if (res.status !== 200) throw new Error(`/healthz answered ${res.status}`);
    const elapsed = performance.now() - started;
    if (sampleRss) {
      await new Promise((resolve) => setTimeout(resolve, IDLE_MS));
      idleRss.push(await rssMb(child.pid!));
    }
    return elapsed;
  } finally {
    const exited = new Promise((resolve) => (child.exitCode === null ? child.once('exit', resolve) : resolve(null)));
    if (groupAlive(child.pid!)) process.kill(-child.pid!, 'SIGTERM');
    await exited;
    // npm may exit before the server it started has closed its database.
    while (groupAlive(child.pid!)) await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * RSS after work: 20 creates with a password and 200 list pages, then again once the strength
 * threads have been idle long enough to stop (WorkerPool's 30 s).
 */
async function rssAfterWork(env: Record<string, string>): Promise<{ busy: number; rested: number }> {
  const child = spawn(process.execPath, ['dist/main.js'], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const address = await addressOf(child, 'node dist/main.js');
    const auth = { authorization: `Basic ${Buffer.from(`${env.ROSTER_ADMIN_USERNAME}:${env.ROSTER_ADMIN_PASSWORD}`).toString('base64')}` };
    const tag = Date.now().toString(36);
    for (let i = 0; i < 20; i++) {
      const res = await fetch(`${address}/api/v1/users`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify({ username: `rss-${tag}-${i}`, password: `Quartz-Lantern-Orbit-${tag}-${i}` }),
      });
      if (res.status !== 201) throw new Error(`create answered ${res.status}`);
    }
    for (let i = 0; i < 200; i++) await (await fetch(`${address}/api/v1/users?limit=50`, { headers: auth })).text();
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const busy = await rssMb(child.pid!);
    await new Promise((resolve) => setTimeout(resolve, 32_000));
    return { busy, rested: await rssMb(child.pid!) };
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => (child.exitCode === null ? child.once('exit', resolve) : resolve(null)));
  }
}

async function median(run: () => Promise<number>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) times.push(await run());
  if (process.env.BENCH_VERBOSE) console.error(times.map((t) => t.toFixed(0)).join(" "));
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)];
}

async function main() {
  const built = spawnSync(process.execPath, ['scripts/build-if-stale.mjs'], { cwd: ROOT, stdio: 'inherit' });
  if (built.status !== 0) throw new Error('the build failed');
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'roster-bench-restart-'));
  const env = {
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_URL: '',
    ROSTER_DATA_DIR: dataDir,
    ROSTER_ADMIN_USERNAME: 'bench-admin',
    ROSTER_ADMIN_PASSWORD: 'violet-harbour-ninety-lantern',
    LOG_LEVEL: 'info',
  };
  try {
    await timeToServe(process.execPath, ['dist/main.js'], env); // first start: migrate, provision
    const bare = await median(() => timeToServe(process.execPath, ['-e', BARE], {}));
    const node = await median(() => timeToServe(process.execPath, ['dist/main.js'], env, true));
    const npm = await median(() => timeToServe('npm', ['start', '--silent'], env));
    const rows = [
      ['bare Node.js HTTP server (baseline)', bare],
      ['restart: node dist/main.js', node],
      ['restart: npm start (build check included)', npm],
    ] as const;
    console.log(`median of ${RUNS} starts, ${os.availableParallelism()} cores, Node ${process.versions.node}\n`);
    console.log('| start | ms to first 200 | ratio to baseline |\n| --- | ---: | ---: |');
    for (const [name, ms] of rows) console.log(`| ${name} | ${ms.toFixed(0)} | ${(ms / bare).toFixed(1)} |`);
    const rss = idleRss.sort((a, b) => a - b)[Math.floor(idleRss.length / 2)];
    const work = await rssAfterWork(env);
    console.log('\n| node dist/main.js on the embedded database | RSS MB |\n| --- | ---: |');
    console.log(`| idle, ${IDLE_MS / 1000} s after it first served (median of the restarts) | ${rss.toFixed(0)} |`);
    console.log(`| 1 s after 20 creates with a password and 200 list pages | ${work.busy.toFixed(0)} |`);
    console.log(`| the same, 33 s later (idle strength threads stopped) | ${work.rested.toFixed(0)} |`);
  } finally {
    await fs.rm(dataDir, { recursive: true, force: true });
  }
}

await main();
