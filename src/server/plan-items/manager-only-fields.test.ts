import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { uuidv7 } from 'uuidv7';
import { createHarness, type Harness } from '../../../test/support/harness.ts';

/**
 * The fields of a control, action or activity that only the unit's managers (administrator,
 * samordnare) may change: who answers for the item, what it belongs to and its place in the plan.
 * Listed here by hand, not read from the routes, so that a field dropped there turns this red.
 */
const MANAGER_ONLY: Record<'controls' | 'actions' | 'activities', Record<string, (h: Harness) => unknown>> = {
  controls: {
    riskId: () => uuidv7(),
    responsibleIds: (h) => [h.userIds.coordinator],
    reportingIds: (h) => [h.userIds.coordinator],
    sortOrder: () => 7,
  },
  actions: {
    riskId: () => uuidv7(),
    reviewId: () => uuidv7(),
    responsibleUnitId: (h) => h.tenant.unitA1,
    responsibleIds: (h) => [h.userIds.coordinator],
    reportingIds: (h) => [h.userIds.coordinator],
    sortOrder: () => 7,
  },
  activities: {
    number: () => '99',
    responsibleIds: (h) => [h.userIds.coordinator],
    reportingIds: (h) => [h.userIds.coordinator],
    sortOrder: () => 7,
    carryOver: () => 'carry_over',
  },
};

describe('a responsible person (ansvarig) may not change the manager-only fields of their own item', () => {
  let h: Harness;
  const itemIds: Record<string, string> = {};
  beforeAll(async () => {
    h = await createHarness();
    const admin = await h.as('tenantAdmin');
    const responsibleIds = [h.userIds.responsible];
    const planId = (
      await admin.post('/plans', {
        unitId: h.tenant.unitA,
        kind: 'internal_control',
        title: 'IK-plan',
        startYear: 2026,
      })
    ).body.id as string;
    const riskId = (await admin.post('/risks', { planId, title: 'Risk' })).body.id as string;
    const activityPlanId = (
      await admin.post('/plans', { unitId: h.tenant.unitA, kind: 'activity', title: 'Aktivitetsplan', startYear: 2026 })
    ).body.id as string;
    const created = {
      controls: await admin.post('/controls', { riskId, title: 'Min kontroll', responsibleIds }),
      actions: await admin.post('/actions', { planId, riskId, title: 'Min åtgärd', responsibleIds }),
      activities: await admin.post('/activities', {
        planId: activityPlanId,
        number: '1',
        title: 'Min aktivitet',
        responsibleIds,
      }),
    };
    for (const [resource, reply] of Object.entries(created)) {
      expect(reply.status, resource).toBe(201);
      itemIds[resource] = reply.body.id as string;
    }
  });
  afterAll(() => h.close());

  const cases = Object.entries(MANAGER_ONLY).flatMap(([resource, fields]) =>
    Object.entries(fields).map(([field, value]) => ({ resource, field, value })),
  );

  test.each(cases)(
    '$resource: a responsible person who sends $field gets 403 naming the field, and nothing changes',
    async ({ resource, field, value }) => {
      const responsible = await h.as('responsible');
      const before = (await responsible.get(`/${resource}/${itemIds[resource]}`)).body;
      const reply = await responsible.patch(`/${resource}/${itemIds[resource]}`, {
        version: before.version,
        [field]: value(h),
      });
      expect(reply.status).toBe(403);
      expect(reply.body.detail).toBe('Bara samordnare får ändra detta.');
      expect(reply.body.errors).toEqual([{ path: field, message: 'Får bara ändras av samordnare.' }]);
      expect((await responsible.get(`/${resource}/${itemIds[resource]}`)).body).toEqual(before);
    },
  );

  test('the refusal reads in English too', async () => {
    const responsible = await h.as('responsible');
    const before = (await responsible.get(`/controls/${itemIds.controls}`)).body;
    const reply = await responsible.patch(
      `/controls/${itemIds.controls}`,
      { version: before.version, sortOrder: 7 },
      { 'accept-language': 'en' },
    );
    expect(reply.status).toBe(403);
    expect(reply.body.detail).toBe('Only a coordinator may change this.');
    expect(reply.body.errors).toEqual([{ path: 'sortOrder', message: 'Only a coordinator may change this.' }]);
  });

  test.each(Object.keys(MANAGER_ONLY))(
    '%s: a form sent back with the manager-only fields as they are is no change of them: the responsible person may save it',
    async (resource) => {
      const responsible = await h.as('responsible');
      const before = (await responsible.get(`/${resource}/${itemIds[resource]}`)).body;
      const reply = await responsible.patch(`/${resource}/${itemIds[resource]}`, {
        version: before.version,
        title: `${before.title as string} (ändrad)`,
        responsibleIds: before.responsibleIds,
        reportingIds: before.reportingIds,
      });
      expect(reply.status).toBe(200);
      expect(reply.body.title).toBe(`${before.title as string} (ändrad)`);
    },
  );

  test.each(Object.keys(MANAGER_ONLY))(
    '%s: the same person may change the status of their item, and the coordinator may reassign it',
    async (resource) => {
      const responsible = await h.as('responsible');
      const before = (await responsible.get(`/${resource}/${itemIds[resource]}`)).body;
      const status = await responsible.patch(`/${resource}/${itemIds[resource]}`, {
        version: before.version,
        statusId: h.tenant.statusIds.pagaende,
      });
      expect(status.status).toBe(200);
      const reassigned = await (
        await h.as('coordinator')
      ).patch(`/${resource}/${itemIds[resource]}`, {
        version: status.body.version,
        responsibleIds: [h.userIds.responsible, h.userIds.coordinator],
      });
      expect(reassigned.status).toBe(200);
      expect(reassigned.body.responsibleIds).toEqual([h.userIds.responsible, h.userIds.coordinator]);
    },
  );
});
