import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createHarness, type Harness } from '../../../../test/support/harness.ts';

describe('GET /overview', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
    const admin = await h.as('tenantAdmin');
    const planA1 = (
      await admin.post('/plans', {
        unitId: h.tenant.unitA1,
        kind: 'internal_control',
        title: 'Plan A1 2026',
        startYear: 2026,
      })
    ).body.id;
    const risk = (
      await admin.post('/risks', { planId: planA1, title: 'Risk med värde', likelihood: 2, consequence: 3 })
    ).body;
    await admin.post('/risks', { planId: planA1, title: 'Risk utan bedömning' });
    await admin.post('/controls', {
      riskId: risk.id,
      title: 'Slutar i går',
      endDate: '2026-06-14',
      statusId: h.tenant.statusIds.pagaende,
    });
    await admin.post('/controls', {
      riskId: risk.id,
      title: 'Klar i tid',
      endDate: '2026-06-01',
      statusId: h.tenant.statusIds.klar,
    });
    const activityPlan = (
      await admin.post('/plans', {
        unitId: h.tenant.unitB,
        kind: 'activity',
        title: 'Aktivitetsplan B 2025–2026',
        startYear: 2025,
        endYear: 2026,
      })
    ).body.id;
    expect(
      (
        await admin.post('/activities', {
          planId: activityPlan,
          number: '1',
          title: 'Aktivitet utan status',
          endDate: '2025-12-31',
        })
      ).status,
    ).toBe(201);
  });
  afterAll(() => h.close());

  test('counts per unit under the scope, over every plan kind, with the matrix in counts and the unassessed risks', async () => {
    const reply = await (await h.as('tenantAdmin')).get(`/overview?year=2026&unit=${h.tenant.rootId}`);
    expect(reply.status).toBe(200);
    const byName = Object.fromEntries(reply.body.rows.map((row: { unit: { name: string } }) => [row.unit.name, row]));
    expect(Object.keys(byName)).toEqual(['Nämnd A', 'Nämnd B']);
    expect(byName['Nämnd A']).toMatchObject({
      items: 2,
      overdue: 1,
      risks: 2,
      unassessedRisks: 1,
      highestRiskValue: 6,
      statuses: { in_progress: 1, completed: 1, none: 0 },
    });
    expect(byName['Nämnd B']).toMatchObject({ items: 1, overdue: 1, risks: 0, statuses: { none: 1 } });
    expect(reply.body.matrix.cells).toEqual([{ likelihood: 2, consequence: 3, count: 1 }]);
    expect(reply.body.matrix.unassessedRisks).toBe(1);
  });

  test("overdue is measured against the request's clock", async () => {
    const admin = await h.as('tenantAdmin');
    h.clock.set('2026-06-10T10:00:00Z');
    try {
      const row = (await admin.get(`/overview?year=2026&unit=${h.tenant.rootId}`)).body.rows.find(
        (candidate: { unit: { id: string } }) => candidate.unit.id === h.tenant.unitA,
      );
      expect(row.overdue).toBe(0);
    } finally {
      h.clock.set('2026-06-15T10:00:00Z');
    }
  });

  test('a caller sees and counts only what they read: their nämnd by default, another nämnd is not found', async () => {
    const coordinator = await h.as('coordinator');
    const own = await coordinator.get('/overview?year=2026');
    expect(own.status).toBe(200);
    expect(own.body.unit.id).toBe(h.tenant.unitA);
    expect(own.body.rows.map((row: { unit: { name: string } }) => row.unit.name)).toEqual(['Förvaltning A1']);
    expect((await coordinator.get(`/overview?year=2026&unit=${h.tenant.unitB}`)).status).toBe(404);
    expect((await (await h.as('otherAdmin')).get(`/overview?year=2026&unit=${h.tenant.rootId}`)).status).toBe(404);
    expect((await h.anonymous.get('/overview?year=2026')).status).toBe(401);
    expect((await coordinator.get('/overview')).status).toBe(400);
  });
});
