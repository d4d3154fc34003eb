import { z } from 'zod';
import { FOLLOW_UP_REVIEW_STATES } from '../control-result.ts';
import { PLAN_ITEM_KINDS } from '../plan-item.ts';
import {
  archivedField,
  booleanQuery,
  calendarDate,
  editableFields,
  id,
  includeArchivedQuery,
  listQuery,
  markdown,
  timestamp,
} from './common.ts';

/** Utkast, inskickad, återsänd or godkänd. */
export const followUpReviewState = z.enum(FOLLOW_UP_REVIEW_STATES).meta({
  id: 'FollowUpReviewState',
  description:
    'draft (utkast), submitted (inskickad), returned (återsänd with a comment), approved (godkänd by the unit’s chef or coordinator).',
});

/** An uppföljning of one control, action or activity for a reporting period. */
export const followUp = z
  .object({
    id,
    controlId: id.nullable(),
    actionId: id.nullable(),
    activityId: id.nullable(),
    periodId: id,
    reportedOn: z.string().nullable(),
    body: z.string().meta({ description: 'The follow-up ("Uppföljning & utvärdering", period comment), Markdown.' }),
    analysis: z.string().nullable().meta({ description: '"Analys", Markdown (activities).' }),
    authorId: id.nullable(),
    statusId: id.nullable().meta({ description: 'The item’s status when this was written.' }),
    reviewState: followUpReviewState,
    reviewComment: z
      .string()
      .nullable()
      .meta({ description: 'Why it was sent back, or a word with the approval (the latest review step).' }),
    reviewedById: id.nullable().meta({ description: 'Who last sent it back or approved it.' }),
    reviewedAt: timestamp.nullable(),
    ...archivedField,
    ...editableFields,
  })
  .meta({ id: 'FollowUp' });

export const followUpCreate = z
  .strictObject({
    controlId: id.optional(),
    actionId: id.optional(),
    activityId: id.optional(),
    periodId: id,
    body: markdown.min(1),
    analysis: markdown.nullable().optional(),
    statusId: id
      .nullable()
      .optional()
      .meta({ description: 'The item’s status now; it becomes the item’s status as well.' }),
    reportedOn: calendarDate.optional().meta({ description: 'Defaults to today.' }),
    draft: z
      .boolean()
      .optional()
      .meta({ description: 'true: kept as a draft (utkast) until submitted; otherwise it is submitted at once.' }),
  })
  .meta({ id: 'FollowUpCreate', description: 'Exactly one of controlId, actionId and activityId.' });

export const followUpUpdate = z
  .strictObject({
    version: z.int().min(1).optional(),
    periodId: id.optional(),
    body: markdown.min(1).optional(),
    analysis: markdown.nullable().optional(),
    statusId: id.nullable().optional(),
    reportedOn: calendarDate.nullable().optional(),
  })
  .meta({ id: 'FollowUpUpdate' });

export const followUpListQuery = z.strictObject({
  ...listQuery(['reportedOn', 'createdAt']),
  controlId: id.optional(),
  actionId: id.optional(),
  activityId: id.optional(),
  periodId: id.optional(),
  authorId: id.optional(),
  reviewState: followUpReviewState.optional(),
  under: id.optional().meta({ description: 'Only follow-ups of items in plans of this unit and below.' }),
  latest: booleanQuery.optional().meta({ description: 'true: only the newest follow-up of each item.' }),
  awaitingMyReview: booleanQuery.optional().meta({
    description:
      'true: only submitted follow-ups the caller may approve or send back (of units they coordinate or administer, or whose chef they are today, other than their own there).',
  }),
  includeArchived: includeArchivedQuery,
});

/** Submitting a draft or a returned follow-up (If-Match may stand in for version). */
export const followUpSubmit = z.strictObject({ version: z.int().min(1).optional() }).meta({ id: 'FollowUpSubmit' });

/** Sending a follow-up back to its author: the comment says what is missing. */
export const followUpReturn = z
  .strictObject({
    version: z.int().min(1).optional(),
    comment: z.string().trim().min(1).max(10_000).meta({ description: 'What the author should add or change.' }),
  })
  .meta({ id: 'FollowUpReturn' });

/** Approving a submitted follow-up, with a word if wanted. */
export const followUpApprove = z
  .strictObject({
    version: z.int().min(1).optional(),
    comment: z.string().trim().max(10_000).nullable().optional(),
  })
  .meta({ id: 'FollowUpApprove' });

export const dueFollowUpsQuery = z.strictObject({
  periodId: id.meta({ description: 'The reporting period.' }),
  assignedTo: id.optional().meta({
    description:
      'Only items this person is responsible or reporting-responsible for, and the controls whose responsible function (kontrollansvarig) they hold today.',
  }),
  under: id.optional().meta({ description: 'Only items in plans of this unit and below.' }),
});

/** An item that needs its follow-up for a period. */
export const dueFollowUp = z
  .object({
    kind: z.enum(PLAN_ITEM_KINDS),
    id,
    title: z.string(),
    planId: id,
    planTitle: z.string(),
    unitId: id,
    endDate: z.string().nullable(),
    checkpoints: z.array(z.string()).meta({ description: 'Its checkpoints (avstämningsdatum) within the period.' }),
    overdue: z.boolean(),
  })
  .meta({ id: 'DueFollowUp' });
