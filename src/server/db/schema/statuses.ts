import { pgTable, text, integer, boolean, primaryKey, uniqueIndex, check } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { STATUS_CATEGORIES, STATUS_ICONS } from '../../../domain/status.ts';
import { editable, tenantKey } from './columns.ts';
import { inList } from './sql-helpers.ts';

/** The tenant's status vocabulary (Ej påbörjad, Pågående, Genomförd …), each with colour and icon. */
export const statuses = pgTable(
  'statuses',
  {
    ...tenantKey(),
    key: text().notNull(),
    labelSv: text().notNull(),
    labelEn: text().notNull(),
    colour: text().notNull(),
    icon: text({ enum: STATUS_ICONS }).notNull(),
    category: text({ enum: STATUS_CATEGORIES }).notNull(),
    sortOrder: integer().notNull().default(0),
    active: boolean().notNull().default(true),
    ...editable(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('statuses_key_key').on(t.tenantId, t.key),
    check('statuses_category_check', inList(t.category, STATUS_CATEGORIES)),
    check('statuses_icon_check', inList(t.icon, STATUS_ICONS)),
    check('statuses_colour_format', sql`${t.colour} ~ '^#[0-9a-fA-F]{6}$'`),
  ],
);
