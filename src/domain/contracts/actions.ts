import { z } from 'zod';
import { id, markdown, shortText } from './common.ts';
import { itemInputFields, itemListFilters, itemOutputFields } from './plan-items.ts';

/** An åtgärd: what is done about a risk, a review's finding or a deviation. */
export const action = z
  .object({
    id,
    planId: id,
    riskId: id.nullable(),
    reviewId: id.nullable().meta({ description: 'The granskning the action was decided from.' }),
    title: z.string(),
    whatToDo: z.string().nullable().meta({ description: '"Vad ska göras", Markdown.' }),
    measuresTaken: z.string().nullable().meta({ description: '"Genomförda åtgärder", Markdown.' }),
    responsibleUnitId: id.nullable(),
    goalIds: z.array(id).meta({ description: 'The goals (of the unit’s verksamhetsplan) the action serves.' }),
    ...itemOutputFields,
  })
  .meta({ id: 'Action' });

const actionFields = {
  riskId: id.nullable().optional().meta({ description: 'A risk of the same plan.' }),
  reviewId: id.nullable().optional().meta({ description: 'A review of the same plan.' }),
  whatToDo: markdown.nullable().optional(),
  measuresTaken: markdown.nullable().optional(),
  responsibleUnitId: id.nullable().optional(),
  goalIds: z.array(id).max(50).optional().meta({
    description: 'Goals of the plan’s unit or a unit above it, for a year the plan covers; replaces the whole set.',
  }),
  ...itemInputFields,
};

export const actionCreate = z
  .strictObject({
    planId: id,
    title: shortText,
    deviationId: id.optional().meta({
      description:
        'An avvikelse of the same plan that no other action answers: the new action answers it (Skapa åtgärd from the deviation), in the same change.',
    }),
    ...actionFields,
  })
  .meta({ id: 'ActionCreate' });

export const actionUpdate = z
  .strictObject({ version: z.int().min(1).optional(), title: shortText.optional(), ...actionFields })
  .meta({ id: 'ActionUpdate' });

export const actionListQuery = z.strictObject({ ...itemListFilters, riskId: id.optional(), reviewId: id.optional() });
