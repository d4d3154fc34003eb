import { pgTable, text, timestamp, uuid, index } from 'drizzle-orm/pg-core';
import { uuidv7 } from 'uuidv7';

/**
 * A failed sign-in, by the e-mail address tried (lower-cased). Not tenant-owned: it is written
 * before anyone is known. Counted to refuse an account's sign-ins after too many failures,
 * in the database so that the limit holds across app instances.
 */
export const signInFailures = pgTable(
  'sign_in_failures',
  {
    id: uuid().primaryKey().$defaultFn(() => uuidv7()),
    email: text().notNull(),
    occurredAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('sign_in_failures_email_idx').on(t.email, t.occurredAt)],
);
