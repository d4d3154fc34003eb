import { pgTable, text, timestamp, uuid, index } from 'drizzle-orm/pg-core';
import { uuidv7 } from 'uuidv7';

/**
 * A sign-in attempt, by the e-mail address tried (lower-cased) and the client's address. Not
 * tenant-owned: it is written before anyone is known. The row is written (under a lock) before
 * the password is checked and removed again when the password was right, so it counts every
 * attempt in flight and every failure. Counted to refuse an account's, and a client address's,
 * sign-ins after too many failures, in the database so that the limits hold across app instances.
 */
export const signInFailures = pgTable(
  'sign_in_failures',
  {
    id: uuid()
      .primaryKey()
      .$defaultFn(() => uuidv7()),
    email: text().notNull(),
    /** The client's IP address (the socket's, or X-Forwarded-For's when TRUST_PROXY says so); null when unknown. */
    clientAddress: text(),
    occurredAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('sign_in_failures_email_idx').on(t.email, t.occurredAt),
    index('sign_in_failures_address_idx').on(t.clientAddress, t.occurredAt),
  ],
);
