import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createHarness, type Harness } from '../../../../test/support/harness.ts';
import { describeResourceContract, MANAGER_ROLES } from '../../../../test/support/resource-contract.ts';

describe('plans', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.close());

  describeResourceContract(
    {
      resource: 'plans',
      entityType: 'plan',
      async create(harness, unit) {
        const reply = await (
          await harness.as('tenantAdmin')
        ).post('/plans', {
          unitId: harness.tenant[unit],
          kind: 'internal_control',
          title: 'Internkontrollplan 2026',
          startYear: 2026,
        });
        expect(reply.status).toBe(201);
        return reply.body.id as string;
      },
      change: (n) => ({ title: `Internkontrollplan 2026, version ${n}` }),
      changedField: 'title',
      roles: MANAGER_ROLES,
    },
    () => h,
  );

  test('a coordinator creates a plan for their unit; the decision is recorded; the year range defaults to one year', async () => {
    const client = await h.as('coordinator');
    const reply = await client.post('/plans', {
      unitId: h.tenant.unitA1,
      kind: 'internal_control',
      title: 'Intern kontrollplan 2027',
      startYear: 2027,
      decisionUnitId: h.tenant.unitA,
      decisionDate: '2026-12-10',
      decisionParagraph: '§95',
      diarienummer: 'GRF-2026-11639',
    });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({
      endYear: 2027,
      state: 'draft',
      decisionParagraph: '§95',
      diarienummer: 'GRF-2026-11639',
      version: 1,
    });
  });

  test('a coordinator cannot create a plan outside their units, and does not learn whether the unit exists', async () => {
    const client = await h.as('coordinator');
    const outside = await client.post('/plans', {
      unitId: h.tenant.unitB,
      kind: 'activity',
      title: 'Aktivitetsplan',
      startYear: 2026,
    });
    const foreign = await client.post('/plans', {
      unitId: h.otherTenant.unitA,
      kind: 'activity',
      title: 'Aktivitetsplan',
      startYear: 2026,
    });
    expect(outside.status).toBe(400);
    expect(foreign.body).toEqual(outside.body);
    expect(outside.body.errors).toEqual([{ path: 'unitId', message: 'Finns inte.' }]);
    const reader = await (
      await h.as('reader')
    ).post('/plans', { unitId: h.tenant.unitA, kind: 'activity', title: 'Aktivitetsplan', startYear: 2026 });
    expect(reader.status).toBe(403);
  });

  test('validation: years in order, a real date, an existing decision unit', async () => {
    const client = await h.as('coordinator');
    const years = await client.post('/plans', {
      unitId: h.tenant.unitA,
      kind: 'activity',
      title: 'P',
      startYear: 2026,
      endYear: 2025,
    });
    expect(years.body.errors).toEqual([{ path: 'endYear', message: 'Slutåret kan inte vara före startåret.' }]);
    const date = await client.post(
      '/plans',
      { unitId: h.tenant.unitA, kind: 'activity', title: 'P', startYear: 2026, decisionDate: '2026-02-30' },
      { 'accept-language': 'en' },
    );
    expect(date.body.errors).toEqual([{ path: 'decisionDate', message: 'Must be a date (YYYY-MM-DD).' }]);
    const unit = await client.post('/plans', {
      unitId: h.tenant.unitA,
      kind: 'activity',
      title: 'P',
      startYear: 2026,
      decisionUnitId: h.otherTenant.rootId,
    });
    expect(unit.status).toBe(400);
    expect(unit.body.errors).toEqual([{ path: 'decisionUnitId', message: 'Finns inte.' }]);
  });

  test('lists filter by subtree, year and kind; a reader of A never sees B’s plans', async () => {
    const admin = await h.as('tenantAdmin');
    await admin.post('/plans', {
      unitId: h.tenant.unitB,
      kind: 'activity',
      title: 'Aktivitetsplan B 2020–2021',
      startYear: 2020,
      endYear: 2021,
    });
    const covering = await admin.get('/plans?year=2021&kind=activity');
    expect(covering.body.items.map((p: { title: string }) => p.title)).toEqual(['Aktivitetsplan B 2020–2021']);
    const underA = await admin.get(`/plans?under=${h.tenant.unitA}`);
    expect(
      underA.body.items.every((p: { unitId: string }) => [h.tenant.unitA, h.tenant.unitA1].includes(p.unitId)),
    ).toBe(true);
    const reader = await (await h.as('reader')).get('/plans?limit=500');
    expect(reader.body.items.some((p: { unitId: string }) => p.unitId === h.tenant.unitB)).toBe(false);
    expect(reader.body.total).toBe(reader.body.items.length);
    const auditor = await (await h.as('auditor')).get('/plans?limit=500');
    expect(auditor.body.items.some((p: { unitId: string }) => p.unitId === h.tenant.unitB)).toBe(true);
  });
});
