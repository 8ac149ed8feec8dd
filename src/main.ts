// Reads config, opens and migrates the store, provisions from the environment, serves, and
// shuts down cleanly on SIGINT/SIGTERM.
import { ConfigError, loadConfig } from './config.ts';
import { createPasswordHasher } from './credentials/password.ts';
import { ProblemError } from './http/problem.ts';
import { configuredStore, DataDirInUseError, startStore } from './store/db.ts';
import { migrate } from './store/migrate.ts';
import { loadOrCreateSecret } from './credentials/secret-file.ts';

async function main(): Promise<void> {
  const config = loadConfig();
  // The database starts first: PGlite compiles its WebAssembly on background threads while this
  // thread loads and builds the application (nothing queries until `ready`), so a restart
  // serves sooner. Migrations run once it is ready, before anything is served.
  const { store, ready } = startStore(configuredStore(config));
  const { buildApp } = await import('./app.ts');
  const secret = config.secret ?? (await loadOrCreateSecret(config.dataDir));
  const app = await buildApp({
    store,
    passwords: createPasswordHasher(),
    secret,
    readOnly: config.readOnly,
    publicUrl: config.publicUrl,
    issuer: config.issuer,
    accessTokenTtlSeconds: config.accessTokenTtlSeconds,
    sessionTtlSeconds: config.sessionTtlSeconds,
    keyRotationSeconds: config.keyRotationSeconds,
    smtpUrl: config.smtpUrl,
    mailFrom: config.mailFrom,
    lifecycleTtl: { activation: config.invitationTtlSeconds },
    logger: { level: config.logLevel },
    userCache: { users: config.cacheUsers, lists: config.cacheLists },
    auditRetentionDays: config.auditRetentionDays,
    webhooks: { allowPrivate: config.webhookAllowPrivate, retryBaseMs: config.webhookRetryBaseMs },
  });
  await app.ready();
  await ready;
  const warnings: [string, Record<string, unknown>][] = [];
  await migrate(store, { warn: (message, details) => warnings.push([message, details]) });

  for (const [message, details] of warnings) app.log.warn(details, message);

  if (!config.secret && config.databaseUrl) {
    app.log.warn(
      { file: `${config.dataDir}/secret.key` },
      'ROSTER_SECRET is unset: using a secret generated into the data dir; every process on this database must share it',
    );
  }

  if (config.adminUsername && config.adminPassword && (await app.system.state()) === 'unprovisioned') {
    try {
      const admin = await app.system.provision({ username: config.adminUsername, password: config.adminPassword });
      app.log.info({ username: admin.username }, 'provisioned the first administrator from the environment');
    } catch (error) {
      // Another process may have provisioned first; any other refusal is a configuration error.
      if (!(error instanceof ProblemError) || error.code !== 'system.already_provisioned') {
        throw new ConfigError(`ROSTER_ADMIN_USERNAME/ROSTER_ADMIN_PASSWORD: ${(error as Error).message}`);
      }
    }
  }

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    await app.close();
    await store.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  // The first signing key is made at first start, so the JWKS is never empty.
  await app.keys.signingKey();
  const address = await app.listen({ port: config.port, host: config.host });
  app.queue.start();
  app.log.info(
    { backend: store.backend, dataDir: store.backend === 'pglite' ? config.dataDir : undefined, address },
    `Roster serves on ${address} (docs at ${address}/docs)`,
  );
}

main().catch((error: unknown) => {
  const message =
    error instanceof ConfigError
      ? `configuration error: ${error.message}`
      : error instanceof DataDirInUseError
        ? error.message
        : String((error as Error)?.stack ?? error);
  process.stderr.write(`roster: ${message}\n`);
  process.exit(1);
});
