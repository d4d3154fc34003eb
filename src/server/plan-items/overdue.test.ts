import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createHarness, type Harness } from '../../../test/support/harness.ts';
import { SWEDISH_MIDNIGHTS } from '../../../test/support/swedish-midnights.ts';

describe('overdue, at the day boundaries in Swedish time: the item’s flag (TypeScript) and the list filter (SQL)', () => {
  let h: Harness;
  let riskId = '';
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
    riskId = (await admin.post('/risks', { planId, title: 'Risk' })).body.id as string;
  });
  afterAll(() => h.close());

  test.each(SWEDISH_MIDNIGHTS)(
    'an end date yesterday is overdue; today and tomorrow are not ($name)',
    async (night) => {
      const creator = await h.signIn('tenantAdmin');
      const ids: Record<string, string> = {};
      for (const day of ['yesterday', 'today', 'tomorrow'] as const) {
        const reply = await creator.post('/controls', {
          riskId,
          title: `Slut ${day} ${night.moment}`,
          endDate: night[day],
          statusId: h.tenant.statusIds.pagaende,
        });
        expect(reply.status).toBe(201);
        ids[day] = reply.body.id as string;
      }
      h.clock.set(night.moment);
      const admin = await h.signIn('tenantAdmin');
      const flags: Record<string, boolean> = {};
      for (const day of ['yesterday', 'today', 'tomorrow'])
        flags[day] = (await admin.get(`/controls/${ids[day]}`)).body.overdue as boolean;
      expect(flags).toEqual({ yesterday: true, today: false, tomorrow: false });

      const listed = async (overdue: boolean) =>
        new Set(
          ((await admin.get(`/controls?overdue=${overdue}&limit=500`)).body.items as { id: string }[]).map(
            (item) => item.id,
          ),
        );
      const [overdue, notOverdue] = [await listed(true), await listed(false)];
      expect({
        yesterday: overdue.has(ids.yesterday!),
        today: overdue.has(ids.today!),
        tomorrow: overdue.has(ids.tomorrow!),
      }).toEqual({ yesterday: true, today: false, tomorrow: false });
      expect({
        yesterday: notOverdue.has(ids.yesterday!),
        today: notOverdue.has(ids.today!),
        tomorrow: notOverdue.has(ids.tomorrow!),
      }).toEqual({ yesterday: false, today: true, tomorrow: true });
    },
  );

  test('an item whose status is a completed one is never overdue, in the flag and in the filter', async () => {
    const admin = await h.signIn('tenantAdmin');
    const done = (
      await admin.post('/controls', {
        riskId,
        title: 'Klar sedan länge',
        endDate: '2026-01-10',
        statusId: h.tenant.statusIds.klar,
      })
    ).body;
    expect(done.overdue).toBe(false);
    const overdue = (await admin.get('/controls?overdue=true&limit=500')).body.items as { id: string }[];
    expect(overdue.map((item) => item.id)).not.toContain(done.id);
  });
});
