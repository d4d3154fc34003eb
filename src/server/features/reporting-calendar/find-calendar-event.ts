import { and, eq } from 'drizzle-orm';
import type { Access } from '../../access/access.ts';
import type { Database } from '../../db/client.ts';
import { calendarEvents } from '../../db/schema/calendar-events.ts';
import { AppError } from '../../errors.ts';

export type EventRow = typeof calendarEvents.$inferSelect;

export interface FindCalendarEventOptions {
  eventId: string;
}

/** A meeting or deadline the caller sees: tenant-wide events are everyone's; a unit's events are for those who read the unit. Otherwise not found. */
export async function findCalendarEvent(
  db: Database,
  access: Access,
  { eventId }: FindCalendarEventOptions,
): Promise<EventRow> {
  const [row] = await db
    .select()
    .from(calendarEvents)
    .where(and(eq(calendarEvents.tenantId, access.tenantId), eq(calendarEvents.id, eventId)));
  if (!row || (row.unitId !== null && !access.canRead(row.unitId))) throw new AppError('not_found');
  return row;
}
