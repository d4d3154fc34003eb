import { and, eq } from 'drizzle-orm';
import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { auditEvents } from '../../db/schema/audit-events.ts';
import { identityProviders } from '../../db/schema/identity-providers.ts';
import { recoveryCodes, signInChallenges } from '../../db/schema/second-factor.ts';
import { tenants } from '../../db/schema/tenants.ts';
import { users } from '../../db/schema/users.ts';
import { openSecret } from '../../auth/secrets.ts';
import {
  clientFor,
  createHarness,
  HARNESS_PASSWORD,
  type Client,
  type Harness,
} from '../../../../test/support/harness.ts';

const SERVER_KEY = Buffer.from('the server key of the second-factor tests', 'utf8');
const STEP_MS = 30_000;

/** The code an authenticator app shows for the secret at the moment given (the tests' clock, never the system's). */
function codeAt(secret: string, moment: Date): string {
  return new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' }).generate({
    timestamp: moment.getTime(),
  });
}

/** A code that is right for none of the steps around the moment. */
function wrongCodeAt(secret: string, moment: Date): string {
  const right = new Set([-1, 0, 1].map((delta) => codeAt(secret, new Date(moment.getTime() + delta * STEP_MS))));
  for (let candidate = 0; ; candidate++) {
    const code = String(candidate).padStart(6, '0');
    if (!right.has(code)) return code;
  }
}

describe('two-step verification (TOTP) and the local sign-in policy', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ linkMail: { key: SERVER_KEY, publicUrl: 'http://localhost:3000', smtp: false } });
  });
  afterAll(() => h.close());

  const email = (who: string) => `${who}-${h.suffix}@example.se`;

  /** The password step, as a browser makes it: the answer and the cookie of the second step, if any. */
  async function login(address: string, password = HARNESS_PASSWORD) {
    const response = await h.app.request('http://localhost/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: address, password }),
    });
    const cookies = response.headers.getSetCookie();
    const challenge = cookies.find((cookie) => cookie.startsWith('uppsikt_sign_in='));
    return {
      status: response.status,
      body: (await response.json()) as any,
      cookies,
      /** The browser of the second step: sends the challenge's cookie. */
      second: clientFor(h.app, challenge ? { cookie: challenge.split(';')[0]! } : {}),
    };
  }

  /** Turns the second factor on for a harness person through the API; returns the secret. */
  async function enrol(who: string): Promise<{ secret: string; recoveryCodes: string[]; client: Client }> {
    const client = await h.as(who);
    const started = await client.post('/me/second-factor');
    expect(started.status, JSON.stringify(started.body)).toBe(200);
    const confirmed = await client.post('/me/second-factor/confirm', {
      code: codeAt(started.body.secret, h.clock.now()),
    });
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
    // The code just used is not accepted again: the next ones come from the next step.
    h.clock.advance(STEP_MS);
    return { secret: started.body.secret, recoveryCodes: confirmed.body.recoveryCodes, client };
  }

  async function eventsOf(userId: string, operation?: string) {
    const rows = await h.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityType, 'user'), eq(auditEvents.entityId, userId)));
    return operation === undefined ? rows : rows.filter((row) => row.operation === operation);
  }

  test('setting up: a QR code, a key and an otpauth address; nothing is on until a first code confirms it', async () => {
    const client = await h.as('reader');
    const started = await client.post('/me/second-factor');
    expect(started.status).toBe(200);
    expect(started.body.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(started.body.otpauthUri).toMatch(/^otpauth:\/\/totp\/.*secret=[A-Z2-7]{32}/);
    expect(started.body.otpauthUri).toContain('issuer=Uppsikt');
    expect(started.body.qrCode).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(Buffer.from(started.body.qrCode.split(',')[1], 'base64').toString('utf8')).toContain('<svg');
    // Sealed in the database, never in the clear.
    const [row] = await h.db.select().from(users).where(eq(users.id, h.userIds.reader!));
    expect(row!.sealedTotpSecret).toMatch(/^v1\./);
    expect(row!.sealedTotpSecret).not.toContain(started.body.secret);
    expect(openSecret(SERVER_KEY, row!.sealedTotpSecret!)).toBe(started.body.secret);
    expect(row!.totpEnabledAt).toBeNull();
    expect((await client.get('/me')).body.secondFactor).toEqual({ enabled: false, required: false });
    // Signing in still needs only the password.
    expect((await login(email('reader'))).status).toBe(200);

    const wrong = await client.post('/me/second-factor/confirm', {
      code: wrongCodeAt(started.body.secret, h.clock.now()),
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors[0].path).toBe('code');

    const confirmed = await client.post('/me/second-factor/confirm', {
      code: codeAt(started.body.secret, h.clock.now()),
    });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.recoveryCodes).toHaveLength(10);
    for (const code of confirmed.body.recoveryCodes) expect(code).toMatch(/^[A-Z0-9]{4}(-[A-Z0-9]{4}){3}$/);
    expect(new Set(confirmed.body.recoveryCodes).size).toBe(10);
    // Only hashes are kept.
    const stored = await h.db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, h.userIds.reader!));
    expect(stored).toHaveLength(10);
    for (const code of confirmed.body.recoveryCodes)
      expect(JSON.stringify(stored)).not.toContain(code.replace(/-/g, ''));
    expect((await client.get('/me')).body.secondFactor).toEqual({ enabled: true, required: false });
    expect((await client.post('/me/second-factor')).status).toBe(409);
    h.clock.advance(STEP_MS);
  });

  test('signing in with a second factor: the password step answers 202 and a cookie, no session; a right code opens it', async () => {
    const { secret } = await enrol('coordinator');
    // One step further, so that the step before is one whose code was never used.
    h.clock.advance(STEP_MS);
    const first = await login(email('coordinator'));
    expect(first.status).toBe(202);
    expect(first.body).toEqual({
      step: 'verify',
      expiresAt: new Date(h.clock.now().getTime() + 5 * 60_000).toISOString(),
    });
    expect(first.cookies.some((cookie) => cookie.startsWith('uppsikt_session='))).toBe(false);
    const cookie = first.cookies.find((candidate) => candidate.startsWith('uppsikt_sign_in='))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Path=\/api\/v1\/auth\/login/);
    // Only the hash of the challenge's secret is stored.
    const secretValue = cookie.split(';')[0]!.split('=')[1]!;
    expect(JSON.stringify(await h.db.select().from(signInChallenges))).not.toContain(secretValue);

    // A code of the step before is still accepted (phones' clocks drift).
    const code = codeAt(secret, new Date(h.clock.now().getTime() - STEP_MS));
    const second = await first.second.post('/auth/login/second-factor', { code });
    expect(second.status, JSON.stringify(second.body)).toBe(200);
    expect(second.body.user.id).toBe(h.userIds.coordinator);
    expect(second.body.secondFactor).toEqual({ enabled: true, required: false });
    const sessionCookie = second.headers.get('set-cookie')!;
    expect(sessionCookie).toMatch(/uppsikt_session=[\w-]{43}/);
    const signedIn = clientFor(h.app, {
      cookie: sessionCookie.match(/uppsikt_session=[\w-]{43}/)![0],
      'x-csrf-token': second.body.csrfToken,
    });
    expect((await signedIn.get('/me')).status).toBe(200);
    // The challenge is used: it opens nothing again.
    expect((await first.second.post('/auth/login/second-factor', { code })).status).toBe(401);
    const [signInEvent] = (await eventsOf(h.userIds.coordinator!, 'sign_in')).slice(-1);
    expect(signInEvent!.changes).toMatchObject({ method: [null, 'password'], secondFactor: [null, 'totp'] });
  });

  test('a code is accepted once: the same code again, even in a new sign-in, is refused as used', async () => {
    const { secret } = await enrol('auditor');
    const code = codeAt(secret, h.clock.now());
    expect((await (await login(email('auditor'))).second.post('/auth/login/second-factor', { code })).status).toBe(200);
    const again = await (await login(email('auditor'))).second.post('/auth/login/second-factor', { code });
    expect(again.status).toBe(400);
    expect(again.body.errors[0]).toMatchObject({ path: 'code' });
    expect(again.body.errors[0].message).toMatch(/redan använts/);
    // An older code (the step before, accepted for drift) is refused too once a newer one was used.
    const older = codeAt(secret, new Date(h.clock.now().getTime() - STEP_MS));
    expect(
      (await (await login(email('auditor'))).second.post('/auth/login/second-factor', { code: older })).status,
    ).toBe(400);
    // The next step's code works.
    h.clock.advance(STEP_MS);
    const next = codeAt(secret, h.clock.now());
    expect(
      (await (await login(email('auditor'))).second.post('/auth/login/second-factor', { code: next })).status,
    ).toBe(200);
    const failures = await eventsOf(h.userIds.auditor!, 'second_factor_failed');
    expect(failures.map((event) => event.changes.reason![1])).toEqual(['replayed_code', 'replayed_code']);
    expect(failures.every((event) => event.actorKind === 'system')).toBe(true);
  });

  test('a wrong code and a code of two steps away are refused; five wrong codes end the challenge', async () => {
    const { secret } = await enrol('responsible');
    const first = await login(email('responsible'));
    const farAway = codeAt(secret, new Date(h.clock.now().getTime() - 2 * STEP_MS));
    const refused = await first.second.post('/auth/login/second-factor', { code: farAway });
    expect(refused.status).toBe(400);
    expect(refused.body.errors.map((error: { message: string }) => error.message)).toContain('Du har 4 försök kvar.');
    for (let attempt = 0; attempt < 3; attempt++)
      expect(
        (await first.second.post('/auth/login/second-factor', { code: wrongCodeAt(secret, h.clock.now()) })).status,
      ).toBe(400);
    const fifth = await first.second.post('/auth/login/second-factor', { code: wrongCodeAt(secret, h.clock.now()) });
    expect(fifth.status).toBe(401);
    expect(fifth.body.detail).toMatch(/För många felaktiga koder/);
    // Even the right code no longer opens it: the password comes first again.
    const right = await first.second.post('/auth/login/second-factor', { code: codeAt(secret, h.clock.now()) });
    expect(right.status).toBe(401);
    expect(right.body.detail).toMatch(/Logga in med ditt lösenord igen/);
    h.clock.advance(15 * 60_000);
  });

  test('wrong codes count towards the sign-in limits: after ten failures the account gets 429, even with the right code', async () => {
    const { secret } = await enrol('tenantAdmin');
    // Two challenges of five wrong codes each: ten failures of the account within 15 minutes.
    for (let round = 0; round < 2; round++) {
      const first = await login(email('kommunadmin'));
      expect(first.status).toBe(202);
      for (let attempt = 0; attempt < 5; attempt++)
        await first.second.post('/auth/login/second-factor', { code: wrongCodeAt(secret, h.clock.now()) });
    }
    const blocked = await login(email('kommunadmin'));
    expect(blocked.status).toBe(429);
    h.clock.advance(16 * 60_000);
    const later = await login(email('kommunadmin'));
    expect(later.status).toBe(202);
    expect((await later.second.post('/auth/login/second-factor', { code: codeAt(secret, h.clock.now()) })).status).toBe(
      200,
    );
  });

  test('the second step expires after five minutes', async () => {
    const { secret } = await enrol('administrator');
    const first = await login(email('administrator'));
    h.clock.advance(5 * 60_000);
    const late = await first.second.post('/auth/login/second-factor', { code: codeAt(secret, h.clock.now()) });
    expect(late.status).toBe(401);
    expect(late.body.detail).toMatch(/gått ut/);
    // Without the cookie there is no second step at all.
    expect((await h.anonymous.post('/auth/login/second-factor', { code: '123456' })).status).toBe(401);
  });

  test('a recovery code opens the session once; it is used up, and new codes replace the old', async () => {
    const { secret, recoveryCodes: codes, client } = await enrol('nobody');
    const first = await login(email('utan-roll'));
    const used = await first.second.post('/auth/login/second-factor', { recoveryCode: codes[0]!.toLowerCase() });
    expect(used.status, JSON.stringify(used.body)).toBe(200);
    const again = await (
      await login(email('utan-roll'))
    ).second.post('/auth/login/second-factor', {
      recoveryCode: codes[0],
    });
    expect(again.status).toBe(400);
    expect(again.body.errors[0].path).toBe('recoveryCode');
    expect((await eventsOf(h.userIds.nobody!, 'recovery_code_used')).length).toBe(1);

    const regenerated = await client.post('/me/second-factor/recovery-codes', { code: codeAt(secret, h.clock.now()) });
    expect(regenerated.status).toBe(200);
    expect(regenerated.body.recoveryCodes).toHaveLength(10);
    // The earlier set stops working.
    const old = await (
      await login(email('utan-roll'))
    ).second.post('/auth/login/second-factor', {
      recoveryCode: codes[1],
    });
    expect(old.status).toBe(400);
    const fresh = await (
      await login(email('utan-roll'))
    ).second.post('/auth/login/second-factor', {
      recoveryCode: regenerated.body.recoveryCodes[0],
    });
    expect(fresh.status).toBe(200);
    h.clock.advance(STEP_MS);
  });

  test('turning it off takes the password and a present code', async () => {
    const client = await h.as('nobody');
    const [row] = await h.db.select().from(users).where(eq(users.id, h.userIds.nobody!));
    const secret = openSecret(SERVER_KEY, row!.sealedTotpSecret!);
    const wrongPassword = await client.post('/me/second-factor/turn-off', {
      password: 'fel lösenord',
      code: codeAt(secret, h.clock.now()),
    });
    expect(wrongPassword.status).toBe(400);
    expect(wrongPassword.body.errors[0].path).toBe('password');
    const off = await client.post('/me/second-factor/turn-off', {
      password: HARNESS_PASSWORD,
      code: codeAt(secret, h.clock.now()),
    });
    expect(off.status).toBe(204);
    expect((await client.get('/me')).body.secondFactor).toEqual({ enabled: false, required: false });
    expect((await login(email('utan-roll'))).status).toBe(200);
    const [after] = await h.db.select().from(users).where(eq(users.id, h.userIds.nobody!));
    expect(after!.sealedTotpSecret).toBeNull();
    expect((await eventsOf(h.userIds.nobody!, 'second_factor_disabled')).length).toBe(1);
  });

  describe('a tenant that requires a second factor of administrators', () => {
    let secret = '';
    test('an administrator without one sets it up before any session: step "enrol"', async () => {
      const admin = await h.as('tenantAdmin');
      const settings = (await admin.get('/tenant-settings')).body;
      expect(settings).toMatchObject({ requireSso: false, requireSecondFactorForAdmins: false });
      const changed = await admin.patch('/tenant-settings', {
        version: settings.version,
        requireSecondFactorForAdmins: true,
      });
      expect(changed.status, JSON.stringify(changed.body)).toBe(200);
      expect(changed.body.requireSecondFactorForAdmins).toBe(true);
      // A stale version is refused.
      expect((await admin.patch('/tenant-settings', { version: settings.version, requireSso: false })).status).toBe(
        409,
      );

      // The other tenant is untouched.
      const [other] = await h.db.select().from(tenants).where(eq(tenants.id, h.otherTenant.tenantId));
      expect(other!.requireSecondFactorForAdmins).toBe(false);
      expect((await login(`admin-${h.suffix}@annan.example.se`)).status).toBe(200);

      // An administrator of a unit (not the whole organisation) counts as an administrator too.
      // (h.userIds.administrator set up a second factor above; take a new administrator.)
      const created = await admin.post('/users', {
        name: 'Ny Administratör',
        email: `ny-admin-${h.suffix}@example.se`,
        password: 'ett-långt-lösenord',
      });
      expect(
        (
          await admin.post('/role-assignments', {
            userId: created.body.id,
            unitId: h.tenant.unitA,
            role: 'administrator',
          })
        ).status,
      ).toBe(201);
      const first = await login(`ny-admin-${h.suffix}@example.se`, 'ett-långt-lösenord');
      expect(first.status).toBe(202);
      expect(first.body.step).toBe('enrol');
      // The code step is not for this challenge.
      expect((await first.second.post('/auth/login/second-factor', { code: '123456' })).status).toBe(401);
      const started = await first.second.post('/auth/login/enrolment');
      expect(started.status, JSON.stringify(started.body)).toBe(200);
      secret = started.body.secret;
      const wrong = await first.second.post('/auth/login/enrolment/confirm', {
        code: wrongCodeAt(secret, h.clock.now()),
      });
      expect(wrong.status).toBe(400);
      const confirmed = await first.second.post('/auth/login/enrolment/confirm', {
        code: codeAt(secret, h.clock.now()),
      });
      expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
      expect(confirmed.body.recoveryCodes).toHaveLength(10);
      expect(confirmed.body.me.secondFactor).toEqual({ enabled: true, required: true });
      expect(confirmed.headers.get('set-cookie')).toMatch(/uppsikt_session=/);
      const operations = (await eventsOf(created.body.id)).map((event) => event.operation);
      expect(operations).toEqual(expect.arrayContaining(['second_factor_enabled', 'sign_in', 'second_factor_failed']));

      // Turning it off is refused while the tenant requires it.
      h.clock.advance(STEP_MS);
      const [row] = await h.db.select().from(users).where(eq(users.id, created.body.id));
      const own = clientFor(h.app, {
        cookie: confirmed.headers.get('set-cookie')!.match(/uppsikt_session=[\w-]{43}/)![0],
        'x-csrf-token': confirmed.body.me.csrfToken,
      });
      const off = await own.post('/me/second-factor/turn-off', {
        password: 'ett-långt-lösenord',
        code: codeAt(openSecret(SERVER_KEY, row!.sealedTotpSecret!), h.clock.now()),
      });
      expect(off.status).toBe(403);
      expect(off.body.detail).toMatch(/kräver tvåstegsverifiering för administratörer/);
      expect((await own.get('/me')).body.secondFactor).toEqual({ enabled: true, required: true });
    });

    test('people who are not administrators are not asked', async () => {
      const created = await (
        await h.as('tenantAdmin')
      ).post('/users', {
        name: 'Vanlig Person',
        email: `vanlig-${h.suffix}@example.se`,
        password: 'ett-långt-lösenord',
      });
      expect(created.status).toBe(201);
      expect((await login(`vanlig-${h.suffix}@example.se`, 'ett-långt-lösenord')).status).toBe(200);
    });

    test('an invited administrator who chooses a password through the link sets up the second factor before any session', async () => {
      const admin = await h.as('tenantAdmin');
      const created = await admin.post('/users', { name: 'Inbjuden Admin', email: `inbjuden-${h.suffix}@example.se` });
      await admin.post('/role-assignments', {
        userId: created.body.id,
        unitId: h.tenant.rootId,
        role: 'administrator',
      });
      const invited = await admin.post(`/users/${created.body.id}/invitation`);
      expect(invited.body.link).toMatch(/#/);
      const secret = invited.body.link.split('#')[1];
      const response = await h.app.request('http://localhost/api/v1/auth/links/password', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ secret, password: 'ett-långt-lösenord' }),
      });
      expect(response.status).toBe(202);
      expect(((await response.json()) as { step: string }).step).toBe('enrol');
      const cookies = response.headers.getSetCookie();
      expect(cookies.some((cookie) => cookie.startsWith('uppsikt_session='))).toBe(false);
      expect(cookies.some((cookie) => cookie.startsWith('uppsikt_sign_in='))).toBe(true);
    });

    test('only the tenant administrator reads or changes the policy', async () => {
      expect((await (await h.as('administrator')).get('/tenant-settings')).status).toBe(403);
      expect(
        (await (await h.as('coordinator')).patch('/tenant-settings', { version: 1, requireSso: true })).status,
      ).toBe(403);
      // The other tenant's administrator sees their own tenant's policy.
      expect((await (await h.as('otherAdmin')).get('/tenant-settings')).body.requireSecondFactorForAdmins).toBe(false);
    });
  });

  describe('a tenant that requires SSO', () => {
    test('is refused unless a break-glass administrator and an enabled identity provider exist', async () => {
      const admin = await h.as('tenantAdmin');
      let settings = (await admin.get('/tenant-settings')).body;
      const refused = await admin.patch('/tenant-settings', { version: settings.version, requireSso: true });
      expect(refused.status).toBe(400);
      expect(refused.body.errors.map((error: { path: string }) => error.path)).toEqual(['requireSso', 'requireSso']);
      expect(refused.body.errors[0].message).toMatch(/reservadministratör/);
      expect(refused.body.errors[1].message).toMatch(/identitetsleverantör/);

      // Only an administrator of the whole organisation can be break-glass.
      const reader = (await admin.get(`/users/${h.userIds.reader}`)).body;
      const notAdmin = await admin.patch(`/users/${h.userIds.reader}`, { version: reader.version, breakGlass: true });
      expect(notAdmin.status).toBe(400);
      expect(notAdmin.body.errors[0].path).toBe('breakGlass');
      const self = (await admin.get(`/users/${h.userIds.tenantAdmin}`)).body;
      const marked = await admin.patch(`/users/${h.userIds.tenantAdmin}`, { version: self.version, breakGlass: true });
      expect(marked.status).toBe(200);
      expect(marked.body.breakGlass).toBe(true);
      expect((await eventsOf(h.userIds.tenantAdmin!, 'update')).at(-1)!.changes.breakGlass).toEqual([false, true]);

      settings = (await admin.get('/tenant-settings')).body;
      expect(settings.breakGlassAdministrators).toBe(1);
      const stillNoProvider = await admin.patch('/tenant-settings', { version: settings.version, requireSso: true });
      expect(stillNoProvider.status).toBe(400);
      expect(stillNoProvider.body.errors).toHaveLength(1);

      // A disabled or archived provider does not count.
      await h.db.insert(identityProviders).values([
        { tenantId: h.tenant.tenantId, protocol: 'oidc', name: 'Av', slug: 'av', settings: {}, enabled: false },
        {
          tenantId: h.tenant.tenantId,
          protocol: 'oidc',
          name: 'Arkiv',
          slug: 'arkiv',
          settings: {},
          archivedAt: new Date(),
        },
        // Another tenant's provider does not count either.
        { tenantId: h.otherTenant.tenantId, protocol: 'oidc', name: 'Annan', slug: 'annan', settings: {} },
      ]);
      expect((await admin.patch('/tenant-settings', { version: settings.version, requireSso: true })).status).toBe(400);
      await h.db.insert(identityProviders).values({
        tenantId: h.tenant.tenantId,
        protocol: 'oidc',
        name: 'Kommunens konto',
        slug: 'entra',
        settings: {},
      });
      const on = await admin.patch('/tenant-settings', { version: settings.version, requireSso: true });
      expect(on.status, JSON.stringify(on.body)).toBe(200);
      expect(on.body).toMatchObject({ requireSso: true, enabledIdentityProviders: 1, breakGlassAdministrators: 1 });
      const audited = await h.db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.entityType, 'tenant'), eq(auditEvents.entityId, h.tenant.tenantId)));
      expect(audited.map((event) => event.changes)).toContainEqual({ requireSso: [false, true] });

      // The last break-glass administrator stays marked while SSO is required.
      const again = (await admin.get(`/users/${h.userIds.tenantAdmin}`)).body;
      const unmark = await admin.patch(`/users/${h.userIds.tenantAdmin}`, {
        version: again.version,
        breakGlass: false,
      });
      expect(unmark.status).toBe(400);
    });

    test('a right password of anyone but a break-glass administrator is refused, and the refusal audited', async () => {
      const refused = await login(`vanlig-${h.suffix}@example.se`, 'ett-långt-lösenord');
      expect(refused.status).toBe(401);
      expect(refused.body.detail).toMatch(/organisationens inloggning/);
      // A wrong password still gets the ordinary answer: the policy tells nothing to whoever does not know the password.
      const wrong = await login(`vanlig-${h.suffix}@example.se`, 'fel lösenord');
      expect(wrong.status).toBe(401);
      expect(wrong.body.detail).toMatch(/Fel e-postadress eller lösenord/);
      const [person] = await h.db
        .select()
        .from(users)
        .where(eq(users.email, `vanlig-${h.suffix}@example.se`));
      expect((await eventsOf(person!.id, 'sign_in_refused_sso_required')).length).toBe(1);
      expect((await eventsOf(person!.id, 'sign_in_failed')).length).toBe(1);

      // The break-glass administrator still signs in with the password (and their second factor).
      const breakGlass = await login(email('kommunadmin'));
      expect(breakGlass.status).toBe(202);
      // The other tenant is not affected.
      expect((await login(`admin-${h.suffix}@annan.example.se`)).status).toBe(200);
    });
  });

  test('the audit log of authentication holds no secret: no code, recovery code, key or cookie', async () => {
    const events = await h.db.select().from(auditEvents).where(eq(auditEvents.tenantId, h.tenant.tenantId));
    const text = JSON.stringify(events);
    expect(text).not.toMatch(/"\d{6}"/);
    const codes = await h.db.select().from(recoveryCodes);
    for (const code of codes) expect(text).not.toContain(code.codeHash);
    const people = await h.db.select().from(users).where(eq(users.tenantId, h.tenant.tenantId));
    for (const person of people) {
      if (!person.sealedTotpSecret) continue;
      expect(text).not.toContain(person.sealedTotpSecret);
      expect(text).not.toContain(openSecret(SERVER_KEY, person.sealedTotpSecret));
    }
    const operations = new Set(events.map((event) => event.operation));
    for (const operation of [
      'sign_in',
      'sign_in_failed',
      'sign_in_refused_sso_required',
      'second_factor_enabled',
      'second_factor_disabled',
      'second_factor_failed',
      'recovery_code_used',
      'recovery_codes_regenerated',
    ])
      expect(operations, operation).toContain(operation);
    // Nothing of this tenant's people reached the other tenant's log.
    const otherEvents = await h.db.select().from(auditEvents).where(eq(auditEvents.tenantId, h.otherTenant.tenantId));
    const ourPeople = new Set(people.map((person) => person.id));
    expect(otherEvents.filter((event) => ourPeople.has(event.entityId))).toEqual([]);
  });
});

describe('two-step verification without a server key', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.close());

  test('setting up is refused with a message for the operator to set SERVER_KEY', async () => {
    const reply = await (await h.as('reader')).post('/me/second-factor');
    expect(reply.status).toBe(409);
    expect(reply.body.detail).toMatch(/SERVER_KEY/);
  });

  test('an API token does not manage a second factor', async () => {
    const token = await (
      await h.as('tenantAdmin')
    ).post('/api-tokens', {
      name: 'Integration',
      userId: h.userIds.reader,
      access: 'read_write',
    });
    expect(token.status, JSON.stringify(token.body)).toBeLessThan(300);
    const withToken = clientFor(h.app, { authorization: `Bearer ${token.body.token}` });
    expect((await withToken.post('/me/second-factor')).status).toBe(403);
  });
});
