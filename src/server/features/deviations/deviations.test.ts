import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createHarness, type Harness } from '../../../../test/support/harness.ts';
import { describeResourceContract, ITEM_ROLES } from '../../../../test/support/resource-contract.ts';

describe('deviations', () => {
  let h: Harness;
  const planIds = { unitA: '', unitB: '' };
  const controlIds = { unitA: '', unitB: '' };
  beforeAll(async () => {
    h = await createHarness();
    const admin = await h.as('tenantAdmin');
    for (const unit of ['unitA', 'unitB'] as const) {
      planIds[unit] = (
        await admin.post('/plans', {
          unitId: h.tenant[unit],
          kind: 'internal_control',
          title: 'IK-plan',
          startYear: 2026,
        })
      ).body.id;
      const riskId = (await admin.post('/risks', { planId: planIds[unit], title: 'Risk' })).body.id;
      controlIds[unit] = (
        await admin.post('/controls', {
          riskId,
          title: 'Kontroll av attester',
          responsibleIds: [h.userIds.responsible],
        })
      ).body.id;
    }
  });
  afterAll(() => h.close());

  describeResourceContract(
    {
      resource: 'deviations',
      entityType: 'deviation',
      async create(harness, unit) {
        const reply = await (
          await harness.as('tenantAdmin')
        ).post('/deviations', {
          controlId: controlIds[unit],
          title: 'Fakturor attesterade av fel person',
          severityId: h.tenant.vocabularyIds.deviation_severity.significant,
        });
        expect(reply.status).toBe(201);
        return reply.body.id as string;
      },
      change: (n) => ({ description: `Tre av ${20 + n} fakturor.` }),
      changedField: 'description',
      roles: ITEM_ROLES,
    },
    () => h,
  );

  test('the flow: a responsible person reports it from a follow-up; it closes only when an action with a responsible person and an end date answers it', async () => {
    const responsible = await h.as('responsible');
    const followUp = (
      await responsible.post('/follow-ups', {
        controlId: controlIds.unitA,
        periodId: h.tenant.periodIds.q1,
        body: 'Avvikelse funnen.',
      })
    ).body;
    const reported = await responsible.post('/deviations', {
      controlId: controlIds.unitA,
      followUpId: followUp.id,
      title: 'Saknad attest',
      severityId: h.tenant.vocabularyIds.deviation_severity.very_significant,
      reportedToId: h.userIds.coordinator,
      reportedToText: 'Nämnden',
      reportedOn: '2026-03-20',
    });
    expect(reported.status).toBe(201);
    expect(reported.body).toMatchObject({
      state: 'open',
      foundById: h.userIds.responsible,
      followUpId: followUp.id,
      severity: {
        id: h.tenant.vocabularyIds.deviation_severity.very_significant,
        key: 'very_significant',
        labelSv: 'Mycket väsentlig',
        labelEn: 'Very significant',
        archived: false,
      },
    });

    const closeTooSoon = await responsible.patch(`/deviations/${reported.body.id}`, {
      state: 'closed',
      version: reported.body.version,
    });
    expect(closeTooSoon.status).toBe(400);
    expect(closeTooSoon.body.errors[0].path).toBe('state');

    const coordinator = await h.as('coordinator');
    const action = (
      await coordinator.post('/actions', { planId: planIds.unitA, title: 'Inför dubbel attest', endDate: '2026-06-30' })
    ).body;
    const noPerson = await responsible.patch(`/deviations/${reported.body.id}`, {
      state: 'closed',
      actionId: action.id,
      version: reported.body.version,
    });
    expect(noPerson.status).toBe(400);
    await coordinator.patch(`/actions/${action.id}`, {
      responsibleIds: [h.userIds.responsible],
      version: action.version,
    });
    const closed = await responsible.patch(`/deviations/${reported.body.id}`, {
      state: 'closed',
      actionId: action.id,
      version: reported.body.version,
    });
    expect(closed.status).toBe(200);
    expect(closed.body.closedAt).not.toBeNull();

    const list = await (
      await h.as('reader')
    ).get(
      `/deviations?planId=${planIds.unitA}&state=closed&severityId=${h.tenant.vocabularyIds.deviation_severity.very_significant}`,
    );
    expect(list.body.items.map((d: { id: string }) => d.id)).toEqual([reported.body.id]);
  });

  test.each([
    {
      missing: 'an end date',
      action: (h: Harness) => ({ title: 'Åtgärd utan slutdatum', responsibleIds: [h.userIds.responsible] }),
    },
    { missing: 'a responsible person', action: () => ({ title: 'Åtgärd utan ansvarig', endDate: '2026-06-30' }) },
  ])(
    'a deviation cannot be closed by an action without $missing: 400 naming state, and it stays open',
    async ({ action }) => {
      const coordinator = await h.as('coordinator');
      const deviation = (
        await coordinator.post('/deviations', {
          controlId: controlIds.unitA,
          title: 'Avvikelse som ska stängas',
          severityId: h.tenant.vocabularyIds.deviation_severity.significant,
        })
      ).body;
      const answer = await coordinator.post('/actions', { planId: planIds.unitA, ...action(h) });
      expect(answer.status).toBe(201);
      const refused = await coordinator.patch(`/deviations/${deviation.id}`, {
        state: 'closed',
        actionId: answer.body.id,
        version: deviation.version,
      });
      expect(refused.status).toBe(400);
      expect(refused.body.errors).toEqual([
        {
          path: 'state',
          message: 'En avvikelse kan stängas först när en åtgärd med ansvarig person och slutdatum svarar mot den.',
        },
      ]);
      expect((await coordinator.get(`/deviations/${deviation.id}`)).body).toMatchObject({
        state: 'open',
        closedAt: null,
        actionId: null,
      });
    },
  );

  test('a follow-up of another control cannot be named; a reader cannot report', async () => {
    const admin = await h.as('tenantAdmin');
    const otherFollowUp = (
      await admin.post('/follow-ups', { controlId: controlIds.unitB, periodId: h.tenant.periodIds.q1, body: 'x' })
    ).body;
    const reply = await admin.post('/deviations', {
      controlId: controlIds.unitA,
      followUpId: otherFollowUp.id,
      title: 'A',
      severityId: h.tenant.vocabularyIds.deviation_severity.minor,
    });
    expect(reply.body.errors).toEqual([{ path: 'followUpId', message: 'Finns inte för kontrollen.' }]);
    expect(
      (
        await (
          await h.as('reader')
        ).post('/deviations', {
          controlId: controlIds.unitA,
          title: 'A',
          severityId: h.tenant.vocabularyIds.deviation_severity.minor,
        })
      ).status,
    ).toBe(403);
    // A severity is an entry of the tenant's severities: not a word, not another list's entry.
    const word = await admin.post('/deviations', { controlId: controlIds.unitA, title: 'A', severity: 'huge' });
    expect(word.status).toBe(400);
    const method = await admin.post('/deviations', {
      controlId: controlIds.unitA,
      title: 'A',
      severityId: h.tenant.vocabularyIds.control_method.stickprov,
    });
    expect(method.body.errors[0].path).toBe('severityId');
  });
});
