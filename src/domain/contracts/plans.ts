import { z } from 'zod';
import { PLAN_KINDS, PLAN_STATES } from '../plan.ts';
import {
  archivedField,
  calendarDate,
  editableFields,
  id,
  includeArchivedQuery,
  listQuery,
  markdown,
  optionalShortText,
  shortText,
  timestamp,
  year,
} from './common.ts';

/** An internkontrollplan or aktivitetsplan of a unit for a year or a range of years. */
export const plan = z
  .object({
    id,
    unitId: id,
    kind: z.enum(PLAN_KINDS),
    title: z.string(),
    startYear: z.int(),
    endYear: z.int(),
    state: z.enum(PLAN_STATES).meta({ description: 'utkast (draft) → beslutad (adopted) → avslutad (closed).' }),
    description: z.string().nullable(),
    riskMatrixId: id.nullable(),
    decisionUnitId: id.nullable().meta({ description: 'The body that adopted the plan, usually the nämnd.' }),
    decisionDate: z.string().nullable(),
    decisionParagraph: z.string().nullable().meta({ description: 'Protokoll paragraph, e.g. "§95".' }),
    diarienummer: z.string().nullable(),
    adoptedAt: timestamp.nullable(),
    closedAt: timestamp.nullable(),
    ...archivedField,
    ...editableFields,
  })
  .meta({ id: 'Plan' });

/** The fields a plan's author edits; everything optional so that one schema serves create and change. */
const planFields = {
  title: shortText,
  description: markdown.nullable().optional(),
  riskMatrixId: id.nullable().optional().meta({
    description: 'The risk-matrix version the risks are assessed with; defaults to the one valid in startYear.',
  }),
  decisionUnitId: id.nullable().optional(),
  decisionDate: calendarDate.nullable().optional(),
  decisionParagraph: optionalShortText.optional(),
  diarienummer: optionalShortText.optional(),
};

export const planCreate = z
  .strictObject({
    unitId: id,
    kind: z.enum(PLAN_KINDS),
    startYear: year,
    endYear: year.optional().meta({ description: 'Defaults to startYear.' }),
    ...planFields,
  })
  .meta({ id: 'PlanCreate' });

export const planUpdate = z
  .strictObject({
    version: z.int().min(1).optional(),
    startYear: year.optional(),
    endYear: year.optional(),
    ...planFields,
    title: shortText.optional(),
  })
  .meta({ id: 'PlanUpdate' });

export const planListQuery = z.strictObject({
  ...listQuery(['title', 'startYear', 'createdAt']),
  under: id.optional().meta({ description: 'Only plans of this unit and the units below it.' }),
  unitId: id.optional().meta({ description: 'Only plans of exactly this unit.' }),
  year: z.coerce
    .number()
    .int()
    .min(1990)
    .max(2100)
    .optional()
    .meta({ description: 'Only plans that cover this year.' }),
  kind: z.enum(PLAN_KINDS).optional(),
  state: z.enum(PLAN_STATES).optional(),
  includeArchived: includeArchivedQuery,
});
