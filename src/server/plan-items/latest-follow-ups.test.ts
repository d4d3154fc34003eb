import { and, eq } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Access } from '../access/access.ts';
import type { DatabaseHandle } from '../db/client.ts';
import { actions } from '../db/schema/actions.ts';
import { assignments } from '../db/schema/assignments.ts';
import { controls } from '../db/schema/controls.ts';
import { followUps } from '../db/schema/follow-ups.ts';
import { reportingPeriods } from '../db/schema/reporting-periods.ts';
import { roleAssignments } from '../db/schema/role-assignments.ts';
import { users } from '../db/schema/users.ts';
import { createTestDatabase } from '../../../test/support/test-database.ts';
import { createPlan, createRisk, createTenant, createUnit } from '../../../test/support/factories.ts';
import { latestFollowUpCondition, latestFollowUps } from './latest-follow-ups.ts';
import { namedWithoutRoleProblem } from './named-without-role.ts';

// Two rules the follow-up screens and the overview share, on a real database: which follow-up of
// an item is its latest, and what a person named on an item but without a role there is told.

describe('plan items: the latest follow-up, and a person named without a role', () => {
  let database: DatabaseHandle;
  let tenantId: string;
  let rootId: string;
  let unitId: string;
  let subUnitId: string;
  let planId: string;
  let riskId: string;
  const periods = { q1: uuidv7(), q2: uuidv7() };

  const control = async () => {
    const id = uuidv7();
    await database.db.insert(controls).values({ tenantId, id, planId, riskId, title: 'Kontroll' });
    return id;
  };
  const action = async () => {
    const id = uuidv7();
    await database.db.insert(actions).values({ tenantId, id, planId, riskId, title: 'Åtgärd' });
    return id;
  };
  const followUp = async (
    item: { controlId?: string; actionId?: string },
    body: string,
    periodId: string,
    reportedOn: string | null,
    extra: { archivedAt?: Date } = {},
  ) => {
    const id = uuidv7();
    await database.db.insert(followUps).values({ tenantId, id, ...item, periodId, body, reportedOn, ...extra });
    return id;
  };
  const person = async (
    name: string,
    role?: { unit: string; role: 'administrator' | 'coordinator' | 'reader' },
    deactivated = false,
  ) => {
    const id = uuidv7();
    await database.db
      .insert(users)
      .values({ tenantId, id, name, ...(deactivated ? { deactivatedAt: new Date('2026-01-01T00:00:00Z') } : {}) });
    if (role)
      await database.db
        .insert(roleAssignments)
        .values({ tenantId, id: uuidv7(), userId: id, unitId: role.unit, role: role.role });
    return id;
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    ({ tenantId } = await createTenant(database.db));
    rootId = await createUnit(database.db, tenantId, { name: 'Kommunen' });
    unitId = await createUnit(database.db, tenantId, { name: 'Socialnämnden', parentId: rootId });
    subUnitId = await createUnit(database.db, tenantId, { name: 'Äldreomsorgen', parentId: unitId });
    planId = await createPlan(database.db, tenantId, subUnitId);
    riskId = await createRisk(database.db, tenantId, planId);
    await database.db.insert(reportingPeriods).values([
      {
        tenantId,
        id: periods.q1,
        kind: 'quarter',
        year: 2026,
        number: 1,
        startDate: '2026-01-01',
        endDate: '2026-03-31',
      },
      {
        tenantId,
        id: periods.q2,
        kind: 'quarter',
        year: 2026,
        number: 2,
        startDate: '2026-04-01',
        endDate: '2026-06-30',
      },
    ]);
  });
  afterAll(() => database.close());

  test('the latest follow-up: of the latest period, then the latest day written (a day before none), never an archived one', async () => {
    const [first, second, third, onlyArchived, untouched] = [
      await control(),
      await control(),
      await action(),
      await control(),
      await control(),
    ];
    await followUp({ controlId: first }, 'Q2, skriven först', periods.q2, '2026-04-10');
    await followUp({ controlId: first }, 'Q2, senast skriven', periods.q2, '2026-05-20');
    await followUp({ controlId: first }, 'Q1, skriven sist av alla', periods.q1, '2026-06-01');
    await followUp({ controlId: first }, 'Q2 utan dag', periods.q2, null);
    await followUp({ controlId: first }, 'Q2, arkiverad', periods.q2, '2026-06-20', {
      archivedAt: new Date('2026-06-21T00:00:00Z'),
    });
    await followUp({ controlId: second }, 'Q1', periods.q1, '2026-03-01');
    await followUp({ actionId: third }, 'Åtgärdens', periods.q1, '2026-02-01');
    await followUp({ controlId: onlyArchived }, 'Arkiverad', periods.q1, '2026-02-01', {
      archivedAt: new Date('2026-03-01T00:00:00Z'),
    });
    const bodies = (found: Map<string, { body: string }>) =>
      Object.fromEntries([...found].map(([id, row]) => [id, row.body]));

    expect(
      bodies(
        await latestFollowUps(database.db, tenantId, {
          controlIds: [first, second, onlyArchived, untouched],
          actionIds: [third],
        }),
      ),
    ).toEqual({
      [first]: 'Q2, senast skriven',
      [second]: 'Q1',
      [third]: 'Åtgärdens',
    });
    // Controls only, actions only, or nothing asked for.
    expect(bodies(await latestFollowUps(database.db, tenantId, { controlIds: [second], actionIds: [] }))).toEqual({
      [second]: 'Q1',
    });
    expect(bodies(await latestFollowUps(database.db, tenantId, { controlIds: [], actionIds: [third] }))).toEqual({
      [third]: 'Åtgärdens',
    });
    expect(await latestFollowUps(database.db, tenantId, { controlIds: [], actionIds: [] })).toEqual(new Map());

    // The same rule as a condition in SQL.
    const latest = await database.db
      .select({ body: followUps.body })
      .from(followUps)
      .where(and(eq(followUps.tenantId, tenantId), eq(followUps.controlId, first), latestFollowUpCondition(tenantId)));
    expect(latest).toEqual([{ body: 'Q2, senast skriven' }]);
  });

  test('named without a role: told what they are named as, on which unit, and whom to ask, the nearest managers first', async () => {
    const anna = await person('Anna Ansvarig');
    const rita = await person('Rita Rapportör');
    const item = await control();
    await database.db.insert(assignments).values([
      { tenantId, id: uuidv7(), controlId: item, userId: anna, role: 'responsible' },
      { tenantId, id: uuidv7(), controlId: item, userId: rita, role: 'reporting' },
    ]);
    const asPerson = (userId: string) => ({ tenantId, userId }) as unknown as Access;
    const problem = (userId: string, field?: string) =>
      namedWithoutRoleProblem(database.db, asPerson(userId), 'control', item, subUnitId, field);

    // Nobody manages the unit or anything above it yet.
    const alone = await problem(anna);
    expect(alone?.code).toBe('forbidden');
    expect(alone?.detail).toEqual({
      sv: 'Du står som ansvarig för kontrollen men har ingen roll på Äldreomsorgen. Be kommunens administratör om en roll på enheten.',
      en: 'You are named as responsible for the control but hold no role on Äldreomsorgen. Ask the municipality’s administrator for a role on the unit.',
    });
    expect(alone?.extensions).toEqual({ unitId: subUnitId, managers: [] });
    expect(alone?.errors).toEqual([]);

    // Managers at the top and on the nämnd: the nämnd's are nearer; a reader, a revoked role or a deactivated person is no manager.
    await person('Östen Admin', { unit: rootId, role: 'administrator' });
    await person('Cecilia Samordnare', { unit: unitId, role: 'coordinator' });
    await person('Bo Admin', { unit: unitId, role: 'administrator' });
    await person('Läsare Lisa', { unit: unitId, role: 'reader' });
    await person('Slutat Sven', { unit: unitId, role: 'coordinator' }, true);
    const withManagers = await problem(rita, 'reportingIds');
    expect(withManagers?.detail).toEqual({
      sv: 'Du står som rapporteringsansvarig för kontrollen men har ingen roll på Äldreomsorgen. Be Bo Admin eller Cecilia Samordnare (administratör eller samordnare) om en roll på enheten.',
      en: 'You are named as reporting-responsible for the control but hold no role on Äldreomsorgen. Ask Bo Admin or Cecilia Samordnare (administrator or coordinator) for a role on the unit.',
    });
    expect(withManagers?.extensions).toEqual({ unitId: subUnitId, managers: ['Bo Admin', 'Cecilia Samordnare'] });
    expect(withManagers?.errors).toEqual([{ path: 'reportingIds', message: withManagers?.detail }]);

    // Three or more: commas, then "eller" before the last.
    await person('Ann Samordnare', { unit: unitId, role: 'coordinator' });
    expect((await problem(anna))?.detail).toMatchObject({
      sv: expect.stringContaining(
        'Be Ann Samordnare, Bo Admin eller Cecilia Samordnare (administratör eller samordnare)',
      ),
    });
    // One manager on the unit itself is the nearest, whoever is above.
    await person('Unni Enhetschef', { unit: subUnitId, role: 'coordinator' });
    expect((await problem(anna))?.extensions).toEqual({ unitId: subUnitId, managers: ['Unni Enhetschef'] });
    expect((await problem(anna))?.detail).toMatchObject({
      en: expect.stringContaining('Ask Unni Enhetschef (administrator or coordinator)'),
    });

    // Someone not named on the item is not told anything: for them it stays not found.
    expect(await problem(await person('Okänd'))).toBeNull();
  });
});
