import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { fixedClock } from '../../domain/clock.ts';
import { openDatabase, queryRows, type DatabaseHandle } from '../db/client.ts';
import { collectUncaught, terminateOtherSessions, urlOfTestDatabase } from '../../../test/support/test-database.ts';
import { createHarness, type Harness } from '../../../test/support/harness.ts';
import {
  messageIdDomain,
  messageIdOf,
  queueMessages,
  sendPendingMessages,
  smtpTransport,
  type MailTransport,
  type MessageKey,
  type OutgoingMessage,
} from '../mail/outbox.ts';
import { startTestSmtpServer } from '../../../test/support/smtp-server.ts';
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
  return queryRows(
    h.db,
    sql`select id, tenant_id as "tenantId", sent_at is not null as sent from outbox_messages where dedupe_key like ${`${prefix}:%`}`,
  );
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
      await waitUntil(
        async () => (await outboxIds(h, 'batch').catch(() => [{ sent: false }])).every((row) => row.sent),
        120,
      );
    } finally {
      await stopFirst();
      await stopSecond();
      if (second !== h.database) await second.close();
      await smtp.close();
    }

    const rows = await outboxIds(h, 'batch');
    const expected = rows.map((row) => messageIdOf(row, MAIL_FROM)).sort();
    const delivered = smtp.accepted.map((message) => message.messageId).sort();
    console.info(
      `${h.database.kind}: ${MESSAGES} messages, ${smtp.accepted.length} deliveries; ${smtp.dropped.length} transfers dropped, ${sessionsEnded} database sessions ended`,
    );
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
    await h.db.execute(
      sql`update outbox_messages set claimed_by = 'gone', claimed_until = now() - interval '1 second' where id = ${first!.id}`,
    );
    await h.db.execute(
      sql`update outbox_messages set claimed_by = 'busy', claimed_until = now() + interval '1 minute' where id = ${second!.id}`,
    );
    const smtp = await startTestSmtpServer();
    try {
      const result = await runJobs(h.db, {
        clock,
        reminderLeadDays: [7],
        mailFrom: MAIL_FROM,
        transport: smtpTransport(smtp.url),
      });
      expect(result).toMatchObject({ sent: 1, failed: 0 });
      expect(smtp.accepted.map((message) => message.messageId)).toEqual([messageIdOf(first!, MAIL_FROM)]);
      expect((await outboxIds(h, 'lease')).map((row) => row.sent).sort()).toEqual([false, true]);
    } finally {
      await smtp.close();
    }
  });
});

describe('the Message-ID of a message', () => {
  test('is the message id at the domain of the sender, or at localhost when the sender has no domain', () => {
    expect(messageIdDomain('Uppsikt <uppsikt@kommun.se>')).toBe('kommun.se');
    expect(messageIdDomain('uppsikt@kommun.se')).toBe('kommun.se');
    expect(messageIdDomain('Uppsikt <uppsikt@kommun.se>  ')).toBe('kommun.se');
    expect(messageIdDomain('Uppsikt <uppsikt@mail.kommun.se>')).toBe('mail.kommun.se');
    expect(messageIdDomain('Uppsikt')).toBe('localhost');
    expect(messageIdDomain('uppsikt@kommun.se> och mer')).toBe('localhost');
    expect(messageIdDomain('uppsikt@')).toBe('localhost');
    expect(messageIdOf({ tenantId: 't', id: '0190-abc' }, 'Uppsikt <u@kommun.se>')).toBe('<0190-abc@kommun.se>');
  });
});

describe('the outbox', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.close());

  const message = (key: string): OutgoingMessage => ({
    tenantId: h.tenant.tenantId,
    kind: 'deviation',
    dedupeKey: key,
    userId: null,
    toAddress: `${key.replace(/\W/g, '-')}@kommun.example`,
    subject: `Ämne ${key}`,
    body: `Text ${key}`,
  });
  const rowOf = async (key: string) =>
    (
      await queryRows<{ id: string; tenantId: string; sent: boolean; error: string | null; claimedBy: string | null }>(
        h.db,
        sql`select id, tenant_id as "tenantId", sent_at is not null as sent, error, claimed_by as "claimedBy" from outbox_messages where dedupe_key = ${key}`,
      )
    )[0]!;

  /** A transport that records each message with its claim as the database holds it while the message is being sent. */
  function watchingTransport(runner: string) {
    const seen: {
      to: string;
      from: string;
      subject: string;
      text: string;
      messageId: string;
      claimedBy: string | null;
      lease: number;
      claimed: number;
    }[] = [];
    const transport: MailTransport = {
      send: async (sent) => {
        const [claim] = await queryRows<{ claimedBy: string | null; lease: number; claimed: number }>(
          h.db,
          sql`select claimed_by as "claimedBy", round(extract(epoch from claimed_until - now()))::int as lease,
                (select count(*)::int from outbox_messages where claimed_by = ${runner} and sent_at is null) as claimed
              from outbox_messages where to_address = ${sent.to}`,
        );
        seen.push({ ...sent, ...claim! });
      },
    };
    return { seen, transport };
  }

  test('queues every message once, in chunks, and counts only the new ones', async () => {
    const many = Array.from({ length: 201 }, (_, index) => message(`queue:${index}`));
    expect(await h.db.transaction((tx) => queueMessages(tx, many))).toBe(201);
    expect(await h.db.transaction((tx) => queueMessages(tx, [...many.slice(199), message('queue:new')]))).toBe(1);
    // Nothing to queue writes nothing (no statement without rows), nor does a batch boundary falling on the end.
    expect(await h.db.transaction((tx) => queueMessages(tx, []))).toBe(0);
    expect(await h.db.transaction((tx) => queueMessages(tx, many.slice(0, 200)))).toBe(0);
    expect(
      (
        await queryRows<{ n: number }>(
          h.db,
          sql`select count(*)::int as n from outbox_messages where dedupe_key like 'queue:%'`,
        )
      )[0]!.n,
    ).toBe(202);
    // Sent away, so the tests below start from an empty outbox.
    await sendPendingMessages(h.db, { send: () => Promise.resolve() }, { from: MAIL_FROM, runner: 'clear' });
  });

  test('sends oldest first, what, to whom and from whom, under the runner’s claim with its lease and batch size', async () => {
    await h.db.transaction((tx) => queueMessages(tx, [message('order:first')]));
    await h.db.transaction((tx) => queueMessages(tx, [message('order:second'), message('order:third')]));
    const { seen, transport } = watchingTransport('runner-1');
    expect(
      await sendPendingMessages(h.db, transport, {
        from: MAIL_FROM,
        runner: 'runner-1',
        batchSize: 2,
        leaseSeconds: 120,
      }),
    ).toEqual({ sent: 3, failed: 0 });
    const first = await rowOf('order:first');
    expect(seen.map((sent) => sent.subject)).toEqual(['Ämne order:first', 'Ämne order:second', 'Ämne order:third']);
    expect(seen[0]).toMatchObject({
      to: 'order-first@kommun.example',
      from: MAIL_FROM,
      text: 'Text order:first',
      messageId: messageIdOf(first, MAIL_FROM),
      claimedBy: 'runner-1',
    });
    // The lease is measured by the database's clock; the first batch held two messages, the second one.
    for (const sent of seen) expect(Math.abs(sent.lease - 120)).toBeLessThanOrEqual(5);
    expect(seen.map((sent) => sent.claimed)).toEqual([2, 1, 1]);
    for (const key of ['order:first', 'order:second', 'order:third'])
      expect(await rowOf(key)).toMatchObject({ sent: true, error: null, claimedBy: null });

    // Without options: a lease of five minutes and batches of fifty.
    await h.db.transaction((tx) =>
      queueMessages(
        tx,
        Array.from({ length: 51 }, (_, index) => message(`default:${index}`)),
      ),
    );
    const defaults = watchingTransport('runner-4');
    await sendPendingMessages(h.db, defaults.transport, { from: MAIL_FROM, runner: 'runner-4' });
    expect(defaults.seen).toHaveLength(51);
    expect(Math.abs(defaults.seen[0]!.lease - 300)).toBeLessThanOrEqual(5);
    expect(defaults.seen[0]!.claimed).toBe(50);
    expect(defaults.seen[50]!.claimed).toBe(1);
  });

  test('a runner past the first half of its lease gives up the rest of its claim and claims it afresh: a slow mail server still gets every message once', async () => {
    await h.db.transaction((tx) => queueMessages(tx, [message('slow:1'), message('slow:2'), message('slow:3')]));
    const delivered: string[] = [];
    const watching = watchingTransport('slow');
    // Each delivery takes longer than half the lease (1 s of 2 s), so after each the rest of the batch is released.
    const slow: MailTransport = {
      send: async (sent) => {
        await watching.transport.send(sent);
        await new Promise((resolve) => setTimeout(resolve, 1_100));
        delivered.push(sent.subject);
      },
    };
    expect(
      await sendPendingMessages(h.db, slow, { from: MAIL_FROM, runner: 'slow', batchSize: 3, leaseSeconds: 2 }),
    ).toEqual({ sent: 3, failed: 0 });
    expect(delivered).toEqual(['Ämne slow:1', 'Ämne slow:2', 'Ämne slow:3']);
    // Each message went out under a fresh claim of what was left, never under one about to run out.
    expect(watching.seen.map((sent) => sent.claimed)).toEqual([3, 2, 1]);
    for (const sent of watching.seen) expect(sent.lease).toBe(2);
    for (const key of ['slow:1', 'slow:2', 'slow:3'])
      expect(await rowOf(key)).toMatchObject({ sent: true, claimedBy: null });
  });

  test('a failure is recorded with its reason (at most 1000 characters), the claim given up; tried once per run, and a refused batch ends the run', async () => {
    await h.db.transaction((tx) => queueMessages(tx, [message('fail:long'), message('fail:text')]));
    let attempts = 0;
    const refusing: MailTransport = {
      send: (sent) => {
        attempts += 1;
        return sent.to.startsWith('fail-long')
          ? Promise.reject(new Error(`550 ${'x'.repeat(1500)}`))
          : // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- a transport may reject with something else than an Error
            Promise.reject('421 upptagen');
      },
    };
    // A mail server that refuses a whole batch ends the run: the rest waits for the next one.
    expect(await sendPendingMessages(h.db, refusing, { from: MAIL_FROM, runner: 'runner-2', batchSize: 1 })).toEqual({
      sent: 0,
      failed: 1,
    });
    expect(attempts).toBe(1);
    // Each message is tried once per run.
    attempts = 0;
    expect(await sendPendingMessages(h.db, refusing, { from: MAIL_FROM, runner: 'runner-2', batchSize: 2 })).toEqual({
      sent: 0,
      failed: 2,
    });
    expect(attempts).toBe(2);
    const long = await rowOf('fail:long');
    expect(long).toMatchObject({ sent: false, claimedBy: null });
    expect(long.error).toBe(`550 ${'x'.repeat(996)}`);
    expect(await rowOf('fail:text')).toMatchObject({ sent: false, error: '421 upptagen', claimedBy: null });
    // The next run tries them again and records them as sent, clearing the error.
    expect(
      await sendPendingMessages(h.db, { send: () => Promise.resolve() }, { from: MAIL_FROM, runner: 'runner-2' }),
    ).toEqual({ sent: 2, failed: 0 });
    expect(await rowOf('fail:text')).toMatchObject({ sent: true, error: null, claimedBy: null });
  });

  test('messages delivered whose sending could not be recorded are recorded first, never sent again', async () => {
    await h.db.transaction((tx) => queueMessages(tx, [message('unrecorded:a'), message('unrecorded:b')]));
    const a = await rowOf('unrecorded:a');
    const unrecorded = new Map<string, MessageKey>([[a.id, { tenantId: a.tenantId, id: a.id }]]);
    const sent: string[] = [];
    const result = await sendPendingMessages(
      h.db,
      { send: (message) => Promise.resolve(void sent.push(message.to)) },
      { from: MAIL_FROM, runner: 'runner-3', unrecorded },
    );
    expect(result).toEqual({ sent: 1, failed: 0 });
    expect(sent).toEqual(['unrecorded-b@kommun.example']);
    expect(unrecorded.size).toBe(0);
    expect(await rowOf('unrecorded:a')).toMatchObject({ sent: true });
  });
});
