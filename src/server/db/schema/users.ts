import { pgTable, text, timestamp, boolean, primaryKey, uniqueIndex, index, check } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { editable, tenantKey } from './columns.ts';
import { inList } from './sql-helpers.ts';
import { searchDocument } from './search-documents.ts';

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
    /** The TOTP secret of a second factor, sealed with the server key; null without one. */
    sealedTotpSecret: text(),
    /** When the second factor was confirmed with a first code; until then it does not count. */
    totpEnabledAt: timestamp({ withTimezone: true }),
    /** The break-glass administrator may still sign in with a password when the tenant requires SSO. */
    breakGlass: boolean().notNull().default(false),
    /** The directory's id of the person (SCIM externalId, e.g. Entra ID's object id). */
    scimExternalId: text(),
    /** The directory's user name (SCIM userName, often the UPN); unique per tenant. */
    scimUserName: text(),
    ...editable(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('users_email_key').on(t.tenantId, sql`lower(${t.email})`),
    uniqueIndex('users_scim_user_name_key').on(t.tenantId, sql`lower(${t.scimUserName})`),
    index('users_search_idx').using('gin', searchDocument(t.name, t.title, t.email)),
    check('users_locale_check', inList(t.locale, ['sv', 'en'])),
    check('users_email_format', sql`${t.email} is null or ${t.email} ~ '^[^@[:space:]]+@[^@[:space:]]+$'`),
  ],
);
