import { asc, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { eventListQuery } from '../../../domain/contracts/reporting-calendar.ts';
import type { Access } from '../../access/access.ts';
import type { Database } from '../../db/client.ts';
import { calendarEvents } from '../../db/schema/calendar-events.ts';
import { visibleEvents } from './reporting-calendar-rules.ts';

/** A page of the meetings and deadlines the caller sees, by year and unit if asked, in date order. */
export async function listCalendarEvents(db: Database, access: Access, query: z.infer<typeof eventListQuery>) {
  const rows = await db
    .select({ event: calendarEvents, total: sql<number>`count(*) over ()` })
    .from(calendarEvents)
    .where(visibleEvents(access, query))
    .orderBy(asc(calendarEvents.date), asc(calendarEvents.id))
    .limit(query.limit)
    .offset(query.offset);
  return { items: rows.map((row) => row.event), total: rows.length > 0 ? Number(rows[0]!.total) : 0 };
}
