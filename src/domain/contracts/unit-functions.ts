import { z } from 'zod';
import {
  archivedField,
  booleanQuery,
  calendarDate,
  editableFields,
  id,
  includeArchivedQuery,
  listQuery,
  shortText,
} from './common.ts';

/** One person's holding of a function, from one day to another (both included; open without an end). */
export const functionHolding = z
  .object({
    id,
    functionId: id,
    userId: id,
    userName: z.string(),
    validFrom: calendarDate,
    validTo: calendarDate.nullable().meta({ description: 'The last day; null: still held.' }),
    ...editableFields,
  })
  .meta({ id: 'FunctionHolding' });

/** A function (befattning) of a unit, such as "Ekonomichef" of Socialförvaltningen. */
export const unitFunction = z
  .object({
    id,
    unitId: id,
    name: z.string(),
    isManager: z.boolean().meta({ description: 'The unit’s chef, who approves its follow-ups.' }),
    currentHolder: functionHolding
      .nullable()
      .meta({ description: 'Who holds the function today (Swedish time); null: vacant.' }),
    holders: z.array(functionHolding).meta({ description: 'Every holding, earliest first; never deleted.' }),
    ...archivedField,
    ...editableFields,
  })
  .meta({ id: 'UnitFunction' });

/** How a control shows the function named as its kontrollansvarig, resolved for today. */
export const functionRef = z
  .object({
    id,
    name: z.string(),
    unitId: id,
    holderId: id.nullable().meta({ description: 'The person who holds the function today; null: vacant.' }),
    holderName: z.string().nullable(),
  })
  .meta({ id: 'FunctionRef' });

export const unitFunctionCreate = z
  .strictObject({ unitId: id, name: shortText, isManager: z.boolean().optional() })
  .meta({ id: 'UnitFunctionCreate' });

export const unitFunctionUpdate = z
  .strictObject({ version: z.int().min(1).optional(), name: shortText.optional(), isManager: z.boolean().optional() })
  .meta({ id: 'UnitFunctionUpdate' });

export const unitFunctionListQuery = z.strictObject({
  ...listQuery(['name']),
  unitId: id.optional(),
  includeAncestors: booleanQuery
    .optional()
    .meta({ description: 'With unitId: also the functions of the units above it (to name one on a control).' }),
  includeArchived: includeArchivedQuery,
});

export const functionHoldingCreate = z
  .strictObject({ userId: id, validFrom: calendarDate, validTo: calendarDate.nullable().optional() })
  .meta({ id: 'FunctionHoldingCreate' });

export const functionHoldingUpdate = z
  .strictObject({
    version: z.int().min(1).optional(),
    validFrom: calendarDate.optional(),
    validTo: calendarDate.nullable().optional(),
  })
  .meta({ id: 'FunctionHoldingUpdate' });

export const functionHoldingEnd = z
  .strictObject({
    validTo: calendarDate.optional().meta({ description: 'The last day held; defaults to today.' }),
  })
  .meta({ id: 'FunctionHoldingEnd' });

export const holdingParams = z.object({
  id: z.uuid().meta({ param: { name: 'id', in: 'path' } }),
  holdingId: z.uuid().meta({ param: { name: 'holdingId', in: 'path' } }),
});
