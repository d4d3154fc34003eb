import { holdsControlFunctionOn } from '../../functions/function-holders.ts';
import { and, desc, eq, gte, inArray, isNull, like, lte, or, sql } from 'drizzle-orm';
import type { z } from 'zod';
import {
  REMINDABLE_STATES,
  type BoardState,
  type followUpBoard,
  type followUpBoardItem,
} from '../../../domain/contracts/follow-up-board.ts';
import { periodRunningOn, reportingPeriodLabel } from '../../../domain/reporting-period.ts';
import { MANAGING_ROLES, type Access } from '../../access/access.ts';
import { findReadableUnitIds } from '../../access/unit-tree.ts';
import type { Database } from '../../db/client.ts';
import { actions } from '../../db/schema/actions.ts';
import { activities } from '../../db/schema/activities.ts';
import { calendarEvents } from '../../db/schema/calendar-events.ts';
import { controls } from '../../db/schema/controls.ts';
import { followUps } from '../../db/schema/follow-ups.ts';
import { orgUnits } from '../../db/schema/org-units.ts';
import { outboxMessages } from '../../db/schema/outbox-messages.ts';
import { plans } from '../../db/schema/plans.ts';
import { reportingPeriods } from '../../db/schema/reporting-periods.ts';
import { functionHolders, unitFunctions } from '../../db/schema/unit-functions.ts';
import { users } from '../../db/schema/users.ts';
import { AppError } from '../../errors.ts';
import { localize } from '../../messages/messages.ts';
import { loadItemDetails, type ItemKind } from '../../plan-items/item-details.ts';
import { listDueFollowUps } from './list-due-follow-ups.ts';

export type BoardItem = z.infer<typeof followUpBoardItem>;
export type Board = z.infer<typeof followUpBoard>;
type Period = typeof reportingPeriods.$inferSelect;

const ITEM_TABLES = { control: controls, action: actions, activity: activities } as const;
const FOLLOW_UP_COLUMN = {
  control: followUps.controlId,
  action: followUps.actionId,
  activity: followUps.activityId,
} as const;

function fieldError(path: string, message = localize((m) => m.validation.doesNotExist)) {
  return new AppError('validation_failed', undefined, [{ path, message }]);
}

/** The reporting period asked for, or the one running today (the shortest when several overlap). */
export async function findBoardPeriod(db: Database, access: Access, periodId: string | undefined): Promise<Period> {
  const { tenantId, today } = access;
  if (periodId !== undefined) {
    const [period] = await db
      .select()
      .from(reportingPeriods)
      .where(and(eq(reportingPeriods.tenantId, tenantId), eq(reportingPeriods.id, periodId)));
    if (!period) throw fieldError('periodId');
    return period;
  }
  const running = await db
    .select()
    .from(reportingPeriods)
    .where(
      and(
        eq(reportingPeriods.tenantId, tenantId),
        lte(reportingPeriods.startDate, today),
        gte(reportingPeriods.endDate, today),
      ),
    );
  const period = periodRunningOn(running, today);
  if (!period)
    throw fieldError(
      'periodId',
      localize((m) => m.followUpBoard.noPeriodToday),
    );
  return period;
}

/** Only the unit's coordinators and administrators follow up its period: unreadable → 404, others → 403. */
export function assertFollowsUp(access: Access, unitId: string) {
  access.assertRead(unitId);
  if (!access.hasRole(unitId, MANAGING_ROLES))
    throw new AppError(
      'forbidden',
      localize((m) => m.followUpBoard.managersOnly),
    );
}

/**
 * The deadline of a period for items of a unit: the earliest deadline of the årshjul for the
 * period that concerns those who report (no role, or the responsible role) on the unit or a
 * unit above it; the period's last day when the årshjul sets none.
 */
async function deadlineFinder(db: Database, tenantId: string, period: Period) {
  const [events, units] = [
    await db
      .select({ unitId: calendarEvents.unitId, date: calendarEvents.date })
      .from(calendarEvents)
      .where(
        and(
          eq(calendarEvents.tenantId, tenantId),
          eq(calendarEvents.periodId, period.id),
          eq(calendarEvents.kind, 'deadline'),
          or(isNull(calendarEvents.role), eq(calendarEvents.role, 'responsible')),
        ),
      ),
    await db
      .select({ id: orgUnits.id, parentId: orgUnits.parentId })
      .from(orgUnits)
      .where(eq(orgUnits.tenantId, tenantId)),
  ];
  const parentOf = new Map(units.map((unit) => [unit.id, unit.parentId]));
  const cache = new Map<string, string>();
  return (unitId: string): string => {
    const known = cache.get(unitId);
    if (known) return known;
    const chain = new Set<string>();
    for (let at: string | null | undefined = unitId; at && !chain.has(at); at = parentOf.get(at)) chain.add(at);
    const dates = events
      .filter((event) => event.unitId === null || chain.has(event.unitId))
      .map((event) => event.date)
      .sort();
    const deadline = dates[0] ?? period.endDate;
    cache.set(unitId, deadline);
    return deadline;
  };
}

interface ItemFacts {
  kind: ItemKind;
  id: string;
  title: string;
  planId: string;
  planTitle: string;
  unitId: string;
}

/** The title, plan and unit of items of one kind. */
async function loadItemFacts(db: Database, tenantId: string, kind: ItemKind, ids: string[]): Promise<ItemFacts[]> {
  if (ids.length === 0) return [];
  const table = ITEM_TABLES[kind];
  const rows = await db
    .select({ id: table.id, title: table.title, planId: table.planId, planTitle: plans.title, unitId: plans.unitId })
    .from(table)
    .innerJoin(plans, and(eq(plans.tenantId, table.tenantId), eq(plans.id, table.planId)))
    .where(and(eq(table.tenantId, tenantId), inArray(table.id, ids)));
  return rows.map((row) => ({ kind, ...row }));
}

export interface BoardPerson {
  userId: string;
  name: string;
  functionName: string | null;
  reachable: boolean;
  email: string | null;
  locale: 'sv' | 'en';
}

/**
 * Who answers for each item today: its responsible and reporting-responsible persons, and for a
 * control whoever holds its responsible function (kontrollansvarig) today, named by the function.
 */
export async function loadResponsible(
  db: Database,
  tenantId: string,
  items: { kind: ItemKind; id: string }[],
  today: string,
): Promise<Map<string, BoardPerson[]>> {
  const idsByKind: Partial<Record<ItemKind, string[]>> = {};
  for (const item of items) (idsByKind[item.kind] ??= []).push(item.id);
  const details = await loadItemDetails(db, tenantId, idsByKind);
  const controlIds = idsByKind.control ?? [];
  const holders =
    controlIds.length === 0
      ? []
      : await db
          .select({ itemId: controls.id, userId: functionHolders.userId, functionName: unitFunctions.name })
          .from(controls)
          .innerJoin(
            unitFunctions,
            and(eq(unitFunctions.tenantId, controls.tenantId), eq(unitFunctions.id, controls.responsibleFunctionId)),
          )
          .innerJoin(functionHolders, holdsControlFunctionOn(today))
          .where(and(eq(controls.tenantId, tenantId), inArray(controls.id, controlIds)));
  const userIds = new Set([
    ...[...details.values()].flatMap((entry) => [...entry.responsibleIds, ...entry.reportingIds]),
    ...holders.map((holder) => holder.userId),
  ]);
  const people =
    userIds.size === 0
      ? []
      : await db
          .select({
            id: users.id,
            name: users.name,
            email: users.email,
            locale: users.locale,
            deactivatedAt: users.deactivatedAt,
          })
          .from(users)
          .where(and(eq(users.tenantId, tenantId), inArray(users.id, [...userIds])));
  const personById = new Map(people.map((person) => [person.id, person]));
  const result = new Map<string, BoardPerson[]>();
  for (const item of items) {
    const entry = details.get(item.id);
    const named: { userId: string; functionName: string | null }[] = [
      ...(entry?.responsibleIds ?? []).map((userId) => ({ userId, functionName: null })),
      ...(entry?.reportingIds ?? []).map((userId) => ({ userId, functionName: null })),
      ...holders
        .filter((holder) => holder.itemId === item.id)
        .map((holder) => ({ userId: holder.userId, functionName: holder.functionName })),
    ];
    const seen = new Set<string>();
    const list: BoardPerson[] = [];
    for (const { userId, functionName } of named) {
      const person = personById.get(userId);
      if (!person || seen.has(userId)) continue;
      seen.add(userId);
      list.push({
        userId,
        name: person.name,
        functionName,
        email: person.email,
        locale: person.locale,
        reachable: person.email !== null && person.deactivatedAt === null,
      });
    }
    result.set(item.id, list);
  }
  return result;
}

/** The reminder messages of a period are keyed "reminder:<period>:<item>:<person>:<day>". */
export function reminderKeyPrefix(periodId: string): string {
  return `reminder:${periodId}:`;
}

/** When each item was last reminded about in the period, read from the outbox. */
export async function lastReminders(db: Database, tenantId: string, periodId: string): Promise<Map<string, Date>> {
  const prefix = reminderKeyPrefix(periodId);
  const rows = await db
    .select({ key: outboxMessages.dedupeKey, createdAt: outboxMessages.createdAt })
    .from(outboxMessages)
    .where(
      and(
        eq(outboxMessages.tenantId, tenantId),
        eq(outboxMessages.kind, 'reminder'),
        like(outboxMessages.dedupeKey, `${prefix}%`),
      ),
    )
    .orderBy(desc(outboxMessages.createdAt));
  const last = new Map<string, Date>();
  for (const row of rows) {
    const itemId = row.key.slice(prefix.length).split(':')[0]!;
    if (!last.has(itemId)) last.set(itemId, row.createdAt);
  }
  return last;
}

/** The order of the board: what needs the coordinator first. */
const STATE_ORDER: Record<BoardState, number> = { overdue: 0, returned: 1, missing: 2, written: 3, approved: 4 };

/**
 * Periodens uppföljning: every item of the unit's plans (and those of the units below it) that
 * is followed up in the period, with where it stands. What is due comes from `/follow-ups/due`
 * (the same rule as Mitt arbete); what is written comes from the period's follow-ups and their
 * review state. A missing follow-up (or one still a draft) past the period's deadline is overdue.
 */
export async function readFollowUpBoard(
  db: Database,
  access: Access,
  query: { unitId: string; periodId?: string | undefined },
): Promise<Board> {
  const { tenantId, today } = access;
  const [unit] = await db
    .select({ id: orgUnits.id, name: orgUnits.name })
    .from(orgUnits)
    .where(and(eq(orgUnits.tenantId, tenantId), eq(orgUnits.id, query.unitId)));
  if (!unit) throw fieldError('unitId');
  assertFollowsUp(access, unit.id);
  const period = await findBoardPeriod(db, access, query.periodId);
  const items = await boardItems(db, access, period, unit.id);
  const counts = { written: 0, missing: 0, overdue: 0, returned: 0, approved: 0 } satisfies Record<BoardState, number>;
  for (const item of items) counts[item.state] += 1;
  const deadlineOf = await deadlineFinder(db, tenantId, period);
  return {
    unit,
    period: {
      id: period.id,
      label: reportingPeriodLabel(period, 'sv'),
      labelEn: reportingPeriodLabel(period, 'en'),
      startDate: period.startDate,
      endDate: period.endDate,
    },
    today,
    deadline: deadlineOf(unit.id),
    counts,
    items,
  };
}

/** The board's rows for the units from `unitId` down (or one item, with `only`). */
export async function boardItems(
  db: Database,
  access: Access,
  period: Period,
  unitId: string,
  only?: { kind: ItemKind; id: string },
): Promise<BoardItem[]> {
  const { tenantId, today } = access;
  const units = await findReadableUnitIds(db, access, unitId);
  const due = (await listDueFollowUps(db, access, { periodId: period.id, under: unitId })).filter(
    (item) => !only || item.id === only.id,
  );
  const unitCondition = units === 'all' ? undefined : units.length === 0 ? sql`false` : inArray(plans.unitId, units);
  const written: { kind: ItemKind; followUp: typeof followUps.$inferSelect }[] = [];
  for (const kind of Object.keys(ITEM_TABLES) as ItemKind[]) {
    if (only && only.kind !== kind) continue;
    const table = ITEM_TABLES[kind];
    const column = FOLLOW_UP_COLUMN[kind];
    const rows = await db
      .select({ followUp: followUps })
      .from(followUps)
      .innerJoin(table, and(eq(table.tenantId, followUps.tenantId), eq(table.id, column)))
      .innerJoin(plans, and(eq(plans.tenantId, table.tenantId), eq(plans.id, table.planId)))
      .where(
        and(
          eq(followUps.tenantId, tenantId),
          eq(followUps.periodId, period.id),
          isNull(followUps.archivedAt),
          isNull(table.archivedAt),
          isNull(plans.archivedAt),
          only ? eq(column, only.id) : undefined,
          unitCondition,
        ),
      )
      .orderBy(desc(followUps.createdAt), desc(followUps.id));
    // The newest follow-up of an item for the period is where it stands.
    const seen = new Set<string>();
    for (const row of rows) {
      const itemId = (row.followUp.controlId ?? row.followUp.actionId ?? row.followUp.activityId)!;
      if (seen.has(itemId)) continue;
      seen.add(itemId);
      written.push({ kind, followUp: row.followUp });
    }
  }
  const facts = new Map<string, ItemFacts>();
  for (const item of due) facts.set(item.id, { ...item });
  for (const kind of Object.keys(ITEM_TABLES) as ItemKind[]) {
    const ids = written
      .filter((entry) => entry.kind === kind)
      .map((entry) => FOLLOW_UP_COLUMN_VALUE[kind](entry.followUp));
    for (const fact of await loadItemFacts(db, tenantId, kind, ids)) facts.set(fact.id, fact);
  }
  const followUpOf = new Map(written.map((entry) => [FOLLOW_UP_COLUMN_VALUE[entry.kind](entry.followUp), entry]));
  const all = [...facts.values()];
  const [responsible, reminded, unitNames, deadlineOf] = [
    await loadResponsible(db, tenantId, all, today),
    await lastReminders(db, tenantId, period.id),
    new Map(
      (
        await db.select({ id: orgUnits.id, name: orgUnits.name }).from(orgUnits).where(eq(orgUnits.tenantId, tenantId))
      ).map((row) => [row.id, row.name]),
    ),
    await deadlineFinder(db, tenantId, period),
  ];
  const rows = all.map((item): BoardItem => {
    const followUp = followUpOf.get(item.id)?.followUp ?? null;
    const deadline = deadlineOf(item.unitId);
    const late = today > deadline;
    const state: BoardState =
      followUp === null || followUp.reviewState === 'draft'
        ? late
          ? 'overdue'
          : 'missing'
        : followUp.reviewState === 'returned'
          ? 'returned'
          : followUp.reviewState === 'approved'
            ? 'approved'
            : 'written';
    const people = (responsible.get(item.id) ?? []).map(({ userId, name, functionName, reachable }) => ({
      userId,
      name,
      functionName,
      reachable,
    }));
    return {
      kind: item.kind,
      id: item.id,
      title: item.title,
      planId: item.planId,
      planTitle: item.planTitle,
      unitId: item.unitId,
      unitName: unitNames.get(item.unitId) ?? '',
      state,
      deadline,
      followUpId: followUp?.id ?? null,
      reviewState: followUp?.reviewState ?? null,
      reviewComment: followUp?.reviewState === 'returned' ? followUp.reviewComment : null,
      responsible: people,
      lastRemindedAt: reminded.get(item.id)?.toISOString() ?? null,
      mayRemind:
        access.principal.mayWrite && REMINDABLE_STATES.includes(state) && people.some((person) => person.reachable),
    };
  });
  return rows.sort(
    (a, b) =>
      STATE_ORDER[a.state] - STATE_ORDER[b.state] ||
      a.unitName.localeCompare(b.unitName, 'sv') ||
      a.title.localeCompare(b.title, 'sv'),
  );
}

const FOLLOW_UP_COLUMN_VALUE: Record<ItemKind, (row: typeof followUps.$inferSelect) => string> = {
  control: (row) => row.controlId!,
  action: (row) => row.actionId!,
  activity: (row) => row.activityId!,
};
