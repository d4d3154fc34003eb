import { and, eq, isNull, sql } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import { uuidv7 } from 'uuidv7';
import { queryRows, type Database, type Transaction } from '../db/client.ts';
import { outboxMessages, type MESSAGE_KINDS } from '../db/schema/outbox-messages.ts';

export interface OutgoingMessage {
  tenantId: string;
  kind: (typeof MESSAGE_KINDS)[number];
  /** Written once per key and tenant: a second attempt is a no-op. */
  dedupeKey: string;
  userId: string | null;
  toAddress: string;
  subject: string;
  body: string;
  /** When it was written, by the app's clock; unset: the database's present moment. */
  createdAt?: Date;
}

/** Something that delivers a message; SMTP in production, a recording fake in tests. */
export interface MailTransport {
  send(message: { from: string; to: string; subject: string; text: string; messageId: string }): Promise<void>;
}

/** Writes messages to the outbox in the caller's transaction; returns how many were new. */
export async function queueMessages(tx: Transaction, messages: OutgoingMessage[]): Promise<number> {
  let written = 0;
  for (let start = 0; start < messages.length; start += 200) {
    // Stryker disable next-line MethodExpression: equivalent in what is written, without the slice every batch writes all messages and the dedupe key skips the repeats; the slice bounds a statement's size
    const batch = messages.slice(start, start + 200).map((message) => ({ ...message, id: uuidv7() }));
    // Stryker disable next-line ObjectLiteral: equivalent, the dedupe key is the table's only unique rule besides the new id
    const duplicate = { target: [outboxMessages.tenantId, outboxMessages.dedupeKey] };
    const rows = await tx
      .insert(outboxMessages)
      .values(batch)
      .onConflictDoNothing(duplicate)
      .returning({ id: outboxMessages.id });
    written += rows.length;
  }
  return written;
}

/** A claim lasts this long unless the runner says otherwise: far longer than one SMTP conversation may take (see `smtpTransport`). */
export const DEFAULT_LEASE_SECONDS = 300;
/** How many messages a runner claims at a time. */
export const DEFAULT_BATCH_SIZE = 50;
/** Waits between attempts to record a delivered message as sent while the database is unreachable. */
const RECORD_RETRY_MS = [100, 250, 500, 1000, 2000];

/** The key of one outbox message. */
export interface MessageKey {
  tenantId: string;
  id: string;
}

export interface SendOptions {
  /** The sender, e.g. "Uppsikt <uppsikt@kommun.se>"; its domain is also the domain of every Message-ID. */
  from: string;
  /** Names this runner in `claimed_by`; unique per process. */
  runner: string;
  /** How long a claim lasts, in seconds; a claim not finished by then may be taken by another runner. */
  leaseSeconds?: number | undefined;
  batchSize?: number | undefined;
  /**
   * Messages the mail server accepted but whose sending could not be recorded yet (the database
   * was unreachable). The runner keeps this across runs and records them first.
   */
  unrecorded?: Map<string, MessageKey> | undefined;
  /**
   * Turns a body from the outbox into the text that is sent: fills in what the outbox must not
   * hold (one-time links, see auth/link-mail.ts). Unset: the body as it is.
   */
  prepareBody?: ((body: string) => string) | undefined;
}

/**
 * The Message-ID header of a message: the same on every attempt, so that a receiving system can
 * recognise the one case in which a message arrives twice (see `sendPendingMessages`).
 */
export function messageIdOf(message: MessageKey, from: string): string {
  return `<${message.id}@${messageIdDomain(from)}>`;
}

/** The domain of the sender's address ("Uppsikt <uppsikt@kommun.se>" → "kommun.se"); "localhost" when it has none. */
export function messageIdDomain(from: string): string {
  const domain = /@([^\s<>@]+)>?\s*$/.exec(from)?.[1];
  return domain ?? 'localhost';
}

interface ClaimedMessage extends MessageKey {
  toAddress: string;
  subject: string;
  body: string;
}

/**
 * Sends what waits in the outbox, oldest first, without holding a transaction while the mail
 * server talks: a runner claims a batch with a lease in one committed statement, sends each
 * message, then records it as sent in a statement of its own (a failure is recorded with its
 * error, the claim given up, and the message is tried again on a later run). Several runners
 * share the work: a claimed message is skipped by the others until its lease runs out, which
 * happens only when its runner died or lost the database; then another runner takes it.
 *
 * Delivery is exactly once except in one case: the mail server accepted a message and
 * Uppsikt never learned it or never recorded it (the process died in between, or the mail
 * server's answer was lost with its connection). Then the message is sent once more, with
 * the same Message-ID, so the receiving side can recognise the copy. A database that is
 * briefly unreachable when the sending is to be recorded is not such a case: the runner keeps
 * trying, and keeps what it could not record in `unrecorded` for its next run.
 *
 * Leases are measured by the database's clock (`now()`), the one clock every instance shares;
 * the app's Clock is for the domain's "today", and a runner's own clock may differ from the
 * database's.
 */
export async function sendPendingMessages(
  db: Database,
  transport: MailTransport,
  options: SendOptions,
): Promise<{ sent: number; failed: number }> {
  const leaseSeconds = options.leaseSeconds ?? DEFAULT_LEASE_SECONDS;
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const unrecorded = options.unrecorded ?? new Map<string, MessageKey>();
  for (const [key, message] of unrecorded) {
    await recordSent(db, message);
    unrecorded.delete(key);
  }
  // Each message is tried at most once per run: a failure waits for the next run.
  const tried = new Set<string>();
  let sent = 0;
  let failed = 0;
  for (;;) {
    const batch = await claimMessages(db, options.runner, leaseSeconds, batchSize, tried);
    if (batch.length === 0) break;
    // The runner sends only within the first half of its lease, measured on its own monotonic
    // clock from the moment the claim was committed: the other half covers the SMTP
    // conversation under way and any difference between the runner's and the database's clocks.
    const sendUntil = performance.now() + (leaseSeconds * 1000) / 2;
    let batchFailed = 0;
    for (const [index, message] of batch.entries()) {
      if (performance.now() > sendUntil) {
        // Stryker disable next-line MethodExpression: equivalent, the messages before `index` are sent or their claim is given up already, and a release passes them by
        await releaseClaims(db, options.runner, batch.slice(index));
        break;
      }
      tried.add(message.id);
      try {
        await transport.send({
          from: options.from,
          to: message.toAddress,
          subject: message.subject,
          text: options.prepareBody ? options.prepareBody(message.body) : message.body,
          messageId: messageIdOf(message, options.from),
        });
      } catch (error) {
        failed += 1;
        batchFailed += 1;
        await recordFailure(db, options.runner, message, error);
        continue;
      }
      sent += 1;
      if (!(await recordSentPatiently(db, message)))
        unrecorded.set(message.id, { tenantId: message.tenantId, id: message.id });
    }
    // A mail server that refuses a whole batch refuses the rest too: they wait for the next run.
    if (batchFailed === batch.length) break;
  }
  return { sent, failed };
}

/** Claims up to `limit` unsent messages nobody holds, oldest first, in one committed statement. */
async function claimMessages(
  db: Database,
  runner: string,
  leaseSeconds: number,
  limit: number,
  skip: Set<string>,
): Promise<ClaimedMessage[]> {
  const notTried =
    skip.size === 0
      ? sql``
      : sql`and id not in (${sql.join(
          [...skip].map((id) => sql`${id}::uuid`),
          sql`, `,
        )})`;
  const rows = await queryRows<ClaimedMessage & { createdAt: string | Date }>(
    db,
    sql`with claimable as (
          select tenant_id, id from outbox_messages
          where sent_at is null and (claimed_until is null or claimed_until < now()) ${notTried}
          order by created_at, id
          limit ${limit}
          for update skip locked
        )
        update outbox_messages as m
        set claimed_by = ${runner}, claimed_until = now() + make_interval(secs => ${leaseSeconds})
        from claimable
        where m.tenant_id = claimable.tenant_id and m.id = claimable.id
        returning m.tenant_id as "tenantId", m.id, m.to_address as "toAddress", m.subject, m.body, m.created_at as "createdAt"`,
  );
  return rows.sort(
    (a, b) => new Date(a.createdAt).getTime() - new Date(b.createdAt).getTime() || a.id.localeCompare(b.id),
  );
}

function whereMessage(message: MessageKey) {
  return and(eq(outboxMessages.tenantId, message.tenantId), eq(outboxMessages.id, message.id));
}

/** Records a delivered message as sent (whoever holds its claim now: it was delivered). */
async function recordSent(db: Database, message: MessageKey): Promise<void> {
  await db
    .update(outboxMessages)
    .set({ sentAt: sql`now()`, error: null, claimedBy: null, claimedUntil: null })
    .where(and(whereMessage(message), isNull(outboxMessages.sentAt)));
}

/** Records a delivered message, trying again for a few seconds while the database is unreachable; false when it could not. */
async function recordSentPatiently(db: Database, message: MessageKey): Promise<boolean> {
  // Stryker disable all: reached only when the database goes away between sending and recording, which delivery.test.ts does on PostgreSQL (it ends the server's sessions); PGlite, which Stryker runs on, has no connection to lose
  for (let attempt = 0; ; attempt += 1) {
    try {
      await recordSent(db, message);
      return true;
    } catch {
      const wait = RECORD_RETRY_MS[attempt];
      if (wait === undefined) return false;
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}

// Stryker restore all

/**
 * Records why a message could not be sent and gives up its claim, so a later run tries it
 * again. When the database is unreachable too, the claim stays until its lease runs out,
 * with the same result.
 */
async function recordFailure(db: Database, runner: string, message: MessageKey, error: unknown): Promise<void> {
  const text = error instanceof Error ? error.message : String(error);
  await db
    .update(outboxMessages)
    .set({ error: text.slice(0, 1000), claimedBy: null, claimedUntil: null })
    .where(and(whereMessage(message), eq(outboxMessages.claimedBy, runner), isNull(outboxMessages.sentAt)))
    .catch(() => {});
}

/** Gives up the claims a runner did not get to in time, so that the next claim takes them with a fresh lease. */
async function releaseClaims(db: Database, runner: string, messages: MessageKey[]): Promise<void> {
  for (const message of messages) {
    await db
      .update(outboxMessages)
      .set({ claimedBy: null, claimedUntil: null })
      .where(and(whereMessage(message), eq(outboxMessages.claimedBy, runner), isNull(outboxMessages.sentAt)));
  }
}

/**
 * SMTP through nodemailer, from an smtp:// or smtps:// URL. The timeouts bound one SMTP
 * conversation well within half of DEFAULT_LEASE_SECONDS.
 */
export function smtpTransport(url: string): MailTransport {
  const transporter = nodemailer.createTransport({
    url,
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 60_000,
  });
  return {
    async send(message) {
      await transporter.sendMail(message);
    },
  };
}
