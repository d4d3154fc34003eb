import type { Block, ReportDocument } from '../document.ts';
import { text } from '../document.ts';
import { periodText, rich, type ReportContext } from '../report-context.ts';
import { newDocument, planLine, planOfReport } from './kind-helpers.ts';

/**
 * Uppföljning av fjolårets planerade aktiviteter (seed 003): numbered, each assignment with its
 * follow-up and analysis from the plan's latest follow-up.
 */
export async function activityReviewReport(context: ReportContext): Promise<ReportDocument> {
  const { labels } = context;
  const chosen = await planOfReport(context, 'activity');
  const plan = chosen.facts;
  const blocks: Block[] = [];
  for (const activity of plan.activities) {
    const latest = activity.followUps.at(-1);
    blocks.push({ type: 'heading', level: 2, text: labels.assignmentHeading(activity.number) });
    blocks.push(text(activity.title));
    // Follow-up and analysis when written; an empty one is left out.
    const body = rich(latest?.body);
    if (body.length > 0) blocks.push({ type: 'heading', level: 3, text: labels.followUp, outline: false }, ...body);
    const analysis = rich(latest?.analysis);
    if (analysis.length > 0)
      blocks.push({ type: 'heading', level: 3, text: labels.analysis, outline: false }, ...analysis);
  }
  return newDocument(
    context,
    'activity-review',
    labels.activityReviewTitle,
    [context.unit.name, `${planLine(context, chosen)} (${periodText(context)})`],
    blocks,
  );
}
