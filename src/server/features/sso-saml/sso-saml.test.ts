import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { and, count, eq, isNull } from 'drizzle-orm';
import { createHarness, clientFor, type Harness } from '../../../../test/support/harness.ts';
import {
  assertionTimes,
  requestFromIssuer,
  SAML_IDP_USERS,
  startSamlIdp,
  tampered,
  withoutSignatures,
  type PostedResponse,
  type SamlIdp,
  type SamlIdpUser,
} from '../../../../test/support/saml-idp.ts';
import { auditEvents } from '../../db/schema/audit-events.ts';
import { externalIdentities, identityProviders, roleMappingRules } from '../../db/schema/identity-providers.ts';
import { roleAssignments } from '../../db/schema/role-assignments.ts';
import { sessions } from '../../db/schema/sessions.ts';
import { users } from '../../db/schema/users.ts';
import { SESSION_COOKIE } from '../../auth/sessions.ts';
import { SAML_CLOCK_SKEW_MS, samlServiceProvider } from '../../sso/saml.ts';
import { settingsFromIdpMetadata } from '../../sso/saml-metadata.ts';

// SAML sign-in against a real IdP (SimpleSAMLphp, started for this file): the browser's way is
// driven by hand. The test follows the app's redirect to the IdP, signs in on its login form,
// takes the page that would post the response back, and posts it to the app itself. Every bad
// response is made from a real one the IdP signed. The server's clock is set by the IdP's.

/** Where the harness's app says it lives; our entity id and ACS start with it. */
const PUBLIC_URL = 'http://localhost:3000';
const PROVIDER = 'kommunens-idp';

let idp: SamlIdp;
let h: Harness;
let mainSlug: string;
let otherSlug: string;
let providerId: string;

async function addProvider(tenantId: string, tenantSlug: string, slug = PROVIDER, signAssertion = true) {
  const settings = await settingsFromIdpMetadata(await idp.metadataXml(), { metadataUrl: idp.metadataUrl });
  const [row] = await h.db
    .insert(identityProviders)
    .values({
      tenantId,
      protocol: 'saml',
      name: 'Kommunens konto',
      slug,
      settings: { ...settings, attributes: { email: 'email', name: 'displayName', groups: 'groups' } },
    })
    .returning({ id: identityProviders.id });
  idp.registerServiceProvider({ ...samlServiceProvider(PUBLIC_URL, { tenantSlug, slug }), signAssertion });
  return row!.id;
}

beforeAll(async () => {
  // The IdP first: without PHP the file fails at once, with what to install.
  idp = await startSamlIdp();
  h = await createHarness();
  mainSlug = `huvud-${h.suffix}`;
  otherSlug = `annan-${h.suffix}`;
  providerId = await addProvider(h.tenant.tenantId, mainSlug);
  await addProvider(h.otherTenant.tenantId, otherSlug);
  // Members of IK-Samordnare coordinate Nämnd A.
  await h.db.insert(roleMappingRules).values({
    tenantId: h.tenant.tenantId,
    providerId,
    claim: 'groups',
    value: 'ik-samordnare',
    role: 'coordinator',
    unitId: h.tenant.unitA,
  });
});

afterAll(async () => {
  await Promise.all([idp?.stop(), h?.close()]);
});

/** Starts a sign-in at the app (at the IdP's time) and returns where it sends the browser. */
async function startSignIn(tenantSlug = mainSlug, returnTo = '/planer', slug = PROVIDER) {
  h.clock.set(await idp.now());
  const start = await h.app.request(`/sso/${tenantSlug}/${slug}/saml/login?returnTo=${encodeURIComponent(returnTo)}`);
  expect(start.status).toBe(303);
  return start.headers.get('location')!;
}

/** A whole trip through the IdP: the response it would have the browser post back. */
async function responseFor(user: SamlIdpUser, tenantSlug = mainSlug): Promise<PostedResponse> {
  return idp.signIn(await startSignIn(tenantSlug), user);
}

/** Posts a response to the app as the IdP's page would, a moment after the IdP issued it. */
async function post(response: PostedResponse, changes: Partial<PostedResponse> = {}, atMs?: number) {
  const posted = { ...response, ...changes };
  h.clock.set(new Date(atMs ?? assertionTimes(response.SAMLResponse).issueInstant.getTime() + 2000));
  const form = new URLSearchParams({ SAMLResponse: posted.SAMLResponse });
  if (posted.RelayState !== null) form.set('RelayState', posted.RelayState);
  return h.app.request(new URL(posted.action).pathname, {
    method: 'POST',
    body: form,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
}

/** Where a failed sign-in sends the browser: the sign-in page, with the reason. */
function failureOf(answer: Response) {
  expect(answer.status).toBe(303);
  const location = new URL(answer.headers.get('location')!, PUBLIC_URL);
  expect(location.pathname).toBe('/logga-in');
  expect(answer.headers.get('set-cookie')).toBeNull();
  return location.searchParams.get('sso-fel');
}

/** What a sign-in may create in a tenant: people, their identities, roles and sessions. */
async function footprint(tenantId: string) {
  const [people] = await h.db.select({ n: count() }).from(users).where(eq(users.tenantId, tenantId));
  const [identities] = await h.db
    .select({ n: count() })
    .from(externalIdentities)
    .where(eq(externalIdentities.tenantId, tenantId));
  const [roles] = await h.db
    .select({ n: count() })
    .from(roleAssignments)
    .where(and(eq(roleAssignments.tenantId, tenantId), isNull(roleAssignments.revokedAt)));
  const [open] = await h.db.select({ n: count() }).from(sessions).where(eq(sessions.tenantId, tenantId));
  return { people: people!.n, identities: identities!.n, roles: roles!.n, sessions: open!.n };
}

/** The last failure the tenant's audit log recorded for the provider. */
async function lastFailure(tenantId: string) {
  const rows = await h.db
    .select({ changes: auditEvents.changes })
    .from(auditEvents)
    .where(and(eq(auditEvents.tenantId, tenantId), eq(auditEvents.operation, 'sso_sign_in_failed')))
    .orderBy(auditEvents.occurredAt, auditEvents.id);
  return rows.at(-1)?.changes as { reason: [null, string]; details: [null, string] } | undefined;
}

async function personByEmail(email: string) {
  const [person] = await h.db
    .select()
    .from(users)
    .where(and(eq(users.tenantId, h.tenant.tenantId), eq(users.email, email)));
  return person;
}

describe('SAML sign-in through a real IdP', () => {
  test('the SP metadata names our entity id and ACS, and asks for signed assertions and a persistent NameID', async () => {
    const answer = await h.app.request(`/sso/${mainSlug}/${PROVIDER}/saml/metadata`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toContain('application/samlmetadata+xml');
    const xml = await answer.text();
    const sp = samlServiceProvider(PUBLIC_URL, { tenantSlug: mainSlug, slug: PROVIDER });
    expect(xml).toContain(`entityID="${sp.entityId}"`);
    expect(xml).toContain(`Location="${sp.acs}"`);
    expect(xml).toContain('WantAssertionsSigned="true"');
    expect(xml).toContain('urn:oasis:names:tc:SAML:2.0:nameid-format:persistent');
    // A stable address gives the same document.
    expect(await (await h.app.request(`/sso/${mainSlug}/${PROVIDER}/saml/metadata`)).text()).toBe(xml);
    expect((await h.app.request(`/sso/${mainSlug}/okand/saml/metadata`)).status).toBe(404);
  });

  test('a person the rules give a role is created with it, linked by the NameID, and signed in', async () => {
    const response = await responseFor(SAML_IDP_USERS.anna);
    expect(response.RelayState).not.toBeNull();
    const answer = await post(response);
    expect(answer.status).toBe(303);
    expect(answer.headers.get('location')).toBe('/planer');
    const cookie = /uppsikt_session=([^;]+)/.exec(answer.headers.get('set-cookie') ?? '')?.[1];
    expect(cookie).toBeTruthy();

    const anna = await personByEmail('anna.berg@kommun.example');
    expect(anna?.name).toBe('Anna Berg');
    const [identity] = await h.db
      .select()
      .from(externalIdentities)
      .where(and(eq(externalIdentities.tenantId, h.tenant.tenantId), eq(externalIdentities.userId, anna!.id)));
    expect(identity).toMatchObject({ providerId, subject: 'anna-1001' });
    expect(identity!.lastClaims).toMatchObject({ groups: ['IK-Samordnare', 'Alla anställda'] });
    const roles = await h.db
      .select({ role: roleAssignments.role, unitId: roleAssignments.unitId })
      .from(roleAssignments)
      .where(and(eq(roleAssignments.tenantId, h.tenant.tenantId), eq(roleAssignments.userId, anna!.id)));
    expect(roles).toEqual([{ role: 'coordinator', unitId: h.tenant.unitA }]);

    // The session is a real one.
    const me = await clientFor(h.app, { cookie: `${SESSION_COOKIE}=${cookie}` }).get('/me');
    expect(me.status).toBe(200);
    expect(JSON.stringify(me.body)).toContain('Anna Berg');

    // Signing in again finds her by the NameID: no second person.
    const before = await footprint(h.tenant.tenantId);
    expect((await post(await responseFor(SAML_IDP_USERS.anna))).headers.get('location')).toBe('/planer');
    expect(await footprint(h.tenant.tenantId)).toEqual({ ...before, sessions: before.sessions + 1 });
  });

  test('a person already in Uppsikt is linked by e-mail address and keeps the roles given by hand', async () => {
    const [cecilia] = await h.db
      .insert(users)
      .values({ tenantId: h.tenant.tenantId, name: 'C. Holm', email: 'cecilia.holm@kommun.example' })
      .returning({ id: users.id });
    await h.db
      .insert(roleAssignments)
      .values({ tenantId: h.tenant.tenantId, userId: cecilia!.id, unitId: h.tenant.unitB, role: 'reader' });
    const before = await footprint(h.tenant.tenantId);
    const answer = await post(await responseFor(SAML_IDP_USERS.cecilia));
    expect(answer.headers.get('location')).toBe('/planer');
    expect(await footprint(h.tenant.tenantId)).toEqual({
      ...before,
      identities: before.identities + 1,
      sessions: before.sessions + 1,
    });
    const [identity] = await h.db
      .select({ userId: externalIdentities.userId, subject: externalIdentities.subject })
      .from(externalIdentities)
      .where(and(eq(externalIdentities.tenantId, h.tenant.tenantId), eq(externalIdentities.subject, 'cecilia-1003')));
    expect(identity).toEqual({ userId: cecilia!.id, subject: 'cecilia-1003' });
    // Her name follows the IdP's; her reader role, given by hand, stays.
    expect((await personByEmail('cecilia.holm@kommun.example'))?.name).toBe('Cecilia Holm');
    const roles = await h.db
      .select({ role: roleAssignments.role })
      .from(roleAssignments)
      .where(and(eq(roleAssignments.tenantId, h.tenant.tenantId), eq(roleAssignments.userId, cecilia!.id)));
    expect(roles).toEqual([{ role: 'reader' }]);
  });

  test('an unknown person whom no rule gives a role is refused (no_role), and nothing is created', async () => {
    const response = await responseFor(SAML_IDP_USERS.bertil);
    const before = await footprint(h.tenant.tenantId);
    expect(failureOf(await post(response))).toBe('no_role');
    expect(await footprint(h.tenant.tenantId)).toEqual(before);
    expect(await personByEmail('bertil.ek@kommun.example')).toBeUndefined();
  });

  describe('a response that is not what the IdP signed for this request is refused and creates nothing', () => {
    const refused = async (response: PostedResponse, changes: Partial<PostedResponse>, atMs?: number) => {
      const before = await footprint(h.tenant.tenantId);
      const reason = failureOf(await post(response, changes, atMs));
      expect(await footprint(h.tenant.tenantId)).toEqual(before);
      return { reason, audited: await lastFailure(h.tenant.tenantId) };
    };

    test('unsigned: the IdP signatures removed', async () => {
      const response = await responseFor(SAML_IDP_USERS.bertil);
      const { reason, audited } = await refused(response, { SAMLResponse: withoutSignatures(response.SAMLResponse) });
      expect(reason).toBe('token_rejected');
      expect(audited?.details[1]).toMatch(/signature/i);
    });

    test('only the response signed: the assertion itself must carry the signature', async () => {
      // A provider whose IdP entry signs the response around the assertion, not the assertion.
      await addProvider(h.tenant.tenantId, mainSlug, 'bara-svaret', false);
      const response = await idp.signIn(await startSignIn(mainSlug, '/', 'bara-svaret'), SAML_IDP_USERS.anna);
      const xml = Buffer.from(response.SAMLResponse, 'base64').toString('utf8');
      expect(xml.match(/<ds:Signature[\s>]/g)).toHaveLength(1);
      const { reason, audited } = await refused(response, {});
      expect(reason).toBe('token_rejected');
      expect(audited?.details[1]).toMatch(/signature/i);
    });

    test('tampered: a group added after signing, to gain a role', async () => {
      const response = await responseFor(SAML_IDP_USERS.bertil);
      const { reason, audited } = await refused(response, {
        SAMLResponse: tampered(response.SAMLResponse, 'Alla anställda', 'IK-Samordnare'),
      });
      expect(reason).toBe('token_rejected');
      expect(audited?.details[1]).toMatch(/signature/i);
      expect(await personByEmail('bertil.ek@kommun.example')).toBeUndefined();
    });

    test('wrong audience: signed by the IdP for another service provider, answering our request', async () => {
      // The IdP knows another service provider, with our ACS, so it answers our request changed to name it.
      const other = {
        entityId: 'https://annan-tjanst.example/saml',
        acs: samlServiceProvider(PUBLIC_URL, { tenantSlug: mainSlug, slug: PROVIDER }).acs,
      };
      idp.registerServiceProvider(other);
      const signInUrl = await startSignIn();
      const response = await idp.signIn(requestFromIssuer(signInUrl, other.entityId), SAML_IDP_USERS.anna);
      const xml = Buffer.from(response.SAMLResponse, 'base64').toString('utf8');
      expect(xml).toContain(`<saml:Audience>${other.entityId}</saml:Audience>`);
      const { reason, audited } = await refused(response, {});
      expect(reason).toBe('token_rejected');
      expect(audited?.details[1]).toMatch(/audience/i);
    });

    test('expired: the server clock past the assertion window', async () => {
      const response = await responseFor(SAML_IDP_USERS.anna);
      const { notOnOrAfter } = assertionTimes(response.SAMLResponse);
      // Still within the attempt's ten minutes (the IdP's window is five): the assertion is what failed.
      const { reason, audited } = await refused(response, {}, notOnOrAfter.getTime() + SAML_CLOCK_SKEW_MS + 1000);
      expect(reason).toBe('token_rejected');
      expect(audited?.details[1]).toMatch(/expired/i);
    });

    test('replayed: the same response posted a second time', async () => {
      const response = await responseFor(SAML_IDP_USERS.anna);
      expect((await post(response)).headers.get('location')).toBe('/planer');
      const { reason } = await refused(response, {});
      expect(reason).toBe('state_unknown');
    });

    test('replayed into another attempt: the response answers a different request', async () => {
      const response = await responseFor(SAML_IDP_USERS.anna);
      await post(response);
      // A fresh attempt of our own, with the old response: its RelayState is new, its request is not.
      const fresh = new URL(await startSignIn()).searchParams.get('RelayState');
      const { reason, audited } = await refused(response, { RelayState: fresh });
      expect(reason).toBe('token_rejected');
      expect(audited?.details[1]).toMatch(/InResponseTo/);
    });

    test('unsolicited: an IdP-initiated response answers no request of ours', async () => {
      const sp = samlServiceProvider(PUBLIC_URL, { tenantSlug: mainSlug, slug: PROVIDER });
      const response = await idp.signInUnsolicited(sp.entityId, SAML_IDP_USERS.anna);
      const fresh = new URL(await startSignIn()).searchParams.get('RelayState');
      const { reason } = await refused(response, { RelayState: fresh });
      expect(reason).toBe('token_rejected');
    });

    test('no RelayState: no attempt to answer', async () => {
      const response = await responseFor(SAML_IDP_USERS.anna);
      const { reason } = await refused(response, { RelayState: null });
      expect(reason).toBe('state_unknown');
    });
  });

  test("another tenant's provider takes no response meant for this tenant, even from the same IdP", async () => {
    const response = await responseFor(SAML_IDP_USERS.anna);
    const before = await footprint(h.otherTenant.tenantId);
    const otherAcs = `/sso/${otherSlug}/${PROVIDER}/saml/acs`;

    // Posted to the other tenant's ACS with its own RelayState: that attempt is not the other tenant's.
    expect(failureOf(await post({ ...response, action: `${PUBLIC_URL}${otherAcs}` }))).toBe('state_unknown');

    // With a fresh attempt of the other tenant: the assertion answers another request, for another audience.
    const fresh = new URL(await startSignIn(otherSlug)).searchParams.get('RelayState');
    expect(failureOf(await post({ ...response, action: `${PUBLIC_URL}${otherAcs}`, RelayState: fresh }))).toBe(
      'token_rejected',
    );
    expect(await footprint(h.otherTenant.tenantId)).toEqual(before);
  });

  test('an unknown provider or tenant sends the browser to the sign-in page', async () => {
    expect(failureOf(await h.app.request(`/sso/${mainSlug}/okand/saml/login`))).toBe('unknown_provider');
    expect(failureOf(await h.app.request(`/sso/ingen-sadan/${PROVIDER}/saml/login`))).toBe('unknown_provider');
  });

  test("an administrator's test sign-in reports what the IdP sent and signs nobody in", async () => {
    h.clock.set(await idp.now());
    const admin = await h.signIn('tenantAdmin');
    const started = await admin.post(`/identity-providers/${providerId}/test-sign-in`);
    expect(started.status).toBe(201);
    const { url, attemptId } = started.body as { url: string; attemptId: string };
    const before = await footprint(h.tenant.tenantId);
    const answer = await post(await idp.signIn(url, SAML_IDP_USERS.anna));
    expect(answer.headers.get('location')).toBe(`/administration/inloggning/${providerId}/test/${attemptId}`);
    expect(answer.headers.get('set-cookie')).toBeNull();
    expect(await footprint(h.tenant.tenantId)).toEqual(before);
    const outcome = await admin.get(`/identity-providers/${providerId}/test-sign-ins/${attemptId}`);
    expect(outcome.body).toMatchObject({
      finished: true,
      result: { subject: 'anna-1001', email: 'anna.berg@kommun.example' },
    });
  });
});
