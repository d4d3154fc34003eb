import { pgTable, text, timestamp, uuid, primaryKey, uniqueIndex, index, check } from 'drizzle-orm/pg-core';
import { tenantKey, tenantReference } from './columns.ts';
import { users } from './users.ts';
import { inList } from './sql-helpers.ts';

/** What an API token may do: only read, or read and write within its user's roles. */
export const API_TOKEN_ACCESS = ['read', 'read_write'] as const;
export type ApiTokenAccess = (typeof API_TOKEN_ACCESS)[number];

/**
 * A token for an integration (a BI tool, a script). It acts as `userId` with that person's
 * roles, narrowed to `access`. Shown once when created; only its SHA-256 is stored.
 * Revoked, never deleted, so the audit log can always name it.
 */
export const apiTokens = pgTable(
  'api_tokens',
  {
    ...tenantKey(),
    name: text().notNull(),
    userId: uuid().notNull(),
    access: text({ enum: API_TOKEN_ACCESS }).notNull(),
    secretHash: text().notNull(),
    /** The first characters of the token, so that people can tell their tokens apart. */
    prefix: text().notNull(),
    createdById: uuid().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp({ withTimezone: true }),
    revokedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    tenantReference('api_tokens_user_fk', t, t.userId, users),
    tenantReference('api_tokens_created_by_fk', t, t.createdById, users),
    uniqueIndex('api_tokens_secret_key').on(t.secretHash),
    index('api_tokens_user_idx').on(t.tenantId, t.userId),
    check('api_tokens_access_check', inList(t.access, API_TOKEN_ACCESS)),
  ],
);
