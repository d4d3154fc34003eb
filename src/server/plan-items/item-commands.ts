import { and, eq, gte, inArray, isNull, lte, not, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { MANAGING_ROLES, type Access } from '../access/access.ts';
import { findReadablePlan, type PlanRow } from '../access/plan-scope.ts';
import { findReadableUnitIds } from '../access/unit-tree.ts';
import { setArchived, updateAudited, type VersionedTable } from '../audit/audited-writes.ts';
import { creationChanges, recordAuditEvents } from '../audit/record-audit-events.ts';
import { readTogether, type Database, type Transaction } from '../db/client.ts';
import type { AuditChanges } from '../db/schema/audit-events.ts';
import { actions } from '../db/schema/actions.ts';
import { activities } from '../db/schema/activities.ts';
import { controls } from '../db/schema/controls.ts';
import { plans } from '../db/schema/plans.ts';
import { AppError, type FieldError } from '../errors.ts';
import { localize } from '../messages/messages.ts';
import { orderBy } from '../http/list-helpers.ts';
import {
  assignedToCondition,
  answeringUserIds,
  completedStatusIds,
  isOverdue,
  loadItemDetails,
  overdueCondition,
  writeItemDetails,
  type ItemDetails,
  type ItemKind,
} from './item-details.ts';
import { namedWithoutRoleProblem } from './named-without-role.ts';

type Row = Record<string, unknown>;

/** The table of one kind of plan item and what sets it apart. */
export interface ItemSpec {
  kind: ItemKind;
  table: VersionedTable & {
    planId: PgColumn;
    title: PgColumn;
    endDate: PgColumn;
    statusId: PgColumn;
    sortOrder: PgColumn;
    archivedAt: PgColumn;
  };
  /** Fields only a coordinator or administrator may change; a responsible person edits the rest. */
  managerOnlyFields: readonly string[];
  present: (row: Row) => unknown;
  /** Adds what this kind shows beside its row and the common details (an activity's sub-activities). */
  decorate?: (db: Database, tenantId: string, rows: Row[], today: string) => Promise<Row[]>;
  /**
   * Checks the kind's own fields against its plan (entries of the tenant's vocabularies offered
   * for the plan's year, say); `current` is the stored row when the item is changed.
   */
  checkValues?: (tx: Transaction, access: Access, plan: PlanRow, values: Row, current: Row | null) => Promise<void>;
  /**
   * Writes what follows from the row as it now is (a control's checkpoints from its frequency),
   * after the persons and checkpoints given by hand; returns the changes for the item's audit event.
   */
  derive?: (tx: Transaction, tenantId: string, plan: PlanRow, row: Row) => Promise<AuditChanges>;
}

const DETAIL_FIELDS = ['responsibleIds', 'reportingIds', 'checkpoints'] as const;

/** A new item's details before its first write: nobody named, no checkpoints. */
const NO_DETAILS: ItemDetails = { responsibleIds: [], reportingIds: [], checkpoints: [] };

function splitDetails(values: Row): { row: Row; details: Partial<ItemDetails> } {
  const row: Row = {};
  const details: Partial<ItemDetails> = {};
  for (const [field, value] of Object.entries(values)) {
    if ((DETAIL_FIELDS as readonly string[]).includes(field)) (details as Row)[field] = value;
    else row[field] = value;
  }
  return { row, details };
}

function datesInOrder(startDate: unknown, endDate: unknown) {
  if (typeof startDate === 'string' && typeof endDate === 'string' && endDate < startDate) {
    throw new AppError('validation_failed', undefined, [
      {
        path: 'endDate',
        message: localize((m) => m.validation.endDateBeforeStartDate),
      },
    ]);
  }
}

/** Adds the details (persons, checkpoints), the plan's unit and "overdue" to item rows. */
export async function withItemDetails(
  db: Database,
  tenantId: string,
  kind: ItemKind,
  rows: Row[],
  today: string,
): Promise<Row[]> {
  return (await withDetailsOfKinds(db, tenantId, { [kind]: rows }, today))[kind] ?? [];
}

/** The same for items of several kinds at once (a plan's controls and actions), in the same three queries. */
export async function withDetailsOfKinds(
  db: Database,
  tenantId: string,
  rowsByKind: Partial<Record<ItemKind, Row[]>>,
  today: string,
): Promise<Partial<Record<ItemKind, Row[]>>> {
  const idsByKind = Object.fromEntries(
    Object.entries(rowsByKind).map(([kind, rows]) => [kind, rows.map((row) => row.id as string)]),
  );
  const [details, completed] = await readTogether(
    db,
    () => loadItemDetails(db, tenantId, idsByKind),
    () => completedStatusIds(db, tenantId),
  );
  const result: Partial<Record<ItemKind, Row[]>> = {};
  for (const [kind, rows] of Object.entries(rowsByKind) as [ItemKind, Row[]][]) {
    result[kind] = rows.map((row) => ({
      ...row,
      ...details.get(row.id as string),
      overdue: isOverdue(
        row as { endDate: string | null; statusId: string | null; archivedAt: Date | null },
        completed,
        today,
      ),
    }));
  }
  return result;
}

/**
 * An item the caller may read, as stored (the row its rules and its audit compare against) and
 * as shown (with its plan's unit, its persons and checkpoints, "overdue" and what its kind adds);
 * otherwise not found, or forbidden with the way to a role for someone named on it.
 */
async function readItem(
  db: Database,
  access: Access,
  spec: ItemSpec,
  itemId: string,
): Promise<{ stored: Row; unitId: string; shown: Row & { unitId: string } }> {
  const { table } = spec;
  const [found] = await db
    .select({ item: table, unitId: plans.unitId })
    .from(table as never)
    .innerJoin(plans, and(eq(plans.tenantId, table.tenantId), eq(plans.id, table.planId)))
    .where(and(eq(table.tenantId, access.tenantId), eq(table.id, itemId)));
  const result = found as { item: Row; unitId: string } | undefined;
  if (!result) throw new AppError('not_found');
  if (!access.canRead(result.unitId))
    throw (await namedWithoutRoleProblem(db, access, spec.kind, itemId, result.unitId)) ?? new AppError('not_found');
  let [shown] = await withItemDetails(db, access.tenantId, spec.kind, [result.item], access.today);
  if (spec.decorate) [shown] = await spec.decorate(db, access.tenantId, [shown!], access.today);
  return { stored: result.item, unitId: result.unitId, shown: { ...shown!, unitId: result.unitId } };
}

/** An item the caller may read, as shown: with its plan's unit and its details; otherwise not found. */
export async function findReadableItem(
  db: Database,
  access: Access,
  spec: ItemSpec,
  itemId: string,
): Promise<Row & { unitId: string }> {
  return (await readItem(db, access, spec, itemId)).shown;
}

/**
 * Writes what an item keeps in other tables than its own and the details (e.g. an activity's
 * focus areas), returning the audit changes. Called after the row exists.
 */
export type ExtraWriter = (tx: Transaction, itemId: string) => Promise<AuditChanges>;

export interface CreateItemOptions {
  /** The plan the item goes into (already read and readable). */
  plan: PlanRow;
  /** The request's fields: the row's own and the details (persons, checkpoints). */
  values: Row;
  /** What the kind keeps elsewhere (an activity's focus areas). */
  writeExtra?: ExtraWriter | undefined;
}

/** Creates an item in a plan of a unit the caller coordinates, with its persons and checkpoints. */
export async function createItem(
  tx: Transaction,
  access: Access,
  spec: ItemSpec,
  { plan, values, writeExtra }: CreateItemOptions,
) {
  access.assertRole(plan.unitId, MANAGING_ROLES);
  const { row, details } = splitDetails(values);
  datesInOrder(row.startDate, row.endDate);
  if (spec.checkValues) await spec.checkValues(tx, access, plan, row, null);
  const [inserted] = (await tx
    .insert(spec.table)
    .values({ ...row, planId: plan.id, tenantId: access.tenantId } as never)
    .returning()) as Row[];
  const itemId = inserted!.id as string;
  const detailChanges = {
    ...(await writeItemDetails(tx, access.tenantId, spec.kind, itemId, NO_DETAILS, details)),
    ...(writeExtra ? await writeExtra(tx, itemId) : {}),
    ...(spec.derive ? await spec.derive(tx, access.tenantId, plan, inserted!) : {}),
  };
  // One event for the creation, with the persons and checkpoints beside the row's own fields.
  await recordAuditEvents(tx, access.actor, [
    {
      entityType: spec.kind,
      entityId: itemId,
      operation: 'create',
      unitId: plan.unitId,
      changes: { ...creationChanges(inserted!), ...detailChanges },
    },
  ]);
  return findReadableItem(tx, access, spec, itemId);
}

export interface UpdateItemOptions {
  itemId: string;
  /** The version the caller read; a stale one is refused with 409. */
  version: number;
  /** The fields to change, the row's own and the details; those left out stay as they are. */
  changes: Row;
  /** Checks the references the changes name (a control's risk is in the item's plan). */
  checkReferences?: ((plan: PlanRow) => Promise<void>) | undefined;
  /** What the kind keeps elsewhere (an activity's focus areas). */
  writeExtra?: ExtraWriter | undefined;
}

/**
 * Changes an item. A coordinator or administrator of its unit may change everything; a
 * responsible person assigned to it may change its content, status and dates, but not who
 * answers for it or which risk it belongs to.
 */
export async function updateItem(
  tx: Transaction,
  access: Access,
  spec: ItemSpec,
  { itemId, version, changes, checkReferences, writeExtra }: UpdateItemOptions,
) {
  const { stored, unitId, shown } = await readItem(tx, access, spec, itemId);
  access.assertItemWrite(unitId, await answeringUserIds(tx, access.tenantId, spec.kind, itemId, access.today));
  if (!access.hasRole(unitId, MANAGING_ROLES)) assertNoManagerOnlyChange(spec, shown, changes);
  const { row, details } = splitDetails(changes);
  datesInOrder(row.startDate ?? stored.startDate, row.endDate ?? stored.endDate);
  const plan = await findReadablePlan(tx, access, stored.planId as string);
  if (checkReferences) await checkReferences(plan);
  if (spec.checkValues) await spec.checkValues(tx, access, plan, row, stored);
  await updateAudited(
    tx,
    spec.table,
    {
      current: stored,
      expectedVersion: version,
      values: row,
      present: () => spec.present(shown),
      writeAlongside: async () => ({
        ...(await writeItemDetails(tx, access.tenantId, spec.kind, itemId, shown as unknown as ItemDetails, details)),
        ...(writeExtra ? await writeExtra(tx, itemId) : {}),
        ...(spec.derive ? await spec.derive(tx, access.tenantId, plan, { ...stored, ...row }) : {}),
      }),
    },
    { actor: access.actor, entityType: spec.kind, unitId },
  );
  return findReadableItem(tx, access, spec, itemId);
}

/** A responsible person may not change a field only a coordinator or administrator may change (sending it unchanged is fine). */
function assertNoManagerOnlyChange(spec: ItemSpec, shown: Row, changes: Row) {
  const reserved = spec.managerOnlyFields.filter(
    (field) => changes[field] !== undefined && JSON.stringify(changes[field]) !== JSON.stringify(shown[field] ?? null),
  );
  if (reserved.length === 0) return;
  throw new AppError(
    'forbidden',
    localize((m) => m.planItems.coordinatorOnly),
    reserved.map((path): FieldError => ({
      path,
      message: localize((m) => m.planItems.coordinatorOnlyField),
    })),
  );
}

export interface ArchiveItemOptions {
  itemId: string;
  /** True archives the item (it leaves the lists, nothing is deleted); false restores it. */
  archived: boolean;
}

/** Archives or restores an item (coordinator or administrator). */
export async function archiveItem(
  tx: Transaction,
  access: Access,
  spec: ItemSpec,
  { itemId, archived }: ArchiveItemOptions,
) {
  const { stored, unitId } = await readItem(tx, access, spec, itemId);
  access.assertMayArchive(unitId);
  await setArchived(tx, spec.table, stored, archived, { actor: access.actor, entityType: spec.kind, unitId });
  return findReadableItem(tx, access, spec, itemId);
}

export interface ItemListQuery {
  limit: number;
  offset: number;
  sort?: string | undefined;
  planId?: string | undefined;
  under?: string | undefined;
  year?: number | undefined;
  statusId?: string | undefined;
  responsible?: string | undefined;
  overdue?: boolean | undefined;
  includeArchived?: boolean | undefined;
}

/** A page of items the caller reads, with the filters every item list has plus `extra`. */
export async function listItems(db: Database, access: Access, spec: ItemSpec, query: ItemListQuery, extra: SQL[] = []) {
  const { table } = spec;
  if (query.planId) await findReadablePlan(db, access, query.planId);
  const units = await findReadableUnitIds(db, access, query.under);
  const where: (SQL | undefined)[] = [eq(table.tenantId, access.tenantId), ...extra];
  if (units !== 'all') where.push(units.length === 0 ? sql`false` : inArray(plans.unitId, units));
  if (query.planId) where.push(eq(table.planId, query.planId));
  if (query.year !== undefined) where.push(lte(plans.startYear, query.year), gte(plans.endYear, query.year));
  if (query.statusId) where.push(eq(table.statusId, query.statusId));
  if (query.responsible)
    where.push(assignedToCondition(spec.kind, table.id, access.tenantId, query.responsible, access.today));
  if (query.overdue !== undefined) {
    const overdue = overdueCondition(table.endDate, table.statusId, access.tenantId, access.today);
    where.push(query.overdue ? overdue : not(overdue));
  }
  if (!query.includeArchived) where.push(isNull(table.archivedAt));
  const rows = (await db
    .select({ item: table, total: sql<number>`count(*) over ()` })
    .from(table as never)
    .innerJoin(plans, and(eq(plans.tenantId, table.tenantId), eq(plans.id, table.planId)))
    .where(and(...where))
    .orderBy(
      ...orderBy(
        query.sort,
        { title: table.title, endDate: table.endDate, sortOrder: table.sortOrder },
        'sortOrder',
        table.id,
      ),
    )
    .limit(query.limit)
    .offset(query.offset)) as unknown as { item: Row; total: number }[];
  let items = await withItemDetails(
    db,
    access.tenantId,
    spec.kind,
    rows.map((row) => row.item),
    access.today,
  );
  if (spec.decorate) items = await spec.decorate(db, access.tenantId, items, access.today);
  return { items, total: rows.length > 0 ? Number(rows[0]!.total) : 0 };
}

const ITEM_TABLES = { control: controls, action: actions, activity: activities } as const;

/**
 * The unit and assigned persons of an item named in a request body (a follow-up's control,
 * say); an unknown or unreadable item is reported at `field`.
 */
export async function findItemScope(
  db: Database,
  access: Access,
  kind: ItemKind,
  itemId: string,
  field: string,
): Promise<{ unitId: string; planId: string; assigned: string[] }> {
  const table = ITEM_TABLES[kind];
  const [found] = await db
    .select({ unitId: plans.unitId, planId: plans.id })
    .from(table)
    .innerJoin(plans, and(eq(plans.tenantId, table.tenantId), eq(plans.id, table.planId)))
    .where(and(eq(table.tenantId, access.tenantId), eq(table.id, itemId)));
  if (!found || !access.canRead(found.unitId)) {
    const namedWithoutRole = found
      ? await namedWithoutRoleProblem(db, access, kind, itemId, found.unitId, field)
      : null;
    throw (
      namedWithoutRole ??
      new AppError('validation_failed', undefined, [
        { path: field, message: localize((m) => m.validation.doesNotExist) },
      ])
    );
  }
  return { ...found, assigned: await answeringUserIds(db, access.tenantId, kind, itemId, access.today) };
}

/**
 * Sets an item's status as part of a follow-up: the person reporting says where the item stands
 * now, and the item shows it at once. Audited as a change of the item; no version check, since
 * the follow-up, not an edit of the item's form, is what the caller saw and wrote.
 */
export async function setItemStatus(
  tx: Transaction,
  access: Access,
  kind: ItemKind,
  itemId: string,
  statusId: string | null,
  unitId: string,
): Promise<void> {
  const table = ITEM_TABLES[kind];
  // Locked: the version read here is the one written against, so a concurrent edit waits instead of conflicting.
  const [current] = (await tx
    .select()
    .from(table)
    .where(and(eq(table.tenantId, access.tenantId), eq(table.id, itemId)))
    .for('update')) as Row[];
  // Stryker disable next-line ConditionalExpression: equivalent, the same status is no change, which updateAudited neither writes nor audits (this only saves it the work)
  if (!current || current.statusId === statusId) return;
  // Stryker disable next-line ArrowFunction: unreachable, the row is locked above, so the version cannot be stale and no conflict is presented
  const present = (row: Row) => row;
  await updateAudited(
    tx,
    table,
    { current, expectedVersion: current.version as number, values: { statusId }, present },
    { actor: access.actor, entityType: kind, unitId },
  );
}
