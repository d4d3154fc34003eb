import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createHarness, type Harness } from '../../../../test/support/harness.ts';
import { auditEvents } from '../../db/schema/audit-events.ts';
import { dateInNextYear } from './copy-meetings.ts';

describe('the årshjul’s year tools: standard periods in one step, meetings copied from the year before', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.close());

  test('a year gets tertial 1–3, halvår 1–2 and helår; those it has are kept as they are; again makes nothing', async () => {
    const admin = await h.as('tenantAdmin');
    const own = await admin.post('/reporting-calendar/periods', {
      kind: 'tertial',
      year: 2030,
      number: 2,
      startDate: '2030-05-01',
      endDate: '2030-08-31',
    });
    expect(own.status).toBe(201);
    const first = await admin.post('/reporting-calendar/periods/standard', { year: 2030 });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body.created.map((p: { label: string }) => p.label)).toEqual([
      'Tertial 1 2030',
      'Tertial 3 2030',
      'Halvår 1 2030',
      'Halvår 2 2030',
      'Helår 2030',
    ]);
    expect(first.body.created[2]).toMatchObject({
      startDate: '2030-01-01',
      endDate: '2030-06-30',
      labelEn: 'Half year 1 2030',
    });
    expect(first.body.kept).toEqual([expect.objectContaining({ id: own.body.id, startDate: '2030-05-01' })]);
    const audited = await h.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.tenantId, h.tenant.tenantId), eq(auditEvents.entityType, 'reporting_period')));
    for (const period of first.body.created) expect(audited.some((e) => e.entityId === period.id)).toBe(true);
    const again = await admin.post('/reporting-calendar/periods/standard', { year: 2030 });
    expect(again.body.created).toEqual([]);
    expect(again.body.kept).toHaveLength(6);
    // The årshjul of the year shows the six.
    const report = await admin.get(`/reporting-calendar?year=2030`);
    expect(report.body.periods).toHaveLength(6);
  });

  test('only the tenant administrator makes periods; a year out of range names the field', async () => {
    expect(
      (await (await h.as('coordinator')).post('/reporting-calendar/periods/standard', { year: 2031 })).status,
    ).toBe(403);
    const bad = await (await h.as('tenantAdmin')).post('/reporting-calendar/periods/standard', { year: 1200 });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe('year');
    expect((await (await h.as('tenantAdmin')).get('/reporting-calendar?year=2031')).body.periods).toEqual([]);
  });

  test('a meeting moves to the same weekday of the same week; one known by its month keeps its month', () => {
    expect(dateInNextYear('2029-03-15', 'day')).toBe('2030-03-14'); // Thursday to Thursday
    expect(dateInNextYear('2029-01-01', 'day')).toBe('2030-01-07'); // not into the old year
    expect(dateInNextYear('2027-12-30', 'day')).toBe('2028-12-28');
    expect(dateInNextYear('2029-10-01', 'month')).toBe('2030-10-01');
    for (const date of ['2027-02-28', '2028-02-29', '2028-12-31', '2030-06-15']) {
      const moved = dateInNextYear(date, 'day');
      expect(new Date(moved).getUTCDay()).toBe(new Date(date).getUTCDay());
      expect(Number(moved.slice(0, 4))).toBe(Number(date.slice(0, 4)) + 1);
    }
  });

  test('copies the meetings one may write from the year before, once', async () => {
    const admin = await h.as('tenantAdmin');
    const coordinator = await h.as('coordinator');
    const made = [
      await admin.post('/reporting-calendar/events', { kind: 'ks_meeting', date: '2029-03-15', title: 'KS' }),
      await coordinator.post('/reporting-calendar/events', {
        kind: 'namnd_meeting',
        unitId: h.tenant.unitA,
        date: '2029-10-01',
        datePrecision: 'month',
        title: 'Nämnd A',
        agenda: 'Intern kontroll',
      }),
      await admin.post('/reporting-calendar/events', {
        kind: 'namnd_meeting',
        unitId: h.tenant.unitB,
        date: '2029-05-20',
        title: 'Nämnd B',
      }),
      await admin.post('/reporting-calendar/events', { kind: 'deadline', date: '2029-04-10', title: 'Rapportera T1' }),
    ];
    for (const reply of made) expect(reply.status).toBe(201);
    const byCoordinator = await coordinator.post('/reporting-calendar/events/copy-meetings', { year: 2030 });
    expect(byCoordinator.status, JSON.stringify(byCoordinator.body)).toBe(200);
    expect(byCoordinator.body.created).toEqual([
      expect.objectContaining({
        title: 'Nämnd A',
        unitId: h.tenant.unitA,
        date: '2030-10-01',
        datePrecision: 'month',
        year: 2030,
        agenda: 'Intern kontroll',
      }),
    ]);
    const byAdmin = await admin.post('/reporting-calendar/events/copy-meetings', { year: 2030 });
    expect(byAdmin.body.created.map((e: { title: string; date: string }) => [e.title, e.date])).toEqual([
      ['KS', '2030-03-14'],
      ['Nämnd B', '2030-05-19'],
    ]);
    expect(byAdmin.body.skipped).toBe(1);
    const again = await admin.post('/reporting-calendar/events/copy-meetings', { year: 2030 });
    expect(again.body).toEqual({ created: [], skipped: 3 });
    const year = (await admin.get('/reporting-calendar?year=2030')).body.events;
    expect(year.map((e: { title: string }) => e.title).sort()).toEqual(['KS', 'Nämnd A', 'Nämnd B']);
  });

  test('a reader may copy nothing; a unit one does not manage is refused', async () => {
    expect((await (await h.as('reader')).post('/reporting-calendar/events/copy-meetings', { year: 2031 })).status).toBe(
      403,
    );
    const other = await (
      await h.as('coordinator')
    ).post('/reporting-calendar/events/copy-meetings', {
      year: 2031,
      unitId: h.tenant.unitB,
    });
    expect(other.status).toBe(400);
    expect(other.body.errors[0].path).toBe('unitId');
    expect((await (await h.as('tenantAdmin')).get('/reporting-calendar?year=2031')).body.events).toEqual([]);
  });
});
