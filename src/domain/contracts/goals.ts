import { z } from 'zod';
import {
  archivedField,
  editableFields,
  id,
  includeArchivedQuery,
  listQuery,
  markdown,
  optionalShortText,
  shortText,
  sortOrder,
  year,
} from './common.ts';

/** A goal of a unit's verksamhetsplan for a year: the goal, how it is measured and the target value. */
export const goal = z
  .object({
    id,
    unitId: id,
    year: z.int(),
    title: z.string(),
    description: z.string().nullable().meta({ description: 'Markdown.' }),
    indicator: z.string().nullable().meta({ description: 'How the goal is measured (indikator).' }),
    target: z.string().nullable().meta({ description: 'The value aimed for (målvärde).' }),
    sortOrder: z.int(),
    ...archivedField,
    ...editableFields,
  })
  .meta({ id: 'Goal' });

const goalFields = {
  description: markdown.nullable().optional(),
  indicator: optionalShortText.optional(),
  target: optionalShortText.optional(),
  sortOrder: sortOrder.optional().meta({ description: 'Without it a new goal goes last.' }),
};

export const goalCreate = z
  .strictObject({ unitId: id, year, title: shortText, ...goalFields })
  .meta({ id: 'GoalCreate' });

export const goalUpdate = z
  .strictObject({ version: z.int().min(1).optional(), title: shortText.optional(), ...goalFields })
  .meta({ id: 'GoalUpdate' });

export const goalListQuery = z.strictObject({
  ...listQuery(['sortOrder', 'title', 'year']),
  unitId: id.optional().meta({ description: 'Only goals of exactly this unit.' }),
  under: id.optional().meta({ description: 'Only goals of this unit and the units below it.' }),
  year: z.coerce.number().int().min(1990).max(2100).optional().meta({ description: 'Only goals of this year.' }),
  includeArchived: includeArchivedQuery,
});
