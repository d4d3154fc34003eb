import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createHarness, type Harness } from '../../../../test/support/harness.ts';

describe('audit-events', () => {
  let h: Harness;
  let planA: { id: string; version: number };
  let planB: { id: string };
  beforeAll(async () => {
    h = await createHarness();
    const coordinator = await h.as('coordinator');
    planA = (
      await coordinator.post('/plans', {
        unitId: h.tenant.unitA,
        kind: 'internal_control',
        title: 'Plan A',
        startYear: 2026,
      })
    ).body;
    await coordinator.patch(`/plans/${planA.id}`, { title: 'Plan A, reviderad', version: planA.version });
    planB = (
      await (
        await h.as('tenantAdmin')
      ).post('/plans', { unitId: h.tenant.unitB, kind: 'internal_control', title: 'Plan B', startYear: 2026 })
    ).body;
  });
  afterAll(() => h.close());

  test('the history of an entity: who, when, and each changed field before and after, newest first', async () => {
    const reply = await (await h.as('reader')).get(`/audit-events?entityId=${planA.id}`);
    expect(reply.status).toBe(200);
    expect(reply.body.items.map((e: { operation: string }) => e.operation)).toEqual(['update', 'create']);
    expect(reply.body.items[0]).toMatchObject({
      entityType: 'plan',
      actorKind: 'user',
      actorUserId: h.userIds.coordinator,
      actorName: 'Person coordinator',
      unitId: h.tenant.unitA,
      changes: { title: ['Plan A', 'Plan A, reviderad'] },
    });
    expect(Object.keys(reply.body.items[0].changes)).toEqual(['title']);
  });

  test('a reader of A does not see the history of B; an auditor and the tenant administrator see all', async () => {
    expect((await (await h.as('reader')).get(`/audit-events?entityId=${planB.id}`)).body.items).toEqual([]);
    expect((await (await h.as('auditor')).get(`/audit-events?entityId=${planB.id}`)).body.items).toHaveLength(1);
    expect((await (await h.as('tenantAdmin')).get(`/audit-events?entityId=${planB.id}`)).body.items).toHaveLength(1);
    expect((await (await h.as('otherAdmin')).get(`/audit-events?entityId=${planA.id}`)).body.items).toEqual([]);
  });

  test('filters by actor, type and time', async () => {
    const auditor = await h.as('auditor');
    const byCoordinator = await auditor.get(`/audit-events?actorUserId=${h.userIds.coordinator}&entityType=plan`);
    expect(
      byCoordinator.body.items.every((e: { actorUserId: string }) => e.actorUserId === h.userIds.coordinator),
    ).toBe(true);
    expect(byCoordinator.body.total).toBe(2);
    const future = await auditor.get(`/audit-events?from=${encodeURIComponent('2999-01-01T00:00:00Z')}`);
    expect(future.body.items).toEqual([]);
    const bad = await auditor.get('/audit-events?from=igår');
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe('from');
  });

  test('the log cannot be written through the API', async () => {
    const reply = await (await h.as('tenantAdmin')).post('/audit-events', { entityId: planA.id });
    expect(reply.status).toBe(404);
  });
});
