import { STATUS_CATEGORIES } from '../../../domain/status.ts';
import { unitOverview, type OverviewRow } from '../../overview/unit-overview.ts';
import type { Block, Cell, ReportDocument } from '../document.ts';
import { cell, text } from '../document.ts';
import { loadPlanFacts, type ItemFacts, type PlanFacts } from '../../plan-model/plan-facts.ts';
import {
  heatMap,
  isItemOverdue,
  periodText,
  reportText,
  rich,
  statusCell,
  type ReportContext,
} from '../report-context.ts';
import { newDocument } from './kind-helpers.ts';
import { eq } from 'drizzle-orm';
import { reportingPeriodLabel } from '../../../domain/reporting-period.ts';
import { subtreeUnitIds } from '../../access/unit-tree.ts';
import { commonControlsOfYears, copiesOf, targetIdsOf } from '../../common-controls/common-control-copies.ts';
import { copyResults } from '../../common-controls/common-control-results.ts';
import { orgUnits } from '../../db/schema/org-units.ts';
import { statuses } from '../../db/schema/statuses.ts';

/**
 * För kommunstyrelsen: the unit's own plans and every unit directly under it (a nämnd, bolag or
 * kommunalförbund with everything below it) in one document, with the same figures as
 * kommunstyrelsens översikt (one aggregate, `unitOverview`): the status of their controls,
 * actions and activities, overdue items, deviations, the risks per cell of the risk matrix,
 * and the board's evaluation when it is written.
 */
export async function councilSummaryReport(context: ReportContext): Promise<ReportDocument> {
  const { labels, db, tenantId } = context;
  const [overview, evaluation] = await Promise.all([
    unitOverview(db, {
      tenantId,
      unitId: context.unit.id,
      year: context.startYear,
      today: context.today,
      readableUnitIds: context.readableUnitIds,
    }),
    reportText(context, 'council-summary', 'evaluation'),
  ]);
  const planIds = overview.rows.flatMap((row) => row.plans.map((plan) => plan.id));
  // Stryker disable next-line ObjectLiteral,BooleanLiteral: equivalent in what is printed, a summary read leaves out only what this report never prints (it spares rows and memory: npm run bench:reports)
  const facts = await loadPlanFacts(db, tenantId, planIds, context.locale, { summary: true });

  const deviationCount = (all: number, open: number) =>
    all === 0 ? '0' : `${all} (${labels.openDeviationCount(open)})`;
  const unitName = (row: OverviewRow) => (row.own ? `${row.unit.name} (${labels.ownPlans})` : row.unit.name);
  const summaryRows: Cell[][] = overview.rows.map((row) => [
    cell(unitName(row)),
    row.plans.length === 0 ? cell(labels.noPlan) : cell(...row.plans.map((plan) => plan.title)),
    cell(String(row.items)),
    ...STATUS_CATEGORIES.map((category) => cell(String(row.statuses[category]))),
    cell(String(row.statuses.none)),
    cell(String(row.overdue)),
    cell(deviationCount(row.deviations, row.openDeviations)),
    cell(String(row.risks)),
    cell(row.highestRiskValue === null ? '–' : String(row.highestRiskValue)),
  ]);
  const blocks: Block[] = [
    { type: 'heading', level: 1, text: labels.statusPerUnit, section: 'status-per-unit' },
    {
      type: 'table',
      table: {
        caption: labels.statusPerUnit,
        columns: [
          { title: labels.unit, width: 2.6 },
          { title: labels.plan, width: 2.4 },
          { title: labels.itemCount, width: 1.1 },
          ...STATUS_CATEGORIES.map((category) => ({ title: labels.statusCategories[category]!, width: 1 })),
          { title: labels.noStatus, width: 1 },
          { title: labels.overdue, width: 1 },
          { title: labels.deviations, width: 1.5 },
          { title: labels.risksHeading, width: 0.9 },
          { title: labels.highestRiskValue, width: 1 },
        ],
        rows: summaryRows,
      },
    },
  ];

  const itemsOf = (plan: PlanFacts): ItemFacts[] => [
    ...plan.risks.flatMap((risk) => [...risk.controls, ...risk.actions]),
    ...plan.otherActions,
    ...plan.activities,
  ];
  blocks.push({ type: 'heading', level: 1, text: labels.overdueItems, section: 'overdue' });
  const overdueRows: Cell[][] = [];
  for (const plan of facts) {
    for (const item of itemsOf(plan).filter((candidate) => isItemOverdue(candidate, context.today))) {
      overdueRows.push([
        cell(plan.unitName),
        cell(item.title),
        cell(item.responsible.join(', ')),
        cell(item.endDate),
        statusCell(item),
      ]);
    }
  }
  if (overdueRows.length === 0) blocks.push(text(labels.noOverdue));
  else
    blocks.push({
      type: 'table',
      table: {
        caption: labels.overdueItems,
        columns: [
          { title: labels.unit, width: 2 },
          { title: labels.items, width: 4 },
          { title: labels.responsible, width: 2 },
          { title: labels.endedOn, width: 1.2 },
          { title: labels.status, width: 1.3 },
        ],
        rows: overdueRows,
      },
    });

  blocks.push({ type: 'heading', level: 1, text: labels.deviations, section: 'deviations' });
  const deviationRows: Cell[][] = facts.flatMap((plan) =>
    plan.deviations.map((deviation) => [
      cell(plan.unitName),
      cell(deviation.title),
      cell(deviation.controlTitle),
      cell(deviation.foundOn),
      cell(deviation.severity),
      cell(labels.deviationState[deviation.state] ?? deviation.state),
    ]),
  );
  if (deviationRows.length === 0) blocks.push(text(labels.noDeviations));
  else
    blocks.push({
      type: 'table',
      table: {
        caption: labels.deviations,
        columns: [
          { title: labels.unit, width: 2 },
          { title: labels.deviation, width: 3 },
          { title: labels.control, width: 3 },
          { title: labels.foundOn, width: 1.2 },
          { title: labels.severityTitle, width: 1.4 },
          { title: labels.status, width: 1 },
        ],
        rows: deviationRows,
      },
    });

  if (planIds.length > 0) {
    blocks.push({ type: 'heading', level: 1, text: labels.aggregatedMatrix, section: 'risk-matrix' });
    blocks.push(
      ...heatMap(
        overview.matrix,
        overview.matrix.cells,
        overview.matrix.unassessedRisks,
        labels,
        labels.aggregatedMatrix,
      ),
    );
  }

  blocks.push(...risksByGrouping(facts, labels));
  blocks.push(...(await commonControlsSideBySide(context)));

  // The board's evaluation is printed when written; an unwritten one leaves no trace in the report.
  const written = rich(evaluation, 2);
  if (written.length > 0)
    blocks.push({ type: 'heading', level: 1, text: labels.evaluation, section: 'evaluation' }, ...written);
  return newDocument(
    context,
    'council-summary',
    labels.councilTitle(periodText(context)),
    [context.unit.name],
    blocks,
    { outline: true, orientation: 'landscape' },
  );
}

/**
 * The kommungemensamma kontrollmoment of the period that reach the unit or units below it, each
 * with its follow-up per unit side by side: whether it is in the unit's plan, the status, the
 * result per period and the deviations. Left out when no common control reaches them.
 */
async function commonControlsSideBySide(context: ReportContext): Promise<Block[]> {
  const { db, tenantId, labels, locale } = context;
  const origins = await commonControlsOfYears(db, tenantId, context.startYear, context.endYear);
  if (origins.length === 0) return [];
  const inSummary = new Set(await subtreeUnitIds(db, tenantId, context.unit.id));
  const readable = (unitId: string) =>
    inSummary.has(unitId) && (context.readableUnitIds === 'all' || context.readableUnitIds.includes(unitId));
  const targets = await targetIdsOf(
    db,
    tenantId,
    origins.map((origin) => origin.id),
  );
  const statusRows = await db
    .select({ id: statuses.id, labelSv: statuses.labelSv, labelEn: statuses.labelEn })
    .from(statuses)
    .where(eq(statuses.tenantId, tenantId));
  const statusName = (id: string | null) => {
    const status = statusRows.find((row) => row.id === id);
    return status ? (locale === 'sv' ? status.labelSv : status.labelEn) : '–';
  };
  const unitNames = new Map(
    (
      await db.select({ id: orgUnits.id, name: orgUnits.name }).from(orgUnits).where(eq(orgUnits.tenantId, tenantId))
    ).map((row) => [row.id, row.name]),
  );
  const blocks: Block[] = [];
  for (const origin of origins) {
    const copies = (await copiesOf(db, origin, targets.get(origin.id) ?? [])).filter((copy) => readable(copy.unitId));
    if (copies.length === 0) continue;
    const lines = await copyResults(db, tenantId, copies);
    blocks.push(
      { type: 'heading', level: 2, text: origin.title },
      text(labels.commonControlOrigin(unitNames.get(origin.originUnitId) ?? '–', origin.riskTitle)),
      {
        type: 'table',
        table: {
          caption: origin.title,
          columns: [
            { title: labels.unit, width: 2.4 },
            { title: labels.commonControlInPlan, width: 1.4 },
            { title: labels.status, width: 1.3 },
            { title: labels.resultsPerPeriod, width: 4 },
            { title: labels.deviations, width: 1 },
          ],
          rows: lines.map((line) => [
            cell(line.unitName),
            cell(labels.commonControlState[line.state] ?? line.state),
            cell(statusName(line.statusId)),
            line.results.length === 0
              ? cell('–')
              : cell(
                  ...line.results.map(
                    (result) =>
                      `${reportingPeriodLabel(result.period, locale)}: ${labels.controlOutcomes[result.outcome] ?? result.outcome}`,
                  ),
                ),
            cell(String(line.deviations)),
          ]),
        },
      },
    );
  }
  return blocks.length === 0
    ? []
    : [{ type: 'heading', level: 1, text: labels.commonControls, section: 'common-controls' }, ...blocks];
}

/**
 * The risks of all the plans totalled by process (kontrollområde) and by risk category, with the
 * highest riskvärde and the number of controls: the kommunstyrelse's view across nämnder. Only
 * when some risk names a process or category (plans written before these fields have none).
 */
function risksByGrouping(facts: PlanFacts[], labels: ReportContext['labels']): Block[] {
  const risks = facts.flatMap((plan) => plan.risks);
  const blocks: Block[] = [];
  for (const [heading, section, of] of [
    [labels.risksByProcess, 'per-process', (risk: PlanFacts['risks'][number]) => risk.process],
    [labels.risksByCategory, 'per-category', (risk: PlanFacts['risks'][number]) => risk.category],
  ] as const) {
    if (!risks.some((risk) => of(risk))) continue;
    const groups = new Map<string, PlanFacts['risks']>();
    for (const risk of risks) {
      const key = of(risk) ?? labels.notGrouped;
      groups.set(key, [...(groups.get(key) ?? []), risk]);
    }
    const rows = [...groups.entries()]
      .sort(([a], [b]) => (a === labels.notGrouped ? 1 : b === labels.notGrouped ? -1 : a.localeCompare(b, 'sv')))
      .map(([name, ofGroup]) => {
        const values = ofGroup.map((risk) => risk.riskValue).filter((value): value is number => value !== null);
        return [
          cell(name),
          cell(String(ofGroup.length)),
          cell(values.length === 0 ? '–' : String(Math.max(...values))),
          cell(String(ofGroup.reduce((sum, risk) => sum + risk.controls.length, 0))),
        ];
      });
    blocks.push(
      { type: 'heading', level: 1, text: heading, section },
      {
        type: 'table',
        table: {
          caption: heading,
          columns: [
            { title: labels.grouping, width: 3 },
            { title: labels.risksHeading, width: 1 },
            { title: labels.highestRiskValue, width: 1 },
            { title: labels.controls, width: 1 },
          ],
          rows,
        },
      },
    );
  }
  return blocks;
}
