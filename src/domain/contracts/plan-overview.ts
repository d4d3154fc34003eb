import { z } from 'zod';
import { action } from './actions.ts';
import { id } from './common.ts';
import { control } from './controls.ts';
import { followUp } from './follow-ups.ts';
import { plan } from './plans.ts';
import { risk } from './risks.ts';

/** The newest follow-up of an item, as shown beside it. */
const latestFollowUp = followUp
  .pick({ id: true, periodId: true, reportedOn: true, body: true, authorId: true, statusId: true, reviewState: true })
  .nullable();

export const planOverview = z
  .object({
    plan,
    risks: z.array(
      risk.extend({
        controls: z.array(control.extend({ latestFollowUp })),
        actions: z.array(action.extend({ latestFollowUp })),
      }),
    ),
    actionsWithoutRisk: z
      .array(action.extend({ latestFollowUp }))
      .meta({ description: 'Actions of the plan not tied to a risk (e.g. from a review).' }),
    persons: z
      .array(z.object({ id, name: z.string().meta({ description: 'With "(borttagen)" for a deactivated person.' }) }))
      .meta({ description: 'Everyone named above, so that names need no further requests.' }),
  })
  .meta({
    id: 'PlanOverview',
    description: 'A plan with all its risks, controls and actions, each with its newest follow-up.',
  });
