import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, queryRows, type DatabaseHandle } from '../../src/server/db/client.ts';

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default, or a new
 * database on the PostgreSQL server named by DATABASE_URL, dropped again on close. Both start
 * as a copy of the template the test run migrated once (test/support/database-templates.ts);
 * without one (a project without that global setup) the file migrates its own.
 */
export async function createTestDatabase(): Promise<DatabaseHandle> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const template = inject('pgliteTemplate');
    if (template) return openDatabase({ dataDir: null, loadDataDir: new Blob([await readFile(template)]) });
    const database = await openDatabase({ dataDir: null });
    await database.migrate();
    return database;
  }
  const template = inject('postgresTemplate');
  const empty = await createEmptyTestDatabase(serverUrl, template);
  const database = await openDatabase({ databaseUrl: empty.url, dataDir: null });
  if (!template) await database.migrate();
  return {
    ...database,
    async close() {
      await database.close();
      await empty.drop();
    },
  };
}

/**
 * A new database on the PostgreSQL server named by `serverUrl`: empty (not migrated), for
 * tests of what happens at start, or a copy of `template`. `drop` removes it, ending whatever
 * sessions remain.
 */
export async function createEmptyTestDatabase(
  serverUrl: string,
  template?: string,
): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `uppsikt_test_${randomUUID().replaceAll('-', '').slice(0, 20)}`;
  await withServer(serverUrl, (client) =>
    client.query(template ? `create database ${name} template ${template}` : `create database ${name}`),
  );
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => withServer(serverUrl, (client) => client.query(`drop database if exists ${name} with (force)`)),
  };
}

async function withServer(url: string, work: (client: pg.Client) => Promise<unknown>): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
}

/**
 * The URL of a test database on the PostgreSQL server named by DATABASE_URL (for a second
 * instance, or an administrator's connection, on the same database); undefined on PGlite.
 */
export async function urlOfTestDatabase(database: DatabaseHandle): Promise<string | undefined> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl || database.kind !== 'postgresql') return undefined;
  const [row] = await queryRows<{ name: string }>(database.db, sql`select current_database() as name`);
  const url = new URL(serverUrl);
  url.pathname = `/${row!.name}`;
  return url.toString();
}

/**
 * Ends every other session on the database the URL names, as an administrator (or a restart,
 * or a failover) would: `pg_terminate_backend`. Returns how many it ended.
 */
export async function terminateOtherSessions(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query<{ ended: boolean }>(
      'select pg_terminate_backend(pid) as ended from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()',
    );
    return result.rows.filter((row) => row.ended).length;
  } finally {
    await client.end();
  }
}

/**
 * Collects every error that would end the process: an 'error' event nobody listens to is thrown
 * by Node as an uncaught exception. Lets a test fail on them itself (Vitest reports them too).
 */
export function collectUncaught(): { errors: unknown[]; stop(): void } {
  const errors: unknown[] = [];
  const collect = (error: unknown) => errors.push(error);
  process.on('uncaughtException', collect);
  process.on('unhandledRejection', collect);
  return {
    errors,
    stop() {
      process.off('uncaughtException', collect);
      process.off('unhandledRejection', collect);
    },
  };
}
