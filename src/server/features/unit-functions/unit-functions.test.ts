import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createHarness, type Harness } from '../../../../test/support/harness.ts';
import { describeResourceContract } from '../../../../test/support/resource-contract.ts';
import { auditEvents } from '../../db/schema/audit-events.ts';
import { holderOn, holdersOn } from '../../functions/function-holders.ts';

describe('unit functions and their holders', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.close());

  const readOnly = { read: true, write: false };
  let count = 0;
  describeResourceContract(
    {
      resource: 'unit-functions',
      entityType: 'unit_function',
      archivable: true,
      async create(harness, unit) {
        const reply = await (
          await harness.as('tenantAdmin')
        ).post('/unit-functions', { unitId: harness.tenant[unit], name: `Ekonomichef ${++count}` });
        expect(reply.status, JSON.stringify(reply.body)).toBe(201);
        return reply.body.id as string;
      },
      change: (n) => ({ name: `Controller ${n}` }),
      changedField: 'name',
      roles: {
        administrator: { read: true, write: true },
        coordinator: { read: true, write: true },
        responsible: readOnly,
        reader: readOnly,
        auditor: readOnly,
      },
    },
    () => h,
  );

  test('a holder is named from a day; today’s holder is shown; holdings never overlap', async () => {
    const admin = await h.as('tenantAdmin');
    const created = await admin.post('/unit-functions', { unitId: h.tenant.unitA1, name: 'Ekonomichef' });
    expect(created.body).toMatchObject({ unitId: h.tenant.unitA1, isManager: false, currentHolder: null, holders: [] });
    const fnId = created.body.id as string;

    const first = await admin.post(`/unit-functions/${fnId}/holders`, {
      userId: h.userIds.responsible,
      validFrom: '2025-01-01',
      validTo: '2026-06-30',
    });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body.currentHolder).toMatchObject({ userId: h.userIds.responsible, userName: 'Person responsible' });

    const overlapping = await admin.post(`/unit-functions/${fnId}/holders`, {
      userId: h.userIds.reader,
      validFrom: '2026-06-01',
    });
    expect(overlapping.status).toBe(400);
    expect(overlapping.body.errors).toEqual([
      {
        path: 'validFrom',
        message:
          'Funktionen har redan en innehavare under perioden (2025-01-01 – 2026-06-30). En funktion har högst en innehavare åt gången.',
      },
    ]);
    const unknownUser = await admin.post(`/unit-functions/${fnId}/holders`, {
      userId: h.userIds.otherAdmin,
      validFrom: '2026-07-01',
    });
    expect(unknownUser.body.errors[0].path).toBe('userId');

    const second = await admin.post(`/unit-functions/${fnId}/holders`, {
      userId: h.userIds.reader,
      validFrom: '2026-07-01',
    });
    expect(second.status).toBe(201);
    expect(second.body.holders.map((holding: { userId: string }) => holding.userId)).toEqual([
      h.userIds.responsible,
      h.userIds.reader,
    ]);
    expect(second.body.currentHolder.userId).toBe(h.userIds.responsible);

    // Ending the first today leaves the function vacant from tomorrow until the second starts.
    const firstHolding = second.body.holders[0];
    const ended = await admin.post(`/unit-functions/${fnId}/holders/${firstHolding.id}/end`, {});
    expect(ended.status, JSON.stringify(ended.body)).toBe(200);
    expect(ended.body.holders[0].validTo).toBe('2026-06-15');
    expect(ended.body.currentHolder.userId).toBe(h.userIds.responsible);
    expect(await holderOn(h.db, h.tenant.tenantId, fnId, '2026-06-16')).toBeNull();
    expect((await holderOn(h.db, h.tenant.tenantId, fnId, '2026-07-01'))?.userId).toBe(h.userIds.reader);
    expect((await holdersOn(h.db, h.tenant.tenantId, [fnId, null], '2025-03-01')).get(fnId)?.userId).toBe(
      h.userIds.responsible,
    );

    // A change of days is checked against the other holdings and refuses a stale version.
    const stale = await admin.patch(`/unit-functions/${fnId}/holders/${firstHolding.id}`, {
      version: firstHolding.version,
      validTo: null,
    });
    expect(stale.status).toBe(409);
    const reopened = await admin.patch(`/unit-functions/${fnId}/holders/${firstHolding.id}`, {
      version: ended.body.holders[0].version,
      validTo: null,
    });
    expect(reopened.status).toBe(400);
    expect(reopened.body.errors[0].path).toBe('validFrom');
    const backwards = await admin.patch(`/unit-functions/${fnId}/holders/${firstHolding.id}`, {
      version: ended.body.holders[0].version,
      validTo: '2024-01-01',
    });
    expect(backwards.body.errors[0].path).toBe('validTo');

    const events = await h.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.tenantId, h.tenant.tenantId), eq(auditEvents.entityType, 'function_holder')));
    expect(events.filter((event) => event.entityId === firstHolding.id).map((event) => event.operation)).toEqual([
      'create',
      'update',
    ]);
    expect(events[0]!.unitId).toBe(h.tenant.unitA1);
  });

  test('holders are named only by the unit’s managers; the list shows a unit’s functions and, if asked, those above', async () => {
    const admin = await h.as('tenantAdmin');
    const above = (await admin.post('/unit-functions', { unitId: h.tenant.unitA, name: 'Förvaltningschef' })).body;
    const below = (await admin.post('/unit-functions', { unitId: h.tenant.unitA1, name: 'Controller A1' })).body;
    const other = (await admin.post('/unit-functions', { unitId: h.tenant.unitB, name: 'Controller B' })).body;

    const responsible = await h.as('responsible');
    const refused = await responsible.post(`/unit-functions/${below.id}/holders`, {
      userId: h.userIds.responsible,
      validFrom: '2026-01-01',
    });
    expect(refused.status).toBe(403);
    const coordinator = await h.as('coordinator');
    expect(
      (
        await coordinator.post(`/unit-functions/${below.id}/holders`, {
          userId: h.userIds.responsible,
          validFrom: '2026-01-01',
        })
      ).status,
    ).toBe(201);
    expect((await coordinator.post('/unit-functions', { unitId: h.tenant.unitB, name: 'X' })).status).toBe(400);

    const own = (await responsible.get(`/unit-functions?unitId=${h.tenant.unitA1}&limit=500`)).body.items.map(
      (fn: { id: string }) => fn.id,
    );
    expect(own).toContain(below.id);
    expect(own).not.toContain(above.id);
    const withAbove = (
      await responsible.get(`/unit-functions?unitId=${h.tenant.unitA1}&includeAncestors=true&limit=500`)
    ).body.items.map((fn: { id: string }) => fn.id);
    expect(withAbove).toEqual(expect.arrayContaining([below.id, above.id]));
    expect(withAbove).not.toContain(other.id);
    expect((await responsible.get(`/unit-functions?unitId=${h.tenant.unitB}`)).status).toBe(404);
  });
});
