import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { isOverdue } from '../../../domain/plan-item.ts';
import { actions } from '../../db/schema/actions.ts';
import { assignments } from '../../db/schema/assignments.ts';
import { controls } from '../../db/schema/controls.ts';
import { deviations } from '../../db/schema/deviations.ts';
import { orgUnits } from '../../db/schema/org-units.ts';
import { plans } from '../../db/schema/plans.ts';
import { risks } from '../../db/schema/risks.ts';
import { statuses } from '../../db/schema/statuses.ts';
import { users } from '../../db/schema/users.ts';
import { vocabularyEntries } from '../../db/schema/vocabulary-entries.ts';
import type { Block, Cell, ReportDocument, Span } from '../document.ts';
import { cell, text } from '../document.ts';
import { label, periodText, readableSubtree, rich, type ReportContext } from '../report-context.ts';
import { newDocument } from './kind-helpers.ts';
import { deviationsOfReport, severitiesOfReport } from './report-deviations.ts';

/**
 * Åtgärdsrapport: every deviation of the period (found in the reporting period, or belonging to
 * the plans of the years) of a unit and the units below it that the caller reads, each with the
 * action that answers it: what is to be done, what was done, who answers for it, its dates, its
 * status and whether it is overdue. A deviation no action answers is listed as such. First a
 * summary per severity, with and without an action, and how many actions are completed and
 * overdue; then one table per unit.
 */
export async function actionReport(context: ReportContext): Promise<ReportDocument> {
  const { labels, db, tenantId } = context;
  const units = await readableSubtree(context);
  // An archived action answers nothing any more: its deviation is listed as one without an action.
  const answering = alias(actions, 'answering_action');
  const responsibleUnit = alias(orgUnits, 'action_unit');
  // Stryker disable ConditionalExpression: equivalent, with no units the query's inArray matches nothing; the check spares the query
  const rows =
    units.length === 0
      ? []
      : await db
          .select({
            deviation: deviations,
            controlTitle: controls.title,
            riskTitle: risks.title,
            unitId: orgUnits.id,
            unitName: orgUnits.name,
            severity: vocabularyEntries,
            action: answering,
            actionUnit: responsibleUnit.name,
            status: statuses,
          })
          .from(deviations)
          .innerJoin(controls, and(eq(controls.tenantId, deviations.tenantId), eq(controls.id, deviations.controlId)))
          .innerJoin(plans, and(eq(plans.tenantId, controls.tenantId), eq(plans.id, controls.planId)))
          .innerJoin(orgUnits, and(eq(orgUnits.tenantId, plans.tenantId), eq(orgUnits.id, plans.unitId)))
          .innerJoin(risks, and(eq(risks.tenantId, controls.tenantId), eq(risks.id, controls.riskId)))
          .innerJoin(
            vocabularyEntries,
            and(eq(vocabularyEntries.tenantId, deviations.tenantId), eq(vocabularyEntries.id, deviations.severityId)),
          )
          .leftJoin(
            answering,
            and(
              eq(answering.tenantId, deviations.tenantId),
              eq(answering.id, deviations.actionId),
              isNull(answering.archivedAt),
            ),
          )
          .leftJoin(
            responsibleUnit,
            and(eq(responsibleUnit.tenantId, answering.tenantId), eq(responsibleUnit.id, answering.responsibleUnitId)),
          )
          .leftJoin(statuses, and(eq(statuses.tenantId, answering.tenantId), eq(statuses.id, answering.statusId)))
          .where(deviationsOfReport(context, units))
          .orderBy(asc(deviations.foundOn), asc(deviations.title));
  // Stryker restore ConditionalExpression
  const actionIds = [...new Set(rows.flatMap((row) => (row.action ? [row.action.id] : [])))];
  const people =
    actionIds.length === 0
      ? []
      : await db
          .select({ actionId: assignments.actionId, name: users.name })
          .from(assignments)
          .innerJoin(users, and(eq(users.tenantId, assignments.tenantId), eq(users.id, assignments.userId)))
          .where(
            and(
              eq(assignments.tenantId, tenantId),
              inArray(assignments.actionId, actionIds),
              eq(assignments.role, 'responsible'),
            ),
          )
          .orderBy(asc(assignments.sortOrder), asc(users.name));
  const responsibleOf = (actionId: string) =>
    people.filter((person) => person.actionId === actionId).map((person) => person.name);
  const overdue = (row: (typeof rows)[number]) =>
    row.action !== null &&
    isOverdue({ endDate: row.action.endDate, completed: row.status?.category === 'completed' }, context.today);
  const localized = (entry: { labelSv: string; labelEn: string }) =>
    context.locale === 'sv' ? entry.labelSv : entry.labelEn;

  const severities = await severitiesOfReport(context, rows);
  const countRow = (title: string, of: typeof rows, header = false): Cell[] => {
    const answered = of.filter((row) => row.action !== null).length;
    return [
      { ...cell(title), ...(header ? { header: true } : {}) },
      cell(String(of.length)),
      cell(String(answered)),
      cell(String(of.length - answered)),
    ];
  };
  const blocks: Block[] = [{ type: 'heading', level: 1, text: labels.summary, section: 'summary' }];
  blocks.push({
    type: 'table',
    table: {
      caption: labels.summaryCaption,
      columns: [
        { title: labels.severityTitle, width: 2.5 },
        { title: labels.deviations, width: 1.5 },
        { title: labels.withAction, width: 1.5 },
        { title: labels.noAction, width: 1.5 },
      ],
      rows: [
        ...severities.map((severity) =>
          countRow(
            localized(severity),
            rows.filter((row) => row.deviation.severityId === severity.id),
          ),
        ),
        countRow(labels.total, rows, true),
      ],
    },
  });
  // An action that answers several deviations is counted once.
  const distinctActions = new Map(rows.flatMap((row) => (row.action ? [[row.action.id, row] as const] : [])));
  const answeredRows = [...distinctActions.values()];
  // With no deviations, the line under the next heading says so; no count is written about none.
  if (rows.length > 0)
    blocks.push(
      text(labels.unansweredCounted(rows.filter((row) => row.action === null).length)),
      text(
        labels.actionsCounted(
          answeredRows.length,
          answeredRows.filter((row) => row.status?.category === 'completed').length,
          answeredRows.filter(overdue).length,
        ),
      ),
    );

  blocks.push({ type: 'heading', level: 1, text: labels.deviationsAndActions, section: 'deviations' });
  if (rows.length === 0) blocks.push(text(labels.noDeviations));
  // The unit asked for first, then the units below it by name.
  const unitOrder = [...new Map(rows.map((row) => [row.unitId, row.unitName])).entries()].sort(
    ([idA, nameA], [idB, nameB]) =>
      Number(idB === context.unit.id) - Number(idA === context.unit.id) || nameA.localeCompare(nameB, 'sv'),
  );
  for (const [unitId, unitName] of unitOrder) {
    blocks.push({ type: 'heading', level: 2, text: unitName });
    blocks.push({
      type: 'table',
      table: {
        caption: labels.actionsCaption(unitName),
        columns: [
          { title: labels.deviation, width: 2.8 },
          { title: labels.severityTitle, width: 1.3 },
          { title: labels.foundOn, width: 1.2 },
          { title: `${labels.control} / ${labels.risk}`, width: 2.2 },
          { title: labels.answeredByAction, width: 3.3 },
          { title: labels.responsible, width: 2.2 },
          { title: labels.startAndEnd, width: 1.4 },
          { title: labels.status, width: 1.3 },
        ],
        rows: rows
          .filter((row) => row.unitId === unitId)
          .map((row) => {
            const deviationCell: Cell = {
              blocks: [text(row.deviation.title, 'label'), ...rich(row.deviation.description)],
            };
            const controlCell = cell(row.controlTitle, `${labels.risk}: ${row.riskTitle}`);
            const head = [deviationCell, cell(localized(row.severity)), cell(row.deviation.foundOn), controlCell];
            if (!row.action) {
              const none: Span[] = [{ text: labels.noAction, bold: true }];
              return [...head, { blocks: [{ type: 'paragraph', spans: none }] }, cell('–'), cell('–'), cell('–')];
            }
            const action = row.action;
            const actionBlocks: Block[] = [text(action.title, 'label')];
            if (action.whatToDo) actionBlocks.push(label(labels.whatToDo), ...rich(action.whatToDo));
            const measures = rich(action.measuresTaken);
            if (measures.length > 0) actionBlocks.push(label(`${labels.measuresTaken}:`), ...measures);
            const responsible = responsibleOf(action.id);
            const statusBlocks: Block[] = row.status
              ? [{ type: 'status', status: { label: localized(row.status), colour: row.status.colour } }]
              : [text(labels.noStatus)];
            if (overdue(row))
              statusBlocks.push({ type: 'paragraph', spans: [{ text: labels.overdueMark, bold: true }] });
            return [
              ...head,
              { blocks: actionBlocks },
              cell(...responsible, row.actionUnit ? `(${row.actionUnit})` : null),
              cell(
                action.startDate || action.endDate
                  ? `${action.startDate ?? ''} – ${action.endDate ?? ''}`.trim()
                  : null,
              ),
              { blocks: statusBlocks },
            ];
          }),
      },
    });
  }
  return newDocument(
    context,
    'action-report',
    labels.actionReportTitle(periodText(context)),
    [context.unit.name],
    blocks,
    {
      orientation: 'landscape',
    },
  );
}
