import { pgTable, text, uuid, date, boolean, primaryKey, index, check } from 'drizzle-orm/pg-core';
import { archivable, editable, tenantKey, tenantReference } from './columns.ts';
import { datesInOrder } from './sql-helpers.ts';
import { orgUnits } from './org-units.ts';
import { users } from './users.ts';

/**
 * A function (befattning) of a unit, such as "Ekonomichef" of Socialförvaltningen. A control can
 * name a function as its kontrollansvarig; it resolves to whoever holds the function on the day.
 * `isManager` marks the unit's chef, who approves the unit's follow-ups.
 */
export const unitFunctions = pgTable(
  'unit_functions',
  {
    ...tenantKey(),
    unitId: uuid().notNull(),
    name: text().notNull(),
    isManager: boolean().notNull().default(false),
    ...archivable(),
    ...editable(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    tenantReference('unit_functions_unit_fk', t, t.unitId, orgUnits),
    index('unit_functions_unit_idx').on(t.tenantId, t.unitId),
  ],
);

/** Who holds a function from one day to another (open when `validTo` is null). */
export const functionHolders = pgTable(
  'function_holders',
  {
    ...tenantKey(),
    functionId: uuid().notNull(),
    userId: uuid().notNull(),
    validFrom: date({ mode: 'string' }).notNull(),
    validTo: date({ mode: 'string' }),
    ...editable(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    tenantReference('function_holders_function_fk', t, t.functionId, unitFunctions),
    tenantReference('function_holders_user_fk', t, t.userId, users),
    index('function_holders_function_idx').on(t.tenantId, t.functionId),
    index('function_holders_user_idx').on(t.tenantId, t.userId),
    check('function_holders_dates_in_order', datesInOrder(t.validFrom, t.validTo)),
  ],
);
