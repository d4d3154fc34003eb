import { uuidv7 } from 'uuidv7';
import { checkpointDates, frequencyFromText, type ControlFrequency } from '../../domain/control-frequency.ts';
import { parsePlanPeriod } from '../../domain/plan.ts';
import type { VocabularyKind } from '../../domain/vocabulary.ts';
import { creationChanges } from '../audit/record-audit-events.ts';
import { entryIdForLabel } from '../vocabulary/entry-by-label.ts';
import type { PlanItemKind } from '../../domain/plan-item.ts';
import { actions } from '../db/schema/actions.ts';
import { activities, activityFocusAreas, subActivities } from '../db/schema/activities.ts';
import { assignments } from '../db/schema/assignments.ts';
import { checkpoints } from '../db/schema/checkpoints.ts';
import { controls } from '../db/schema/controls.ts';
import { followUps } from '../db/schema/follow-ups.ts';
import { planNotes } from '../db/schema/plan-notes.ts';
import { plans } from '../db/schema/plans.ts';
import { reviews } from '../db/schema/reviews.ts';
import { riskAssessments, risks } from '../db/schema/risks.ts';
import type { FollowUpFixture, PlanFixture } from './fixture-schema.ts';
import { insertRows, resolve, resolvePeriod, type LoadContext } from './load-context.ts';
import { FixtureError } from './read-demo-fixtures.ts';

type Item = { kind: PlanItemKind; id: string };

/** The entry a fixture's word names in the tenant's list, made (and audited) when the list lacks it. */
export async function vocabularyEntry(
  context: LoadContext,
  kind: VocabularyKind,
  label: string | undefined,
): Promise<string | null> {
  if (label === undefined) return null;
  const { id, created } = await entryIdForLabel(context.tx, context.tenantId, kind, label);
  if (created)
    context.audit.push({
      entityType: 'vocabulary_entry',
      entityId: id,
      operation: 'create',
      unitId: null,
      changes: creationChanges(created),
    });
  return id;
}

/** A frequency as a plan writes it (or its given dates), or the fixture names the field it cannot read. */
function frequencyOf(
  context: LoadContext,
  text: string | undefined,
  dates: string[] | undefined,
  field: string,
): ControlFrequency | null {
  if (dates !== undefined) return { kind: 'dates', dates: [...dates].sort() };
  if (text === undefined) return null;
  const frequency = frequencyFromText(text);
  if (!frequency)
    throw new FixtureError(context.file, field, `"${text}" is no frequency such as "Kvartalsvis" or "Per tertial"`);
  return frequency;
}

/** What a plan was carried over from (year roll-over): the earlier plan's risks and actions by title. */
export interface CarriedFrom {
  risks: Map<string, string>;
  actions: Map<string, string>;
}

/** What the loader wrote for a plan, for what is added to it afterwards. */
export interface LoadedPlan {
  planId: string;
  unitId: string;
  startYear: number;
  endYear: number;
  /** Risk and action ids by title. */
  riskIds: Map<string, string>;
  actionIds: Map<string, string>;
  controls: { id: string; riskId: string; title: string; frequency: ControlFrequency | null; reporting: string[] }[];
}

/** Writes one plan of a fixture with everything in it. */
export async function loadPlan(
  tenantContext: LoadContext,
  plan: PlanFixture,
  path: string,
  carriedFrom?: CarriedFrom,
): Promise<LoadedPlan> {
  const period = parsePlanPeriod(plan.period);
  if (!period)
    throw new FixtureError(
      tenantContext.file,
      `${path}.period`,
      `"${plan.period}" is not a year or a range such as 2020-2021`,
    );
  const unitId = resolve(tenantContext, tenantContext.units, 'unit', plan.unit, `${path}.unit`);
  // Everything in the plan belongs to its unit: readers of the unit see its history.
  const context: LoadContext = { ...tenantContext, auditUnitId: unitId };
  const planId = uuidv7();
  await insertRows(context, plans, 'plan', [
    {
      id: planId,
      unitId,
      kind: plan.kind,
      title: plan.title,
      ...period,
      state: plan.state,
      description: plan.description ?? null,
      riskMatrixId: plan.kind === 'internal_control' ? context.riskMatrixId : null,
      ...(plan.decision
        ? {
            decisionUnitId: resolve(
              context,
              context.units,
              'unit',
              plan.decision.decidedBy,
              `${path}.decision.decidedBy`,
            ),
            decisionDate: plan.decision.date,
            decisionParagraph: plan.decision.paragraph ?? null,
            diarienummer: plan.decision.diarienummer ?? null,
            // Adopted at the meeting that decided it.
            adoptedAt: new Date(`${plan.decision.date}T12:00:00Z`),
          }
        : {}),
    },
  ]);

  const riskIds = new Map<string, string>();
  const riskRows = [];
  for (const [index, risk] of plan.risks.entries()) {
    const id = uuidv7();
    riskIds.set(risk.title, id);
    riskRows.push({
      id,
      planId,
      title: risk.title,
      description: risk.description ?? null,
      processId: await vocabularyEntry(context, 'process', risk.process),
      categoryId: await vocabularyEntry(context, 'risk_category', risk.category),
      cause: risk.cause ?? null,
      effect: risk.effect ?? null,
      ownerId:
        risk.owner === undefined
          ? null
          : resolve(context, context.people, 'person', risk.owner, `${path}.risks.${index}.owner`),
      legalReferences: risk.legalReferences ?? null,
      response: risk.response ?? null,
      responseMotivation: risk.responseMotivation ?? null,
      likelihood: risk.likelihood ?? null,
      consequence: risk.consequence ?? null,
      sortOrder: index,
      carriedFromId: carriedFrom?.risks.get(risk.title) ?? null,
    });
  }
  await insertRows(context, risks, 'risk', riskRows);
  await insertRows(
    context,
    riskAssessments,
    'risk_assessment',
    riskRows.flatMap((risk) =>
      risk.likelihood !== null && risk.consequence !== null
        ? [
            {
              id: uuidv7(),
              riskId: risk.id,
              year: period.startYear,
              likelihood: risk.likelihood,
              consequence: risk.consequence,
            },
          ]
        : [],
    ),
  );

  const reviewIds = new Map<string, string>();
  await insertRows(
    context,
    reviews,
    'review',
    plan.reviews.map((review, index) => {
      const id = uuidv7();
      reviewIds.set(review.diarienummer, id);
      return {
        id,
        planId,
        riskId:
          review.risk === undefined
            ? null
            : resolve(context, riskIds, 'risk', review.risk, `${path}.reviews.${index}.risk`),
        diarienummer: review.diarienummer,
        title: review.title,
        decisionUnitId: resolve(context, context.units, 'unit', review.decidedBy, `${path}.reviews.${index}.decidedBy`),
        meetingDate: review.meetingDate,
        decisionParagraph: review.paragraph,
        findings: review.findings ?? null,
        sortOrder: index,
      };
    }),
  );

  const scheduledItems: {
    item: Item;
    fixture: PlanFixture['risks'][number]['actions'][number] | PlanFixture['risks'][number]['controls'][number];
    field: string;
  }[] = [];
  const actionIds = new Map<string, string>();
  const actionRows = [];
  const controlRows = [];
  for (const [riskIndex, risk] of plan.risks.entries()) {
    const riskId = riskIds.get(risk.title);
    for (const [index, action] of risk.actions.entries()) {
      const field = `${path}.risks.${riskIndex}.actions.${index}`;
      const id = uuidv7();
      actionIds.set(action.title, id);
      scheduledItems.push({ item: { kind: 'action', id }, fixture: action, field });
      actionRows.push({
        id,
        planId,
        riskId,
        reviewId:
          action.review === undefined ? null : resolve(context, reviewIds, 'review', action.review, `${field}.review`),
        title: action.title,
        whatToDo: action.whatToDo ?? null,
        measuresTaken: action.measuresTaken ?? null,
        responsibleUnitId:
          action.responsibleUnit === undefined
            ? null
            : resolve(context, context.units, 'unit', action.responsibleUnit, `${field}.responsibleUnit`),
        statusId: statusOf(context, action.status, `${field}.status`),
        startDate: action.startDate ?? null,
        endDate: action.endDate ?? null,
        sortOrder: actionRows.length,
        carriedFromId: carriedFrom?.actions.get(action.title) ?? null,
      });
    }
    for (const [index, control] of risk.controls.entries()) {
      const field = `${path}.risks.${riskIndex}.controls.${index}`;
      const id = uuidv7();
      scheduledItems.push({ item: { kind: 'control', id }, fixture: control, field });
      controlRows.push({
        id,
        planId,
        riskId: riskId as string,
        title: control.title,
        description: control.description ?? null,
        methodId: await vocabularyEntry(context, 'control_method', control.method),
        scope: control.scope ?? null,
        frequency: frequencyOf(context, control.frequency, control.frequencyDates, `${field}.frequency`),
        responsibleFunctionId:
          control.responsibleFunction === undefined
            ? null
            : resolve(
                context,
                context.functions,
                'function',
                control.responsibleFunction,
                `${field}.responsibleFunction`,
              ),
        reportingTime: control.reportingTime ?? null,
        reportsTo: control.reportsTo ?? [],
        statusId: statusOf(context, control.status, `${field}.status`),
        startDate: control.startDate ?? null,
        endDate: control.endDate ?? null,
        sortOrder: controlRows.length,
      });
    }
  }
  await insertRows(context, actions, 'action', actionRows);
  await insertRows(context, controls, 'control', controlRows);
  for (const { item, fixture, field } of scheduledItems) {
    await loadAssignments(context, item, fixture.responsible, fixture.reporting, field);
    // The dates the document gives, and those the control's frequency makes over the plan's years.
    const given = new Set(fixture.checkpoints);
    const control = item.kind === 'control' ? controlRows.find((row) => row.id === item.id) : undefined;
    const generated = control?.frequency
      ? checkpointDates(
          control.frequency,
          control.startDate ?? `${period.startYear}-01-01`,
          control.endDate ?? `${period.endYear}-12-31`,
        ).filter((date) => !given.has(date))
      : [];
    await insertRows(context, checkpoints, 'checkpoint', [
      ...fixture.checkpoints.map((date) => ({ id: uuidv7(), ...itemColumns(item), date })),
      ...generated.map((date) => ({ id: uuidv7(), ...itemColumns(item), date, generated: true })),
    ]);
    await loadFollowUps(context, item, fixture.followUps, `${field}.followUps`);
  }

  await loadActivities(context, planId, plan.activities, `${path}.activities`);

  const notes = [];
  for (const [index, note] of plan.notes.entries()) {
    const periodId =
      note.period === undefined ? null : await resolvePeriod(context, note.period, `${path}.notes.${index}.period`);
    notes.push({ id: uuidv7(), planId, periodId, topic: note.topic, body: note.body });
  }
  await insertRows(context, planNotes, 'plan_note', notes);
  return {
    planId,
    unitId,
    ...period,
    riskIds,
    actionIds,
    controls: controlRows.map((row) => ({
      id: row.id,
      riskId: row.riskId,
      title: row.title,
      frequency: row.frequency,
      reporting: scheduledItems.find(({ item }) => item.id === row.id)?.fixture.reporting ?? [],
    })),
  };
}

async function loadActivities(
  context: LoadContext,
  planId: string,
  fixtures: PlanFixture['activities'],
  path: string,
): Promise<void> {
  for (const [index, activity] of fixtures.entries()) {
    const field = `${path}.${index}`;
    const id = uuidv7();
    await insertRows(context, activities, 'activity', [
      {
        id,
        planId,
        number: activity.number,
        title: activity.title,
        description: activity.description ?? null,
        costAndResources: activity.costAndResources ?? null,
        performers: activity.performers ?? null,
        statusId: statusOf(context, activity.status, `${field}.status`),
        startDate: activity.startDate ?? null,
        endDate: activity.endDate ?? null,
        carryOver: activity.carryOver ?? null,
        sortOrder: index,
      },
    ]);
    await insertRows(
      context,
      subActivities,
      'sub_activity',
      activity.subActivities.map((sub, subIndex) => ({
        id: uuidv7(),
        activityId: id,
        number: sub.number,
        title: sub.title,
        statusId: statusOf(context, sub.status, `${field}.subActivities.${subIndex}.status`),
        carryOver: sub.carryOver ?? null,
        sortOrder: subIndex,
      })),
    );
    const tags = activity.focusAreas.map((name, tagIndex) => ({
      activityId: id,
      focusAreaId: resolve(context, context.focusAreas, 'focus area', name, `${field}.focusAreas.${tagIndex}`),
      sortOrder: tagIndex,
    }));
    // A join row has no id of its own; it is audited as part of its activity.
    if (tags.length > 0)
      await context.tx.insert(activityFocusAreas).values(tags.map((tag) => ({ ...tag, tenantId: context.tenantId })));
    await loadFollowUps(context, { kind: 'activity', id }, activity.followUps, `${field}.followUps`);
  }
}

function itemColumns(item: Item) {
  return {
    controlId: item.kind === 'control' ? item.id : null,
    actionId: item.kind === 'action' ? item.id : null,
    activityId: item.kind === 'activity' ? item.id : null,
  };
}

function statusOf(context: LoadContext, label: string | undefined, field: string): string | null {
  return label === undefined ? null : resolve(context, context.statuses, 'status', label, field);
}

async function loadAssignments(
  context: LoadContext,
  item: Item,
  responsible: string[],
  reporting: string[],
  field: string,
): Promise<void> {
  const rows = [
    ...responsible.map((name, index) => ({
      name,
      role: 'responsible' as const,
      index,
      field: `${field}.responsible.${index}`,
    })),
    ...reporting.map((name, index) => ({
      name,
      role: 'reporting' as const,
      index,
      field: `${field}.reporting.${index}`,
    })),
  ].map(({ name, role, index, field: nameField }) => ({
    id: uuidv7(),
    ...itemColumns(item),
    userId: resolve(context, context.people, 'person', name, nameField),
    role,
    sortOrder: index,
  }));
  await insertRows(context, assignments, 'assignment', rows);
}

async function loadFollowUps(
  context: LoadContext,
  item: Item,
  fixtures: FollowUpFixture[],
  path: string,
): Promise<void> {
  const rows = [];
  for (const [index, followUp] of fixtures.entries()) {
    const field = `${path}.${index}`;
    rows.push({
      id: uuidv7(),
      ...itemColumns(item),
      periodId: await resolvePeriod(context, followUp.period, `${field}.period`),
      reportedOn: followUp.date ?? null,
      body: followUp.body,
      analysis: followUp.analysis ?? null,
      authorId:
        followUp.author === undefined
          ? null
          : resolve(context, context.people, 'person', followUp.author, `${field}.author`),
      statusId: statusOf(context, followUp.status, `${field}.status`),
      // Printed in reports already issued: approved by the unit's chef.
      reviewState: 'approved' as const,
    });
  }
  await insertRows(context, followUps, 'follow_up', rows);
}
