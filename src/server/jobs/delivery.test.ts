import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { fixedClock } from '../../domain/clock.ts';
import { openDatabase, queryRows, type DatabaseHandle } from '../db/client.ts';
import { collectUncaught, terminateOtherSessions, urlOfTestDatabase } from '../db/test-database.ts';
import { createHarness, type Harness } from '../http/test-harness.ts';
import { messageIdOf, queueMessages, smtpTransport, type OutgoingMessage } from '../mail/outbox.ts';
import { startTestSmtpServer } from '../mail/test-smtp-server.ts';
import { runJobs, startJobRunner } from './job-runner.ts';

const MAIL_FROM = 'Uppsikt <uppsikt@kommun.example>';
const MESSAGES = 120;
// A Wednesday: no digest is due, the runners only send.
const clock = fixedClock('2026-06-17T08:00:00Z');

async function queue(h: Harness, count: number, prefix: string): Promise<void> {
  const messages: OutgoingMessage[] = Array.from({ length: count }, (_, index) => ({
    tenantId: h.tenant.tenantId,
    kind: 'deviation',
    dedupeKey: `${prefix}:${index}`,
    userId: null,
    toAddress: `person${index}@kommun.example`,
    subject: `Message ${prefix} ${index}`,
    body: `Body ${index}`,
  }));
  await h.db.transaction((tx) => queueMessages(tx, messages).then(() => undefined));
}

async function outboxIds(h: Harness, prefix: string): Promise<{ id: string; tenantId: string; sent: boolean }[]> {
  return queryRows(h.db, sql`select id, tenant_id as "tenantId", sent_at is not null as sent from outbox_messages where dedupe_key like ${`${prefix}:%`}`);
}

async function waitUntil(condition: () => Promise<boolean>, seconds: number): Promise<void> {
  const until = performance.now() + seconds * 1000;
  while (!(await condition())) {
    if (performance.now() > until) throw new Error(`not done within ${seconds} s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('sending survives a lost database connection and a broken SMTP connection', () => {
  let h: Harness;
  let url: string | undefined;
  beforeAll(async () => {
    h = await createHarness();
    url = await urlOfTestDatabase(h.database);
  });
  afterAll(() => h.close());

  test(`${MESSAGES} messages, two runners, sessions ended and SMTP connections dropped mid-batch: each message delivered once`, async () => {
    const uncaught = collectUncaught();
    // The runners' database sessions are ended three times during the batch (PostgreSQL only:
    // PGlite runs in the process), and three transfers are cut off in the middle.
    let sessionsEnded = 0;
    const smtp = await startTestSmtpServer({
      dropTransfer: (transfer) => [10, 45, 80].includes(transfer),
      beforeAccepting: async (arrivedBefore) => {
        if (url && [20, 60, 100].includes(arrivedBefore)) sessionsEnded += await terminateOtherSessions(url);
      },
    });
    await queue(h, MESSAGES, 'batch');
    // Two instances: on PostgreSQL each with its own pool, as two processes would have.
    const second: DatabaseHandle = url ? await openDatabase({ databaseUrl: url, dataDir: null }) : h.database;
    const log: string[] = [];
    const options = {
      clock,
      intervalSeconds: 0.2,
      reminderLeadDays: [7],
      mailFrom: MAIL_FROM,
      transport: smtpTransport(smtp.url),
      // Short, so that a claim whose statement was lost with its connection comes back within the test.
      leaseSeconds: 10,
      batchSize: 10,
      log: (message: string) => log.push(message),
    };
    const stopFirst = startJobRunner(h.database, options);
    const stopSecond = startJobRunner(second, options);
    try {
      await waitUntil(async () => (await outboxIds(h, 'batch').catch(() => [{ sent: false }])).every((row) => row.sent), 120);
    } finally {
      await stopFirst();
      await stopSecond();
      if (second !== h.database) await second.close();
      await smtp.close();
    }

    const rows = await outboxIds(h, 'batch');
    const expected = rows.map((row) => messageIdOf(row, MAIL_FROM)).sort();
    const delivered = smtp.accepted.map((message) => message.messageId).sort();
    console.info(`${h.database.kind}: ${MESSAGES} messages, ${smtp.accepted.length} deliveries; ${smtp.dropped.length} transfers dropped, ${sessionsEnded} database sessions ended`);
    // Exactly once. The one case in which a message may arrive twice (the mail server accepted
    // it and the sender never recorded that: the process died, or the server's answer was lost)
    // cannot happen here: this server answers every message it accepts, and no process dies.
    expect(delivered).toEqual(expected);
    expect(expected[0]).toMatch(/^<[0-9a-f-]{36}@kommun\.example>$/);
    // A dropped transfer was sent again later under the same Message-ID.
    expect(smtp.dropped).toHaveLength(3);
    for (const messageId of smtp.dropped) expect(delivered).toContain(messageId);
    if (url) expect(sessionsEnded).toBeGreaterThan(0);

    // The server goes on serving, and nothing was left unhandled.
    expect((await h.app.request('/api/health')).status).toBe(200);
    const outbox = await (await h.as('tenantAdmin')).get('/outbox?limit=500');
    expect(outbox.status).toBe(200);
    uncaught.stop();
    expect(uncaught.errors).toEqual([]);
  });

  test('a claim whose lease has run out is taken again; a live one is left to its runner', async () => {
    await queue(h, 2, 'lease');
    const [first, second] = await outboxIds(h, 'lease');
    await h.db.execute(sql`update outbox_messages set claimed_by = 'gone', claimed_until = now() - interval '1 second' where id = ${first!.id}`);
    await h.db.execute(sql`update outbox_messages set claimed_by = 'busy', claimed_until = now() + interval '1 minute' where id = ${second!.id}`);
    const smtp = await startTestSmtpServer();
    try {
      const result = await runJobs(h.db, { clock, reminderLeadDays: [7], mailFrom: MAIL_FROM, transport: smtpTransport(smtp.url) });
      expect(result).toMatchObject({ sent: 1, failed: 0 });
      expect(smtp.accepted.map((message) => message.messageId)).toEqual([messageIdOf(first!, MAIL_FROM)]);
      expect((await outboxIds(h, 'lease')).map((row) => row.sent).sort()).toEqual([false, true]);
    } finally {
      await smtp.close();
    }
  });
});
