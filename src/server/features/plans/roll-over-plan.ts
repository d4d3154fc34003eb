import { and, asc, desc, eq, inArray, isNull, lte } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { z } from 'zod';
import type { planRollOver } from '../../../domain/contracts/roll-over.ts';
import { checkpointDates } from '../../../domain/control-frequency.ts';
import { formatPlanPeriod } from '../../../domain/plan.ts';
import { MANAGING_ROLES, type Access } from '../../access/access.ts';
import { findReadablePlan } from '../../access/plan-scope.ts';
import { creationChanges, recordAuditEvents, type AuditEntry } from '../../audit/record-audit-events.ts';
import type { Transaction } from '../../db/client.ts';
import { actions } from '../../db/schema/actions.ts';
import { activities, activityFocusAreas, subActivities } from '../../db/schema/activities.ts';
import { assignments } from '../../db/schema/assignments.ts';
import { checkpoints } from '../../db/schema/checkpoints.ts';
import { controls } from '../../db/schema/controls.ts';
import { plans } from '../../db/schema/plans.ts';
import { riskMatrices } from '../../db/schema/risk-matrices.ts';
import { risks } from '../../db/schema/risks.ts';
import { carryGoalLinks } from '../../goals/goal-links.ts';
import { addCommonControlsToPlan } from '../../common-controls/common-control-copies.ts';
import { statuses } from '../../db/schema/statuses.ts';
import { AppError } from '../../errors.ts';
import { localize } from '../../messages/messages.ts';

/** "2020" or "2020–2021" as a plan's title writes it. */
function periodIn(title: string, startYear: number, endYear: number): RegExp {
  return startYear === endYear
    ? new RegExp(`\\b${startYear}\\b`)
    : new RegExp(`\\b${startYear}\\s*[-–]\\s*${endYear}\\b`);
}

/** Whether an item goes on into the next year's plan: an explicit decision wins; without one, what is not done goes on. */
function goesOn(decision: string | null, statusId: string | null, done: Set<string>): boolean {
  if (decision === 'carry_over') return true;
  if (decision === 'do_not_carry_over') return false;
  return statusId === null || !done.has(statusId);
}

/**
 * Year roll-over: next year's plan (an utkast) made from this one. Its risks come along for
 * re-assessment with their controls; unfinished actions, activities and sub-activities are carried over, each copy
 * pointing back at its original (`carriedFromId`), with their people and focus areas, and their
 * links to goals whose year the new plan covers (links to other years' goals are dropped). The old
 * plan and everything in it are only read, never changed. One transaction, every row audited.
 */
export type RollOverPlanOptions = { planId: string } & z.infer<typeof planRollOver>;

export async function rollOverPlan(tx: Transaction, access: Access, { planId, ...input }: RollOverPlanOptions) {
  const old = await findReadablePlan(tx, access, planId);
  access.assertRole(old.unitId, MANAGING_ROLES);
  const { startYear, endYear, title } = await nextPeriodAndTitle(tx, access, old, input);
  const [matrix] =
    old.kind === 'internal_control'
      ? await tx
          .select({ id: riskMatrices.id })
          .from(riskMatrices)
          .where(and(eq(riskMatrices.tenantId, access.tenantId), lte(riskMatrices.validFromYear, startYear)))
          .orderBy(desc(riskMatrices.validFromYear))
          .limit(1)
      : [];
  const done = new Set(
    (
      await tx
        .select({ id: statuses.id })
        .from(statuses)
        .where(and(eq(statuses.tenantId, access.tenantId), eq(statuses.category, 'completed')))
    ).map((row) => row.id),
  );

  const tenantId = access.tenantId;
  const audit: AuditEntry[] = [];
  const created = <T extends { id: string }>(entityType: string, rows: T[]) => {
    for (const row of rows)
      audit.push({
        entityType,
        entityId: row.id,
        operation: 'create',
        unitId: old.unitId,
        changes: creationChanges(row),
      });
    return rows;
  };
  const insert = async (table: Parameters<Transaction['insert']>[0], rows: Record<string, unknown>[]) => {
    for (let start = 0; start < rows.length; start += 500)
      await tx.insert(table).values(rows.slice(start, start + 500).map((row) => ({ ...row, tenantId })));
  };

  const plan = {
    id: uuidv7(),
    unitId: old.unitId,
    kind: old.kind,
    title,
    startYear,
    endYear,
    state: 'draft' as const,
    description: old.description,
    riskMatrixId: matrix?.id ?? null,
    decisionUnitId: old.decisionUnitId,
  };
  await insert(plans, created('plan', [plan]));

  const carrying: Carrying = { tx, tenantId, oldPlanId: old.id, newPlanId: plan.id, done, insert, created };
  const riskRows = await carryRisks(carrying);
  const controlRows = await carryControls(carrying, riskRows.ids, { startYear, endYear });
  const actionRows = await carryActions(carrying, riskRows.ids);
  const activityRows = await carryActivities(carrying);
  await carryPeople(carrying, new Map([...controlRows.ids, ...actionRows.ids, ...activityRows.ids]));
  const years = { startYear, endYear };
  const goalLinks = new Map([
    ...(await carryGoalLinks(tx, tenantId, 'risk', riskRows.ids, years)),
    ...(await carryGoalLinks(tx, tenantId, 'action', actionRows.ids, years)),
  ]);
  for (const entry of audit) {
    const linked = goalLinks.get(entry.entityId);
    if (linked) entry.changes = { ...entry.changes, goalIds: [[], linked] };
  }
  await recordAuditEvents(tx, access.actor, audit);
  // This year's kommungemensamma kontrollmoment that reach the unit and are not carried already.
  const [stored] = await tx
    .select()
    .from(plans)
    .where(and(eq(plans.tenantId, tenantId), eq(plans.id, plan.id)));
  await addCommonControlsToPlan(tx, access.actor, stored!);
  return {
    planId: plan.id,
    carried: {
      risks: riskRows.count,
      controls: controlRows.count,
      actions: actionRows.count,
      activities: activityRows.activities,
      subActivities: activityRows.subActivities,
    },
  };
}

type OldPlan = Awaited<ReturnType<typeof findReadablePlan>>;

/** The new plan's years (by default the years after the old plan's, as many) and title (the old one with the years changed). */
async function nextPeriodAndTitle(
  tx: Transaction,
  access: Access,
  old: OldPlan,
  input: Omit<RollOverPlanOptions, 'planId'>,
) {
  if (old.state === 'draft') {
    const message = localize((m) => m.plans.adoptBeforeRollOver);
    throw new AppError('validation_failed', message, [{ path: 'state', message }]);
  }
  const startYear = input.startYear ?? old.endYear + 1;
  const endYear = input.endYear ?? startYear + (old.endYear - old.startYear);
  if (endYear < startYear)
    throw new AppError('validation_failed', undefined, [
      {
        path: 'endYear',
        message: localize((m) => m.plans.endYearBeforeStartYear),
      },
    ]);
  const [existing] = await tx
    .select({ id: plans.id })
    .from(plans)
    .where(
      and(
        eq(plans.tenantId, access.tenantId),
        eq(plans.unitId, old.unitId),
        eq(plans.kind, old.kind),
        eq(plans.startYear, startYear),
        isNull(plans.archivedAt),
      ),
    );
  if (existing) {
    const message = localize((m) => m.plans.unitHasPlanFor(startYear));
    throw new AppError('validation_failed', message, [{ path: 'startYear', message }]);
  }
  const newPeriod = formatPlanPeriod({ startYear, endYear });
  const pattern = periodIn(old.title, old.startYear, old.endYear);
  const title =
    input.title ?? (pattern.test(old.title) ? old.title.replace(pattern, newPeriod) : `${old.title} ${newPeriod}`);
  return { startYear, endYear, title };
}

/** What carrying rows over into the new plan needs: where from and to, what counts as done, how rows are written and audited. */
interface Carrying {
  tx: Transaction;
  tenantId: string;
  oldPlanId: string;
  newPlanId: string;
  /** The tenant's completed statuses. */
  done: Set<string>;
  insert: (table: Parameters<Transaction['insert']>[0], rows: Record<string, unknown>[]) => Promise<void>;
  created: <T extends { id: string }>(entityType: string, rows: T[]) => T[];
}

/** Risks come along, assessed as last year, to be re-assessed. Returns the new id of each old risk. */
async function carryRisks({ tx, tenantId, oldPlanId, newPlanId, insert, created }: Carrying) {
  const oldRisks = await tx
    .select()
    .from(risks)
    .where(and(eq(risks.tenantId, tenantId), eq(risks.planId, oldPlanId), isNull(risks.archivedAt)))
    .orderBy(asc(risks.sortOrder), asc(risks.createdAt));
  const riskIds = new Map<string, string>();
  const riskRows = oldRisks.map((risk) => {
    const id = uuidv7();
    riskIds.set(risk.id, id);
    return {
      id,
      planId: newPlanId,
      title: risk.title,
      description: risk.description,
      processId: risk.processId,
      categoryId: risk.categoryId,
      cause: risk.cause,
      effect: risk.effect,
      ownerId: risk.ownerId,
      response: risk.response,
      responseMotivation: risk.responseMotivation,
      legalReferences: risk.legalReferences,
      commonControlId: risk.commonControlId,
      likelihood: risk.likelihood,
      consequence: risk.consequence,
      sortOrder: risk.sortOrder,
      carriedFromId: risk.id,
    };
  });
  await insert(risks, created('risk', riskRows));

  return { ids: riskIds, count: riskRows.length };
}

/**
 * The controls of the carried risks come along as they were decided (method, scope, frequency,
 * reporting, function, common control), without last year's status and dates; the frequency
 * makes the new years' checkpoints. Returns the new id of each carried control.
 */
async function carryControls(
  { tx, tenantId, oldPlanId, newPlanId, insert, created }: Carrying,
  riskIds: Map<string, string>,
  years: { startYear: number; endYear: number },
) {
  const oldControls = await tx
    .select()
    .from(controls)
    .where(and(eq(controls.tenantId, tenantId), eq(controls.planId, oldPlanId), isNull(controls.archivedAt)))
    .orderBy(asc(controls.sortOrder), asc(controls.createdAt));
  const itemIds = new Map<string, string>();
  const controlRows = oldControls
    .filter((control) => riskIds.has(control.riskId))
    .map((control) => {
      const id = uuidv7();
      itemIds.set(control.id, id);
      return {
        id,
        planId: newPlanId,
        riskId: riskIds.get(control.riskId)!,
        title: control.title,
        description: control.description,
        methodId: control.methodId,
        scope: control.scope,
        frequency: control.frequency,
        reportingTime: control.reportingTime,
        reportsTo: control.reportsTo,
        responsibleFunctionId: control.responsibleFunctionId,
        commonControlId: control.commonControlId,
        sortOrder: control.sortOrder,
      };
    });
  await insert(controls, created('control', controlRows));
  const from = `${years.startYear}-01-01`;
  const to = `${years.endYear}-12-31`;
  await insert(
    checkpoints,
    controlRows.flatMap((control) =>
      (control.frequency ? checkpointDates(control.frequency, from, to) : []).map((date) => ({
        controlId: control.id,
        date,
        generated: true,
      })),
    ),
  );
  return { ids: itemIds, count: controlRows.length };
}

/** Unfinished actions; their people follow in carryPeople. The dates are next year's to set. Returns the new id of each carried action. */
async function carryActions(
  { tx, tenantId, oldPlanId, newPlanId, done, insert, created }: Carrying,
  riskIds: Map<string, string>,
) {
  const oldActions = await tx
    .select()
    .from(actions)
    .where(and(eq(actions.tenantId, tenantId), eq(actions.planId, oldPlanId), isNull(actions.archivedAt)))
    .orderBy(asc(actions.sortOrder), asc(actions.createdAt));
  const itemIds = new Map<string, string>();
  const actionRows = oldActions
    .filter((action) => goesOn(null, action.statusId, done))
    .map((action) => {
      const id = uuidv7();
      itemIds.set(action.id, id);
      return {
        id,
        planId: newPlanId,
        riskId: action.riskId ? (riskIds.get(action.riskId) ?? null) : null,
        reviewId: action.reviewId,
        title: action.title,
        whatToDo: action.whatToDo,
        measuresTaken: action.measuresTaken,
        responsibleUnitId: action.responsibleUnitId,
        statusId: action.statusId,
        sortOrder: action.sortOrder,
        carriedFromId: action.id,
      };
    });
  await insert(actions, created('action', actionRows));

  return { ids: itemIds, count: actionRows.length };
}

/** Activities that go on, with the sub-activities that go on and their focus areas. Returns the new id of each carried activity. */
async function carryActivities({ tx, tenantId, oldPlanId, newPlanId, done, insert, created }: Carrying) {
  const itemIds = new Map<string, string>();
  const oldActivities = await tx
    .select()
    .from(activities)
    .where(and(eq(activities.tenantId, tenantId), eq(activities.planId, oldPlanId), isNull(activities.archivedAt)))
    .orderBy(asc(activities.sortOrder), asc(activities.createdAt));
  const oldSubs =
    oldActivities.length === 0
      ? []
      : await tx
          .select()
          .from(subActivities)
          .where(
            and(
              eq(subActivities.tenantId, tenantId),
              inArray(
                subActivities.activityId,
                oldActivities.map((activity) => activity.id),
              ),
              isNull(subActivities.archivedAt),
            ),
          )
          .orderBy(asc(subActivities.sortOrder), asc(subActivities.createdAt));
  const activityRows: Record<string, unknown>[] = [];
  const subRows: Record<string, unknown>[] = [];
  for (const activity of oldActivities) {
    const subs = oldSubs.filter((sub) => sub.activityId === activity.id);
    // Once someone has marked sub-activities to be carried over, those marks are the decision for the activity's sub-activities.
    const marked = subs.filter((sub) => sub.carryOver === 'carry_over');
    const activityGoesOn = goesOn(activity.carryOver, activity.statusId, done);
    if (!activityGoesOn && marked.length === 0) continue;
    const subsToCarry = marked.length > 0 ? marked : subs.filter((sub) => goesOn(sub.carryOver, sub.statusId, done));
    const id = uuidv7();
    itemIds.set(activity.id, id);
    activityRows.push({
      id,
      planId: newPlanId,
      number: activity.number,
      title: activity.title,
      description: activity.description,
      costAndResources: activity.costAndResources,
      performers: activity.performers,
      statusId: activity.statusId,
      sortOrder: activity.sortOrder,
      carriedFromId: activity.id,
    });
    for (const sub of subsToCarry)
      subRows.push({
        id: uuidv7(),
        activityId: id,
        number: sub.number,
        title: sub.title,
        statusId: sub.statusId,
        sortOrder: sub.sortOrder,
        carriedFromId: sub.id,
      });
  }
  await insert(activities, created('activity', activityRows as { id: string }[]));
  await insert(subActivities, created('sub_activity', subRows as { id: string }[]));
  const carriedActivityIds = oldActivities
    .filter((activity) => itemIds.has(activity.id))
    .map((activity) => activity.id);
  if (carriedActivityIds.length > 0) {
    const areas = await tx
      .select()
      .from(activityFocusAreas)
      .where(
        and(eq(activityFocusAreas.tenantId, tenantId), inArray(activityFocusAreas.activityId, carriedActivityIds)),
      );
    await insert(
      activityFocusAreas,
      areas.map((area) => ({
        activityId: itemIds.get(area.activityId)!,
        focusAreaId: area.focusAreaId,
        sortOrder: area.sortOrder,
      })),
    );
  }

  return { ids: itemIds, activities: activityRows.length, subActivities: subRows.length };
}

/** The people answering for what was carried over keep answering for it. */
async function carryPeople({ tx, tenantId, insert }: Carrying, itemIds: Map<string, string>) {
  const carriedItemIds = [...itemIds.keys()];
  if (carriedItemIds.length > 0) {
    const people = await tx
      .select()
      .from(assignments)
      .where(and(eq(assignments.tenantId, tenantId), inArray(assignments.controlId, carriedItemIds)))
      .union(
        tx
          .select()
          .from(assignments)
          .where(and(eq(assignments.tenantId, tenantId), inArray(assignments.actionId, carriedItemIds))),
      )
      .union(
        tx
          .select()
          .from(assignments)
          .where(and(eq(assignments.tenantId, tenantId), inArray(assignments.activityId, carriedItemIds))),
      );
    await insert(
      assignments,
      people.map((person) => ({
        id: uuidv7(),
        controlId: person.controlId ? itemIds.get(person.controlId)! : null,
        actionId: person.actionId ? itemIds.get(person.actionId)! : null,
        activityId: person.activityId ? itemIds.get(person.activityId)! : null,
        userId: person.userId,
        role: person.role,
        sortOrder: person.sortOrder,
      })),
    );
  }
}
