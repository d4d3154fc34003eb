import { pgTable, text, timestamp, uuid, primaryKey, uniqueIndex, index, check } from 'drizzle-orm/pg-core';
import { tenantKey, tenantReference } from './columns.ts';
import { users } from './users.ts';
import { inList } from './sql-helpers.ts';

/** What a one-time link lets its holder do: set a first password, accept an invitation, reset a forgotten password. */
export const ONE_TIME_LINK_PURPOSES = ['set_password', 'invitation', 'password_reset'] as const;
export type OneTimeLinkPurpose = (typeof ONE_TIME_LINK_PURPOSES)[number];

/**
 * A link sent to one person, with which they set their password once. The link carries a random
 * secret; only its SHA-256 is stored, so a copy of the database cannot be used. A link is used
 * once, expires, and is withdrawn when a newer link of the same purpose is issued to the person.
 * Kept, never deleted, so that the audit log can name it.
 */
export const oneTimeLinks = pgTable(
  'one_time_links',
  {
    ...tenantKey(),
    userId: uuid().notNull(),
    purpose: text({ enum: ONE_TIME_LINK_PURPOSES }).notNull(),
    secretHash: text().notNull(),
    /** Who issued it; null when the system did (a tenant created from the command line). */
    createdById: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
    withdrawnAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    tenantReference('one_time_links_user_fk', t, t.userId, users),
    tenantReference('one_time_links_created_by_fk', t, t.createdById, users),
    uniqueIndex('one_time_links_secret_key').on(t.secretHash),
    index('one_time_links_user_idx').on(t.tenantId, t.userId),
    check('one_time_links_purpose_check', inList(t.purpose, ONE_TIME_LINK_PURPOSES)),
  ],
);
