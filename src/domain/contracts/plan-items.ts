import { z } from 'zod';
import {
  archivedField,
  booleanQuery,
  calendarDate,
  editableFields,
  id,
  includeArchivedQuery,
  listQuery,
  sortOrder,
} from './common.ts';

// What controls, actions and activities share: status, dates, responsible persons, checkpoints.

/** Output fields of every plan item. */
export const itemOutputFields = {
  statusId: id.nullable(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  sortOrder: z.int(),
  responsibleIds: z.array(id).meta({ description: 'Ansvariga, in the plan’s order.' }),
  reportingIds: z.array(id).meta({ description: 'Rapporteringsansvariga, in the plan’s order.' }),
  checkpoints: z.array(z.string()).meta({ description: 'Avstämningsdatum, ascending.' }),
  overdue: z
    .boolean()
    .meta({ description: 'The end date has passed and the status is not a completed one (derived).' }),
  ...archivedField,
  ...editableFields,
};

/** Input fields of every plan item (all optional; a list replaces the whole list). */
export const itemInputFields = {
  statusId: id.nullable().optional(),
  startDate: calendarDate.nullable().optional(),
  endDate: calendarDate.nullable().optional(),
  sortOrder: sortOrder.optional(),
  responsibleIds: z.array(id).max(50).optional(),
  reportingIds: z.array(id).max(50).optional(),
  checkpoints: z.array(calendarDate).max(100).optional(),
};

/** List filters of every plan item. */
export const itemListFilters = {
  ...listQuery(['title', 'endDate', 'sortOrder']),
  planId: id.optional(),
  under: id.optional().meta({ description: 'Only items of plans of this unit and the units below it.' }),
  year: z.coerce
    .number()
    .int()
    .min(1990)
    .max(2100)
    .optional()
    .meta({ description: 'Only items of plans that cover this year.' }),
  statusId: id.optional(),
  responsible: id
    .optional()
    .meta({ description: 'Only items this person answers for (ansvarig or rapporteringsansvarig).' }),
  overdue: booleanQuery.optional().meta({ description: 'true: only overdue items; false: only items that are not.' }),
  includeArchived: includeArchivedQuery,
};
