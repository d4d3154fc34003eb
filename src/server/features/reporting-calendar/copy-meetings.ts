import { and, eq, inArray } from 'drizzle-orm';
import type { Access } from '../../access/access.ts';
import { MANAGING_ROLES } from '../../access/access.ts';
import { insertAudited } from '../../audit/audited-writes.ts';
import type { Transaction } from '../../db/client.ts';
import { calendarEvents } from '../../db/schema/calendar-events.ts';
import { reportingPeriods } from '../../db/schema/reporting-periods.ts';
import { AppError } from '../../errors.ts';
import { localize } from '../../messages/messages.ts';
import { assertMayWriteEvent, visibleEvents } from './reporting-calendar-rules.ts';

const MEETING_KINDS = ['namnd_meeting', 'ks_meeting', 'kf_meeting'] as const;

/**
 * The date a meeting of the year before moves to: the same weekday of the same week of the year
 * (52 weeks on, a day or two earlier in the month, since nämnder meet on fixed weekdays), or a
 * week later still when that falls in the old year. A meeting known only by its month keeps its
 * month.
 */
export function dateInNextYear(date: string, precision: 'day' | 'month'): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  if (precision === 'month') return `${year + 1}-${String(month).padStart(2, '0')}-01`;
  const moved = new Date(Date.UTC(year, month - 1, day + 364));
  if (moved.getUTCFullYear() === year) moved.setUTCDate(moved.getUTCDate() + 7);
  return moved.toISOString().slice(0, 10);
}

export interface CopyMeetingsOptions {
  year: number;
  /** Only this unit's meetings (null: the tenant-wide ones); absent: all the caller may write. */
  unitId?: string | null | undefined;
}

/**
 * Copies the meetings (nämnd, kommunstyrelse, fullmäktige) of the year before into `year`:
 * same kind, unit, title and agenda, the date moved by `dateInNextYear`, linked to the new
 * year's period of the same kind and number when there is one. Only meetings the caller may
 * write are copied (the tenant-wide ones by the tenant administrator, a unit's by its managers);
 * a meeting the new year already has (same kind, unit, title and date) is not made again. All
 * in the caller's transaction, each with its audit event.
 */
export async function copyMeetings(tx: Transaction, access: Access, { year, unitId }: CopyMeetingsOptions) {
  access.assertMayWrite();
  if (unitId !== undefined && unitId !== null && !access.canRead(unitId))
    throw new AppError('validation_failed', undefined, [
      { path: 'unitId', message: localize((m) => m.validation.doesNotExist) },
    ]);
  const mayWrite = (eventUnitId: string | null) =>
    eventUnitId === null ? access.isTenantAdministrator : access.hasRole(eventUnitId, MANAGING_ROLES);
  if (unitId !== undefined) assertMayWriteEvent(access, unitId);
  else if (!access.isTenantAdministrator && access.unitIdsWithRole(MANAGING_ROLES).length === 0)
    // Someone who may write no meeting at all is told so, not given an empty copy.
    access.assertTenantAdministrator();
  const source = (
    await tx
      .select()
      .from(calendarEvents)
      .where(and(visibleEvents(access, { year: year - 1 }), inArray(calendarEvents.kind, MEETING_KINDS)))
      .orderBy(calendarEvents.date, calendarEvents.id)
  ).filter((event) => (unitId === undefined ? mayWrite(event.unitId) : event.unitId === unitId));
  if (source.length === 0) return { created: [], skipped: 0 };
  const already = await tx
    .select()
    .from(calendarEvents)
    .where(and(eq(calendarEvents.tenantId, access.tenantId), eq(calendarEvents.year, year)));
  const periods = await tx
    .select()
    .from(reportingPeriods)
    .where(and(eq(reportingPeriods.tenantId, access.tenantId), inArray(reportingPeriods.year, [year - 1, year])));
  const periodInNewYear = (periodId: string | null) => {
    const old = periods.find((period) => period.id === periodId);
    if (!old) return null;
    return (
      periods.find(
        (period) =>
          period.year === year && period.kind === old.kind && period.number === old.number && period.name === old.name,
      )?.id ?? null
    );
  };
  const created: (typeof calendarEvents.$inferSelect)[] = [];
  let skipped = 0;
  for (const event of source) {
    const date = dateInNextYear(event.date, event.datePrecision);
    const same = (other: typeof event) =>
      other.kind === event.kind && other.unitId === event.unitId && other.title === event.title && other.date === date;
    if (already.some(same) || created.some(same)) {
      skipped++;
      continue;
    }
    created.push(
      (await insertAudited(
        tx,
        calendarEvents,
        {
          tenantId: access.tenantId,
          kind: event.kind,
          year,
          unitId: event.unitId,
          periodId: periodInNewYear(event.periodId),
          role: event.role,
          date,
          datePrecision: event.datePrecision,
          title: event.title,
          agenda: event.agenda,
        },
        { actor: access.actor, entityType: 'calendar_event', unitId: event.unitId },
      )) as typeof calendarEvents.$inferSelect,
    );
  }
  return { created, skipped };
}
