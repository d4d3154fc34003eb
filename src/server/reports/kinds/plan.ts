import type { Block, ReportDocument } from '../document.ts';
import { cell, text } from '../document.ts';
import { heatMap, label, periodText, rich, risksPerCell, type ReportContext } from '../report-context.ts';
import { decisionHistory, newDocument, planLine, planOfReport } from './kind-helpers.ts';

/**
 * "Mål: …", the goals a risk threatens or an action serves, when it is linked to any (a version
 * frozen before goals existed has none to print).
 */
function goalsLine(facts: { goals?: string[] }, labels: ReportContext['labels']): string | null {
  return facts.goals && facts.goals.length > 0 ? `${labels.goals}: ${facts.goals.join(', ')}` : null;
}

/**
 * Internkontrollplanen för beslut: the decision, the risk matrix as a heat map, the risks with
 * their values, and the controls and actions decided for each.
 */
export async function planReport(context: ReportContext): Promise<ReportDocument> {
  const { labels } = context;
  const chosen = await planOfReport(context, 'internal_control');
  const plan = chosen.facts;
  const blocks: Block[] = [...rich(plan.description, 2)];
  blocks.push({ type: 'heading', level: 1, text: labels.decision, section: 'decision' });
  const decided = [plan.decidedBy, plan.decisionDate, plan.decisionParagraph, plan.diarienummer].some(Boolean);
  // Stryker disable next-line StringLiteral: defended by planAdopt, which requires the decision's date, so an adopted plan always has one
  blocks.push(
    plan.state === 'draft'
      ? text(labels.notAdopted)
      : decided
        ? text(
            labels.decisionLine(
              plan.decidedBy ?? '',
              plan.decisionDate ?? '',
              plan.decisionParagraph ?? '',
              plan.diarienummer ?? '',
            ),
          )
        : text(labels.decisionNotRecorded),
    ...decisionHistory(context, plan),
  );
  // A plan without risks has neither a matrix nor a risk table to print.
  const counted = risksPerCell(plan.matrix, plan.risks);
  if (plan.risks.length > 0)
    blocks.push(
      { type: 'heading', level: 1, text: labels.riskMatrix, section: 'risk-matrix' },
      ...heatMap(plan.matrix, counted.cells, counted.unassessed, labels, labels.riskMatrix),
    );
  if (plan.risks.length > 0) blocks.push({ type: 'heading', level: 1, text: labels.risksHeading, section: 'risks' });
  if (plan.risks.length > 0)
    blocks.push({
      type: 'table',
      table: {
        caption: labels.risksCaption,
        columns: [
          { title: labels.risk, width: 3 },
          { title: labels.likelihood, width: 1.6 },
          { title: labels.consequence, width: 1.6 },
          { title: labels.riskValue, width: 1.4 },
          { title: labels.controls, width: 3 },
          { title: labels.actions, width: 3 },
        ],
        rows: plan.risks.map((risk) => [
          cell(risk.title),
          cell(risk.likelihood?.toString() ?? labels.notAssessed),
          cell(risk.consequence?.toString() ?? labels.notAssessed),
          cell(risk.riskValue?.toString() ?? labels.notAssessed),
          cell(...risk.controls.map((control) => control.title)),
          cell(...risk.actions.map((action) => action.title)),
        ]),
      },
    });
  for (const risk of plan.risks) {
    blocks.push({ type: 'heading', level: 2, text: labels.riskHeading(risk.title) }, ...rich(risk.description));
    // What the plan decided about the risk, where it says so (older plans and the seeds do not).
    const riskFacts = [
      risk.process ? `${labels.process}: ${risk.process}` : null,
      risk.category ? `${labels.category}: ${risk.category}` : null,
      risk.owner ? `${labels.riskOwner}: ${risk.owner}` : null,
      risk.response ? `${labels.riskResponse}: ${risk.response}` : null,
      risk.legalReferences ? `${labels.legalReferences}: ${risk.legalReferences}` : null,
    ].filter((line): line is string => line !== null);
    if (riskFacts.length > 0) blocks.push(...riskFacts.map((line) => text(line, 'note')));
    for (const [heading, body] of [
      [labels.cause, risk.cause],
      [labels.effect, risk.effect],
      [labels.responseMotivation, risk.responseMotivation],
    ] as const)
      if (body) blocks.push(label(heading), ...rich(body));
    const riskGoals = goalsLine(risk, labels);
    if (riskGoals) blocks.push(text(riskGoals, 'note'));
    if (risk.controls.length > 0) {
      blocks.push(label(labels.controls), {
        type: 'list',
        ordered: false,
        items: risk.controls.map((control) => [
          text(control.title),
          ...rich(control.description),
          ...rich(control.scope),
          ...[
            control.method,
            control.frequency,
            control.reportingTime ? `${labels.reportingTime}: ${control.reportingTime}` : null,
            control.reportsTo.length > 0 ? `${labels.reportsTo}: ${control.reportsTo.join(', ')}` : null,
            // The function the control names (whoever holds it), as the table form prints it.
            control.responsibleFunction ? `${labels.controlResponsible}: ${control.responsibleFunction}` : null,
            control.responsible.length > 0 ? `${labels.responsible}: ${control.responsible.join(', ')}` : null,
          ]
            .filter((line): line is string => Boolean(line))
            .map((line) => text(line, 'note')),
        ]),
      });
    }
    if (risk.actions.length > 0) {
      blocks.push(label(labels.actions), {
        type: 'list',
        ordered: false,
        items: risk.actions.map((action) => [
          text(action.title),
          ...rich(action.whatToDo),
          ...[
            action.responsible.length > 0 ? `${labels.responsible}: ${action.responsible.join(', ')}` : null,
            action.endDate ? `${labels.endDate}: ${action.endDate}` : null,
            goalsLine(action, labels),
          ]
            .filter((line): line is string => Boolean(line))
            .map((line) => text(line, 'note')),
        ]),
      });
    }
  }
  return newDocument(
    context,
    'plan',
    plan.title,
    [context.unit.name, periodText(context), planLine(context, chosen)],
    blocks,
    { outline: true },
  );
}
