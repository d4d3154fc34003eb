import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { adjustableClock } from '../../../domain/clock.ts';
import { DEFAULT_STATUSES } from '../../../domain/status.ts';
import { createApp } from '../../app.ts';
import { DEFAULT_AUTH_SETTINGS } from '../../auth/auth-settings.ts';
import { createSession, SESSION_COOKIE } from '../../auth/sessions.ts';
import { newApiTokenSecret } from '../../auth/api-token-secrets.ts';
import { newSetupCode } from '../../auth/secrets.ts';
import type { DatabaseHandle } from '../../db/client.ts';
import { apiTokens } from '../../db/schema/api-tokens.ts';
import { auditEvents } from '../../db/schema/audit-events.ts';
import { oneTimeLinks } from '../../db/schema/one-time-links.ts';
import { orgUnits } from '../../db/schema/org-units.ts';
import { reportingPeriods } from '../../db/schema/reporting-periods.ts';
import { riskMatrices } from '../../db/schema/risk-matrices.ts';
import { roleAssignments } from '../../db/schema/role-assignments.ts';
import { statuses } from '../../db/schema/statuses.ts';
import { tenants } from '../../db/schema/tenants.ts';
import { users } from '../../db/schema/users.ts';
import { AppError } from '../../errors.ts';
import { createTestDatabase } from '../../../../test/support/test-database.ts';
import { clientFor } from '../../../../test/support/harness.ts';
import { createTenant, type TenantCreateInput } from './create-tenant.ts';
import { listTenants } from './list-tenants.ts';
import { setTenantSuspended } from './suspend-tenant.ts';

const HOUR = 60 * 60 * 1000;
const PASSWORD = 'ett-långt-lösenord-2026';

function input(slug: string, overrides: Partial<TenantCreateInput> = {}): TenantCreateInput {
  return {
    slug,
    name: `Lunds kommun ${slug}`,
    kind: 'kommun',
    admin: { name: 'Ada Administratör', email: `ada@${slug}.example.se` },
    ...overrides,
  };
}

async function post(
  app: ReturnType<typeof createApp>,
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
) {
  const response = await app.request(`/api/v1${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, any>, headers: response.headers };
}

describe('a tenant from zero', () => {
  let database: DatabaseHandle;
  const clock = adjustableClock('2026-06-15T10:00:00Z');
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    database = await createTestDatabase();
    app = createApp({ database, clock });
  });
  afterAll(() => database.close());

  test('creates the tenant, its top unit, matrix, statuses, this year’s periods and an administrator with a 24 h link', async () => {
    const { db } = database;
    const created = await createTenant(db, input('lund', { kind: 'kommunalforbund', name: 'Räddningstjänsten Syd' }), {
      clock,
      actorLabel: 'cli:tenant',
    });
    const [tenant] = await db.select().from(tenants).where(eq(tenants.id, created.tenantId));
    expect(tenant).toMatchObject({
      slug: 'lund',
      name: 'Räddningstjänsten Syd',
      kind: 'kommunalforbund',
      suspendedAt: null,
    });

    const units = await db.select().from(orgUnits).where(eq(orgUnits.tenantId, created.tenantId));
    expect(units).toEqual([
      expect.objectContaining({
        id: created.rootUnitId,
        parentId: null,
        kind: 'kommunalforbund',
        name: 'Räddningstjänsten Syd',
      }),
    ]);
    const matrices = await db.select().from(riskMatrices).where(eq(riskMatrices.tenantId, created.tenantId));
    expect(matrices.map((matrix) => matrix.validFromYear)).toEqual([2026]);
    const statusRows = await db.select().from(statuses).where(eq(statuses.tenantId, created.tenantId));
    expect(statusRows.map((row) => row.key).sort()).toEqual(DEFAULT_STATUSES.map((status) => status.key).sort());
    const periods = await db
      .select()
      .from(reportingPeriods)
      .where(eq(reportingPeriods.tenantId, created.tenantId))
      .orderBy(asc(reportingPeriods.startDate), asc(reportingPeriods.endDate));
    expect(periods.map((period) => [period.kind, period.number, period.startDate, period.endDate])).toEqual([
      ['quarter', 1, '2026-01-01', '2026-03-31'],
      ['interim', null, '2026-01-01', '2026-08-31'],
      ['annual', null, '2026-01-01', '2026-12-31'],
      ['quarter', 2, '2026-04-01', '2026-06-30'],
      ['quarter', 3, '2026-07-01', '2026-09-30'],
      ['quarter', 4, '2026-10-01', '2026-12-31'],
    ]);

    const [admin] = await db.select().from(users).where(eq(users.tenantId, created.tenantId));
    expect(admin).toMatchObject({
      id: created.adminId,
      name: 'Ada Administratör',
      email: 'ada@lund.example.se',
      passwordHash: null,
    });
    const roles = await db.select().from(roleAssignments).where(eq(roleAssignments.tenantId, created.tenantId));
    expect(roles).toEqual([
      expect.objectContaining({ userId: admin!.id, unitId: created.rootUnitId, role: 'administrator' }),
    ]);

    expect(created.link!.secret).toMatch(/^[\w-]{43}$/);
    expect(created.link!.expiresAt.toISOString()).toBe('2026-06-16T10:00:00.000Z');
    const [link] = await db.select().from(oneTimeLinks).where(eq(oneTimeLinks.tenantId, created.tenantId));
    expect(link).toMatchObject({ purpose: 'set_password', userId: admin!.id, usedAt: null, withdrawnAt: null });
    expect(link!.secretHash).not.toContain(created.link!.secret);

    // Everything is in the tenant's audit log, made by the operator's command, without the secret.
    const events = await db.select().from(auditEvents).where(eq(auditEvents.tenantId, created.tenantId));
    const made = new Set(events.map((event) => `${event.entityType}:${event.operation}`));
    for (const entry of [
      'tenant:create',
      'org_unit:create',
      'risk_matrix:create',
      'status:create',
      'reporting_period:create',
      'user:create',
      'role_assignment:create',
      'one_time_link:create',
    ])
      expect(made, entry).toContain(entry);
    expect(events.every((event) => event.actorKind === 'system' && event.actorLabel === 'cli:tenant')).toBe(true);
    expect(JSON.stringify(events)).not.toContain(created.link!.secret);
    expect(JSON.stringify(events)).not.toContain(link!.secretHash);
  });

  test('a slug in use is refused naming the field, and nothing of the second tenant is written', async () => {
    const { db } = database;
    await createTenant(db, input('malmo-stad'), { clock, actorLabel: 'cli:tenant' });
    const before = (await db.select().from(tenants)).length;
    const error = await createTenant(db, input('malmo-stad', { name: 'Någon annan' }), {
      clock,
      actorLabel: 'cli:tenant',
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('duplicate');
    expect((error as AppError).errors.map((field) => field.path)).toEqual(['slug']);
    expect((await db.select().from(tenants)).length).toBe(before);
    expect(await db.select().from(orgUnits).where(eq(orgUnits.name, 'Någon annan'))).toEqual([]);
  });

  test('the administrator opens the link, chooses a password, is signed in; the link then works no more', async () => {
    const created = await createTenant(database.db, input('ystad'), { clock, actorLabel: 'cli:tenant' });
    const secret = created.link!.secret;

    const described = await post(app, '/auth/links/describe', { secret });
    expect(described.status).toBe(200);
    expect(described.body).toEqual({
      purpose: 'set_password',
      expiresAt: '2026-06-16T10:00:00.000Z',
      user: { name: 'Ada Administratör', email: 'ada@ystad.example.se' },
      tenant: { name: 'Lunds kommun ystad', slug: 'ystad' },
    });

    // Too short a password: refused at its field, and the link stays usable.
    const short = await post(app, '/auth/links/password', { secret, password: 'kort' });
    expect(short.status).toBe(400);
    expect(short.body.errors.map((error: { path: string }) => error.path)).toEqual(['password']);

    const chosen = await post(app, '/auth/links/password', { secret, password: PASSWORD });
    expect(chosen.status).toBe(200);
    expect(chosen.body.user.email).toBe('ada@ystad.example.se');
    expect(chosen.body.roles).toEqual([
      expect.objectContaining({ role: 'administrator', unitName: 'Lunds kommun ystad' }),
    ]);
    const cookie = chosen.headers.get('set-cookie')!.split(';')[0]!;
    expect(cookie).toMatch(new RegExp(`^${SESSION_COOKIE}=`));
    expect(chosen.headers.get('set-cookie')).toMatch(/; Path=\/(;|$)/);
    expect(chosen.body).toMatchObject({ via: 'session', mayWrite: true });
    const me = await clientFor(app, { cookie }).get('/me');
    expect(me.status).toBe(200);

    const signIn = await post(app, '/auth/login', { email: 'ada@ystad.example.se', password: PASSWORD });
    expect(signIn.status).toBe(200);

    const again = await post(app, '/auth/links/password', { secret, password: 'ett-annat-lösenord-99' });
    expect(again.status).toBe(410);
    expect(again.body.reason).toBe('used');
    expect((await post(app, '/auth/links/describe', { secret })).status).toBe(410);
    // The password was not changed by the refused second use.
    expect((await post(app, '/auth/login', { email: 'ada@ystad.example.se', password: PASSWORD })).status).toBe(200);

    const events = await database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.tenantId, created.tenantId), eq(auditEvents.entityType, 'one_time_link')));
    expect(events.map((event) => event.operation).sort()).toEqual(['create', 'use']);
    expect(events.find((event) => event.operation === 'use')).toMatchObject({
      actorKind: 'user',
      actorUserId: created.adminId,
      changes: { usedAt: [null, '2026-06-15T10:00:00.000Z'] },
    });
    expect(events.find((event) => event.operation === 'create')!.changes).toEqual({
      userId: [null, created.adminId],
      purpose: [null, 'set_password'],
      expiresAt: [null, '2026-06-16T10:00:00.000Z'],
    });
    // The password itself is recorded as the person's own change, redacted.
    const passwordSet = await database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, created.adminId), eq(auditEvents.operation, 'update')));
    expect(passwordSet).toEqual([
      expect.objectContaining({
        entityType: 'user',
        actorUserId: created.adminId,
        changes: { passwordHash: [null, '[redacted]'] },
      }),
    ]);
  });

  test('a link is refused when unknown (404), after 24 h (410 expired) and once a newer one is issued (410 withdrawn)', async () => {
    expect((await post(app, '/auth/links/describe', { secret: 'no-such-link' })).status).toBe(404);
    expect((await post(app, '/auth/links/password', { secret: 'no-such-link', password: PASSWORD })).status).toBe(404);

    const created = await createTenant(database.db, input('hoor'), { clock, actorLabel: 'cli:tenant' });
    const secret = created.link!.secret;
    clock.advance(24 * HOUR - 1);
    expect((await post(app, '/auth/links/describe', { secret })).status).toBe(200);
    clock.advance(1);
    const expired = await post(app, '/auth/links/password', { secret, password: PASSWORD });
    expect(expired.status).toBe(410);
    expect(expired.body.reason).toBe('expired');
    clock.set('2026-06-15T10:00:00Z');

    const { issueOneTimeLink } = await import('../../auth/one-time-links.ts');
    const newer = await database.db.transaction((tx) =>
      issueOneTimeLink(
        tx,
        { kind: 'system', tenantId: created.tenantId, label: 'test' },
        {
          tenantId: created.tenantId,
          userId: created.adminId,
          purpose: 'set_password',
          now: clock.now(),
          createdById: null,
        },
      ),
    );
    const withdrawn = await post(app, '/auth/links/password', { secret, password: PASSWORD });
    expect(withdrawn.status).toBe(410);
    expect(withdrawn.body.reason).toBe('withdrawn');
    expect((await post(app, '/auth/links/password', { secret: newer.secret, password: PASSWORD })).status).toBe(200);
    const [withdrawal] = await database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.tenantId, created.tenantId), eq(auditEvents.operation, 'withdraw')));
    expect(withdrawal).toMatchObject({
      entityType: 'one_time_link',
      entityId: created.link!.id,
      changes: { withdrawnAt: [null, '2026-06-15T10:00:00.000Z'] },
    });
  });

  test('two tabs posting the same link at once set one password; the other is told the link is used', async () => {
    const created = await createTenant(database.db, input('sjobo'), { clock, actorLabel: 'cli:tenant' });
    const secret = created.link!.secret;
    const replies = await Promise.all([
      post(app, '/auth/links/password', { secret, password: 'första-lösenordet-1' }),
      post(app, '/auth/links/password', { secret, password: 'andra-lösenordet-22' }),
    ]);
    expect(replies.map((reply) => reply.status).sort()).toEqual([200, 410]);
    const uses = await database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.tenantId, created.tenantId), eq(auditEvents.operation, 'use')));
    expect(uses).toHaveLength(1);
  });

  test('a suspended tenant cannot sign in, and its sessions and API tokens are refused until it is resumed', async () => {
    const { db } = database;
    const created = await createTenant(db, input('kavlinge'), {
      clock,
      actorLabel: 'cli:tenant',
      adminPassword: PASSWORD,
    });
    const session = await createSession(db, created.tenantId, created.adminId, clock.now());
    const browser = clientFor(app, { cookie: `${SESSION_COOKIE}=${session.secret}` });
    const token = newApiTokenSecret();
    await db.insert(apiTokens).values({
      tenantId: created.tenantId,
      name: 'BI',
      userId: created.adminId,
      access: 'read',
      secretHash: token.secretHash,
      prefix: token.prefix,
      createdById: created.adminId,
    });
    const integration = clientFor(app, { authorization: `Bearer ${token.token}` });
    expect((await browser.get('/me')).status).toBe(200);
    expect((await integration.get('/me')).status).toBe(200);

    expect(await setTenantSuspended(db, 'kavlinge', true, { clock, actorLabel: 'cli:tenant' })).toBe(true);
    expect(await setTenantSuspended(db, 'kavlinge', true, { clock, actorLabel: 'cli:tenant' })).toBe(false);
    expect((await browser.get('/me')).status).toBe(401);
    expect((await integration.get('/me')).status).toBe(401);
    const refused = await post(app, '/auth/login', { email: 'ada@kavlinge.example.se', password: PASSWORD });
    expect(refused.status).toBe(403);
    expect(refused.body.detail).toMatch(/avstängt/);

    expect(await setTenantSuspended(db, 'kavlinge', false, { clock, actorLabel: 'cli:tenant' })).toBe(true);
    expect((await browser.get('/me')).status).toBe(200);
    expect((await integration.get('/me')).status).toBe(200);
    expect((await post(app, '/auth/login', { email: 'ada@kavlinge.example.se', password: PASSWORD })).status).toBe(200);

    const events = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.tenantId, created.tenantId), eq(auditEvents.entityType, 'tenant')));
    expect(events.map((event) => event.operation)).toEqual(['create', 'suspend', 'resume']);
    await expect(setTenantSuspended(db, 'finns-inte', true, { clock, actorLabel: 'cli:tenant' })).rejects.toMatchObject(
      {
        code: 'not_found',
      },
    );
  });

  test('the list names every tenant with its kind, its units and the accounts that can sign in', async () => {
    const listed = await listTenants(database.db);
    expect(listed.map((tenant) => tenant.slug)).toEqual([...listed.map((tenant) => tenant.slug)].sort());
    expect(listed.find((tenant) => tenant.slug === 'lund')).toMatchObject({
      kind: 'kommunalforbund',
      units: 1,
      accounts: 0,
    });
    expect(listed.find((tenant) => tenant.slug === 'ystad')).toMatchObject({ kind: 'kommun', units: 1, accounts: 1 });
  });

  test('a link of a person who may no longer sign in is refused with 403: deactivated, or their organisation suspended', async () => {
    const deactivated = await createTenant(database.db, input('bjuv'), { clock, actorLabel: 'cli:tenant' });
    await database.db.update(users).set({ deactivatedAt: clock.now() }).where(eq(users.id, deactivated.adminId));
    const refused = await post(app, '/auth/links/password', { secret: deactivated.link!.secret, password: PASSWORD });
    expect(refused.status).toBe(403);
    expect(refused.body.detail).toMatch(/avaktiverat/);

    const suspended = await createTenant(database.db, input('astorp'), { clock, actorLabel: 'cli:tenant' });
    await setTenantSuspended(database.db, 'astorp', true, { clock, actorLabel: 'cli:tenant' });
    const whileSuspended = await post(app, '/auth/links/describe', { secret: suspended.link!.secret });
    expect(whileSuspended.status).toBe(403);
    expect(whileSuspended.body.detail).toMatch(/avstängt/);
    await setTenantSuspended(database.db, 'astorp', false, { clock, actorLabel: 'cli:tenant' });
    expect((await post(app, '/auth/links/describe', { secret: suspended.link!.secret })).status).toBe(200);
  });

  test('the session cookie is Secure when a trusted proxy says the browser came over HTTPS, and only then', async () => {
    await createTenant(database.db, input('klippan'), { clock, actorLabel: 'cli:tenant', adminPassword: PASSWORD });
    const signIn = (trustProxy: number) =>
      post(
        createApp({ database, clock, auth: { ...DEFAULT_AUTH_SETTINGS, trustProxy } }),
        '/auth/login',
        { email: 'ada@klippan.example.se', password: PASSWORD },
        { 'x-forwarded-proto': 'https' },
      );
    const trusted = await signIn(1);
    expect(trusted.status).toBe(200);
    expect(trusted.headers.get('set-cookie')).toMatch(/; Secure/);
    const untrusted = await signIn(0);
    expect(untrusted.status).toBe(200);
    expect(untrusted.headers.get('set-cookie')).not.toMatch(/Secure/);
  });
});

describe('the first run: a new installation creates its first tenant at /', () => {
  let database: DatabaseHandle;
  const clock = adjustableClock('2026-06-15T10:00:00Z');
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.close());

  const firstRun = (setupCode: string) => ({
    setupCode,
    tenant: input('forsta', { name: 'Region Första', kind: 'region' }),
    password: PASSWORD,
  });

  test('guarded by the setup code; creates the tenant and its administrator, signs in, and is gone after', async () => {
    const code = newSetupCode();
    const app = createApp({ database, clock, setupCode: code });
    expect((await clientFor(app, {}).get('/setup')).body).toEqual({ needed: true });

    const wrong = await post(app, '/setup', firstRun('AAAAA-BBBBB-CCCCC-DDDDD'));
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors.map((error: { path: string }) => error.path)).toEqual(['setupCode']);
    expect(await database.db.select().from(tenants)).toEqual([]);

    // Typed by hand: lower case, without the hyphens.
    const done = await post(app, '/setup', firstRun(code.toLowerCase().replaceAll('-', ' ')));
    expect(done.status).toBe(200);
    expect(done.body.tenant).toMatchObject({ slug: 'forsta', name: 'Region Första' });
    expect(done.body.roles).toEqual([expect.objectContaining({ role: 'administrator', unitName: 'Region Första' })]);
    expect(done.headers.get('set-cookie')).toMatch(new RegExp(`^${SESSION_COOKIE}=`));
    const [root] = await database.db.select().from(orgUnits);
    expect(root).toMatchObject({ kind: 'region', parentId: null });
    expect((await post(app, '/auth/login', { email: 'ada@forsta.example.se', password: PASSWORD })).status).toBe(200);

    expect((await clientFor(app, {}).get('/setup')).body).toEqual({ needed: false });
    const again = await post(app, '/setup', { ...firstRun(code), tenant: input('andra') });
    expect(again.status).toBe(410);
    expect((await database.db.select().from(tenants)).map((tenant) => tenant.slug)).toEqual(['forsta']);
  });

  test('a server started with tenants has no first run: not needed, and refused with 410 whatever the code', async () => {
    const app = createApp({ database, clock });
    expect((await clientFor(app, {}).get('/setup')).body).toEqual({ needed: false });
    expect((await post(app, '/setup', firstRun('AAAAA-BBBBB-CCCCC-DDDDD'))).status).toBe(410);
  });

  test('two people submitting the first run at once create one tenant', async () => {
    const empty = await createTestDatabase();
    try {
      const code = newSetupCode();
      const app = createApp({ database: empty, clock, setupCode: code });
      const replies = await Promise.all([
        post(app, '/setup', { ...firstRun(code), tenant: input('ett') }),
        post(app, '/setup', { ...firstRun(code), tenant: input('tva') }),
      ]);
      expect(replies.map((reply) => reply.status).sort()).toEqual([200, 410]);
      expect(await empty.db.select().from(tenants)).toHaveLength(1);
    } finally {
      await empty.close();
    }
  });
});
