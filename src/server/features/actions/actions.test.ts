import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { reviews } from '../../db/schema/reviews.ts';
import { createHarness, type Harness } from '../../../../test/support/harness.ts';
import { describeResourceContract, ITEM_ROLES } from '../../../../test/support/resource-contract.ts';

describe('actions', () => {
  let h: Harness;
  const planIds = { unitA: '', unitB: '' };
  const riskIds = { unitA: '', unitB: '' };
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
      riskIds[unit] = (
        await admin.post('/risks', { planId: planIds[unit], title: 'Brister i systematiskt kvalitetsarbete' })
      ).body.id;
    }
  });
  afterAll(() => h.close());

  describeResourceContract(
    {
      resource: 'actions',
      entityType: 'action',
      async create(harness, unit) {
        const reply = await (
          await harness.as('tenantAdmin')
        ).post('/actions', {
          planId: planIds[unit],
          riskId: riskIds[unit],
          title: 'Ta fram rutin',
          reportingIds: unit === 'unitA' ? [harness.userIds.responsible] : [],
        });
        expect(reply.status).toBe(201);
        return reply.body.id as string;
      },
      change: (n) => ({ measuresTaken: `## Genomfört\n\n- steg ${n}` }),
      changedField: 'measuresTaken',
      archivable: true,
      roles: ITEM_ROLES,
    },
    () => h,
  );

  test('an action from a review, with a responsible unit and "vad ska göras" in Markdown', async () => {
    const [review] = await h.db
      .insert(reviews)
      .values({
        tenantId: h.tenant.tenantId,
        planId: planIds.unitA,
        title: 'Granskning av rutiner',
        diarienummer: 'GRF-2020-11639',
      })
      .returning();
    const reply = await (
      await h.as('coordinator')
    ).post('/actions', {
      planId: planIds.unitA,
      reviewId: review!.id,
      title: 'Förbättra rutiner för uppföljning',
      whatToDo: '1. Ta fram rutin\n2. Informera rektorer',
      responsibleUnitId: h.tenant.unitA1,
    });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({
      reviewId: review!.id,
      riskId: null,
      responsibleUnitId: h.tenant.unitA1,
      whatToDo: '1. Ta fram rutin\n2. Informera rektorer',
    });
    const listed = await (await h.as('reader')).get(`/actions?reviewId=${review!.id}`);
    expect(listed.body.items.map((a: { id: string }) => a.id)).toEqual([reply.body.id]);
  });

  test('a coordinator cannot name a unit outside their area as responsible: answered as a unit that does not exist', async () => {
    const coordinator = await h.as('coordinator');
    const doesNotExist = { status: 400, errors: [{ path: 'responsibleUnitId', message: 'Finns inte.' }] };
    const answer = (reply: { status: number; body: { errors?: unknown } }) => ({
      status: reply.status,
      errors: reply.body.errors,
    });
    const foreign = await coordinator.post('/actions', {
      planId: planIds.unitA,
      title: 'Åtgärd',
      responsibleUnitId: h.otherTenant.unitA,
    });
    expect(answer(foreign)).toEqual(doesNotExist);
    const outside = await coordinator.post('/actions', {
      planId: planIds.unitA,
      title: 'Åtgärd',
      responsibleUnitId: h.tenant.unitB,
    });
    expect(answer(outside)).toEqual(doesNotExist);
    const created = (
      await coordinator.post('/actions', { planId: planIds.unitA, title: 'Åtgärd', responsibleUnitId: h.tenant.unitA1 })
    ).body;
    const moved = await coordinator.patch(`/actions/${created.id}`, {
      version: created.version,
      responsibleUnitId: h.tenant.unitB,
    });
    expect(answer(moved)).toEqual(doesNotExist);
    // A unit the tenant's administrator named stays acceptable when the coordinator saves the form again.
    const admin = await h.as('tenantAdmin');
    const named = (
      await admin.patch(`/actions/${created.id}`, { version: created.version, responsibleUnitId: h.tenant.unitB })
    ).body;
    expect(named.responsibleUnitId).toBe(h.tenant.unitB);
    expect(
      (
        await coordinator.patch(`/actions/${created.id}`, {
          version: named.version,
          responsibleUnitId: h.tenant.unitB,
          title: 'Åtgärd, ändrad',
        })
      ).status,
    ).toBe(200);
  });

  test('the risk of an action must be in the same plan', async () => {
    const reply = await (
      await h.as('tenantAdmin')
    ).post('/actions', { planId: planIds.unitA, riskId: riskIds.unitB, title: 'Åtgärd' });
    expect(reply.status).toBe(400);
    expect(reply.body.errors).toEqual([{ path: 'riskId', message: 'Finns inte i planen.' }]);
  });

  test('archiving keeps the action; it leaves the list and comes back on restore', async () => {
    const client = await h.as('coordinator');
    const created = (await client.post('/actions', { planId: planIds.unitA, title: 'Tillfällig åtgärd' })).body;
    expect((await client.post(`/actions/${created.id}/archive`)).body.archivedAt).not.toBeNull();
    expect(
      (await client.get(`/actions?planId=${planIds.unitA}&limit=500`)).body.items.map((a: { id: string }) => a.id),
    ).not.toContain(created.id);
    expect((await client.get(`/actions/${created.id}`)).status).toBe(200);
    expect((await (await h.as('responsible')).post(`/actions/${created.id}/restore`)).status).toBe(403);
    expect((await client.post(`/actions/${created.id}/restore`)).body.archivedAt).toBeNull();
  });
});
