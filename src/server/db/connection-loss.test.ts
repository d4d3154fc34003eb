import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { DatabaseHandle } from './client.ts';
import {
  collectUncaught,
  createTestDatabase,
  terminateOtherSessions,
  urlOfTestDatabase,
} from '../../../test/support/test-database.ts';

/** Lets the sockets deliver what the server sent before it closed them. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

// PGlite runs in the process: it has no connection for a server to close.
describe.skipIf(!process.env.DATABASE_URL)('a connection PostgreSQL closes never ends the process', () => {
  let database: DatabaseHandle;
  let url: string;
  let uncaught: ReturnType<typeof collectUncaught>;
  beforeAll(async () => {
    database = await createTestDatabase();
    url = (await urlOfTestDatabase(database))!;
  });
  afterAll(() => database.close());
  afterEach(() => uncaught.stop());

  test('an idle connection in the pool is closed: the next query gets a new one', async () => {
    uncaught = collectUncaught();
    await Promise.all([1, 2, 3].map(() => database.db.execute(sql`select pg_sleep(0.05)`)));
    expect(await terminateOtherSessions(url)).toBeGreaterThan(0);
    await settle();
    await database.db.execute(sql`select 1`);
    expect(uncaught.errors).toEqual([]);
  });

  test('a connection checked out for a transaction is closed between two statements: the transaction fails, the process goes on', async () => {
    uncaught = collectUncaught();
    const transaction = database.db.transaction(async (tx) => {
      await tx.execute(sql`select 1`);
      // The transaction is idle (as the old job runner was while it talked to the mail server)
      // when the server closes its connection.
      await terminateOtherSessions(url);
      await settle();
      await tx.execute(sql`select 1`);
    });
    await expect(transaction).rejects.toThrow();
    await settle();
    expect(uncaught.errors).toEqual([]);
    await database.db.execute(sql`select 1`);
  });

  test('a connection is closed while a statement runs on it: the statement fails, the process goes on', async () => {
    uncaught = collectUncaught();
    const transaction = database.db.transaction(async (tx) => {
      await tx.execute(sql`select 1`);
      const running = tx.execute(sql`select pg_sleep(5)`);
      await new Promise((resolve) => setTimeout(resolve, 200));
      await terminateOtherSessions(url);
      await running;
    });
    await expect(transaction).rejects.toThrow();
    await settle();
    expect(uncaught.errors).toEqual([]);
    await database.db.execute(sql`select 1`);
  });
});
