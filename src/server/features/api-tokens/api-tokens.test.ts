import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { apiTokens } from '../../db/schema/api-tokens.ts';
import { clientFor, createHarness, type Harness } from '../../http/test-harness.ts';

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
    expect(created.token.startsWith(created.prefix)).toBe(true);
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
    const write = await client.post('/plans', { unitId: h.tenant.unitA, kind: 'activity', title: 'P', startYear: 2026 });
    expect(write.status).toBe(403);
    expect(write.body.detail).toBe('API-nyckeln får bara läsa.');
  });

  test('a read-write token writes within its person’s roles; the audit log names the token as actor', async () => {
    const created = await token('read_write', h.userIds.coordinator!);
    const client = clientFor(h.app, { authorization: `Bearer ${created.token}` });
    const plan = await client.post('/plans', { unitId: h.tenant.unitA, kind: 'activity', title: 'Från integrationen', startYear: 2026 });
    expect(plan.status).toBe(201);
    const history = await (await h.as('auditor')).get(`/audit-events?entityId=${plan.body.id}`);
    expect(history.body.items[0]).toMatchObject({ actorKind: 'token', actorUserId: h.userIds.coordinator });
    expect((await client.post('/plans', { unitId: h.tenant.unitB, kind: 'activity', title: 'P', startYear: 2026 })).status).toBe(400);
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
