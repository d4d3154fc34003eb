import { and, desc, eq, gte, isNull, lte, max, sql } from 'drizzle-orm';
import { planVersions } from '../../db/schema/plan-versions.ts';
import { plans } from '../../db/schema/plans.ts';
import { snapshotOf } from '../../plan-model/snapshot.ts';
import { AppError } from '../../errors.ts';
import { localize } from '../../messages/messages.ts';
import { text, type Block, type ReportDocument } from '../document.ts';
import {
  loadPlanFacts,
  type ActionFacts,
  type ActivityFacts,
  type ItemFacts,
  type PlanFacts,
} from '../../plan-model/plan-facts.ts';
import { periodText, type ReportContext } from '../report-context.ts';
import { inWindow, type ReportWindow } from '../report-window.ts';

/** The document of a report kind, with the words and dates every kind prints. */
export function newDocument(
  context: ReportContext,
  kind: string,
  title: string,
  subtitle: string[],
  blocks: Block[],
  options: { outline?: boolean; orientation?: 'portrait' | 'landscape' } = {},
): ReportDocument {
  const { labels, window } = context;
  return {
    kind,
    title,
    // A report of a reporting period says which, with its days, under the title.
    subtitle: window
      ? [...subtitle, labels.reportPeriodLine(window.label, window.startDate, window.endDate)]
      : subtitle,
    language: context.locale,
    outline: options.outline ?? false,
    orientation: options.orientation ?? 'portrait',
    blocks,
    labels: { contents: labels.contents, page: labels.page },
    generatedAt: context.generatedAt,
  };
}

/** The plan a report shows and which of its versions: the frozen revision, or null for the plan as it is now (a draft). */
export interface ReportPlan {
  facts: PlanFacts;
  revision: number | null;
}

/**
 * Everything the report prints of the unit's plan of the kind for the scope's period, and which
 * plan and version that is. The plan is the one asked for (`plan`), else the adopted one of the
 * unit and period, else the newest draft; a new draft never replaces the adopted plan. The
 * content is the revision asked for, else the adopted plan's latest revision (what the nämnd
 * decided, whatever was edited since); a draft is shown as it is now. What reports on the plan
 * rather than makes it up (statuses, follow-ups, measures taken, reviews' decisions,
 * deviations, notes) is always as recorded now.
 */
export async function planOfReport(context: ReportContext, kind: 'internal_control' | 'activity'): Promise<ReportPlan> {
  const plan = await wholePlanOfReport(context, kind);
  return context.window ? { ...plan, facts: withinWindow(plan.facts, context.window) } : plan;
}

/**
 * What of a plan's follow-up belongs to a reporting period: the follow-ups of the periods that
 * end in it, the deviations found in it, the reviews whose meeting is in it. The plan itself
 * (its risks, controls, actions and decisions) is the whole plan.
 */
export function withinWindow(facts: PlanFacts, window: Pick<ReportWindow, 'startDate' | 'endDate'>): PlanFacts {
  const followed = <T extends ItemFacts>(item: T): T => ({
    ...item,
    followUps: item.followUps.filter((followUp) => inWindow(window, followUp.periodEnd)),
  });
  return {
    ...facts,
    risks: facts.risks.map((risk) => ({
      ...risk,
      controls: risk.controls.map(followed),
      actions: risk.actions.map(followed),
    })),
    otherActions: facts.otherActions.map(followed),
    activities: facts.activities.map(followed),
    reviews: facts.reviews.filter((review) => inWindow(window, review.meetingDate)),
    deviations: facts.deviations.filter((deviation) => inWindow(window, deviation.foundOn)),
  };
}

async function wholePlanOfReport(context: ReportContext, kind: 'internal_control' | 'activity'): Promise<ReportPlan> {
  const chosen = await choosePlan(context, kind);
  // Stryker disable next-line ConditionalExpression,StringLiteral: equivalent, a draft has no versions (version 1 comes with the decision), so latestRevision would answer null too; the check spares the query
  const revision = context.revision ?? (chosen.state === 'draft' ? null : await latestRevision(context, chosen.id));
  const live =
    context.livePlanFacts?.get(chosen.id) ??
    (await loadPlanFacts(context.db, context.tenantId, [chosen.id], context.locale))[0];
  if (revision === null) return { facts: live!, revision: null };
  const snapshot = await snapshotOf(context.db, context.tenantId, chosen.id, revision);
  if (!snapshot) {
    const message = localize((m) => m.reports.noSuchRevision(revision));
    // A revision that does not exist is a resource that is not there, whatever its number.
    throw new AppError('not_found', message, [{ path: 'revision', message }]);
  }
  return {
    facts: {
      ...withFollowUp(snapshot.facts, live!),
      // The decisions up to the version shown; a snapshot frozen before this feature has none of its own.
      decisions: live!.decisions.filter((decision) => decision.revision <= revision),
    },
    revision,
  };
}

/**
 * The decision in force (the latest one recorded on a version) and, when the plan was revised
 * by later decisions, the list of all of them ("Beslut: Nämnd 2026-05-20 § 80, dnr …, gäller
 * från …"). Nothing when no version records a decision (a plan adopted before decisions were
 * recorded on versions, or a draft).
 */
export function decisionBlocks(context: ReportContext, plan: PlanFacts): Block[] {
  const inForce = plan.decisions.at(-1);
  if (!inForce) return [];
  return [text(context.labels.decisionInForce(decisionEntry(context, inForce))), ...decisionHistory(context, plan)];
}

/** The list of the plan's decisions, when a revision was decided after the adoption; nothing for one decision. */
export function decisionHistory(context: ReportContext, plan: PlanFacts): Block[] {
  if (plan.decisions.length < 2) return [];
  return [
    text(context.labels.decisionHistory, 'label'),
    {
      type: 'list',
      ordered: false,
      items: plan.decisions.map((decision) => [
        text(`${context.labels.decision}: ${decisionEntry(context, decision)}`),
      ]),
    },
  ];
}

function decisionEntry(context: ReportContext, decision: PlanFacts['decisions'][number]): string {
  return context.labels.decisionEntry(
    decision.decidedBy ?? '',
    decision.decisionDate ?? '',
    decision.decisionParagraph ?? '',
    decision.diarienummer ?? '',
    decision.validFrom ?? '',
  );
}

/**
 * The line under a report's title that names the plan and version it shows:
 * "Internkontrollplan 2020, antagen 2020-02-17 § 12, revision 2", or "…, utkast (ej antagen)".
 */
export function planLine(context: ReportContext, plan: ReportPlan): string {
  const { labels } = context;
  const { facts } = plan;
  if (facts.state === 'draft' && plan.revision === null) return `${facts.title}, ${labels.planDraft}`;
  // Stryker disable MethodExpression: defended by the contracts, which trim the decision's texts, so a stored § is empty or has a letter
  const adopted = [facts.decisionDate, facts.decisionParagraph]
    .filter((part): part is string => Boolean(part && part.trim()))
    .join(' ');
  // Stryker restore MethodExpression
  return [
    facts.title,
    adopted ? `${labels.planAdopted} ${adopted}` : labels.planAdopted,
    plan.revision === null ? labels.planAsNow : labels.planRevision(plan.revision),
  ].join(', ');
}

interface ChosenPlan {
  id: string;
  state: string;
}

async function choosePlan(context: ReportContext, kind: 'internal_control' | 'activity'): Promise<ChosenPlan> {
  const { db, tenantId } = context;
  if (context.planId !== undefined) {
    const [row] = await db
      .select({
        id: plans.id,
        state: plans.state,
        unitId: plans.unitId,
        kind: plans.kind,
        startYear: plans.startYear,
        endYear: plans.endYear,
      })
      .from(plans)
      .where(and(eq(plans.tenantId, tenantId), eq(plans.id, context.planId), isNull(plans.archivedAt)));
    if (!row) throw new AppError('not_found');
    // A plan of the period's years; for a reporting period, a plan whose years hold it.
    const ofPeriod = context.window
      ? row.startYear <= context.window.year && context.window.year <= row.endYear
      : row.startYear === context.startYear && row.endYear === context.endYear;
    if (row.unitId !== context.unit.id || row.kind !== kind || !ofPeriod) {
      const message = localize((m) => m.reports.planNotOfReport);
      throw new AppError('validation_failed', message, [{ path: 'plan', message }]);
    }
    return row;
  }
  const rows = await db
    .select({ id: plans.id, state: plans.state })
    .from(plans)
    .where(
      and(
        eq(plans.tenantId, tenantId),
        eq(plans.unitId, context.unit.id),
        eq(plans.kind, kind),
        ...(context.window
          ? [lte(plans.startYear, context.window.year), gte(plans.endYear, context.window.year)]
          : [eq(plans.startYear, context.startYear), eq(plans.endYear, context.endYear)]),
        isNull(plans.archivedAt),
      ),
    )
    // Adopted (or closed) before drafts; then the most recently adopted, then the newest.
    .orderBy(sql`${plans.state} = 'draft'`, desc(plans.adoptedAt), desc(plans.createdAt));
  const chosen = rows[0];
  if (!chosen) {
    throw new AppError(
      'not_found',
      localize((m) =>
        m.reports.noPlan(
          context.unit.name,
          kind === 'internal_control' ? m.reports.internalControlPlan : m.reports.activityPlan,
          periodText(context),
        ),
      ),
    );
  }
  return chosen;
}

/** The plan's latest frozen revision, or null when it has none (adopted before versions were kept). */
async function latestRevision(context: ReportContext, planId: string): Promise<number | null> {
  const [row] = await context.db
    .select({ revision: max(planVersions.revision) })
    .from(planVersions)
    .where(and(eq(planVersions.tenantId, context.tenantId), eq(planVersions.planId, planId)));
  return row?.revision ?? null;
}

/**
 * The decided content of a frozen version with the follow-up as it is now: each item's status,
 * follow-ups and measures taken, sub-activities' statuses, carry-over, the reviews and their
 * decisions, the deviations and the notes. Items the version does not hold are not shown.
 */
function withFollowUp(decided: PlanFacts, now: PlanFacts): PlanFacts {
  const liveItems = new Map<string, ItemFacts>();
  for (const risk of now.risks) for (const item of [...risk.controls, ...risk.actions]) liveItems.set(item.id, item);
  for (const item of [...now.otherActions, ...now.activities]) liveItems.set(item.id, item);
  const followed = <T extends ItemFacts>(item: T): T => {
    const live = liveItems.get(item.id);
    return { ...item, status: live ? live.status : item.status, followUps: live?.followUps ?? [] };
  };
  const followedAction = (action: ActionFacts): ActionFacts => {
    const live = liveItems.get(action.id) as ActionFacts | undefined;
    return { ...followed(action), measuresTaken: live ? live.measuresTaken : action.measuresTaken };
  };
  const followedActivity = (activity: ActivityFacts): ActivityFacts => {
    const live = liveItems.get(activity.id) as ActivityFacts | undefined;
    return {
      ...followed(activity),
      carryOver: live ? live.carryOver : activity.carryOver,
      subActivities: activity.subActivities.map((sub) => {
        const liveSub = live?.subActivities.find((candidate) => candidate.number === sub.number);
        return liveSub ? { ...sub, status: liveSub.status, carryOver: liveSub.carryOver } : sub;
      }),
    };
  };
  return {
    ...decided,
    risks: decided.risks.map((risk) => ({
      ...risk,
      controls: risk.controls.map(followed),
      actions: risk.actions.map(followedAction),
    })),
    otherActions: decided.otherActions.map(followedAction),
    activities: decided.activities.map(followedActivity),
    reviews: now.reviews,
    deviations: now.deviations,
    notes: now.notes,
  };
}
