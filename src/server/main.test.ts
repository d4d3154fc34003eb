import { mkdtemp, rm } from 'node:fs/promises';
import { Agent, get as httpGet } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout } from 'node:timers';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { fixedClock } from '../domain/clock.ts';
import { openDatabase, queryRows } from './db/client.ts';
import { collectUncaught, createEmptyTestDatabase } from '../../test/support/test-database.ts';
import { loadConfig, type Config } from './config.ts';
import { readDemoFixtures } from './demo/read-demo-fixtures.ts';
import { startServer } from './main.ts';
import { demoFixturesFolder } from './paths.ts';

/** The migrations in the journal: each must be applied exactly once. */
async function appliedMigrations(url: string): Promise<{ total: number; distinct: number }> {
  const database = await openDatabase({ databaseUrl: url, dataDir: null });
  try {
    const [row] = await queryRows<{ total: number; distinct: number }>(
      database.db,
      sql`select count(*)::int as total, count(distinct hash)::int as "distinct" from drizzle.__drizzle_migrations`,
    );
    return row!;
  } finally {
    await database.close();
  }
}

// Instances that share a database are a PostgreSQL matter: PGlite's data folder belongs to one
// process (a second cannot open it), and there `duringStartup` just runs the work.
describe.skipIf(!process.env.DATABASE_URL)('instances started together on an empty PostgreSQL database', () => {
  let empty: Awaited<ReturnType<typeof createEmptyTestDatabase>>;
  beforeAll(async () => {
    empty = await createEmptyTestDatabase(process.env.DATABASE_URL!);
  });
  afterAll(() => empty.drop());

  test('two servers started with --demo at once: the second waits, then serves; the demo is loaded once', async () => {
    const uncaught = collectUncaught();
    const config: Config = {
      ...loadConfig({}),
      databaseUrl: empty.url,
      dataDir: '/nonexistent/unused',
      port: 0,
      host: '127.0.0.1',
      jobIntervalSeconds: 0,
    };
    const logs: string[][] = [[], []];
    const started = await Promise.allSettled(
      logs.map((log) =>
        startServer(config, {
          demo: true,
          log: (message) => log.push(message),
          clock: fixedClock('2026-06-15T10:00:00Z'),
        }),
      ),
    );
    const servers = started.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
    try {
      expect(started.map((result) => (result.status === 'rejected' ? String(result.reason) : 'started'))).toEqual([
        'started',
        'started',
      ]);
      expect(logs.filter((log) => log.includes('Demo data loaded.'))).toHaveLength(1);
      for (const server of servers) {
        const health = await fetch(`${server.url}/api/health`);
        expect(health.status).toBe(200);
      }
      const tenants = await queryRows<{ slug: string }>(
        servers[0]!.database.db,
        sql`select slug from tenants order by slug`,
      );
      expect(tenants.map((tenant) => tenant.slug)).toEqual(
        readDemoFixtures(demoFixturesFolder)
          .tenants.tenants.map((tenant) => tenant.slug)
          .sort(),
      );
    } finally {
      for (const server of servers) await server.stop();
    }
    const migrations = await appliedMigrations(empty.url);
    expect(migrations.total).toBe(migrations.distinct);
    uncaught.stop();
    expect(uncaught.errors).toEqual([]);
  });
});

describe.skipIf(!process.env.DATABASE_URL)('migrations run by instances at once', () => {
  test('three instances migrate an empty database together: every migration is applied once, none fails', async () => {
    const empty = await createEmptyTestDatabase(process.env.DATABASE_URL!);
    try {
      const instances = await Promise.all([1, 2, 3].map(() => openDatabase({ databaseUrl: empty.url, dataDir: null })));
      try {
        await Promise.all(instances.map((instance) => instance.migrate()));
      } finally {
        await Promise.all(instances.map((instance) => instance.close()));
      }
      const migrations = await appliedMigrations(empty.url);
      expect(migrations.total).toBe(migrations.distinct);
      expect(migrations.total).toBeGreaterThanOrEqual(8);
    } finally {
      await empty.drop();
    }
  });
});

describe('the listening server', () => {
  test('an idle keep-alive connection outlives Node’s 5 s default, so a client or proxy that reuses it is not reset', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'uppsikt-keepalive-'));
    const config: Config = {
      ...loadConfig({}),
      databaseUrl: undefined,
      dataDir,
      port: 0,
      host: '127.0.0.1',
      jobIntervalSeconds: 0,
    };
    const server = await startServer(config, { demo: false, log: () => {}, clock: fixedClock('2026-06-15T10:00:00Z') });
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const get = () =>
      new Promise<{ status: number; reused: boolean }>((resolve, reject) => {
        const request = httpGet(`${server.url}/api/health`, { agent }, (response) => {
          response.resume();
          response.on('end', () => resolve({ status: response.statusCode ?? 0, reused: request.reusedSocket }));
        });
        request.on('error', reject);
      });
    try {
      expect(await get()).toEqual({ status: 200, reused: false });
      // Node closes an idle connection 5 s (and a grace second) after its last response by default.
      await new Promise((resolve) => setTimeout(resolve, 7_000));
      expect(await get()).toEqual({ status: 200, reused: true });
    } finally {
      agent.destroy();
      await server.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
