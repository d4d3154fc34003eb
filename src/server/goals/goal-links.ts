import { and, asc, eq, inArray } from 'drizzle-orm';
import type { PlanRow } from '../access/plan-scope.ts';
import { ancestorUnitIds } from '../access/unit-tree.ts';
import type { Access } from '../access/access.ts';
import type { Database, Transaction } from '../db/client.ts';
import type { AuditChanges } from '../db/schema/audit-events.ts';
import { actionGoals, goals, riskGoals } from '../db/schema/goals.ts';
import { AppError, type FieldError } from '../errors.ts';
import { localize } from '../messages/messages.ts';

/** What links to goals: a risk threatens them, an action serves them. */
export type GoalLinkKind = 'risk' | 'action';

const LINKS = {
  risk: { table: riskGoals, itemColumn: riskGoals.riskId },
  action: { table: actionGoals, itemColumn: actionGoals.actionId },
} as const;

/** The ids of the goals each item links to, in the goals' order (year, position, title); read in one query. */
export async function goalIdsOf(
  db: Database,
  tenantId: string,
  kind: GoalLinkKind,
  itemIds: readonly string[],
): Promise<Map<string, string[]>> {
  const result = new Map<string, string[]>(itemIds.map((itemId) => [itemId, []]));
  if (itemIds.length === 0) return result;
  const { table, itemColumn } = LINKS[kind];
  const rows = await db
    .select({ itemId: itemColumn, goalId: table.goalId })
    .from(table)
    .innerJoin(goals, and(eq(goals.tenantId, table.tenantId), eq(goals.id, table.goalId)))
    .where(and(eq(table.tenantId, tenantId), inArray(itemColumn, [...itemIds])))
    .orderBy(asc(goals.year), asc(goals.sortOrder), asc(goals.title), asc(goals.id));
  for (const row of rows) result.get(row.itemId)?.push(row.goalId);
  return result;
}

/** Item rows with `goalIds`, the goals each links to. */
export async function withGoalIds<T extends Record<string, unknown>>(
  db: Database,
  tenantId: string,
  kind: GoalLinkKind,
  rows: T[],
): Promise<(T & { goalIds: string[] })[]> {
  const ids = await goalIdsOf(
    db,
    tenantId,
    kind,
    rows.map((row) => row.id as string),
  );
  return rows.map((row) => ({ ...row, goalIds: ids.get(row.id as string) ?? [] }));
}

/**
 * Goals an item of the plan may link to: a goal of the plan's unit or a unit above it, for a
 * year the plan covers, not archived (unless the item links to it already, in `current`).
 * Otherwise 400 naming `goalIds.N`; a goal that does not exist or is another tenant's is one
 * that does not exist.
 */
export async function assertGoalsFitPlan(
  tx: Transaction,
  access: Access,
  plan: PlanRow,
  goalIds: readonly string[],
  current: readonly string[] = [],
): Promise<void> {
  if (goalIds.length === 0) return;
  const found = await tx
    .select({
      id: goals.id,
      unitId: goals.unitId,
      year: goals.year,
      title: goals.title,
      archivedAt: goals.archivedAt,
    })
    .from(goals)
    .where(and(eq(goals.tenantId, access.tenantId), inArray(goals.id, [...goalIds])));
  const byId = new Map(found.map((goal) => [goal.id, goal]));
  const unitsAbove = new Set(await ancestorUnitIds(tx, access.tenantId, plan.unitId));
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  goalIds.forEach((goalId, index) => {
    const path = `goalIds.${index}`;
    const goal = byId.get(goalId);
    if (seen.has(goalId)) errors.push({ path, message: localize((m) => m.goals.repeated) });
    else if (!goal) errors.push({ path, message: localize((m) => m.validation.doesNotExist) });
    else if (!unitsAbove.has(goal.unitId) || goal.year < plan.startYear || goal.year > plan.endYear)
      errors.push({ path, message: localize((m) => m.goals.notForPlan(goal.title, plan.startYear, plan.endYear)) });
    else if (goal.archivedAt !== null && !current.includes(goalId))
      errors.push({ path, message: localize((m) => m.goals.archived(goal.title)) });
    seen.add(goalId);
  });
  if (errors.length > 0) throw new AppError('validation_failed', undefined, errors);
}

/**
 * Makes the item link to exactly `goalIds` (a set: links not given are removed, new ones
 * added) and returns the change for the item's audit event, `goalIds` before and after, or
 * nothing when the set stays the same. Check the goals first (assertGoalsFitPlan).
 */
export async function replaceGoalLinks(
  tx: Transaction,
  tenantId: string,
  kind: GoalLinkKind,
  itemId: string,
  goalIds: readonly string[],
): Promise<AuditChanges> {
  const before = (await goalIdsOf(tx, tenantId, kind, [itemId])).get(itemId) ?? [];
  const wanted = new Set(goalIds);
  const removed = before.filter((goalId) => !wanted.has(goalId));
  const added = [...wanted].filter((goalId) => !before.includes(goalId));
  if (removed.length === 0 && added.length === 0) return {};
  const { table, itemColumn } = LINKS[kind];
  // A link is no entity of its own: it lives in the item's history, where this change is recorded.
  if (removed.length > 0)
    await tx
      .delete(table)
      .where(and(eq(table.tenantId, tenantId), eq(itemColumn, itemId), inArray(table.goalId, removed)));
  if (added.length > 0 && kind === 'risk')
    await tx.insert(riskGoals).values(added.map((goalId) => ({ tenantId, riskId: itemId, goalId })));
  if (added.length > 0 && kind === 'action')
    await tx.insert(actionGoals).values(added.map((goalId) => ({ tenantId, actionId: itemId, goalId })));
  const after = (await goalIdsOf(tx, tenantId, kind, [itemId])).get(itemId) ?? [];
  return { goalIds: [before, after] };
}

/**
 * Year roll-over: the copies (`copies`, old item id → new item id) link to the goals their
 * originals link to, as they are, when the goal's year is one of the new plan's years; a link to
 * a goal of another year is dropped (next year's goals are new entries, linked anew by hand).
 * Returns the goals each copy now links to, for its creation event.
 */
export async function carryGoalLinks(
  tx: Transaction,
  tenantId: string,
  kind: GoalLinkKind,
  copies: ReadonlyMap<string, string>,
  years: { startYear: number; endYear: number },
): Promise<Map<string, string[]>> {
  const carried = new Map<string, string[]>();
  const originals = await goalIdsOf(tx, tenantId, kind, [...copies.keys()]);
  const yearOf = new Map<string, number>();
  const goalIds = [...new Set([...originals.values()].flat())];
  if (goalIds.length === 0) return carried;
  for (const goal of await tx
    .select({ id: goals.id, year: goals.year })
    .from(goals)
    .where(and(eq(goals.tenantId, tenantId), inArray(goals.id, goalIds))))
    yearOf.set(goal.id, goal.year);
  for (const [originalId, linked] of originals) {
    const kept = linked.filter((goalId) => {
      const year = yearOf.get(goalId) ?? 0;
      return year >= years.startYear && year <= years.endYear;
    });
    const copyId = copies.get(originalId);
    if (copyId && kept.length > 0) carried.set(copyId, kept);
  }
  const pairs = [...carried].flatMap(([itemId, linked]) => linked.map((goalId) => ({ itemId, goalId })));
  if (pairs.length > 0 && kind === 'risk')
    await tx.insert(riskGoals).values(pairs.map(({ itemId, goalId }) => ({ tenantId, riskId: itemId, goalId })));
  if (pairs.length > 0 && kind === 'action')
    await tx.insert(actionGoals).values(pairs.map(({ itemId, goalId }) => ({ tenantId, actionId: itemId, goalId })));
  return carried;
}
