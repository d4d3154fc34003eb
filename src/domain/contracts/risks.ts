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
} from './common.ts';

import { RISK_RESPONSES } from '../risk-response.ts';
import { vocabularyRef } from './vocabularies.ts';

const level = z.int().min(1).max(10);

/** A risk of an internkontrollplan; riskValue (riskvärde) = likelihood (sannolikhet) × consequence (konsekvens). */
export const risk = z
  .object({
    id,
    planId: id,
    title: z.string(),
    description: z.string().nullable().meta({ description: 'Cause → consequence, Markdown.' }),
    process: vocabularyRef.nullable().meta({ description: 'The process or kontrollområde.' }),
    category: vocabularyRef.nullable().meta({ description: 'The risk category.' }),
    cause: z.string().nullable().meta({ description: 'Orsak, Markdown.' }),
    effect: z
      .string()
      .nullable()
      .meta({ description: 'What happens if the risk occurs (konsekvens in words), Markdown.' }),
    ownerId: id.nullable().meta({ description: 'Riskägare.' }),
    response: z.enum(RISK_RESPONSES).nullable().meta({
      description:
        'The response decided: acceptera (accept), åtgärda (treat), kontrollera (control), granska (review).',
    }),
    responseMotivation: z.string().nullable().meta({ description: 'Why that response, Markdown.' }),
    commonControlId: id
      .nullable()
      .meta({ description: 'The kommungemensamt kontrollmoment that brought this risk into the plan.' }),
    legalReferences: z
      .string()
      .nullable()
      .meta({ description: 'Laws, regulations or steering documents, as written.' }),
    likelihood: z.int().nullable().meta({ description: 'Sannolikhet, 1 … the size of the plan’s risk matrix.' }),
    consequence: z.int().nullable().meta({ description: 'Konsekvens, 1 … the size of the plan’s risk matrix.' }),
    riskValue: z.int().nullable().meta({ description: 'Riskvärde = sannolikhet × konsekvens; derived.' }),
    sortOrder: z.int(),
    carriedFromId: id.nullable(),
    goalIds: z.array(id).meta({ description: 'The goals (of the unit’s verksamhetsplan) the risk threatens.' }),
    ...archivedField,
    ...editableFields,
  })
  .meta({ id: 'Risk' });

const riskFields = {
  description: markdown.nullable().optional(),
  processId: id
    .nullable()
    .optional()
    .meta({ description: 'An entry of the tenant’s processes offered for the plan’s year.' }),
  categoryId: id
    .nullable()
    .optional()
    .meta({ description: 'An entry of the tenant’s risk categories offered for the plan’s year.' }),
  cause: markdown.nullable().optional(),
  effect: markdown.nullable().optional(),
  ownerId: id.nullable().optional(),
  response: z.enum(RISK_RESPONSES).nullable().optional(),
  responseMotivation: markdown.nullable().optional(),
  legalReferences: optionalShortText.optional(),
  likelihood: level.nullable().optional(),
  consequence: level.nullable().optional(),
  sortOrder: sortOrder.optional(),
  goalIds: z.array(id).max(50).optional().meta({
    description: 'Goals of the plan’s unit or a unit above it, for a year the plan covers; replaces the whole set.',
  }),
};

export const riskCreate = z.strictObject({ planId: id, title: shortText, ...riskFields }).meta({ id: 'RiskCreate' });

export const riskUpdate = z
  .strictObject({ version: z.int().min(1).optional(), title: shortText.optional(), ...riskFields })
  .meta({ id: 'RiskUpdate' });

export const riskListQuery = z.strictObject({
  ...listQuery(['title', 'riskValue', 'sortOrder']),
  planId: id.optional(),
  under: id.optional().meta({ description: 'Only risks of plans of this unit and the units below it.' }),
  year: z.coerce
    .number()
    .int()
    .min(1990)
    .max(2100)
    .optional()
    .meta({ description: 'Only risks of plans that cover this year.' }),
  minRiskValue: z.coerce.number().int().min(1).max(100).optional(),
  processId: id.optional(),
  categoryId: id.optional(),
  response: z.enum(RISK_RESPONSES).optional(),
  includeArchived: includeArchivedQuery,
});

/** A risk's assessment in one year: the trend of a risk carried from plan to plan over the years. */
export const riskAssessment = z
  .object({
    id,
    riskId: id.meta({ description: 'The risk of that year’s plan (a risk carried over has one per plan).' }),
    year: z.int(),
    likelihood: z.int(),
    consequence: z.int(),
    riskValue: z.int().meta({ description: 'Sannolikhet × konsekvens.' }),
    response: z
      .enum(RISK_RESPONSES)
      .nullable()
      .meta({ description: 'The response decided for the risk in that year’s plan.' }),
    assessedOn: z.string().nullable(),
    assessedById: id.nullable(),
    assessedByName: z.string().nullable().meta({ description: 'With "(borttagen)" for a deactivated person.' }),
  })
  .meta({ id: 'RiskAssessment' });
