import { pgTable, text, timestamp, uuid, integer, uniqueIndex, check } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';

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
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('tenants_slug_key').on(t.slug),
    check('tenants_slug_format', sql`${t.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`),
  ],
);
