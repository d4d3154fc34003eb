import { and, asc, desc, eq, inArray, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { queryRows, type Database } from '../db/client.ts';
import { actions } from '../db/schema/actions.ts';
import { activities, activityFocusAreas, focusAreas, subActivities } from '../db/schema/activities.ts';
import { assignments } from '../db/schema/assignments.ts';
import { checkpoints } from '../db/schema/checkpoints.ts';
import { controls } from '../db/schema/controls.ts';
import { deviations } from '../db/schema/deviations.ts';
import { followUps } from '../db/schema/follow-ups.ts';
import { actionGoals, goals, riskGoals } from '../db/schema/goals.ts';
import { orgUnits } from '../db/schema/org-units.ts';
import { planNotes } from '../db/schema/plan-notes.ts';
import { planVersions } from '../db/schema/plan-versions.ts';
import { plans } from '../db/schema/plans.ts';
import { reportingPeriods } from '../db/schema/reporting-periods.ts';
import { reviews } from '../db/schema/reviews.ts';
import { riskMatrices } from '../db/schema/risk-matrices.ts';
import { risks } from '../db/schema/risks.ts';
import { statuses } from '../db/schema/statuses.ts';
import { unitFunctions } from '../db/schema/unit-functions.ts';
import { users } from '../db/schema/users.ts';
import { vocabularyEntries } from '../db/schema/vocabulary-entries.ts';

// The reads behind the plan's read model (plan-facts.ts): one query per kind of row, each for all
// the chosen plans of one tenant at once. Archived rows are left out; each read keeps the order
// the documents print.

/** Which plans are read: some plans of one tenant, by id. */
export interface PlanSelection {
  db: Database;
  tenantId: string;
  ids: string[];
}

const decisionUnits = alias(orgUnits, 'decision_unit');
const functionUnits = alias(orgUnits, 'function_unit');

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

/** The rows of a plan-owned table that belong to the chosen plans. */
function inPlans({ tenantId, ids }: PlanSelection, table: { tenantId: unknown; planId: unknown }) {
  return and(eq(table.tenantId as never, tenantId), inArray(table.planId as never, ids));
}

/** The ids of the chosen plans' controls, actions or activities, as a subquery. */
function idsOf({ db, tenantId, ids }: PlanSelection, table: typeof controls | typeof actions | typeof activities) {
  return db
    .select({ id: table.id })
    .from(table)
    .where(and(eq(table.tenantId, tenantId), inArray(table.planId, ids)));
}

/**
 * The rows of an item-owned table (follow-ups, assignments, checkpoints) that belong to an item of
 * the chosen plans. A row names exactly one item, so the item is the first of its three columns
 * that is set; each of these tables has an index on that expression, which the database follows
 * from the plans' items instead of reading every row of the tenant.
 */
function ofItems(selection: PlanSelection, table: { controlId: unknown; actionId: unknown; activityId: unknown }): SQL {
  const item = sql`coalesce(${table.controlId as never}, ${table.actionId as never}, ${table.activityId as never})`;
  return sql`${item} in (${idsOf(selection, controls)} union all ${idsOf(selection, actions)} union all ${idsOf(selection, activities)})`;
}

/** The plans with the names of their unit and of the body that decided them. */
export function readPlans({ db, tenantId, ids }: PlanSelection) {
  return db
    .select({ plan: plans, unitName: orgUnits.name, decidedBy: decisionUnits.name })
    .from(plans)
    .innerJoin(orgUnits, and(eq(orgUnits.tenantId, plans.tenantId), eq(orgUnits.id, plans.unitId)))
    .leftJoin(
      decisionUnits,
      and(eq(decisionUnits.tenantId, plans.tenantId), eq(decisionUnits.id, plans.decisionUnitId)),
    )
    .where(and(eq(plans.tenantId, tenantId), inArray(plans.id, ids)));
}

/** The tenant's statuses, with what each one means. */
export function readStatuses({ db, tenantId }: PlanSelection) {
  return db
    .select({
      id: statuses.id,
      labelSv: statuses.labelSv,
      labelEn: statuses.labelEn,
      colour: statuses.colour,
      category: statuses.category,
    })
    .from(statuses)
    .where(eq(statuses.tenantId, tenantId));
}

/** The plans' risks in their order. */
export function readRisks(selection: PlanSelection) {
  const { db } = selection;
  return db
    .select({
      id: risks.id,
      planId: risks.planId,
      title: risks.title,
      description: risks.description,
      processId: risks.processId,
      categoryId: risks.categoryId,
      cause: risks.cause,
      effect: risks.effect,
      owner: { name: users.name, deactivatedAt: users.deactivatedAt },
      response: risks.response,
      responseMotivation: risks.responseMotivation,
      legalReferences: risks.legalReferences,
      likelihood: risks.likelihood,
      consequence: risks.consequence,
      riskValue: risks.riskValue,
    })
    .from(risks)
    .leftJoin(users, and(eq(users.tenantId, risks.tenantId), eq(users.id, risks.ownerId)))
    .where(and(inPlans(selection, risks), live(risks)))
    .orderBy(asc(risks.sortOrder), asc(risks.createdAt));
}

/**
 * The goals the chosen plans' risks and actions are linked to, by title, in the goals' order
 * (year, position, title): one query for both kinds (an item id is a risk's or an action's).
 */
export function readGoalLinks({ db, tenantId, ids }: PlanSelection) {
  return queryRows<{ itemId: string; title: string }>(
    db,
    sql`select link.item_id as "itemId", ${goals.title} as "title"
        from (
          select ${riskGoals.riskId} as item_id, ${riskGoals.goalId} as goal_id
            from ${riskGoals} join ${risks} on ${risks.tenantId} = ${riskGoals.tenantId} and ${risks.id} = ${riskGoals.riskId}
            where ${riskGoals.tenantId} = ${tenantId} and ${inArray(risks.planId, ids)}
          union all
          select ${actionGoals.actionId}, ${actionGoals.goalId}
            from ${actionGoals} join ${actions} on ${actions.tenantId} = ${actionGoals.tenantId} and ${actions.id} = ${actionGoals.actionId}
            where ${actionGoals.tenantId} = ${tenantId} and ${inArray(actions.planId, ids)}
        ) link
        join ${goals} on ${goals.tenantId} = ${tenantId} and ${goals.id} = link.goal_id
        order by ${goals.year}, ${goals.sortOrder}, ${goals.title}, ${goals.id}`,
  );
}

/** The plans' kontrollmoment in their order. */
export function readControls(selection: PlanSelection) {
  const { db } = selection;
  return db
    .select({
      ...itemColumns(controls),
      riskId: controls.riskId,
      description: controls.description,
      methodId: controls.methodId,
      scope: controls.scope,
      frequency: controls.frequency,
      reportingTime: controls.reportingTime,
      reportsTo: controls.reportsTo,
      functionName: unitFunctions.name,
      functionUnitName: functionUnits.name,
    })
    .from(controls)
    .leftJoin(
      unitFunctions,
      and(eq(unitFunctions.tenantId, controls.tenantId), eq(unitFunctions.id, controls.responsibleFunctionId)),
    )
    .leftJoin(
      functionUnits,
      and(eq(functionUnits.tenantId, unitFunctions.tenantId), eq(functionUnits.id, unitFunctions.unitId)),
    )
    .where(and(inPlans(selection, controls), live(controls)))
    .orderBy(asc(controls.sortOrder), asc(controls.createdAt));
}

/** The plans' åtgärder in their order, with the unit responsible for each. */
export function readActions(selection: PlanSelection) {
  const { db } = selection;
  return db
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
    .where(and(inPlans(selection, actions), live(actions)))
    .orderBy(asc(actions.sortOrder), asc(actions.createdAt));
}

/** The plans' activities in their order. */
export function readActivities(selection: PlanSelection) {
  const { db } = selection;
  return db
    .select({
      ...itemColumns(activities),
      number: activities.number,
      description: activities.description,
      costAndResources: activities.costAndResources,
      performers: activities.performers,
      carryOver: activities.carryOver,
    })
    .from(activities)
    .where(and(inPlans(selection, activities), live(activities)))
    .orderBy(asc(activities.sortOrder), asc(activities.createdAt));
}

/** The sub-activities of the plans' activities. */
export function readSubActivities(selection: PlanSelection) {
  const { db, tenantId } = selection;
  return db
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
        inArray(subActivities.activityId, idsOf(selection, activities)),
        live(subActivities),
      ),
    )
    .orderBy(asc(subActivities.sortOrder), asc(subActivities.createdAt));
}

/** The focus areas each activity of the plans serves, in the activity's order. */
export function readFocusAreas(selection: PlanSelection) {
  const { db, tenantId } = selection;
  return db
    .select({ activityId: activityFocusAreas.activityId, name: focusAreas.name })
    .from(activityFocusAreas)
    .innerJoin(
      focusAreas,
      and(eq(focusAreas.tenantId, activityFocusAreas.tenantId), eq(focusAreas.id, activityFocusAreas.focusAreaId)),
    )
    .where(
      and(
        eq(activityFocusAreas.tenantId, tenantId),
        inArray(activityFocusAreas.activityId, idsOf(selection, activities)),
      ),
    )
    .orderBy(asc(activityFocusAreas.sortOrder));
}

/** The plans' reviews (granskningar) with the body that decided on each. */
export function readReviews(selection: PlanSelection) {
  const { db } = selection;
  return db
    .select({ review: reviews, unitName: orgUnits.name })
    .from(reviews)
    .leftJoin(orgUnits, and(eq(orgUnits.tenantId, reviews.tenantId), eq(orgUnits.id, reviews.decisionUnitId)))
    .where(and(inPlans(selection, reviews), live(reviews)))
    .orderBy(asc(reviews.sortOrder), asc(reviews.createdAt));
}

/** The follow-ups of the plans' items, by period, with their authors. */
export function readFollowUps(selection: PlanSelection) {
  const { db, tenantId } = selection;
  return db
    .select({
      followUp: {
        controlId: followUps.controlId,
        actionId: followUps.actionId,
        activityId: followUps.activityId,
        reportedOn: followUps.reportedOn,
        body: followUps.body,
        analysis: followUps.analysis,
        statusId: followUps.statusId,
        reviewState: followUps.reviewState,
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
    .where(and(eq(followUps.tenantId, tenantId), live(followUps), ofItems(selection, followUps)))
    .orderBy(asc(reportingPeriods.endDate), asc(followUps.reportedOn), asc(followUps.createdAt));
}

/** Who answers for each item of the plans, in the order they were named. */
export function readAssignments(selection: PlanSelection) {
  const { db, tenantId } = selection;
  return db
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
    .where(and(eq(assignments.tenantId, tenantId), ofItems(selection, assignments)))
    .orderBy(asc(assignments.sortOrder));
}

/** The checkpoints (avstämningsdatum) of the plans' items. */
export function readCheckpoints(selection: PlanSelection) {
  const { db, tenantId } = selection;
  return db
    .select({
      controlId: checkpoints.controlId,
      actionId: checkpoints.actionId,
      activityId: checkpoints.activityId,
      date: checkpoints.date,
    })
    .from(checkpoints)
    .where(and(eq(checkpoints.tenantId, tenantId), ofItems(selection, checkpoints)))
    .orderBy(asc(checkpoints.date));
}

/** The deviations found by the plans' controls, oldest first. */
export function readDeviations({ db, tenantId, ids }: PlanSelection) {
  return (
    db
      .select({ deviation: deviations, controlTitle: controls.title, planId: controls.planId })
      .from(deviations)
      .innerJoin(controls, and(eq(controls.tenantId, deviations.tenantId), eq(controls.id, deviations.controlId)))
      .where(and(eq(deviations.tenantId, tenantId), inArray(controls.planId, ids), live(deviations)))
      // Deviations found on the same day stay in the order they were recorded, however many plans are read.
      .orderBy(asc(deviations.foundOn), asc(deviations.id))
  );
}

/** The tenant's vocabularies (processes, categories, methods, severities), archived entries too: old plans name them. */
export function readVocabularyEntries({ db, tenantId }: PlanSelection) {
  return db
    .select()
    .from(vocabularyEntries)
    .where(eq(vocabularyEntries.tenantId, tenantId))
    .orderBy(asc(vocabularyEntries.kind), asc(vocabularyEntries.sortOrder), asc(vocabularyEntries.labelSv));
}

/** The notes written in the plans. */
export function readNotes(selection: PlanSelection) {
  const { db } = selection;
  return db
    .select({ planId: planNotes.planId, topic: planNotes.topic, body: planNotes.body })
    .from(planNotes)
    .where(and(inPlans(selection, planNotes), live(planNotes)))
    .orderBy(asc(planNotes.createdAt));
}

/** The tenant's risk matrices, the newest first. */
export function readRiskMatrices({ db, tenantId }: PlanSelection) {
  return db
    .select()
    .from(riskMatrices)
    .where(eq(riskMatrices.tenantId, tenantId))
    .orderBy(desc(riskMatrices.validFromYear));
}

/** The decisions recorded on the plans' versions (the adoption and revisions decided by a body), oldest first. */
export function readVersionDecisions({ db, tenantId, ids }: PlanSelection) {
  return db
    .select({
      planId: planVersions.planId,
      revision: planVersions.revision,
      decidedBy: decisionUnits.name,
      decisionDate: planVersions.decisionDate,
      decisionParagraph: planVersions.decisionParagraph,
      diarienummer: planVersions.diarienummer,
      validFrom: planVersions.validFrom,
    })
    .from(planVersions)
    .leftJoin(
      decisionUnits,
      and(eq(decisionUnits.tenantId, planVersions.tenantId), eq(decisionUnits.id, planVersions.decisionUnitId)),
    )
    .where(
      and(
        eq(planVersions.tenantId, tenantId),
        inArray(planVersions.planId, ids),
        or(isNotNull(planVersions.decisionDate), isNotNull(planVersions.decisionUnitId)),
      ),
    )
    .orderBy(asc(planVersions.planId), asc(planVersions.revision));
}
