import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { describeResourceContract } from '../../../../test/support/resource-contract.ts';
import { createHarness, type Harness } from '../../../../test/support/harness.ts';

describe('recommendations of reviews and auditors', () => {
  let h: Harness;
  const reviewIds = { unitA: '', unitB: '' };
  beforeAll(async () => {
    h = await createHarness();
    const admin = await h.as('tenantAdmin');
    for (const unit of ['unitA', 'unitB'] as const) {
      const planId = (
        await admin.post('/plans', {
          unitId: h.tenant[unit],
          kind: 'internal_control',
          title: 'IK-plan',
          startYear: 2026,
        })
      ).body.id;
      reviewIds[unit] = (
        await admin.post('/reviews', { planId, title: 'Granskning av inköp', diarienummer: 'GRF-2026-00100' })
      ).body.id;
    }
  });
  afterAll(() => h.close());

  describeResourceContract(
    {
      resource: 'recommendations',
      entityType: 'recommendation',
      async create(harness, unit) {
        const reply = await (
          await harness.as('tenantAdmin')
        ).post('/recommendations', {
          reviewId: reviewIds[unit],
          recommendedBy: 'Revisorerna',
          recommendation: 'Inför stickprovskontroller av inköp.',
        });
        expect(reply.status).toBe(201);
        return reply.body.id as string;
      },
      change: (n) => ({ answer: `Nämnden svarar ${n}.` }),
      changedField: 'answer',
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

  test('recommendation → the nämnd’s answer → what was done → status, followed until done; open and overdue are derived', async () => {
    const coordinator = await h.as('coordinator');
    const created = await coordinator.post('/recommendations', {
      reviewId: reviewIds.unitA,
      recommendedBy: 'Revisorerna',
      recommendation: 'Dokumentera attesträtten.',
      dueDate: '2020-06-30',
    });
    expect(created.status).toBe(201);
    expect(
      (await coordinator.post('/recommendations', { reviewId: reviewIds.unitA, recommendation: '  ' })).body.errors[0]
        .path,
    ).toBe('recommendation');
    expect(
      (await coordinator.post('/recommendations', { reviewId: reviewIds.unitB, recommendation: 'X' })).status,
    ).toBe(400);

    let overdue = (await coordinator.get(`/recommendations?reviewId=${reviewIds.unitA}&overdue=true`)).body.items;
    expect(overdue.map((item: { id: string }) => item.id)).toEqual([created.body.id]);

    const answered = await coordinator.patch(`/recommendations/${created.body.id}`, {
      version: created.body.version,
      answer: 'Nämnden instämmer.',
      answeredOn: '2020-05-12',
      actionsTaken: 'Attestordningen är uppdaterad.',
      statusId: h.tenant.statusIds.genomford,
    });
    expect(answered.body).toMatchObject({
      answer: 'Nämnden instämmer.',
      answeredOn: '2020-05-12',
      actionsTaken: 'Attestordningen är uppdaterad.',
    });
    overdue = (await coordinator.get(`/recommendations?reviewId=${reviewIds.unitA}&overdue=true`)).body.items;
    expect(overdue).toEqual([]);
    const open = (await coordinator.get(`/recommendations?reviewId=${reviewIds.unitA}&open=true`)).body.items;
    expect(open.map((item: { id: string }) => item.id)).not.toContain(created.body.id);
    const done = (await coordinator.get(`/recommendations?reviewId=${reviewIds.unitA}&open=false`)).body.items;
    expect(done.map((item: { id: string }) => item.id)).toContain(created.body.id);
  });
});
