import { and, eq } from 'drizzle-orm';
import type { Access } from '../../access/access.ts';
import { recordAuditEvents } from '../../audit/record-audit-events.ts';
import type { Transaction } from '../../db/client.ts';
import { calendarEvents } from '../../db/schema/calendar-events.ts';
import { findCalendarEvent } from './find-calendar-event.ts';
import { presentEvent } from './present.ts';
import { assertMayWriteEvent } from './reporting-calendar-rules.ts';

export interface DeleteCalendarEventOptions {
  /** The meeting or deadline entered by mistake. */
  eventId: string;
}

/**
 * Removes a meeting or deadline entered by mistake: whoever may write it. The row goes; the
 * audit log keeps what it was (every field that had a value, as changed to nothing).
 */
export async function deleteCalendarEvent(tx: Transaction, access: Access, { eventId }: DeleteCalendarEventOptions) {
  const current = await findCalendarEvent(tx, access, { eventId });
  assertMayWriteEvent(access, current.unitId);
  await tx
    .delete(calendarEvents)
    .where(and(eq(calendarEvents.tenantId, access.tenantId), eq(calendarEvents.id, eventId)));
  const changes: Record<string, [unknown, unknown]> = {};
  for (const [field, value] of Object.entries(presentEvent(current)))
    if (value !== null && field !== 'id') changes[field] = [value, null];
  await recordAuditEvents(tx, access.actor, [
    { entityType: 'calendar_event', entityId: eventId, operation: 'delete', unitId: current.unitId, changes },
  ]);
}
