import { riskBandFor } from '../../../domain/risk-matrix.ts';
import type { ControlFacts, PlanFacts, RiskFacts } from '../../plan-model/plan-facts.ts';
import type { Block, Cell, ReportDocument } from '../document.ts';
import { cell, text } from '../document.ts';
import { heatMap, periodText, rich, risksPerCell, type ReportContext } from '../report-context.ts';
import { decisionBlocks, newDocument, planLine, planOfReport, type ReportPlan } from './kind-helpers.ts';

/**
 * Internkontrollplanen i tabellform, as municipalities send it to their nämnd: the decision, the
 * risk matrix, then one row per kontrollmoment (risk, riskvärde, kontrollmoment, metod,
 * omfattning, frekvens, tidpunkt, kontrollansvarig, rapporteras till) under a heading per process
 * (kontrollområde), the risks without a process last. A risk without a control has a row saying so.
 * When the plan's risks have categories, a column for the risk category follows the risk (a
 * sortable column in the XLSX too); the goals a risk threatens are printed with the risk, where it
 * has any. Older plans and the seeds have neither, and their table is as before. Landscape, for
 * the nine or ten columns.
 */
export async function planTableReport(context: ReportContext): Promise<ReportDocument> {
  const { labels } = context;
  const chosen = await planOfReport(context, 'internal_control');
  const plan = chosen.facts;
  const blocks: Block[] = [
    { type: 'heading', level: 1, text: labels.decision, section: 'decision' },
    ...decision(context, chosen),
  ];
  if (plan.risks.length > 0) {
    const counted = risksPerCell(plan.matrix, plan.risks);
    blocks.push(
      { type: 'heading', level: 1, text: labels.riskMatrix, section: 'risk-matrix' },
      ...heatMap(plan.matrix, counted.cells, counted.unassessed, labels, labels.riskMatrix),
      { type: 'heading', level: 1, text: labels.controlsByProcess, section: 'controls' },
    );
    const withCategory = plan.risks.some((risk) => Boolean(risk.category?.trim()));
    for (const group of byProcess(plan.risks, context.locale)) {
      const processName = group.process ?? labels.noProcess;
      blocks.push(
        { type: 'heading', level: 2, text: processName },
        {
          type: 'table',
          table: {
            caption: processName,
            columns: [
              { title: labels.risk, width: 2.2 },
              ...(withCategory ? [{ title: labels.category, width: 1.3 }] : []),
              { title: labels.riskValue, width: 1 },
              { title: labels.control, width: 2.4 },
              { title: labels.controlMethod, width: 1.4 },
              { title: labels.controlScope, width: 2.4 },
              { title: labels.frequency, width: 1.2 },
              { title: labels.reportingTime, width: 1.3 },
              { title: labels.controlResponsible, width: 1.8 },
              { title: labels.reportsTo, width: 1.4 },
            ],
            rows: group.risks.flatMap((risk) => riskRows(risk, plan, context, withCategory)),
          },
        },
      );
    }
  }
  return newDocument(
    context,
    'plan-table',
    plan.title,
    [context.unit.name, periodText(context), planLine(context, chosen)],
    blocks,
    { orientation: 'landscape' },
  );
}

/**
 * What the nämnd decided: the decision in force as the plan's versions record it (and the earlier
 * ones when it was revised); for a plan adopted before decisions were kept on versions, the
 * decision recorded on the plan; for a draft, that it is not adopted yet.
 */
function decision(context: ReportContext, chosen: ReportPlan): Block[] {
  const { labels } = context;
  const plan = chosen.facts;
  if (plan.state === 'draft' && chosen.revision === null) return [text(labels.notAdopted)];
  const recorded = decisionBlocks(context, plan);
  if (recorded.length > 0) return recorded;
  const parts = [plan.decidedBy, plan.decisionDate, plan.decisionParagraph, plan.diarienummer];
  if (!parts.some(Boolean)) return [text(labels.decisionNotRecorded)];
  return [
    text(
      labels.decisionLine(
        plan.decidedBy ?? '',
        plan.decisionDate ?? '',
        plan.decisionParagraph ?? '',
        plan.diarienummer ?? '',
      ),
    ),
  ];
}

/** The risks per process, the processes in alphabetical order and the risks without one last; each group keeps the plan's order. */
function byProcess(risks: readonly RiskFacts[], locale: 'sv' | 'en'): { process: string | null; risks: RiskFacts[] }[] {
  const groups = new Map<string | null, RiskFacts[]>();
  for (const risk of risks) {
    const process = risk.process?.trim() ? risk.process : null;
    const group = groups.get(process);
    if (group) group.push(risk);
    else groups.set(process, [risk]);
  }
  return [...groups.entries()]
    .map(([process, grouped]) => ({ process, risks: grouped }))
    .sort((a, b) => (a.process === null ? 1 : b.process === null ? -1 : a.process.localeCompare(b.process, locale)));
}

/** One row per control of the risk, or one row saying the risk has no control. */
function riskRows(risk: RiskFacts, plan: PlanFacts, context: ReportContext, withCategory: boolean): Cell[][] {
  const { labels } = context;
  const riskCells = [
    riskCell(risk, context),
    ...(withCategory ? [cell(risk.category)] : []),
    riskValueCell(risk, plan, context),
  ];
  if (risk.controls.length === 0)
    return [[...riskCells, cell(labels.noControl), cell(), cell(), cell(), cell(), cell(), cell()]];
  return risk.controls.map((control) => [...riskCells, ...controlCells(control)]);
}

/** The risk's title, with "Mål: …", the goals it threatens, where it has any (older plans and the seeds have none). */
function riskCell(risk: RiskFacts, context: ReportContext): Cell {
  // A version frozen before goals were kept has none.
  const linked = risk.goals ?? [];
  const goals = linked.length > 0 ? [text(`${context.labels.goals}: ${linked.join(', ')}`, 'note')] : [];
  return { blocks: [text(risk.title), ...goals] };
}

/** The risk value in its band's colour (the band is named in the matrix's legend above), or "Ej bedömd". */
function riskValueCell(risk: RiskFacts, plan: PlanFacts, context: ReportContext): Cell {
  if (risk.riskValue === null) return cell(context.labels.notAssessed);
  const band = riskBandFor(plan.matrix, risk.riskValue);
  return { ...cell(String(risk.riskValue)), ...(band ? { fill: band.colour } : {}) };
}

function controlCells(control: ControlFacts): Cell[] {
  return [
    cell(control.title),
    cell(control.method),
    { blocks: rich(control.scope) },
    cell(control.frequency),
    cell(control.reportingTime),
    // The function the control names (whoever holds it) and the people assigned to it, as the control holds them.
    cell(control.responsibleFunction, control.responsible.join(', ')),
    cell(control.reportsTo.join(', ')),
  ];
}
