import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createHarness, type Harness } from '../../../../test/support/harness.ts';
import { describeResourceContract } from '../../../../test/support/resource-contract.ts';

describe('the reporting calendar (årshjul)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.close());

  describeResourceContract(
    {
      resource: 'reporting-calendar/events',
      entityType: 'calendar_event',
      async create(harness, unit) {
        const reply = await (
          await harness.as('tenantAdmin')
        ).post('/reporting-calendar/events', {
          kind: 'namnd_meeting',
          unitId: harness.tenant[unit],
          date: '2026-10-22',
          title: 'Nämndsammanträde',
          agenda: 'Uppföljning av intern kontroll, delår',
        });
        expect(reply.status).toBe(201);
        return reply.body.id as string;
      },
      change: (n) => ({ agenda: `Punkt ${n}: intern kontroll` }),
      changedField: 'agenda',
      roles: {
        administrator: { read: true, write: true },
        coordinator: { read: true, write: true },
        responsible: { read: true, write: false },
        reader: { read: true, write: false },
        auditor: { read: true, write: false },
      },
    },
    () => h,
  );

  test('periods get their standard dates and printed names; a custom one needs a name and dates', async () => {
    const admin = await h.as('tenantAdmin');
    const quarter = await admin.post('/reporting-calendar/periods', { kind: 'quarter', year: 2027, number: 3 });
    expect(quarter.body).toMatchObject({
      startDate: '2027-07-01',
      endDate: '2027-09-30',
      label: 'Kvartal 3 2027',
      labelEn: 'Quarter 3 2027',
    });
    const interim = await admin.post('/reporting-calendar/periods', { kind: 'interim', year: 2027 });
    expect(interim.body).toMatchObject({ startDate: '2027-01-01', endDate: '2027-08-31', label: 'Delår 2027' });
    const fifth = await admin.post('/reporting-calendar/periods', { kind: 'quarter', year: 2027, number: 5 });
    expect(fifth.body.errors).toEqual([{ path: 'number', message: 'Ett år har fyra kvartal.' }]);
    const custom = await admin.post('/reporting-calendar/periods', { kind: 'custom', year: 2027 });
    expect(custom.body.errors.map((e: { path: string }) => e.path)).toEqual(['name', 'startDate', 'endDate']);
    expect(
      (await (await h.as('coordinator')).post('/reporting-calendar/periods', { kind: 'annual', year: 2027 })).status,
    ).toBe(403);
  });

  test('a year may have several named periods of one kind; a real duplicate says it exists (409 duplicate), not "someone else changed this"', async () => {
    const admin = await h.as('tenantAdmin');
    const first = await admin.post('/reporting-calendar/periods', { kind: 'interim', year: 2028 });
    expect(first.status).toBe(201);
    const again = await admin.post('/reporting-calendar/periods', { kind: 'interim', year: 2028 });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({
      type: 'urn:uppsikt:problem:duplicate',
      detail: 'Perioden Delår 2028 finns redan.',
      existingId: first.body.id,
    });
    expect(again.body.errors[0].path).toBe('name');
    expect(JSON.stringify(again.body)).not.toContain('Någon annan');

    const april = await admin.post('/reporting-calendar/periods', {
      kind: 'interim',
      year: 2028,
      name: 'Delår 1',
      endDate: '2028-04-30',
    });
    expect(april.status).toBe(201);
    expect(april.body).toMatchObject({
      name: 'Delår 1',
      label: 'Delår 1 2028',
      labelEn: 'Delår 1 2028',
      startDate: '2028-01-01',
      endDate: '2028-04-30',
    });
    const august = await admin.post('/reporting-calendar/periods', {
      kind: 'interim',
      year: 2028,
      name: 'Delårsrapport augusti 2028',
    });
    expect(august.body.label).toBe('Delårsrapport augusti 2028');
    expect(
      (await admin.post('/reporting-calendar/periods', { kind: 'interim', year: 2028, name: 'Delår 1' })).status,
    ).toBe(409);
    const renamed = await admin.patch(`/reporting-calendar/periods/${august.body.id}`, {
      version: august.body.version,
      name: 'Delår 1',
    });
    expect(renamed.status).toBe(409);
    expect(renamed.body.type).toBe('urn:uppsikt:problem:duplicate');

    const year = (await admin.get('/reporting-calendar?year=2028')).body.periods.map(
      (period: { label: string }) => period.label,
    );
    expect(year).toEqual(['Delår 1 2028', 'Delår 2028', 'Delårsrapport augusti 2028']);
    // A period named apart is followed up like any other.
    const plan = (
      await admin.post('/plans', {
        unitId: h.tenant.unitA,
        kind: 'internal_control',
        title: 'IK 2028',
        startYear: 2028,
      })
    ).body;
    const risk = (await admin.post('/risks', { planId: plan.id, title: 'R' })).body;
    const control = (await admin.post('/controls', { riskId: risk.id, title: 'K' })).body;
    expect(
      (await admin.post('/follow-ups', { controlId: control.id, periodId: april.body.id, body: 'Utan anmärkning.' }))
        .status,
    ).toBe(201);
  });

  test('the year view holds the periods and the events the caller may see, by date; deadlines carry a role', async () => {
    const admin = await h.as('tenantAdmin');
    await admin.post('/reporting-calendar/events', {
      kind: 'deadline',
      date: '2026-09-01',
      title: 'Kontrollansvariga rapporterar',
      role: 'responsible',
      periodId: h.tenant.periodIds.q2,
    });
    await admin
      .post('/reporting-calendar/events', { kind: 'ks_meeting', date: '2026-11', title: 'KS', datePrecision: 'month' })
      .then((reply) => expect(reply.status).toBe(400));
    await admin.post('/reporting-calendar/events', {
      kind: 'ks_meeting',
      date: '2026-11-01',
      datePrecision: 'month',
      title: 'Kommunstyrelsen',
    });
    const reader = await (await h.as('reader')).get('/reporting-calendar?year=2026');
    expect(reader.status).toBe(200);
    expect(reader.body.periods.map((p: { label: string }) => p.label)).toEqual(['Kvartal 1 2026', 'Kvartal 2 2026']);
    const dates = reader.body.events.map((e: { date: string }) => e.date);
    expect([...dates].sort()).toEqual(dates);
    expect(reader.body.events.find((e: { kind: string }) => e.kind === 'deadline')).toMatchObject({
      role: 'responsible',
      year: 2026,
    });
    expect(reader.body.events.some((e: { unitId: string | null }) => e.unitId === h.tenant.unitB)).toBe(false);
  });

  test('an event entered by mistake can be removed; the audit log keeps what it was', async () => {
    const coordinator = await h.as('coordinator');
    const event = (
      await coordinator.post('/reporting-calendar/events', {
        kind: 'namnd_meeting',
        unitId: h.tenant.unitA,
        date: '2026-12-01',
        title: 'Fel datum',
      })
    ).body;
    expect((await (await h.as('reader')).delete(`/reporting-calendar/events/${event.id}`)).status).toBe(403);
    expect((await coordinator.delete(`/reporting-calendar/events/${event.id}`)).status).toBe(204);
    expect((await coordinator.get(`/reporting-calendar/events/${event.id}`)).status).toBe(404);
    const history = await coordinator.get(`/audit-events?entityId=${event.id}`);
    expect(history.body.items[0]).toMatchObject({ operation: 'delete', changes: { title: ['Fel datum', null] } });
  });
});
