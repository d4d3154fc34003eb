import { and, asc, desc, eq, gte, inArray, isNull, lte, ne, sql } from 'drizzle-orm';
import type { CommonControlCopyState } from '../../domain/contracts/common-controls.ts';
import type { Actor } from '../audit/record-audit-events.ts';
import { insertAudited, setArchived, updateAudited } from '../audit/audited-writes.ts';
import type { Database, Transaction } from '../db/client.ts';
import { commonControls, commonControlTargets } from '../db/schema/common-controls.ts';
import { controls } from '../db/schema/controls.ts';
import { orgUnits } from '../db/schema/org-units.ts';
import { plans } from '../db/schema/plans.ts';
import { risks } from '../db/schema/risks.ts';
import { regenerateCheckpoints } from '../plan-items/item-details.ts';

type Row = Record<string, unknown>;
export type CommonControlRow = typeof commonControls.$inferSelect;
type PlanRow = typeof plans.$inferSelect;
type UnitRow = { id: string; name: string; parentId: string | null; kind: string };

/** Kinds of unit a common control reaches by default: the nämnder and the bolag (and förbund). */
const DEFAULT_REACHED_KINDS = new Set(['namnd', 'bolag', 'kommunalforbund']);

/** The units of the tenant that are not archived, for walking the tree. */
async function tenantUnits(db: Database, tenantId: string): Promise<UnitRow[]> {
  return db
    .select({ id: orgUnits.id, name: orgUnits.name, parentId: orgUnits.parentId, kind: orgUnits.kind })
    .from(orgUnits)
    .where(and(eq(orgUnits.tenantId, tenantId), isNull(orgUnits.archivedAt)))
    .orderBy(asc(orgUnits.name));
}

/** The units strictly below a unit, nearest first. */
export function unitsBelow(units: UnitRow[], originId: string): UnitRow[] {
  const below: UnitRow[] = [];
  let frontier = [originId];
  while (frontier.length > 0) {
    const next = units.filter((unit) => unit.parentId !== null && frontier.includes(unit.parentId));
    below.push(...next.filter((unit) => !below.some((seen) => seen.id === unit.id)));
    frontier = next.map((unit) => unit.id).filter((id) => id !== originId);
  }
  return below;
}

/**
 * The units a common control reaches: the ones chosen, or else every nämnd and bolag below its
 * origin (and, below an origin without any, the units directly under it).
 */
export function reachedUnits(units: UnitRow[], originId: string, targetIds: string[]): UnitRow[] {
  const below = unitsBelow(units, originId);
  if (targetIds.length > 0) return below.filter((unit) => targetIds.includes(unit.id));
  const defaults = below.filter((unit) => DEFAULT_REACHED_KINDS.has(unit.kind));
  return defaults.length > 0 ? defaults : below.filter((unit) => unit.parentId === originId);
}

/** The ids of the units chosen for each common control (none: the default reach). */
export async function targetIdsOf(db: Database, tenantId: string, ids: string[]): Promise<Map<string, string[]>> {
  const byControl = new Map<string, string[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return byControl;
  const rows = await db
    .select({ commonControlId: commonControlTargets.commonControlId, unitId: commonControlTargets.unitId })
    .from(commonControlTargets)
    .where(and(eq(commonControlTargets.tenantId, tenantId), inArray(commonControlTargets.commonControlId, ids)));
  for (const row of rows) byControl.get(row.commonControlId)?.push(row.unitId);
  return byControl;
}

/**
 * The unit's internkontrollplan that covers the year and is still open (utkast or beslutad), the
 * latest starting one when several do.
 */
async function planOfYear(db: Database, tenantId: string, unitId: string, year: number): Promise<PlanRow | undefined> {
  const [plan] = await db
    .select()
    .from(plans)
    .where(
      and(
        eq(plans.tenantId, tenantId),
        eq(plans.unitId, unitId),
        eq(plans.kind, 'internal_control'),
        isNull(plans.archivedAt),
        ne(plans.state, 'closed'),
        lte(plans.startYear, year),
        gte(plans.endYear, year),
      ),
    )
    .orderBy(desc(plans.startYear), asc(plans.id))
    .limit(1);
  return plan;
}

/** The copy of a common control in a plan: its risk and the control under it, when there. */
async function copyIn(db: Database, tenantId: string, commonControlId: string, planId: string) {
  const [control] = await db
    .select()
    .from(controls)
    .where(
      and(
        eq(controls.tenantId, tenantId),
        eq(controls.planId, planId),
        eq(controls.commonControlId, commonControlId),
        isNull(controls.archivedAt),
      ),
    )
    .orderBy(asc(controls.createdAt))
    .limit(1);
  if (!control) return undefined;
  const [risk] = await db
    .select()
    .from(risks)
    .where(and(eq(risks.tenantId, tenantId), eq(risks.id, control.riskId)));
  return { control, risk: risk! };
}

/** What the origin decides about the risk of each copy. */
function riskValues(origin: CommonControlRow) {
  return {
    title: origin.riskTitle,
    description: origin.riskDescription,
    processId: origin.processId,
    categoryId: origin.categoryId,
  };
}

/** What the origin decides about the control of each copy; the unit decides the rest (people, status). */
function controlValues(origin: CommonControlRow) {
  return {
    title: origin.title,
    description: origin.description,
    methodId: origin.methodId,
    scope: origin.scope,
    frequency: origin.frequency,
    reportingTime: origin.reportingTime,
    reportsTo: origin.reportsTo,
  };
}

function differs(row: Row, wanted: Row): boolean {
  return Object.entries(wanted).some(([field, value]) => JSON.stringify(row[field] ?? null) !== JSON.stringify(value));
}

export interface CommonControlCopy {
  unitId: string;
  unitName: string;
  planId: string | null;
  riskId: string | null;
  controlId: string | null;
  state: CommonControlCopyState;
}

/** Each unit a common control reaches, with its plan for the year and where the copy stands there. */
export async function copiesOf(
  db: Database,
  origin: CommonControlRow,
  targetIds: string[],
): Promise<CommonControlCopy[]> {
  const units = reachedUnits(await tenantUnits(db, origin.tenantId), origin.originUnitId, targetIds);
  const copies: CommonControlCopy[] = [];
  for (const unit of units) {
    const plan = await planOfYear(db, origin.tenantId, unit.id, origin.year);
    const copy = plan ? await copyIn(db, origin.tenantId, origin.id, plan.id) : undefined;
    let state: CommonControlCopyState = 'no_plan';
    if (copy)
      state =
        differs(copy.risk, riskValues(origin)) || differs(copy.control, controlValues(origin)) ? 'changed' : 'in_plan';
    else if (plan) state = 'offered';
    copies.push({
      unitId: unit.id,
      unitName: unit.name,
      planId: plan?.id ?? null,
      riskId: copy?.risk.id ?? null,
      controlId: copy?.control.id ?? null,
      state,
    });
  }
  return copies;
}

const identity = (row: Row) => row;

/**
 * Writes the origin's current content into a plan: a new risk with its control, or the
 * existing copy brought up to date (its people, status and follow-ups stay the unit's own).
 * Every row audited under the plan's unit; checkpoints follow the frequency.
 */
export async function writeCopy(tx: Transaction, actor: Actor, origin: CommonControlRow, plan: PlanRow) {
  const tenantId = origin.tenantId;
  const audit = (entityType: string) => ({ actor, entityType, unitId: plan.unitId });
  const existing = await copyIn(tx, tenantId, origin.id, plan.id);
  let control: Row;
  if (existing) {
    await updateAudited(
      tx,
      risks,
      { current: existing.risk, expectedVersion: existing.risk.version, values: riskValues(origin), present: identity },
      audit('risk'),
    );
    control = await updateAudited(
      tx,
      controls,
      {
        current: existing.control,
        expectedVersion: existing.control.version,
        values: controlValues(origin),
        present: identity,
      },
      audit('control'),
    );
  } else {
    const [last] = await tx
      .select({ next: sql<number>`coalesce(max(${risks.sortOrder}) + 1, 0)` })
      .from(risks)
      .where(and(eq(risks.tenantId, tenantId), eq(risks.planId, plan.id)));
    const risk = await insertAudited(
      tx,
      risks,
      {
        tenantId,
        planId: plan.id,
        ...riskValues(origin),
        response: 'control',
        commonControlId: origin.id,
        sortOrder: Number(last?.next ?? 0),
      },
      audit('risk'),
    );
    control = await insertAudited(
      tx,
      controls,
      { tenantId, planId: plan.id, riskId: risk.id, ...controlValues(origin), commonControlId: origin.id },
      audit('control'),
    );
  }
  await regenerateCheckpoints(tx, tenantId, control.id as string, {
    frequency: origin.frequency ?? null,
    from: (control.startDate as string | null) ?? `${plan.startYear}-01-01`,
    to: (control.endDate as string | null) ?? `${plan.endYear}-12-31`,
  });
  return control;
}

/** Archives a copy (its risk and control): the control no longer reaches the plan. */
async function archiveCopy(tx: Transaction, actor: Actor, origin: CommonControlRow, plan: PlanRow) {
  const copy = await copyIn(tx, origin.tenantId, origin.id, plan.id);
  if (!copy) return;
  const audit = (entityType: string) => ({ actor, entityType, unitId: plan.unitId });
  await setArchived(tx, controls, copy.control, true, audit('control'));
  const [otherControl] = await tx
    .select({ id: controls.id })
    .from(controls)
    .where(and(eq(controls.tenantId, origin.tenantId), eq(controls.riskId, copy.risk.id), isNull(controls.archivedAt)));
  if (!otherControl) await setArchived(tx, risks, copy.risk, true, audit('risk'));
}

/**
 * Brings every plan a common control reaches in step with it after a change at the origin:
 * plans still in draft (utkast) take the change at once (and lose the copy when the control is
 * archived or no longer reaches them); adopted plans are left as decided and are offered the
 * change instead (see copiesOf and takeOverCommonControl).
 */
export async function spreadCommonControl(tx: Transaction, actor: Actor, origin: CommonControlRow, before: string[]) {
  const units = await tenantUnits(tx, origin.tenantId);
  const [targets] = [(await targetIdsOf(tx, origin.tenantId, [origin.id])).get(origin.id) ?? []];
  const reached = new Set(reachedUnits(units, origin.originUnitId, targets).map((unit) => unit.id));
  const everReached = new Set([...reached, ...before]);
  for (const unitId of everReached) {
    const plan = await planOfYear(tx, origin.tenantId, unitId, origin.year);
    if (!plan || plan.state !== 'draft') continue;
    if (reached.has(unitId) && origin.archivedAt === null) await writeCopy(tx, actor, origin, plan);
    else await archiveCopy(tx, actor, origin, plan);
  }
}

/** The ids of the units a common control reaches now. */
export async function reachedUnitIds(db: Database, origin: CommonControlRow): Promise<string[]> {
  const targets = (await targetIdsOf(db, origin.tenantId, [origin.id])).get(origin.id) ?? [];
  return reachedUnits(await tenantUnits(db, origin.tenantId), origin.originUnitId, targets).map((unit) => unit.id);
}

/**
 * A new plan takes in the common controls of its years that reach its unit and that it does
 * not hold yet (a plan made by roll-over may already hold last year's copies; those stay).
 */
export async function addCommonControlsToPlan(tx: Transaction, actor: Actor, plan: PlanRow) {
  if (plan.kind !== 'internal_control') return;
  const candidates = await tx
    .select()
    .from(commonControls)
    .where(
      and(
        eq(commonControls.tenantId, plan.tenantId),
        isNull(commonControls.archivedAt),
        gte(commonControls.year, plan.startYear),
        lte(commonControls.year, plan.endYear),
      ),
    )
    .orderBy(asc(commonControls.year), asc(commonControls.createdAt));
  if (candidates.length === 0) return;
  const units = await tenantUnits(tx, plan.tenantId);
  const targets = await targetIdsOf(
    tx,
    plan.tenantId,
    candidates.map((origin) => origin.id),
  );
  for (const origin of candidates) {
    const reached = reachedUnits(units, origin.originUnitId, targets.get(origin.id) ?? []);
    if (!reached.some((unit) => unit.id === plan.unitId)) continue;
    if (await copyIn(tx, plan.tenantId, origin.id, plan.id)) continue;
    await writeCopy(tx, actor, origin, plan);
  }
}

/** The common controls (not archived) of any of the years, by year and title. */
export async function commonControlsOfYears(db: Database, tenantId: string, startYear: number, endYear: number) {
  return db
    .select()
    .from(commonControls)
    .where(
      and(
        eq(commonControls.tenantId, tenantId),
        isNull(commonControls.archivedAt),
        gte(commonControls.year, startYear),
        lte(commonControls.year, endYear),
      ),
    )
    .orderBy(asc(commonControls.year), asc(commonControls.title), asc(commonControls.id));
}

/** The open plan of a unit for a year, for taking a common control in. */
export { planOfYear };
