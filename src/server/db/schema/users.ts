import { pgTable, text, timestamp, primaryKey, uniqueIndex, check } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { editable, tenantKey } from './columns.ts';
import { inList } from './sql-helpers.ts';

/**
 * A person of the tenant. Only persons with an email and a password can sign in; others
 * (named as responsible or as authors in imported reports) are still persons.
 * A person who leaves is deactivated, never deleted: history keeps their name.
 */
export const users = pgTable(
  'users',
  {
    ...tenantKey(),
    name: text().notNull(),
    email: text(),
    /** Job title (befattning), e.g. "Förvaltningschef". */
    title: text(),
    /** argon2id hash; null for a person who cannot sign in. */
    passwordHash: text(),
    locale: text({ enum: ['sv', 'en'] })
      .notNull()
      .default('sv'),
    deactivatedAt: timestamp({ withTimezone: true }),
    ...editable(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('users_email_key').on(t.tenantId, sql`lower(${t.email})`),
    check('users_locale_check', inList(t.locale, ['sv', 'en'])),
    check('users_email_format', sql`${t.email} is null or ${t.email} ~ '^[^@[:space:]]+@[^@[:space:]]+$'`),
  ],
);
