import { z } from 'zod';
import { CARRY_OVER_DECISIONS } from '../activity.ts';
import {
  archivedField,
  booleanQuery,
  editableFields,
  id,
  includeArchivedQuery,
  markdown,
  shortText,
  sortOrder,
} from './common.ts';
import { itemInputFields, itemListFilters, itemOutputFields } from './plan-items.ts';

const number = z.string().trim().min(1).max(20).meta({ description: 'As the plan prints it, e.g. "3" or "3.2".' });

/** A numbered delaktivitet of an activity; it can be carried over on its own. */
export const subActivity = z
  .object({
    id,
    activityId: id,
    number: z.string(),
    title: z.string(),
    statusId: id.nullable(),
    carryOver: z.enum(CARRY_OVER_DECISIONS).nullable(),
    carriedFromId: id.nullable(),
    sortOrder: z.int(),
    ...archivedField,
    ...editableFields,
  })
  .meta({ id: 'SubActivity' });

/** An aktivitet of an aktivitetsplan, with its sub-activities and focus-area tags. */
export const activity = z
  .object({
    id,
    planId: id,
    number: z.string(),
    title: z.string(),
    description: z.string().nullable().meta({ description: '"Aktivitetsbeskrivning", Markdown.' }),
    costAndResources: z.string().nullable().meta({ description: '"Kostnader för aktivitet och resurs".' }),
    performers: z.string().nullable().meta({ description: '"Utförare".' }),
    carryOver: z
      .enum(CARRY_OVER_DECISIONS)
      .nullable()
      .meta({ description: 'Whether it is carried over (förs över) to the next plan.' }),
    carriedFromId: id.nullable().meta({ description: 'The activity of the previous plan it was carried over from.' }),
    focusAreaIds: z.array(id).meta({ description: 'Focus areas (fokusområden) it is tagged with, in order.' }),
    subActivities: z.array(subActivity).meta({ description: 'Not archived ones, in order.' }),
    ...itemOutputFields,
  })
  .meta({ id: 'Activity' });

const activityFields = {
  description: markdown.nullable().optional(),
  costAndResources: markdown.nullable().optional(),
  performers: markdown.nullable().optional(),
  carryOver: z.enum(CARRY_OVER_DECISIONS).nullable().optional(),
  focusAreaIds: z.array(id).max(20).optional(),
  ...itemInputFields,
};

export const activityCreate = z
  .strictObject({ planId: id, number, title: shortText, ...activityFields })
  .meta({ id: 'ActivityCreate' });
export const activityUpdate = z
  .strictObject({
    version: z.int().min(1).optional(),
    number: number.optional(),
    title: shortText.optional(),
    ...activityFields,
  })
  .meta({ id: 'ActivityUpdate' });
export const activityListQuery = z.strictObject({ ...itemListFilters, focusAreaId: id.optional() });

export const subActivityCreate = z
  .strictObject({
    activityId: id,
    number,
    title: shortText,
    statusId: id.nullable().optional(),
    carryOver: z.enum(CARRY_OVER_DECISIONS).nullable().optional(),
    sortOrder: sortOrder.optional(),
  })
  .meta({ id: 'SubActivityCreate' });
export const subActivityUpdate = z
  .strictObject({
    version: z.int().min(1).optional(),
    number: number.optional(),
    title: shortText.optional(),
    statusId: id.nullable().optional(),
    carryOver: z.enum(CARRY_OVER_DECISIONS).nullable().optional(),
    sortOrder: sortOrder.optional(),
  })
  .meta({ id: 'SubActivityUpdate' });
export const subActivityListQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
  activityId: id,
  includeArchived: includeArchivedQuery,
});

/** A focus area (fokusområde) activities are tagged with. */
export const focusArea = z
  .object({ id, name: z.string(), sortOrder: z.int(), active: z.boolean(), ...editableFields })
  .meta({ id: 'FocusArea' });
export const focusAreaCreate = z
  .strictObject({ name: shortText, sortOrder: sortOrder.optional() })
  .meta({ id: 'FocusAreaCreate' });
export const focusAreaUpdate = z
  .strictObject({
    version: z.int().min(1).optional(),
    name: shortText.optional(),
    sortOrder: sortOrder.optional(),
    active: z.boolean().optional(),
  })
  .meta({ id: 'FocusAreaUpdate' });
export const focusAreaListQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(500),
  offset: z.coerce.number().int().min(0).default(0),
  includeInactive: booleanQuery.optional(),
});
