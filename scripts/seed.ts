// `npm run seed -- --users N [--groups G] [--password P]`: fills the configured database (the
// embedded one under ROSTER_DATA_DIR, or DATABASE_URL) with N synthetic users spread over G groups
// (default: one per 1,000 users), progress on stderr and a summary as JSON on stdout. With
// --password every seeded user shares one argon2id hash of it, so logins can be measured.
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../src/config.ts';
import { createPasswordHasher } from '../src/credentials/password.ts';
import { configuredStore, DataDirInUseError, openStore } from '../src/store/db.ts';
import { migrate } from '../src/store/migrate.ts';
import { seedUsers } from '../src/store/seed.ts';

const USAGE = 'usage: npm run seed -- --users N [--groups G] [--password P]';

function count(raw: string | undefined, name: string, fallback?: number): number {
  if (raw === undefined && fallback !== undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 100_000_000) throw new ConfigError(`${name} takes a whole number from 0 to 100,000,000\n${USAGE}`);
  return value;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { users: { type: 'string' }, groups: { type: 'string' }, password: { type: 'string' } } });
  if (values.users === undefined) throw new ConfigError(`--users is required\n${USAGE}`);
  const users = count(values.users, '--users');
  const groups = count(values.groups, '--groups', Math.ceil(users / 1000));
  const config = loadConfig();
  const store = await openStore(configuredStore(config));
  try {
    await migrate(store);
    const passwordHash = values.password ? await createPasswordHasher().hash(values.password) : undefined;
    const started = performance.now();
    const result = await seedUsers(store, {
      users,
      groups,
      passwordHash,
      onProgress(done, total) {
        const rate = Math.round(done / ((performance.now() - started) / 1000));
        process.stderr.write(`seeded ${done.toLocaleString('en')} of ${total.toLocaleString('en')} users (${rate.toLocaleString('en')}/s)\n`);
      },
    });
    const seconds = Number(((performance.now() - started) / 1000).toFixed(2));
    process.stdout.write(`${JSON.stringify({ ...result, backend: store.backend, seconds })}\n`);
  } finally {
    await store.close();
  }
}

main().catch((error: unknown) => {
  const known = error instanceof ConfigError || error instanceof DataDirInUseError || (error as { code?: string })?.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION';
  process.stderr.write(`seed: ${known ? (error as Error).message : String((error as Error)?.stack ?? error)}\n`);
  process.exit(known ? 2 : 1);
});
