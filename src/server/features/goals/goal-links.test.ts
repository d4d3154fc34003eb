import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { auditEvents } from '../../db/schema/audit-events.ts';
import { createHarness, type Harness } from '../../../../test/support/harness.ts';

describe('risks and actions linked to goals', () => {
  let h: Harness;
  let planId = '';
  const goal: Record<string, string> = {};
  beforeAll(async () => {
    h = await createHarness();
    const admin = await h.as('tenantAdmin');
    planId = (
      await admin.post('/plans', {
        unitId: h.tenant.unitA,
        kind: 'internal_control',
        title: 'IK-plan 2026–2027',
        startYear: 2026,
        endYear: 2027,
      })
    ).body.id;
    const add = async (name: string, unitId: string, year: number) => {
      const reply = await admin.post('/goals', { unitId, year, title: name });
      expect(reply.status).toBe(201);
      goal[name] = reply.body.id;
    };
    await add('A 2026', h.tenant.unitA, 2026);
    await add('A 2027', h.tenant.unitA, 2027);
    await add('Kommunen 2026', h.tenant.rootId, 2026);
    await add('A1 2026', h.tenant.unitA1, 2026);
    await add('B 2026', h.tenant.unitB, 2026);
    await add('A 2030', h.tenant.unitA, 2030);
  });
  afterAll(() => h.close());

  const auditOf = async (entityId: string) =>
    h.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.tenantId, h.tenant.tenantId), eq(auditEvents.entityId, entityId)))
      .orderBy(auditEvents.occurredAt);

  test('a risk links to goals of its unit or one above, for a year of the plan; the links are replaced as a set and audited', async () => {
    const coordinator = await h.as('coordinator');
    const created = await coordinator.post('/risks', {
      planId,
      title: 'Låg måluppfyllelse',
      goalIds: [goal['A 2026'], goal['Kommunen 2026']],
    });
    expect(created.status).toBe(201);
    expect([...created.body.goalIds].sort()).toEqual([goal['A 2026'], goal['Kommunen 2026']].sort());
    const riskId = created.body.id as string;

    const changed = await coordinator.patch(`/risks/${riskId}`, {
      version: created.body.version,
      goalIds: [goal['A 2027']],
    });
    expect(changed.status).toBe(200);
    expect(changed.body.goalIds).toEqual([goal['A 2027']]);
    expect(changed.body.version).toBe(created.body.version + 1);
    expect((await coordinator.get(`/risks/${riskId}`)).body.goalIds).toEqual([goal['A 2027']]);
    const listed = await coordinator.get(`/risks?planId=${planId}`);
    expect(listed.body.items.find((r: { id: string }) => r.id === riskId).goalIds).toEqual([goal['A 2027']]);

    const events = await auditOf(riskId);
    expect(events[0]!.changes).toHaveProperty('goalIds');
    expect(events.at(-1)!.changes).toEqual({
      goalIds: [expect.arrayContaining([goal['A 2026'], goal['Kommunen 2026']]), [goal['A 2027']]],
    });

    const same = await coordinator.patch(`/risks/${riskId}`, {
      version: changed.body.version,
      goalIds: [goal['A 2027']],
    });
    expect(same.body.version).toBe(changed.body.version);
    const cleared = await coordinator.patch(`/risks/${riskId}`, { version: changed.body.version, goalIds: [] });
    expect(cleared.body.goalIds).toEqual([]);
  });

  test('a goal of another unit, a unit below, another year, or none at all is refused naming goalIds.N', async () => {
    const coordinator = await h.as('coordinator');
    const reply = await coordinator.post('/risks', {
      planId,
      title: 'Risk',
      goalIds: [
        goal['A 2026'],
        goal['B 2026'],
        goal['A1 2026'],
        goal['A 2030'],
        '00000000-0000-7000-8000-000000000000',
      ],
    });
    expect(reply.status).toBe(400);
    expect(reply.body.errors.map((e: { path: string }) => e.path)).toEqual([
      'goalIds.1',
      'goalIds.2',
      'goalIds.3',
      'goalIds.4',
    ]);
    expect(reply.body.errors[0].message).toContain('B 2026');
    const repeated = await coordinator.post('/risks', {
      planId,
      title: 'Risk',
      goalIds: [goal['A 2026'], goal['A 2026']],
    });
    expect(repeated.body.errors).toEqual([{ path: 'goalIds.1', message: 'Samma mål står flera gånger.' }]);
  });

  test('an archived goal is not linked anew, but an existing link stays', async () => {
    const coordinator = await h.as('coordinator');
    const archivable = await coordinator.post('/goals', { unitId: h.tenant.unitA, year: 2026, title: 'Tillfälligt' });
    const risk = await coordinator.post('/risks', { planId, title: 'Risk', goalIds: [archivable.body.id] });
    await coordinator.post(`/goals/${archivable.body.id}/archive`);
    const kept = await coordinator.patch(`/risks/${risk.body.id}`, {
      version: risk.body.version,
      goalIds: [archivable.body.id, goal['A 2026']],
    });
    expect(kept.status).toBe(200);
    const refused = await coordinator.post('/risks', { planId, title: 'Risk', goalIds: [archivable.body.id] });
    expect(refused.body.errors[0].path).toBe('goalIds.0');
  });

  test('an action links to goals; only the unit’s managers change which', async () => {
    const coordinator = await h.as('coordinator');
    const created = await coordinator.post('/actions', {
      planId,
      title: 'Ta fram rutin',
      responsibleIds: [h.userIds.responsible],
      goalIds: [goal['A 2026']],
    });
    expect(created.status).toBe(201);
    expect(created.body.goalIds).toEqual([goal['A 2026']]);
    const events = await auditOf(created.body.id);
    expect(events[0]!.changes.goalIds).toEqual([[], [goal['A 2026']]]);

    const responsible = await h.as('responsible');
    const forbidden = await responsible.patch(`/actions/${created.body.id}`, {
      version: created.body.version,
      goalIds: [goal['A 2027']],
    });
    expect(forbidden.status).toBe(403);
    const unchanged = await responsible.patch(`/actions/${created.body.id}`, {
      version: created.body.version,
      goalIds: [goal['A 2026']],
      measuresTaken: 'Klart',
    });
    expect(unchanged.status).toBe(200);

    const changed = await coordinator.patch(`/actions/${created.body.id}`, {
      version: unchanged.body.version,
      goalIds: [goal['A 2027'], goal['Kommunen 2026']],
    });
    expect(changed.status).toBe(200);
    expect([...changed.body.goalIds].sort()).toEqual([goal['A 2027'], goal['Kommunen 2026']].sort());
    expect((await auditOf(created.body.id)).at(-1)!.changes).toEqual({
      goalIds: [[goal['A 2026']], expect.arrayContaining([goal['A 2027'], goal['Kommunen 2026']])],
    });
    const wrong = await coordinator.patch(`/actions/${created.body.id}`, {
      version: changed.body.version,
      goalIds: [goal['B 2026']],
    });
    expect(wrong.body.errors[0].path).toBe('goalIds.0');
  });

  test('the plan overview gives each risk and action its goalIds, as GET /risks and /actions do', async () => {
    const admin = await h.as('tenantAdmin');
    const plan = (
      await admin.post('/plans', {
        unitId: h.tenant.unitA,
        kind: 'internal_control',
        title: 'Översikt',
        startYear: 2026,
      })
    ).body.id;
    const linked = (await admin.post('/risks', { planId: plan, title: 'Med mål', goalIds: [goal['A 2026']] })).body;
    await admin.post('/risks', { planId: plan, title: 'Utan mål' });
    await admin.post('/actions', {
      planId: plan,
      riskId: linked.id,
      title: 'Svarar',
      goalIds: [goal['Kommunen 2026']],
    });
    await admin.post('/actions', { planId: plan, title: 'Fristående', goalIds: [goal['A 2026']] });
    const overview = (await (await h.as('reader')).get(`/plans/${plan}/overview`)).body;
    expect(overview.risks.map((risk: { title: string; goalIds: string[] }) => [risk.title, risk.goalIds])).toEqual([
      ['Med mål', [goal['A 2026']]],
      ['Utan mål', []],
    ]);
    expect(overview.risks[0].actions.map((action: { goalIds: string[] }) => action.goalIds)).toEqual([
      [goal['Kommunen 2026']],
    ]);
    expect(overview.actionsWithoutRisk.map((action: { goalIds: string[] }) => action.goalIds)).toEqual([
      [goal['A 2026']],
    ]);
  });

  test('a roll-over carries the links to goals of the new plan’s years and drops the others', async () => {
    const admin = await h.as('tenantAdmin');
    const old = (
      await admin.post('/plans', {
        unitId: h.tenant.unitA1,
        kind: 'internal_control',
        title: 'Plan 2026',
        startYear: 2026,
        endYear: 2027,
      })
    ).body;
    const risk = await admin.post('/risks', {
      planId: old.id,
      title: 'Risk',
      goalIds: [goal['A 2026'], goal['A 2027']],
    });
    const action = await admin.post('/actions', { planId: old.id, title: 'Åtgärd', goalIds: [goal['Kommunen 2026']] });
    expect(risk.status).toBe(201);
    expect(action.status).toBe(201);
    const adopted = await admin.post(`/plans/${old.id}/adopt`, { version: old.version, decisionDate: '2026-02-10' });
    expect(adopted.status, JSON.stringify(adopted.body)).toBe(200);
    const rolled = await admin.post(`/plans/${old.id}/roll-over`, { startYear: 2027, endYear: 2027 });
    expect(rolled.status, JSON.stringify(rolled.body)).toBe(201);
    const newRisks = (await admin.get(`/risks?planId=${rolled.body.planId}`)).body.items;
    expect(newRisks.map((r: { goalIds: string[] }) => r.goalIds)).toEqual([[goal['A 2027']]]);
    const newActions = (await admin.get(`/actions?planId=${rolled.body.planId}`)).body.items;
    expect(newActions.map((a: { goalIds: string[] }) => a.goalIds)).toEqual([[]]);
    expect((await auditOf(newRisks[0].id))[0]!.changes.goalIds).toEqual([[], [goal['A 2027']]]);
  });

  test('the plan report names the goals of each risk and action that has any', async () => {
    const admin = await h.as('tenantAdmin');
    const risk = await admin.post('/risks', {
      planId,
      title: 'Målrisk',
      goalIds: [goal['Kommunen 2026'], goal['A 2026']],
    });
    await admin.post('/actions', { planId, riskId: risk.body.id, title: 'Målåtgärd', goalIds: [goal['A 2027']] });
    const reply = await admin.get(`/reports/plan?unit=${h.tenant.unitA}&period=2026-2027&format=md`);
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    const markdown = reply.body as string;
    expect(markdown).toContain('Mål: A 2026, Kommunen 2026');
    expect(markdown).toContain('Mål: A 2027');
    const english = (await admin.get(`/reports/plan?unit=${h.tenant.unitA}&period=2026-2027&format=md&lang=en`))
      .body as string;
    expect(english).toContain('Goals: A 2026, Kommunen 2026');
  });
});
