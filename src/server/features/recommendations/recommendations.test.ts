import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { auditEvents } from '../../db/schema/audit-events.ts';
import { ITEM_ROLES, describeResourceContract } from '../../../../test/support/resource-contract.ts';
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

  describeResourceContract(
    {
      resource: 'recommendation-addressees',
      entityType: 'recommendation_addressee',
      async create(harness, unit) {
        const admin = await harness.as('tenantAdmin');
        const recommendation = await admin.post('/recommendations', {
          reviewId: reviewIds[unit],
          recommendation: 'Följ upp avtalstroheten.',
        });
        const reply = await admin.post(`/recommendations/${recommendation.body.id}/addressees`, {
          unitId: harness.tenant[unit],
        });
        expect(reply.status, JSON.stringify(reply.body)).toBe(201);
        return reply.body.id as string;
      },
      change: (n) => ({ answer: `Nämnden svarar ${n}.` }),
      changedField: 'answer',
      // The addressed unit's managers and responsible people write its answer.
      roles: ITEM_ROLES,
    },
    () => h,
  );

  test('sub-recommendations: numbered, of the same review, one level deep, never a circle (400 naming parentId)', async () => {
    const client = await h.as('coordinator');
    const parent = (
      await client.post('/recommendations', {
        reviewId: reviewIds.unitA,
        number: '2',
        recommendation: 'Stärk attesten.',
      })
    ).body;
    expect(parent).toMatchObject({ number: '2', parentId: null, addressees: [] });
    const child = await client.post('/recommendations', {
      reviewId: reviewIds.unitA,
      parentId: parent.id,
      number: '2.1',
      recommendation: 'Dokumentera attesträtten.',
    });
    expect(child.status).toBe(201);
    expect(child.body).toMatchObject({ number: '2.1', parentId: parent.id });

    const otherReview = (
      await (await h.as('tenantAdmin')).post('/recommendations', { reviewId: reviewIds.unitB, recommendation: 'B' })
    ).body;
    const refused = [
      await client.post('/recommendations', {
        reviewId: reviewIds.unitA,
        parentId: otherReview.id,
        recommendation: 'X',
      }),
      await client.post('/recommendations', {
        reviewId: reviewIds.unitA,
        parentId: child.body.id,
        recommendation: 'X',
      }),
      await client.post('/recommendations', {
        reviewId: reviewIds.unitA,
        parentId: '00000000-0000-4000-8000-000000000000',
        recommendation: 'X',
      }),
      await client.patch(`/recommendations/${parent.id}`, { version: parent.version, parentId: parent.id }),
      await client.patch(`/recommendations/${parent.id}`, { version: parent.version, parentId: child.body.id }),
    ];
    for (const reply of refused) {
      expect(reply.status).toBe(400);
      expect(reply.body.errors.map((error: { path: string }) => error.path)).toEqual(['parentId']);
    }
    const sibling = (
      await client.post('/recommendations', {
        reviewId: reviewIds.unitA,
        number: '3',
        recommendation: 'Inför kontroll.',
      })
    ).body;
    // A recommendation with parts does not become one.
    const withParts = await client.patch(`/recommendations/${sibling.id}`, {
      version: sibling.version,
      parentId: parent.id,
    });
    expect(withParts.status).toBe(200);
    const parentWithParts = await client.patch(`/recommendations/${parent.id}`, {
      version: parent.version,
      parentId: sibling.id,
    });
    expect(parentWithParts.status).toBe(400);
    expect(parentWithParts.body.errors[0].path).toBe('parentId');
  });

  test('a review that spans several nämnder: each addressed unit reads it and writes only its own answer', async () => {
    const admin = await h.as('tenantAdmin');
    // A review of unit B's plan whose recommendation is addressed to unit A and unit B.
    const recommendation = (
      await admin.post('/recommendations', {
        reviewId: reviewIds.unitB,
        number: '1',
        recommendation: 'Samordna inköpen mellan nämnderna.',
      })
    ).body;
    const part = (
      await admin.post('/recommendations', {
        reviewId: reviewIds.unitB,
        parentId: recommendation.id,
        number: '1.1',
        recommendation: 'Gemensam avtalskatalog.',
      })
    ).body;
    const reader = await h.as('reader');
    expect((await reader.get(`/recommendations/${recommendation.id}`)).status).toBe(404);
    expect((await reader.get(`/reviews/${reviewIds.unitB}`)).status).toBe(404);

    const toA = await admin.post(`/recommendations/${recommendation.id}/addressees`, {
      unitId: h.tenant.unitA,
      dueDate: '2026-12-31',
    });
    expect(toA.status).toBe(201);
    const toB = await admin.post(`/recommendations/${recommendation.id}/addressees`, { unitId: h.tenant.unitB });
    expect(toB.status).toBe(201);

    // Readers of an addressed unit read the recommendation, its parts and its review, in lists too.
    expect(
      (await reader.get(`/recommendations/${recommendation.id}`)).body.addressees.map(
        (a: { unitId: string }) => a.unitId,
      ),
    ).toEqual([h.tenant.unitA, h.tenant.unitB]);
    expect((await reader.get(`/recommendations/${part.id}`)).status).toBe(200);
    expect((await reader.get(`/reviews/${reviewIds.unitB}`)).status).toBe(200);
    const listed = (await reader.get(`/recommendations?reviewId=${reviewIds.unitB}`)).body.items;
    expect(listed.map((item: { id: string }) => item.id).sort()).toEqual([recommendation.id, part.id].sort());
    expect((await reader.get('/reviews')).body.items.map((item: { id: string }) => item.id)).toContain(reviewIds.unitB);

    // Unit A's responsible person answers for unit A, not for unit B; the recommendation stays the review unit's.
    const responsible = await h.as('responsible');
    const answered = await responsible.patch(`/recommendation-addressees/${toA.body.id}`, {
      version: toA.body.version,
      answer: 'Nämnden instämmer.',
      answeredOn: '2026-06-01',
      actionsTaken: 'Inköpssamordnare utsedd.',
      statusId: h.tenant.statusIds.pagaende,
    });
    expect(answered.status, JSON.stringify(answered.body)).toBe(200);
    expect(answered.body).toMatchObject({
      answer: 'Nämnden instämmer.',
      answeredOn: '2026-06-01',
      dueDate: '2026-12-31',
    });
    expect(
      (await responsible.patch(`/recommendation-addressees/${toB.body.id}`, { version: 1, answer: 'Nej' })).status,
    ).toBe(403);
    const coordinator = await h.as('coordinator');
    expect(
      (
        await coordinator.patch(`/recommendations/${recommendation.id}`, {
          version: recommendation.version,
          number: '9',
        })
      ).status,
    ).toBe(403);
    expect(
      (await coordinator.post(`/recommendations/${recommendation.id}/addressees`, { unitId: h.tenant.unitA1 })).status,
    ).toBe(403);
    expect((await reader.patch(`/recommendation-addressees/${toA.body.id}`, { version: 2, answer: 'X' })).status).toBe(
      403,
    );

    const [event] = await h.db
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.tenantId, h.tenant.tenantId),
          eq(auditEvents.entityId, toA.body.id),
          eq(auditEvents.operation, 'update'),
        ),
      );
    expect(event).toMatchObject({ entityType: 'recommendation_addressee', unitId: h.tenant.unitA });
    expect(event!.changes.answer).toEqual([null, 'Nämnden instämmer.']);

    // Bad units: unknown, another tenant's, already addressed.
    for (const unitId of ['00000000-0000-4000-8000-000000000000', h.otherTenant.rootId, h.tenant.unitA]) {
      const reply = await admin.post(`/recommendations/${recommendation.id}/addressees`, { unitId });
      expect(reply.status).toBe(400);
      expect(reply.body.errors.map((error: { path: string }) => error.path)).toEqual(['unitId']);
    }

    // An addressee that has answered is kept; one added by mistake is taken back, in the audit log.
    expect((await admin.delete(`/recommendation-addressees/${toA.body.id}`)).status).toBe(400);
    expect((await coordinator.delete(`/recommendation-addressees/${toB.body.id}`)).status).toBe(403);
    expect((await admin.delete(`/recommendation-addressees/${toB.body.id}`)).status).toBe(204);
    expect((await admin.get(`/recommendation-addressees/${toB.body.id}`)).status).toBe(404);
    const removed = await h.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.tenantId, h.tenant.tenantId), eq(auditEvents.entityId, toB.body.id)));
    expect(removed.map((e) => e.operation)).toEqual(['create', 'delete']);
    expect((await admin.get(`/recommendations/${recommendation.id}`)).body.addressees).toHaveLength(1);
  });
});
