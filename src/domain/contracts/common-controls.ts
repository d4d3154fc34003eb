import { z } from 'zod';
import { CONTROL_OUTCOMES } from '../control-result.ts';
import { REPORT_RECIPIENTS } from '../risk-response.ts';
import { REPORTING_PERIOD_KINDS } from '../reporting-period.ts';
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
  year,
} from './common.ts';
import { controlFrequency } from './controls.ts';
import { vocabularyRef } from './vocabularies.ts';

/**
 * Where a common control stands in one unit it reaches:
 * - in_plan: its copy is in the unit's plan for the year and matches the origin;
 * - changed: the copy is in an adopted plan and the origin has changed since (offered);
 * - offered: the unit's plan was already adopted when the control was defined (offered);
 * - no_plan: the unit has no plan for the year yet; the control goes into the plan when it is made.
 */
export const COMMON_CONTROL_COPY_STATES = ['in_plan', 'changed', 'offered', 'no_plan'] as const;
export type CommonControlCopyState = (typeof COMMON_CONTROL_COPY_STATES)[number];

/** One unit a common control reaches, and where its copy stands there. */
export const commonControlCopy = z
  .object({
    unitId: id,
    unitName: z.string(),
    planId: id.nullable(),
    riskId: id.nullable(),
    controlId: id.nullable(),
    state: z.enum(COMMON_CONTROL_COPY_STATES),
  })
  .meta({ id: 'CommonControlCopy' });

/**
 * A kommungemensamt kontrollmoment: defined for a year by the kommunstyrelse (through the
 * kommun unit) or any unit above the nämnder and bolag it is for, and copied into each of their
 * plans as a risk with its control, linked back here.
 */
export const commonControl = z
  .object({
    id,
    originUnitId: id.meta({ description: 'The unit that defines the control; the units it reaches are below it.' }),
    year: z.int(),
    riskTitle: z.string().meta({ description: 'The risk the control answers; becomes a risk of each plan.' }),
    riskDescription: z.string().nullable().meta({ description: 'Markdown.' }),
    process: vocabularyRef.nullable(),
    category: vocabularyRef.nullable(),
    title: z.string(),
    description: z.string().nullable().meta({ description: 'Markdown.' }),
    method: vocabularyRef.nullable(),
    scope: z.string().nullable().meta({ description: 'Omfattning and urval, Markdown.' }),
    frequency: controlFrequency.nullable(),
    reportingTime: z.string().nullable(),
    reportsTo: z.array(z.enum(REPORT_RECIPIENTS)),
    targetUnitIds: z.array(id).meta({
      description: 'The units chosen; empty when the control is for every nämnd and bolag below the origin.',
    }),
    copies: z.array(commonControlCopy).meta({ description: 'Each unit the control reaches and its copy there.' }),
    ...archivedField,
    ...editableFields,
  })
  .meta({ id: 'CommonControl' });

const commonControlFields = {
  riskDescription: markdown.nullable().optional(),
  processId: id.nullable().optional().meta({ description: 'An entry of the tenant’s processes.' }),
  categoryId: id.nullable().optional().meta({ description: 'An entry of the tenant’s risk categories.' }),
  description: markdown.nullable().optional(),
  methodId: id.nullable().optional().meta({ description: 'An entry of the tenant’s control methods.' }),
  scope: markdown.nullable().optional(),
  frequency: controlFrequency.nullable().optional(),
  reportingTime: optionalShortText.optional(),
  reportsTo: z.array(z.enum(REPORT_RECIPIENTS)).max(REPORT_RECIPIENTS.length).optional(),
  targetUnitIds: z.array(id).max(1000).optional().meta({
    description: 'Units below the origin to reach; empty or left out: every nämnd and bolag below it.',
  }),
};

export const commonControlCreate = z
  .strictObject({ originUnitId: id, year, riskTitle: shortText, title: shortText, ...commonControlFields })
  .meta({ id: 'CommonControlCreate' });

export const commonControlUpdate = z
  .strictObject({
    version: z.int().min(1).optional(),
    riskTitle: shortText.optional(),
    title: shortText.optional(),
    ...commonControlFields,
  })
  .meta({ id: 'CommonControlUpdate' });

export const commonControlListQuery = z.strictObject({
  ...listQuery(['year', 'title']),
  originUnitId: id.optional().meta({ description: 'Only controls defined by this unit.' }),
  reachingUnitId: id.optional().meta({ description: 'Only controls that reach this unit.' }),
  year: z.coerce.number().int().min(1990).max(2100).optional(),
  includeArchived: includeArchivedQuery,
});

export const commonControlTakeOver = z
  .strictObject({
    unitId: id.meta({ description: 'The unit whose adopted plan takes the control (or its change) in.' }),
  })
  .meta({ id: 'CommonControlTakeOver' });

/** One reached unit's follow-up of a common control, for the origin to see side by side. */
export const commonControlUnitResult = z
  .object({
    unitId: id,
    unitName: z.string(),
    planId: id.nullable(),
    controlId: id.nullable(),
    state: z.enum(COMMON_CONTROL_COPY_STATES),
    statusId: id.nullable(),
    results: z.array(
      z.object({
        period: z.object({
          id,
          kind: z.enum(REPORTING_PERIOD_KINDS),
          number: z.int().nullable(),
          year: z.int(),
          name: z.string().nullable().meta({ description: 'Printed with reportingPeriodLabel.' }),
          startDate: calendarDate,
        }),
        outcome: z.enum(CONTROL_OUTCOMES),
        performedOn: calendarDate.nullable(),
      }),
    ),
    deviations: z.int().meta({ description: 'Deviations recorded on the unit’s copy.' }),
    latestFollowUpOn: calendarDate.nullable(),
  })
  .meta({ id: 'CommonControlUnitResult' });

export const commonControlResults = z
  .object({ commonControlId: id, units: z.array(commonControlUnitResult) })
  .meta({ id: 'CommonControlResults' });
