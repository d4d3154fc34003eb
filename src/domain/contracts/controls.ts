import { z } from 'zod';
import { id, markdown, optionalShortText, shortText } from './common.ts';
import { REGULAR_FREQUENCY_KINDS } from '../control-frequency.ts';
import { REPORT_RECIPIENTS } from '../risk-response.ts';
import { calendarDate } from './common.ts';
import { itemInputFields, itemListFilters, itemOutputFields } from './plan-items.ts';
import { functionRef } from './unit-functions.ts';
import { vocabularyRef } from './vocabularies.ts';

/** How often a control is carried out; a structured frequency generates its checkpoints. */
export const controlFrequency = z
  .discriminatedUnion('kind', [
    z.strictObject({ kind: z.enum(REGULAR_FREQUENCY_KINDS) }),
    z.strictObject({ kind: z.literal('dates'), dates: z.array(calendarDate).min(1).max(366) }),
  ])
  .meta({
    id: 'ControlFrequency',
    description:
      'once, monthly, quarterly, tertial, half_yearly, yearly (checkpoints at the end of each period), or given dates.',
  });

/** A kontroll (kontrollmoment) of a risk. */
export const control = z
  .object({
    id,
    planId: id,
    riskId: id,
    title: z.string(),
    description: z.string().nullable(),
    method: vocabularyRef.nullable().meta({ description: 'Kontrollmetod, from the tenant’s control methods.' }),
    scope: z.string().nullable().meta({ description: 'Omfattning and urval, Markdown.' }),
    frequency: controlFrequency.nullable(),
    reportingTime: z.string().nullable().meta({ description: 'When the result is reported (tidpunkt), as written.' }),
    reportsTo: z.array(z.enum(REPORT_RECIPIENTS)).meta({
      description:
        'To whom the result is reported: nämnd (committee), förvaltningschef (director), kommunstyrelsen (executive_board).',
    }),
    responsibleFunctionId: id.nullable().meta({
      description: 'Kontrollansvarig as a function of a unit (e.g. ekonomichef), whoever holds it on the day.',
    }),
    responsibleFunction: functionRef.nullable().meta({ description: 'The responsible function and its holder today.' }),
    commonControlId: id.nullable().meta({
      description: 'The kommungemensamt kontrollmoment this control is a copy of (GET /common-controls/{id}).',
    }),
    ...itemOutputFields,
  })
  .meta({ id: 'Control' });

const controlFields = {
  description: markdown.nullable().optional(),
  methodId: id.nullable().optional().meta({ description: 'An entry of the tenant’s control methods.' }),
  scope: markdown.nullable().optional(),
  frequency: controlFrequency.nullable().optional().meta({
    description: 'Generates the control’s checkpoints between its start and end dates (or the plan’s years).',
  }),
  reportingTime: optionalShortText.optional(),
  reportsTo: z.array(z.enum(REPORT_RECIPIENTS)).max(REPORT_RECIPIENTS.length).optional(),
  responsibleFunctionId: id
    .nullable()
    .optional()
    .meta({ description: 'A function of a unit (GET /unit-functions) as kontrollansvarig; null clears.' }),
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

export const controlListQuery = z.strictObject({
  ...itemListFilters,
  riskId: id.optional(),
  methodId: id.optional(),
});
