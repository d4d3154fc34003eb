import { snapshotOf } from '../../features/plan-versions/snapshot.ts';
import { AppError } from '../../errors.ts';
import type { Block, ReportDocument } from '../document.ts';
import { findPlanId, loadPlanFacts, type PlanFacts } from '../plan-content.ts';
import { periodText, type ReportContext } from '../report-context.ts';

/** The document of a report kind, with the words and dates every kind prints. */
export function newDocument(
  context: ReportContext,
  kind: string,
  title: string,
  subtitle: string[],
  blocks: Block[],
  options: { outline?: boolean; orientation?: 'portrait' | 'landscape' } = {},
): ReportDocument {
  const { labels } = context;
  return {
    kind,
    title,
    subtitle,
    language: context.locale,
    outline: options.outline ?? false,
    orientation: options.orientation ?? 'portrait',
    blocks,
    labels: { contents: labels.contents, page: labels.page },
    generatedAt: context.generatedAt,
  };
}

/**
 * Everything the report prints of the unit's plan of the kind for the scope's period: as it is
 * now, or, when the report asks for a revision, as that frozen version holds it ("as adopted").
 */
export async function planFactsOfScope(context: ReportContext, kind: 'internal_control' | 'activity'): Promise<PlanFacts> {
  const planId = await planOfScope(context, kind);
  if (context.revision !== undefined) {
    const snapshot = await snapshotOf(context.db, context.tenantId, planId, context.revision);
    if (!snapshot) {
      const message = { sv: `Planen har ingen version ${context.revision}; en plan får version 1 när den beslutas.`, en: `The plan has no version ${context.revision}; a plan gets version 1 when it is adopted.` };
      // A revision that does not exist is a resource that is not there, whatever its number.
      throw new AppError('not_found', message, [{ path: 'revision', message }]);
    }
    return snapshot.facts;
  }
  const [plan] = await loadPlanFacts(context.db, context.tenantId, [planId], context.locale);
  return plan!;
}

/** The unit's plan of the kind for the scope's period; a clear 404 when there is none. */
async function planOfScope(context: ReportContext, kind: 'internal_control' | 'activity'): Promise<string> {
  const planId = await findPlanId(context.db, context.tenantId, { unitId: context.unit.id, startYear: context.startYear, endYear: context.endYear, kind });
  if (planId === null) {
    const what = kind === 'internal_control' ? { sv: 'internkontrollplan', en: 'internal control plan' } : { sv: 'aktivitetsplan', en: 'activity plan' };
    throw new AppError('not_found', {
      sv: `${context.unit.name} har ingen ${what.sv} för ${periodText(context)}. Välj en annan period eller skapa planen först.`,
      en: `${context.unit.name} has no ${what.en} for ${periodText(context)}. Choose another period or create the plan first.`,
    });
  }
  return planId;
}
