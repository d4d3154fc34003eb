import { z } from 'zod';
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
  sortOrder,
} from './common.ts';

/** A granskning: an examination decided in the plan, the nämnd's decision on it and its findings. */
export const review = z
  .object({
    id,
    planId: id,
    riskId: id.nullable(),
    diarienummer: z.string().nullable(),
    title: z.string(),
    decisionUnitId: id.nullable().meta({ description: 'The body that decided on the result.' }),
    meetingDate: z.string().nullable().meta({ description: 'Date of the sammanträde.' }),
    decisionParagraph: z.string().nullable().meta({ description: 'Protokoll §, e.g. "§95".' }),
    findings: z.string().nullable().meta({ description: 'Markdown.' }),
    statusId: id.nullable(),
    sortOrder: z.int(),
    ...archivedField,
    ...editableFields,
  })
  .meta({ id: 'Review' });

const reviewFields = {
  riskId: id.nullable().optional().meta({ description: 'A risk of the same plan.' }),
  diarienummer: optionalShortText.optional(),
  decisionUnitId: id.nullable().optional(),
  meetingDate: calendarDate.nullable().optional(),
  decisionParagraph: optionalShortText.optional(),
  findings: markdown.nullable().optional(),
  statusId: id.nullable().optional(),
  sortOrder: sortOrder.optional(),
};

export const reviewCreate = z
  .strictObject({ planId: id, title: shortText, ...reviewFields })
  .meta({ id: 'ReviewCreate' });
export const reviewUpdate = z
  .strictObject({ version: z.int().min(1).optional(), title: shortText.optional(), ...reviewFields })
  .meta({ id: 'ReviewUpdate' });

export const reviewListQuery = z.strictObject({
  ...listQuery(['title', 'meetingDate', 'sortOrder']),
  planId: id.optional(),
  under: id.optional().meta({ description: 'Only reviews of plans of this unit and below.' }),
  year: z.coerce.number().int().min(1990).max(2100).optional(),
  statusId: id.optional(),
  includeArchived: includeArchivedQuery,
});
