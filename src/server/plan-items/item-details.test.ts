import { and, asc, eq, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DatabaseHandle } from '../db/client.ts';
import { assignments } from '../db/schema/assignments.ts';
import { checkpoints } from '../db/schema/checkpoints.ts';
import { controls } from '../db/schema/controls.ts';
import { users } from '../db/schema/users.ts';
import { createTestDatabase } from '../../../test/support/test-database.ts';
import { createPlan, createRisk, createTenant, createUnit } from '../../../test/support/factories.ts';
import { AppError } from '../errors.ts';
import { isOverdue as isOverdueFacts } from '../../domain/plan-item.ts';
import { statuses } from '../db/schema/statuses.ts';
import { queryRows } from '../db/client.ts';
import { isOverdue, loadItemDetails, overdueCondition, writeItemDetails, type ItemDetails } from './item-details.ts';

// Who answers for a plan item and when it is checked, kept beside the item: read for many items
// at once, written only where a list really changes, and refused when it names someone who is
// not there or the same person twice. A real database, no HTTP.

describe('an item’s responsible people and checkpoints', () => {
  let database: DatabaseHandle;
  let tenantId: string;
  let people: string[];
  let planId: string;
  let riskId: string;

  const newControl = async () => {
    const id = uuidv7();
    await database.db.insert(controls).values({ tenantId, id, planId, riskId, title: 'Kontroll' });
    return id;
  };
  const write = (itemId: string, before: ItemDetails, next: Partial<ItemDetails>) =>
    database.db.transaction((tx) => writeItemDetails(tx, tenantId, 'control', itemId, before, next));
  const details = async (itemId: string) =>
    (await loadItemDetails(database.db, tenantId, { control: [itemId] })).get(itemId)!;
  const rowIds = async (itemId: string) => ({
    assignments: (
      await database.db
        .select({ id: assignments.id })
        .from(assignments)
        .where(and(eq(assignments.tenantId, tenantId), eq(assignments.controlId, itemId)))
        .orderBy(asc(assignments.id))
    ).map((row) => row.id),
    checkpoints: (
      await database.db
        .select({ id: checkpoints.id })
        .from(checkpoints)
        .where(and(eq(checkpoints.tenantId, tenantId), eq(checkpoints.controlId, itemId)))
        .orderBy(asc(checkpoints.id))
    ).map((row) => row.id),
  });
  const refusal = async (attempt: Promise<unknown>) => {
    const error = await attempt.then(
      () => null,
      (failure: unknown) => failure,
    );
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    ({ tenantId } = await createTenant(database.db));
    const unitId = await createUnit(database.db, tenantId);
    planId = await createPlan(database.db, tenantId, unitId);
    riskId = await createRisk(database.db, tenantId, planId);
    people = [uuidv7(), uuidv7(), uuidv7()];
    await database.db.insert(users).values(people.map((id, index) => ({ tenantId, id, name: `Person ${index + 1}` })));
  });
  afterAll(() => database.close());

  test('written and read back: each role in the order given, the checkpoints ascending without repeats', async () => {
    const control = await newControl();
    const empty: ItemDetails = { responsibleIds: [], reportingIds: [], checkpoints: [] };
    const changes = await write(control, empty, {
      responsibleIds: [people[2]!, people[0]!],
      reportingIds: [people[1]!],
      checkpoints: ['2026-06-30', '2026-03-31', '2026-06-30'],
    });
    expect(await details(control)).toEqual({
      responsibleIds: [people[2], people[0]],
      reportingIds: [people[1]],
      checkpoints: ['2026-03-31', '2026-06-30'],
    });
    expect(changes).toEqual({
      responsibleIds: [[], [people[2], people[0]]],
      reportingIds: [[], [people[1]]],
      checkpoints: [[], ['2026-03-31', '2026-06-30']],
    });
  });

  test('a list that does not change is not rewritten and not recorded as a change; one not given is left alone', async () => {
    const control = await newControl();
    const before = {
      responsibleIds: [people[0]!],
      reportingIds: [people[1]!],
      checkpoints: ['2026-03-31', '2026-06-30'],
    };
    await write(control, { responsibleIds: [], reportingIds: [], checkpoints: [] }, before);
    const rows = await rowIds(control);
    // The same lists (the dates in another order): nothing to do.
    expect(
      await write(control, before, {
        responsibleIds: [people[0]!],
        reportingIds: [people[1]!],
        checkpoints: ['2026-06-30', '2026-03-31'],
      }),
    ).toEqual({});
    expect(await write(control, before, {})).toEqual({});
    expect(await rowIds(control)).toEqual(rows);
    expect(await details(control)).toEqual(before);
  });

  test('emptied lists: every person and date removed', async () => {
    const control = await newControl();
    const before = { responsibleIds: [people[0]!], reportingIds: [people[1]!], checkpoints: ['2026-03-31'] };
    await write(control, { responsibleIds: [], reportingIds: [], checkpoints: [] }, before);
    expect(await write(control, before, { responsibleIds: [], reportingIds: [], checkpoints: [] })).toEqual({
      responsibleIds: [[people[0]], []],
      reportingIds: [[people[1]], []],
      checkpoints: [['2026-03-31'], []],
    });
    expect(await details(control)).toEqual({ responsibleIds: [], reportingIds: [], checkpoints: [] });
  });

  test('a person who is not in the tenant, or the same person twice: 400 naming the list entry, and nothing written', async () => {
    const control = await newControl();
    const empty: ItemDetails = { responsibleIds: [], reportingIds: [], checkpoints: [] };
    const unknown = await refusal(write(control, empty, { responsibleIds: [people[0]!, uuidv7()] }));
    expect(unknown.code).toBe('validation_failed');
    expect(unknown.errors).toEqual([
      { path: 'responsibleIds.1', message: { sv: 'Personen finns inte.', en: 'The person does not exist.' } },
    ]);
    const twice = await refusal(write(control, empty, { reportingIds: [people[1]!, people[1]!] }));
    expect(twice.errors).toEqual([
      { path: 'reportingIds', message: { sv: 'Samma person står två gånger.', en: 'The same person is named twice.' } },
    ]);
    expect(await details(control)).toEqual(empty);
  });

  test('many items of several kinds at once; an item without people or dates has empty lists; asking for none reads nothing', async () => {
    const first = await newControl();
    const second = await newControl();
    await write(first, { responsibleIds: [], reportingIds: [], checkpoints: [] }, { responsibleIds: [people[0]!] });
    const found = await loadItemDetails(database.db, tenantId, { control: [first, second], action: [] });
    expect([...found.keys()].sort()).toEqual([first, second].sort());
    expect(found.get(first)).toEqual({ responsibleIds: [people[0]], reportingIds: [], checkpoints: [] });
    expect(found.get(second)).toEqual({ responsibleIds: [], reportingIds: [], checkpoints: [] });
    // The tenant has assignments of other items; none of them is read when no item is asked for.
    expect(await loadItemDetails(database.db, tenantId, { control: [], activity: [] })).toEqual(new Map());
  });
});

describe('overdue', () => {
  const completed = new Set(['done']);
  test('an archived item is never overdue, whatever its dates', () => {
    expect(isOverdue({ endDate: '2026-01-01', statusId: null, archivedAt: null }, completed, '2026-06-15')).toBe(true);
    expect(
      isOverdue(
        { endDate: '2026-01-01', statusId: null, archivedAt: new Date('2026-02-01T00:00:00Z') },
        completed,
        '2026-06-15',
      ),
    ).toBe(false);
    expect(isOverdue({ endDate: '2026-01-01', statusId: 'done', archivedAt: null }, completed, '2026-06-15')).toBe(
      false,
    );
    expect(isOverdue({ endDate: null, statusId: null, archivedAt: null }, completed, '2026-06-15')).toBe(false);
  });
});

describe('overdue in SQL and in the domain', () => {
  let database: DatabaseHandle;
  let tenantId: string;
  const done = uuidv7();
  const running = uuidv7();
  afterAll(() => database.close());

  test('the list filter and the domain rule agree, case by case, at the edges of the end date', async () => {
    database = await createTestDatabase();
    ({ tenantId } = await createTenant(database.db));
    // Another tenant's completed status counts for nobody else.
    const other = await createTenant(database.db);
    const status = (tenant: string, id: string, category: 'completed' | 'in_progress') => ({
      tenantId: tenant,
      id,
      key: `${category}-${id.slice(-6)}`,
      labelSv: category,
      labelEn: category,
      colour: '#000000',
      icon: 'circle' as const,
      category,
    });
    const foreignDone = uuidv7();
    await database.db
      .insert(statuses)
      .values([
        status(tenantId, done, 'completed'),
        status(tenantId, running, 'in_progress'),
        status(other.tenantId, foreignDone, 'completed'),
      ]);
    const today = '2026-06-15';
    const cases: { endDate: string | null; statusId: string | null; completed: boolean }[] = [];
    for (const endDate of [null, '2026-06-14', '2026-06-15', '2026-06-16', '2025-12-31']) {
      cases.push({ endDate, statusId: null, completed: false });
      cases.push({ endDate, statusId: running, completed: false });
      cases.push({ endDate, statusId: done, completed: true });
      cases.push({ endDate, statusId: foreignDone, completed: false });
    }
    for (const item of cases) {
      const [row] = await queryRows<{ overdue: boolean }>(
        database.db,
        sql`select ${overdueCondition(sql`${item.endDate}::date`, sql`${item.statusId}::uuid`, tenantId, today)} as overdue`,
      );
      expect(row?.overdue, JSON.stringify(item)).toBe(isOverdueFacts(item, today));
    }
    // The cases hold both answers, so the comparison can tell the two rules apart.
    expect(new Set(cases.map((item) => isOverdueFacts(item, today)))).toEqual(new Set([true, false]));
  });
});
