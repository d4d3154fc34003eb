import { and, asc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { actions } from '../../db/schema/actions.ts';
import { controls } from '../../db/schema/controls.ts';
import { deviations } from '../../db/schema/deviations.ts';
import { orgUnits } from '../../db/schema/org-units.ts';
import { plans } from '../../db/schema/plans.ts';
import { users } from '../../db/schema/users.ts';
import { vocabularyEntries } from '../../db/schema/vocabulary-entries.ts';
import type { Block, ReportDocument } from '../document.ts';
import { cell, text } from '../document.ts';
import { periodText, readableSubtree, rich, type ReportContext } from '../report-context.ts';
import { newDocument } from './kind-helpers.ts';
import { deviationsOfReport, severitiesOfReport } from './report-deviations.ts';

/**
 * Avvikelser for a unit and everything below it, found by the controls of the plans of the
 * period (a deviation belongs to the plan of its control, also when found at the year-end
 * follow-up after the year): what, where, when, how serious, whether it is closed and which
 * action answers it, with the count per severity. For a reporting period, those found in it.
 */
export async function deviationsReport(context: ReportContext): Promise<ReportDocument> {
  const { labels, db } = context;
  const units = await readableSubtree(context);
  const answering = alias(actions, 'answering_action');
  const finder = alias(users, 'finder');
  // Stryker disable ConditionalExpression: equivalent, with no units the query's inArray matches nothing; the check spares the query
  const rows =
    units.length === 0
      ? []
      : await db
          .select({
            deviation: deviations,
            controlTitle: controls.title,
            unitName: orgUnits.name,
            actionTitle: answering.title,
            foundBy: finder.name,
            severity: vocabularyEntries,
          })
          .from(deviations)
          .innerJoin(controls, and(eq(controls.tenantId, deviations.tenantId), eq(controls.id, deviations.controlId)))
          .innerJoin(plans, and(eq(plans.tenantId, controls.tenantId), eq(plans.id, controls.planId)))
          .innerJoin(orgUnits, and(eq(orgUnits.tenantId, plans.tenantId), eq(orgUnits.id, plans.unitId)))
          .leftJoin(answering, and(eq(answering.tenantId, deviations.tenantId), eq(answering.id, deviations.actionId)))
          .leftJoin(finder, and(eq(finder.tenantId, deviations.tenantId), eq(finder.id, deviations.foundById)))
          .innerJoin(
            vocabularyEntries,
            and(eq(vocabularyEntries.tenantId, deviations.tenantId), eq(vocabularyEntries.id, deviations.severityId)),
          )
          .where(deviationsOfReport(context, units))
          .orderBy(asc(deviations.foundOn), asc(orgUnits.name));
  // Stryker restore ConditionalExpression
  const severities = await severitiesOfReport(context, rows);
  const severityLabel = (entry: { labelSv: string; labelEn: string }) =>
    context.locale === 'sv' ? entry.labelSv : entry.labelEn;
  const blocks: Block[] = [{ type: 'heading', level: 1, text: labels.summary, section: 'summary' }];
  blocks.push({
    type: 'list',
    ordered: false,
    items: severities.map((severity) => {
      const ofSeverity = rows.filter((row) => row.deviation.severityId === severity.id);
      return [
        text(
          `${severityLabel(severity)}: ${ofSeverity.length} (${labels.openDeviationCount(ofSeverity.filter((row) => row.deviation.state === 'open').length)})`,
        ),
      ];
    }),
  });
  blocks.push({ type: 'heading', level: 1, text: labels.deviations, section: 'deviations' });
  if (rows.length === 0) blocks.push(text(labels.noDeviations));
  else
    blocks.push({
      type: 'table',
      table: {
        caption: labels.deviations,
        columns: [
          { title: labels.unit, width: 2 },
          { title: labels.deviation, width: 3.5 },
          { title: labels.control, width: 2.5 },
          { title: labels.foundOn, width: 1.4 },
          { title: labels.severityTitle, width: 1.5 },
          { title: labels.status, width: 1.1 },
          { title: labels.answeredByAction, width: 2.2 },
        ],
        rows: rows.map((row) => [
          cell(row.unitName),
          { blocks: [text(row.deviation.title), ...rich(row.deviation.description)] },
          cell(row.controlTitle),
          cell(row.deviation.foundOn, row.foundBy),
          cell(severityLabel(row.severity)),
          cell(labels.deviationState[row.deviation.state] ?? row.deviation.state),
          cell(row.actionTitle ?? '–'),
        ]),
      },
    });
  return newDocument(context, 'deviations', labels.deviationsTitle(periodText(context)), [context.unit.name], blocks, {
    orientation: 'landscape',
  });
}
