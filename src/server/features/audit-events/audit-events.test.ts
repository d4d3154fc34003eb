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

  test('each event names its item, and the people, units and vocabulary entries its changes hold', async () => {
    const coordinator = await h.as('coordinator');
    const risk = (
      await coordinator.post('/risks', {
        planId: planA.id,
        title: 'Jäv vid upphandling',
        processId: h.tenant.vocabularyIds.process.ekonomi,
        ownerId: h.userIds.responsible,
        likelihood: 2,
        consequence: 3,
      })
    ).body;
    const moved = await coordinator.patch(`/risks/${risk.id}`, { ownerId: h.userIds.reader, version: risk.version });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    const reader = await h.as('reader');
    const history = (await reader.get(`/audit-events?entityId=${risk.id}`)).body.items;
    expect(history[0]).toMatchObject({
      entityTitle: 'Jäv vid upphandling',
      changes: { ownerId: [h.userIds.responsible, h.userIds.reader] },
      names: { [h.userIds.responsible!]: 'Person responsible', [h.userIds.reader!]: 'Person reader' },
    });
    expect(history[1].names[h.tenant.vocabularyIds.process.ekonomi!]).toBe('Ekonomi');
    const inEnglish = (await reader.get(`/audit-events?entityId=${risk.id}`, { 'accept-language': 'en' })).body.items;
    expect(inEnglish[1].names[h.tenant.vocabularyIds.process.ekonomi!]).toBe('Finance');
    const plan = (await reader.get(`/audit-events?entityId=${planA.id}`)).body.items;
    // The current title, also on the event that created the plan under its first one.
    expect(plan.map((e: { entityTitle: string }) => e.entityTitle)).toEqual(['Plan A, reviderad', 'Plan A, reviderad']);
    expect(plan[1].names[h.tenant.unitA]).toBe('Nämnd A');
    // Only ids are named: a title that is not an id stays as it was.
    expect(Object.values(plan[0].names)).toEqual([]);
  });

  test('a status is named in the language asked for', async () => {
    const coordinator = await h.as('coordinator');
    const risk = (await coordinator.post('/risks', { planId: planA.id, title: 'Risk', likelihood: 1, consequence: 1 }))
      .body;
    const created = await coordinator.post('/actions', {
      planId: planA.id,
      riskId: risk.id,
      title: 'Rutin för jäv',
      statusId: h.tenant.statusIds['ej-paborjad'],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const events = (
      await (await h.as('auditor')).get(`/audit-events?entityId=${created.body.id}`, { 'accept-language': 'en' })
    ).body.items;
    expect(events[0].entityTitle).toBe('Rutin för jäv');
    expect(events[0].names[h.tenant.statusIds['ej-paborjad']!]).toBe('Not started');
  });

  test('the log cannot be written through the API', async () => {
    const reply = await (await h.as('tenantAdmin')).post('/audit-events', { entityId: planA.id });
    expect(reply.status).toBe(404);
  });
});
