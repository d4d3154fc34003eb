import { holdsControlFunctionOn } from '../functions/function-holders.ts';
import { and, asc, eq, inArray, or, sql } from 'drizzle-orm';
import type { AuditChanges } from '../db/schema/audit-events.ts';
import { readTogether, type Database, type Transaction } from '../db/client.ts';
import { assignments } from '../db/schema/assignments.ts';
import { checkpoints } from '../db/schema/checkpoints.ts';
import { controls } from '../db/schema/controls.ts';
import { functionHolders } from '../db/schema/unit-functions.ts';
import { statuses } from '../db/schema/statuses.ts';
import { users } from '../db/schema/users.ts';
import { checkpointDates, type ControlFrequency } from '../../domain/control-frequency.ts';
import { isOverdue as isOverdueFacts, type PlanItemKind } from '../../domain/plan-item.ts';
import { AppError, type FieldError } from '../errors.ts';
import { localize } from '../messages/messages.ts';

/** The kinds of plan item that have responsible persons, checkpoints and follow-ups. */
export type ItemKind = PlanItemKind;

const ASSIGNMENT_COLUMN = {
  control: assignments.controlId,
  action: assignments.actionId,
  activity: assignments.activityId,
} as const;
const CHECKPOINT_COLUMN = {
  control: checkpoints.controlId,
  action: checkpoints.actionId,
  activity: checkpoints.activityId,
} as const;

/** Who answers for an item and when it is checked: kept beside the item's own row. */
export interface ItemDetails {
  /** Ansvariga, in the plan's order. */
  responsibleIds: string[];
  /** Rapporteringsansvariga, in the plan's order. */
  reportingIds: string[];
  /** Avstämningsdatum, ascending. */
  checkpoints: string[];
}

/**
 * The details of many items, of one or several kinds, at once: two queries whatever the number
 * of items. Item ids are UUIDs, unique across kinds, so one map holds them all.
 */
export async function loadItemDetails(
  db: Database,
  tenantId: string,
  idsByKind: Partial<Record<ItemKind, string[]>>,
): Promise<Map<string, ItemDetails>> {
  // Stryker disable next-line MethodExpression,ConditionalExpression,EqualityOperator: equivalent, an empty list's condition (inArray of nothing) is false and adds no rows
  const entries = (Object.entries(idsByKind) as [ItemKind, string[]][]).filter(([, ids]) => ids.length > 0);
  const details = new Map<string, ItemDetails>(
    entries.flatMap(([, ids]) =>
      ids.map((id): [string, ItemDetails] => [id, { responsibleIds: [], reportingIds: [], checkpoints: [] }]),
    ),
  );
  if (entries.length === 0) return details;
  const assignmentItem = sql<string>`coalesce(${assignments.controlId}, ${assignments.actionId}, ${assignments.activityId})`;
  const checkpointItem = sql<string>`coalesce(${checkpoints.controlId}, ${checkpoints.actionId}, ${checkpoints.activityId})`;
  const [people, dates] = await readTogether(
    db,
    () =>
      db
        .select({ itemId: assignmentItem, userId: assignments.userId, role: assignments.role })
        .from(assignments)
        .where(
          and(
            eq(assignments.tenantId, tenantId),
            or(...entries.map(([kind, ids]) => inArray(ASSIGNMENT_COLUMN[kind], ids))),
          ),
        )
        .orderBy(asc(assignments.sortOrder), asc(assignments.id)),
    () =>
      db
        .select({ itemId: checkpointItem, date: checkpoints.date })
        .from(checkpoints)
        .where(
          and(
            eq(checkpoints.tenantId, tenantId),
            or(...entries.map(([kind, ids]) => inArray(CHECKPOINT_COLUMN[kind], ids))),
          ),
        )
        .orderBy(asc(checkpoints.date)),
  );
  for (const person of people) {
    const entry = details.get(person.itemId)!;
    (person.role === 'responsible' ? entry.responsibleIds : entry.reportingIds).push(person.userId);
  }
  for (const checkpoint of dates) details.get(checkpoint.itemId)!.checkpoints.push(checkpoint.date);
  return details;
}

/** Every person assigned to the item (responsible or reporting): they may edit it and write its follow-ups. */
export async function assignedUserIds(
  db: Database,
  tenantId: string,
  kind: ItemKind,
  itemId: string,
): Promise<string[]> {
  const rows = await db
    .select({ userId: assignments.userId })
    .from(assignments)
    .where(and(eq(assignments.tenantId, tenantId), eq(ASSIGNMENT_COLUMN[kind], itemId)));
  return rows.map((row) => row.userId);
}

/**
 * Who answers for the item today and may write it as a responsible person: those assigned to it
 * and, for a control, whoever holds its responsible function (kontrollansvarig) today.
 */
export async function answeringUserIds(
  db: Database,
  tenantId: string,
  kind: ItemKind,
  itemId: string,
  today: string,
): Promise<string[]> {
  const assigned = await assignedUserIds(db, tenantId, kind, itemId);
  if (kind !== 'control') return assigned;
  const holders = await db
    .select({ userId: functionHolders.userId })
    .from(controls)
    .innerJoin(functionHolders, holdsControlFunctionOn(today))
    .where(and(eq(controls.tenantId, tenantId), eq(controls.id, itemId)));
  return [...new Set([...assigned, ...holders.map((row) => row.userId)])];
}

/** Checks that every named person exists in the tenant, naming the list entry that does not. */
async function checkPersons(tx: Transaction, tenantId: string, lists: Record<string, string[] | undefined>) {
  const all = [...new Set(Object.values(lists).flatMap((ids) => ids ?? []))];
  // Stryker disable next-line ConditionalExpression: equivalent, with nobody named the query finds nobody and no entry is checked
  if (all.length === 0) return;
  const found = new Set(
    (
      await tx
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.tenantId, tenantId), inArray(users.id, all)))
    ).map((row) => row.id),
  );
  const errors: FieldError[] = [];
  for (const [field, ids] of Object.entries(lists)) {
    ids?.forEach((id, index) => {
      if (!found.has(id))
        errors.push({
          path: `${field}.${index}`,
          message: localize((m) => m.validation.personDoesNotExist),
        });
    });
    if (ids && new Set(ids).size !== ids.length)
      errors.push({
        path: field,
        message: localize((m) => m.planItems.samePersonTwice),
      });
  }
  if (errors.length > 0) throw new AppError('validation_failed', undefined, errors);
}

/**
 * Replaces the lists that are given (undefined ones stay as they are) and returns the audit
 * changes, so the item's own event records who became responsible and which dates changed.
 */
export async function writeItemDetails(
  tx: Transaction,
  tenantId: string,
  kind: ItemKind,
  itemId: string,
  before: ItemDetails,
  next: Partial<ItemDetails>,
): Promise<AuditChanges> {
  await checkPersons(tx, tenantId, { responsibleIds: next.responsibleIds, reportingIds: next.reportingIds });
  const changes: AuditChanges = {};
  const column = ASSIGNMENT_COLUMN[kind];
  for (const [field, role] of [
    ['responsibleIds', 'responsible'],
    ['reportingIds', 'reporting'],
  ] as const) {
    const ids = next[field];
    if (ids === undefined || JSON.stringify(ids) === JSON.stringify(before[field])) continue;
    await tx
      .delete(assignments)
      .where(and(eq(assignments.tenantId, tenantId), eq(column, itemId), eq(assignments.role, role)));
    if (ids.length > 0) {
      await tx
        .insert(assignments)
        .values(ids.map((userId, sortOrder) => ({ tenantId, [`${kind}Id`]: itemId, userId, role, sortOrder })));
    }
    changes[field] = [before[field], ids];
  }
  const dates = next.checkpoints === undefined ? undefined : [...new Set(next.checkpoints)].sort();
  if (dates !== undefined && JSON.stringify(dates) !== JSON.stringify(before.checkpoints)) {
    // A date the frequency made stays the frequency's, so a later change of frequency still replaces it.
    const generated = new Set(
      (
        await tx
          .select({ date: checkpoints.date })
          .from(checkpoints)
          .where(
            and(
              eq(checkpoints.tenantId, tenantId),
              eq(CHECKPOINT_COLUMN[kind], itemId),
              eq(checkpoints.generated, true),
            ),
          )
      ).map((row) => row.date),
    );
    await tx.delete(checkpoints).where(and(eq(checkpoints.tenantId, tenantId), eq(CHECKPOINT_COLUMN[kind], itemId)));
    if (dates.length > 0)
      await tx
        .insert(checkpoints)
        .values(dates.map((date) => ({ tenantId, [`${kind}Id`]: itemId, date, generated: generated.has(date) })));
    changes.checkpoints = [before.checkpoints, dates];
  }
  return changes;
}

/**
 * Replaces the checkpoints a control's frequency made with those of its frequency now, between
 * `from` and `to`; the dates people added by hand stay. Returns the checkpoints before and after
 * when they changed (for the audit), else nothing.
 */
export async function regenerateCheckpoints(
  tx: Transaction,
  tenantId: string,
  controlId: string,
  { frequency, from, to }: { frequency: ControlFrequency | null; from: string; to: string },
): Promise<AuditChanges> {
  const current = await tx
    .select({ date: checkpoints.date, generated: checkpoints.generated })
    .from(checkpoints)
    .where(and(eq(checkpoints.tenantId, tenantId), eq(checkpoints.controlId, controlId)))
    .orderBy(asc(checkpoints.date));
  const byHand = new Set(current.filter((row) => !row.generated).map((row) => row.date));
  const wanted = (frequency ? checkpointDates(frequency, from, to) : []).filter((date) => !byHand.has(date));
  const had = current.filter((row) => row.generated).map((row) => row.date);
  if (JSON.stringify(had) === JSON.stringify(wanted)) return {};
  await tx
    .delete(checkpoints)
    .where(
      and(eq(checkpoints.tenantId, tenantId), eq(checkpoints.controlId, controlId), eq(checkpoints.generated, true)),
    );
  if (wanted.length > 0)
    await tx.insert(checkpoints).values(wanted.map((date) => ({ tenantId, controlId, date, generated: true })));
  const before = current.map((row) => row.date);
  const after = [...byHand, ...wanted].sort();
  return { checkpoints: [before, after] };
}

/** The ids of the tenant's statuses that mean done: an item with one of them is never overdue. */
export async function completedStatusIds(db: Database, tenantId: string): Promise<Set<string>> {
  const rows = await db
    .select({ id: statuses.id })
    .from(statuses)
    .where(and(eq(statuses.tenantId, tenantId), eq(statuses.category, 'completed')));
  return new Set(rows.map((row) => row.id));
}

/** The domain's overdue rule for a stored item, given the ids of the tenant's completed statuses. */
export function isOverdue(
  item: { endDate: string | null; statusId: string | null; archivedAt: Date | null },
  completed: Set<string>,
  today: string,
): boolean {
  return isOverdueFacts(
    {
      endDate: item.endDate,
      completed: item.statusId !== null && completed.has(item.statusId),
      archived: item.archivedAt !== null,
    },
    today,
  );
}

/**
 * The domain's overdue rule in SQL, for list filters and counts (archived items are left out by
 * the queries that use it). Tested against `isOverdue` of the domain case by case.
 */
export function overdueCondition(endDate: unknown, statusId: unknown, tenantId: string, today: string) {
  return sql`coalesce(${endDate} < ${today} and (${statusId} is null or ${statusId} not in (select id from statuses where tenant_id = ${tenantId} and category = 'completed')), false)`;
}

/**
 * Items a person answers for (responsible or reporting), in SQL, for list filters; with `today`,
 * also the controls whose responsible function (kontrollansvarig) the person holds that day.
 */
export function assignedToCondition(kind: ItemKind, itemId: unknown, tenantId: string, userId: string, today?: string) {
  const assigned = sql`exists (select 1 from assignments where assignments.tenant_id = ${tenantId} and assignments.${sql.identifier(`${kind}_id`)} = ${itemId} and assignments.user_id = ${userId})`;
  if (kind !== 'control' || today === undefined) return assigned;
  const holdsFunction = sql`exists (select 1 from controls held_control join function_holders holding on holding.tenant_id = held_control.tenant_id and holding.function_id = held_control.responsible_function_id where held_control.tenant_id = ${tenantId} and held_control.id = ${itemId} and holding.user_id = ${userId} and holding.valid_from <= ${today} and (holding.valid_to is null or holding.valid_to >= ${today}))`;
  return sql`(${assigned} or ${holdsFunction})`;
}
