import { pgTable, text, timestamp, uuid, primaryKey, uniqueIndex, index } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { archivable, editable, tenantKey, tenantReference } from './columns.ts';
import { users } from './users.ts';

/**
 * The bearer token with which a directory (Entra ID's provisioning) keeps the tenant's people
 * and groups current over SCIM. Shown once when created; only its SHA-256 is stored. Revoked,
 * never deleted.
 */
export const scimTokens = pgTable(
  'scim_tokens',
  {
    ...tenantKey(),
    secretHash: text().notNull(),
    /** The first characters, so an administrator can tell which token a directory holds. */
    prefix: text().notNull(),
    createdById: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp({ withTimezone: true }),
    revokedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    tenantReference('scim_tokens_created_by_fk', t, t.createdById, users),
    uniqueIndex('scim_tokens_secret_key').on(t.secretHash),
  ],
);

/** A group the directory provisions; its members carry its name (and external id) as a `groups` claim. */
export const directoryGroups = pgTable(
  'directory_groups',
  {
    ...tenantKey(),
    displayName: text().notNull(),
    externalId: text(),
    ...editable(),
    ...archivable(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('directory_groups_name_key')
      .on(t.tenantId, sql`lower(${t.displayName})`)
      .where(sql`${t.archivedAt} is null`),
  ],
);

/** Who is in a directory group now; a membership that ends is marked, not deleted. */
export const directoryGroupMembers = pgTable(
  'directory_group_members',
  {
    ...tenantKey(),
    groupId: uuid().notNull(),
    userId: uuid().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    tenantReference('directory_group_members_group_fk', t, t.groupId, directoryGroups),
    tenantReference('directory_group_members_user_fk', t, t.userId, users),
    uniqueIndex('directory_group_members_active_key')
      .on(t.tenantId, t.groupId, t.userId)
      .where(sql`${t.endedAt} is null`),
    index('directory_group_members_user_idx').on(t.tenantId, t.userId),
  ],
);
