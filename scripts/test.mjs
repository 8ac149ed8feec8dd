// `npm test`: type-checks the project and runs the test files in one worker process per core.
// Each worker runs file after file in the same process (scripts/test-worker.mjs), so the cost of
// starting Node, tsx, the application's modules and PGlite is paid per worker, not per file; the
// runner hands out the longest files first (durations of the last run, kept under
// node_modules/.cache) so both cores finish together. Each worker's full spec report is written
// to .test-output/worker-N.log; failures are repeated here, with their errors.
//
//   node scripts/test.mjs [--jobs N] [--no-typecheck] [FILE|DIR ...]   (default: test/*/*.test.ts but test/e2e)
//
// ROSTER_TEST_FILE_TIMEOUT (seconds, default 300): a file that runs longer fails, and its worker
// is replaced so the rest still run; a worker that does not exit ROSTER_TEST_EXIT_TIMEOUT seconds
// (default 15) after its last file fails the run. ROSTER_TEST_OUTPUT and ROSTER_TEST_TIMES move the logs and
// the durations elsewhere (the runner's own test runs it inside a run).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUTPUT = process.env.ROSTER_TEST_OUTPUT ?? path.join(ROOT, '.test-output');
const TIMES = process.env.ROSTER_TEST_TIMES ?? path.join(ROOT, 'node_modules', '.cache', 'roster-tests', 'times.json');
const FILE_TIMEOUT_MS = Number(process.env.ROSTER_TEST_FILE_TIMEOUT ?? 300) * 1000;
/** A worker still running this long after its last file has something a test left open. */
const EXIT_TIMEOUT_MS = Number(process.env.ROSTER_TEST_EXIT_TIMEOUT ?? 15) * 1000;

function parseArgs(argv) {
  const options = { jobs: os.availableParallelism(), typecheck: true, paths: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--jobs') options.jobs = Number(argv[++i]);
    else if (arg.startsWith('--jobs=')) options.jobs = Number(arg.slice('--jobs='.length));
    else if (arg === '--no-typecheck') options.typecheck = false;
    else if (arg.startsWith('-')) usage(`unknown option ${arg}`);
    else options.paths.push(arg);
  }
  if (!Number.isInteger(options.jobs) || options.jobs < 1) usage('--jobs takes a whole number of at least 1');
  return options;
}

function usage(problem) {
  console.error(`${problem}\nusage: node scripts/test.mjs [--jobs N] [--no-typecheck] [FILE|DIR ...]`);
  process.exit(2);
}

function testFiles(dir) {
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.test.ts'))
    .map((entry) => path.relative(ROOT, path.join(entry.parentPath ?? entry.path, entry.name)))
    .sort();
}

// The browser suite is a longer one of its own (`npm run test:e2e`, which .ci/run also runs):
// npm test leaves it out unless it is named.
const OWN_SCRIPT = [path.join('test', 'e2e') + path.sep];

function selectFiles(paths) {
  if (paths.length === 0) return testFiles(path.join(ROOT, 'test')).filter((file) => !OWN_SCRIPT.some((dir) => file.startsWith(dir)));
  return paths.flatMap((given) => {
    const full = path.resolve(given);
    if (!fs.existsSync(full)) usage(`no such file or directory: ${given}`);
    return fs.statSync(full).isDirectory() ? testFiles(full) : [path.relative(ROOT, full)];
  });
}

function readTimes() {
  try {
    return JSON.parse(fs.readFileSync(TIMES, 'utf8'));
  } catch {
    return {};
  }
}

/** Longest first; a file never timed is guessed from its size at the known files' average rate. */
function longestFirst(files, times) {
  const known = files.filter((file) => times[file] !== undefined);
  const size = (file) => fs.statSync(path.join(ROOT, file)).size;
  const rate = known.length ? known.reduce((sum, f) => sum + times[f], 0) / known.reduce((sum, f) => sum + size(f), 0) : 1;
  const estimate = (file) => times[file] ?? size(file) * rate;
  return [...files].sort((a, b) => estimate(b) - estimate(a));
}

const seconds = (ms) => `${(ms / 1000).toFixed(1)}s`;

/** The server's project, then the console's (browser code: DOM and JSX), one after the other. */
const PROJECTS = ['tsconfig.json', 'src/console/tsconfig.json'];

function typecheck() {
  const started = Date.now();
  const tsc = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  let output = '';
  const check = (project) =>
    new Promise((resolve) => {
      const child = spawn(process.execPath, [tsc, '-p', project], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
      child.stdout.on('data', (chunk) => (output += chunk));
      child.stderr.on('data', (chunk) => (output += chunk));
      child.on('close', (code) => resolve(code === 0));
    });
  return (async () => {
    let ok = true;
    for (const project of PROJECTS) ok = (await check(project)) && ok;
    console.log(`${ok ? '✔' : '✖'} ${seconds(Date.now() - started).padStart(6)} typecheck (tsc -p ${PROJECTS.join(', tsc -p ')})`);
    return { ok, output };
  })();
}

function runFiles(files, jobs) {
  fs.mkdirSync(OUTPUT, { recursive: true });
  const queue = [...files];
  const results = new Map(); // file → { ok, ms, reason? }
  const tally = { tests: 0, pass: 0, fail: 0, skip: 0, todo: 0 };
  const failures = [];
  const skippedSuites = [];
  let stuck = false;
  let workers = 0; // running
  let started = 0;

  return new Promise((resolveAll) => {
    const start = () => {
      workers += 1;
      const id = ++started;
      const logFile = path.join(OUTPUT, `worker-${id}.log`);
      const log = fs.openSync(logFile, 'w');
      const child = spawn(
        process.execPath,
        [
          '--import', 'tsx',
          '--test-reporter=spec', '--test-reporter-destination=stdout',
          '--test-reporter=./scripts/test-events.mjs', '--test-reporter-destination=stdout',
          'scripts/test-worker.mjs',
        ],
        { cwd: ROOT, stdio: ['ignore', log, log, 'ipc'] },
      );
      fs.closeSync(log);
      const sent = []; // files handed to this worker and not yet reported, oldest first
      let failed = []; // failures of tests in the file that reports next (its tests report first)
      let timer;
      let waiting = false; // ready for a file, none left, its reports still due
      const ran = [];
      const finishIfDrained = () => {
        if (!waiting || sent.length > 0 || !child.connected) return;
        child.send(null);
        timer = setTimeout(() => {
          failures.push(
            `✖ worker ${id} did not exit within ${seconds(EXIT_TIMEOUT_MS)} of its last file: a test left something open` +
              ` (a server, a database, a timer) in one of\n${indent(ran.join('\n'))}`,
          );
          stuck = true;
          child.kill('SIGKILL');
        }, EXIT_TIMEOUT_MS);
      };
      child.on('message', (message) => {
        if (message.ready) {
          clearTimeout(timer);
          const file = queue.shift();
          if (file === undefined) {
            waiting = true;
            finishIfDrained();
            return;
          }
          sent.push(file);
          ran.push(file);
          timer = setTimeout(() => {
            results.set(file, { ok: false, ms: FILE_TIMEOUT_MS, reason: `timed out after ${seconds(FILE_TIMEOUT_MS)}` });
            child.kill('SIGKILL');
          }, FILE_TIMEOUT_MS);
          child.send(file);
        } else if (message.file) {
          sent.splice(sent.indexOf(message.file), 1);
          results.set(message.file, { ok: message.ok, ms: message.ms });
          console.log(`${message.ok ? '✔' : '✖'} ${seconds(message.ms).padStart(6)} ${message.file}`);
          for (const { test, error } of failed) failures.push(`✖ ${message.file} › ${test}\n${indent(error)}`);
          failed = [];
          if (message.error) failures.push(`✖ ${message.file}\n${indent(message.error)}`);
          finishIfDrained();
        } else if (message.skippedSuite !== undefined) {
          skippedSuites.push(`skipped: ${message.skippedSuite}: ${message.reason}`);
        } else if (message.test !== undefined) {
          if (message.error) failed.push(message);
          if (!message.counted) return;
          tally.tests += 1;
          if (message.skip) tally.skip += 1;
          else if (message.todo) tally.todo += 1;
          else if (message.ok) tally.pass += 1;
          else tally.fail += 1;
        }
      });
      child.on('exit', (code, signal) => {
        clearTimeout(timer);
        for (const file of sent) {
          if (!results.has(file)) results.set(file, { ok: false, ms: 0, reason: `its worker exited (${signal ?? `code ${code}`}) before the file finished` });
          for (const { test, error } of failed) failures.push(`✖ ${file} › ${test}\n${indent(error)}`);
          failed = [];
        }
        for (const [file, result] of results) if (result.reason && !result.printed) {
          console.log(`✖ ${seconds(result.ms).padStart(6)} ${file}: ${result.reason} (see ${path.relative(ROOT, logFile)})`);
          result.printed = true;
        }
        workers -= 1;
        if (queue.length > 0) start();
        else if (workers === 0) resolveAll({ results, tally, failures, stuck, skippedSuites });
      });
    };
    for (let i = 0; i < Math.min(jobs, files.length); i++) start();
  });
}

const indent = (text) => text.replace(/^/gm, '    ');

const options = parseArgs(process.argv.slice(2));
const files = selectFiles(options.paths);
const times = readTimes();
const started = Date.now();
const checking = options.typecheck ? typecheck() : Promise.resolve({ ok: true, output: '' });
const { results, tally, failures, stuck, skippedSuites } = await runFiles(longestFirst(files, times), options.jobs);
const checked = await checking;

const failedFiles = files.filter((file) => !results.get(file)?.ok);
for (const [file, result] of results) if (result.ok) times[file] = result.ms;
fs.mkdirSync(path.dirname(TIMES), { recursive: true });
fs.writeFileSync(TIMES, JSON.stringify(times, null, 2));

if (failures.length) console.log(`\nfailures (the workers' full reports are in ${path.relative(ROOT, OUTPUT)}/):\n\n${failures.join('\n\n')}`);
if (!checked.ok) console.log(`\ntypecheck failed:\n${checked.output}`);
if (skippedSuites.length) console.log(`\n${[...new Set(skippedSuites)].join('\n')}`);
console.log(
  `\n${files.length} files, ${tally.tests} tests: ${tally.pass} passed, ${tally.fail} failed, ${tally.skip} skipped, ${tally.todo} todo` +
    ` · ${options.jobs} workers · ${seconds(Date.now() - started)}` +
    (failedFiles.length ? `\nfailed files: ${failedFiles.join(' ')}` : '') +
    (stuck ? '\na worker did not exit (see the failures above)' : ''),
);
process.exitCode = failedFiles.length === 0 && tally.fail === 0 && !stuck && checked.ok ? 0 : 1;
