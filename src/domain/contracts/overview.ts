import { z } from 'zod';
import { ORG_UNIT_KINDS } from '../org-unit.ts';
import { PLAN_KINDS } from '../plan.ts';
import { riskBandSchema, riskLevelSchema } from '../risk-matrix.ts';
import { id } from './common.ts';
import { vocabularyRef } from './vocabularies.ts';

/** The query of kommunstyrelsens översikt: a unit (the caller's top unit when left out) and a year. */
export const overviewQuery = z.strictObject({
  unit: id.optional().meta({ description: 'The unit to sum up under; by default the highest unit the caller reads.' }),
  year: z.coerce
    .number()
    .int()
    .min(1990)
    .max(2100)
    .meta({ description: 'The plan year: every plan whose period covers it counts.' }),
  process: id.optional().meta({
    description:
      'Only risks of this process (kontrollområde), with their controls, the actions answering them and the deviations those controls found; activities are left out.',
  }),
  category: id.optional().meta({
    description: 'Only risks of this risk category, counted as with process; both together narrow to both.',
  }),
});

/** The risks of one process or risk category across the rows, with their controls. */
export const overviewGroup = z
  .object({
    entry: vocabularyRef.nullable().meta({ description: 'The process or category; null for risks without one.' }),
    risks: z.int(),
    highestRiskValue: z.int().nullable(),
    controls: z.int().meta({ description: 'The controls (kontrollmoment) of those risks, not archived.' }),
  })
  .meta({ id: 'OverviewGroup' });

/** Counts of items (controls, actions, activities) per status category; `none` for items without a status. */
const statusCounts = z.object({
  not_started: z.int(),
  in_progress: z.int(),
  completed: z.int(),
  not_completed: z.int(),
  none: z.int(),
});

/** One row of the overview: the unit's own plans (the scope) or a unit directly under it with everything below it. */
export const overviewRow = z
  .object({
    unit: z.object({ id, name: z.string(), kind: z.enum(ORG_UNIT_KINDS) }),
    own: z
      .boolean()
      .meta({ description: 'True for the scope unit itself: only the plans on that unit, not those below it.' }),
    hasUnitsBelow: z.boolean(),
    plans: z.array(z.object({ id, title: z.string(), kind: z.enum(PLAN_KINDS), unitId: id })).meta({
      description: 'The plans counted, internkontrollplaner and aktivitetsplaner whose period covers the year.',
    }),
    items: z.int().meta({ description: 'Controls, actions and activities of those plans (not archived).' }),
    statuses: statusCounts,
    overdue: z.int().meta({
      description: 'Items whose end date has passed (measured against today in Sweden) without a completed status.',
    }),
    deviations: z.int().meta({
      description:
        "Deviations found by the plans' controls, whenever found: a deviation belongs to the plan of its control.",
    }),
    openDeviations: z.int(),
    risks: z.int(),
    unassessedRisks: z.int().meta({ description: 'Risks without sannolikhet or konsekvens.' }),
    highestRiskValue: z.int().nullable(),
  })
  .meta({ id: 'OverviewRow' });

/** How many risks sit in one cell of the risk matrix. */
export const overviewMatrixCell = z
  .object({ likelihood: z.int(), consequence: z.int(), count: z.int() })
  .meta({ id: 'OverviewMatrixCell' });

export const overview = z
  .object({
    unit: z.object({ id, name: z.string(), kind: z.enum(ORG_UNIT_KINDS) }),
    year: z.int(),
    today: z.string().meta({ description: 'The date "overdue" is measured against (Europe/Stockholm).' }),
    rows: z.array(overviewRow).meta({
      description:
        "The scope's own plans first (left out when it has none), then every unit directly under it in the organisation's order.",
    }),
    byProcess: z.array(overviewGroup).meta({
      description:
        'The risks of all rows totalled per process (by name, risks without a process last); empty when no risk is counted.',
    }),
    byCategory: z.array(overviewGroup).meta({ description: 'The same per risk category.' }),
    matrix: z
      .object({
        likelihoodLevels: z.array(riskLevelSchema),
        consequenceLevels: z.array(riskLevelSchema),
        bands: z.array(riskBandSchema),
        cells: z.array(overviewMatrixCell).meta({ description: 'Only cells that hold at least one risk.' }),
        unassessedRisks: z
          .int()
          .meta({ description: 'Risks not in any cell: without sannolikhet or konsekvens, or outside the scale.' }),
      })
      .meta({
        description: "The tenant's risk matrix for the year with the number of risks of all rows in each cell.",
      }),
  })
  .meta({
    id: 'Overview',
    description:
      "Kommunstyrelsens översikt: per unit the status of its plans' items, overdue items, deviations and risks for a year.",
  });
