import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { STATUS_CATEGORIES } from '../../../domain/status.ts';
import { subtreeUnitIds } from '../../access/unit-tree.ts';
import { orgUnits } from '../../db/schema/org-units.ts';
import { plans } from '../../db/schema/plans.ts';
import type { Block, Cell, ReportDocument } from '../document.ts';
import { cell, text } from '../document.ts';
import { loadPlanFacts, type ItemFacts, type PlanFacts } from '../plan-content.ts';
import { heatMap, isItemOverdue, periodText, reportText, rich, statusCell, type ReportContext } from '../report-context.ts';
import { newDocument } from './kind-helpers.ts';

/** Units that own internal control plans and report to kommunstyrelsen. */
const REPORTING_KINDS = ['namnd', 'bolag', 'kommunalforbund'] as const;

/**
 * För kommunstyrelsen: every nämnd and bolag under the unit in one document, with the status of
 * their controls and actions, deviations, overdue items, the aggregated risk matrix and a place
 * for the board's evaluation.
 */
export async function councilSummaryReport(context: ReportContext): Promise<ReportDocument> {
  const { labels, db, tenantId } = context;
  const subtree = await subtreeUnitIds(db, tenantId, context.unit.id);
  const readable = context.readableUnitIds === 'all' ? subtree : subtree.filter((id) => (context.readableUnitIds as string[]).includes(id));
  const units = readable.length === 0 ? [] : await db
    .select({ id: orgUnits.id, name: orgUnits.name })
    .from(orgUnits)
    .where(and(eq(orgUnits.tenantId, tenantId), inArray(orgUnits.id, readable), inArray(orgUnits.kind, [...REPORTING_KINDS]), isNull(orgUnits.archivedAt)))
    .orderBy(asc(orgUnits.sortOrder), asc(orgUnits.name));
  const planRows = units.length === 0 ? [] : await db
    .select({ id: plans.id, unitId: plans.unitId })
    .from(plans)
    .where(
      and(
        eq(plans.tenantId, tenantId),
        inArray(plans.unitId, units.map((unit) => unit.id)),
        eq(plans.kind, 'internal_control'),
        eq(plans.startYear, context.startYear),
        isNull(plans.archivedAt),
      ),
    )
    // Per unit its adopted plan; a newer draft for the same year never replaces it.
    .orderBy(sql`${plans.state} = 'draft'`, desc(plans.adoptedAt), desc(plans.createdAt));
  const planIdByUnit = new Map<string, string>();
  for (const row of planRows) if (!planIdByUnit.has(row.unitId)) planIdByUnit.set(row.unitId, row.id);
  const facts = await loadPlanFacts(db, tenantId, [...planIdByUnit.values()], context.locale, { summary: true });
  const factsByUnit = new Map(facts.map((plan) => [plan.unitId, plan]));
  const evaluation = await reportText(context, 'council-summary', 'evaluation');

  const deviationCount = (all: number, open: number) => (all === 0 ? '0' : `${all} (${open} ${labels.openDeviations.toLowerCase()})`);
  const itemsOf = (plan: PlanFacts): ItemFacts[] => [...plan.risks.flatMap((risk) => [...risk.controls, ...risk.actions]), ...plan.otherActions];
  const categoryLabels = STATUS_CATEGORIES.map((category) => labels.statusCategories[category]!);
  const summaryRows: Cell[][] = units.map((unit) => {
    const plan = factsByUnit.get(unit.id);
    if (!plan) return [cell(unit.name), cell(labels.noPlan), ...categoryLabels.map(() => cell()), cell(), cell(), cell()];
    const items = itemsOf(plan);
    const count = (category: string | null) => items.filter((item) => (item.status?.category ?? null) === category).length;
    return [
      cell(unit.name),
      cell(plan.title),
      ...STATUS_CATEGORIES.map((category) => cell(String(count(category)))),
      cell(String(count(null))),
      cell(String(items.filter((item) => isItemOverdue(item, context.today)).length)),
      cell(deviationCount(plan.deviations.length, plan.deviations.filter((deviation) => deviation.state === 'open').length)),
    ];
  });
  const blocks: Block[] = [
    { type: 'heading', level: 1, text: labels.statusPerUnit },
    {
      type: 'table',
      table: {
        caption: labels.statusPerUnit,
        columns: [
          { title: labels.unit, width: 3 },
          { title: labels.plan, width: 2.5 },
          ...categoryLabels.map((title) => ({ title, width: 1.1 })),
          { title: labels.noStatus, width: 1.1 },
          { title: labels.overdue, width: 1.1 },
          { title: labels.deviations, width: 1.6 },
        ],
        rows: summaryRows,
      },
    },
  ];

  blocks.push({ type: 'heading', level: 1, text: labels.overdueItems });
  const overdueRows: Cell[][] = [];
  for (const plan of facts) {
    for (const item of itemsOf(plan).filter((candidate) => isItemOverdue(candidate, context.today))) {
      overdueRows.push([cell(plan.unitName), cell(item.title), cell(item.responsible.join(', ')), cell(item.endDate), statusCell(item)]);
    }
  }
  if (overdueRows.length === 0) blocks.push(text(labels.noOverdue));
  else
    blocks.push({
      type: 'table',
      table: {
        caption: labels.overdueItems,
        columns: [{ title: labels.unit, width: 2 }, { title: labels.items, width: 4 }, { title: labels.responsible, width: 2 }, { title: labels.endedOn, width: 1.2 }, { title: labels.status, width: 1.3 }],
        rows: overdueRows,
      },
    });

  blocks.push({ type: 'heading', level: 1, text: labels.deviations });
  const deviationRows: Cell[][] = facts.flatMap((plan) =>
    plan.deviations.map((deviation) => [
      cell(plan.unitName),
      cell(deviation.title),
      cell(deviation.controlTitle),
      cell(deviation.foundOn),
      cell(labels.severity[deviation.severity] ?? deviation.severity),
      cell(labels.deviationState[deviation.state] ?? deviation.state),
    ]),
  );
  if (deviationRows.length === 0) blocks.push(text(labels.noDeviations));
  else
    blocks.push({
      type: 'table',
      table: {
        caption: labels.deviations,
        columns: [{ title: labels.unit, width: 2 }, { title: labels.deviation, width: 3 }, { title: labels.control, width: 3 }, { title: labels.foundOn, width: 1.2 }, { title: labels.severityTitle, width: 1.4 }, { title: labels.status, width: 1 }],
        rows: deviationRows,
      },
    });

  blocks.push({ type: 'heading', level: 1, text: labels.aggregatedMatrix });
  const matrix = facts[0]?.matrix;
  if (matrix) blocks.push(...heatMap(matrix, facts.flatMap((plan) => plan.risks), labels, labels.aggregatedMatrix));
  else blocks.push(text(labels.noPlan));

  blocks.push({ type: 'heading', level: 1, text: labels.evaluation });
  const written = rich(evaluation, 2);
  blocks.push(...(written.length > 0 ? written : [text(labels.evaluationPlaceholder, 'note')]));
  return newDocument(context, 'council-summary', labels.councilTitle(periodText(context)), [context.unit.name], blocks, { outline: true, orientation: 'landscape' });
}
