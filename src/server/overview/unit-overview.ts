import { and, asc, desc, eq, inArray, isNull, lte, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { overview as overviewContract, overviewRow } from '../../domain/contracts/overview.ts';
import type { OrgUnitKind } from '../../domain/org-unit.ts';
import type { PlanKind } from '../../domain/plan.ts';
import { DEFAULT_RISK_MATRIX } from '../../domain/risk-matrix.ts';
import type { StatusCategory } from '../../domain/status.ts';
import { queryRows, readTogether, type Database } from '../db/client.ts';
import { orgUnits } from '../db/schema/org-units.ts';
import { plans } from '../db/schema/plans.ts';
import { riskMatrices } from '../db/schema/risk-matrices.ts';
import { AppError } from '../errors.ts';
import { overdueCondition } from '../plan-items/item-details.ts';
import { plansOfYears } from './plan-year.ts';

export type Overview = z.infer<typeof overviewContract>;
export type OverviewRow = z.infer<typeof overviewRow>;

export interface OverviewScope {
  tenantId: string;
  /** The unit to sum up under; the highest readable unit when left out. */
  unitId?: string | undefined;
  year: number;
  /** Today in Sweden (YYYY-MM-DD): what "overdue" is measured against. */
  today: string;
  /** The units the caller reads; the rest are neither rows nor counted. */
  readableUnitIds: string[] | 'all';
}

interface UnitRow {
  id: string;
  parentId: string | null;
  kind: OrgUnitKind;
  name: string;
}

/**
 * Kommunstyrelsens översikt, the one aggregate the overview screen and the council summary
 * report both print: per row (the scope's own plans, then each unit directly under it with
 * everything below it) the items per status category, overdue items, deviations, risks, and
 * the risks of all rows counted per cell of the year's risk matrix. Counted in SQL, a fixed
 * number of queries whatever the size of the municipality.
 */
export async function unitOverview(db: Database, scope: OverviewScope): Promise<Overview> {
  const { tenantId, year, today } = scope;
  const units: UnitRow[] = await db
    .select({ id: orgUnits.id, parentId: orgUnits.parentId, kind: orgUnits.kind, name: orgUnits.name })
    .from(orgUnits)
    .where(and(eq(orgUnits.tenantId, tenantId), isNull(orgUnits.archivedAt)))
    .orderBy(asc(orgUnits.sortOrder), asc(orgUnits.name));
  const layout = overviewLayout(units, scope);

  const [planRows, matrixRows] = await readTogether(
    db,
    () =>
      layout.countedUnitIds.length === 0
        ? Promise.resolve([] as PlanRow[])
        : db
            .select({ id: plans.id, title: plans.title, kind: plans.kind, unitId: plans.unitId })
            .from(plans)
            .where(and(plansOfYears(tenantId, year, year), inArray(plans.unitId, layout.countedUnitIds)))
            .orderBy(asc(plans.kind), asc(plans.startYear), asc(plans.createdAt)),
    () =>
      db
        .select()
        .from(riskMatrices)
        .where(and(eq(riskMatrices.tenantId, tenantId), lte(riskMatrices.validFromYear, year)))
        .orderBy(desc(riskMatrices.validFromYear))
        .limit(1),
  );
  const counts = await countPlanContents(
    db,
    tenantId,
    planRows.map((plan) => plan.id),
    today,
  );
  const matrixRow = matrixRows[0];
  const matrix = matrixRow
    ? {
        likelihoodLevels: matrixRow.likelihoodLevels,
        consequenceLevels: matrixRow.consequenceLevels,
        bands: matrixRow.bands,
      }
    : DEFAULT_RISK_MATRIX;
  const { rows, cells, unassessed } = tallyOverview(layout, planRows, counts, matrix);
  return {
    unit: { id: layout.top.id, name: layout.top.name, kind: layout.top.kind },
    year,
    today,
    rows: [...rows.values()].filter((row) => !row.own || row.plans.length > 0),
    matrix: {
      ...matrix,
      cells: [...cells.values()].sort((a, b) => b.likelihood - a.likelihood || a.consequence - b.consequence),
      unassessedRisks: unassessed,
    },
  };
}

type PlanRow = { id: string; title: string; kind: PlanKind; unitId: string };

/** The rows of the overview and which row each unit is counted in. */
interface OverviewLayout {
  top: UnitRow;
  /** The scope itself, then the readable units directly under it. */
  rowUnits: UnitRow[];
  /** The row a unit is counted in: the scope itself, the child of the scope it lies under, or none. */
  rowOf: Map<string, string>;
  /** The readable units that count in some row. */
  countedUnitIds: string[];
  /** Whether a unit has units below it (readable or not). */
  hasUnitsBelow: (unitId: string) => boolean;
}

/** The scope (the asked unit, or the highest one the caller reads), its rows and where each unit counts. */
function overviewLayout(units: UnitRow[], scope: OverviewScope): OverviewLayout {
  const readable = scope.readableUnitIds === 'all' ? null : new Set(scope.readableUnitIds);
  const canRead = (unitId: string) => readable === null || readable.has(unitId);
  const unitById = new Map(units.map((unit) => [unit.id, unit]));
  const scopeId =
    scope.unitId ?? units.find((unit) => canRead(unit.id) && (unit.parentId === null || !canRead(unit.parentId)))?.id;
  const top = scopeId === undefined ? undefined : unitById.get(scopeId);
  if (!top || !canRead(top.id)) throw new AppError('not_found');

  const children = units.filter((unit) => unit.parentId === top.id && canRead(unit.id));
  const childIds = new Set(children.map((unit) => unit.id));
  const rowOf = new Map<string, string>();
  const branchOf = (unit: UnitRow): string | undefined => {
    if (rowOf.has(unit.id)) return rowOf.get(unit.id);
    let branch: string | undefined;
    if (unit.id === top.id || childIds.has(unit.id)) branch = unit.id;
    else if (unit.parentId !== null) {
      const parent = unitById.get(unit.parentId);
      branch = parent ? branchOf(parent) : undefined;
    }
    rowOf.set(unit.id, branch as string);
    return branch;
  };
  const countedUnitIds = units
    .filter((unit) => canRead(unit.id) && branchOf(unit) !== undefined)
    .map((unit) => unit.id);
  return {
    top,
    rowUnits: [top, ...children],
    rowOf,
    countedUnitIds,
    hasUnitsBelow: (unitId) => units.some((candidate) => candidate.parentId === unitId),
  };
}

interface PlanContentCounts {
  itemCounts: { plan_id: string; category: StatusCategory | null; items: number; overdue: number }[];
  deviationCounts: { plan_id: string; deviations: number; open: number }[];
  riskCounts: {
    plan_id: string;
    likelihood: number | null;
    consequence: number | null;
    risks: number;
    highest: number | null;
  }[];
}

/** Per plan: its items by status category and overdue, its deviations and open ones, its risks per cell. Three queries. */
async function countPlanContents(
  db: Database,
  tenantId: string,
  planIds: string[],
  today: string,
): Promise<PlanContentCounts> {
  if (planIds.length === 0) return { itemCounts: [], deviationCounts: [], riskCounts: [] };
  const idList = sql.join(
    planIds.map((planId) => sql`${planId}::uuid`),
    sql`, `,
  );
  const overdue = (table: string) =>
    overdueCondition(sql.raw(`${table}.end_date`), sql.raw(`${table}.status_id`), tenantId, today);
  const itemsOf = (table: string) =>
    sql`select ${sql.raw(table)}.plan_id, s.category, ${overdue(table)} as overdue
        from ${sql.raw(table)} left join statuses s on s.tenant_id = ${sql.raw(table)}.tenant_id and s.id = ${sql.raw(table)}.status_id
        where ${sql.raw(table)}.tenant_id = ${tenantId} and ${sql.raw(table)}.archived_at is null and ${sql.raw(table)}.plan_id in (${idList})`;
  const [itemCounts, deviationCounts, riskCounts] = await readTogether(
    db,
    () =>
      queryRows<PlanContentCounts['itemCounts'][number]>(
        db,
        sql`select plan_id, category, count(*)::int as items, count(*) filter (where overdue)::int as overdue
            from (${itemsOf('controls')} union all ${itemsOf('actions')} union all ${itemsOf('activities')}) as item
            group by plan_id, category`,
      ),
    () =>
      queryRows<PlanContentCounts['deviationCounts'][number]>(
        db,
        sql`select c.plan_id, count(*)::int as deviations, count(*) filter (where d.state = 'open')::int as open
            from deviations d join controls c on c.tenant_id = d.tenant_id and c.id = d.control_id
            where d.tenant_id = ${tenantId} and d.archived_at is null and c.plan_id in (${idList})
            group by c.plan_id`,
      ),
    () =>
      queryRows<PlanContentCounts['riskCounts'][number]>(
        db,
        sql`select plan_id, likelihood, consequence, count(*)::int as risks, max(risk_value)::int as highest
            from risks where tenant_id = ${tenantId} and archived_at is null and plan_id in (${idList})
            group by plan_id, likelihood, consequence`,
      ),
  );
  return { itemCounts, deviationCounts, riskCounts };
}

/** The counts added up per row, and the risks of all rows per cell of the matrix (those outside its scales apart). */
function tallyOverview(
  layout: OverviewLayout,
  planRows: PlanRow[],
  { itemCounts, deviationCounts, riskCounts }: PlanContentCounts,
  matrix: Pick<Overview['matrix'], 'likelihoodLevels' | 'consequenceLevels'>,
) {
  const rows = new Map<string, OverviewRow>(
    layout.rowUnits.map((unit) => [
      unit.id,
      {
        unit: { id: unit.id, name: unit.name, kind: unit.kind },
        own: unit.id === layout.top.id,
        hasUnitsBelow: layout.hasUnitsBelow(unit.id),
        plans: [],
        items: 0,
        statuses: { not_started: 0, in_progress: 0, completed: 0, not_completed: 0, none: 0 },
        overdue: 0,
        deviations: 0,
        openDeviations: 0,
        risks: 0,
        unassessedRisks: 0,
        highestRiskValue: null,
      },
    ]),
  );
  const planRow = new Map(planRows.map((plan) => [plan.id, rows.get(layout.rowOf.get(plan.unitId)!)!]));
  for (const plan of planRows) planRow.get(plan.id)!.plans.push(plan);
  for (const count of itemCounts) {
    const row = planRow.get(count.plan_id)!;
    row.items += Number(count.items);
    row.statuses[count.category ?? 'none'] += Number(count.items);
    row.overdue += Number(count.overdue);
  }
  for (const count of deviationCounts) {
    const row = planRow.get(count.plan_id)!;
    row.deviations += Number(count.deviations);
    row.openDeviations += Number(count.open);
  }
  const inScale = (value: number | null, levels: { value: number }[]) =>
    value !== null && levels.some((level) => level.value === value);
  const cells = new Map<string, { likelihood: number; consequence: number; count: number }>();
  let unassessed = 0;
  for (const count of riskCounts) {
    const row = planRow.get(count.plan_id)!;
    const risks = Number(count.risks);
    row.risks += risks;
    if (count.highest !== null) row.highestRiskValue = Math.max(row.highestRiskValue ?? 0, Number(count.highest));
    if (count.likelihood === null || count.consequence === null) row.unassessedRisks += risks;
    if (!inScale(count.likelihood, matrix.likelihoodLevels) || !inScale(count.consequence, matrix.consequenceLevels)) {
      unassessed += risks;
      continue;
    }
    const key = `${count.likelihood}:${count.consequence}`;
    const cell = cells.get(key) ?? { likelihood: count.likelihood!, consequence: count.consequence!, count: 0 };
    cell.count += risks;
    cells.set(key, cell);
  }
  return { rows, cells, unassessed };
}
