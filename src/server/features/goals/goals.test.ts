import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createHarness, type Harness } from '../../../../test/support/harness.ts';
import { describeResourceContract, MANAGER_ROLES } from '../../../../test/support/resource-contract.ts';

describe('goals', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.close());

  describeResourceContract(
    {
      resource: 'goals',
      entityType: 'goal',
      archivable: true,
      async create(harness, unit) {
        const reply = await (
          await harness.as('tenantAdmin')
        ).post('/goals', {
          unitId: harness.tenant[unit],
          year: 2026,
          title: 'Nöjda brukare',
          indicator: 'Andel nöjda i brukarenkäten',
          target: 'Minst 85 %',
        });
        expect(reply.status).toBe(201);
        return reply.body.id as string;
      },
      change: (n) => ({ title: `Nöjda brukare ${n}` }),
      changedField: 'title',
      roles: MANAGER_ROLES,
    },
    () => h,
  );

  test('a coordinator adds goals that go last; the list is per unit and year, or a subtree', async () => {
    const coordinator = await h.as('coordinator');
    const first = await coordinator.post('/goals', { unitId: h.tenant.unitA1, year: 2027, title: 'Mål ett' });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      unitId: h.tenant.unitA1,
      year: 2027,
      title: 'Mål ett',
      description: null,
      indicator: null,
      target: null,
      sortOrder: 0,
      archivedAt: null,
      version: 1,
    });
    const second = await coordinator.post('/goals', {
      unitId: h.tenant.unitA1,
      year: 2027,
      title: 'Mål två',
      description: '**Viktigt**',
    });
    expect(second.body.sortOrder).toBe(1);
    await coordinator.post('/goals', { unitId: h.tenant.unitA1, year: 2028, title: 'Nästa år' });

    const ofYear = await coordinator.get(`/goals?unitId=${h.tenant.unitA1}&year=2027`);
    expect(ofYear.body.items.map((g: { title: string }) => g.title)).toEqual(['Mål ett', 'Mål två']);
    const under = await coordinator.get(`/goals?under=${h.tenant.unitA}&year=2028`);
    expect(under.body.items.map((g: { title: string }) => g.title)).toContain('Nästa år');

    await coordinator.post(`/goals/${first.body.id}/archive`);
    const afterArchive = await coordinator.get(`/goals?unitId=${h.tenant.unitA1}&year=2027`);
    expect(afterArchive.body.items.map((g: { title: string }) => g.title)).toEqual(['Mål två']);
    const withArchived = await coordinator.get(`/goals?unitId=${h.tenant.unitA1}&year=2027&includeArchived=true`);
    expect(withArchived.body.total).toBe(2);
  });

  test('a goal needs a unit the caller manages, a year and a title', async () => {
    const coordinator = await h.as('coordinator');
    const outside = await coordinator.post('/goals', { unitId: h.tenant.unitB, year: 2026, title: 'Mål' });
    expect(outside.status).toBe(400);
    expect(outside.body.errors[0].path).toBe('unitId');
    const responsible = await h.as('responsible');
    expect((await responsible.post('/goals', { unitId: h.tenant.unitA, year: 2026, title: 'Mål' })).status).toBe(403);
    const missing = await coordinator.post('/goals', { unitId: h.tenant.unitA, title: '' });
    expect(missing.status).toBe(400);
    expect(missing.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['title', 'year']);
  });

  test('someone who does not read the unit lists none of its goals, and a subtree they cannot read is not found', async () => {
    const reader = await h.as('reader');
    const list = await reader.get(`/goals?unitId=${h.tenant.unitB}`);
    expect(list.body.items).toEqual([]);
    expect((await reader.get(`/goals?under=${h.tenant.unitB}`)).status).toBe(404);
  });
});
