import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Role } from '../../domain/role.ts';
import { fixedClock } from '../../domain/clock.ts';
import { roleAssignments } from '../db/schema/role-assignments.ts';
import { AppError } from '../errors.ts';
import { createHarness, type Harness } from '../../../test/support/harness.ts';
import { Access, loadAccess, operatorAccess, type Principal } from './access.ts';
import { findReadablePlan } from './plan-scope.ts';
import { ancestorUnitIds, findReadableUnitIds, subtreeUnitIds, visibleUnitIds } from './unit-tree.ts';

// The rules of who may do what, on the Access object itself: each case names the rule it holds.

const clock = fixedClock('2026-06-15T10:00:00Z');
const person: Principal = { tenantId: 't', userId: 'me', via: 'session', mayWrite: true, sessionId: 's' };
const readOnlyToken: Principal = { tenantId: 't', userId: 'me', via: 'token', mayWrite: false, tokenId: 'k' };

/** An Access with the given roles per unit; `roots` are the units without a parent. */
function accessWith(roles: Record<string, Role[]>, roots: string[] = [], principal: Principal = person): Access {
  return new Access(
    principal,
    new Map(Object.entries(roles).map(([unit, held]) => [unit, new Set(held)])),
    new Set(roots),
    clock,
  );
}

/** The AppError a call throws, or undefined when it returns. */
function thrown(call: () => void): AppError | undefined {
  try {
    call();
    return undefined;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
}

/** The AppError code a call throws, or 'ok'. */
const outcome = (call: () => void): string => thrown(call)?.code ?? 'ok';

/** The detail, in both languages, of the AppError a call throws: what the person is told. */
const detailOf = (call: () => void): unknown => thrown(call)?.detail;

describe('Access: roles, reading and writing', () => {
  test('who is calling: tenant, person, and the actor the audit log records (the token when one was used)', () => {
    const viaSession = accessWith({});
    expect(viaSession.tenantId).toBe('t');
    expect(viaSession.userId).toBe('me');
    expect(viaSession.actor).toEqual({ kind: 'user', tenantId: 't', userId: 'me' });
    expect(accessWith({}, [], readOnlyToken).actor).toEqual({
      kind: 'token',
      tenantId: 't',
      userId: 'me',
      tokenId: 'k',
    });
    expect(accessWith({}, [], { tenantId: 't', userId: 'me', via: 'token', mayWrite: true }).actor).toEqual({
      kind: 'token',
      tenantId: 't',
      userId: 'me',
      tokenId: null,
    });
  });

  test('today is the date in Sweden of the request’s clock, not UTC’s', () => {
    const lateEvening = new Access(person, new Map(), new Set(), fixedClock('2026-06-14T22:30:00Z'));
    expect(lateEvening.today).toBe('2026-06-15');
    expect(accessWith({}).today).toBe('2026-06-15');
  });

  test('a role holds on the units it was loaded for, and only one of the asked roles is needed', () => {
    const access = accessWith({ a: ['reader', 'responsible'], b: ['coordinator'] });
    expect(access.hasRole('a', ['responsible'])).toBe(true);
    expect(access.hasRole('a', ['coordinator', 'responsible'])).toBe(true);
    expect(access.hasRole('a', ['coordinator'])).toBe(false);
    expect(access.hasRole('elsewhere', ['reader'])).toBe(false);
    expect(access.unitIdsWithRole(['coordinator'])).toEqual(['b']);
    expect(access.unitIdsWithRole(['reader', 'coordinator'])).toEqual(['a', 'b']);
    expect(access.unitIdsWithRole(['auditor'])).toEqual([]);
  });

  test('a person reads their units only; an auditor reads the whole tenant', () => {
    const reader = accessWith({ a: ['reader'] });
    expect(reader.canRead('a')).toBe(true);
    expect(reader.canRead('b')).toBe(false);
    expect(reader.readableUnitIds()).toEqual(['a']);
    expect(reader.isAuditor).toBe(false);
    expect(outcome(() => reader.assertRead('a'))).toBe('ok');
    expect(outcome(() => reader.assertRead('b'))).toBe('not_found');

    const auditor = accessWith({ a: ['auditor'] });
    expect(auditor.isAuditor).toBe(true);
    expect(auditor.canRead('b')).toBe(true);
    expect(auditor.readableUnitIds()).toBe('all');
    expect(auditor.readsWholeAuditLog).toBe(true);
    expect(reader.readsWholeAuditLog).toBe(false);
  });

  test('an administrator of a root unit administers the tenant; of a unit below it, not', () => {
    const tenantAdmin = accessWith({ root: ['administrator'], a: ['administrator'] }, ['root']);
    expect(tenantAdmin.isTenantAdministrator).toBe(true);
    expect(tenantAdmin.readsWholeAuditLog).toBe(true);
    expect(outcome(() => tenantAdmin.assertTenantAdministrator())).toBe('ok');

    const unitAdmin = accessWith({ a: ['administrator'] }, ['root']);
    expect(unitAdmin.isTenantAdministrator).toBe(false);
    expect(unitAdmin.readsWholeAuditLog).toBe(false);
    expect(outcome(() => unitAdmin.assertTenantAdministrator())).toBe('forbidden');
    // The person is told why, in Swedish and in English.
    expect(detailOf(() => unitAdmin.assertTenantAdministrator())).toEqual({
      sv: 'Bara kommunens administratör får göra detta.',
      en: 'Only the tenant administrator may do this.',
    });

    const rootCoordinator = accessWith({ root: ['coordinator'] }, ['root']);
    expect(rootCoordinator.isTenantAdministrator).toBe(false);

    const readOnlyAdmin = accessWith({ root: ['administrator'] }, ['root'], readOnlyToken);
    expect(readOnlyAdmin.isTenantAdministrator).toBe(true);
    expect(() => readOnlyAdmin.assertTenantAdministrator()).toThrow('The API token may only read.');
  });

  test('a read-only token writes nothing, whatever roles its person holds', () => {
    const token = accessWith({ a: ['coordinator'] }, [], readOnlyToken);
    expect(outcome(() => token.assertMayWrite())).toBe('forbidden');
    expect(detailOf(() => token.assertMayWrite())).toEqual({
      sv: 'API-nyckeln får bara läsa.',
      en: 'The API token may only read.',
    });
    expect(outcome(() => token.assertRole('a', ['coordinator']))).toBe('forbidden');
    expect(outcome(() => token.assertItemWrite('a', ['me']))).toBe('forbidden');
    // What it cannot read stays not found, not forbidden: nobody learns what exists elsewhere.
    expect(outcome(() => token.assertRole('b', ['coordinator']))).toBe('not_found');
    expect(outcome(() => accessWith({}).assertMayWrite())).toBe('ok');
  });

  test('a role check: not found outside the readable units, forbidden without the role, allowed with it', () => {
    const access = accessWith({ a: ['reader'], b: ['coordinator'] });
    expect(outcome(() => access.assertRole('c', ['reader']))).toBe('not_found');
    expect(outcome(() => access.assertRole('a', ['coordinator']))).toBe('forbidden');
    expect(detailOf(() => access.assertRole('a', ['coordinator']))).toEqual({
      sv: 'Din roll på enheten ger inte rätt att göra detta.',
      en: 'Your role on the unit does not allow this.',
    });
    expect(outcome(() => access.assertRole('b', ['coordinator']))).toBe('ok');
  });

  test('archiving is for the unit’s managers: administrators and coordinators, not responsible people or readers', () => {
    const access = accessWith({
      adm: ['administrator'],
      coord: ['coordinator'],
      resp: ['responsible'],
      read: ['reader'],
    });
    expect(outcome(() => access.assertMayArchive('adm'))).toBe('ok');
    expect(outcome(() => access.assertMayArchive('coord'))).toBe('ok');
    expect(outcome(() => access.assertMayArchive('resp'))).toBe('forbidden');
    expect(outcome(() => access.assertMayArchive('read'))).toBe('forbidden');
  });

  test('an item is changed by its unit’s managers, or by a responsible person assigned to it', () => {
    const access = accessWith({
      coord: ['coordinator'],
      adm: ['administrator'],
      resp: ['responsible'],
      read: ['reader'],
    });
    expect(outcome(() => access.assertItemWrite('coord', []))).toBe('ok');
    expect(outcome(() => access.assertItemWrite('adm', ['someone else']))).toBe('ok');
    expect(outcome(() => access.assertItemWrite('resp', ['someone else', 'me']))).toBe('ok');
    expect(outcome(() => access.assertItemWrite('resp', ['someone else']))).toBe('forbidden');
    expect(() => access.assertItemWrite('resp', [])).toThrow('Your role on the unit does not allow this.');
    // Being assigned is not enough without the responsible role there.
    expect(outcome(() => access.assertItemWrite('read', ['me']))).toBe('forbidden');
    expect(outcome(() => access.assertItemWrite('elsewhere', ['me']))).toBe('not_found');
  });

  test('the operator on the command line reads the whole tenant as an auditor does, and writes nothing', () => {
    const operator = operatorAccess('t', clock);
    expect(operator.tenantId).toBe('t');
    expect(operator.isAuditor).toBe(true);
    expect(operator.canRead('any unit')).toBe(true);
    expect(operator.readableUnitIds()).toBe('all');
    expect(operator.isTenantAdministrator).toBe(false);
    expect(operator.actor).toMatchObject({ kind: 'token', tokenId: null });
    expect(operator.userId).toBe('00000000-0000-0000-0000-000000000000');
    expect(outcome(() => operator.assertMayWrite())).toBe('forbidden');
  });
});

describe('Access loaded from the database, and the unit tree', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.close());

  const load = (who: string, tenantId = h.tenant.tenantId) =>
    loadAccess(h.db, { tenantId, userId: h.userIds[who]!, via: 'session', mayWrite: true }, clock);

  test('a role on a unit holds for its whole subtree, not for its parent or siblings', async () => {
    const { rootId, unitA, unitA1, unitB } = h.tenant;
    const coordinator = await load('coordinator');
    expect(coordinator.hasRole(unitA, ['coordinator'])).toBe(true);
    expect(coordinator.hasRole(unitA1, ['coordinator'])).toBe(true);
    expect(coordinator.canRead(unitB)).toBe(false);
    expect(coordinator.canRead(rootId)).toBe(false);
    expect(coordinator.isTenantAdministrator).toBe(false);
    expect([...(coordinator.readableUnitIds() as string[])].sort()).toEqual([unitA, unitA1].sort());
    expect((await load('nobody')).readableUnitIds()).toEqual([]);
  });

  test('an administrator on the root is the tenant administrator; the roles of one tenant do not reach another', async () => {
    const admin = await load('tenantAdmin');
    expect(admin.isTenantAdministrator).toBe(true);
    expect(admin.hasRole(h.tenant.unitA1, ['administrator'])).toBe(true);
    expect((await load('administrator')).isTenantAdministrator).toBe(false);
    expect((await load('tenantAdmin', h.otherTenant.tenantId)).readableUnitIds()).toEqual([]);
  });

  test('a person holding two roles on a unit has both', async () => {
    await h.db
      .insert(roleAssignments)
      .values({ tenantId: h.tenant.tenantId, userId: h.userIds.reader!, unitId: h.tenant.unitA1, role: 'responsible' });
    const reader = await load('reader');
    expect(reader.hasRole(h.tenant.unitA1, ['reader'])).toBe(true);
    expect(reader.hasRole(h.tenant.unitA1, ['responsible'])).toBe(true);
    expect(reader.hasRole(h.tenant.unitA, ['responsible'])).toBe(false);
  });

  test('a revoked role no longer holds', async () => {
    await h.db
      .update(roleAssignments)
      .set({ revokedAt: new Date() })
      .where(and(eq(roleAssignments.tenantId, h.tenant.tenantId), eq(roleAssignments.userId, h.userIds.auditor!)));
    const former = await load('auditor');
    expect(former.isAuditor).toBe(false);
    expect(former.readableUnitIds()).toEqual([]);
  });

  test('subtrees, ancestors and the units a list may show', async () => {
    const { tenantId, rootId, unitA, unitA1, unitB } = h.tenant;
    expect((await subtreeUnitIds(h.db, tenantId, unitA)).sort()).toEqual([unitA, unitA1].sort());
    expect((await subtreeUnitIds(h.db, h.otherTenant.tenantId, unitA)).sort()).toEqual([]);
    expect((await ancestorUnitIds(h.db, tenantId, unitA1)).sort()).toEqual([rootId, unitA, unitA1].sort());
    expect(await ancestorUnitIds(h.db, h.otherTenant.tenantId, unitA1)).toEqual([]);
    expect(await visibleUnitIds(h.db, tenantId, [unitA1], undefined)).toEqual([unitA1]);
    expect(await visibleUnitIds(h.db, tenantId, 'all', undefined)).toBe('all');
    expect(((await visibleUnitIds(h.db, tenantId, 'all', unitA)) as string[]).sort()).toEqual([unitA, unitA1].sort());
    expect(await visibleUnitIds(h.db, tenantId, [unitA1, unitB], unitA)).toEqual([unitA1]);

    const coordinator = await load('coordinator');
    expect(((await findReadableUnitIds(h.db, coordinator, undefined)) as string[]).sort()).toEqual(
      [unitA, unitA1].sort(),
    );
    expect(await findReadableUnitIds(h.db, coordinator, unitA1)).toEqual([unitA1]);
    await expect(findReadableUnitIds(h.db, coordinator, unitB)).rejects.toMatchObject({ code: 'not_found' });
    await expect(findReadableUnitIds(h.db, coordinator, h.otherTenant.unitA)).rejects.toMatchObject({
      code: 'not_found',
    });
  });

  test('a plan outside the caller’s units or tenant is not found, or a field error when a field named it', async () => {
    const coordinator = await h.as('coordinator');
    const created = await coordinator.post('/plans', {
      unitId: h.tenant.unitA,
      kind: 'internal_control',
      title: 'Internkontrollplan 2026',
      startYear: 2026,
    });
    expect(created.status).toBe(201);
    const planId = created.body.id as string;
    expect((await findReadablePlan(h.db, await load('coordinator'), planId)).id).toBe(planId);
    await expect(findReadablePlan(h.db, await load('nobody'), planId)).rejects.toMatchObject({ code: 'not_found' });
    await expect(
      findReadablePlan(h.db, await load('otherAdmin', h.otherTenant.tenantId), planId),
    ).rejects.toMatchObject({ code: 'not_found' });
    await expect(findReadablePlan(h.db, await load('nobody'), planId, 'planId')).rejects.toMatchObject({
      code: 'validation_failed',
      errors: [{ path: 'planId', message: { sv: 'Finns inte.', en: 'Does not exist.' } }],
    });
  });
});
