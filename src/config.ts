// Every environment variable Roster reads, parsed in one place. The README documents each one.
import path from 'node:path';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  adminUsername: string | undefined;
  adminPassword: string | undefined;
  publicUrl: string;
  readOnly: boolean;
  logLevel: string;
}

export class ConfigError extends Error {}

type Env = Record<string, string | undefined>;

function parseBoolean(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (/^(true|1|yes)$/i.test(raw)) return true;
  if (/^(false|0|no)$/i.test(raw)) return false;
  throw new ConfigError(`${name} must be true or false, got "${raw}"`);
}

function parsePort(raw: string | undefined): number {
  if (raw === undefined || raw === '') return 8080;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`PORT must be an integer between 0 and 65535, got "${raw}"`);
  }
  return port;
}

export function loadConfig(env: Env = process.env): Config {
  const port = parsePort(env.PORT);
  const host = env.HOST || '127.0.0.1';
  const adminUsername = env.ROSTER_ADMIN_USERNAME || undefined;
  const adminPassword = env.ROSTER_ADMIN_PASSWORD || undefined;
  if ((adminUsername === undefined) !== (adminPassword === undefined)) {
    throw new ConfigError('ROSTER_ADMIN_USERNAME and ROSTER_ADMIN_PASSWORD must be set together');
  }
  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL must be a postgres:// or postgresql:// URL');
  }
  return {
    port,
    host,
    dataDir: path.resolve(env.ROSTER_DATA_DIR || './data'),
    databaseUrl,
    adminUsername,
    adminPassword,
    publicUrl: (env.ROSTER_PUBLIC_URL || `http://${host}:${port}`).replace(/\/+$/, ''),
    readOnly: parseBoolean(env, 'ROSTER_READ_ONLY', false),
    logLevel: env.LOG_LEVEL || 'info',
  };
}
