import { z } from 'zod';
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
} from './common.ts';

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
  under: id.optional().meta({ description: 'Only follow-ups of items in plans of this unit and below.' }),
  latest: booleanQuery.optional().meta({ description: 'true: only the newest follow-up of each item.' }),
  includeArchived: includeArchivedQuery,
});

export const dueFollowUpsQuery = z.strictObject({
  periodId: id.meta({ description: 'The reporting period.' }),
  assignedTo: id
    .optional()
    .meta({ description: 'Only items this person is responsible or reporting-responsible for.' }),
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
