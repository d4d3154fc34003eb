import { pgTable, text, timestamp, uuid, integer, boolean, uniqueIndex, check } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { TENANT_KINDS } from '../../../domain/tenant.ts';
import { inList } from './sql-helpers.ts';

/** One municipality or region. Everything else belongs to exactly one tenant. */
export const tenants = pgTable(
  'tenants',
  {
    id: uuid()
      .primaryKey()
      .$defaultFn(() => uuidv7()),
    /** Stable short name used in scripts and URLs, e.g. "malmo". */
    slug: text().notNull(),
    name: text().notNull(),
    /** Kommun, region or kommunalförbund: the kind of its top unit. */
    kind: text({ enum: TENANT_KINDS }).notNull().default('kommun'),
    /**
     * Set by an operator to stop a tenant: nobody of it can sign in or use a session or token
     * until it is cleared. Nothing of the tenant is removed.
     */
    suspendedAt: timestamp({ withTimezone: true }),
    /** Local passwords are refused (but for break-glass administrators): everyone signs in through an identity provider. */
    requireSso: boolean().notNull().default(false),
    /** Administrators with a local password must use a second factor (TOTP). */
    requireSecondFactorForAdmins: boolean().notNull().default(false),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('tenants_slug_key').on(t.slug),
    check('tenants_kind_check', inList(t.kind, TENANT_KINDS)),
    check('tenants_slug_format', sql`${t.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`),
  ],
);
