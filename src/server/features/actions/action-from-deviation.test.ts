import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createHarness, type Harness } from '../../../../test/support/harness.ts';

// Skapa åtgärd from a deviation: the new action answers the deviation from the same change, or
// nothing is written at all.

describe('an action made from a deviation', () => {
  let h: Harness;
  let planId: string;
  let otherPlanId: string;
  let riskId: string;
  let controlId: string;
  let otherControlId: string;
  const severity = () => h.tenant.vocabularyIds.deviation_severity.significant;

  const newDeviation = async (control: string, title: string) => {
    const coordinator = await h.as('coordinator');
    const created = await coordinator.post('/deviations', {
      controlId: control,
      title,
      severityId: severity(),
      foundOn: '2026-05-20',
    });
    expect(created.status).toBe(201);
    return created.body as { id: string; version: number };
  };
  const actionsOfPlan = async (plan: string) =>
    (await (await h.as('coordinator')).get(`/actions?planId=${plan}&includeArchived=true`)).body.items as {
      id: string;
    }[];

  beforeAll(async () => {
    h = await createHarness();
    const admin = await h.as('tenantAdmin');
    const plan = async (title: string, startYear: number) =>
      (await admin.post('/plans', { unitId: h.tenant.unitA, kind: 'internal_control', title, startYear })).body
        .id as string;
    planId = await plan('Internkontrollplan 2026', 2026);
    otherPlanId = await plan('Internkontrollplan 2027', 2027);
    const control = async (plan: string) => {
      const risk = (await admin.post('/risks', { planId: plan, title: 'Felaktiga utbetalningar' })).body.id as string;
      const created = await admin.post('/controls', {
        riskId: risk,
        title: 'Stickprov av utbetalningar',
        responsibleIds: [h.userIds.responsible],
      });
      return { risk, control: created.body.id as string };
    };
    ({ risk: riskId, control: controlId } = await control(planId));
    ({ control: otherControlId } = await control(otherPlanId));
  });
  afterAll(() => h.close());

  test('answers the deviation: the deviation names the action, at a new version, and the change is in its history', async () => {
    const deviation = await newDeviation(controlId, 'Utbetalningar utan attest');
    const coordinator = await h.as('coordinator');
    const created = await coordinator.post('/actions', {
      planId,
      riskId,
      title: 'Inför attest före utbetalning',
      deviationId: deviation.id,
    });
    expect(created.status).toBe(201);
    const after = (await coordinator.get(`/deviations/${deviation.id}`)).body;
    expect(after.actionId).toBe(created.body.id);
    expect(after.version).toBe(deviation.version + 1);
    const history = (await coordinator.get(`/audit-events?entityType=deviation&entityId=${deviation.id}`)).body.items;
    expect(history.some((event: { changes: Record<string, unknown> }) => 'actionId' in event.changes)).toBe(true);
  });

  test('a deviation another action answers, of another plan, or unknown: refused at deviationId, and no action is made', async () => {
    const coordinator = await h.as('coordinator');
    const answered = await newDeviation(controlId, 'Saknad delegation');
    expect((await coordinator.post('/actions', { planId, title: 'Första', deviationId: answered.id })).status).toBe(
      201,
    );
    const elsewhere = await newDeviation(otherControlId, 'Avvikelse i en annan plan');
    const before = (await actionsOfPlan(planId)).length;
    for (const deviationId of [answered.id, elsewhere.id, '01900000-0000-7000-8000-00000000dead']) {
      const refused = await coordinator.post('/actions', { planId, title: 'Andra', deviationId });
      expect(refused.status).toBe(400);
      expect(refused.body.errors.map((error: { path: string }) => error.path)).toEqual(['deviationId']);
    }
    expect((await actionsOfPlan(planId)).length).toBe(before);
  });

  test('once the answering action is archived, a new action may answer the deviation', async () => {
    const coordinator = await h.as('coordinator');
    const deviation = await newDeviation(controlId, 'Avtal utan underskrift');
    const first = (await coordinator.post('/actions', { planId, title: 'Första', deviationId: deviation.id })).body;
    expect((await coordinator.post(`/actions/${first.id}/archive`)).status).toBe(200);
    const second = await coordinator.post('/actions', { planId, title: 'Andra', deviationId: deviation.id });
    expect(second.status).toBe(201);
    expect((await coordinator.get(`/deviations/${deviation.id}`)).body.actionId).toBe(second.body.id);
  });

  test('a reader may not, and another tenant does not find the deviation', async () => {
    const deviation = await newDeviation(controlId, 'Läsaren försöker');
    expect(
      (await (await h.as('reader')).post('/actions', { planId, title: 'Nej', deviationId: deviation.id })).status,
    ).toBe(403);
    const other = await h.as('otherAdmin');
    expect((await other.get(`/deviations/${deviation.id}`)).status).toBe(404);
  });
});
