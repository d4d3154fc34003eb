import type { Block, ReportDocument } from '../document.ts';
import { cell, text } from '../document.ts';
import { label, periodText, reviewMarker, rich, statusCell, type ReportContext } from '../report-context.ts';
import { newDocument, planLine, planOfReport } from './kind-helpers.ts';

/**
 * Uppföljning av en aktivitetsplan (seed 002): per activity its status, number, title and end
 * date, the description with sub-activities and tags, cost and resources, who performs it and
 * the follow-up and evaluation.
 */
export async function activityPlanReport(context: ReportContext): Promise<ReportDocument> {
  const { labels } = context;
  const chosen = await planOfReport(context, 'activity');
  const plan = chosen.facts;
  const blocks: Block[] = [];
  for (const activity of plan.activities) {
    blocks.push({
      type: 'table',
      table: {
        caption: `${labels.activity} ${activity.number}`,
        columns: [
          { title: labels.status, width: 1.2 },
          { title: labels.activity, width: 5 },
          { title: labels.endDate, width: 1.3 },
        ],
        rows: [[statusCell(activity), cell(`${activity.number}. ${activity.title}`), cell(activity.endDate)]],
      },
    });
    // A labelled part with nothing written under it is left out, as every report leaves out an empty section.
    const description = rich(activity.description);
    if (description.length > 0) blocks.push(label(labels.activityDescription), ...description);
    for (const sub of activity.subActivities) {
      blocks.push(
        text(
          `${sub.number}. ${sub.title}${sub.status ? ` (${sub.status.label})` : ''}${sub.carryOver === 'carry_over' ? ` – ${labels.carriedOver}` : ''}`,
        ),
      );
    }
    if (activity.focusAreas.length > 0)
      blocks.push(text(activity.focusAreas.map((area) => `[${area}]`).join(' '), 'note'));
    if (activity.costAndResources) blocks.push(label(labels.costAndResources), ...rich(activity.costAndResources));
    if (activity.performers) blocks.push(label(labels.performers), ...rich(activity.performers));
    if (activity.followUps.length > 0) blocks.push(label(labels.followUpAndEvaluation));
    for (const followUp of activity.followUps) {
      const marker = reviewMarker(followUp, labels);
      if (activity.followUps.length > 1 || marker)
        blocks.push(
          text([activity.followUps.length > 1 ? followUp.periodLabel : null, marker].filter(Boolean).join(' '), 'note'),
        );
      blocks.push(...rich(followUp.body));
      blocks.push(...rich(followUp.analysis));
    }
    if (activity.carryOver)
      blocks.push(text(activity.carryOver === 'carry_over' ? labels.carriedOver : labels.notCarriedOver, 'note'));
  }
  const title = labels.activityPlanTitle(periodText(context));
  return newDocument(context, 'activity-plan', title, [context.unit.name, planLine(context, chosen)], blocks);
}
