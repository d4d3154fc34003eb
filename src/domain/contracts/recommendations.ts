import { z } from 'zod';
import {
  archivedField,
  booleanQuery,
  calendarDate,
  editableFields,
  id,
  includeArchivedQuery,
  listQuery,
  markdown,
  optionalShortText,
  sortOrder,
} from './common.ts';

/** A recommendation from a review or from the auditors, followed until it is done. */
export const recommendation = z
  .object({
    id,
    reviewId: id,
    recommendedBy: z.string().nullable().meta({ description: 'Who recommends, e.g. "Revisorerna".' }),
    recommendation: z.string().meta({ description: 'Markdown.' }),
    answer: z.string().nullable().meta({ description: 'The nämnd’s answer, Markdown.' }),
    answeredOn: z.string().nullable(),
    actionsTaken: z.string().nullable().meta({ description: 'What has been done, Markdown.' }),
    dueDate: z.string().nullable(),
    statusId: id.nullable(),
    sortOrder: z.int(),
    ...archivedField,
    ...editableFields,
  })
  .meta({ id: 'Recommendation' });

const fields = {
  recommendedBy: optionalShortText.optional(),
  answer: markdown.nullable().optional(),
  answeredOn: calendarDate.nullable().optional(),
  actionsTaken: markdown.nullable().optional(),
  dueDate: calendarDate.nullable().optional(),
  statusId: id.nullable().optional(),
  sortOrder: sortOrder.optional(),
};

const text = z.string().trim().min(1).max(100_000);

export const recommendationCreate = z
  .strictObject({ reviewId: id, recommendation: text, ...fields })
  .meta({ id: 'RecommendationCreate' });
export const recommendationUpdate = z
  .strictObject({ version: z.int().min(1).optional(), recommendation: text.optional(), ...fields })
  .meta({ id: 'RecommendationUpdate' });

export const recommendationListQuery = z.strictObject({
  ...listQuery(['dueDate', 'sortOrder']),
  reviewId: id.optional(),
  under: id.optional().meta({ description: 'Only recommendations of reviews of plans of this unit and below.' }),
  open: booleanQuery
    .optional()
    .meta({ description: 'true: only those not done (no status, or one that is not completed).' }),
  overdue: booleanQuery
    .optional()
    .meta({ description: 'true: only those whose due date has passed without being done (derived).' }),
  includeArchived: includeArchivedQuery,
});
