import { and, eq, isNull, sql } from 'drizzle-orm';
import { directoryGroupMembers, directoryGroups } from '../../db/schema/directory.ts';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest';
import { auditEvents } from '../../db/schema/audit-events.ts';
import { externalIdentities, identityProviders } from '../../db/schema/identity-providers.ts';
import { roleAssignments } from '../../db/schema/role-assignments.ts';
import { users } from '../../db/schema/users.ts';
import { createHarness, HARNESS_NOW, type Harness } from '../../../../test/support/harness.ts';
import { signInAtProvider } from '../../../../test/support/oidc-browserless.ts';
import { startOidcProvider, type TestOidcProvider } from '../../../../test/support/oidc-provider.ts';

// Sign-in through a real OpenID provider (oidc-provider, certified), started here. The
// provider's and the server's clocks are the same fixed moment: Date is faked for the whole
// test (the provider reads it), and the server's own clock is the harness's.

const PUBLIC_URL = 'http://uppsikt.test';
const KEY = Buffer.from('a server key of thirty-two characters or more, for the tests');
let h: Harness;
let idp: TestOidcProvider;
let providerId: string;
let slug: string;

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'], now: new Date(HARNESS_NOW), shouldAdvanceTime: true });
  h = await createHarness({ linkMail: { key: KEY, publicUrl: PUBLIC_URL, smtp: false } });
  idp = await startOidcProvider({
    accounts: [
      { login: 'anna', email: 'anna.samordnare@kommun.example', name: 'Anna Samordnare', groups: ['IK-Samordnare'] },
      { login: 'bertil', email: 'bertil@kommun.example', name: 'Bertil Samordnare', groups: ['IK-Samordnare'] },
      { login: 'okand', email: 'okand@kommun.example', name: 'Okänd Person', groups: ['Alla anställda'] },
      { login: 'linked', email: `coordinator-${h.suffix}@example.se`, name: 'Person coordinator', groups: [] },
    ],
    clients: [
      {
        clientId: 'uppsikt',
        clientSecret: 'client secret of uppsikt at the provider',
        redirectUris: [`${PUBLIC_URL}/sso/huvud-${h.suffix}/test-idp/oidc/callback`],
        postLogoutRedirectUris: [`${PUBLIC_URL}/sso/huvud-${h.suffix}/test-idp/oidc/logged-out`],
      },
    ],
  });
  slug = `huvud-${h.suffix}`;
});

afterAll(async () => {
  await idp?.stop();
  await h?.close();
  vi.useRealTimers();
});

beforeEach(async () => {
  const admin = await h.as('tenantAdmin');
  const created = await admin.post('/identity-providers', {
    protocol: 'oidc',
    name: 'Kommunens konto',
    slug: 'test-idp',
    settings: { issuer: idp.issuer, clientId: 'uppsikt' },
    clientSecret: 'client secret of uppsikt at the provider',
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  providerId = (created.body as { id: string }).id;
  const rule = await admin.post('/role-mapping-rules', {
    claim: 'groups',
    value: 'ik-samordnare',
    role: 'coordinator',
    unitId: h.tenant.unitA,
  });
  expect(rule.status, JSON.stringify(rule.body)).toBe(201);
});

afterEach(async () => {
  // Each test starts from a tenant without the provider: its rows go, with what hangs on them.
  for (const statement of [
    'delete from role_assignments where rule_id is not null',
    'delete from sessions where provider_id is not null',
    'delete from sso_attempts',
    'delete from external_identities',
    'delete from role_mapping_rules',
    'delete from identity_providers',
  ])
    await h.db.execute(sql.raw(statement));
});

/** Starts a sign-in at the app, signs in at the provider as `login`, and returns the app's answer at the redirect URI. */
async function signInAs(login: string, before?: () => void) {
  const started = await h.app.request(`/sso/${slug}/test-idp/oidc/login?returnTo=/planer`);
  expect(started.status).toBe(303);
  const back = await signInAtProvider(idp, started.headers.get('location')!, login, PUBLIC_URL);
  before?.();
  const url = new URL(back);
  const answer = await h.app.request(url.pathname + url.search);
  return { answer, callback: url.pathname + url.search };
}

function failureOf(answer: Response): string | null {
  const location = answer.headers.get('location') ?? '';
  return new URL(location, PUBLIC_URL).searchParams.get('sso-fel');
}

describe('signing in through an OpenID provider', () => {
  test('an unknown person whom a group rule covers is created with the role and lands where they were going', async () => {
    const { answer } = await signInAs('anna');
    expect(answer.status).toBe(303);
    expect(answer.headers.get('location')).toBe('/planer');
    const cookie = answer.headers.get('set-cookie')!.split(';')[0]!;
    const me = await h.app.request('/api/v1/me', { headers: { cookie } });
    const body = (await me.json()) as {
      user: { name: string; email: string };
      roles: { role: string; unitId: string }[];
    };
    expect(body.user).toMatchObject({ name: 'Anna Samordnare', email: 'anna.samordnare@kommun.example' });
    expect(body.roles).toEqual([expect.objectContaining({ role: 'coordinator', unitId: h.tenant.unitA })]);
    const events = await h.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.tenantId, h.tenant.tenantId), eq(auditEvents.operation, 'sso_sign_in')));
    expect(events).toHaveLength(1);
    expect(JSON.stringify(events)).not.toContain('client secret');
  });

  test('when the group goes, the role it gave goes at the next sign-in; roles given by hand stay', async () => {
    await signInAs('anna');
    const [anna] = await h.db.select().from(users).where(eq(users.email, 'anna.samordnare@kommun.example'));
    await h.db.insert(roleAssignments).values({
      tenantId: h.tenant.tenantId,
      userId: anna!.id,
      unitId: h.tenant.unitB,
      role: 'reader',
    });
    idp.accounts.get('anna')!.groups = ['Alla anställda'];
    const { answer } = await signInAs('anna');
    expect(answer.status).toBe(303);
    const live = await h.db
      .select({ role: roleAssignments.role, unitId: roleAssignments.unitId, revokedAt: roleAssignments.revokedAt })
      .from(roleAssignments)
      .where(eq(roleAssignments.userId, anna!.id));
    expect(live.filter((row) => row.revokedAt === null)).toEqual([
      { role: 'reader', unitId: h.tenant.unitB, revokedAt: null },
    ]);
    idp.accounts.get('anna')!.groups = ['IK-Samordnare'];
  });

  test('signing out of Uppsikt leads on to signing out at the provider', async () => {
    const { answer } = await signInAs('anna');
    const cookie = answer.headers.get('set-cookie')!.split(';')[0]!;
    const me = (await (await h.app.request('/api/v1/me', { headers: { cookie } })).json()) as { csrfToken: string };
    const out = await h.app.request('/api/v1/auth/logout', {
      method: 'POST',
      headers: { cookie, 'x-csrf-token': me.csrfToken },
    });
    expect(out.status).toBe(200);
    const { signOutUrl } = (await out.json()) as { signOutUrl: string };
    const url = new URL(signOutUrl);
    expect(url.origin).toBe(idp.issuer);
    expect(url.searchParams.get('client_id')).toBe('uppsikt');
    expect(url.searchParams.get('post_logout_redirect_uri')).toBe(`${PUBLIC_URL}/sso/${slug}/test-idp/oidc/logged-out`);
    expect((await h.app.request('/api/v1/me', { headers: { cookie } })).status).toBe(401);
  });

  test('a person already in Uppsikt with the address is linked, not created twice', async () => {
    const { answer } = await signInAs('linked');
    expect(answer.status).toBe(303);
    const [identity] = await h.db.select().from(externalIdentities).where(eq(externalIdentities.subject, 'linked'));
    expect(identity!.userId).toBe(h.userIds.coordinator);
  });

  test("a role the directory's group gives is not taken back by a sign-in whose token names no groups", async () => {
    await signInAs('anna');
    const [anna] = await h.db.select().from(users).where(eq(users.email, 'anna.samordnare@kommun.example'));
    const [group] = await h.db
      .insert(directoryGroups)
      .values({ tenantId: h.tenant.tenantId, displayName: 'IK-Samordnare', externalId: 'object-id-1' })
      .returning();
    await h.db
      .insert(directoryGroupMembers)
      .values({ tenantId: h.tenant.tenantId, groupId: group!.id, userId: anna!.id });
    idp.accounts.get('anna')!.groups = [];
    try {
      await signInAs('anna');
      const live = await h.db
        .select({ role: roleAssignments.role })
        .from(roleAssignments)
        .where(and(eq(roleAssignments.userId, anna!.id), isNull(roleAssignments.revokedAt)));
      expect(live.map((row) => row.role)).toContain('coordinator');
    } finally {
      idp.accounts.get('anna')!.groups = ['IK-Samordnare'];
      await h.db.execute(sql.raw('delete from directory_group_members'));
      await h.db.execute(sql.raw('delete from directory_groups'));
    }
  });

  test('a new subject with the address of a person linked to another subject is refused, not made a second person', async () => {
    idp.accounts.set('anna-again', {
      login: 'anna-again',
      email: 'ANNA.samordnare@kommun.example',
      name: 'Anna igen',
      groups: ['IK-Samordnare'],
    });
    await signInAs('anna');
    const { answer } = await signInAs('anna-again');
    expect(failureOf(answer)).toBe('identity_conflict');
    expect(await h.db.select().from(users).where(eq(users.name, 'Anna igen'))).toEqual([]);
  });

  test('an unknown person whom no rule covers is refused and nothing is created', async () => {
    const { answer } = await signInAs('okand');
    expect(failureOf(answer)).toBe('no_role');
    expect(answer.headers.get('set-cookie')).toBeNull();
    expect(await h.db.select().from(users).where(eq(users.email, 'okand@kommun.example'))).toEqual([]);
  });

  test('an ID token meant for another application is refused and nothing is created', async () => {
    const { answer } = await signInAs('bertil', () => idp.misbehaveOnce('wrong-audience'));
    expect(failureOf(answer)).toBe('token_rejected');
    expect(await h.db.select().from(users).where(eq(users.email, 'bertil@kommun.example'))).toEqual([]);
    const [failed] = await h.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.operation, 'sso_sign_in_failed'), eq(auditEvents.entityId, providerId)));
    expect(JSON.stringify(failed!.changes)).toContain('aud');
  });

  test('an expired ID token is refused', async () => {
    const { answer } = await signInAs('bertil', () => idp.misbehaveOnce('expired'));
    expect(failureOf(answer)).toBe('token_rejected');
    expect(await h.db.select().from(users).where(eq(users.email, 'bertil@kommun.example'))).toEqual([]);
  });

  test('a state that comes back a second time is a replay and is refused', async () => {
    const { answer, callback } = await signInAs('anna');
    expect(answer.status).toBe(303);
    expect(failureOf(answer)).toBeNull();
    const replay = await h.app.request(callback);
    expect(failureOf(replay)).toBe('state_unknown');
    expect(replay.headers.get('set-cookie')).toBeNull();
  });

  test('an attempt older than its lifetime is refused when it comes back', async () => {
    const started = await h.app.request(`/sso/${slug}/test-idp/oidc/login`);
    const back = await signInAtProvider(idp, started.headers.get('location')!, 'anna', PUBLIC_URL);
    h.clock.set(new Date(Date.parse(HARNESS_NOW) + 11 * 60_000).toISOString());
    try {
      const url = new URL(back);
      expect(failureOf(await h.app.request(url.pathname + url.search))).toBe('state_expired');
    } finally {
      h.clock.set(HARNESS_NOW);
    }
  });

  test("one tenant's provider is not reachable under another tenant's name", async () => {
    const answer = await h.app.request(`/sso/annan-${h.suffix}/test-idp/oidc/login`);
    expect(failureOf(answer)).toBe('unknown_provider');
  });

  test('a turned-off provider signs nobody in', async () => {
    const admin = await h.as('tenantAdmin');
    await admin.patch(`/identity-providers/${providerId}`, { version: 1, enabled: false });
    const answer = await h.app.request(`/sso/${slug}/test-idp/oidc/login`);
    expect(failureOf(answer)).toBe('unknown_provider');
  });
});

describe('administering identity providers', () => {
  test('the client secret is sealed: never shown, never in the audit log, and not in the clear in the database', async () => {
    const admin = await h.as('tenantAdmin');
    const listed = await admin.get('/identity-providers');
    expect(JSON.stringify(listed.body)).not.toContain('client secret of uppsikt');
    expect(listed.body).toMatchObject({
      items: [
        {
          hasClientSecret: true,
          addresses: { redirect: `${PUBLIC_URL}/sso/${slug}/test-idp/oidc/callback` },
        },
      ],
    });
    const [row] = await h.db.select().from(identityProviders).where(eq(identityProviders.id, providerId));
    expect(row!.sealedSecret).not.toContain('client secret');
    const events = await h.db.select().from(auditEvents).where(eq(auditEvents.entityId, providerId));
    expect(JSON.stringify(events)).not.toContain('client secret of uppsikt');
  });

  test('only the tenant administrator manages them, and only their own', async () => {
    const coordinator = await h.as('coordinator');
    expect((await coordinator.get('/identity-providers')).status).toBe(403);
    expect(
      (
        await coordinator.post('/role-mapping-rules', {
          claim: 'groups',
          value: 'x',
          role: 'administrator',
          unitId: h.tenant.rootId,
        })
      ).status,
    ).toBe(403);
    const other = await h.as('otherAdmin');
    expect((await other.get(`/identity-providers/${providerId}`)).status).toBe(404);
    expect(
      (await other.post('/role-mapping-rules', { claim: 'groups', value: 'x', role: 'reader', unitId: h.tenant.unitA }))
        .status,
    ).toBe(400);
  });

  test('bad settings are named field by field', async () => {
    const admin = await h.as('tenantAdmin');
    const answer = await admin.post('/identity-providers', {
      protocol: 'oidc',
      name: 'Fel',
      slug: 'Fel Namn',
      settings: { issuer: 'inte en adress', clientId: '' },
    });
    expect(answer.status).toBe(400);
    const paths = (answer.body as { errors: { path: string }[] }).errors.map((error) => error.path);
    expect(paths).toEqual(expect.arrayContaining(['slug', 'settings.issuer', 'settings.clientId']));
  });

  test('a test sign-in reports what the provider sent and what the rules give, and signs nobody in', async () => {
    const admin = await h.as('tenantAdmin');
    const started = await admin.post(`/identity-providers/${providerId}/test-sign-in`);
    expect(started.status).toBe(201);
    const { url, attemptId } = started.body as { url: string; attemptId: string };
    const back = new URL(await signInAtProvider(idp, url, 'bertil', PUBLIC_URL));
    const answer = await h.app.request(back.pathname + back.search);
    expect(answer.headers.get('location')).toBe(`/administration/inloggning/${providerId}/test/${attemptId}`);
    expect(answer.headers.get('set-cookie')).toBeNull();
    const outcome = await admin.get(`/identity-providers/${providerId}/test-sign-ins/${attemptId}`);
    expect(outcome.body).toMatchObject({
      finished: true,
      result: {
        subject: 'bertil',
        email: 'bertil@kommun.example',
        values: { groups: ['IK-Samordnare'] },
        rules: [{ role: 'coordinator', unitId: h.tenant.unitA }],
      },
    });
    expect(await h.db.select().from(users).where(eq(users.email, 'bertil@kommun.example'))).toEqual([]);
  });

  test("a rule's preview names whom it would give the role, from their last sign-in", async () => {
    await signInAs('anna');
    const admin = await h.as('tenantAdmin');
    const preview = await admin.post('/role-mapping-rules/preview', {
      claim: 'groups',
      value: 'IK-SAMORDNARE',
      role: 'responsible',
      unitId: h.tenant.unitB,
      providerId: null,
    });
    expect(preview.body).toMatchObject({ people: [{ name: 'Anna Samordnare', alreadyHolds: false }] });
  });

  test("the sign-in page learns the organisation's buttons", async () => {
    const answer = await h.anonymous.get(`/sign-in-options?organisation=${slug}`);
    expect(answer.body).toEqual({
      organisation: { slug, name: `Kommun ${slug}` },
      options: [{ name: 'Kommunens konto', protocol: 'oidc', signIn: `/sso/${slug}/test-idp/oidc/login` }],
      passwordSignIn: true,
    });
    expect((await h.anonymous.get('/sign-in-options?organisation=finns-inte')).body).toMatchObject({
      organisation: null,
      options: [],
    });
  });
});
