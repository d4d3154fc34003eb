import { sql } from 'drizzle-orm';
import { RISK_RESPONSE_LABELS, type RiskResponse } from '../../../domain/risk-response.ts';
import { queryRows } from '../../db/client.ts';
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

/** How far back a chain of carried-over risks is followed: more years than any plan keeps (as the risk page). */
const MAX_GENERATIONS = 30;

/** An assessment of an earlier year's risk that a risk of the plan was carried over from. */
interface EarlierAssessment {
  year: number;
  likelihood: number;
  consequence: number;
  response: RiskResponse | null;
}

/**
 * The assessments of the risks each of the plan's risks was carried over from, following
 * `carried_from_id` back through the earlier years' plans, oldest year first: the same
 * assessments the risk page shows (`GET /risks/{id}/assessments`) for those years. One query
 * for all the plan's risks; a risk that was not carried over has none.
 */
async function earlierAssessmentsOf(
  context: ReportContext,
  riskIds: readonly string[],
): Promise<Map<string, EarlierAssessment[]>> {
  const history = new Map<string, EarlierAssessment[]>();
  if (riskIds.length === 0) return history;
  const tenantId = context.tenantId;
  const ids = sql.join(
    riskIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  const rows = await queryRows<{
    origin_id: string;
    year: number;
    likelihood: number;
    consequence: number;
    response: RiskResponse | null;
  }>(
    context.db,
    sql`with recursive chain(origin_id, risk_id, depth) as (
          select r.id, r.carried_from_id, 1 from risks r
           where r.tenant_id = ${tenantId} and r.id in (${ids}) and r.carried_from_id is not null
          union all
          select chain.origin_id, r.carried_from_id, chain.depth + 1 from chain
            join risks r on r.tenant_id = ${tenantId} and r.id = chain.risk_id
           where r.carried_from_id is not null and chain.depth < ${MAX_GENERATIONS}
        )
        select chain.origin_id, a.year, a.likelihood, a.consequence, earlier.response
          from chain
          join risks earlier on earlier.tenant_id = ${tenantId} and earlier.id = chain.risk_id
          join risk_assessments a on a.tenant_id = ${tenantId} and a.risk_id = chain.risk_id
         order by chain.origin_id, a.year`,
  );
  for (const row of rows) {
    const earlier = history.get(row.origin_id) ?? [];
    // A chain that loops back on itself gives each year once.
    if (earlier.some((assessment) => assessment.year === row.year)) continue;
    earlier.push({
      year: Number(row.year),
      likelihood: Number(row.likelihood),
      consequence: Number(row.consequence),
      response: row.response,
    });
    history.set(row.origin_id, earlier);
  }
  return history;
}

/** "Tidigare bedömningar: 2019: 2 × 3 = 6, Kontrollera; 2020: 3 × 4 = 12, Åtgärda", or null without history. */
function earlierAssessmentsLine(assessments: readonly EarlierAssessment[] | undefined, context: ReportContext) {
  if (!assessments || assessments.length === 0) return null;
  return context.labels.earlierAssessments(
    assessments.map((assessment) =>
      [
        `${assessment.year}: ${assessment.likelihood} × ${assessment.consequence} = ${assessment.likelihood * assessment.consequence}`,
        assessment.response ? RISK_RESPONSE_LABELS[assessment.response][context.locale] : null,
      ]
        .filter(Boolean)
        .join(', '),
    ),
  );
}

/**
 * Internkontrollplanen för beslut: the decision, the risk matrix as a heat map, the risks with
 * their values, and the controls and actions decided for each; for a risk carried over from
 * earlier years' plans, its earlier assessments in one line.
 */
export async function planReport(context: ReportContext): Promise<ReportDocument> {
  const { labels } = context;
  const chosen = await planOfReport(context, 'internal_control');
  const plan = chosen.facts;
  const history = await earlierAssessmentsOf(
    context,
    plan.risks.map((risk) => risk.id),
  );
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
    const earlier = earlierAssessmentsLine(history.get(risk.id), context);
    if (earlier) riskFacts.push(earlier);
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
