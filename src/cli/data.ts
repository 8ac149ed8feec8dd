// `roster import`, `export`, `backup`, `restore`: streams in and out, with progress on stderr.
import fs from 'node:fs';
import readline from 'node:readline';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Command } from 'commander';
import { anonymous, CliError, connect } from './api.ts';
import { fromAuth0, fromKeycloak } from './converters.ts';
import { readSecret } from './prompt.ts';
import type { Globals } from './output.ts';

/** Counts and rate on one rewritten line on a terminal, a plain line every few seconds otherwise. */
export class Progress {
  private lines = 0;
  private readonly started = Date.now();
  private shownAt = 0;
  private readonly tty: boolean;

  constructor(
    private readonly stream: NodeJS.WriteStream = process.stderr,
    private readonly everyMs = stream.isTTY ? 200 : 2_000,
  ) {
    this.tty = Boolean(stream.isTTY);
  }

  add(count: number): void {
    this.lines += count;
    if (Date.now() - this.shownAt >= this.everyMs) this.show(false);
  }

  private text(): string {
    const seconds = Math.max((Date.now() - this.started) / 1000, 0.001);
    return `${this.lines.toLocaleString('en-US')} lines sent · ${Math.round(this.lines / seconds).toLocaleString('en-US')}/s · ${seconds.toFixed(1)} s`;
  }

  show(final: boolean): void {
    this.shownAt = Date.now();
    if (this.tty) this.stream.write(`\r\x1b[2K${this.text()}${final ? '\n' : ''}`);
    else this.stream.write(`${this.text()}\n`);
  }
}

/** The file's lines as Roster import lines: as they are, or converted from another product's export. */
async function* importLines(file: string, from: string | undefined): AsyncGenerator<string> {
  if (from === undefined) {
    const input = readline.createInterface({ input: fs.createReadStream(file), crlfDelay: Infinity });
    for await (const line of input) if (line.trim() !== '') yield line;
    return;
  }
  const text = await fs.promises.readFile(file, 'utf8');
  const converted = from === 'keycloak' ? fromKeycloak(JSON.parse(text)) : fromAuth0(text);
  for (const line of converted) yield JSON.stringify(line);
}

export function dataCommands(program: Command, globals: () => Globals): void {
  program
    .command('import')
    .description('import users from an NDJSON file (or another product\'s export with --from), then report its line errors')
    .argument('<file>')
    .option('--from <product>', 'keycloak (a realm export) or auth0 (a user export, NDJSON or JSON)')
    .option('--mode <mode>', 'create (an existing user is an error) or upsert', 'create')
    .option('--dry-run', 'check every line and count what would change, writing nothing')
    .action(async (file: string, options: { from?: string; mode: string; dryRun?: boolean }) => {
      if (options.from !== undefined && options.from !== 'keycloak' && options.from !== 'auth0') throw new CliError('--from takes keycloak or auth0', 2);
      if (options.mode !== 'create' && options.mode !== 'upsert') throw new CliError('--mode takes create or upsert', 2);
      if (!fs.existsSync(file)) throw new CliError(`No file ${file}.`, 2);
      const api = connect(globals().profile);
      const progress = new Progress();
      const encoder = new TextEncoder();
      async function* body() {
        let batch: string[] = [];
        for await (const line of importLines(file, options.from)) {
          batch.push(line);
          if (batch.length === 500) {
            yield encoder.encode(batch.join('\n') + '\n');
            progress.add(batch.length);
            batch = [];
          }
        }
        if (batch.length) yield encoder.encode(batch.join('\n') + '\n');
        progress.add(batch.length);
      }
      const query = new URLSearchParams({ mode: options.mode, ...(options.dryRun ? { dryRun: 'true' } : {}) });
      const response = await api.fetch(`/api/v1/users/import?${query}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-ndjson' },
        body: Readable.toWeb(Readable.from(body())) as ReadableStream,
        duplex: 'half',
      });
      progress.show(true);
      const job = (await response.json()) as { id: string; status: string; progress: { processed: number; created: number; updated: number; failed: number }; lastError: string | null };
      const { processed, created, updated, failed } = job.progress;
      process.stderr.write(`${options.dryRun ? 'Dry run: ' : ''}${processed} processed, ${created} created, ${updated} updated, ${failed} failed (job ${job.id}).\n`);
      if (failed > 0) {
        const errors = await api.fetch(`/api/v1/system/jobs/${job.id}/errors`, { headers: { accept: 'application/x-ndjson' } });
        const text = await errors.text();
        if (globals().output === 'table') {
          for (const line of text.split('\n').filter(Boolean)) {
            const e = JSON.parse(line) as { line: number; pointer: string; code: string; detail: string };
            process.stdout.write(`line ${e.line}: ${e.pointer ? `${e.pointer} ` : ''}${e.detail} (${e.code})\n`);
          }
        } else process.stdout.write(text);
      }
      if (job.status === 'failed') throw new CliError(`The import failed: ${job.lastError ?? 'no reason given'}.`);
    });

  program
    .command('export')
    .description('every user as NDJSON, the lines `roster import` takes')
    .option('--include-hashes', 'add password hashes (admins only)')
    .option('-f, --file <file>', 'write to a file instead of standard output')
    .action(async (options: { includeHashes?: boolean; file?: string }) => {
      const api = connect(globals().profile);
      const response = await api.fetch(`/api/v1/users/export${options.includeHashes ? '?includeHashes=true' : ''}`, { headers: { accept: 'application/x-ndjson' } });
      await pipeline(Readable.fromWeb(response.body as never), options.file ? privateFile(options.file) : process.stdout);
    });

  program
    .command('backup')
    .description('the encrypted backup archive of the whole directory')
    .requiredOption('-f, --file <file>', 'where to write the archive')
    .option('--passphrase-stdin', 'read the passphrase from standard input (else ROSTER_BACKUP_PASSPHRASE, else a prompt)')
    .action(async (options: { file: string; passphraseStdin?: boolean }) => {
      const api = connect(globals().profile);
      const passphrase = await readSecret('Backup passphrase: ', { stdin: options.passphraseStdin, env: 'ROSTER_BACKUP_PASSPHRASE' });
      const response = await api.fetch('/api/v1/system/backup', { headers: { 'x-backup-passphrase': passphrase, accept: 'application/octet-stream' } });
      await pipeline(Readable.fromWeb(response.body as never), privateFile(options.file));
      process.stderr.write(`Wrote ${options.file} (${fs.statSync(options.file).size.toLocaleString('en-US')} bytes).\n`);
    });

  program
    .command('restore')
    .description('restore a backup archive into an unprovisioned (or, for an admin, read-only) service')
    .argument('<file>')
    .option('--passphrase-stdin', 'read the passphrase from standard input (else ROSTER_BACKUP_PASSPHRASE, else a prompt)')
    .option('--url <url>', 'a new, unprovisioned service: it takes a restore without signing in, so no profile is needed')
    .action(async (file: string, options: { passphraseStdin?: boolean; url?: string }) => {
      if (!fs.existsSync(file)) throw new CliError(`No file ${file}.`, 2);
      const api = options.url ? anonymous(options.url) : connect(globals().profile);
      const passphrase = await readSecret('Backup passphrase: ', { stdin: options.passphraseStdin, env: 'ROSTER_BACKUP_PASSPHRASE' });
      const response = await api.fetch('/api/v1/system/restore', {
        method: 'POST',
        headers: { 'x-backup-passphrase': passphrase, 'content-type': 'application/octet-stream' },
        body: Readable.toWeb(fs.createReadStream(file)) as ReadableStream,
        duplex: 'half',
      });
      process.stdout.write(await response.text());
      process.stderr.write('Restored.\n');
    });
}

/**
 * A file only its owner may read (an export with hashes, a backup archive). A new file is made
 * 0600; an existing one keeps its mode when opened, so a regular file is narrowed, and only then
 * emptied, before anything is written. A device or pipe (`/dev/stdout`) is written as it is.
 */
function privateFile(file: string): fs.WriteStream {
  const fd = fs.openSync(file, fs.constants.O_WRONLY | fs.constants.O_CREAT, 0o600);
  try {
    if (fs.fstatSync(fd).isFile()) {
      fs.fchmodSync(fd, 0o600);
      fs.ftruncateSync(fd, 0);
    }
  } catch (error) {
    fs.closeSync(fd);
    throw error;
  }
  return fs.createWriteStream('', { fd });
}
