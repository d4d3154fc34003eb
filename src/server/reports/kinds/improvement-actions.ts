import type { Block, ReportDocument } from '../document.ts';
import { text } from '../document.ts';
import { label, periodText, reportText, rich, type ReportContext } from '../report-context.ts';
import { reviewRecommendationBlocks } from '../review-recommendations.ts';
import { newDocument, planLine, planOfReport } from './kind-helpers.ts';

/**
 * Uppföljning förbättringsåtgärder (seed 001): the year's reviews with their decisions (and their
 * recommendations, when they have any), then per
 * risk its description and per action what was to be done, what was done and who answers for it.
 */
export async function improvementActionsReport(context: ReportContext): Promise<ReportDocument> {
  const { labels } = context;
  const chosen = await planOfReport(context, 'internal_control');
  const plan = chosen.facts;
  const year = periodText(context);
  const [introduction, reviewsClosing, actionsIntroduction, recommendationsOf] = await Promise.all([
    reportText(context, 'improvement-actions', 'introduction'),
    reportText(context, 'improvement-actions', 'reviews-closing'),
    reportText(context, 'improvement-actions', 'actions-introduction'),
    reviewRecommendationBlocks(
      context,
      plan.reviews.map((review) => review.id),
    ),
  ]);
  // A section with nothing written in it is left out, never filled with a placeholder.
  const intro = rich(introduction, 2);
  const closing = rich(reviewsClosing, 2);
  const blocks: Block[] =
    intro.length + closing.length + plan.reviews.length > 0
      ? [{ type: 'heading', level: 1, text: labels.introduction, section: 'introduction' }, ...intro]
      : [];
  if (plan.reviews.length > 0) {
    blocks.push(text(labels.reviewsOfYear(year)), {
      type: 'list',
      ordered: false,
      items: plan.reviews.map((review) => [
        text(
          labels.reviewLine({
            diarienummer: review.diarienummer,
            title: review.title,
            date: review.meetingDate,
            paragraph: review.paragraph,
          }),
        ),
        // The review's recommendations, numbered, with their parts and each addressed nämnd's answer.
        ...(recommendationsOf.get(review.id) ?? []),
      ]),
    });
  }
  blocks.push(...closing);
  const withActions = plan.risks.some((risk) => risk.actions.length > 0);
  const actionsIntro = rich(actionsIntroduction, 2);
  if (withActions || actionsIntro.length > 0)
    blocks.push({ type: 'heading', level: 1, text: labels.improvementActions, section: 'actions' }, ...actionsIntro);
  for (const risk of plan.risks) {
    if (risk.actions.length === 0) continue;
    blocks.push({ type: 'heading', level: 2, text: labels.riskHeading(risk.title) });
    if (risk.description)
      blocks.push(
        { type: 'heading', level: 4, text: labels.riskDescription, outline: false },
        ...rich(risk.description),
      );
    for (const action of risk.actions) {
      blocks.push({ type: 'heading', level: 3, text: labels.actionHeading(action.title) });
      if (action.whatToDo) blocks.push(label(labels.whatToDo), ...rich(action.whatToDo));
      const measures = rich(action.measuresTaken);
      if (measures.length > 0)
        blocks.push({ type: 'heading', level: 4, text: labels.measuresTaken, outline: false }, ...measures);
      if (action.responsibleUnit) blocks.push(text(`(${action.responsibleUnit})`));
    }
  }
  return newDocument(
    context,
    'improvement-actions',
    labels.improvementActionsTitle(year),
    [context.unit.name, planLine(context, chosen)],
    blocks,
    { outline: true },
  );
}
