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

/**
 * A nämnd a recommendation is addressed to, with its own answer, actions taken, due date and
 * status (a review that spans several nämnder addresses each of them).
 */
export const recommendationAddressee = z
  .object({
    id,
    recommendationId: id,
    unitId: id.meta({ description: 'The addressed nämnd (org unit).' }),
    answer: z.string().nullable().meta({ description: 'This nämnd’s answer, Markdown.' }),
    answeredOn: z.string().nullable(),
    actionsTaken: z.string().nullable().meta({ description: 'What this nämnd has done, Markdown.' }),
    dueDate: z.string().nullable(),
    statusId: id.nullable(),
    sortOrder: z.int(),
    ...editableFields,
  })
  .meta({ id: 'RecommendationAddressee' });

/** A recommendation from a review or from the auditors, followed until it is done. */
export const recommendation = z
  .object({
    id,
    reviewId: id,
    parentId: id
      .nullable()
      .meta({ description: 'The recommendation of the same review this one is a part of (a sub-recommendation).' }),
    number: z.string().nullable().meta({ description: 'As numbered by the auditors, e.g. "2" or "2.1".' }),
    recommendedBy: z.string().nullable().meta({ description: 'Who recommends, e.g. "Revisorerna".' }),
    recommendation: z.string().meta({ description: 'Markdown.' }),
    answer: z.string().nullable().meta({ description: 'The nämnd’s answer, Markdown.' }),
    answeredOn: z.string().nullable(),
    actionsTaken: z.string().nullable().meta({ description: 'What has been done, Markdown.' }),
    dueDate: z.string().nullable(),
    statusId: id.nullable(),
    sortOrder: z.int(),
    addressees: z.array(recommendationAddressee).meta({
      description:
        'The nämnder it is addressed to, each with its own answer; empty when it is the review’s own unit’s.',
    }),
    ...archivedField,
    ...editableFields,
  })
  .meta({ id: 'Recommendation' });

const fields = {
  parentId: id
    .nullable()
    .optional()
    .meta({ description: 'A top-level recommendation of the same review; sub-recommendations go one level deep.' }),
  number: optionalShortText.optional(),
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

const addresseeFields = {
  answer: markdown.nullable().optional(),
  answeredOn: calendarDate.nullable().optional(),
  actionsTaken: markdown.nullable().optional(),
  dueDate: calendarDate.nullable().optional(),
  statusId: id.nullable().optional(),
  sortOrder: sortOrder.optional(),
};

export const recommendationAddresseeCreate = z
  .strictObject({ unitId: id.meta({ description: 'A nämnd (org unit) of the tenant.' }), ...addresseeFields })
  .meta({ id: 'RecommendationAddresseeCreate' });
export const recommendationAddresseeUpdate = z
  .strictObject({ version: z.int().min(1).optional(), ...addresseeFields })
  .meta({ id: 'RecommendationAddresseeUpdate' });
