import { z } from 'zod';
import { DEVIATION_STATES } from '../deviation.ts';
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
} from './common.ts';
import { vocabularyRef } from './vocabularies.ts';

/** An avvikelse found by a control, with its severity, whom it was reported to and the action answering it. */
export const deviation = z
  .object({
    id,
    controlId: id,
    followUpId: id.nullable().meta({ description: 'The follow-up in which it was reported.' }),
    title: z.string(),
    description: z.string().nullable(),
    foundOn: z.string(),
    foundById: id.nullable(),
    severity: vocabularyRef.meta({
      description: 'From the tenant’s deviation severities (by default mindre väsentlig, väsentlig, mycket väsentlig).',
    }),
    resultId: id.nullable().meta({ description: 'The control result ("genomförd med avvikelse") that found it.' }),
    reportedToId: id.nullable(),
    reportedToText: z
      .string()
      .nullable()
      .meta({ description: 'Whom else it was reported to, as written, e.g. "Nämnden".' }),
    reportedOn: z.string().nullable(),
    actionId: id.nullable().meta({ description: 'The action that answers the deviation.' }),
    state: z.enum(DEVIATION_STATES),
    closedAt: timestamp.nullable(),
    ...archivedField,
    ...editableFields,
  })
  .meta({ id: 'Deviation' });

const deviationFields = {
  followUpId: id.nullable().optional().meta({ description: 'A follow-up of the same control.' }),
  description: markdown.nullable().optional(),
  foundOn: calendarDate.optional().meta({ description: 'Defaults to today.' }),
  foundById: id.nullable().optional().meta({ description: 'Defaults to the caller.' }),
  severityId: id.meta({ description: 'An entry of the tenant’s deviation severities.' }),
  reportedToId: id.nullable().optional(),
  reportedToText: optionalShortText.optional(),
  reportedOn: calendarDate.nullable().optional(),
  actionId: id.nullable().optional().meta({ description: 'An action of the same plan.' }),
};

export const deviationCreate = z
  .strictObject({ controlId: id, title: shortText, ...deviationFields })
  .meta({ id: 'DeviationCreate' });

export const deviationUpdate = z
  .strictObject({
    version: z.int().min(1).optional(),
    title: shortText.optional(),
    ...deviationFields,
    severityId: id.optional(),
    state: z
      .enum(DEVIATION_STATES)
      .optional()
      .meta({ description: 'Closing needs an answering action with a responsible person and an end date.' }),
  })
  .meta({ id: 'DeviationUpdate' });

export const deviationListQuery = z.strictObject({
  ...listQuery(['foundOn', 'title']),
  controlId: id.optional(),
  planId: id.optional(),
  under: id.optional().meta({ description: 'Only deviations of plans of this unit and below.' }),
  state: z.enum(DEVIATION_STATES).optional(),
  severityId: id.optional(),
  from: calendarDate.optional().meta({ description: 'Found on or after this day.' }),
  to: calendarDate.optional().meta({ description: 'Found on or before this day.' }),
  includeArchived: includeArchivedQuery,
});
