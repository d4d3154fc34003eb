import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { sql, type SQL } from 'drizzle-orm';
import { PgTransaction, type PgDatabase, type PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { migrationsFolder } from '../paths.ts';

/** The query builder, the same type for PGlite and PostgreSQL. */
export type Database = PgDatabase<PgQueryResultHKT>;
/** A transaction; pass it explicitly to every use case (touching the outer database inside deadlocks PGlite). */
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];
export type DatabaseKind = 'pglite' | 'postgresql';

/**
 * Runs independent reads at once when `db` is the pool, and one after another inside a
 * transaction: a transaction is one connection, which runs one query at a time.
 */
export async function readTogether<T extends readonly unknown[]>(
  db: Database,
  ...reads: { [K in keyof T]: () => PromiseLike<T[K]> }
): Promise<T> {
  if (!(db instanceof PgTransaction)) return (await Promise.all(reads.map((read) => read()))) as unknown as T;
  const results: unknown[] = [];
  for (const read of reads) results.push(await read());
  return results as unknown as T;
}

export interface DatabaseHandle {
  db: Database;
  kind: DatabaseKind;
  /** Applies every pending migration; safe when several instances start together. */
  migrate(): Promise<void>;
  /**
   * Runs `work` while holding Uppsikt's start-up lock: instances started together on one
   * PostgreSQL database migrate and load the demo data one after another, and the later ones
   * find the work done. PGlite's data folder belongs to one process, so there it simply runs.
   */
  duringStartup<T>(work: () => Promise<T>): Promise<T>;
  /**
   * Brings the query planner's statistics up to date. PGlite runs no autovacuum, so without
   * this its planner never learns how many rows a table has and chooses plans for empty tables;
   * on PostgreSQL autovacuum keeps them current and this does nothing.
   */
  refreshStatistics(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Opens PostgreSQL when a URL is given, otherwise the embedded PGlite database in `dataDir`
 * (or in memory when `dataDir` is null, for tests; `loadDataDir` then starts it from a dump
 * of another data directory instead of an empty one).
 */
export async function openDatabase(options: {
  databaseUrl?: string | undefined;
  dataDir: string | null;
  loadDataDir?: Blob;
}): Promise<DatabaseHandle> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl);
  return openPglite(options.dataDir, options.loadDataDir);
}

async function openPglite(dataDir: string | null, loadDataDir: Blob | undefined): Promise<DatabaseHandle> {
  if (dataDir !== null) mkdirSync(dataDir, { recursive: true });
  const client = new PGlite({ ...(dataDir === null ? {} : { dataDir }), ...(loadDataDir ? { loadDataDir } : {}) });
  await client.waitReady;
  const db = drizzlePglite({ client, casing: 'snake_case' }) as unknown as Database;
  return {
    db,
    kind: 'pglite',
    migrate: () => migratePglite(drizzlePglite({ client, casing: 'snake_case' }), { migrationsFolder }),
    // One process owns a PGlite data folder (a second one cannot open it), and within the
    // process PGlite runs one statement at a time: there is nobody to wait for.
    duringStartup: (work) => work(),
    refreshStatistics: async () => {
      await client.exec('analyze');
    },
    close: () => client.close(),
  };
}

/** An arbitrary constant that names Uppsikt's migration lock among other advisory locks. */
const MIGRATION_LOCK_KEY = 7_164_220_001;
/** Held by an instance while it starts (migrations, demo data); see `duringStartup`. */
const STARTUP_LOCK_KEY = 7_164_220_003;

/**
 * Gives a connection an 'error' listener for its whole life. PostgreSQL closes connections
 * (pg_terminate_backend, a restart, a failover) and node-postgres reports that as an 'error'
 * event on the client; an 'error' event nobody listens to is thrown by Node as an uncaught
 * exception and ends the process. pg-pool listens only while a connection is idle in the pool:
 * it removes its listener when it hands the connection out (`pool.connect()`: every
 * transaction, the migration lock), which is exactly when a long transaction is exposed. The
 * statement in flight, and every later one, fails with the error anyway, so the listener only
 * logs; the pool discards the broken connection when it is released.
 */
function survivesClosedConnection(client: pg.Client, isClosing: () => boolean): void {
  let reported = false;
  client.on('error', (error) => {
    if (reported || isClosing()) return;
    reported = true;
    console.error(`PostgreSQL closed a connection: ${error.message}`);
  });
}

async function openPostgres(url: string): Promise<DatabaseHandle> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  let closing = false;
  pool.on('connect', (client) => survivesClosedConnection(client, () => closing));
  // The pool re-emits the error of an idle connection (and drops that connection); the
  // connection's own listener has logged it already.
  pool.on('error', () => {});
  // Fail now with the connection error rather than at the first request.
  const probe = await pool.connect();
  probe.release();
  const db = drizzlePg({ client: pool, casing: 'snake_case' }) as unknown as Database;
  return {
    db,
    kind: 'postgresql',
    async migrate() {
      // An advisory lock is held by one connection, so the migrations run on that same connection.
      const connection = await pool.connect();
      try {
        const locked = drizzlePg({ client: connection, casing: 'snake_case' });
        await locked.execute(sql`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`);
        try {
          await migratePg(locked, { migrationsFolder });
        } finally {
          await locked.execute(sql`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`);
        }
      } finally {
        connection.release();
      }
    },
    // Autovacuum analyses the tables as they change.
    refreshStatistics: () => Promise.resolve(),
    async duringStartup(work) {
      // A session-level lock on a connection of its own, outside the pool: it is held across
      // the transactions of the work, and waiting for it takes no connection from the pool.
      const connection = new pg.Client({ connectionString: url });
      survivesClosedConnection(connection, () => closing);
      await connection.connect();
      try {
        await connection.query('select pg_advisory_lock($1)', [STARTUP_LOCK_KEY]);
        return await work();
      } finally {
        // Ending the session releases the lock, also when the work failed.
        await connection.end().catch(() => {});
      }
    },
    close: () => {
      closing = true;
      return pool.end();
    },
  };
}

/**
 * Runs raw SQL and returns its rows. Both drivers answer `{ rows }`; the row type is the
 * caller's promise, as with any hand-written query.
 */
export async function queryRows<Row>(db: Database, query: SQL): Promise<Row[]> {
  const result: unknown = await db.execute(query);
  return (result as { rows: Row[] }).rows;
}
