import { z } from 'zod';
import { id, shortText } from './common.ts';

const year = z.int().min(1990).max(2100);

export const planRollOver = z
  .strictObject({
    startYear: year.optional().meta({ description: 'Defaults to the year after the plan’s last year.' }),
    endYear: year.optional().meta({ description: 'Defaults to a period as long as this plan’s.' }),
    title: shortText.optional().meta({ description: 'Defaults to this plan’s title with the new years.' }),
  })
  .meta({ id: 'PlanRollOver' });

export const planRolledOver = z
  .object({
    planId: id.meta({ description: 'The new plan (utkast).' }),
    carried: z.object({
      risks: z.int(),
      controls: z.int().meta({
        description:
          'Kontrollmoment of the risks carried, with method, scope, frequency (checkpoints made anew for the new years), recipients and people.',
      }),
      actions: z.int(),
      activities: z.int(),
      subActivities: z.int(),
    }),
  })
  .meta({ id: 'PlanRolledOver' });

const link = z.object({
  entity: z.enum(['risk', 'action', 'activity', 'sub_activity']),
  id: z.string().meta({ description: 'The item in this plan.' }),
  title: z.string(),
  otherId: z.string().meta({ description: 'The item in the other plan.' }),
  otherPlanId: z.string(),
  otherPlanTitle: z.string(),
});

export const planCarryOver = z
  .object({
    carriedFrom: z
      .array(link)
      .meta({ description: 'Items of this plan carried over from an earlier plan ("överförd från").' }),
    carriedTo: z
      .array(link)
      .meta({ description: 'Items of this plan carried over to a later plan ("förs över till").' }),
  })
  .meta({ id: 'PlanCarryOver' });
