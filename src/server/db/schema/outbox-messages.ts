import { index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { tenantKey, tenantReference } from './columns.ts';
import { users } from './users.ts';

/**
 * What a message is: the weekly digest of reminders, the notice of a deviation, an invitation,
 * a link to choose a new password (these two hold a placeholder, never the link), or a
 * coordinator's reminder to write a period's follow-up (Påminn on Periodens uppföljning).
 */
export const MESSAGE_KINDS = ['digest', 'deviation', 'invitation', 'password_reset', 'reminder'] as const;

/**
 * Every e-mail Uppsikt writes. With SMTP configured the job runner sends pending messages and
 * records when; without (the embedded default) they stay here, where administrators read them.
 * `dedupeKey` is unique per tenant, so a reminder or notice is written once however many job
 * runners or retries try: "digest:<person>:<ISO week>", "deviation:<deviation>:<person>",
 * "reminder:<period>:<item>:<person>:<day>".
 * A runner claims a message (`claimedBy`, `claimedUntil`) and commits before it talks to the
 * mail server; a claim whose lease has run out (the runner died) can be taken again.
 */
export const outboxMessages = pgTable(
  'outbox_messages',
  {
    ...tenantKey(),
    kind: text({ enum: MESSAGE_KINDS }).notNull(),
    dedupeKey: text().notNull(),
    userId: uuid(),
    toAddress: text().notNull(),
    subject: text().notNull(),
    /** Plain text. */
    body: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp({ withTimezone: true }),
    /** The last sending error, for the administrator to read. */
    error: text(),
    /** The job runner sending the message now; null when nobody is. */
    claimedBy: text(),
    /** The end of that runner's lease, by the database's clock; after it another runner may take the message. */
    claimedUntil: timestamp({ withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    tenantReference('outbox_messages_user_fk', t, t.userId, users),
    uniqueIndex('outbox_messages_dedupe_key').on(t.tenantId, t.dedupeKey),
    index('outbox_messages_pending_idx').on(t.sentAt, t.createdAt),
  ],
);
