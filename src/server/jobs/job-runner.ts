import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { sql } from 'drizzle-orm';
import type { Clock } from '../../domain/clock.ts';
import { queryRows, type Database, type DatabaseHandle } from '../db/client.ts';
import { sendPendingMessages, type MailTransport, type MessageKey } from '../mail/outbox.ts';
import { writeWeeklyDigests } from './weekly-digest.ts';

/** An arbitrary constant naming the job runner's advisory lock among Uppsikt's others. */
const JOB_LOCK_KEY = 7_164_220_002;

export interface JobOptions {
  /** Where the moment of the run comes from (the digest's week and Monday 06:00); tests pass a fixed clock. */
  clock: Clock;
  reminderLeadDays: readonly number[];
  /** Unset: messages stay in the outbox for administrators to read. */
  transport?: MailTransport | undefined;
  mailFrom: string;
  /** Names the runner in the claims it makes; a new name per call when unset. */
  runner?: string | undefined;
  /** How long a runner's claim on a message lasts, in seconds (see sendPendingMessages). */
  leaseSeconds?: number | undefined;
  /** How many messages a runner claims at a time. */
  batchSize?: number | undefined;
  /** Delivered messages whose sending is not recorded yet, kept by a runner across runs. */
  unrecorded?: Map<string, MessageKey> | undefined;
  /** Fills in what the outbox must not hold before a message is sent (see sendPendingMessages). */
  prepareBody?: ((body: string) => string) | undefined;
}

export interface JobResult {
  /** False when another runner was writing the digests: this one only sent. */
  ran: boolean;
  digests: number;
  sent: number;
  failed: number;
}

/** A name for a job runner, unique across instances: host, process and a random part. */
export function newRunnerName(): string {
  return `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
}

/**
 * One run of the scheduled jobs: this week's digests, then sending what waits in the outbox.
 * Several application instances may run it at the same moment. The digests are written in a
 * short transaction under a transaction-scoped advisory lock that lets one runner through (and
 * every message has a unique dedupe key); the sending happens outside any transaction, with
 * messages claimed for a while by one runner, so no reminder is written, or sent, twice.
 */
export async function runJobs(db: Database, options: JobOptions): Promise<JobResult> {
  const digests = await db.transaction(async (tx) => {
    const [row] = await queryRows<{ locked: boolean }>(
      tx,
      sql`select pg_try_advisory_xact_lock(${JOB_LOCK_KEY}) as locked`,
    );
    // Stryker disable next-line ConditionalExpression: defended by the PostgreSQL run of jobs.test.ts (a second session holds the lock); PGlite has one session, whose advisory locks never refuse it
    if (!row?.locked) return null;
    return writeWeeklyDigests(tx, options.clock.now(), options.reminderLeadDays);
  });
  const delivery = options.transport
    ? await sendPendingMessages(db, options.transport, {
        from: options.mailFrom,
        runner: options.runner ?? newRunnerName(),
        leaseSeconds: options.leaseSeconds,
        batchSize: options.batchSize,
        unrecorded: options.unrecorded,
        prepareBody: options.prepareBody,
      })
    : { sent: 0, failed: 0 };
  // Stryker disable next-line ConditionalExpression: defended by the PostgreSQL run of jobs.test.ts, as the lock above
  return { ran: digests !== null, digests: digests ?? 0, ...delivery };
}

/**
 * Runs the jobs every `intervalSeconds` until stopped; a failed run (the database or the mail
 * server gone for a while) is logged and the next one tries again. The first run of each day
 * also refreshes the database's planner statistics (see `DatabaseHandle.refreshStatistics`).
 */
export function startJobRunner(
  database: DatabaseHandle,
  options: Omit<JobOptions, 'runner' | 'unrecorded'> & { intervalSeconds: number; log: (message: string) => void },
): () => Promise<void> {
  if (options.intervalSeconds <= 0) return () => Promise.resolve();
  const runner = newRunnerName();
  const unrecorded = new Map<string, MessageKey>();
  let running = false;
  /** The day (by the clock) the planner's statistics were last refreshed: at the first run, then daily. */
  let statisticsDay: string | null = null;
  const tick = async () => {
    // Stryker disable next-line ConditionalExpression: only a run slower than the interval reaches this, which the tests cannot bring about without timing (no timed assertions)
    if (running) return;
    running = true;
    try {
      const today = options.clock.now().toISOString().slice(0, 10);
      if (statisticsDay !== today) {
        await database.refreshStatistics();
        statisticsDay = today;
      }
      const result = await runJobs(database.db, { ...options, runner, unrecorded });
      if (result.digests > 0 || result.sent > 0 || result.failed > 0) {
        options.log(
          `Jobs: weekly digests written: ${result.digests}; e-mails sent: ${result.sent}; failed: ${result.failed} (tried again on the next run).`,
        );
      }
    } catch (error) {
      options.log(`Jobs failed and will be tried again: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      running = false;
    }
  };
  // Stryker disable next-line ArrowFunction,ArithmeticOperator: the repetition is timing, which the tests do not measure (no timed assertions); the first run, at once, is tested
  const timer = setInterval(() => void tick(), options.intervalSeconds * 1000);
  timer.unref();
  void tick();
  return async () => {
    clearInterval(timer);
    // A run in progress finishes before the database is closed under it.
    while (running) await new Promise((resolve) => setTimeout(resolve, 20));
  };
}
