import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { tenants } from '../../db/schema/tenants.ts';
import { users } from '../../db/schema/users.ts';
import { clientFor, createHarness, HARNESS_PASSWORD, type Harness } from '../../../../test/support/harness.ts';

describe('sign-in, sessions and CSRF', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.close());

  const email = (who: string) => `${who}-${h.suffix}@example.se`;

  async function signIn(
    address: string,
    password = HARNESS_PASSWORD,
    extra: Record<string, string> = {},
    url = 'http://localhost/api/v1/auth/login',
  ) {
    return h.app.request(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: address, password, ...extra }),
    });
  }

  test('signing in sets an HttpOnly, SameSite=Lax session cookie and returns the person, roles and CSRF token', async () => {
    const response = await signIn(email('coordinator'));
    expect(response.status).toBe(200);
    const cookie = response.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^uppsikt_session=[\w-]{43};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/);
    const body = (await response.json()) as {
      user: { name: string };
      roles: { role: string; unitName: string }[];
      csrfToken: string;
      via: string;
    };
    expect(body.user.name).toBe('Person coordinator');
    expect(body.roles).toEqual([expect.objectContaining({ role: 'coordinator', unitName: 'Nämnd A' })]);
    expect(body.via).toBe('session');
    expect(body.csrfToken).toMatch(/^[\w-]{43}$/);

    const client = clientFor(h.app, { cookie: cookie.split(';')[0]!, 'x-csrf-token': body.csrfToken });
    const me = await client.get('/me');
    expect(me.status).toBe(200);
    expect(me.body.csrfToken).toBe(body.csrfToken);
  });

  test('the cookie is Secure behind TLS', async () => {
    const response = await signIn(
      email('reader'),
      HARNESS_PASSWORD,
      {},
      'https://uppsikt.example.se/api/v1/auth/login',
    );
    expect(response.headers.get('set-cookie')).toMatch(/Secure/);
  });

  test('the address is matched without regard to case and surrounding spaces', async () => {
    expect((await signIn(`  ${email('reader').toUpperCase()} `)).status).toBe(200);
  });

  test('a wrong password and an unknown address get the same 401', async () => {
    const wrong = await signIn(email('auditor'), 'fel');
    const unknown = await signIn(`ingen-${h.suffix}@example.se`);
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(await wrong.json()).toEqual(await unknown.json());
  });

  test('after 10 failed sign-ins within 15 minutes the account gets 429, even with the right password', async () => {
    const address = email('responsible');
    for (let attempt = 0; attempt < 10; attempt++) expect((await signIn(address, 'fel')).status).toBe(401);
    const refused = await signIn(address);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(800);
    expect(((await refused.json()) as { detail: string }).detail).toMatch(/minuter/);
    // Another account is not affected.
    expect((await signIn(email('administrator'))).status).toBe(200);
  });

  test('a deactivated person cannot sign in, and their sessions stop working', async () => {
    const client = await h.as('nobody');
    expect((await client.get('/me')).status).toBe(200);
    await h.db.update(users).set({ deactivatedAt: new Date() }).where(eq(users.id, h.userIds.nobody!));
    const response = await signIn(email('utan-roll'));
    expect(response.status).toBe(401);
    expect(((await response.json()) as { detail: string }).detail).toBe(
      'Kontot är avaktiverat. Kontakta din administratör.',
    );
    const inEnglish = await h.anonymous.post(
      '/auth/login',
      { email: email('utan-roll'), password: HARNESS_PASSWORD },
      { 'accept-language': 'en' },
    );
    expect(inEnglish.body.detail).toBe('The account is deactivated. Contact your administrator.');
    expect((await client.get('/me')).status).toBe(401);
    await h.db.update(users).set({ deactivatedAt: null }).where(eq(users.id, h.userIds.nobody!));
  });

  test('validation names the fields, and unknown fields are rejected', async () => {
    const response = await h.anonymous.post('/auth/login', { email: '', remember: true }, { 'accept-language': 'en' });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(response.body.errors).toEqual(
      expect.arrayContaining([
        { path: 'email', message: 'Must not be empty.' },
        { path: 'password', message: 'Is required.' },
        { path: 'remember', message: 'Unknown field.' },
      ]),
    );
    const swedish = await h.anonymous.post('/auth/login', { email: 'a@b.se' });
    expect(swedish.body.errors).toEqual([{ path: 'password', message: 'Måste anges.' }]);
  });

  test('malformed JSON and a missing content type are clear problems, not crashes', async () => {
    const malformed = await h.app.request('/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"email":',
    });
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({
      type: 'urn:uppsikt:problem:validation_failed',
      detail: 'Innehållet är inte giltig JSON.',
    });
    const noType = await h.app.request('/api/v1/auth/login', { method: 'POST', body: '{}' });
    expect(noType.status).toBe(415);
  });

  test('a body over 1 MB is refused with 413', async () => {
    const response = await h.anonymous.post('/auth/login', { email: 'a@b.se', password: 'x'.repeat(1_100_000) });
    expect(response.status).toBe(413);
    expect(response.body.type).toBe('urn:uppsikt:problem:payload_too_large');
  });

  test('an unknown or malformed API token gets 401 saying so, in Swedish and English', async () => {
    for (const authorization of ['Bearer upps_finns-inte', 'Basic dXNlcjpwYXNz']) {
      const swedish = await h.app.request('/api/v1/me', { headers: { authorization } });
      expect(swedish.status).toBe(401);
      expect(((await swedish.json()) as { detail: string }).detail).toBe('API-nyckeln är ogiltig eller återkallad.');
      const english = await h.app.request('/api/v1/me', { headers: { authorization, 'accept-language': 'en' } });
      expect(((await english.json()) as { detail: string }).detail).toBe(
        'The API token is not valid or has been revoked.',
      );
    }
  });

  test('without a session, the API answers 401', async () => {
    const response = await h.anonymous.get('/me');
    expect(response.status).toBe(401);
    expect(response.body.title).toBe('Du behöver logga in.');
  });

  test('a write with the cookie but without the CSRF token is forbidden', async () => {
    const client = await h.as('coordinator');
    const response = await client.post('/auth/logout', {}, { 'x-csrf-token': '' });
    expect(response.status).toBe(403);
    expect(response.body.detail).toMatch(/X-CSRF-Token/);
  });

  test('reads need no CSRF token (GET, HEAD, OPTIONS); a write without the header at all is forbidden', async () => {
    const response = await signIn(email('reader'));
    const cookie = response.headers.get('set-cookie')!.split(';')[0]!;
    const call = (method: string, path = '/api/v1/me') => h.app.request(path, { method, headers: { cookie } });
    expect((await call('GET')).status).toBe(200);
    expect((await call('HEAD')).status).toBe(200);
    // OPTIONS passes the check too: no route answers it, so 404, not 403.
    expect((await call('OPTIONS')).status).toBe(404);
    const refused = await call('POST', '/api/v1/auth/logout');
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { detail: string }).detail).toBe(
      'Skrivningar med inloggningscookie kräver rubriken X-CSRF-Token (finns i svaret från /api/v1/me).',
    );
    const inEnglish = await h.app.request('/api/v1/auth/logout', {
      method: 'POST',
      headers: { cookie, 'accept-language': 'en' },
    });
    expect(((await inEnglish.json()) as { detail: string }).detail).toBe(
      'Writes with the session cookie need the X-CSRF-Token header (given by /api/v1/me).',
    );
    expect((await call('GET')).status).toBe(200);
  });

  test('the CSRF check compares the value: a wrong token of the right length is forbidden, the session’s own token is accepted', async () => {
    const response = await signIn(email('auditor'));
    const { csrfToken } = (await response.json()) as { csrfToken: string };
    const client = clientFor(h.app, { cookie: response.headers.get('set-cookie')!.split(';')[0]! });
    // Same length and alphabet, one character different: only a check of the value tells them apart.
    const wrong = `${csrfToken.slice(0, -1)}${csrfToken.endsWith('A') ? 'B' : 'A'}`;
    expect(wrong).toHaveLength(csrfToken.length);
    const refused = await client.post('/auth/logout', {}, { 'x-csrf-token': wrong });
    expect(refused.status).toBe(403);
    expect(refused.body.detail).toMatch(/X-CSRF-Token/);
    expect((await client.get('/me')).status).toBe(200);
    const accepted = await client.post('/auth/logout', {}, { 'x-csrf-token': csrfToken });
    expect(accepted.status).toBe(204);
    expect((await client.get('/me')).status).toBe(401);
  });

  test('signing out ends the session for good', async () => {
    const response = await signIn(email('reader'));
    const body = (await response.json()) as { csrfToken: string };
    const client = clientFor(h.app, {
      cookie: response.headers.get('set-cookie')!.split(';')[0]!,
      'x-csrf-token': body.csrfToken,
    });
    const out = await client.post('/auth/logout');
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/uppsikt_session=;/);
    expect((await client.get('/me')).status).toBe(401);
  });

  test('an address with accounts in two tenants must name the tenant', async () => {
    const address = `dubbel-${h.suffix}@example.se`;
    const [ours] = await h.db
      .select({ hash: users.passwordHash })
      .from(users)
      .where(eq(users.id, h.userIds.coordinator!));
    await h.db.insert(users).values([
      { tenantId: h.tenant.tenantId, name: 'Dubbel A', email: address, passwordHash: ours!.hash },
      { tenantId: h.otherTenant.tenantId, name: 'Dubbel B', email: address, passwordHash: ours!.hash },
    ]);
    const ambiguous = await signIn(address);
    expect(ambiguous.status).toBe(400);
    expect(((await ambiguous.json()) as { errors: unknown }).errors).toEqual([
      { path: 'tenant', message: 'Adressen har konton i flera kommuner. Ange kommunens kortnamn (t.ex. "malmo").' },
    ]);
    const inEnglish = await h.anonymous.post(
      '/auth/login',
      { email: address, password: HARNESS_PASSWORD },
      { 'accept-language': 'en' },
    );
    expect(inEnglish.body.errors).toEqual([
      {
        path: 'tenant',
        message: 'The address has accounts in several tenants. Give the tenant’s short name (e.g. "malmo").',
      },
    ]);
    // The right password is no failed sign-in, though it does not yet say which account:
    // asking again and again never reaches the limit of 10 failures.
    for (let attempt = 0; attempt < 10; attempt++)
      expect((await signIn(address)).status, `attempt ${attempt}`).toBe(400);
    const [{ slug }] = (await h.db
      .select({ slug: tenants.slug })
      .from(tenants)
      .where(eq(tenants.id, h.otherTenant.tenantId))) as [{ slug: string }];
    const chosen = await signIn(address, HARNESS_PASSWORD, { tenant: slug });
    expect(chosen.status).toBe(200);
    expect(((await chosen.json()) as { user: { name: string } }).user.name).toBe('Dubbel B');
  });
});
