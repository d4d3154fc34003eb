import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import { uuidv7 } from 'uuidv7';
import type { Transaction } from '../db/client.ts';
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
}

/** Something that delivers a message; SMTP in production, a recording fake in tests. */
export interface MailTransport {
  send(message: { from: string; to: string; subject: string; text: string }): Promise<void>;
}

/** Writes messages to the outbox in the caller's transaction; returns how many were new. */
export async function queueMessages(tx: Transaction, messages: OutgoingMessage[]): Promise<number> {
  let written = 0;
  for (let start = 0; start < messages.length; start += 200) {
    const rows = await tx
      .insert(outboxMessages)
      .values(messages.slice(start, start + 200).map((message) => ({ ...message, id: uuidv7() })))
      .onConflictDoNothing({ target: [outboxMessages.tenantId, outboxMessages.dedupeKey] })
      .returning({ id: outboxMessages.id });
    written += rows.length;
  }
  return written;
}

/**
 * Sends unsent messages, oldest first, each claimed with a row lock that other runners skip,
 * and marks each sent (or records its error, to be tried again on the next run).
 */
export async function sendPendingMessages(tx: Transaction, transport: MailTransport, from: string, limit = 200): Promise<{ sent: number; failed: number }> {
  const pending = await tx
    .select()
    .from(outboxMessages)
    .where(isNull(outboxMessages.sentAt))
    .orderBy(asc(outboxMessages.createdAt))
    .limit(limit)
    .for('update', { skipLocked: true });
  let sent = 0;
  let failed = 0;
  for (const message of pending) {
    const where = and(eq(outboxMessages.tenantId, message.tenantId), eq(outboxMessages.id, message.id));
    try {
      await transport.send({ from, to: message.toAddress, subject: message.subject, text: message.body });
      await tx.update(outboxMessages).set({ sentAt: sql`now()`, error: null }).where(where);
      sent += 1;
    } catch (error) {
      await tx.update(outboxMessages).set({ error: error instanceof Error ? error.message.slice(0, 1000) : String(error) }).where(where);
      failed += 1;
    }
  }
  return { sent, failed };
}

/** SMTP through nodemailer, from an smtp:// or smtps:// URL. */
export function smtpTransport(url: string): MailTransport {
  const transporter = nodemailer.createTransport(url);
  return {
    async send(message) {
      await transporter.sendMail(message);
    },
  };
}
