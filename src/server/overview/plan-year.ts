import { and, asc, eq, gte, inArray, isNull, lte, sql } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { calendarEvents } from '../db/schema/calendar-events.ts';
import { orgUnits } from '../db/schema/org-units.ts';
import { plans } from '../db/schema/plans.ts';
import { reportingPeriods } from '../db/schema/reporting-periods.ts';

// What belongs to a plan year, in one place for the reports and kommunstyrelsens översikt:
// - a plan belongs to every year of its period;
// - a deviation belongs to the plan of the control that found it (and so to that plan's years),
//   whenever it was found: one found in January at the year-end follow-up belongs to last
//   year's plan, not to the calendar year of its date;
// - a meeting belongs to the year it reports on: the year of the reporting period it is linked
//   to (a KS meeting in February linked to "Helår 2020" reports on 2020), else its date's year.

/**
 * The plans, internkontrollplaner and aktivitetsplaner, whose period overlaps the years, not
 * archived. A draft does not count beside an adopted (or closed) plan of the same unit, kind and
 * period: a new draft never replaces, nor doubles, what the nämnd decided (as in the reports).
 */
export function plansOfYears(tenantId: string, startYear: number, endYear: number) {
  return and(
    eq(plans.tenantId, tenantId),
    lte(plans.startYear, endYear),
    gte(plans.endYear, startYear),
    isNull(plans.archivedAt),
    sql`not (${plans.state} = 'draft' and exists (
      select 1 from plans decided
       where decided.tenant_id = ${plans.tenantId} and decided.unit_id = ${plans.unitId} and decided.kind = ${plans.kind}
         and decided.start_year = ${plans.startYear} and decided.end_year = ${plans.endYear}
         and decided.state <> 'draft' and decided.archived_at is null))`,
  );
}

/** The year a calendar event reports on, in SQL (needs `reporting_periods` left-joined on the event's period). */
export const meetingYear = sql<number>`coalesce(${reportingPeriods.year}, ${calendarEvents.year})`;

export interface Meeting {
  kind: 'namnd_meeting' | 'ks_meeting';
  unitId: string | null;
  date: string;
  datePrecision: 'day' | 'month';
  agenda: string | null;
  /** The last day of the reporting period the meeting reports on; null when it is linked to none. */
  reportsOnEnd: string | null;
}

/** Kinds of unit that are a municipality (or region) of their own, with a kommunstyrelse (regionstyrelse). */
const MUNICIPALITY_KINDS = new Set(['kommun', 'region']);

/**
 * The meetings a unit reports to about its plans of the years, by date: the meetings of the
 * unit itself and of the units above it (a förvaltning reports to its nämnd), and the
 * kommunstyrelse meetings of the municipality the unit belongs to (a KS meeting is entered on
 * kommunstyrelsen, on the kommun or on the whole tenant). Meetings of other nämnder, or of
 * another municipality's kommunstyrelse in the same tenant, are not the unit's.
 */
export async function meetingsReportedTo(
  db: Database,
  tenantId: string,
  unitId: string,
  startYear: number,
  endYear: number,
): Promise<{ committee: Meeting[]; board: Meeting[] }> {
  const [units, events] = await Promise.all([
    db
      .select({ id: orgUnits.id, parentId: orgUnits.parentId, kind: orgUnits.kind })
      .from(orgUnits)
      .where(eq(orgUnits.tenantId, tenantId)),
    db
      .select({
        kind: calendarEvents.kind,
        unitId: calendarEvents.unitId,
        date: calendarEvents.date,
        datePrecision: calendarEvents.datePrecision,
        agenda: calendarEvents.agenda,
        reportsOnEnd: reportingPeriods.endDate,
      })
      .from(calendarEvents)
      .leftJoin(
        reportingPeriods,
        and(eq(reportingPeriods.tenantId, calendarEvents.tenantId), eq(reportingPeriods.id, calendarEvents.periodId)),
      )
      .where(
        and(
          eq(calendarEvents.tenantId, tenantId),
          inArray(calendarEvents.kind, ['namnd_meeting', 'ks_meeting']),
          sql`${meetingYear} between ${startYear} and ${endYear}`,
        ),
      )
      .orderBy(asc(calendarEvents.date)),
  ]);
  const unitById = new Map(units.map((unit) => [unit.id, unit]));
  const chainOf = (id: string | null): string[] => {
    const chain: string[] = [];
    for (
      let current = id === null ? undefined : unitById.get(id);
      current && !chain.includes(current.id);
      current = current.parentId === null ? undefined : unitById.get(current.parentId)
    )
      chain.push(current.id);
    return chain;
  };
  /** The nearest kommun or region at or above a unit; the root when the tree has none. */
  const municipalityOf = (id: string | null): string | undefined => {
    const chain = chainOf(id);
    return chain.find((candidate) => MUNICIPALITY_KINDS.has(unitById.get(candidate)!.kind)) ?? chain.at(-1);
  };
  const own = new Set(chainOf(unitId));
  const municipality = municipalityOf(unitId);
  const meetings = events as Meeting[];
  return {
    committee: meetings.filter(
      (meeting) => meeting.kind === 'namnd_meeting' && meeting.unitId !== null && own.has(meeting.unitId),
    ),
    board: meetings.filter(
      (meeting) =>
        meeting.kind === 'ks_meeting' && (meeting.unitId === null || municipalityOf(meeting.unitId) === municipality),
    ),
  };
}
