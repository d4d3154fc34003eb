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

/** Another review, named: enough to show and link it. */
export const reviewRef = z
  .object({ id, title: z.string(), diarienummer: z.string().nullable() })
  .meta({ id: 'ReviewRef' });

/** A granskning: an examination decided in the plan, the nämnd's decision on it and its findings. */
export const review = z
  .object({
    id,
    planId: id,
    unitId: id.meta({ description: 'The unit of the review’s plan: its managers maintain the review.' }),
    riskId: id.nullable(),
    diarienummer: z.string().nullable(),
    title: z.string(),
    followsUpReviewId: id
      .nullable()
      .meta({ description: 'The earlier review this one follows up (uppföljande granskning).' }),
    followsUpReview: reviewRef.nullable().meta({ description: 'The followed-up review, when the caller reads it.' }),
    followUpReviews: z
      .array(reviewRef)
      .meta({ description: 'The reviews that follow this one up (those the caller reads, not archived).' }),
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
  followsUpReviewId: id
    .nullable()
    .optional()
    .meta({ description: 'An earlier review of the tenant that this one follows up; not the review itself.' }),
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
