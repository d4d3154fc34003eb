import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createHarness, type Harness } from '../../../../test/support/harness.ts';
import { describeResourceContract } from '../../../../test/support/resource-contract.ts';

describe('reviews', () => {
  let h: Harness;
  const planIds = { unitA: '', unitB: '' };
  beforeAll(async () => {
    h = await createHarness();
    const admin = await h.as('tenantAdmin');
    for (const unit of ['unitA', 'unitB'] as const) {
      planIds[unit] = (
        await admin.post('/plans', {
          unitId: h.tenant[unit],
          kind: 'internal_control',
          title: 'IK-plan',
          startYear: 2020,
        })
      ).body.id;
    }
  });
  afterAll(() => h.close());

  describeResourceContract(
    {
      resource: 'reviews',
      entityType: 'review',
      async create(harness, unit) {
        const reply = await (
          await harness.as('tenantAdmin')
        ).post('/reviews', { planId: planIds[unit], title: 'Granskning av studiero', diarienummer: 'GRF-2020-11639' });
        expect(reply.status).toBe(201);
        return reply.body.id as string;
      },
      change: (n) => ({ findings: `Granskningen visar ${n} brister.` }),
      changedField: 'findings',
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

  test('a review records the nämnd’s decision: body, meeting date and protokoll §; lists sort by meeting date', async () => {
    const client = await h.as('coordinator');
    const reply = await client.post('/reviews', {
      planId: planIds.unitA,
      title: 'Granskning av frånvarorutiner',
      decisionUnitId: h.tenant.unitA,
      meetingDate: '2020-12-15',
      decisionParagraph: '§ 169',
    });
    expect(reply.body).toMatchObject({
      meetingDate: '2020-12-15',
      decisionParagraph: '§ 169',
      decisionUnitId: h.tenant.unitA,
    });
    const listed = await client.get(`/reviews?planId=${planIds.unitA}&sort=-meetingDate`);
    expect(listed.body.items[0].id).toBe(reply.body.id);
    const risk = (await (await h.as('tenantAdmin')).post('/risks', { planId: planIds.unitB, title: 'R' })).body;
    const wrongRisk = await client.post('/reviews', { planId: planIds.unitA, title: 'G', riskId: risk.id });
    expect(wrongRisk.body.errors).toEqual([{ path: 'riskId', message: 'Finns inte i planen.' }]);
  });
});
