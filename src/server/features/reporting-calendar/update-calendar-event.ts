import type { z } from 'zod';
import type { calendarEventUpdate } from '../../../domain/contracts/reporting-calendar.ts';
import type { Access } from '../../access/access.ts';
import { updateAudited } from '../../audit/audited-writes.ts';
import type { Transaction } from '../../db/client.ts';
import { calendarEvents } from '../../db/schema/calendar-events.ts';
import { AppError } from '../../errors.ts';
import { localize } from '../../messages/messages.ts';
import { findCalendarEvent } from './find-calendar-event.ts';
import { presentEvent } from './present.ts';
import { assertMayWriteEvent } from './reporting-calendar-rules.ts';

export interface UpdateCalendarEventOptions {
  eventId: string;
  /** The version the caller read; a stale one is refused with 409. */
  version: number;
  /** The fields to change; those left out stay as they are. */
  changes: Omit<z.infer<typeof calendarEventUpdate>, 'version'>;
}

/**
 * Changes a meeting or deadline: whoever may write it where it is, and, when it moves to another
 * unit (or to the whole tenant), may write it there too. A new date sets its year.
 */
export async function updateCalendarEvent(
  tx: Transaction,
  access: Access,
  { eventId, version, changes }: UpdateCalendarEventOptions,
) {
  const current = await findCalendarEvent(tx, access, { eventId });
  assertMayWriteEvent(access, current.unitId);
  if (changes.unitId !== undefined && changes.unitId !== current.unitId) {
    if (changes.unitId !== null && !access.canRead(changes.unitId))
      throw new AppError('validation_failed', undefined, [
        { path: 'unitId', message: localize((m) => m.validation.doesNotExist) },
      ]);
    assertMayWriteEvent(access, changes.unitId);
  }
  const values = { ...changes, ...(changes.date ? { year: Number(changes.date.slice(0, 4)) } : {}) };
  return updateAudited(
    tx,
    calendarEvents,
    { current, expectedVersion: version, values, present: presentEvent },
    { actor: access.actor, entityType: 'calendar_event', unitId: current.unitId },
  );
}
