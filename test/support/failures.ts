import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '../../src/server/db/client.ts';

/** The text every injected failure carries, so a test can tell it from a real one. */
export const INJECTED_FAILURE = 'uppsikt-test: injected failure';

/** Where to make the database fail: a write into a table, optionally only for rows matching a condition on NEW. */
export interface FailurePoint {
  table: string;
  operation: 'insert' | 'update' | 'delete';
  /** An SQL condition on NEW (insert, update) or OLD (delete), e.g. "new.entity_type = 'plan_version'". */
  when?: string;
}

const NAME = /^[a-z_]+$/;

/**
 * Makes every matching write into the table raise an exception, as a full disk, a broken
 * connection or a violated constraint would halfway through a request, until `clear` is called.
 * A real trigger in the test database, so it works the same on PGlite and PostgreSQL.
 */
export async function injectFailure(db: Database, point: FailurePoint): Promise<{ clear(): Promise<void> }> {
  if (!NAME.test(point.table)) throw new Error(`not a table name: ${point.table}`);
  // The condition is tested in the function, not in the trigger's WHEN, so it may use subqueries.
  await db.execute(
    sql.raw(`create or replace function uppsikt_test_fail() returns trigger language plpgsql as $$
      begin
        if ${point.when ?? 'true'} then raise exception '${INJECTED_FAILURE} on % of %', tg_op, tg_table_name; end if;
        if tg_op = 'DELETE' then return old; end if;
        return new;
      end $$`),
  );
  await db.execute(
    sql.raw(
      `create trigger uppsikt_test_fail before ${point.operation} on ${point.table} for each row execute function uppsikt_test_fail()`,
    ),
  );
  return {
    clear: async () => {
      await db.execute(sql.raw(`drop trigger if exists uppsikt_test_fail on ${point.table}`));
    },
  };
}

/**
 * Runs `action` while any transaction that inserts into `table` fails when it commits: a deferred
 * constraint trigger raises at commit, after every other write of the transaction has been made.
 * A write run in one transaction then leaves nothing; one run statement by statement keeps all
 * but the insert into `table`.
 */
export async function withInsertsFailingAtCommit<T>(db: Database, table: string, action: () => Promise<T>): Promise<T> {
  if (!NAME.test(table)) throw new Error(`not a table name: ${table}`);
  await db.execute(
    sql.raw(
      `create or replace function uppsikt_test_fail_at_commit() returns trigger language plpgsql as $$ begin raise exception '${INJECTED_FAILURE} at commit'; end $$`,
    ),
  );
  await db.execute(
    sql.raw(
      `create constraint trigger uppsikt_test_fail_at_commit after insert on ${table} deferrable initially deferred for each row execute function uppsikt_test_fail_at_commit()`,
    ),
  );
  try {
    return await action();
  } finally {
    await db.execute(sql.raw(`drop trigger uppsikt_test_fail_at_commit on ${table}`));
  }
}

/** The messages of an error and of the errors that caused it (the driver wraps the database's). */
export function errorMessages(error: unknown): string[] {
  const messages: string[] = [];
  for (let at = error; at instanceof Error && messages.length < 10; at = at.cause) messages.push(at.message);
  return messages;
}

/**
 * Columns that change on their own with any signed-in request (a session's sliding expiry), so
 * they are left out of a table's fingerprint; the rest of those rows still counts.
 */
const VOLATILE_COLUMNS: Record<string, readonly string[]> = { sessions: ['expires_at'] };

/** Every table of the application's schema with the columns that make up its fingerprint. */
async function fingerprintedTables(db: Database): Promise<{ table: string; columns: string[] }[]> {
  const rows = await queryRows<{ table_name: string; column_name: string }>(
    db,
    sql`select c.table_name, c.column_name from information_schema.columns c
          join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
         where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
         order by c.table_name, c.ordinal_position`,
  );
  const byTable = new Map<string, string[]>();
  for (const row of rows) {
    if (VOLATILE_COLUMNS[row.table_name]?.includes(row.column_name)) continue;
    byTable.set(row.table_name, [...(byTable.get(row.table_name) ?? []), row.column_name]);
  }
  return [...byTable].map(([table, columns]) => ({ table, columns }));
}

/** Per table: how many rows and a hash of all of them, so any insert, update or delete shows. */
export type DatabaseFingerprint = Record<string, { rows: number; hash: string }>;

/** The fingerprint of every table in the database. */
export async function fingerprintDatabase(db: Database): Promise<DatabaseFingerprint> {
  const rows = await queryRows<{ name: string; rows: number; hash: string }>(db, sql.raw(await fingerprintQuery(db)));
  return Object.fromEntries(rows.map((row) => [row.name, { rows: Number(row.rows), hash: row.hash }]));
}

// The schema does not change within a test file: the catalogue is read once per database.
const fingerprintQueries = new WeakMap<Database, Promise<string>>();

/** One statement for all tables: a request's worth of round trips, not one per table. */
function fingerprintQuery(db: Database): Promise<string> {
  let query = fingerprintQueries.get(db);
  if (!query) {
    query = fingerprintedTables(db).then((tables) =>
      tables
        .map(({ table, columns }) => {
          const list = columns.map((column) => `"${column}"`).join(', ');
          return `select '${table}' as name, count(*)::int as rows, md5(coalesce(string_agg(t::text, E'\\n' order by t::text), '')) as hash from (select ${list} from "${table}") t`;
        })
        .join('\nunion all\n'),
    );
    fingerprintQueries.set(db, query);
  }
  return query;
}

/** The tables whose fingerprint differs between two fingerprints, sorted. */
export function changedTables(before: DatabaseFingerprint, after: DatabaseFingerprint): string[] {
  return Object.keys({ ...before, ...after })
    .filter((table) => JSON.stringify(before[table]) !== JSON.stringify(after[table]))
    .sort();
}
