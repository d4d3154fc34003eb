import { date, foreignKey, integer, timestamp, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { uuidv7 } from 'uuidv7';
import { tenants } from './tenants.ts';

/**
 * The key every tenant-owned table starts with: (tenant_id, id). Foreign keys between
 * tenant-owned tables are composite over tenant_id, so no row can point into another tenant.
 */
export function tenantKey() {
  return {
    tenantId: uuid()
      .notNull()
      .references(() => tenants.id),
    id: uuid()
      .notNull()
      .$defaultFn(() => uuidv7()),
  };
}

/** Optimistic concurrency and timestamps for rows that users edit. */
export function editable() {
  return {
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  };
}

/** Plan data is archived, never deleted. */
export function archivable() {
  return { archivedAt: timestamp({ withTimezone: true }) };
}

/**
 * A composite foreign key (tenant_id, column) → target (tenant_id, id). A null column
 * leaves the reference unset (MATCH SIMPLE), which is how optional references work.
 */
export function tenantReference(
  name: string,
  table: { tenantId: AnyPgColumn },
  column: AnyPgColumn,
  target: { tenantId: AnyPgColumn; id: AnyPgColumn },
) {
  return foreignKey({ name, columns: [table.tenantId, column], foreignColumns: [target.tenantId, target.id] });
}

/**
 * What controls, actions and activities have in common: a status, a start and an end date
 * (checkpoints between them live in `checkpoints`), and their place in the plan's order.
 */
export function scheduled() {
  return {
    statusId: uuid(),
    startDate: date({ mode: 'string' }),
    endDate: date({ mode: 'string' }),
    sortOrder: integer().notNull().default(0),
  };
}
