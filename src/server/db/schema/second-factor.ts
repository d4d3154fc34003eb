import { pgTable, text, timestamp, uuid, integer, primaryKey, uniqueIndex, index } from 'drizzle-orm/pg-core';
import { tenantKey, tenantReference } from './columns.ts';
import { users } from './users.ts';

/**
 * A recovery code for a person with a second factor, for the day the phone is lost. Each is
 * used once; only its hash is stored. A new set replaces the old (the old are marked replaced).
 */
export const recoveryCodes = pgTable(
  'recovery_codes',
  {
    ...tenantKey(),
    userId: uuid().notNull(),
    codeHash: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    usedAt: timestamp({ withTimezone: true }),
    replacedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    tenantReference('recovery_codes_user_fk', t, t.userId, users),
    index('recovery_codes_user_idx').on(t.tenantId, t.userId),
  ],
);

/**
 * A sign-in half done: the password was right and the second factor is still to come. The
 * browser holds the secret (only its hash is here) for a few minutes; a few wrong codes end it.
 */
export const signInChallenges = pgTable(
  'sign_in_challenges',
  {
    ...tenantKey(),
    userId: uuid().notNull(),
    secretHash: text().notNull(),
    /** What the person still has to do: give a code, or first set up a second factor. */
    step: text({ enum: ['verify', 'enrol'] }).notNull(),
    failures: integer().notNull().default(0),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    tenantReference('sign_in_challenges_user_fk', t, t.userId, users),
    uniqueIndex('sign_in_challenges_secret_key').on(t.secretHash),
  ],
);
