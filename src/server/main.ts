import { fillLinkPlaceholders, resolveServerKey, type LinkMail } from './auth/link-mail.ts';
import { Server as HttpServer } from 'node:http';
import { serve } from '@hono/node-server';
import { createApp } from './app.ts';
import { authSettingsFrom } from './auth/auth-settings.ts';
import type { Config } from './config.ts';
import { startJobRunner } from './jobs/job-runner.ts';
import { smtpTransport } from './mail/outbox.ts';
import { openDatabase, type DatabaseHandle } from './db/client.ts';
import { DEMO_PASSWORD, loadDemoData } from './demo/load-demo-data.ts';
import { demoFixturesFolder } from './paths.ts';
import { users } from './db/schema/users.ts';
import { isNotNull, asc } from 'drizzle-orm';
import { systemClock, type Clock } from '../domain/clock.ts';
import { newSetupCode } from './auth/secrets.ts';
import { hasNoTenant } from './db/any-tenant.ts';

/** Opens the configured database and brings its schema up to date. */
export async function openMigratedDatabase(config: Config): Promise<DatabaseHandle> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  await database.migrate();
  return database;
}

/** Loads the demo data when the database holds no tenant yet; returns whether it did. */
export async function loadDemoDataIfEmpty(
  database: DatabaseHandle,
  log: (message: string) => void,
  clock: Clock,
): Promise<boolean> {
  if (!(await hasNoTenant(database.db))) return false;
  await loadDemoData(database.db, { fixturesFolder: demoFixturesFolder, clock, onProgress: log });
  return true;
}

/** The demo accounts that can sign in, for the start-up message. */
async function demoAccounts(database: DatabaseHandle): Promise<string[]> {
  const rows = await database.db
    .select({ email: users.email, name: users.name })
    .from(users)
    .where(isNotNull(users.passwordHash))
    .orderBy(asc(users.email));
  return rows.map((row) => `${row.email}  (${row.name})`);
}

/**
 * config → database → migrations → (demo data) → listen. Resolves when the server listens.
 * Instances started together on one database take turns for the migrations and the demo data
 * (the later ones wait, then find them done); `clock` is the server's clock (the system clock
 * unless a test or script fixes it).
 */
export async function startServer(
  config: Config,
  options: { demo: boolean; log?: (message: string) => void; clock?: Clock },
) {
  const log = options.log ?? ((message: string) => console.log(message));
  const clock = options.clock ?? systemClock;
  const started = performance.now();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const where = database.kind === 'pglite' ? `embedded PGlite in ${config.dataDir}` : 'PostgreSQL';
  const demoLoaded = await database.duringStartup(async () => {
    await database.migrate();
    log(`Database: ${where}, migrations applied.`);
    return options.demo && (await loadDemoDataIfEmpty(database, log, clock));
  });
  if (demoLoaded) log('Demo data loaded.');
  // Without tenants (a new installation started without --demo), the web app shows the first-run
  // page at /, guarded by a code that only whoever reads this log gets.
  const setupCode = (await hasNoTenant(database.db)) ? newSetupCode() : null;
  const serverKey = await resolveServerKey(config);
  const linkMail: LinkMail = { key: serverKey, publicUrl: config.publicUrl, smtp: config.smtpUrl !== undefined };
  const app = createApp({
    linkMail,
    setupCode,
    database,
    clock,
    auth: authSettingsFrom(config),
    security: { frameAncestors: config.frameAncestors, trustProxy: config.trustProxy > 0 },
    importMaxBytes: config.importMaxBytes,
    attachments: { maxBytes: config.attachmentMaxBytes, objectStorage: config.objectStorage },
  });
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const listening = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () => resolve(listening));
  });
  // An idle keep-alive connection stays open longer than the clients and proxies in front of it
  // keep theirs (nginx, load balancers: 60 s), so a request never arrives on a socket the server
  // has just closed (Node's default, 5 s, gives such a client ECONNRESET now and then).
  if (server instanceof HttpServer) {
    server.keepAliveTimeout = 65_000;
    server.headersTimeout = 66_000;
  }
  const address = server.address();
  const port = address !== null && typeof address === 'object' ? address.port : config.port;
  const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`;
  log(`Uppsikt is running at ${url} (ready in ${Math.round(performance.now() - started)} ms)`);
  if (setupCode !== null)
    log(
      `No organisation yet. Open ${config.publicUrl}/ and give the setup code ${setupCode} to create the first one and its administrator (or run: uppsikt tenant create --help).`,
    );
  if (options.demo) {
    const accounts = await demoAccounts(database);
    if (accounts.length > 0) log(`Demo accounts, password "${DEMO_PASSWORD}":\n  ${accounts.join('\n  ')}`);
  }
  const stopJobs = startJobRunner(database, {
    clock,
    intervalSeconds: config.jobIntervalSeconds,
    reminderLeadDays: config.reminderLeadDays,
    mailFrom: config.mailFrom,
    transport: config.smtpUrl ? smtpTransport(config.smtpUrl) : undefined,
    prepareBody: serverKey ? (body) => fillLinkPlaceholders(body, serverKey, config.publicUrl) : undefined,
    log,
  });
  log(
    config.smtpUrl
      ? 'E-mail: sent through SMTP.'
      : 'E-mail: no SMTP_URL, so messages are kept in the outbox (Administration → Utkorg).',
  );
  // Where the evidence files go; the bucket and the address only, never the key.
  log(
    config.objectStorage
      ? `Evidence files: kept in the S3 bucket ${config.objectStorage.bucket}${config.objectStorage.endpoint ? ` at ${config.objectStorage.endpoint}` : ''}.`
      : 'Evidence files: kept in the database.',
  );
  if (config.smtpUrl && !serverKey)
    log(
      'E-mail: no SERVER_KEY, so invitations and new-password links are not mailed (an administrator who invites gets the link shown once). Set SERVER_KEY, the same on every instance, to mail them.',
    );
  const stop = async () => {
    await stopJobs();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await database.close();
  };
  return { url, stop, database };
}
