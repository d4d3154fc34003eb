import { sql } from 'drizzle-orm';
import { queryRows, type Database } from './client.ts';

// Helpers for tests that prove a multi-row write is atomic: make the write fail on purpose after
// all of its statements have run, then show that nothing of it remains.

/** The number of rows in every table, by table name: equal before and after a failed write when it left nothing behind. */
export async function rowCounts(db: Database): Promise<Record<string, number>> {
  const tables = await queryRows<{ name: string }>(db, sql`select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`);
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    const [row] = await queryRows<{ rows: number }>(db, sql`select count(*)::int as rows from ${sql.identifier(name)}`);
    counts[name] = row!.rows;
  }
  return counts;
}

/**
 * Runs `action` while any transaction that inserts into `table` fails when it commits: a deferred
 * constraint trigger raises at commit, after every other write of the transaction has been made.
 * A write run in one transaction then leaves nothing; one run statement by statement keeps all
 * but the insert into `table`.
 */
export async function withInsertsFailingAtCommit<T>(db: Database, table: string, action: () => Promise<T>): Promise<T> {
  await db.execute(sql`create or replace function test_fail_at_commit() returns trigger language plpgsql as $$ begin raise exception 'this write fails on purpose (atomicity test)'; end $$`);
  await db.execute(sql`create constraint trigger test_fail_at_commit after insert on ${sql.identifier(table)} deferrable initially deferred for each row execute function test_fail_at_commit()`);
  try {
    return await action();
  } finally {
    await db.execute(sql`drop trigger test_fail_at_commit on ${sql.identifier(table)}`);
    await db.execute(sql`drop function test_fail_at_commit()`);
  }
}
