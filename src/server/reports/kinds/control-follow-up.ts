import { meetingsReportedTo, type Meeting } from '../../overview/plan-year.ts';
import { inWindow } from '../report-window.ts';
import type { Block, Cell, ReportDocument } from '../document.ts';
import { cell, text } from '../document.ts';
import type { ItemFacts, PlanFacts, RiskFacts } from '../../plan-model/plan-facts.ts';
import {
  commentCell,
  datesCell,
  dayAndMonth,
  label,
  peopleCell,
  periodText,
  reportText,
  rich,
  statusCell,
  type ReportContext,
} from '../report-context.ts';
import type { ReportLabels } from '../labels.ts';
import { decisionBlocks, newDocument, planLine, planOfReport } from './kind-helpers.ts';

/**
 * Kontroll uppföljning (seed 004): the tenant's guidance, then per risk its value, the decided
 * actions and controls with status, responsible and reporting-responsible people, dates and the
 * period comments; the reported deviations; and the reporting to the nämnd and kommunstyrelsen.
 */
export async function controlFollowUpReport(context: ReportContext): Promise<ReportDocument> {
  const { labels } = context;
  const [chosen, guidance, meetings, committeeText, boardText] = await Promise.all([
    planOfReport(context, 'internal_control'),
    reportText(context, 'control-follow-up', 'guidance'),
    meetingsReportedTo(context.db, context.tenantId, context.unit.id, context.startYear, context.endYear),
    reportText(context, 'control-follow-up', 'committee-reporting'),
    reportText(context, 'control-follow-up', 'board-reporting'),
  ]);
  const plan = chosen.facts;
  const year = periodText(context);
  const blocks: Block[] = [...decisionBlocks(context, plan), ...rich(guidance, 2)];

  // A table without rows is left out with its heading.
  const generalNotes = plan.notes.filter((note) => note.topic === 'general');
  if (plan.risks.some((risk) => risk.actions.length > 0) || generalNotes.length > 0) {
    blocks.push({ type: 'heading', level: 1, text: labels.actionsFollowUp, section: 'actions' });
    if (plan.risks.some((risk) => risk.actions.length > 0))
      blocks.push(
        itemTable(
          plan,
          labels,
          year,
          labels.actionsFollowUp,
          labels.decidedAction,
          (risk) => risk.actions,
          (action) => action.whatToDo,
        ),
      );
    for (const note of generalNotes) blocks.push(...rich(note.body));
  }

  if (plan.risks.some((risk) => risk.controls.length > 0)) {
    blocks.push({ type: 'heading', level: 1, text: labels.controlsFollowUp, section: 'controls' });
    blocks.push(
      itemTable(
        plan,
        labels,
        year,
        labels.controlsFollowUp,
        labels.decidedControl,
        (risk) => risk.controls,
        (control) => control.description,
      ),
    );
  }

  // Whether deviations were found is said from the deviations recorded, never from fixed text;
  // the plan's deviation notes follow as what people wrote.
  blocks.push({ type: 'heading', level: 1, text: labels.reportedDeviations, section: 'deviations' });
  if (plan.deviations.length > 0) {
    blocks.push({
      type: 'table',
      table: {
        caption: labels.reportedDeviations,
        columns: [
          { title: labels.deviation, width: 3 },
          { title: labels.control, width: 2 },
          { title: labels.foundOn, width: 1 },
          { title: labels.severityTitle, width: 1.2 },
          { title: labels.answeredByAction, width: 0.8 },
        ],
        rows: plan.deviations.map((deviation) => [
          { blocks: [text(deviation.title), ...rich(deviation.description)] },
          cell(deviation.controlTitle),
          cell(deviation.foundOn),
          cell(deviation.severity, labels.deviationState[deviation.state] ?? deviation.state),
          cell(deviation.hasAction ? labels.yes : labels.no),
        ]),
      },
    });
  }
  const deviationNotes = plan.notes.filter((note) => note.topic === 'deviations');
  blocks.push(label(labels.deviationComment));
  blocks.push(
    text(plan.deviations.length === 0 ? labels.noDeviationsFound : labels.deviationsFound(plan.deviations.length)),
  );
  for (const note of deviationNotes) blocks.push(...rich(note.body));

  // Only the meetings this unit reports to about this plan (the year-end meetings of the plan
  // year included); a section with neither a meeting nor the tenant's own text is left out
  // rather than filled with a note.
  // For a reporting period, the meetings that report on it: linked to a period that ends in it, or held in it.
  const ofReport = (meeting: Meeting) =>
    meeting.agenda !== null &&
    meeting.agenda !== '' &&
    (!context.window || inWindow(context.window, meeting.reportsOnEnd ?? meeting.date));
  const committee = meetings.committee.filter(ofReport);
  const board = meetings.board.filter(ofReport);
  if (committee.length > 0 || committeeText)
    blocks.push(
      { type: 'heading', level: 1, text: labels.reportingToCommittee, section: 'committee-reporting' },
      ...reporting(committee, committeeText, context),
    );
  if (board.length > 0 || boardText)
    blocks.push(
      { type: 'heading', level: 1, text: labels.reportingToBoard, section: 'board-reporting' },
      ...reporting(board, boardText, context),
    );
  return newDocument(
    context,
    'control-follow-up',
    labels.controlFollowUpTitle,
    [context.unit.name, planLine(context, chosen)],
    blocks,
    { outline: true, orientation: 'landscape' },
  );
}

/**
 * The meetings of the årshjul with their agendas. Each meeting's date is said in neutral words
 * ("Sammanträde den 16 september."), unless the tenant wrote its own text for the section
 * ("Nämnden informeras den 16 september"), which then says it in the tenant's words.
 */
function reporting(meetings: Meeting[], ownText: string | null, context: ReportContext): Block[] {
  const { labels } = context;
  const blocks: Block[] = [];
  for (const meeting of meetings) {
    blocks.push(...rich(meeting.agenda, 2));
    if (ownText) continue;
    const when = meetingDate(meeting, context);
    blocks.push(text(meeting.datePrecision === 'month' ? labels.meetingInMonth(when) : labels.meetingOn(when)));
  }
  blocks.push(...rich(ownText, 2));
  return blocks;
}

/** "16 september"; with the year when the meeting is after the plan's years ("16 februari 2021" at the year-end reporting). */
function meetingDate(meeting: Meeting, context: ReportContext): string {
  const when = dayAndMonth(meeting.date, context.labels, meeting.datePrecision);
  const year = Number(meeting.date.slice(0, 4));
  return year > context.endYear ? `${when} ${year}` : when;
}

/** One row per action or control; the risk's cells only on its first row, as the documents print them. */
function itemTable<T extends ItemFacts>(
  plan: PlanFacts,
  labels: ReportLabels,
  year: string,
  caption: string,
  itemTitle: string,
  itemsOf: (risk: RiskFacts) => T[],
  detailOf: (item: T) => string | null,
): Block {
  const rows: Cell[][] = [];
  for (const risk of plan.risks) {
    itemsOf(risk).forEach((item, index) => {
      const first = index === 0;
      rows.push([
        first ? { blocks: [text(risk.title, 'label'), ...rich(risk.description)] } : cell(),
        first ? cell(risk.riskValue === null ? labels.notAssessed : String(risk.riskValue)) : cell(),
        { blocks: [text(item.title), ...rich(detailOf(item))] },
        statusCell(item),
        peopleCell(item),
        datesCell(item),
        commentCell(item, labels),
      ]);
    });
  }
  return {
    type: 'table',
    table: {
      caption,
      columns: [
        { title: labels.riskAnalysis, width: 3 },
        { title: labels.risk, width: 0.8 },
        { title: itemTitle, width: 3 },
        { title: labels.status, width: 1.6 },
        { title: labels.responsibleAndReporting, width: 2.1 },
        { title: labels.dates, width: 1.9 },
        { title: labels.commentOfYear(year), width: 3 },
      ],
      rows,
    },
  };
}
