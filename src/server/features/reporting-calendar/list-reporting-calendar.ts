import { and, asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { reportingCalendarQuery } from '../../../domain/contracts/reporting-calendar.ts';
import type { Access } from '../../access/access.ts';
import { readTogether, type Database } from '../../db/client.ts';
import { calendarEvents } from '../../db/schema/calendar-events.ts';
import { reportingPeriods } from '../../db/schema/reporting-periods.ts';
import { visibleEvents } from './reporting-calendar-rules.ts';

/** The årshjul: the tenant's reporting periods and the meetings and deadlines the caller sees, of a year and unit if asked, by date. */
export async function listReportingCalendar(
  db: Database,
  access: Access,
  query: z.infer<typeof reportingCalendarQuery>,
) {
  const [periods, events] = await readTogether(
    db,
    () =>
      db
        .select()
        .from(reportingPeriods)
        .where(
          and(
            eq(reportingPeriods.tenantId, access.tenantId),
            query.year === undefined ? undefined : eq(reportingPeriods.year, query.year),
          ),
        )
        .orderBy(asc(reportingPeriods.startDate), asc(reportingPeriods.endDate)),
    () =>
      db
        .select()
        .from(calendarEvents)
        .where(visibleEvents(access, query))
        .orderBy(asc(calendarEvents.date), asc(calendarEvents.id)),
  );
  return { periods, events };
}
