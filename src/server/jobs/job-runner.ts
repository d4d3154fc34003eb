import { sql } from 'drizzle-orm';
import { queryRows, type Database, type DatabaseHandle } from '../db/client.ts';
import { sendPendingMessages, type MailTransport } from '../mail/outbox.ts';
import { writeWeeklyDigests } from './weekly-digest.ts';

/** An arbitrary constant naming the job runner's advisory lock among Uppsikt's others. */
const JOB_LOCK_KEY = 7_164_220_002;

export interface JobOptions {
  /** The moment the run is for; tests pass a controlled clock. */
  now: Date;
  reminderLeadDays: readonly number[];
  /** Unset: messages stay in the outbox for administrators to read. */
  transport?: MailTransport | undefined;
  mailFrom: string;
}

export interface JobResult {
  /** False when another runner held the lock: this one did nothing. */
  ran: boolean;
  digests: number;
  sent: number;
  failed: number;
}

/**
 * One run of the scheduled jobs: this week's digests, then sending what waits in the outbox.
 * Several application instances may run it at the same moment: a transaction-scoped advisory
 * lock lets one through and the others return at once, and every message has a unique dedupe
 * key, so no reminder is written, or sent, twice.
 */
export async function runJobs(db: Database, options: JobOptions): Promise<JobResult> {
  return db.transaction(async (tx) => {
    const [row] = await queryRows<{ locked: boolean }>(tx, sql`select pg_try_advisory_xact_lock(${JOB_LOCK_KEY}) as locked`);
    if (!row?.locked) return { ran: false, digests: 0, sent: 0, failed: 0 };
    const digests = await writeWeeklyDigests(tx, options.now, options.reminderLeadDays);
    const delivery = options.transport ? await sendPendingMessages(tx, options.transport, options.mailFrom) : { sent: 0, failed: 0 };
    return { ran: true, digests, ...delivery };
  });
}

/** Runs the jobs every `intervalSeconds` until stopped; a failed run is logged and the next one tries again. */
export function startJobRunner(database: DatabaseHandle, options: Omit<JobOptions, 'now'> & { intervalSeconds: number; log: (message: string) => void }): () => Promise<void> {
  if (options.intervalSeconds <= 0) return () => Promise.resolve();
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const result = await runJobs(database.db, { ...options, now: new Date() });
      if (result.digests > 0 || result.sent > 0 || result.failed > 0) {
        options.log(`Jobs: weekly digests written: ${result.digests}; e-mails sent: ${result.sent}; failed: ${result.failed} (tried again on the next run).`);
      }
    } catch (error) {
      options.log(`Jobs failed and will be tried again: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), options.intervalSeconds * 1000);
  timer.unref();
  void tick();
  return async () => {
    clearInterval(timer);
    // A run in progress finishes before the database is closed under it.
    while (running) await new Promise((resolve) => setTimeout(resolve, 20));
  };
}
