import type { z } from 'zod';
import type { calendarEventCreate } from '../../../domain/contracts/reporting-calendar.ts';
import type { Access } from '../../access/access.ts';
import { insertAudited } from '../../audit/audited-writes.ts';
import type { Transaction } from '../../db/client.ts';
import { calendarEvents } from '../../db/schema/calendar-events.ts';
import { AppError } from '../../errors.ts';
import { localize } from '../../messages/messages.ts';
import { assertMayWriteEvent } from './reporting-calendar-rules.ts';

/** What a new meeting or deadline is: the request's fields (kind, date, unit or none for the whole tenant …). */
export type CreateCalendarEventOptions = z.infer<typeof calendarEventCreate>;

/**
 * Enters a meeting or deadline in the årshjul: a tenant-wide one by the tenant administrator, a
 * unit's by the unit's managers. Its year is the date's.
 */
export async function createCalendarEvent(tx: Transaction, access: Access, options: CreateCalendarEventOptions) {
  const unitId = options.unitId ?? null;
  if (unitId !== null && !access.canRead(unitId))
    throw new AppError('validation_failed', undefined, [
      { path: 'unitId', message: localize((m) => m.validation.doesNotExist) },
    ]);
  assertMayWriteEvent(access, unitId);
  return insertAudited(
    tx,
    calendarEvents,
    { ...options, year: Number(options.date.slice(0, 4)), tenantId: access.tenantId },
    { actor: access.actor, entityType: 'calendar_event', unitId },
  );
}
