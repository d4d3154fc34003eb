import {
  pgTable,
  text,
  integer,
  uuid,
  boolean,
  primaryKey,
  index,
  uniqueIndex,
  check,
  foreignKey,
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { CARRY_OVER_DECISIONS } from '../../../domain/activity.ts';
import { archivable, editable, scheduled, tenantKey, tenantReference } from './columns.ts';
import { plans } from './plans.ts';
import { statuses } from './statuses.ts';
import { datesInOrder, inList } from './sql-helpers.ts';
import { searchDocument } from './search-documents.ts';

/**
 * An aktivitet of an aktivitetsplan: number, title, description, cost and resources,
 * performers (utförare), dates and status. An unfinished activity can be carried over (förs
 * över) into the next period's plan: the copy's `carriedFromId` is the link both ways.
 */
export const activities = pgTable(
  'activities',
  {
    ...tenantKey(),
    planId: uuid().notNull(),
    /** The number as the plan prints it, e.g. "1" or "3". */
    number: text().notNull(),
    title: text().notNull(),
    /** "Aktivitetsbeskrivning", Markdown. */
    description: text(),
    /** "Kostnader för aktivitet och resurs". */
    costAndResources: text(),
    /** "Utförare", as the plan names them. */
    performers: text(),
    ...scheduled(),
    carryOver: text({ enum: CARRY_OVER_DECISIONS }),
    carriedFromId: uuid(),
    ...archivable(),
    ...editable(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    tenantReference('activities_plan_fk', t, t.planId, plans),
    tenantReference('activities_status_fk', t, t.statusId, statuses),
    foreignKey({
      name: 'activities_carried_from_fk',
      columns: [t.tenantId, t.carriedFromId],
      foreignColumns: [t.tenantId, t.id],
    }),
    index('activities_plan_idx').on(t.tenantId, t.planId),
    index('activities_search_idx').using('gin', searchDocument(t.number, t.title, t.description)),
    index('activities_carried_from_idx').on(t.tenantId, t.carriedFromId),
    check('activities_carry_over_check', inList(t.carryOver, CARRY_OVER_DECISIONS)),
    check('activities_dates_in_order', datesInOrder(t.startDate, t.endDate)),
  ],
);

/** A numbered delaktivitet (1.1, 3.2 …) of an activity; it can be carried over on its own. */
export const subActivities = pgTable(
  'sub_activities',
  {
    ...tenantKey(),
    activityId: uuid().notNull(),
    /** e.g. "3.2". */
    number: text().notNull(),
    title: text().notNull(),
    statusId: uuid(),
    carryOver: text({ enum: CARRY_OVER_DECISIONS }),
    carriedFromId: uuid(),
    sortOrder: integer().notNull().default(0),
    ...archivable(),
    ...editable(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    tenantReference('sub_activities_activity_fk', t, t.activityId, activities),
    tenantReference('sub_activities_status_fk', t, t.statusId, statuses),
    foreignKey({
      name: 'sub_activities_carried_from_fk',
      columns: [t.tenantId, t.carriedFromId],
      foreignColumns: [t.tenantId, t.id],
    }),
    index('sub_activities_activity_idx').on(t.tenantId, t.activityId),
    index('sub_activities_carried_from_idx').on(t.tenantId, t.carriedFromId),
    check('sub_activities_carry_over_check', inList(t.carryOver, CARRY_OVER_DECISIONS)),
  ],
);

/** A focus area (fokusområde) that activities are tagged with, e.g. "Attrahera & rekrytera". */
export const focusAreas = pgTable(
  'focus_areas',
  {
    ...tenantKey(),
    name: text().notNull(),
    sortOrder: integer().notNull().default(0),
    active: boolean().notNull().default(true),
    ...editable(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('focus_areas_name_key').on(t.tenantId, sql`lower(${t.name})`),
  ],
);

/** Which focus areas an activity is tagged with, in the plan's order. */
export const activityFocusAreas = pgTable(
  'activity_focus_areas',
  {
    tenantId: uuid().notNull(),
    activityId: uuid().notNull(),
    focusAreaId: uuid().notNull(),
    sortOrder: integer().notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.activityId, t.focusAreaId] }),
    tenantReference('activity_focus_areas_activity_fk', t, t.activityId, activities),
    tenantReference('activity_focus_areas_focus_area_fk', t, t.focusAreaId, focusAreas),
  ],
);
