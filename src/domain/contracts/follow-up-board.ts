import { z } from 'zod';
import { FOLLOW_UP_REVIEW_STATES } from '../control-result.ts';
import { PLAN_ITEM_KINDS } from '../plan-item.ts';
import { calendarDate, id, timestamp } from './common.ts';

/**
 * Where an item stands in a reporting period, as the coordinator follows it up:
 * written (submitted, awaiting review), missing (no follow-up yet, or only a draft), overdue
 * (missing after the period's deadline), returned (sent back to its author) or approved.
 */
export const BOARD_STATES = ['written', 'missing', 'overdue', 'returned', 'approved'] as const;
export type BoardState = (typeof BOARD_STATES)[number];

/** The states a reminder may be sent for: the follow-up is still to be written or completed. */
export const REMINDABLE_STATES: readonly BoardState[] = ['missing', 'overdue', 'returned'];

export const followUpBoardQuery = z.strictObject({
  unitId: id.meta({ description: 'The unit; its plans and those of the units below it are followed up.' }),
  periodId: id.optional().meta({
    description: 'The reporting period; without it, the period running today by the server’s clock (the shortest).',
  }),
});

const boardPerson = z.object({
  userId: id,
  name: z.string(),
  /** The responsible function through which the person answers for a control today, if so. */
  functionName: z.string().nullable(),
  /** False when the person has no e-mail address or is deactivated: a reminder cannot reach them. */
  reachable: z.boolean(),
});

export const followUpBoardItem = z
  .object({
    kind: z.enum(PLAN_ITEM_KINDS),
    id,
    title: z.string(),
    planId: id,
    planTitle: z.string(),
    unitId: id,
    unitName: z.string(),
    state: z.enum(BOARD_STATES),
    /** The date by which the follow-up is due: the årshjul's deadline for the period, else the period's end. */
    deadline: calendarDate,
    followUpId: id.nullable(),
    reviewState: z.enum(FOLLOW_UP_REVIEW_STATES).nullable(),
    reviewComment: z.string().nullable(),
    responsible: z.array(boardPerson).meta({
      description: 'Responsible and reporting-responsible persons, and for a control whoever holds its function today.',
    }),
    lastRemindedAt: timestamp.nullable().meta({ description: 'When a reminder about this period was last sent.' }),
    mayRemind: z.boolean(),
  })
  .meta({ id: 'FollowUpBoardItem' });

export const followUpBoard = z
  .object({
    unit: z.object({ id, name: z.string() }),
    period: z.object({
      id,
      label: z.string(),
      labelEn: z.string(),
      startDate: calendarDate,
      endDate: calendarDate,
    }),
    today: calendarDate,
    /** The deadline for the chosen unit itself (units below it may have their own). */
    deadline: calendarDate,
    counts: z.object(
      Object.fromEntries(BOARD_STATES.map((state) => [state, z.number().int()])) as Record<BoardState, z.ZodNumber>,
    ),
    items: z.array(followUpBoardItem),
  })
  .meta({ id: 'FollowUpBoard' });

export const followUpReminderCreate = z.strictObject({
  periodId: id,
  kind: z.enum(PLAN_ITEM_KINDS),
  itemId: id,
});

export const followUpReminder = z
  .object({
    remindedAt: timestamp,
    /** How many new messages were written; 0 when the same people were already reminded today. */
    queued: z.number().int(),
    recipients: z.array(z.object({ userId: id, name: z.string() })),
  })
  .meta({ id: 'FollowUpReminder' });
