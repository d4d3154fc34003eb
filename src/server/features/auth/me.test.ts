import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { auditEvents } from '../../db/schema/audit-events.ts';
import { apiTokens } from '../../db/schema/api-tokens.ts';
import { newApiTokenSecret } from '../../auth/api-token-secrets.ts';
import { clientFor, createHarness, type Harness } from '../../../../test/support/harness.ts';

describe('PATCH /me: a person changes their own name, title and language', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.close());

  test('changes only the signed-in person, answers with who they are now, and is in the audit log', async () => {
    const client = await h.as('responsible');
    const before = (await client.get('/me')).body as { user: { version: number; locale: string } };
    expect(before.user.locale).toBe('sv');
    const changed = await client.patch('/me', {
      version: before.user.version,
      name: '  Rut Ansvarig  ',
      title: 'Rektor',
      locale: 'en',
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({
      user: { name: 'Rut Ansvarig', title: 'Rektor', locale: 'en', version: before.user.version + 1 },
      via: 'session',
    });
    const [event] = await h.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, h.userIds.responsible!), eq(auditEvents.operation, 'update')));
    expect(event).toMatchObject({ actorUserId: h.userIds.responsible, entityType: 'user' });
    expect(event!.changes).toMatchObject({ name: ['Person responsible', 'Rut Ansvarig'], locale: ['sv', 'en'] });
    // Nobody else changed.
    const other = (await (await h.as('reader')).get('/me')).body as { user: { name: string } };
    expect(other.user.name).toBe('Person reader');
  });

  test('a stale version gets 409 with the profile as it is now; the version comes in the body or as If-Match, never not at all', async () => {
    const client = await h.as('auditor');
    const { user } = (await client.get('/me')).body as { user: { version: number } };
    expect((await client.patch('/me', { version: user.version, title: 'Revisor' })).status).toBe(200);
    const stale = await client.patch('/me', { version: user.version, title: 'Förtroendevald revisor' });
    expect(stale.status).toBe(409);
    expect((stale.body as { current: unknown }).current).toMatchObject({ title: 'Revisor', version: user.version + 1 });
    expect((await client.patch('/me', { title: 'Utan version' })).status).toBe(400);
    const viaHeader = await client.patch('/me', { title: 'Med If-Match' }, { 'if-match': `"${user.version + 1}"` });
    expect(viaHeader.status).toBe(200);
    expect((viaHeader.body as { user: { title: string } }).user.title).toBe('Med If-Match');
  });

  test('the e-mail address and unknown fields are refused by name; an empty name too', async () => {
    const client = await h.as('coordinator');
    const { user } = (await client.get('/me')).body as { user: { version: number } };
    const refused = await client.patch('/me', { version: user.version, email: 'ny@example.se', name: '' });
    expect(refused.status).toBe(400);
    const paths = (refused.body as { errors: { path: string }[] }).errors.map((error) => error.path).sort();
    expect(paths).toEqual(['email', 'name']);
  });

  test('a read-only API token cannot change its person', async () => {
    const token = newApiTokenSecret();
    await h.db.insert(apiTokens).values({
      tenantId: h.tenant.tenantId,
      name: 'Läsning',
      userId: h.userIds.reader!,
      access: 'read',
      secretHash: token.secretHash,
      prefix: token.prefix,
      createdById: h.userIds.tenantAdmin!,
    });
    const integration = clientFor(h.app, { authorization: `Bearer ${token.token}` });
    const { user } = (await integration.get('/me')).body as { user: { version: number } };
    expect((await integration.patch('/me', { version: user.version, name: 'Ändrad av nyckel' })).status).toBe(403);
  });
});
