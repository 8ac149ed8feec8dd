// Every environment variable Roster reads, parsed in one place. The README documents each one.
import path from 'node:path';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** The embedded database's buffer pool (PostgreSQL's shared_buffers). */
  pgliteSharedBuffers: string;
  databaseUrl: string | undefined;
  adminUsername: string | undefined;
  adminPassword: string | undefined;
  publicUrl: string;
  /** ROSTER_PUBLIC_URL when set: the access tokens' issuer (unset → one per database). */
  issuer: string | undefined;
  readOnly: boolean;
  logLevel: string;
  /** Key for secrets at rest; undefined means "generate into the data dir" (embedded default). */
  secret: string | undefined;
  production: boolean;
  accessTokenTtlSeconds: number;
  sessionTtlSeconds: number;
  keyRotationSeconds: number;
  smtpUrl: string | undefined;
  mailFrom: string;
  invitationTtlSeconds: number;
  /** Users and list pages the user cache holds at most (0 turns that part off). */
  cacheUsers: number;
  cacheLists: number;
  auditRetentionDays: number;
  webhookAllowPrivate: boolean;
  webhookRetryBaseMs: number;
}

/** Every default in one place: loadConfig and buildApp (tests, embedders) both start from it. */
export const DEFAULTS = {
  port: 8080,
  host: '127.0.0.1',
  publicUrl: 'http://127.0.0.1:8080',
  mailFrom: 'Roster <no-reply@localhost>',
  accessTokenTtlSeconds: 900,
  sessionTtlSeconds: 43_200,
  keyRotationSeconds: 7 * 86_400,
  invitationTtlSeconds: 7 * 86_400,
  passwordResetTtlSeconds: 3_600,
  emailVerificationTtlSeconds: 86_400,
  logLevel: 'info',
  // PGlite reads its files through the operating system's page cache, so a large pool mostly
  // holds pages twice, and every start pays for it: about 4 ms per MB before the first request.
  pgliteSharedBuffers: '16MB',
  // The change feed forgets entries as they change; the expiry is only a backstop.
  userCache: { users: 20_000, lists: 256, ttlMs: 60_000 },
  auditRetentionDays: 365,
  webhookRetryBaseMs: 30_000,
} as const;

/** Never written to the log, whatever the level. */
export const LOG_REDACT = ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-csrf-token"]', 'req.headers["x-backup-passphrase"]'];

/** A URL as the log may keep it: the links in mails carry live tokens in their query. */
export function loggableUrl(url: string): string {
  return url.replace(/([?&](?:token|secret|password|passphrase)=)[^&#]*/gi, '$1[redacted]');
}

/** The request as logged: Fastify's default fields, the URL's secrets left out. */
export const LOG_SERIALIZERS = {
  req(request: { method: string; url: string; host?: string; ip?: string; socket?: { remotePort?: number } }) {
    return { method: request.method, url: loggableUrl(request.url), host: request.host, remoteAddress: request.ip, remotePort: request.socket?.remotePort };
  },
};

export class ConfigError extends Error {}

type Env = Record<string, string | undefined>;

function parseBoolean(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (/^(true|1|yes)$/i.test(raw)) return true;
  if (/^(false|0|no)$/i.test(raw)) return false;
  throw new ConfigError(`${name} must be true or false, got "${raw}"`);
}

function parseSeconds(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be a whole number of seconds between ${min} and ${max}, got "${raw}"`);
  }
  return value;
}

function parseMemory(env: Env, name: string, fallback: string): string {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const match = /^(\d+)(kB|MB|GB)$/.exec(raw);
  const kilobytes = match ? Number(match[1]) * { kB: 1, MB: 1024, GB: 1024 * 1024 }[match[2] as 'kB' | 'MB' | 'GB'] : 0;
  if (kilobytes < 1024 || kilobytes > 8 * 1024 * 1024) {
    throw new ConfigError(`${name} must be a size from 1MB to 8GB written as PostgreSQL does (e.g. 64MB), got "${raw}"`);
  }
  return raw;
}

function parseCount(env: Env, name: string, fallback: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > max) throw new ConfigError(`${name} must be a whole number from 0 to ${max}, got "${raw}"`);
  return value;
}

function parseSmtpUrl(raw: string | undefined): string | undefined {
  if (raw === undefined || raw === '') return undefined;
  if (!/^smtps?:\/\//.test(raw)) throw new ConfigError('SMTP_URL must be an smtp:// or smtps:// URL');
  return raw;
}

function parsePort(raw: string | undefined): number {
  if (raw === undefined || raw === '') return DEFAULTS.port;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`PORT must be an integer between 0 and 65535, got "${raw}"`);
  }
  return port;
}

export function loadConfig(env: Env = process.env): Config {
  const port = parsePort(env.PORT);
  const host = env.HOST || DEFAULTS.host;
  const adminUsername = env.ROSTER_ADMIN_USERNAME || undefined;
  const adminPassword = env.ROSTER_ADMIN_PASSWORD || undefined;
  if ((adminUsername === undefined) !== (adminPassword === undefined)) {
    throw new ConfigError('ROSTER_ADMIN_USERNAME and ROSTER_ADMIN_PASSWORD must be set together');
  }
  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL must be a postgres:// or postgresql:// URL');
  }
  const production = env.NODE_ENV === 'production';
  const secret = env.ROSTER_SECRET || undefined;
  if (secret !== undefined && secret.length < 32) {
    throw new ConfigError('ROSTER_SECRET must be at least 32 characters (e.g. `openssl rand -base64 48`)');
  }
  if (secret === undefined && databaseUrl !== undefined && production) {
    throw new ConfigError(
      'ROSTER_SECRET is required with DATABASE_URL in production: every Roster process on that database must share it',
    );
  }
  return {
    port,
    host,
    dataDir: path.resolve(env.ROSTER_DATA_DIR || './data'),
    pgliteSharedBuffers: parseMemory(env, 'ROSTER_PGLITE_SHARED_BUFFERS', DEFAULTS.pgliteSharedBuffers),
    databaseUrl,
    adminUsername,
    adminPassword,
    publicUrl: (env.ROSTER_PUBLIC_URL || `http://${host}:${port}`).replace(/\/+$/, ''),
    issuer: env.ROSTER_PUBLIC_URL ? env.ROSTER_PUBLIC_URL.replace(/\/+$/, '') : undefined,
    readOnly: parseBoolean(env, 'ROSTER_READ_ONLY', false),
    logLevel: env.LOG_LEVEL || DEFAULTS.logLevel,
    secret,
    production,
    accessTokenTtlSeconds: parseSeconds(env, 'ROSTER_ACCESS_TOKEN_TTL', DEFAULTS.accessTokenTtlSeconds, 60, 86_400),
    sessionTtlSeconds: parseSeconds(env, 'ROSTER_SESSION_TTL', DEFAULTS.sessionTtlSeconds, 300, 30 * 86_400),
    keyRotationSeconds: parseSeconds(env, 'ROSTER_KEY_ROTATION', DEFAULTS.keyRotationSeconds, 3_600, 365 * 86_400),
    smtpUrl: parseSmtpUrl(env.SMTP_URL),
    mailFrom: env.ROSTER_MAIL_FROM || DEFAULTS.mailFrom,
    invitationTtlSeconds: parseSeconds(env, 'ROSTER_INVITATION_TTL', DEFAULTS.invitationTtlSeconds, 3_600, 90 * 86_400),
    cacheUsers: parseCount(env, 'ROSTER_CACHE_USERS', DEFAULTS.userCache.users, 10_000_000),
    cacheLists: parseCount(env, 'ROSTER_CACHE_LISTS', DEFAULTS.userCache.lists, 100_000),
    auditRetentionDays: Math.max(1, parseCount(env, 'ROSTER_AUDIT_RETENTION_DAYS', DEFAULTS.auditRetentionDays, 36_500)),
    webhookAllowPrivate: parseBoolean(env, 'ROSTER_WEBHOOK_ALLOW_PRIVATE', false),
    webhookRetryBaseMs: parseCount(env, 'ROSTER_WEBHOOK_RETRY_BASE_MS', DEFAULTS.webhookRetryBaseMs, 3_600_000),
  };
}
