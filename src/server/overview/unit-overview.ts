import { and, asc, desc, eq, inArray, isNull, lte, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { overview as overviewContract, overviewGroup, overviewRow } from '../../domain/contracts/overview.ts';
import type { OrgUnitKind } from '../../domain/org-unit.ts';
import type { PlanKind } from '../../domain/plan.ts';
import { DEFAULT_RISK_MATRIX } from '../../domain/risk-matrix.ts';
import type { StatusCategory } from '../../domain/status.ts';
import { queryRows, readTogether, type Database } from '../db/client.ts';
import { orgUnits } from '../db/schema/org-units.ts';
import { plans } from '../db/schema/plans.ts';
import { riskMatrices } from '../db/schema/risk-matrices.ts';
import { vocabularyEntries } from '../db/schema/vocabulary-entries.ts';
import { AppError } from '../errors.ts';
import { localize } from '../messages/messages.ts';
import { overdueCondition } from '../plan-items/item-details.ts';
import { vocabularyRefs } from '../vocabulary/vocabulary-refs.ts';
import { plansOfYears } from './plan-year.ts';

export type Overview = z.infer<typeof overviewContract>;
export type OverviewRow = z.infer<typeof overviewRow>;
type OverviewGroup = z.infer<typeof overviewGroup>;

export interface OverviewScope {
  tenantId: string;
  /** The unit to sum up under; the highest readable unit when left out. */
  unitId?: string | undefined;
  year: number;
  /** Today in Sweden (YYYY-MM-DD): what "overdue" is measured against. */
  today: string;
  /** The units the caller reads; the rest are neither rows nor counted. */
  readableUnitIds: string[] | 'all';
  /** Only risks of this process (a vocabulary entry), and what belongs to them. */
  processId?: string | undefined;
  /** Only risks of this risk category, and what belongs to them. */
  categoryId?: string | undefined;
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
  await assertFilterEntry(db, tenantId, 'process', scope.processId);
  await assertFilterEntry(db, tenantId, 'category', scope.categoryId);
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
    { processId: scope.processId, categoryId: scope.categoryId },
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
  const groups = await totalGroups(db, tenantId, counts.groupCounts);
  return {
    unit: { id: layout.top.id, name: layout.top.name, kind: layout.top.kind },
    year,
    today,
    rows: [...rows.values()].filter((row) => !row.own || row.plans.length > 0),
    ...groups,
    matrix: {
      ...matrix,
      cells: [...cells.values()].sort((a, b) => b.likelihood - a.likelihood || a.consequence - b.consequence),
      unassessedRisks: unassessed,
    },
  };
}

/** A process or category to filter by must be an entry of that vocabulary of the tenant (archived ones too): else 400 naming the field. */
async function assertFilterEntry(db: Database, tenantId: string, path: 'process' | 'category', entryId?: string) {
  if (entryId === undefined) return;
  const kind = path === 'process' ? 'process' : 'risk_category';
  const [row] = await db
    .select({ kind: vocabularyEntries.kind })
    .from(vocabularyEntries)
    .where(and(eq(vocabularyEntries.tenantId, tenantId), eq(vocabularyEntries.id, entryId)));
  if (row?.kind === kind) return;
  throw new AppError('validation_failed', undefined, [
    { path, message: localize((m) => m.vocabulary.notInVocabulary) },
  ]);
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
  groupCounts: {
    plan_id: string;
    process_id: string | null;
    category_id: string | null;
    risks: number;
    highest: number | null;
    controls: number;
  }[];
}

/** Which risks count: those of a process, of a category, or both; all when neither is given. */
interface RiskFilter {
  processId?: string | undefined;
  categoryId?: string | undefined;
}

/**
 * Per plan: its items by status category and overdue, its deviations and open ones, its risks per
 * cell and per process and category. Four queries. With a process or category, only the risks of
 * it count, with their controls, the actions answering them and those controls' deviations;
 * activities, which answer no risk, are left out.
 */
async function countPlanContents(
  db: Database,
  tenantId: string,
  planIds: string[],
  today: string,
  filter: RiskFilter = {},
): Promise<PlanContentCounts> {
  if (planIds.length === 0) return { itemCounts: [], deviationCounts: [], riskCounts: [], groupCounts: [] };
  const filtered = filter.processId !== undefined || filter.categoryId !== undefined;
  const riskMatches = (alias: string) =>
    sql.join(
      [
        sql`true`,
        ...(filter.processId === undefined ? [] : [sql`${sql.raw(alias)}.process_id = ${filter.processId}::uuid`]),
        ...(filter.categoryId === undefined ? [] : [sql`${sql.raw(alias)}.category_id = ${filter.categoryId}::uuid`]),
      ],
      sql` and `,
    );
  const ofMatchingRisk = (table: string) =>
    !filtered
      ? sql`true`
      : table === 'activities'
        ? sql`false`
        : sql`${sql.raw(table)}.risk_id in (select fr.id from risks fr where fr.tenant_id = ${tenantId} and ${riskMatches('fr')})`;
  const idList = sql.join(
    planIds.map((planId) => sql`${planId}::uuid`),
    sql`, `,
  );
  const overdue = (table: string) =>
    overdueCondition(sql.raw(`${table}.end_date`), sql.raw(`${table}.status_id`), tenantId, today);
  const itemsOf = (table: string) =>
    sql`select ${sql.raw(table)}.plan_id, s.category, ${overdue(table)} as overdue
        from ${sql.raw(table)} left join statuses s on s.tenant_id = ${sql.raw(table)}.tenant_id and s.id = ${sql.raw(table)}.status_id
        where ${sql.raw(table)}.tenant_id = ${tenantId} and ${sql.raw(table)}.archived_at is null and ${sql.raw(table)}.plan_id in (${idList})
          and ${ofMatchingRisk(table)}`;
  const [itemCounts, deviationCounts, riskCounts, groupCounts] = await readTogether(
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
              and ${ofMatchingRisk('c')}
            group by c.plan_id`,
      ),
    () =>
      queryRows<PlanContentCounts['riskCounts'][number]>(
        db,
        sql`select plan_id, likelihood, consequence, count(*)::int as risks, max(risk_value)::int as highest
            from risks r where r.tenant_id = ${tenantId} and r.archived_at is null and r.plan_id in (${idList})
              and ${riskMatches('r')}
            group by plan_id, likelihood, consequence`,
      ),
    () =>
      queryRows<PlanContentCounts['groupCounts'][number]>(
        db,
        sql`select r.plan_id, r.process_id, r.category_id, count(*)::int as risks, max(r.risk_value)::int as highest,
                   sum((select count(*) from controls c
                         where c.tenant_id = r.tenant_id and c.risk_id = r.id and c.archived_at is null))::int as controls
            from risks r where r.tenant_id = ${tenantId} and r.archived_at is null and r.plan_id in (${idList})
              and ${riskMatches('r')}
            group by r.plan_id, r.process_id, r.category_id`,
      ),
  );
  return { itemCounts, deviationCounts, riskCounts, groupCounts };
}

/**
 * The risks of all counted plans totalled per process and per category, named from the
 * vocabulary; sorted by the Swedish name as the council summary prints them, those without one last.
 */
async function totalGroups(
  db: Database,
  tenantId: string,
  groupCounts: PlanContentCounts['groupCounts'],
): Promise<Pick<Overview, 'byProcess' | 'byCategory'>> {
  const refs = await vocabularyRefs(
    db,
    tenantId,
    groupCounts.flatMap((count) => [count.process_id, count.category_id]),
  );
  const total = (key: 'process_id' | 'category_id') => {
    const groups = new Map<string | null, OverviewGroup>();
    for (const count of groupCounts) {
      const id = count[key];
      const group = groups.get(id) ?? {
        entry: id === null ? null : (refs.get(id) ?? null),
        risks: 0,
        highestRiskValue: null,
        controls: 0,
      };
      group.risks += Number(count.risks);
      group.controls += Number(count.controls);
      if (count.highest !== null) group.highestRiskValue = Math.max(group.highestRiskValue ?? 0, Number(count.highest));
      groups.set(id, group);
    }
    return [...groups.values()].sort((a, b) =>
      a.entry === null ? 1 : b.entry === null ? -1 : a.entry.labelSv.localeCompare(b.entry.labelSv, 'sv'),
    );
  };
  return { byProcess: total('process_id'), byCategory: total('category_id') };
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
