import { z } from 'zod';
import { CONTROL_OUTCOMES } from '../control-result.ts';
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
} from './common.ts';

/**
 * The execution of a control in one reporting period: genomförd utan anmärkning (no_remarks),
 * genomförd med avvikelse (with_deviation), ej genomförd (not_performed, with the reason).
 */
export const controlResult = z
  .object({
    id,
    controlId: id,
    periodId: id,
    outcome: z.enum(CONTROL_OUTCOMES),
    performedOn: z.string().nullable().meta({ description: 'The day the control was carried out.' }),
    reason: z.string().nullable().meta({ description: 'Why it was not carried out.' }),
    comment: z.string().nullable().meta({ description: 'Markdown.' }),
    recordedById: id.nullable(),
    deviationIds: z.array(id).meta({ description: 'The deviations this result found.' }),
    ...archivedField,
    ...editableFields,
  })
  .meta({ id: 'ControlResult' });

/** A deviation recorded together with a result "med avvikelse". */
const foundDeviation = z.strictObject({
  title: shortText,
  description: markdown.nullable().optional(),
  severityId: id.meta({ description: 'An entry of the tenant’s deviation severities.' }),
  reportedToText: optionalShortText.optional(),
});

export const controlResultCreate = z
  .strictObject({
    controlId: id,
    periodId: id,
    outcome: z.enum(CONTROL_OUTCOMES),
    performedOn: calendarDate.nullable().optional(),
    reason: optionalShortText.optional().meta({ description: 'Required when not_performed.' }),
    comment: markdown.nullable().optional(),
    deviations: z
      .array(foundDeviation)
      .max(50)
      .optional()
      .meta({ description: 'Required (at least one) when with_deviation; recorded in the same transaction.' }),
  })
  .meta({ id: 'ControlResultCreate' });

export const controlResultUpdate = z
  .strictObject({
    version: z.int().min(1).optional(),
    outcome: z.enum(CONTROL_OUTCOMES).optional(),
    performedOn: calendarDate.nullable().optional(),
    reason: optionalShortText.optional(),
    comment: markdown.nullable().optional(),
    deviations: z.array(foundDeviation).max(50).optional().meta({
      description:
        'Further deviations this result found, recorded in the same transaction; only when the outcome is (or becomes) with_deviation.',
    }),
  })
  .meta({ id: 'ControlResultUpdate' });

export const controlResultListQuery = z.strictObject({
  ...listQuery(['performedOn', 'createdAt']),
  controlId: id.optional(),
  periodId: id.optional(),
  planId: id.optional(),
  under: id.optional().meta({ description: 'Only results of plans of this unit and below.' }),
  outcome: z.enum(CONTROL_OUTCOMES).optional(),
  includeArchived: includeArchivedQuery,
});
