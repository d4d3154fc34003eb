import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { apiTokens } from '../../db/schema/api-tokens.ts';
import { auditEvents } from '../../db/schema/audit-events.ts';
import { users } from '../../db/schema/users.ts';
import { clientFor, createHarness, type Harness } from '../../../../test/support/harness.ts';

describe('API tokens', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.close());

  async function token(access: 'read' | 'read_write', userId: string) {
    const reply = await (await h.as('tenantAdmin')).post('/api-tokens', { name: `Power BI ${access}`, access, userId });
    expect(reply.status).toBe(201);
    return reply.body as { id: string; token: string; prefix: string };
  }

  test('the secret is shown once and stored only as a hash', async () => {
    const created = await token('read', h.userIds.coordinator!);
    expect(created.token).toMatch(/^upt_[\w-]{43}$/);
    // The prefix shown in lists: "upt_" and six characters of the secret, enough to tell tokens apart.
    expect(created.prefix).toBe(created.token.slice(0, 10));
    const [stored] = await h.db.select().from(apiTokens).where(eq(apiTokens.id, created.id));
    expect(JSON.stringify(stored)).not.toContain(created.token);
    const listed = await (await h.as('tenantAdmin')).get('/api-tokens');
    expect(JSON.stringify(listed.body)).not.toContain(created.token);
    expect(listed.body.items.map((t: { id: string }) => t.id)).toContain(created.id);
  });

  test('a read-only token reads what its person reads and writes nothing, without any CSRF token', async () => {
    const created = await token('read', h.userIds.coordinator!);
    const client = clientFor(h.app, { authorization: `Bearer ${created.token}` });
    const me = await client.get('/me');
    expect(me.body).toMatchObject({ via: 'token', mayWrite: false, csrfToken: null });
    expect((await client.get(`/org-units/${h.tenant.unitA}`)).status).toBe(200);
    expect((await client.get(`/org-units/${h.tenant.unitB}`)).status).toBe(404);
    const write = await client.post('/plans', {
      unitId: h.tenant.unitA,
      kind: 'activity',
      title: 'P',
      startYear: 2026,
    });
    expect(write.status).toBe(403);
    expect(write.body.detail).toBe('API-nyckeln får bara läsa.');
  });

  test('a read-write token writes within its person’s roles; the audit log names the token as actor', async () => {
    const created = await token('read_write', h.userIds.coordinator!);
    const client = clientFor(h.app, { authorization: `Bearer ${created.token}` });
    const plan = await client.post('/plans', {
      unitId: h.tenant.unitA,
      kind: 'activity',
      title: 'Från integrationen',
      startYear: 2026,
    });
    expect(plan.status).toBe(201);
    const history = await (await h.as('auditor')).get(`/audit-events?entityId=${plan.body.id}`);
    expect(history.body.items[0]).toMatchObject({ actorKind: 'token', actorUserId: h.userIds.coordinator });
    expect(
      (await client.post('/plans', { unitId: h.tenant.unitB, kind: 'activity', title: 'P', startYear: 2026 })).status,
    ).toBe(400);
  });

  test('acting in someone else’s name: a write made with a token names the token and the administrator who created it', async () => {
    // The tenant administrator makes a read-write token for the coordinator and writes with it.
    const created = await token('read_write', h.userIds.coordinator!);
    const client = clientFor(h.app, { authorization: `Bearer ${created.token}` });
    const plan = await client.post('/plans', {
      unitId: h.tenant.unitA,
      kind: 'activity',
      title: 'I någon annans namn',
      startYear: 2026,
    });
    expect(plan.status).toBe(201);
    const history = await (await h.as('auditor')).get(`/audit-events?entityId=${plan.body.id}`);
    expect(history.body.items).toHaveLength(1);
    expect(history.body.items[0]).toMatchObject({
      actorKind: 'token',
      actorUserId: h.userIds.coordinator,
      actorName: 'Person coordinator',
      actorToken: {
        id: created.id,
        name: 'Power BI read_write',
        createdById: h.userIds.tenantAdmin,
        createdByName: 'Kommunens administratör',
      },
    });
    // The log can be read per token: everything this token wrote, and nothing else.
    const byToken = await (await h.as('auditor')).get(`/audit-events?actorTokenId=${created.id}`);
    expect(byToken.body.items.map((event: { entityId: string }) => event.entityId)).toEqual([plan.body.id]);
    // The coordinator's own writes with the browser name no token.
    const own = await (
      await h.as('coordinator')
    ).post('/plans', { unitId: h.tenant.unitA, kind: 'activity', title: 'Själv', startYear: 2026 });
    const ownHistory = await (await h.as('auditor')).get(`/audit-events?entityId=${own.body.id}`);
    expect(ownHistory.body.items[0]).toMatchObject({
      actorKind: 'user',
      actorUserId: h.userIds.coordinator,
      actorToken: null,
    });
  });

  test('creating a token leaves neither its secret nor its hash in the audit log', async () => {
    const created = await token('read', h.userIds.reader!);
    const [stored] = await h.db
      .select({ secretHash: apiTokens.secretHash })
      .from(apiTokens)
      .where(eq(apiTokens.id, created.id));
    const events = await (await h.as('tenantAdmin')).get(`/audit-events?entityId=${created.id}`);
    expect(events.body.items[0].changes).toMatchObject({
      secretHash: [null, '[redacted]'],
      name: [null, 'Power BI read'],
      createdById: [null, h.userIds.tenantAdmin],
    });
    const raw = JSON.stringify(await h.db.select().from(auditEvents).where(eq(auditEvents.entityId, created.id)));
    expect(raw).not.toContain(created.token);
    expect(raw).not.toContain(stored!.secretHash);
  });

  test('a revoked token stops working at once; a wrong one gets 401', async () => {
    const created = await token('read', h.userIds.reader!);
    const client = clientFor(h.app, { authorization: `Bearer ${created.token}` });
    expect((await client.get('/me')).status).toBe(200);
    const revoked = await (await h.as('tenantAdmin')).post(`/api-tokens/${created.id}/revoke`);
    expect(revoked.body.revokedAt).not.toBeNull();
    expect((await client.get('/me')).status).toBe(401);
    expect((await clientFor(h.app, { authorization: 'Bearer upt_nonsense' }).get('/me')).status).toBe(401);
  });

  test('the Authorization header: "Bearer" in any case, then one or more spaces, then the token and nothing more', async () => {
    const created = await token('read', h.userIds.reader!);
    const status = async (authorization: string) => (await clientFor(h.app, { authorization }).get('/me')).status;
    expect(await status(`Bearer ${created.token}`)).toBe(200);
    expect(await status(`bearer ${created.token}`)).toBe(200);
    expect(await status(`Bearer   ${created.token}`)).toBe(200);
    expect(await status(`Bearer ${created.token} extra`)).toBe(401);
    expect(await status(`XBearer ${created.token}`)).toBe(401);
    expect(await status(`Bearer${created.token}`)).toBe(401);
    expect(await status('Bearer ')).toBe(401);
    // A secret without the token prefix is no token, even if its hash were stored.
    expect(await status(`Bearer ${created.token.slice(4)}`)).toBe(401);
    const wrong = await clientFor(h.app, { authorization: 'Bearer upt_nonsense' }).get('/me', {
      'accept-language': 'en',
    });
    expect(wrong.body.detail).toBe('The API token is not valid or has been revoked.');
  });

  test('"last used" is written at the first use and then at most once a minute', async () => {
    const created = await token('read', h.userIds.reader!);
    const client = clientFor(h.app, { authorization: `Bearer ${created.token}` });
    const lastUsed = async () =>
      (
        await h.db.select({ lastUsedAt: apiTokens.lastUsedAt }).from(apiTokens).where(eq(apiTokens.id, created.id))
      )[0]!.lastUsedAt?.getTime() ?? null;
    expect(await lastUsed()).toBeNull();
    const first = h.clock.now().getTime();
    expect((await client.get('/me')).status).toBe(200);
    expect(await lastUsed()).toBe(first);
    h.clock.advance(60_000);
    expect((await client.get('/me')).status).toBe(200);
    expect(await lastUsed()).toBe(first);
    h.clock.advance(1_000);
    expect((await client.get('/me')).status).toBe(200);
    expect(await lastUsed()).toBe(first + 61_000);
  });

  test('a token stops working when its person is deactivated', async () => {
    const created = await token('read', h.userIds.responsible!);
    const client = clientFor(h.app, { authorization: `Bearer ${created.token}` });
    expect((await client.get('/me')).status).toBe(200);
    await h.db.update(users).set({ deactivatedAt: h.clock.now() }).where(eq(users.id, h.userIds.responsible!));
    expect((await client.get('/me')).status).toBe(401);
    await h.db.update(users).set({ deactivatedAt: null }).where(eq(users.id, h.userIds.responsible!));
  });

  test('only the tenant administrator manages tokens; another tenant cannot revoke ours', async () => {
    for (const role of ['administrator', 'coordinator', 'auditor'] as const) {
      const client = await h.as(role);
      expect((await client.get('/api-tokens')).status).toBe(403);
      expect((await client.post('/api-tokens', { name: 'x', access: 'read' })).status).toBe(403);
    }
    const created = await token('read', h.userIds.reader!);
    expect((await (await h.as('otherAdmin')).post(`/api-tokens/${created.id}/revoke`)).status).toBe(404);
  });
});
