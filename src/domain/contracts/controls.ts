import { z } from 'zod';
import { id, markdown, optionalShortText, shortText } from './common.ts';
import { itemInputFields, itemListFilters, itemOutputFields } from './plan-items.ts';

/** A kontroll (kontrollmoment) of a risk. */
export const control = z
  .object({
    id,
    planId: id,
    riskId: id,
    title: z.string(),
    description: z.string().nullable(),
    method: z.string().nullable().meta({ description: 'How the check is made, Markdown.' }),
    frequency: z.string().nullable().meta({ description: 'e.g. "Varje månad".' }),
    ...itemOutputFields,
  })
  .meta({ id: 'Control' });

const controlFields = {
  description: markdown.nullable().optional(),
  method: markdown.nullable().optional(),
  frequency: optionalShortText.optional(),
  ...itemInputFields,
};

export const controlCreate = z
  .strictObject({ riskId: id, title: shortText, ...controlFields })
  .meta({ id: 'ControlCreate' });

export const controlUpdate = z
  .strictObject({
    version: z.int().min(1).optional(),
    riskId: id.optional().meta({ description: 'Another risk of the same plan.' }),
    title: shortText.optional(),
    ...controlFields,
  })
  .meta({ id: 'ControlUpdate' });

export const controlListQuery = z.strictObject({ ...itemListFilters, riskId: id.optional() });
