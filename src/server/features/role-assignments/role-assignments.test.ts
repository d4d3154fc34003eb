import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { auditEvents } from '../../db/schema/audit-events.ts';
import { MATRIX_ROLES, createHarness, type Harness } from '../../../../test/support/harness.ts';

describe('role-assignments', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.close());

  for (const role of MATRIX_ROLES) {
    for (const where of ['unitA1', 'unitB'] as const) {
      const inside = where === 'unitA1';
      const mayRead = inside || role === 'auditor';
      const mayWrite = inside && role === 'administrator';
      test(`${role} ${inside ? 'inside' : 'outside'} their subtree: list ${mayRead ? 'shows' : 'hides'}, assign ${mayWrite ? 201 : mayRead ? 403 : 400}`, async () => {
        const admin = await h.as('tenantAdmin');
        const given = await admin.post('/role-assignments', {
          userId: h.userIds.nobody,
          unitId: h.tenant[where],
          role: 'reader',
        });
        expect(given.status).toBe(201);
        const client = await h.as(role);
        const listed = await client.get(`/role-assignments?unitId=${h.tenant[where]}`);
        expect(listed.body.items.some((a: { id: string }) => a.id === given.body.id)).toBe(mayRead);
        await admin.post(`/role-assignments/${given.body.id}/revoke`);
        const reply = await client.post('/role-assignments', {
          userId: h.userIds.nobody,
          unitId: h.tenant[where],
          role: 'coordinator',
        });
        expect(reply.status).toBe(mayWrite ? 201 : mayRead ? 403 : 400);
        if (mayWrite) {
          expect((await client.post(`/role-assignments/${reply.body.id}/revoke`)).body.revokedAt).not.toBeNull();
        }
      });
    }
  }

  test('a role takes effect at once and covers the subtree; revoking it takes it away at once', async () => {
    const admin = await h.as('tenantAdmin');
    const nobody = await h.as('nobody');
    expect((await nobody.get(`/org-units/${h.tenant.unitA1}`)).status).toBe(404);
    const given = (
      await admin.post('/role-assignments', { userId: h.userIds.nobody, unitId: h.tenant.unitA, role: 'reader' })
    ).body;
    expect((await nobody.get(`/org-units/${h.tenant.unitA1}`)).status).toBe(200);
    const twice = await admin.post('/role-assignments', {
      userId: h.userIds.nobody,
      unitId: h.tenant.unitA,
      role: 'reader',
    });
    expect(twice.status).toBe(409);
    const revoked = await admin.post(`/role-assignments/${given.id}/revoke`);
    expect(revoked.body.revokedAt).not.toBeNull();
    expect((await nobody.get(`/org-units/${h.tenant.unitA1}`)).status).toBe(404);
    const events = await h.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.tenantId, h.tenant.tenantId), eq(auditEvents.entityId, given.id)));
    expect(events.map((event) => event.operation).sort()).toEqual(['create', 'revoke']);
  });

  test('another tenant’s ids: its person cannot be given a role here, its assignment cannot be revoked', async () => {
    const admin = await h.as('tenantAdmin');
    const foreignPerson = await admin.post('/role-assignments', {
      userId: h.userIds.otherAdmin,
      unitId: h.tenant.unitA,
      role: 'reader',
    });
    expect(foreignPerson.body.errors).toEqual([{ path: 'userId', message: 'Personen finns inte.' }]);
    const mine = (
      await admin.post('/role-assignments', { userId: h.userIds.nobody, unitId: h.tenant.unitB, role: 'reader' })
    ).body;
    expect((await (await h.as('otherAdmin')).post(`/role-assignments/${mine.id}/revoke`)).status).toBe(404);
  });
});
