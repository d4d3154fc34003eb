import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { auditEvents } from '../../db/schema/audit-events.ts';
import { scimTokens } from '../../db/schema/directory.ts';
import { createHarness, type Harness } from '../../../../test/support/harness.ts';
import { patchOp, scimTokenFor } from '../../../../test/support/scim-client.ts';

describe('SCIM tokens and the directory’s groups (administration)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({
      linkMail: { key: null, publicUrl: 'https://uppsikt.kommun.example/', smtp: false },
    });
  });
  afterAll(() => h.close());

  test('the secret is shown once with the SCIM address, stored only as a hash, and listed without it', async () => {
    const admin = await h.as('tenantAdmin');
    const created = await scimTokenFor(h.app, admin);
    expect(created.token).toMatch(/^scim_[\w-]{43}$/);
    expect(created.prefix).toBe(created.token.slice(0, 11));
    expect(created.baseUrl).toBe('https://uppsikt.kommun.example/scim/v2');
    const [stored] = await h.db.select().from(scimTokens).where(eq(scimTokens.id, created.id));
    expect(stored).toMatchObject({ tenantId: h.tenant.tenantId, createdById: h.userIds.tenantAdmin, revokedAt: null });
    expect(JSON.stringify(stored)).not.toContain(created.token);
    const listed = await admin.get('/scim-tokens');
    expect(listed.status).toBe(200);
    expect(listed.body.baseUrl).toBe('https://uppsikt.kommun.example/scim/v2');
    expect(JSON.stringify(listed.body)).not.toContain(created.token);
    expect(listed.body.items[0]).toEqual({
      id: created.id,
      prefix: created.prefix,
      createdById: h.userIds.tenantAdmin,
      createdAt: '2026-06-15T10:00:00.000Z',
      lastUsedAt: null,
      revokedAt: null,
    });
    const events = await h.db.select().from(auditEvents).where(eq(auditEvents.entityId, created.id));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      operation: 'create',
      entityType: 'scim_token',
      actorUserId: h.userIds.tenantAdmin,
    });
    expect(JSON.stringify(events)).not.toContain(created.token);
    expect(JSON.stringify(events)).not.toContain(stored!.secretHash);
  });

  test('revoking stops the token at once and keeps it; revoking again changes nothing', async () => {
    const admin = await h.as('tenantAdmin');
    const { id, scim } = await scimTokenFor(h.app, admin);
    expect((await scim.get('/Users')).status).toBe(200);
    h.clock.advance(5000);
    const revoked = await admin.delete(`/scim-tokens/${id}`);
    expect(revoked.status).toBe(200);
    expect(revoked.body.revokedAt).toBe(h.clock.now().toISOString());
    expect((await scim.get('/Users')).status).toBe(401);
    const again = await admin.delete(`/scim-tokens/${id}`);
    expect(again.body.revokedAt).toBe(revoked.body.revokedAt);
    const listed = await admin.get('/scim-tokens');
    expect(listed.body.items.find((token: { id: string }) => token.id === id).revokedAt).toBe(revoked.body.revokedAt);
    const operations = (await h.db.select().from(auditEvents).where(eq(auditEvents.entityId, id))).map(
      (event) => event.operation,
    );
    expect(operations.sort()).toEqual(['create', 'revoke']);
  });

  test('only the tenant administrator manages tokens and reads the groups; another tenant cannot revoke ours', async () => {
    for (const role of ['administrator', 'coordinator', 'auditor', 'reader'] as const) {
      const client = await h.as(role);
      expect((await client.get('/scim-tokens')).status).toBe(403);
      expect((await client.post('/scim-tokens', {})).status).toBe(403);
      expect((await client.get('/directory-groups')).status).toBe(403);
    }
    const { id } = await scimTokenFor(h.app, await h.as('tenantAdmin'));
    expect((await (await h.as('tenantAdmin')).delete(`/scim-tokens/${id}`)).status).toBe(200);
    const { id: ours } = await scimTokenFor(h.app, await h.as('tenantAdmin'));
    expect((await (await h.as('otherAdmin')).delete(`/scim-tokens/${ours}`)).status).toBe(404);
    expect((await (await h.as('otherAdmin')).get('/scim-tokens')).body.items).toEqual([]);
    expect((await (await h.as('tenantAdmin')).post('/scim-tokens', { name: 'x' })).status).toBe(400);
  });

  test('the directory’s live groups are listed by name with how many are in each now', async () => {
    const { scim } = await scimTokenFor(h.app, await h.as('tenantAdmin'));
    const person = async (userName: string) =>
      (await scim.post('/Users', { userName, displayName: userName, active: true })).body.id as string;
    const anna = await person(`anna-${h.suffix}@kommun.example`);
    const bo = await person(`bo-${h.suffix}@kommun.example`);
    const socialt = await scim.post('/Groups', {
      displayName: 'IK-Samordnare SOC',
      externalId: 'obj-1',
      members: [{ value: anna }, { value: bo }],
    });
    expect(socialt.status).toBe(201);
    expect(socialt.body.members).toHaveLength(2);
    const tom = await scim.post('/Groups', { displayName: 'alla läsare' });
    const borta = await scim.post('/Groups', { displayName: 'Borttagen' });
    await scim.delete(`/Groups/${borta.body.id}`);
    await scim.patch(`/Groups/${socialt.body.id}`, patchOp({ op: 'remove', path: 'members', value: [{ value: bo }] }));
    // The other tenant's groups are its own.
    await (await scimTokenFor(h.app, await h.as('otherAdmin'))).scim.post('/Groups', { displayName: 'Annans' });

    const listed = await (await h.as('tenantAdmin')).get('/directory-groups');
    expect(listed.status).toBe(200);
    expect(listed.body).toMatchObject({ total: 2, limit: 200, offset: 0 });
    expect(
      listed.body.items.map(
        (group: { displayName: string; externalId: string | null; memberCount: number; id: string }) => [
          group.id,
          group.displayName,
          group.externalId,
          group.memberCount,
        ],
      ),
    ).toEqual([
      [tom.body.id, 'alla läsare', null, 0],
      [socialt.body.id, 'IK-Samordnare SOC', 'obj-1', 1],
    ]);
  });
});
