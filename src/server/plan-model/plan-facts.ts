import { and, asc, desc, eq, inArray, isNull, or, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { personDisplayName } from '../../domain/person.ts';
import { reportingPeriodLabel } from '../../domain/reporting-period.ts';
import { DEFAULT_RISK_MATRIX, type RiskMatrixConfig } from '../../domain/risk-matrix.ts';
import type { StatusCategory } from '../../domain/status.ts';
import { readTogether, type Database } from '../db/client.ts';
import { actions } from '../db/schema/actions.ts';
import { activities, activityFocusAreas, focusAreas, subActivities } from '../db/schema/activities.ts';
import { assignments } from '../db/schema/assignments.ts';
import { checkpoints } from '../db/schema/checkpoints.ts';
import { controls } from '../db/schema/controls.ts';
import { deviations } from '../db/schema/deviations.ts';
import { followUps } from '../db/schema/follow-ups.ts';
import { orgUnits } from '../db/schema/org-units.ts';
import { planNotes } from '../db/schema/plan-notes.ts';
import { plans } from '../db/schema/plans.ts';
import { reportingPeriods } from '../db/schema/reporting-periods.ts';
import { reviews } from '../db/schema/reviews.ts';
import { riskMatrices } from '../db/schema/risk-matrices.ts';
import { risks } from '../db/schema/risks.ts';
import { statuses } from '../db/schema/statuses.ts';
import { users } from '../db/schema/users.ts';

// The plan as one readable whole: everything a report prints, a plan version freezes and a
// comparison compares about a set of plans, read in a fixed number of queries whatever the number
// of plans (the council summary of a large municipality reads hundreds of plans at once).

/** A status as it is shown: its label in the reader's language, its colour and what it means. */
export interface ReportStatus {
  label: string;
  /** "#rrggbb". */
  colour: string;
  category: StatusCategory;
}

export interface FollowUpFacts {
  periodLabel: string;
  periodEnd: string;
  reportedOn: string | null;
  body: string;
  analysis: string | null;
  author: string | null;
  status: ReportStatus | null;
}

/** A control (kontrollmoment), an action (åtgärd) or an activity, as reports print it. */
export interface ItemFacts {
  id: string;
  title: string;
  status: ReportStatus | null;
  responsible: string[];
  reporting: string[];
  startDate: string | null;
  checkpoints: string[];
  endDate: string | null;
  followUps: FollowUpFacts[];
}

export interface ControlFacts extends ItemFacts {
  description: string | null;
  method: string | null;
  frequency: string | null;
}

export interface ActionFacts extends ItemFacts {
  riskId: string | null;
  reviewId: string | null;
  whatToDo: string | null;
  measuresTaken: string | null;
  responsibleUnit: string | null;
}

export interface RiskFacts {
  id: string;
  title: string;
  description: string | null;
  likelihood: number | null;
  consequence: number | null;
  riskValue: number | null;
  controls: ControlFacts[];
  actions: ActionFacts[];
}

export interface ActivityFacts extends ItemFacts {
  number: string;
  description: string | null;
  costAndResources: string | null;
  performers: string | null;
  focusAreas: string[];
  carryOver: string | null;
  subActivities: { number: string; title: string; status: ReportStatus | null; carryOver: string | null }[];
}

export interface ReviewFacts {
  id: string;
  riskId: string | null;
  diarienummer: string | null;
  title: string;
  decidedBy: string | null;
  meetingDate: string | null;
  paragraph: string | null;
  findings: string | null;
}

export interface DeviationFacts {
  title: string;
  description: string | null;
  foundOn: string;
  severity: string;
  state: string;
  controlTitle: string;
  hasAction: boolean;
}

export interface PlanFacts {
  id: string;
  kind: string;
  title: string;
  unitId: string;
  unitName: string;
  startYear: number;
  endYear: number;
  state: string;
  description: string | null;
  decidedBy: string | null;
  decisionDate: string | null;
  decisionParagraph: string | null;
  diarienummer: string | null;
  matrix: RiskMatrixConfig;
  /** Which version of the tenant's risk matrix the plan uses; null for the built-in default. */
  matrixVersion: { id: string; validFromYear: number } | null;
  risks: RiskFacts[];
  /** Actions decided without a risk (from a review, say). */
  otherActions: ActionFacts[];
  activities: ActivityFacts[];
  reviews: ReviewFacts[];
  deviations: DeviationFacts[];
  notes: { topic: string; body: string }[];
}

const decisionUnits = alias(orgUnits, 'decision_unit');

/** The columns every item (control, action, activity) is printed with. */
const itemColumns = (table: typeof controls | typeof actions | typeof activities) => ({
  id: table.id,
  planId: table.planId,
  title: table.title,
  statusId: table.statusId,
  startDate: table.startDate,
  endDate: table.endDate,
});

const live = <T extends { archivedAt: unknown }>(table: T) => isNull(table.archivedAt as never);

/**
 * The facts of the given plans of one tenant, in the order of `planIds`. A `summary` leaves out
 * what a summary does not print (follow-ups, checkpoints, sub-activities, reviews, notes): the
 * council summary of a large municipality reads a tenth of the rows.
 */
export async function loadPlanFacts(
  db: Database,
  tenantId: string,
  planIds: readonly string[],
  locale: 'sv' | 'en',
  options: { summary?: boolean } = {},
): Promise<PlanFacts[]> {
  // Stryker disable next-line ConditionalExpression: equivalent, with no ids every read below matches nothing; the early return spares fifteen queries
  if (planIds.length === 0) return [];
  const ids = [...planIds];
  return assemblePlanFacts(ids, await readPlanRows(db, tenantId, ids, options.summary !== true), locale);
}

/** The rows of the plans: fifteen reads at once, whatever the number of plans; a summary skips what it does not print. */
async function readPlanRows(db: Database, tenantId: string, ids: string[], full: boolean) {
  /** A read that a summary skips. */
  const unlessSummary = <T>(read: () => PromiseLike<T[]>) => (full ? read : () => Promise.resolve([] as T[]));
  const inPlans = <C extends { planId: never }>(table: C) =>
    and(eq((table as unknown as { tenantId: never }).tenantId, tenantId), inArray(table.planId, ids));
  const controlIds = db
    .select({ id: controls.id })
    .from(controls)
    .where(and(eq(controls.tenantId, tenantId), inArray(controls.planId, ids)));
  const actionIds = db
    .select({ id: actions.id })
    .from(actions)
    .where(and(eq(actions.tenantId, tenantId), inArray(actions.planId, ids)));
  const activityIds = db
    .select({ id: activities.id })
    .from(activities)
    .where(and(eq(activities.tenantId, tenantId), inArray(activities.planId, ids)));
  const ofItems = (table: { controlId: never; actionId: never; activityId: never }): SQL =>
    or(
      inArray(table.controlId, controlIds),
      inArray(table.actionId, actionIds),
      inArray(table.activityId, activityIds),
    )!;

  const [
    planRows,
    statusRows,
    riskRows,
    controlRows,
    actionRows,
    activityRows,
    subRows,
    focusRows,
    reviewRows,
    followUpRows,
    assignmentRows,
    checkpointRows,
    deviationRows,
    noteRows,
    matrixRows,
  ] = await readTogether(
    db,
    () =>
      db
        .select({ plan: plans, unitName: orgUnits.name, decidedBy: decisionUnits.name })
        .from(plans)
        .innerJoin(orgUnits, and(eq(orgUnits.tenantId, plans.tenantId), eq(orgUnits.id, plans.unitId)))
        .leftJoin(
          decisionUnits,
          and(eq(decisionUnits.tenantId, plans.tenantId), eq(decisionUnits.id, plans.decisionUnitId)),
        )
        .where(and(eq(plans.tenantId, tenantId), inArray(plans.id, ids))),
    () =>
      db
        .select({
          id: statuses.id,
          labelSv: statuses.labelSv,
          labelEn: statuses.labelEn,
          colour: statuses.colour,
          category: statuses.category,
        })
        .from(statuses)
        .where(eq(statuses.tenantId, tenantId)),
    () =>
      db
        .select({
          id: risks.id,
          planId: risks.planId,
          title: risks.title,
          description: risks.description,
          likelihood: risks.likelihood,
          consequence: risks.consequence,
          riskValue: risks.riskValue,
        })
        .from(risks)
        .where(and(inPlans(risks as never), live(risks)))
        .orderBy(asc(risks.sortOrder), asc(risks.createdAt)),
    () =>
      db
        .select({
          ...itemColumns(controls),
          riskId: controls.riskId,
          description: controls.description,
          method: controls.method,
          frequency: controls.frequency,
        })
        .from(controls)
        .where(and(inPlans(controls as never), live(controls)))
        .orderBy(asc(controls.sortOrder), asc(controls.createdAt)),
    () =>
      db
        .select({
          action: {
            ...itemColumns(actions),
            riskId: actions.riskId,
            reviewId: actions.reviewId,
            whatToDo: actions.whatToDo,
            measuresTaken: actions.measuresTaken,
          },
          unitName: orgUnits.name,
        })
        .from(actions)
        .leftJoin(orgUnits, and(eq(orgUnits.tenantId, actions.tenantId), eq(orgUnits.id, actions.responsibleUnitId)))
        .where(and(inPlans(actions as never), live(actions)))
        .orderBy(asc(actions.sortOrder), asc(actions.createdAt)),
    () =>
      db
        .select({
          ...itemColumns(activities),
          number: activities.number,
          description: activities.description,
          costAndResources: activities.costAndResources,
          performers: activities.performers,
          carryOver: activities.carryOver,
        })
        .from(activities)
        .where(and(inPlans(activities as never), live(activities)))
        .orderBy(asc(activities.sortOrder), asc(activities.createdAt)),
    unlessSummary(() =>
      db
        .select({
          activityId: subActivities.activityId,
          number: subActivities.number,
          title: subActivities.title,
          statusId: subActivities.statusId,
          carryOver: subActivities.carryOver,
        })
        .from(subActivities)
        .where(
          and(
            eq(subActivities.tenantId, tenantId),
            inArray(subActivities.activityId, activityIds),
            live(subActivities),
          ),
        )
        .orderBy(asc(subActivities.sortOrder), asc(subActivities.createdAt)),
    ),
    unlessSummary(() =>
      db
        .select({ activityId: activityFocusAreas.activityId, name: focusAreas.name })
        .from(activityFocusAreas)
        .innerJoin(
          focusAreas,
          and(eq(focusAreas.tenantId, activityFocusAreas.tenantId), eq(focusAreas.id, activityFocusAreas.focusAreaId)),
        )
        .where(and(eq(activityFocusAreas.tenantId, tenantId), inArray(activityFocusAreas.activityId, activityIds)))
        .orderBy(asc(activityFocusAreas.sortOrder)),
    ),
    unlessSummary(() =>
      db
        .select({ review: reviews, unitName: orgUnits.name })
        .from(reviews)
        .leftJoin(orgUnits, and(eq(orgUnits.tenantId, reviews.tenantId), eq(orgUnits.id, reviews.decisionUnitId)))
        .where(and(inPlans(reviews as never), live(reviews)))
        .orderBy(asc(reviews.sortOrder), asc(reviews.createdAt)),
    ),
    unlessSummary(() =>
      db
        .select({
          followUp: {
            controlId: followUps.controlId,
            actionId: followUps.actionId,
            activityId: followUps.activityId,
            reportedOn: followUps.reportedOn,
            body: followUps.body,
            analysis: followUps.analysis,
            statusId: followUps.statusId,
          },
          period: {
            kind: reportingPeriods.kind,
            number: reportingPeriods.number,
            year: reportingPeriods.year,
            name: reportingPeriods.name,
            endDate: reportingPeriods.endDate,
          },
          author: { name: users.name, deactivatedAt: users.deactivatedAt },
        })
        .from(followUps)
        .innerJoin(
          reportingPeriods,
          and(eq(reportingPeriods.tenantId, followUps.tenantId), eq(reportingPeriods.id, followUps.periodId)),
        )
        .leftJoin(users, and(eq(users.tenantId, followUps.tenantId), eq(users.id, followUps.authorId)))
        .where(and(eq(followUps.tenantId, tenantId), live(followUps), ofItems(followUps as never)))
        .orderBy(asc(reportingPeriods.endDate), asc(followUps.reportedOn), asc(followUps.createdAt)),
    ),
    () =>
      db
        .select({
          assignment: {
            controlId: assignments.controlId,
            actionId: assignments.actionId,
            activityId: assignments.activityId,
            role: assignments.role,
          },
          name: users.name,
          deactivatedAt: users.deactivatedAt,
        })
        .from(assignments)
        .innerJoin(users, and(eq(users.tenantId, assignments.tenantId), eq(users.id, assignments.userId)))
        .where(and(eq(assignments.tenantId, tenantId), ofItems(assignments as never)))
        .orderBy(asc(assignments.sortOrder)),
    unlessSummary(() =>
      db
        .select({
          controlId: checkpoints.controlId,
          actionId: checkpoints.actionId,
          activityId: checkpoints.activityId,
          date: checkpoints.date,
        })
        .from(checkpoints)
        .where(and(eq(checkpoints.tenantId, tenantId), ofItems(checkpoints as never)))
        .orderBy(asc(checkpoints.date)),
    ),
    () =>
      db
        .select({ deviation: deviations, controlTitle: controls.title, planId: controls.planId })
        .from(deviations)
        .innerJoin(controls, and(eq(controls.tenantId, deviations.tenantId), eq(controls.id, deviations.controlId)))
        .where(and(eq(deviations.tenantId, tenantId), inArray(controls.planId, ids), live(deviations)))
        .orderBy(asc(deviations.foundOn)),
    unlessSummary(() =>
      db
        .select({ planId: planNotes.planId, topic: planNotes.topic, body: planNotes.body })
        .from(planNotes)
        .where(and(inPlans(planNotes as never), live(planNotes)))
        .orderBy(asc(planNotes.createdAt)),
    ),
    () =>
      db
        .select()
        .from(riskMatrices)
        .where(eq(riskMatrices.tenantId, tenantId))
        .orderBy(desc(riskMatrices.validFromYear)),
  );
  return {
    planRows,
    statusRows,
    riskRows,
    controlRows,
    actionRows,
    activityRows,
    subRows,
    focusRows,
    reviewRows,
    followUpRows,
    assignmentRows,
    checkpointRows,
    deviationRows,
    noteRows,
    matrixRows,
  };
}

type PlanRows = Awaited<ReturnType<typeof readPlanRows>>;

/** How an item (control, action, activity) is read: its status, people, checkpoints and follow-ups, in the reader's language. */
function itemFactsReader({ statusRows, assignmentRows, checkpointRows, followUpRows }: PlanRows, locale: 'sv' | 'en') {
  const statusById = new Map(
    statusRows.map((row) => [
      row.id,
      { label: locale === 'sv' ? row.labelSv : row.labelEn, colour: row.colour, category: row.category },
    ]),
  );
  const statusOf = (id: string | null) => (id === null ? null : (statusById.get(id) ?? null));

  const peopleByItem = groupBy(assignmentRows, (row) => itemKey(row.assignment));
  const checkpointsByItem = groupBy(checkpointRows, itemKey);
  const followUpsByItem = groupBy(followUpRows, (row) => itemKey(row.followUp));
  const itemFacts = (
    id: string,
    title: string,
    statusId: string | null,
    startDate: string | null,
    endDate: string | null,
  ): ItemFacts => {
    const people = peopleByItem.get(id) ?? [];
    const names = (role: string) =>
      people.filter((row) => row.assignment.role === role).map((row) => personDisplayName(row, locale));
    return {
      id,
      title,
      status: statusOf(statusId),
      responsible: names('responsible'),
      reporting: names('reporting'),
      startDate,
      checkpoints: (checkpointsByItem.get(id) ?? []).map((row) => row.date),
      endDate,
      followUps: (followUpsByItem.get(id) ?? []).map(({ followUp, period, author }) => ({
        periodLabel: reportingPeriodLabel(period, locale),
        periodEnd: period.endDate,
        reportedOn: followUp.reportedOn,
        body: followUp.body,
        analysis: followUp.analysis,
        author: author?.name
          ? personDisplayName({ name: author.name, deactivatedAt: author.deactivatedAt }, locale)
          : null,
        status: statusOf(followUp.statusId),
      })),
    };
  };
  return { itemFacts, statusOf };
}

/** The plans' facts, in the order of `ids`, from the rows read for them. */
function assemblePlanFacts(ids: string[], rows: PlanRows, locale: 'sv' | 'en'): PlanFacts[] {
  const {
    planRows,
    riskRows,
    controlRows,
    actionRows,
    activityRows,
    subRows,
    focusRows,
    reviewRows,
    deviationRows,
    noteRows,
    matrixRows,
  } = rows;
  const { itemFacts, statusOf } = itemFactsReader(rows, locale);
  const controlsByRisk = groupBy(
    controlRows.map((row) => ({
      riskId: row.riskId,
      facts: {
        ...itemFacts(row.id, row.title, row.statusId, row.startDate, row.endDate),
        description: row.description,
        method: row.method,
        frequency: row.frequency,
      },
    })),
    (row) => row.riskId,
  );
  const actionFacts = actionRows.map(({ action, unitName }) => ({
    planId: action.planId,
    facts: {
      ...itemFacts(action.id, action.title, action.statusId, action.startDate, action.endDate),
      riskId: action.riskId,
      reviewId: action.reviewId,
      whatToDo: action.whatToDo,
      measuresTaken: action.measuresTaken,
      responsibleUnit: unitName,
    } satisfies ActionFacts,
  }));
  // Stryker disable next-line MethodExpression,ConditionalExpression: equivalent, actions without a risk would be grouped under null, which is no risk's id
  const actionsByRisk = groupBy(
    actionFacts.filter((row) => row.facts.riskId !== null),
    (row) => row.facts.riskId!,
  );
  const focusByActivity = groupBy(focusRows, (row) => row.activityId);
  const subsByActivity = groupBy(subRows, (row) => row.activityId);

  return ids.flatMap((planId) => {
    const found = planRows.find((row) => row.plan.id === planId);
    if (!found) return [];
    const { plan, unitName, decidedBy } = found;
    const matrix =
      matrixRows.find((row) => row.id === plan.riskMatrixId) ??
      matrixRows.find((row) => row.validFromYear <= plan.startYear);
    return [
      {
        id: plan.id,
        kind: plan.kind,
        title: plan.title,
        unitId: plan.unitId,
        unitName,
        startYear: plan.startYear,
        endYear: plan.endYear,
        state: plan.state,
        description: plan.description,
        decidedBy,
        decisionDate: plan.decisionDate,
        decisionParagraph: plan.decisionParagraph,
        diarienummer: plan.diarienummer,
        matrix: matrix
          ? {
              likelihoodLevels: matrix.likelihoodLevels,
              consequenceLevels: matrix.consequenceLevels,
              bands: matrix.bands,
            }
          : DEFAULT_RISK_MATRIX,
        matrixVersion: matrix ? { id: matrix.id, validFromYear: matrix.validFromYear } : null,
        risks: riskRows
          .filter((risk) => risk.planId === planId)
          .map((risk) => ({
            id: risk.id,
            title: risk.title,
            description: risk.description,
            likelihood: risk.likelihood,
            consequence: risk.consequence,
            riskValue: risk.riskValue,
            controls: (controlsByRisk.get(risk.id) ?? []).map((row) => row.facts),
            actions: (actionsByRisk.get(risk.id) ?? []).map((row) => row.facts),
          })),
        otherActions: actionFacts
          .filter((row) => row.planId === planId && row.facts.riskId === null)
          .map((row) => row.facts),
        activities: activityRows
          .filter((activity) => activity.planId === planId)
          .map((activity) => ({
            ...itemFacts(activity.id, activity.title, activity.statusId, activity.startDate, activity.endDate),
            number: activity.number,
            description: activity.description,
            costAndResources: activity.costAndResources,
            performers: activity.performers,
            focusAreas: (focusByActivity.get(activity.id) ?? []).map((row) => row.name),
            carryOver: activity.carryOver,
            subActivities: (subsByActivity.get(activity.id) ?? []).map((sub) => ({
              number: sub.number,
              title: sub.title,
              status: statusOf(sub.statusId),
              carryOver: sub.carryOver,
            })),
          })),
        reviews: reviewRows
          .filter((row) => row.review.planId === planId)
          .map(({ review, unitName: decidedByUnit }) => ({
            id: review.id,
            riskId: review.riskId,
            diarienummer: review.diarienummer,
            title: review.title,
            decidedBy: decidedByUnit,
            meetingDate: review.meetingDate,
            paragraph: review.decisionParagraph,
            findings: review.findings,
          })),
        deviations: deviationRows
          .filter((row) => row.planId === planId)
          .map(({ deviation, controlTitle }) => ({
            title: deviation.title,
            description: deviation.description,
            foundOn: deviation.foundOn,
            severity: deviation.severity,
            state: deviation.state,
            controlTitle,
            hasAction: deviation.actionId !== null,
          })),
        notes: noteRows
          .filter((note) => note.planId === planId)
          .map((note) => ({ topic: note.topic, body: note.body })),
      },
    ];
  });
}

function itemKey(row: { controlId: string | null; actionId: string | null; activityId: string | null }): string {
  // Stryker disable next-line StringLiteral: defended by the database, whose check constraints give every follow-up and checkpoint exactly one item; the fallback only satisfies the type
  return row.controlId ?? row.actionId ?? row.activityId ?? '';
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const group = groups.get(k);
    if (group) group.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}
