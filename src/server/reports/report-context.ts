import { and, eq, isNull, or } from 'drizzle-orm';
import { planPeriodCode } from '../../domain/plan.ts';
import { fillFields, type TemplateField } from '../../domain/report-template.ts';
import { isOverdue } from '../../domain/plan-item.ts';
import { riskBandFor, type RiskMatrixConfig } from '../../domain/risk-matrix.ts';
import { subtreeUnitIds } from '../access/unit-tree.ts';
import type { Database } from '../db/client.ts';
import { reportTexts } from '../db/schema/report-texts.ts';
import type { Block, Cell, Span } from './document.ts';
import { cell, text } from './document.ts';
import { REPORT_LABELS, type ReportLabels } from './labels.ts';
import { markdownBlocks } from './markdown-blocks.ts';
import type { ReportWindow } from './report-window.ts';
import type { FollowUpFacts, ItemFacts, PlanFacts, RiskFacts } from '../plan-model/plan-facts.ts';

/** What a report is about and for whom: the scope the caller asked for, already authorised. */
export interface ReportContext {
  db: Database;
  tenantId: string;
  unit: { id: string; name: string };
  startYear: number;
  endYear: number;
  locale: 'sv' | 'en';
  labels: ReportLabels;
  /** Today in Sweden (YYYY-MM-DD): what "overdue" is measured against. */
  today: string;
  generatedAt: string;
  /** The units the caller reads; a summary leaves out the rest. */
  readableUnitIds: string[] | 'all';
  /** A plan asked for by id; else the unit's adopted plan for the period, else its newest draft. */
  planId?: string | undefined;
  /** A frozen version of the plan to report on (1: as adopted); else the adopted plan's latest revision. */
  revision?: number | undefined;
  /**
   * The reporting period asked for (a quarter, tertial, half year, delår …), within the plan
   * year `startYear`; null or absent for whole plan years.
   */
  window?: ReportWindow | null;
  /** Plans' facts already read (as they are now, in `locale`), by plan id; others are read when needed. */
  livePlanFacts?: ReadonlyMap<string, PlanFacts> | undefined;
}

export function labelsFor(locale: 'sv' | 'en'): ReportLabels {
  return REPORT_LABELS[locale] as ReportLabels;
}

/**
 * "2020" or "2020-2021", as the documents write a plan's period; for a reporting period its
 * name ("Kvartal 3 2020"), so that every title says which period the report covers.
 */
export function periodText(context: Pick<ReportContext, 'startYear' | 'endYear' | 'window'>): string {
  return context.window ? context.window.label : planPeriodCode(context);
}

/**
 * A text the tenant wrote for a section of a report kind: the one for this unit and year if
 * there is one, else for the unit, else for the whole tenant. Null when none is written.
 */
export async function reportText(context: ReportContext, reportKind: string, section: string): Promise<string | null> {
  const rows = await context.db
    .select({ unitId: reportTexts.unitId, year: reportTexts.year, body: reportTexts.body })
    .from(reportTexts)
    .where(
      and(
        eq(reportTexts.tenantId, context.tenantId),
        eq(reportTexts.reportKind, reportKind),
        eq(reportTexts.section, section),
        or(isNull(reportTexts.unitId), eq(reportTexts.unitId, context.unit.id)),
        or(isNull(reportTexts.year), eq(reportTexts.year, context.startYear)),
      ),
    );
  const rank = (row: { unitId: string | null; year: number | null }) => (row.unitId ? 2 : 0) + (row.year ? 1 : 0);
  const body = rows.sort((a, b) => rank(b) - rank(a))[0]?.body ?? null;
  return body === null ? null : fillFields(body, templateFields(context));
}

/** The values of the fields a tenant's texts may hold: `{nämnd}`, `{år}`, `{period}`, `{datum}`. */
export function templateFields(
  context: Pick<ReportContext, 'unit' | 'startYear' | 'endYear' | 'today' | 'window'>,
): Record<TemplateField, string> {
  return {
    nämnd: context.unit.name,
    år: context.startYear === context.endYear ? String(context.startYear) : `${context.startYear}–${context.endYear}`,
    period: periodText(context),
    datum: context.today,
  };
}

/** The report's unit and every unit below it that the caller reads: the scope of the reports about a unit and what is under it. */
export async function readableSubtree(context: ReportContext): Promise<string[]> {
  const subtree = await subtreeUnitIds(context.db, context.tenantId, context.unit.id);
  const readable = context.readableUnitIds;
  return readable === 'all' ? subtree : subtree.filter((id) => readable.includes(id));
}

/** Rich text, or nothing when empty. */
export function rich(markdown: string | null | undefined, headingLevel: 2 | 3 | 4 = 4): Block[] {
  return markdownBlocks(markdown, headingLevel);
}

/** A bold label line ("Vad ska göras:"). */
export function label(value: string): Block {
  return text(value, 'label');
}

/** "16 september" (or "september" for a month-precision date). */
export function dayAndMonth(date: string, labels: ReportLabels, precision: 'day' | 'month' = 'day'): string {
  const [, month, day] = date.split('-').map(Number) as [number, number, number];
  // Stryker disable next-line StringLiteral: equivalent, a calendar date's month is always 1–12
  const name = labels.months[month - 1] ?? '';
  return precision === 'month' ? name : `${day} ${name}`;
}

/** The domain's overdue rule for an item of the plan's read model (which holds no archived items). */
export function isItemOverdue(item: Pick<ItemFacts, 'endDate' | 'status'>, today: string): boolean {
  return isOverdue({ endDate: item.endDate, completed: item.status?.category === 'completed' }, today);
}

/** The responsible people on one line and the reporting-responsible on the next, as the follow-up documents print them. */
export function peopleCell(item: ItemFacts): Cell {
  return cell(item.responsible.join(', '), item.reporting.join(', '));
}

/** Start date; the checkpoints; the end date. */
export function datesCell(item: ItemFacts): Cell {
  return cell(item.startDate, item.checkpoints.join(', '), item.endDate);
}

/** "(ej godkänd)", "(återsänd)" or "(utkast)" for a follow-up not approved yet; null for an approved one. */
export function reviewMarker(followUp: Pick<FollowUpFacts, 'reviewState'>, labels: ReportLabels): string | null {
  return followUp.reviewState === 'approved' ? null : `(${labels.followUpReview[followUp.reviewState]})`;
}

/**
 * Each follow-up: "Kvartal 3 2020 2020-08-26", marked when not approved yet, its text, and its
 * author in parentheses.
 */
export function commentCell(item: ItemFacts, labels: ReportLabels): Cell {
  const blocks: Block[] = [];
  for (const followUp of item.followUps) {
    blocks.push(
      text(
        [followUp.periodLabel, followUp.reportedOn, reviewMarker(followUp, labels)].filter(Boolean).join(' '),
        'label',
      ),
    );
    blocks.push(...rich(followUp.body));
    if (followUp.author) blocks.push(text(`(${followUp.author})`));
  }
  return { blocks };
}

export function statusCell(item: ItemFacts): Cell {
  return { blocks: item.status ? [{ type: 'status', status: item.status }] : [] };
}

/** The risks counted per cell of the matrix; a risk without sannolikhet or konsekvens (or outside the scale) is not assessed. */
export function risksPerCell(
  matrix: RiskMatrixConfig,
  risks: readonly Pick<RiskFacts, 'likelihood' | 'consequence'>[],
): { cells: MatrixCellCount[]; unassessed: number } {
  const counts = new Map<string, MatrixCellCount>();
  let unassessed = 0;
  for (const risk of risks) {
    const { likelihood, consequence } = risk;
    if (
      likelihood === null ||
      consequence === null ||
      !matrix.likelihoodLevels.some((level) => level.value === likelihood) ||
      !matrix.consequenceLevels.some((level) => level.value === consequence)
    ) {
      unassessed += 1;
      continue;
    }
    const key = `${likelihood}:${consequence}`;
    const cell = counts.get(key) ?? { likelihood, consequence, count: 0 };
    cell.count += 1;
    counts.set(key, cell);
  }
  return { cells: [...counts.values()], unassessed };
}

export interface MatrixCellCount {
  likelihood: number;
  consequence: number;
  count: number;
}

/**
 * The risk matrix as a heat map: likelihood from the highest row down, consequence across,
 * each cell in its band's colour holding the number of risks in it (and the band's name, so
 * colour is never the only sign); then how many risks are not assessed, and the bands.
 */
export function heatMap(
  matrix: RiskMatrixConfig,
  cells: readonly MatrixCellCount[],
  unassessed: number,
  labels: ReportLabels,
  caption: string,
): Block[] {
  const counts = new Map(cells.map((cell) => [`${cell.likelihood}:${cell.consequence}`, cell.count]));
  const rows: Cell[][] = [...matrix.likelihoodLevels]
    .sort((a, b) => b.value - a.value)
    .map((likelihood) => [
      { blocks: [text(`${likelihood.value} ${likelihood.label}`)], header: true },
      ...matrix.consequenceLevels.map((consequence) => {
        const count = counts.get(`${likelihood.value}:${consequence.value}`) ?? 0;
        const band = riskBandFor(matrix, likelihood.value * consequence.value);
        const spans: Span[] = [{ text: String(count), bold: count > 0 }];
        if (band) spans.push({ text: ` · ${band.label}` });
        return { blocks: [{ type: 'paragraph' as const, spans }], ...(band ? { fill: band.colour } : {}) };
      }),
    ]);
  const columns = [
    { title: `${labels.likelihood} \\ ${labels.consequence}`, width: 2 },
    ...matrix.consequenceLevels.map((level) => ({ title: `${level.value} ${level.label}`, width: 1.5 })),
  ];
  return [
    text(labels.matrixCountsNote),
    { type: 'table', table: { caption, columns, rows } },
    text(labels.unassessedRisks(unassessed)),
    label(labels.bands),
    {
      type: 'list',
      ordered: false,
      items: matrix.bands.map((band) => [text(labels.bandLine(band.label, band.min, band.max))]),
    },
  ];
}
