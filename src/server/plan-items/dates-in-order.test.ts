import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createHarness, type Harness } from '../../../test/support/harness.ts';

// A control, action or activity ends on or after the day it starts: when it is created, and when
// only one of its dates changes (the other is the stored one). The person is told at the end date.

const SWEDISH = [{ path: 'endDate', message: 'Slutdatum kan inte vara före startdatum.' }];
const ENGLISH = [{ path: 'endDate', message: 'The end date cannot be before the start date.' }];

describe('an item’s end date is not before its start date', () => {
  let h: Harness;
  let parents: Record<'controls' | 'actions' | 'activities', Record<string, string>>;
  beforeAll(async () => {
    h = await createHarness();
    const admin = await h.as('tenantAdmin');
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
    parents = {
      controls: { riskId },
      actions: { planId, riskId },
      activities: { planId: activityPlanId, number: '1' },
    };
  });
  afterAll(() => h.close());

  test.each(['controls', 'actions', 'activities'] as const)(
    '%s: created ending before it starts is refused, in Swedish and English; the same day is fine',
    async (resource) => {
      const admin = await h.as('tenantAdmin');
      const wrong = { ...parents[resource], title: 'Baklänges', startDate: '2026-05-02', endDate: '2026-05-01' };
      const swedish = await admin.post(`/${resource}`, wrong);
      expect(swedish.status).toBe(400);
      expect(swedish.body.errors).toEqual(SWEDISH);
      const english = await admin.post(`/${resource}`, wrong, { 'accept-language': 'en' });
      expect(english.body.errors).toEqual(ENGLISH);
      expect((await admin.post(`/${resource}`, { ...wrong, endDate: '2026-05-02' })).status).toBe(201);
    },
  );

  test.each(['controls', 'actions', 'activities'] as const)(
    '%s: changing one date against the stored other is held to the same rule',
    async (resource) => {
      const admin = await h.as('tenantAdmin');
      const created = await admin.post(`/${resource}`, {
        ...parents[resource],
        title: 'Maj',
        startDate: '2026-05-10',
        endDate: '2026-05-20',
      });
      expect(created.status).toBe(201);
      const path = `/${resource}/${created.body.id as string}`;
      const earlyEnd = await admin.patch(path, { version: created.body.version, endDate: '2026-05-09' });
      expect(earlyEnd.status).toBe(400);
      expect(earlyEnd.body.errors).toEqual(SWEDISH);
      const lateStart = await admin.patch(path, { version: created.body.version, startDate: '2026-05-21' });
      expect(lateStart.status).toBe(400);
      expect(lateStart.body.errors).toEqual(SWEDISH);
      const moved = await admin.patch(path, { version: created.body.version, endDate: '2026-05-10' });
      expect(moved.status).toBe(200);
      expect(moved.body).toMatchObject({ startDate: '2026-05-10', endDate: '2026-05-10' });
    },
  );
});
