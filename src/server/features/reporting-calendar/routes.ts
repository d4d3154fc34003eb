import { createRoute } from '@hono/zod-openapi';
import { and, asc, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { idParams } from '../../../domain/contracts/common.ts';
import {
  calendarEvent,
  calendarEventCreate,
  calendarEventUpdate,
  eventListQuery,
  periodListQuery,
  reportingCalendar,
  reportingCalendarQuery,
  reportingPeriod,
  reportingPeriodCreate,
  reportingPeriodUpdate,
} from '../../../domain/contracts/reporting-calendar.ts';
import { defaultReportingPeriodDates, reportingPeriodLabel } from '../../../domain/reporting-period.ts';
import { MANAGING_ROLES, type Access } from '../../access/access.ts';
import { insertAudited, updateAudited } from '../../audit/audited-writes.ts';
import { recordAuditEvents } from '../../audit/record-audit-events.ts';
import { readTogether, type Database, type Transaction } from '../../db/client.ts';
import { calendarEvents } from '../../db/schema/calendar-events.ts';
import { reportingPeriods } from '../../db/schema/reporting-periods.ts';
import { AppError, type FieldError } from '../../errors.ts';
import { createRouter } from '../../http/api-router.ts';
import { json, problems, updateProblems } from '../../http/openapi-helpers.ts';
import { presentAs } from '../../http/present.ts';
import { addStandardRoutes } from '../../http/standard-routes.ts';

type PeriodRow = typeof reportingPeriods.$inferSelect;
type EventRow = typeof calendarEvents.$inferSelect;

const presentPeriodFields = presentAs(reportingPeriod);
const presentPeriod = (row: Record<string, unknown>) => {
  const period = row as unknown as PeriodRow;
  return presentPeriodFields({ ...row, label: reportingPeriodLabel(period, 'sv'), labelEn: reportingPeriodLabel(period, 'en') });
};
const presentEvent = presentAs(calendarEvent);
const tags = ['Reporting calendar'];

async function findPeriod(db: Database, access: Access, id: string): Promise<PeriodRow> {
  const [row] = await db.select().from(reportingPeriods).where(and(eq(reportingPeriods.tenantId, access.tenantId), eq(reportingPeriods.id, id)));
  if (!row) throw new AppError('not_found');
  return row;
}

/** Tenant-wide events are everyone's; a unit's events are for those who read the unit. */
async function findEvent(db: Database, access: Access, id: string): Promise<EventRow> {
  const [row] = await db.select().from(calendarEvents).where(and(eq(calendarEvents.tenantId, access.tenantId), eq(calendarEvents.id, id)));
  if (!row || (row.unitId !== null && !access.canRead(row.unitId))) throw new AppError('not_found');
  return row;
}

function assertMayWriteEvent(access: Access, unitId: string | null) {
  if (unitId === null) access.assertTenantAdministrator();
  else access.assertRole(unitId, MANAGING_ROLES);
}

function visibleEvents(access: Access, query: { year?: number | undefined; unitId?: string | undefined }): SQL | undefined {
  const units = access.readableUnitIds();
  return and(
    eq(calendarEvents.tenantId, access.tenantId),
    query.year === undefined ? undefined : eq(calendarEvents.year, query.year),
    query.unitId === undefined ? undefined : or(eq(calendarEvents.unitId, query.unitId), isNull(calendarEvents.unitId)),
    units === 'all' ? undefined : or(isNull(calendarEvents.unitId), units.length === 0 ? sql`false` : inArray(calendarEvents.unitId, units)),
  );
}

function periodDates(input: { kind: PeriodRow['kind']; number?: number | null | undefined; year: number; startDate?: string | undefined; endDate?: string | undefined }) {
  const defaults = input.kind === 'custom' ? null : defaultReportingPeriodDates(input.kind, input.number ?? null, input.year);
  const startDate = input.startDate ?? defaults?.startDate;
  const endDate = input.endDate ?? defaults?.endDate;
  const errors: FieldError[] = [];
  const needed = { sv: 'Ange datumet; perioden har inget standarddatum.', en: 'Give the date; the period has no standard date.' };
  if (!startDate) errors.push({ path: 'startDate', message: needed });
  if (!endDate) errors.push({ path: 'endDate', message: needed });
  if (startDate && endDate && endDate < startDate) errors.push({ path: 'endDate', message: { sv: 'Slutdatum kan inte vara före startdatum.', en: 'The end date cannot be before the start date.' } });
  return { dates: { startDate: startDate!, endDate: endDate! }, errors };
}

/**
 * A year has one period of each kind and number unless they are named apart: a second
 * "Delår 2026" is a duplicate, "Delår 1" and "Delår 2" are two periods. Says which exists.
 */
async function assertNoSamePeriod(tx: Transaction, tenantId: string, period: { id?: string; kind: PeriodRow['kind']; year: number; number: number | null; name: string | null }) {
  const [same] = await tx
    .select()
    .from(reportingPeriods)
    .where(
      and(
        eq(reportingPeriods.tenantId, tenantId),
        eq(reportingPeriods.kind, period.kind),
        eq(reportingPeriods.year, period.year),
        sql`coalesce(${reportingPeriods.number}, 0) = ${period.number ?? 0}`,
        sql`coalesce(${reportingPeriods.name}, '') = ${period.name ?? ''}`,
        period.id === undefined ? undefined : sql`${reportingPeriods.id} <> ${period.id}`,
      ),
    );
  if (!same) return;
  const label = { sv: reportingPeriodLabel(same, 'sv'), en: reportingPeriodLabel(same, 'en') };
  throw new AppError(
    'duplicate',
    { sv: `Perioden ${label.sv} finns redan.`, en: `The period ${label.en} already exists.` },
    [{ path: 'name', message: { sv: 'Ge perioden ett eget namn för att ha flera av samma slag samma år.', en: 'Give the period a name of its own to have several of one kind in a year.' } }],
    { existingId: same.id },
  );
}

async function createPeriod(tx: Transaction, access: Access, input: z.infer<typeof reportingPeriodCreate>) {
  access.assertTenantAdministrator();
  const errors: FieldError[] = [];
  const numbered = input.kind === 'quarter' || input.kind === 'tertial' || input.kind === 'forecast';
  if (numbered && !input.number) errors.push({ path: 'number', message: { sv: 'Ange periodens nummer.', en: 'Give the period’s number.' } });
  if (input.kind === 'quarter' && input.number && input.number > 4) errors.push({ path: 'number', message: { sv: 'Ett år har fyra kvartal.', en: 'A year has four quarters.' } });
  if (input.kind === 'tertial' && input.number && input.number > 3) errors.push({ path: 'number', message: { sv: 'Ett år har tre tertial.', en: 'A year has three tertials.' } });
  if (input.kind === 'custom' && !input.name) errors.push({ path: 'name', message: { sv: 'En egen period behöver ett namn.', en: 'A custom period needs a name.' } });
  // Standard dates exist only for a valid number; with one wrong, the number's error is the one to fix.
  const numberWrong = errors.some((error) => error.path === 'number');
  const { dates, errors: dateErrors } = numberWrong ? { dates: null, errors: [] } : periodDates(input);
  errors.push(...dateErrors);
  if (errors.length > 0 || dates === null) throw new AppError('validation_failed', undefined, errors);
  const values = { kind: input.kind, year: input.year, number: numbered ? input.number! : null, name: input.name ?? null, ...dates };
  await assertNoSamePeriod(tx, access.tenantId, values);
  return insertAudited(tx, reportingPeriods, { ...values, tenantId: access.tenantId }, { actor: access.actor, entityType: 'reporting_period', unitId: null });
}

async function updatePeriod(tx: Transaction, access: Access, id: string, version: number, changes: Omit<z.infer<typeof reportingPeriodUpdate>, 'version'>) {
  const current = await findPeriod(tx, access, id);
  access.assertTenantAdministrator();
  const { errors } = periodDates({ ...current, startDate: changes.startDate ?? current.startDate, endDate: changes.endDate ?? current.endDate });
  if (errors.length > 0) throw new AppError('validation_failed', undefined, errors);
  if (changes.name === null && current.kind === 'custom') {
    throw new AppError('validation_failed', undefined, [{ path: 'name', message: { sv: 'En egen period behöver ett namn.', en: 'A custom period needs a name.' } }]);
  }
  if (changes.name !== undefined && changes.name !== current.name) await assertNoSamePeriod(tx, access.tenantId, { ...current, name: changes.name });
  return updateAudited(tx, reportingPeriods, { current, expectedVersion: version, values: changes, present: presentPeriod }, { actor: access.actor, entityType: 'reporting_period', unitId: null });
}

async function createEvent(tx: Transaction, access: Access, input: z.infer<typeof calendarEventCreate>) {
  const unitId = input.unitId ?? null;
  if (unitId !== null && !access.canRead(unitId)) throw new AppError('validation_failed', undefined, [{ path: 'unitId', message: { sv: 'Finns inte.', en: 'Does not exist.' } }]);
  assertMayWriteEvent(access, unitId);
  return insertAudited(tx, calendarEvents, { ...input, year: Number(input.date.slice(0, 4)), tenantId: access.tenantId }, { actor: access.actor, entityType: 'calendar_event', unitId });
}

async function updateEvent(tx: Transaction, access: Access, id: string, version: number, changes: Omit<z.infer<typeof calendarEventUpdate>, 'version'>) {
  const current = await findEvent(tx, access, id);
  assertMayWriteEvent(access, current.unitId);
  if (changes.unitId !== undefined && changes.unitId !== current.unitId) {
    if (changes.unitId !== null && !access.canRead(changes.unitId)) throw new AppError('validation_failed', undefined, [{ path: 'unitId', message: { sv: 'Finns inte.', en: 'Does not exist.' } }]);
    assertMayWriteEvent(access, changes.unitId);
  }
  const values = { ...changes, ...(changes.date ? { year: Number(changes.date.slice(0, 4)) } : {}) };
  return updateAudited(tx, calendarEvents, { current, expectedVersion: version, values, present: presentEvent }, { actor: access.actor, entityType: 'calendar_event', unitId: current.unitId });
}

/** The årshjul: reporting periods (tenant administrator) and meetings and deadlines (the unit's coordinators). */
export function reportingCalendarRoutes() {
  const router = createRouter();

  router.openapi(
    createRoute({ method: 'get', path: '/reporting-calendar', tags, summary: 'The årshjul: periods and the meetings and deadlines you may see', request: { query: reportingCalendarQuery }, responses: { 200: json(reportingCalendar, 'Periods and events by date'), ...problems('validation_failed') } }),
    async (c) => {
      const { db } = c.get('database');
      const access = c.get('access');
      const query = c.req.valid('query');
      const [periods, events] = await readTogether(
        db,
        () => db.select().from(reportingPeriods).where(and(eq(reportingPeriods.tenantId, access.tenantId), query.year === undefined ? undefined : eq(reportingPeriods.year, query.year))).orderBy(asc(reportingPeriods.startDate), asc(reportingPeriods.endDate)),
        () => db.select().from(calendarEvents).where(visibleEvents(access, query)).orderBy(asc(calendarEvents.date), asc(calendarEvents.id)),
      );
      return c.json({ periods: periods.map(presentPeriod), events: events.map(presentEvent) }, 200);
    },
  );

  addStandardRoutes(router, {
    path: '/reporting-calendar/periods',
    tags,
    noun: 'reporting period',
    output: reportingPeriod,
    createInput: reportingPeriodCreate,
    updateInput: reportingPeriodUpdate,
    listQuery: periodListQuery,
    present: presentPeriod,
    async list(db, access, query) {
      const rows = await db
        .select({ period: reportingPeriods, total: sql<number>`count(*) over ()` })
        .from(reportingPeriods)
        .where(and(eq(reportingPeriods.tenantId, access.tenantId), query.year === undefined ? undefined : eq(reportingPeriods.year, query.year)))
        .orderBy(asc(reportingPeriods.startDate), asc(reportingPeriods.endDate), asc(reportingPeriods.id))
        .limit(query.limit)
        .offset(query.offset);
      return { items: rows.map((row) => row.period), total: rows.length > 0 ? Number(rows[0]!.total) : 0 };
    },
    find: findPeriod,
    create: createPeriod,
    update: updatePeriod,
  });

  addStandardRoutes(router, {
    path: '/reporting-calendar/events',
    tags,
    noun: 'calendar event',
    output: calendarEvent,
    createInput: calendarEventCreate,
    updateInput: calendarEventUpdate,
    listQuery: eventListQuery,
    present: presentEvent,
    async list(db, access, query) {
      const rows = await db
        .select({ event: calendarEvents, total: sql<number>`count(*) over ()` })
        .from(calendarEvents)
        .where(visibleEvents(access, query))
        .orderBy(asc(calendarEvents.date), asc(calendarEvents.id))
        .limit(query.limit)
        .offset(query.offset);
      return { items: rows.map((row) => row.event), total: rows.length > 0 ? Number(rows[0]!.total) : 0 };
    },
    find: findEvent,
    create: createEvent,
    update: updateEvent,
  });

  router.openapi(
    createRoute({ method: 'delete', path: '/reporting-calendar/events/{id}', tags, summary: 'Remove a meeting or deadline entered by mistake (kept in the audit log)', request: { params: idParams }, responses: { 204: { description: 'Removed' }, ...updateProblems } }),
    async (c) => {
      const access = c.get('access');
      const { id } = c.req.valid('param');
      await c.get('database').db.transaction(async (tx) => {
        const current = await findEvent(tx, access, id);
        assertMayWriteEvent(access, current.unitId);
        await tx.delete(calendarEvents).where(and(eq(calendarEvents.tenantId, access.tenantId), eq(calendarEvents.id, id)));
        const changes: Record<string, [unknown, unknown]> = {};
        for (const [field, value] of Object.entries(presentEvent(current))) if (value !== null && field !== 'id') changes[field] = [value, null];
        await recordAuditEvents(tx, access.actor, [{ entityType: 'calendar_event', entityId: id, operation: 'delete', unitId: current.unitId, changes }]);
      });
      return c.body(null, 204);
    },
  );
  return router;
}
