import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createHarness, type Harness } from '../../../../test/support/harness.ts';
import { describeResourceContract, ITEM_ROLES } from '../../../../test/support/resource-contract.ts';

describe('activities, sub-activities and focus areas', () => {
  let h: Harness;
  const planIds = { unitA: '', unitB: '' };
  let focusAreaIds: string[] = [];
  beforeAll(async () => {
    h = await createHarness();
    const admin = await h.as('tenantAdmin');
    for (const unit of ['unitA', 'unitB'] as const) {
      planIds[unit] = (
        await admin.post('/plans', {
          unitId: h.tenant[unit],
          kind: 'activity',
          title: 'Aktivitetsplan 2020–2021',
          startYear: 2020,
          endYear: 2021,
        })
      ).body.id;
    }
    focusAreaIds = [
      (await admin.post('/focus-areas', { name: 'Attrahera & rekrytera' })).body.id,
      (await admin.post('/focus-areas', { name: 'Utveckla & behålla' })).body.id,
    ];
  });
  afterAll(() => h.close());

  describeResourceContract(
    {
      resource: 'activities',
      entityType: 'activity',
      async create(harness, unit) {
        const reply = await (
          await harness.as('tenantAdmin')
        ).post('/activities', {
          planId: planIds[unit],
          number: '4',
          title: 'Kompetensutveckling',
          responsibleIds: unit === 'unitA' ? [harness.userIds.responsible] : [],
        });
        expect(reply.status).toBe(201);
        return reply.body.id as string;
      },
      change: (n) => ({ costAndResources: `${n * 1000} kr` }),
      changedField: 'costAndResources',
      archivable: true,
      roles: ITEM_ROLES,
    },
    () => h,
  );

  // An ansvarig writes the sub-activities of their own activity, but archiving them (taking
  // them out of the plan) is for the unit's managers, as for every other piece of plan data.
  describeResourceContract(
    {
      resource: 'sub-activities',
      entityType: 'sub_activity',
      async create(harness, unit) {
        const admin = await harness.as('tenantAdmin');
        const activity = (
          await admin.post('/activities', {
            planId: planIds[unit],
            number: '5',
            title: 'Handledning',
            responsibleIds: unit === 'unitA' ? [harness.userIds.responsible] : [],
          })
        ).body;
        const reply = await admin.post('/sub-activities', {
          activityId: activity.id,
          number: '5.1',
          title: 'Handledarutbildning',
        });
        expect(reply.status).toBe(201);
        return reply.body.id as string;
      },
      change: (n) => ({ title: `Handledarutbildning ${n}` }),
      changedField: 'title',
      archivable: true,
      roles: ITEM_ROLES,
    },
    () => h,
  );

  test('an activity as in seed 002: number, tags, cost, performers, sub-activities with their own status and carry-over', async () => {
    const client = await h.as('coordinator');
    const created = await client.post('/activities', {
      planId: planIds.unitA,
      number: '6',
      title: 'Introduktion av nyanställda',
      description: 'Ta fram ett introduktionsprogram.',
      costAndResources: 'Inom ram',
      performers: 'HR-avdelningen',
      focusAreaIds: [focusAreaIds[1], focusAreaIds[0]],
      statusId: h.tenant.statusIds.pagaende,
      endDate: '2021-12-31',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      number: '6',
      focusAreaIds: [focusAreaIds[1], focusAreaIds[0]],
      subActivities: [],
    });
    const sub = await client.post('/sub-activities', {
      activityId: created.body.id,
      number: '6.2',
      title: 'Mentorprogram',
      statusId: h.tenant.statusIds['ej-paborjad'],
      carryOver: 'carry_over',
    });
    expect(sub.status).toBe(201);
    const again = await client.get(`/activities/${created.body.id}`);
    expect(again.body.subActivities).toEqual([sub.body]);
    const tagged = await client.get(`/activities?planId=${planIds.unitA}&focusAreaId=${focusAreaIds[1]}`);
    expect(tagged.body.items.map((a: { id: string }) => a.id)).toEqual([created.body.id]);
    const retag = await client.patch(`/activities/${created.body.id}`, {
      focusAreaIds: [focusAreaIds[0]],
      version: again.body.version,
    });
    expect(retag.body.focusAreaIds).toEqual([focusAreaIds[0]]);
    const history = await client.get(`/audit-events?entityId=${created.body.id}`);
    expect(history.body.items[0].changes.focusAreaIds).toEqual([[focusAreaIds[1], focusAreaIds[0]], [focusAreaIds[0]]]);
  });

  test('activities belong to activity plans; tags must exist; a sub-activity of an unreadable activity is not found', async () => {
    const admin = await h.as('tenantAdmin');
    const icPlan = (
      await admin.post('/plans', { unitId: h.tenant.unitA, kind: 'internal_control', title: 'IK', startYear: 2020 })
    ).body;
    const wrongPlan = await admin.post('/activities', { planId: icPlan.id, number: '1', title: 'A' });
    expect(wrongPlan.body.errors).toEqual([{ path: 'planId', message: 'Aktiviteter hör till aktivitetsplaner.' }]);
    const unknownTag = await admin.post('/activities', {
      planId: planIds.unitA,
      number: '1',
      title: 'A',
      focusAreaIds: [h.tenant.unitA],
    });
    expect(unknownTag.body.errors).toEqual([{ path: 'focusAreaIds.0', message: 'Finns inte.' }]);
    const inB = (await admin.post('/activities', { planId: planIds.unitB, number: '1', title: 'B' })).body;
    const subInB = (await admin.post('/sub-activities', { activityId: inB.id, number: '1.1', title: 'B1' })).body;
    expect((await (await h.as('reader')).get(`/sub-activities/${subInB.id}`)).status).toBe(404);
    expect((await (await h.as('coordinator')).post('/focus-areas', { name: 'Nytt område' })).status).toBe(403);
  });
});
