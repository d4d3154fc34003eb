import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { queryRows } from '../../db/client.ts';
import { apiTokens } from '../../db/schema/api-tokens.ts';
import { auditEvents } from '../../db/schema/audit-events.ts';
import { directoryGroups, scimTokens } from '../../db/schema/directory.ts';
import { tenants } from '../../db/schema/tenants.ts';
import { DEFAULT_AUTH_SETTINGS } from '../../auth/auth-settings.ts';
import { createSession, SESSION_COOKIE } from '../../auth/sessions.ts';
import { users } from '../../db/schema/users.ts';
import { createHarness, type Harness } from '../../../../test/support/harness.ts';
import { patchOp, scimClient, scimTokenFor, type ScimClient } from '../../../../test/support/scim-client.ts';

const USER_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:User';
const ERROR_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:Error';

describe('SCIM: who may call, what a token reaches, filters, paging and refusals', () => {
  let h: Harness;
  let scim: ScimClient;
  let other: ScimClient;
  beforeAll(async () => {
    h = await createHarness();
    ({ scim } = await scimTokenFor(h.app, await h.as('tenantAdmin')));
    ({ scim: other } = await scimTokenFor(h.app, await h.as('otherAdmin')));
  });
  afterAll(() => h.close());

  /** Rows that a refused request must not have added to. */
  async function counts() {
    const [row] = await queryRows<{ users: number; events: number; groups: number }>(
      h.db,
      sql`select (select count(*) from users)::int as users, (select count(*) from audit_events)::int as events, (select count(*) from directory_groups)::int as groups`,
    );
    return row;
  }

  const newUser = (userName: string, extra: Record<string, unknown> = {}) => ({
    schemas: [USER_SCHEMA],
    userName,
    active: true,
    displayName: userName,
    ...extra,
  });

  test('a missing, wrong, revoked or other kind of token gets 401 in SCIM’s error shape, and nothing is written', async () => {
    const before = await counts();
    const apiToken = await (await h.as('tenantAdmin')).post('/api-tokens', { name: 'x', access: 'read_write' });
    const callers: [string, ScimClient][] = [
      ['none', scimClient(h.app, null)],
      ['empty', scimClient(h.app, 'Bearer ')],
      ['unknown', scimClient(h.app, 'Bearer scim_nonsense')],
      ['basic', scimClient(h.app, 'Basic c2NpbTpzY2lt')],
      ['an API token', scimClient(h.app, `Bearer ${apiToken.body.token}`)],
    ];
    for (const [label, client] of callers) {
      for (const [method, path, body] of [
        ['POST', '/Users', newUser(`intrang-${h.suffix}@a.se`)],
        ['POST', '/Groups', { displayName: `Intrång ${h.suffix}` }],
        ['GET', '/Users', undefined],
        ['DELETE', `/Users/${h.userIds.reader}`, undefined],
      ] as const) {
        const reply = await client.request(method, path, body);
        expect(reply.status, `${label} ${method} ${path}`).toBe(401);
        expect(reply.headers.get('content-type')).toMatch(/^application\/scim\+json/);
        expect(reply.body).toMatchObject({ schemas: [ERROR_SCHEMA], status: '401' });
        expect(reply.headers.get('www-authenticate')).toBe('Bearer realm="Uppsikt SCIM"');
      }
    }
    // A session cookie is no SCIM token either.
    const session = await createSession(
      h.db,
      h.tenant.tenantId,
      h.userIds.tenantAdmin!,
      h.clock.now(),
      DEFAULT_AUTH_SETTINGS.session,
    );
    const cookieCall = await h.app.request('/scim/v2/Users', {
      headers: { cookie: `${SESSION_COOKIE}=${session.secret}` },
    });
    expect(cookieCall.status).toBe(401);
    const { token, id, scim: revokedClient } = await scimTokenFor(h.app, await h.as('tenantAdmin'));
    expect((await revokedClient.get('/Users')).status).toBe(200);
    expect((await (await h.as('tenantAdmin')).delete(`/scim-tokens/${id}`)).status).toBe(200);
    const revoked = await revokedClient.post('/Users', newUser(`efter-${h.suffix}@a.se`));
    expect(revoked.status).toBe(401);
    expect(revoked.body.detail).toBe(
      'SCIM-nyckeln saknas, är inte giltig eller har återkallats. Skapa en ny under Administration → Katalogsynkronisering.',
    );
    expect((await revokedClient.request('GET', '/Users', undefined, { 'accept-language': 'en' })).body.detail).toMatch(
      /^The SCIM token is missing/,
    );
    expect(token).toMatch(/^scim_[\w-]{43}$/);
    const after = await counts();
    // Only the token creation, its revocation and the API token were written.
    expect(after!.users).toBe(before!.users);
    expect(after!.groups).toBe(before!.groups);
    expect(after!.events).toBe(before!.events + 3);
  });

  test('a suspended tenant’s token gets 403 and writes nothing', async () => {
    const before = await counts();
    await h.db.update(tenants).set({ suspendedAt: h.clock.now() }).where(eq(tenants.id, h.tenant.tenantId));
    try {
      const reply = await scim.post('/Users', newUser(`avstangd-${h.suffix}@a.se`));
      expect(reply.status).toBe(403);
      expect(reply.body).toMatchObject({ schemas: [ERROR_SCHEMA], status: '403' });
      expect(await counts()).toEqual(before);
    } finally {
      await h.db.update(tenants).set({ suspendedAt: null }).where(eq(tenants.id, h.tenant.tenantId));
    }
  });

  test('a token reaches its own tenant only: another tenant’s people are not found, not listed and cannot be members', async () => {
    const ours = await scim.post('/Users', newUser(`var-${h.suffix}@a.se`));
    expect(ours.status).toBe(201);
    const theirs = await other.post('/Users', newUser(`deras-${h.suffix}@b.se`));
    expect(theirs.status).toBe(201);
    // Each sees its own.
    expect((await other.get(`/Users/${ours.body.id}`)).status).toBe(404);
    expect((await scim.get(`/Users/${theirs.body.id}`)).status).toBe(404);
    expect(
      (await other.patch(`/Users/${ours.body.id}`, patchOp({ op: 'replace', path: 'active', value: false }))).status,
    ).toBe(404);
    expect((await other.delete(`/Users/${ours.body.id}`)).status).toBe(404);
    expect(
      (await other.get(`/Users?filter=${encodeURIComponent(`userName eq "var-${h.suffix}@a.se"`)}`)).body.totalResults,
    ).toBe(0);
    const all = (await other.get('/Users')).body as { Resources: { id: string }[] };
    expect(all.Resources.map((user) => user.id)).toEqual([theirs.body.id]);
    const [stillActive] = await h.db
      .select()
      .from(users)
      .where(eq(users.id, ours.body.id as string));
    expect(stillActive!.deactivatedAt).toBeNull();
    // A person of another tenant, or one the directory never provisioned, is no member.
    const group = await other.post('/Groups', { displayName: 'Deras grupp' });
    for (const member of [ours.body.id, h.userIds.otherAdmin, 'not-an-id']) {
      const reply = await other.patch(
        `/Groups/${group.body.id}`,
        patchOp({ op: 'add', path: 'members', value: [{ value: member }] }),
      );
      expect(reply.status).toBe(400);
      expect(reply.body).toMatchObject({ scimType: 'invalidValue' });
    }
    expect((await other.get(`/Groups/${group.body.id}`)).body.members).toEqual([]);
    expect((await scim.get(`/Groups/${group.body.id}`)).status).toBe(404);
    // The people the administrator added by hand are not the directory's until it provisions them.
    expect((await scim.get(`/Users/${h.userIds.reader}`)).status).toBe(404);
  });

  test('filters with eq on userName, externalId, displayName and emails; paging by startIndex and count', async () => {
    const ids: string[] = [];
    for (const index of [1, 2, 3, 4, 5]) {
      const reply = await scim.post(
        '/Users',
        newUser(`sida${index}-${h.suffix}@paging.se`, {
          externalId: `ext-${h.suffix}-${index}`,
          displayName: `Sida ${index}`,
        }),
      );
      ids.push(reply.body.id as string);
      h.clock.advance(1000);
    }
    const list = async (query: string) => (await scim.get(`/Users?${query}`)).body;
    const filter = (expression: string) => `filter=${encodeURIComponent(expression)}`;
    expect(
      (await list(filter(`externalId eq "ext-${h.suffix}-3"`))).Resources.map((u: { id: string }) => u.id),
    ).toEqual([ids[2]]);
    // externalId is case-exact; userName and e-mail are not.
    expect((await list(filter(`externalId eq "EXT-${h.suffix}-3"`))).totalResults).toBe(0);
    expect((await list(filter(`USERNAME Eq "SIDA2-${h.suffix}@PAGING.SE"`))).totalResults).toBe(1);
    expect((await list(filter(`displayName eq "Sida 4"`))).Resources[0].id).toBe(ids[3]);
    expect((await list(filter(`emails[type eq "work"].value eq "sida5-${h.suffix}@paging.se"`))).Resources[0].id).toBe(
      ids[4],
    );
    expect(
      (await list(filter(`userName eq "sida1-${h.suffix}@paging.se" and externalId eq "ext-${h.suffix}-1"`)))
        .totalResults,
    ).toBe(1);
    expect(
      (await list(filter(`userName eq "sida1-${h.suffix}@paging.se" and externalId eq "ext-${h.suffix}-2"`)))
        .totalResults,
    ).toBe(0);
    expect((await list(filter(`id eq "${ids[1]}"`))).Resources[0].userName).toBe(`sida2-${h.suffix}@paging.se`);
    expect((await list(filter('id eq "inte-ett-id"'))).totalResults).toBe(0);
    // Spaces written as "+", as a form would encode them.
    expect((await list(`filter=userName+eq+%22sida3-${h.suffix}%40paging.se%22`)).Resources[0].id).toBe(ids[2]);

    const paging = `${filter(`displayName eq "Sida 1"`)}`;
    expect((await list(paging)).totalResults).toBe(1);
    const everyone = await list('count=200');
    const total = everyone.totalResults as number;
    expect(everyone.itemsPerPage).toBe(total);
    const page = await list('startIndex=2&count=2');
    expect(page).toMatchObject({ totalResults: total, startIndex: 2, itemsPerPage: 2 });
    expect(page.Resources.map((u: { id: string }) => u.id)).toEqual(
      everyone.Resources.slice(1, 3).map((u: { id: string }) => u.id),
    );
    expect(await list('startIndex=0&count=0')).toMatchObject({
      totalResults: total,
      startIndex: 1,
      itemsPerPage: 0,
      Resources: [],
    });
    expect((await list(`startIndex=${total + 1}`)).Resources).toEqual([]);

    for (const expression of [
      `userName co "sida"`,
      `userName eq "a" or userName eq "b"`,
      `(userName eq "a")`,
      `title eq "x"`,
      `userName eq`,
      'not userName eq "a"',
    ]) {
      const reply = await scim.get(`/Users?${filter(expression)}`);
      expect(reply.status, expression).toBe(400);
      expect(reply.body, expression).toMatchObject({ schemas: [ERROR_SCHEMA], scimType: 'invalidFilter' });
    }
    // Groups by displayName, without regard to case, and by externalId.
    await scim.post('/Groups', { displayName: `IK-Läsare ${h.suffix}`, externalId: `g-${h.suffix}` });
    const groups = async (expression: string) =>
      (await scim.get(`/Groups?excludedAttributes=members&${filter(expression)}`)).body;
    expect((await groups(`displayName eq "ik-läsare ${h.suffix}"`)).totalResults).toBe(1);
    expect((await groups(`externalId eq "g-${h.suffix}"`)).Resources[0]).not.toHaveProperty('members');
  });

  test('bad input is 400 with its scimType, a taken name 409, and nothing of the request is written', async () => {
    const before = await counts();
    const refusals: [string, string, unknown, number, string][] = [
      ['POST', '/Users', '{"userName": ', 400, 'invalidSyntax'],
      ['POST', '/Users', [], 400, 'invalidSyntax'],
      ['POST', '/Users', { schemas: [USER_SCHEMA], displayName: 'Utan userName' }, 400, 'invalidValue'],
      [
        'POST',
        '/Users',
        newUser(`fel-${h.suffix}@a.se`, { emails: [{ value: 'inte en adress', type: 'work' }] }),
        400,
        'invalidValue',
      ],
      ['POST', '/Users', newUser(`lang-${h.suffix}@a.se`, { title: 'x'.repeat(501) }), 400, 'invalidValue'],
      ['POST', '/Users', newUser(`aktiv-${h.suffix}@a.se`, { active: 'kanske' }), 400, 'invalidValue'],
      ['POST', '/Groups', { externalId: 'utan namn' }, 400, 'invalidValue'],
      ['PATCH', `/Users/${h.userIds.reader}`, patchOp({ op: 'replace', path: 'title', value: 'x' }), 404, ''],
    ];
    for (const [method, path, body, status, scimType] of refusals) {
      const reply = await scim.request(method, path, body);
      expect(reply.status, `${method} ${path} ${JSON.stringify(body)}`).toBe(status);
      if (scimType) expect(reply.body).toMatchObject({ schemas: [ERROR_SCHEMA], scimType, status: String(status) });
    }
    const person = await scim.post('/Users', newUser(`unik-${h.suffix}@a.se`));
    const group = await scim.post('/Groups', { displayName: `Unik ${h.suffix}` });
    const afterCreation = await counts();
    for (const [method, path, body, scimType] of [
      ['PATCH', `/Users/${person.body.id}`, { Operations: [] }, 'invalidSyntax'],
      ['PATCH', `/Users/${person.body.id}`, patchOp({ op: 'move', path: 'title', value: 'x' }), 'invalidSyntax'],
      ['PATCH', `/Users/${person.body.id}`, patchOp({ op: 'replace', value: 'no object' }), 'invalidSyntax'],
      ['PATCH', `/Users/${person.body.id}`, patchOp({ op: 'remove', path: 'userName' }), 'invalidValue'],
      // A valid change before an invalid one in the same request is not written either.
      [
        'PATCH',
        `/Users/${person.body.id}`,
        patchOp(
          { op: 'replace', path: 'title', value: 'Ny titel' },
          { op: 'replace', path: 'emails[type eq "work"].value', value: 'nej' },
        ),
        'invalidValue',
      ],
      ['POST', '/Users', newUser(`UNIK-${h.suffix}@a.se`), 'uniqueness'],
      [
        'PATCH',
        `/Users/${person.body.id}`,
        patchOp({ op: 'replace', path: 'userName', value: `sida1-${h.suffix}@paging.se` }),
        'uniqueness',
      ],
      ['POST', '/Groups', { displayName: `UNIK ${h.suffix}` }, 'uniqueness'],
      [
        'PATCH',
        `/Groups/${group.body.id}`,
        patchOp({ op: 'add', path: 'members', value: [{ value: person.body.id }, { value: h.userIds.reader }] }),
        'invalidValue',
      ],
      [
        'PATCH',
        `/Groups/${group.body.id}`,
        patchOp({ op: 'add', path: `members[value eq "${person.body.id}"]` }),
        'invalidPath',
      ],
    ] as const) {
      const reply = await scim.request(method, path, body);
      expect(reply.status, `${method} ${path} ${JSON.stringify(body)}`).toBe(scimType === 'uniqueness' ? 409 : 400);
      expect(reply.body).toMatchObject({ scimType });
    }
    expect(await counts()).toEqual(afterCreation);
    expect(afterCreation!.users).toBe(before!.users + 1);
    const [unchanged] = await h.db
      .select()
      .from(users)
      .where(eq(users.id, person.body.id as string));
    expect(unchanged!.title).toBeNull();
    const [group1] = await h.db
      .select()
      .from(directoryGroups)
      .where(eq(directoryGroups.id, group.body.id as string));
    expect(group1!.version).toBe(1);
    expect((await scim.get('/Nothing')).status).toBe(404);
  });

  test('the discovery endpoints describe what is supported', async () => {
    const config = await scim.get('/ServiceProviderConfig');
    expect(config.body).toMatchObject({
      patch: { supported: true },
      bulk: { supported: false },
      filter: { supported: true, maxResults: 200 },
      authenticationSchemes: [{ type: 'oauthbearertoken' }],
    });
    expect((await scim.get('/ResourceTypes')).body.Resources.map((type: { id: string }) => type.id)).toEqual([
      'User',
      'Group',
    ]);
    expect((await scim.get('/ResourceTypes/User')).body.endpoint).toBe('/Users');
    const schemaList = await scim.get('/Schemas');
    expect(schemaList.body.totalResults).toBe(2);
    expect((await scim.get(`/Schemas/${USER_SCHEMA}`)).body.attributes.map((a: { name: string }) => a.name)).toContain(
      'userName',
    );
  });

  test('"last used" is written at the first request and then at most once a minute; nothing of the token is in the log', async () => {
    const { id, token, scim: client } = await scimTokenFor(h.app, await h.as('tenantAdmin'));
    const lastUsed = async () =>
      (
        await h.db.select({ lastUsedAt: scimTokens.lastUsedAt }).from(scimTokens).where(eq(scimTokens.id, id))
      )[0]!.lastUsedAt?.getTime() ?? null;
    expect(await lastUsed()).toBeNull();
    const first = h.clock.now().getTime();
    await client.get('/Users?count=1');
    expect(await lastUsed()).toBe(first);
    h.clock.advance(30_000);
    await client.get('/Users?count=1');
    expect(await lastUsed()).toBe(first);
    h.clock.advance(31_000);
    await client.get('/Users?count=1');
    expect(await lastUsed()).toBe(first + 61_000);
    const [stored] = await h.db.select().from(scimTokens).where(eq(scimTokens.id, id));
    const log = JSON.stringify(await h.db.select().from(auditEvents));
    expect(log).not.toContain(token);
    expect(log).not.toContain(stored!.secretHash);
    expect(JSON.stringify(stored)).not.toContain(token);
    // An API token's table never learns of SCIM tokens.
    expect(JSON.stringify(await h.db.select().from(apiTokens))).not.toContain(token);
  });
});
