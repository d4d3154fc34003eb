import { pgTable, text, smallint, date, uuid, primaryKey, index, check } from 'drizzle-orm/pg-core';
import { CALENDAR_EVENT_KINDS, DATE_PRECISIONS } from '../../../domain/calendar-event.ts';
import { ROLES } from '../../../domain/role.ts';
import { editable, tenantKey, tenantReference } from './columns.ts';
import { orgUnits } from './org-units.ts';
import { reportingPeriods } from './reporting-periods.ts';
import { inList } from './sql-helpers.ts';

/**
 * An entry of the årshjul: a nämnd or kommunstyrelse meeting where internal control is
 * reported (with what is to be discussed), or a deadline for a role in a reporting period.
 */
export const calendarEvents = pgTable(
  'calendar_events',
  {
    ...tenantKey(),
    kind: text({ enum: CALENDAR_EVENT_KINDS }).notNull(),
    year: smallint().notNull(),
    /** The unit whose meeting or deadline it is; null for the whole tenant. */
    unitId: uuid(),
    periodId: uuid(),
    /** For deadlines: the role that must have reported by then. */
    role: text({ enum: ROLES }),
    date: date({ mode: 'string' }).notNull(),
    datePrecision: text({ enum: DATE_PRECISIONS }).notNull().default('day'),
    title: text().notNull(),
    /** What is to be discussed ("Att diskutera på nämnden"), Markdown. */
    agenda: text(),
    ...editable(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    tenantReference('calendar_events_unit_fk', t, t.unitId, orgUnits),
    tenantReference('calendar_events_period_fk', t, t.periodId, reportingPeriods),
    index('calendar_events_date_idx').on(t.tenantId, t.date),
    check('calendar_events_kind_check', inList(t.kind, CALENDAR_EVENT_KINDS)),
    check('calendar_events_precision_check', inList(t.datePrecision, DATE_PRECISIONS)),
    check('calendar_events_role_check', inList(t.role, ROLES)),
  ],
);
