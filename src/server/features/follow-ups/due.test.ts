import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createHarness, HARNESS_NOW, type Harness } from '../../../../test/support/harness.ts';

// What is due for a period is derived: from the period, the items' dates and checkpoints and
// status, and the follow-ups already written.

describe('follow-ups due for a period', () => {
  let h: Harness;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    h = await createHarness();
    const admin = await h.as('tenantAdmin');
    const planId = (
      await admin.post('/plans', {
        unitId: h.tenant.unitA,
        kind: 'internal_control',
        title: 'Internkontrollplan 2026',
        startYear: 2026,
      })
    ).body.id;
    const oldPlanId = (
      await admin.post('/plans', {
        unitId: h.tenant.unitA,
        kind: 'internal_control',
        title: 'Internkontrollplan 2025',
        startYear: 2025,
      })
    ).body.id;
    const riskId = (await admin.post('/risks', { planId, title: 'Risk' })).body.id;
    const oldRiskId = (await admin.post('/risks', { planId: oldPlanId, title: 'Gammal risk' })).body.id;
    const responsible = [h.userIds.responsible];
    ids.running = (
      await admin.post('/controls', {
        riskId,
        title: 'Löpande kontroll',
        startDate: '2026-01-01',
        endDate: '2026-12-31',
        checkpoints: ['2026-02-15', '2026-05-15'],
        responsibleIds: responsible,
      })
    ).body.id;
    ids.later = (
      await admin.post('/controls', {
        riskId,
        title: 'Börjar i höst',
        startDate: '2026-09-01',
        endDate: '2026-12-31',
        responsibleIds: responsible,
      })
    ).body.id;
    ids.done = (
      await admin.post('/controls', {
        riskId,
        title: 'Redan klar',
        endDate: '2026-03-01',
        statusId: h.tenant.statusIds.klar,
        responsibleIds: responsible,
      })
    ).body.id;
    ids.overdue = (
      await admin.post('/actions', { planId, riskId, title: 'Försenad åtgärd', endDate: '2026-01-15' })
    ).body.id;
    ids.reported = (
      await admin.post('/actions', {
        planId,
        riskId,
        title: 'Redan rapporterad',
        endDate: '2026-06-30',
        responsibleIds: responsible,
      })
    ).body.id;
    await admin.post('/follow-ups', {
      actionId: ids.reported,
      periodId: h.tenant.periodIds.q1,
      body: 'Klart för kvartalet.',
    });
    ids.oldYear = (await admin.post('/controls', { riskId: oldRiskId, title: 'Förra årets kontroll' })).body.id;
  });
  afterAll(() => h.close());

  test('the items of the period: running, overdue first, without those done, not yet started, already reported or of another year', async () => {
    const due = (await (await h.as('coordinator')).get(`/follow-ups/due?periodId=${h.tenant.periodIds.q1}`)).body.items;
    expect(due.map((item: { title: string }) => item.title)).toEqual(['Försenad åtgärd', 'Löpande kontroll']);
    expect(due[0]).toMatchObject({ kind: 'action', overdue: true, planTitle: 'Internkontrollplan 2026' });
    expect(due[1]).toMatchObject({ kind: 'control', checkpoints: ['2026-02-15'], overdue: false });
    const q2 = (await (await h.as('coordinator')).get(`/follow-ups/due?periodId=${h.tenant.periodIds.q2}`)).body.items;
    expect(q2.map((item: { title: string }) => item.title)).toEqual([
      'Försenad åtgärd',
      'Redan rapporterad',
      'Löpande kontroll',
    ]);
  });

  test('overdue in the due list is judged by the server clock: before the end date the action is not overdue', async () => {
    let coordinator = await h.as('coordinator');
    const overdueOf = async () =>
      (
        (await coordinator.get(`/follow-ups/due?periodId=${h.tenant.periodIds.q1}`)).body.items as {
          title: string;
          overdue: boolean;
        }[]
      ).find((item) => item.title === 'Försenad åtgärd')?.overdue;
    try {
      h.clock.set('2026-01-15T12:00:00Z');
      coordinator = await h.signIn('coordinator');
      expect(await overdueOf()).toBe(false);
      h.clock.set('2026-01-16T12:00:00Z');
      coordinator = await h.signIn('coordinator');
      expect(await overdueOf()).toBe(true);
    } finally {
      h.clock.set(HARNESS_NOW);
    }
  });

  test('narrowed to what a person answers for; a period that does not exist, or units one cannot read, give nothing away', async () => {
    const mine = (
      await (
        await h.as('responsible')
      ).get(`/follow-ups/due?periodId=${h.tenant.periodIds.q1}&assignedTo=${h.userIds.responsible}`)
    ).body.items;
    expect(mine.map((item: { title: string }) => item.title)).toEqual(['Löpande kontroll']);
    const wrong = await (
      await h.as('coordinator')
    ).get('/follow-ups/due?periodId=00000000-0000-7000-8000-000000000000');
    expect(wrong.body.errors[0].path).toBe('periodId');
    expect((await (await h.as('nobody')).get(`/follow-ups/due?periodId=${h.tenant.periodIds.q1}`)).body.items).toEqual(
      [],
    );
  });

  test('a control whose responsible function the person holds today is theirs too, as in Mitt arbete', async () => {
    const admin = await h.as('tenantAdmin');
    const riskId = (await admin.get(`/risks?under=${h.tenant.unitA}&year=2026`)).body.items[0].id;
    const held = (await admin.post('/unit-functions', { unitId: h.tenant.unitA, name: 'Controller' })).body.id;
    await admin.post(`/unit-functions/${held}/holders`, { userId: h.userIds.reader, validFrom: '2026-01-01' });
    const later = (await admin.post('/unit-functions', { unitId: h.tenant.unitA, name: 'Revisor' })).body.id;
    await admin.post(`/unit-functions/${later}/holders`, { userId: h.userIds.reader, validFrom: '2026-09-01' });
    for (const [title, fn] of [
      ['Genom funktionen', held],
      ['Funktionen från hösten', later],
    ] as const) {
      const created = await admin.post('/controls', { riskId, title, responsibleFunctionId: fn });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
    }
    const dueTo = async (userId: string) =>
      (
        await (await h.as('tenantAdmin')).get(`/follow-ups/due?periodId=${h.tenant.periodIds.q2}&assignedTo=${userId}`)
      ).body.items.map((item: { title: string }) => item.title);
    expect(await dueTo(h.userIds.reader!)).toEqual(['Genom funktionen']);
    expect(await dueTo(h.userIds.responsible!)).not.toContain('Genom funktionen');
  });
});
