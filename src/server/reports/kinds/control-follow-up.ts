import { and, asc, eq, inArray } from 'drizzle-orm';
import { calendarEvents } from '../../db/schema/calendar-events.ts';
import type { Block, Cell, ReportDocument } from '../document.ts';
import { cell, text } from '../document.ts';
import type { ItemFacts, PlanFacts, RiskFacts } from '../plan-content.ts';
import { commentCell, datesCell, dayAndMonth, label, peopleCell, periodText, reportText, rich, statusCell, type ReportContext } from '../report-context.ts';
import type { ReportLabels } from '../labels.ts';
import { newDocument, planLine, planOfReport } from './kind-helpers.ts';

/**
 * Kontroll uppföljning (seed 004): the tenant's guidance, then per risk its value, the decided
 * actions and controls with status, responsible and reporting-responsible people, dates and the
 * period comments; the reported deviations; and the reporting to the nämnd and kommunstyrelsen.
 */
export async function controlFollowUpReport(context: ReportContext): Promise<ReportDocument> {
  const { labels } = context;
  const [chosen, guidance, committeeText, boardText, meetings] = await Promise.all([
    planOfReport(context, 'internal_control'),
    reportText(context, 'control-follow-up', 'guidance'),
    reportText(context, 'control-follow-up', 'committee-reporting'),
    reportText(context, 'control-follow-up', 'board-reporting'),
    context.db
      .select()
      .from(calendarEvents)
      .where(and(eq(calendarEvents.tenantId, context.tenantId), eq(calendarEvents.year, context.startYear), inArray(calendarEvents.kind, ['namnd_meeting', 'ks_meeting'])))
      .orderBy(asc(calendarEvents.date)),
  ]);
  const plan = chosen.facts;
  const year = periodText(context);
  const blocks: Block[] = [...rich(guidance, 2)];

  blocks.push({ type: 'heading', level: 1, text: labels.actionsFollowUp });
  blocks.push(itemTable(plan, labels, year, labels.actionsFollowUp, labels.decidedAction, (risk) => risk.actions, (action) => action.whatToDo));
  for (const note of plan.notes.filter((note) => note.topic === 'general')) blocks.push(...rich(note.body));

  blocks.push({ type: 'heading', level: 1, text: labels.controlsFollowUp });
  blocks.push(itemTable(plan, labels, year, labels.controlsFollowUp, labels.decidedControl, (risk) => risk.controls, (control) => control.description));

  // Whether deviations were found is said from the deviations recorded, never from fixed text;
  // the plan's deviation notes follow as what people wrote.
  blocks.push({ type: 'heading', level: 1, text: labels.reportedDeviations });
  if (plan.deviations.length > 0) {
    blocks.push({
      type: 'table',
      table: {
        caption: labels.reportedDeviations,
        columns: [{ title: labels.deviation, width: 3 }, { title: labels.control, width: 2 }, { title: labels.foundOn, width: 1 }, { title: labels.severityTitle, width: 1.2 }, { title: labels.answeredByAction, width: 0.8 }],
        rows: plan.deviations.map((deviation) => [
          { blocks: [text(deviation.title), ...rich(deviation.description)] },
          cell(deviation.controlTitle),
          cell(deviation.foundOn),
          cell(labels.severity[deviation.severity] ?? deviation.severity, labels.deviationState[deviation.state] ?? deviation.state),
          cell(deviation.hasAction ? labels.yes : labels.no),
        ]),
      },
    });
  }
  const deviationNotes = plan.notes.filter((note) => note.topic === 'deviations');
  blocks.push(label(labels.deviationComment));
  blocks.push(text(plan.deviations.length === 0 ? labels.noDeviationsFound : labels.deviationsFound(plan.deviations.length)));
  for (const note of deviationNotes) blocks.push(...rich(note.body));

  const committee = meetings.filter((meeting) => meeting.kind === 'namnd_meeting' && meeting.unitId === context.unit.id && meeting.agenda);
  const board = meetings.filter((meeting) => meeting.kind === 'ks_meeting' && meeting.agenda);
  blocks.push({ type: 'heading', level: 1, text: labels.reportingToCommittee }, ...reporting(committee, committeeText, labels));
  blocks.push({ type: 'heading', level: 1, text: labels.reportingToBoard }, ...reporting(board, boardText, labels));
  return newDocument(context, 'control-follow-up', labels.controlFollowUpTitle, [context.unit.name, planLine(context, chosen)], blocks, { outline: true, orientation: 'landscape' });
}

/**
 * The meetings of the årshjul with their agendas. Each meeting's date is said in neutral words
 * ("Sammanträde den 16 september."), unless the tenant wrote its own text for the section
 * ("Nämnden informeras den 16 september"), which then says it in the tenant's words.
 */
function reporting(meetings: { date: string; datePrecision: 'day' | 'month'; agenda: string | null }[], ownText: string | null, labels: ReportLabels): Block[] {
  const blocks: Block[] = [];
  if (meetings.length === 0 && !ownText) blocks.push(text(labels.noMeeting, 'note'));
  for (const meeting of meetings) {
    blocks.push(...rich(meeting.agenda, 2));
    if (ownText) continue;
    const when = dayAndMonth(meeting.date, labels, meeting.datePrecision);
    blocks.push(text(meeting.datePrecision === 'month' ? labels.meetingInMonth(when) : labels.meetingOn(when)));
  }
  blocks.push(...rich(ownText, 2));
  return blocks;
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
        commentCell(item),
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
