import { and, asc, eq, inArray, isNull, or } from 'drizzle-orm';
import type { ControlOutcome } from '../../../domain/control-result.ts';
import { reportingPeriodLabel } from '../../../domain/reporting-period.ts';
import { actions } from '../../db/schema/actions.ts';
import { attachments } from '../../db/schema/attachments.ts';
import { controlResults } from '../../db/schema/control-results.ts';
import { deviations } from '../../db/schema/deviations.ts';
import { reportingPeriods } from '../../db/schema/reporting-periods.ts';
import { statuses } from '../../db/schema/statuses.ts';
import { vocabularyEntries } from '../../db/schema/vocabulary-entries.ts';
import { AppError } from '../../errors.ts';
import { localize } from '../../messages/messages.ts';
import type { ActionFacts, ControlFacts, FollowUpFacts, PlanFacts, RiskFacts } from '../../plan-model/plan-facts.ts';
import type { Block, Cell, ReportDocument } from '../document.ts';
import { cell, text } from '../document.ts';
import { periodText, reportText, reviewMarker, rich, type ReportContext } from '../report-context.ts';
import { inWindow } from '../report-window.ts';
import { decisionBlocks, newDocument, planLine, planOfReport } from './kind-helpers.ts';

type Kind = 'internal-control-report' | 'period-report';

/**
 * Internkontrollrapport: the follow-up of a nämnd's internkontrollplan for the nämnd, for the
 * plan year or a reporting period. An introduction (the tenant's text, else a sentence from the
 * data), the summary per process (and per risk category, where the risks have one), each
 * control's results, the deviations with their severity and the actions that answer them (the
 * goals the risks and actions serve, the evidence files of results and deviations, where there
 * are any), and the proposed decision.
 */
export async function internalControlReport(context: ReportContext): Promise<ReportDocument> {
  return followUpReport(context, 'internal-control-report');
}

/**
 * Halvårsrapport / delårsrapport: the same follow-up for one part of the year; a whole year is
 * refused (the Internkontrollrapport is that report).
 */
export async function periodReport(context: ReportContext): Promise<ReportDocument> {
  if (!context.window) {
    const message = localize((m) => m.reports.periodReportNeedsPeriod);
    throw new AppError('validation_failed', message, [{ path: 'period', message }]);
  }
  return followUpReport(context, 'period-report');
}

/** A result of a control as the report prints it. */
interface ResultLine {
  id: string;
  controlId: string;
  outcome: ControlOutcome;
  performedOn: string | null;
  reason: string | null;
  comment: string | null;
  periodLabel: string;
  periodEnd: string;
}

/** A deviation of the plan with the action that answers it. */
interface DeviationLine {
  id: string;
  controlId: string;
  title: string;
  description: string | null;
  foundOn: string;
  state: string;
  severity: string;
  severityOrder: number;
  actionId: string | null;
  actionTitle: string | null;
  actionMeasures: string | null;
  /** The action's status in the reader's language, as recorded now. */
  actionStatus: string | null;
}

async function followUpReport(context: ReportContext, kind: Kind): Promise<ReportDocument> {
  const { labels } = context;
  const [chosen, ownIntroduction, ownDecision] = await Promise.all([
    planOfReport(context, 'internal_control'),
    reportText(context, kind, 'introduction'),
    reportText(context, kind, 'proposed-decision'),
  ]);
  const plan = chosen.facts;
  const controls = plan.risks.flatMap((risk) => risk.controls);
  const [results, deviationLines] = await Promise.all([
    resultsOf(
      context,
      controls.map((control) => control.id),
    ),
    deviationsOf(
      context,
      controls.map((control) => control.id),
    ),
  ]);
  const evidence = await evidenceOf(
    context,
    results.map((result) => result.id),
    deviationLines.map((line) => line.id),
  );
  const period = periodText(context);
  const resultsByControl = groupBy(results, (result) => result.controlId);
  const processes = byProcess(plan, context);
  const categories = byCategory(plan, context);

  const blocks: Block[] = [...decisionBlocks(context, plan)];

  // The tenant's own introduction, else what the plan and its follow-up hold, said in numbers.
  blocks.push({ type: 'heading', level: 1, text: labels.introduction, section: 'introduction' });
  if (ownIntroduction) blocks.push(...rich(ownIntroduction, 2));
  else {
    const withResult = controls.filter((control) => resultsByControl.has(control.id)).length;
    blocks.push(
      text(
        [
          labels.reportIntroduction(plan.title, period, plan.risks.length, controls.length),
          controls.length > 0 ? labels.resultsRecorded(withResult, controls.length) : null,
          labels.deviationsReported(deviationLines.length),
        ]
          .filter(Boolean)
          .join(' '),
      ),
    );
  }

  // A plan without risks has nothing to sum up (the introduction says so in numbers).
  if (processes.length > 0) {
    blocks.push({ type: 'heading', level: 1, text: labels.summaryPerProcess, section: 'per-process' });
    blocks.push(
      summaryTable(context, processes, resultsByControl, deviationLines, {
        title: labels.processTitle,
        caption: labels.processSummaryCaption,
      }),
    );
    blocks.push(text(labels.summaryCountingNote, 'note'));
    // The same totals per risk category, only when the plan's risks name categories.
    if (categories.length > 0)
      blocks.push(
        { type: 'heading', level: 2, text: labels.summaryPerCategory },
        summaryTable(context, categories, resultsByControl, deviationLines, {
          title: labels.category,
          caption: labels.categorySummaryCaption,
        }),
      );
  }

  if (controls.length > 0) {
    blocks.push({ type: 'heading', level: 1, text: labels.resultsPerControl, section: 'results' });
    for (const process of processes) {
      if (process.risks.every((risk) => risk.controls.length === 0)) continue;
      blocks.push({ type: 'heading', level: 2, text: process.name });
      blocks.push(resultsTable(context, process, resultsByControl, evidence));
    }
  }

  blocks.push({ type: 'heading', level: 1, text: labels.deviationsAndActions, section: 'deviations' });
  if (deviationLines.length === 0) blocks.push(text(labels.noDeviations));
  else blocks.push(deviationsTable(context, plan, controls, deviationLines, evidence));

  blocks.push({ type: 'heading', level: 1, text: labels.proposedDecision, section: 'proposed-decision' });
  if (ownDecision) blocks.push(...rich(ownDecision, 2));
  else blocks.push(text(labels.proposedDecisionText(context.unit.name, reportNoun(context, kind, period))));

  // Landscape: the summary's eight columns and the results' comments need the width.
  return newDocument(
    context,
    kind,
    titleOf(context, kind, period),
    [context.unit.name, planLine(context, chosen)],
    blocks,
    {
      outline: true,
      orientation: 'landscape',
    },
  );
}

/** "Internkontrollrapport 2020"; a period report by the kind of its period: halvår, delår, else "Uppföljning". */
function titleOf(context: ReportContext, kind: Kind, period: string): string {
  const { labels, window } = context;
  if (kind === 'internal-control-report') return labels.internalControlReportTitle(period);
  if (window?.kind === 'half_year') return labels.halfYearReportTitle(period);
  if (window?.kind === 'interim') return labels.interimReportTitle(period);
  return labels.periodFollowUpTitle(period);
}

function reportNoun(context: ReportContext, kind: Kind, period: string): string {
  const { reportNoun: noun } = context.labels;
  if (kind === 'internal-control-report') return noun.internal(period);
  if (context.window?.kind === 'half_year') return noun.halfYear(period);
  if (context.window?.kind === 'interim') return noun.interim(period);
  return noun.other(period);
}

interface Process {
  name: string;
  risks: RiskFacts[];
}

/** The plan's risks by process (kontrollområde), in the order the plan first names each; a risk without one last. */
function byProcess(plan: PlanFacts, context: ReportContext): Process[] {
  return groupRisks(plan.risks, (risk) => risk.process, context);
}

/**
 * The plan's risks by risk category, in the order the plan first names each, a risk without one
 * last; none at all when no risk has a category (older plans and the seeds).
 */
function byCategory(plan: PlanFacts, context: ReportContext): Process[] {
  if (!plan.risks.some((risk) => risk.category?.trim())) return [];
  return groupRisks(plan.risks, (risk) => risk.category, context);
}

function groupRisks(
  risks: readonly RiskFacts[],
  keyOf: (risk: RiskFacts) => string | null,
  context: ReportContext,
): Process[] {
  const named = new Map<string, RiskFacts[]>();
  const unnamed: RiskFacts[] = [];
  for (const risk of risks) {
    const key = keyOf(risk);
    if (key === null || key.trim() === '') unnamed.push(risk);
    else named.set(key, [...(named.get(key) ?? []), risk]);
  }
  const groups = [...named].map(([name, grouped]) => ({ name, risks: grouped }));
  if (unnamed.length > 0) groups.push({ name: context.labels.notGrouped, risks: unnamed });
  return groups;
}

/** "Mål: …", the goals a risk threatens or an action serves, as the plan report prints them; none when it has none. */
function goalsNote(facts: { goals?: readonly string[] } | undefined, context: ReportContext): Block[] {
  return facts?.goals && facts.goals.length > 0
    ? [text(`${context.labels.goals}: ${facts.goals.join(', ')}`, 'note')]
    : [];
}

/** "Underlag: protokollsutdrag.pdf", the evidence files of a result or deviation; none when it has none. */
function evidenceNote(files: readonly string[] | undefined, context: ReportContext): Block[] {
  return files && files.length > 0 ? [text(context.labels.evidence(files), 'note')] : [];
}

const OUTCOME_COLUMNS = ['no_remarks', 'with_deviation', 'not_performed', 'none'] as const;

/**
 * One row per process (or risk category) and a total: risks, controls, controls by their latest
 * result of the period (or none), and the deviations per severity, mildest first.
 */
function summaryTable(
  context: ReportContext,
  processes: Process[],
  resultsByControl: Map<string, ResultLine[]>,
  deviationLines: DeviationLine[],
  headings: { title: string; caption: string },
): Block {
  const { labels } = context;
  const row = (name: string, risks: RiskFacts[], bold: boolean): Cell[] => {
    const controls = risks.flatMap((risk) => risk.controls);
    const ids = new Set(controls.map((control) => control.id));
    const outcomes = new Map<string, number>();
    for (const control of controls) {
      const latest = resultsByControl.get(control.id)?.at(-1)?.outcome ?? 'none';
      outcomes.set(latest, (outcomes.get(latest) ?? 0) + 1);
    }
    const severities = new Map<string, { order: number; count: number }>();
    for (const deviation of deviationLines.filter((line) => ids.has(line.controlId))) {
      const entry = severities.get(deviation.severity) ?? { order: deviation.severityOrder, count: 0 };
      entry.count += 1;
      severities.set(deviation.severity, entry);
    }
    const severityLines = [...severities]
      .sort((a, b) => a[1].order - b[1].order)
      .map(([severity, { count }]) => `${severity}: ${count}`);
    const nameCell: Cell = { blocks: [bold ? { type: 'paragraph', spans: [{ text: name, bold: true }] } : text(name)] };
    return [
      nameCell,
      cell(String(risks.length)),
      cell(String(controls.length)),
      ...OUTCOME_COLUMNS.map((outcome) => cell(String(outcomes.get(outcome) ?? 0))),
      severityLines.length === 0 ? cell('0') : cell(...severityLines),
    ];
  };
  const rows = processes.map((process) => row(process.name, process.risks, false));
  if (processes.length > 1)
    rows.push(
      row(
        labels.total,
        processes.flatMap((process) => process.risks),
        true,
      ),
    );
  return {
    type: 'table',
    table: {
      caption: headings.caption,
      columns: [
        { title: headings.title, width: 2.6 },
        { title: labels.risksCount, width: 1 },
        { title: labels.controlsCount, width: 1.3 },
        ...OUTCOME_COLUMNS.map((outcome) => ({ title: labels.outcomeColumns[outcome]!, width: 1.2 })),
        { title: labels.deviationsPerSeverity, width: 2 },
      ],
      rows,
    },
  };
}

/**
 * Each control of a process with its results of the period and the follow-ups written for the
 * same periods, one row per period; the risk and control only on their first row. A period with
 * a follow-up but no result recorded (plans followed up before results were kept) says so.
 */
function resultsTable(
  context: ReportContext,
  process: Process,
  resultsByControl: Map<string, ResultLine[]>,
  evidence: Map<string, string[]>,
): Block {
  const { labels } = context;
  const rows: Cell[][] = [];
  for (const risk of process.risks) {
    risk.controls.forEach((control, controlIndex) => {
      const riskCell: Cell = controlIndex === 0 ? { blocks: [text(risk.title), ...goalsNote(risk, context)] } : cell();
      const periods = periodsOf(resultsByControl.get(control.id) ?? [], control.followUps);
      if (periods.length === 0) {
        rows.push([riskCell, cell(control.title), cell(), cell(labels.noResult), cell(), cell()]);
        return;
      }
      periods.forEach(({ label, result, followUps }, index) => {
        const comment: Block[] = [];
        if (result?.reason) comment.push(text(labels.reason(result.reason)));
        comment.push(...rich(result?.comment));
        if (result) comment.push(...evidenceNote(evidence.get(result.id), context));
        for (const followUp of followUps) {
          comment.push(
            text(
              [labels.followUp, followUp.reportedOn, reviewMarker(followUp, labels)].filter(Boolean).join(' '),
              'label',
            ),
            ...rich(followUp.body),
          );
          if (followUp.author) comment.push(text(`(${followUp.author})`));
        }
        rows.push([
          index === 0 ? riskCell : cell(),
          index === 0 ? cell(control.title) : cell(),
          cell(label),
          cell(result ? (labels.controlOutcomes[result.outcome] ?? result.outcome) : labels.noResult),
          cell(result?.performedOn),
          { blocks: comment },
        ]);
      });
    });
  }
  return {
    type: 'table',
    table: {
      caption: labels.resultsCaption(process.name),
      columns: [
        { title: labels.risk, width: 2.2 },
        { title: labels.control, width: 2.4 },
        { title: labels.period, width: 1.5 },
        { title: labels.result, width: 1.6 },
        { title: labels.performedOn, width: 1.2 },
        { title: labels.comment, width: 3.5 },
      ],
      rows,
    },
  };
}

/** The periods a control has a result or a follow-up in, in the order they end. */
function periodsOf(
  results: ResultLine[],
  followUps: FollowUpFacts[],
): { label: string; result: ResultLine | null; followUps: FollowUpFacts[] }[] {
  const periods = new Map<
    string,
    { label: string; end: string; result: ResultLine | null; followUps: FollowUpFacts[] }
  >();
  const periodOf = (label: string, end: string) => {
    const key = `${end} ${label}`;
    const found = periods.get(key) ?? { label, end, result: null, followUps: [] };
    periods.set(key, found);
    return found;
  };
  for (const result of results) periodOf(result.periodLabel, result.periodEnd).result = result;
  for (const followUp of followUps) periodOf(followUp.periodLabel, followUp.periodEnd).followUps.push(followUp);
  return [...periods.values()].sort((a, b) => a.end.localeCompare(b.end));
}

/** Each deviation with its control, date, severity and state, and the action that answers it with its status and what was done. */
function deviationsTable(
  context: ReportContext,
  plan: PlanFacts,
  controls: ControlFacts[],
  lines: DeviationLine[],
  evidence: Map<string, string[]>,
): Block {
  const { labels } = context;
  const controlTitles = new Map(controls.map((control) => [control.id, control.title]));
  const planActions = new Map<string, ActionFacts>();
  for (const action of [...plan.risks.flatMap((risk) => risk.actions), ...plan.otherActions])
    planActions.set(action.id, action);
  const actionCell = (line: DeviationLine): Cell => {
    if (line.actionId === null) return cell(labels.noAnsweringAction);
    // The action's title, status and measures as recorded now (also one decided after the
    // version shown, or in another plan); its responsible people as the plan shows them.
    const action = planActions.get(line.actionId);
    const title = line.actionTitle ?? action?.title ?? '';
    return {
      blocks: [
        text(title, 'label'),
        ...(line.actionStatus ? [text(labels.actionStatus(line.actionStatus))] : []),
        ...(action && action.responsible.length > 0
          ? [text(`${labels.responsible}: ${action.responsible.join(', ')}`)]
          : []),
        ...(line.actionMeasures ? [text(labels.measuresTaken, 'label'), ...rich(line.actionMeasures)] : []),
        ...goalsNote(action, context),
      ],
    };
  };
  return {
    type: 'table',
    table: {
      caption: labels.deviationsCaption,
      columns: [
        { title: labels.deviation, width: 3 },
        { title: labels.control, width: 2 },
        { title: labels.foundOn, width: 1.2 },
        { title: labels.severityTitle, width: 1.3 },
        { title: labels.deviationStatus, width: 1.2 },
        { title: labels.actionTaken, width: 3 },
      ],
      rows: lines.map((line) => [
        { blocks: [text(line.title), ...rich(line.description), ...evidenceNote(evidence.get(line.id), context)] },
        cell(controlTitles.get(line.controlId)),
        cell(line.foundOn),
        cell(line.severity),
        cell(labels.deviationState[line.state] ?? line.state),
        actionCell(line),
      ]),
    },
  };
}

/**
 * The results recorded for the controls, in the order of their periods; for a reporting period,
 * those of the periods that end in it (as its follow-ups).
 */
async function resultsOf(context: ReportContext, controlIds: string[]): Promise<ResultLine[]> {
  if (controlIds.length === 0) return [];
  const rows = await context.db
    .select({
      id: controlResults.id,
      controlId: controlResults.controlId,
      outcome: controlResults.outcome,
      performedOn: controlResults.performedOn,
      reason: controlResults.reason,
      comment: controlResults.comment,
      period: {
        kind: reportingPeriods.kind,
        number: reportingPeriods.number,
        year: reportingPeriods.year,
        name: reportingPeriods.name,
        endDate: reportingPeriods.endDate,
      },
    })
    .from(controlResults)
    .innerJoin(
      reportingPeriods,
      and(eq(reportingPeriods.tenantId, controlResults.tenantId), eq(reportingPeriods.id, controlResults.periodId)),
    )
    .where(
      and(
        eq(controlResults.tenantId, context.tenantId),
        inArray(controlResults.controlId, controlIds),
        isNull(controlResults.archivedAt),
      ),
    )
    .orderBy(asc(reportingPeriods.endDate), asc(reportingPeriods.startDate), asc(controlResults.id));
  return rows
    .filter((row) => !context.window || inWindow(context.window, row.period.endDate))
    .map((row) => ({
      id: row.id,
      controlId: row.controlId,
      outcome: row.outcome,
      performedOn: row.performedOn,
      reason: row.reason,
      comment: row.comment,
      periodLabel: reportingPeriodLabel(row.period, context.locale),
      periodEnd: row.period.endDate,
    }));
}

/** The deviations the controls found, oldest first; for a reporting period, those found in it. */
async function deviationsOf(context: ReportContext, controlIds: string[]): Promise<DeviationLine[]> {
  if (controlIds.length === 0) return [];
  const rows = await context.db
    .select({
      deviation: {
        id: deviations.id,
        controlId: deviations.controlId,
        title: deviations.title,
        description: deviations.description,
        foundOn: deviations.foundOn,
        state: deviations.state,
        actionId: deviations.actionId,
      },
      severity: {
        labelSv: vocabularyEntries.labelSv,
        labelEn: vocabularyEntries.labelEn,
        sortOrder: vocabularyEntries.sortOrder,
      },
      actionTitle: actions.title,
      actionMeasures: actions.measuresTaken,
      actionStatus: { labelSv: statuses.labelSv, labelEn: statuses.labelEn },
    })
    .from(deviations)
    .innerJoin(
      vocabularyEntries,
      and(eq(vocabularyEntries.tenantId, deviations.tenantId), eq(vocabularyEntries.id, deviations.severityId)),
    )
    .leftJoin(actions, and(eq(actions.tenantId, deviations.tenantId), eq(actions.id, deviations.actionId)))
    .leftJoin(statuses, and(eq(statuses.tenantId, actions.tenantId), eq(statuses.id, actions.statusId)))
    .where(
      and(
        eq(deviations.tenantId, context.tenantId),
        inArray(deviations.controlId, controlIds),
        isNull(deviations.archivedAt),
      ),
    )
    .orderBy(asc(deviations.foundOn), asc(deviations.id));
  return rows
    .filter((row) => !context.window || inWindow(context.window, row.deviation.foundOn))
    .map((row) => ({
      ...row.deviation,
      severity: context.locale === 'sv' ? row.severity.labelSv : row.severity.labelEn,
      severityOrder: row.severity.sortOrder,
      actionTitle: row.actionTitle,
      actionMeasures: row.actionMeasures,
      actionStatus: row.actionStatus
        ? context.locale === 'sv'
          ? row.actionStatus.labelSv
          : row.actionStatus.labelEn
        : null,
    }));
}

/**
 * The names of the evidence files kept on the results and deviations the report prints, by the
 * result's or deviation's id, in the order they were uploaded; archived files are left out. One
 * query for the whole plan.
 */
async function evidenceOf(
  context: ReportContext,
  resultIds: string[],
  deviationIds: string[],
): Promise<Map<string, string[]>> {
  const files = new Map<string, string[]>();
  if (resultIds.length === 0 && deviationIds.length === 0) return files;
  const rows = await context.db
    .select({
      controlResultId: attachments.controlResultId,
      deviationId: attachments.deviationId,
      fileName: attachments.fileName,
    })
    .from(attachments)
    .where(
      and(
        eq(attachments.tenantId, context.tenantId),
        isNull(attachments.archivedAt),
        or(
          ...(resultIds.length > 0 ? [inArray(attachments.controlResultId, resultIds)] : []),
          ...(deviationIds.length > 0 ? [inArray(attachments.deviationId, deviationIds)] : []),
        ),
      ),
    )
    .orderBy(asc(attachments.uploadedAt), asc(attachments.id));
  for (const row of rows) {
    const ownerId = row.controlResultId ?? row.deviationId;
    if (ownerId) files.set(ownerId, [...(files.get(ownerId) ?? []), row.fileName]);
  }
  return files;
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}
