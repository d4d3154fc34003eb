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

  test('a follow-up review links the review it follows up, both ways; itself, unknown, unread or a circle is 400 naming followsUpReviewId', async () => {
    const client = await h.as('coordinator');
    const original = (await client.post('/reviews', { planId: planIds.unitA, title: 'Granskning av inköp' })).body;
    expect(original).toMatchObject({
      unitId: h.tenant.unitA,
      followsUpReviewId: null,
      followsUpReview: null,
      followUpReviews: [],
    });
    const followUp = await client.post('/reviews', {
      planId: planIds.unitA,
      title: 'Uppföljande granskning av inköp',
      followsUpReviewId: original.id,
    });
    expect(followUp.status).toBe(201);
    expect(followUp.body.followsUpReview).toEqual({
      id: original.id,
      title: 'Granskning av inköp',
      diarienummer: null,
    });
    const reread = (await client.get(`/reviews/${original.id}`)).body;
    expect(reread.followUpReviews).toEqual([
      { id: followUp.body.id, title: 'Uppföljande granskning av inköp', diarienummer: null },
    ]);
    const listed = (await client.get(`/reviews?planId=${planIds.unitA}`)).body.items;
    expect(listed.find((item: { id: string }) => item.id === original.id).followUpReviews).toHaveLength(1);

    const unreadable = (await (await h.as('tenantAdmin')).post('/reviews', { planId: planIds.unitB, title: 'B' })).body;
    const refused = [
      await client.patch(`/reviews/${original.id}`, { version: reread.version, followsUpReviewId: original.id }),
      await client.patch(`/reviews/${original.id}`, { version: reread.version, followsUpReviewId: followUp.body.id }),
      await client.post('/reviews', { planId: planIds.unitA, title: 'G', followsUpReviewId: unreadable.id }),
      await client.post('/reviews', {
        planId: planIds.unitA,
        title: 'G',
        followsUpReviewId: '00000000-0000-4000-8000-000000000000',
      }),
    ];
    for (const reply of refused) {
      expect(reply.status).toBe(400);
      expect(reply.body.errors.map((error: { path: string }) => error.path)).toEqual(['followsUpReviewId']);
    }
  });
});
