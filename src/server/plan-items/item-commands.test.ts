import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { auditEvents } from '../db/schema/audit-events.ts';
import { createHarness, ok, type Harness } from '../../../test/support/harness.ts';

/** The rules the controls, actions and activities share, stated once for all three. */
describe('the shared item commands', () => {
  let h: Harness;
  const created: Record<string, string> = {};
  beforeAll(async () => {
    h = await createHarness();
    const admin = await h.as('tenantAdmin');
    const planId = (
      await ok(
        admin.post('/plans', { unitId: h.tenant.unitA, kind: 'internal_control', title: 'IK-plan', startYear: 2026 }),
      )
    ).id as string;
    const riskId = (await ok(admin.post('/risks', { planId, title: 'Risk' }))).id as string;
    const activityPlanId = (
      await ok(
        admin.post('/plans', { unitId: h.tenant.unitA, kind: 'activity', title: 'Aktiviteter', startYear: 2026 }),
      )
    ).id as string;
    const responsibleIds = [h.userIds.responsible];
    created.control = (await ok(admin.post('/controls', { riskId, title: 'Kontroll', responsibleIds }))).id as string;
    created.action = (await ok(admin.post('/actions', { planId, riskId, title: 'Åtgärd', responsibleIds })))
      .id as string;
    created.activity = (
      await ok(admin.post('/activities', { planId: activityPlanId, number: '1', title: 'Aktivitet', responsibleIds }))
    ).id as string;
  });
  afterAll(() => h.close());

  test.each(['control', 'action', 'activity'])(
    'a new %s is one audit event named "create", with its persons beside its own fields',
    async (kind) => {
      const events = await h.db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.entityType, kind), eq(auditEvents.entityId, created[kind]!)));
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({
        operation: 'create',
        actorUserId: h.userIds.tenantAdmin,
        unitId: h.tenant.unitA,
      });
      expect(Object.keys(events[0]!.changes)).toEqual(expect.arrayContaining(['title', 'responsibleIds']));
    },
  );

  test.each(['controls', 'actions', 'activities'])(
    'a person without any role lists no %s (and is not refused: the list is empty)',
    async (resource) => {
      const nobody = await h.as('nobody');
      const reply = await nobody.get(`/${resource}`);
      expect(reply.status).toBe(200);
      expect(reply.body.items).toEqual([]);
      const admin = await h.as('tenantAdmin');
      expect((await ok(admin.get(`/${resource}`))).items).not.toEqual([]);
    },
  );
});
