import { and, asc, eq, inArray, isNull, or } from 'drizzle-orm';
import type { PlanKind } from '../../../domain/plan.ts';
import type { Database } from '../../db/client.ts';
import { actions } from '../../db/schema/actions.ts';
import { activities, activityFocusAreas, focusAreas, subActivities } from '../../db/schema/activities.ts';
import { assignments } from '../../db/schema/assignments.ts';
import { checkpoints } from '../../db/schema/checkpoints.ts';
import { controls } from '../../db/schema/controls.ts';
import { followUps } from '../../db/schema/follow-ups.ts';
import { orgUnits } from '../../db/schema/org-units.ts';
import { plans } from '../../db/schema/plans.ts';
import { reportingPeriods } from '../../db/schema/reporting-periods.ts';
import { risks } from '../../db/schema/risks.ts';
import { statuses } from '../../db/schema/statuses.ts';
import { users } from '../../db/schema/users.ts';
import { vocabularyEntries } from '../../db/schema/vocabulary-entries.ts';
import { planRiskMatrix, type PlanRiskMatrix } from '../../plan-items/plan-risk-matrix.ts';

export type PlanRow = typeof plans.$inferSelect;
export type RiskRow = typeof risks.$inferSelect;
export type ControlRow = typeof controls.$inferSelect;
export type ActionRow = typeof actions.$inferSelect;
export type ActivityRow = typeof activities.$inferSelect;
export type SubActivityRow = typeof subActivities.$inferSelect;
export type FollowUpRow = typeof followUps.$inferSelect;
export type PeriodRow = typeof reportingPeriods.$inferSelect;
export type PersonRow = Pick<typeof users.$inferSelect, 'id' | 'name' | 'email' | 'deactivatedAt'>;

/** Where an import goes: a plan that exists, or a new plan of a unit for a year. */
export interface ImportTarget {
  unitId: string;
  /** Null: the import creates the plan. */
  plan: PlanRow | null;
  kind: PlanKind;
  startYear: number;
  endYear: number;
}

/** The item an assignment, checkpoint or follow-up belongs to. */
export type ItemKey = `control:${string}` | `action:${string}` | `activity:${string}`;

/** Everything the planner compares a file with: the plan as it is, and the tenant's vocabularies. */
export interface TargetState {
  target: ImportTarget;
  unitName: string;
  matrix: PlanRiskMatrix;
  risks: RiskRow[];
  controls: ControlRow[];
  actions: ActionRow[];
  activities: ActivityRow[];
  subActivities: SubActivityRow[];
  followUps: FollowUpRow[];
  /** By item, in order: the user ids of ansvariga and rapporteringsansvariga. */
  responsible: Map<ItemKey, string[]>;
  reporting: Map<ItemKey, string[]>;
  checkpoints: Map<ItemKey, string[]>;
  /** By activity, its focus-area ids in order. */
  focusAreasOf: Map<string, string[]>;
  statuses: (typeof statuses.$inferSelect)[];
  people: PersonRow[];
  units: Pick<typeof orgUnits.$inferSelect, 'id' | 'name' | 'shortName' | 'archivedAt'>[];
  periods: PeriodRow[];
  focusAreas: (typeof focusAreas.$inferSelect)[];
  /** The tenant's processes, risk categories, control methods and severities, archived ones too. */
  vocabulary: (typeof vocabularyEntries.$inferSelect)[];
}

/** Loads the target plan's items (archived ones too, for ids a workbook still names) and the vocabularies. */
export async function loadTargetState(db: Database, tenantId: string, target: ImportTarget): Promise<TargetState> {
  const planId = target.plan?.id ?? null;
  const [unitRows, statusRows, people, units, periods, areas, vocabulary] = await Promise.all([
    db
      .select({ name: orgUnits.name })
      .from(orgUnits)
      .where(and(eq(orgUnits.tenantId, tenantId), eq(orgUnits.id, target.unitId))),
    db.select().from(statuses).where(eq(statuses.tenantId, tenantId)).orderBy(asc(statuses.sortOrder)),
    db
      .select({ id: users.id, name: users.name, email: users.email, deactivatedAt: users.deactivatedAt })
      .from(users)
      .where(eq(users.tenantId, tenantId)),
    db
      .select({ id: orgUnits.id, name: orgUnits.name, shortName: orgUnits.shortName, archivedAt: orgUnits.archivedAt })
      .from(orgUnits)
      .where(eq(orgUnits.tenantId, tenantId)),
    db.select().from(reportingPeriods).where(eq(reportingPeriods.tenantId, tenantId)),
    db.select().from(focusAreas).where(eq(focusAreas.tenantId, tenantId)),
    db
      .select()
      .from(vocabularyEntries)
      .where(eq(vocabularyEntries.tenantId, tenantId))
      .orderBy(asc(vocabularyEntries.sortOrder)),
  ]);
  const matrix = await planRiskMatrix(db, {
    tenantId,
    riskMatrixId: target.plan?.riskMatrixId ?? null,
    startYear: target.startYear,
  });
  const state: TargetState = {
    target,
    unitName: unitRows[0]?.name ?? '',
    matrix,
    risks: [],
    controls: [],
    actions: [],
    activities: [],
    subActivities: [],
    followUps: [],
    responsible: new Map(),
    reporting: new Map(),
    checkpoints: new Map(),
    focusAreasOf: new Map(),
    statuses: statusRows,
    people,
    units,
    periods,
    focusAreas: areas,
    vocabulary,
  };
  if (planId === null) return state;

  const [riskRows, controlRows, actionRows, activityRows] = await Promise.all([
    db
      .select()
      .from(risks)
      .where(and(eq(risks.tenantId, tenantId), eq(risks.planId, planId)))
      .orderBy(asc(risks.sortOrder)),
    db
      .select()
      .from(controls)
      .where(and(eq(controls.tenantId, tenantId), eq(controls.planId, planId)))
      .orderBy(asc(controls.sortOrder)),
    db
      .select()
      .from(actions)
      .where(and(eq(actions.tenantId, tenantId), eq(actions.planId, planId)))
      .orderBy(asc(actions.sortOrder)),
    db
      .select()
      .from(activities)
      .where(and(eq(activities.tenantId, tenantId), eq(activities.planId, planId)))
      .orderBy(asc(activities.sortOrder)),
  ]);
  Object.assign(state, { risks: riskRows, controls: controlRows, actions: actionRows, activities: activityRows });
  const controlIds = controlRows.map((row) => row.id);
  const actionIds = actionRows.map((row) => row.id);
  const activityIds = activityRows.map((row) => row.id);
  const itemFilter = <T extends { controlId: never; actionId: never; activityId: never }>(table: T) =>
    or(
      controlIds.length > 0 ? inArray(table.controlId, controlIds) : undefined,
      actionIds.length > 0 ? inArray(table.actionId, actionIds) : undefined,
      activityIds.length > 0 ? inArray(table.activityId, activityIds) : undefined,
    );
  if (controlIds.length + actionIds.length + activityIds.length === 0) return state;
  const [subRows, followUpRows, assignmentRows, checkpointRows, tagRows] = await Promise.all([
    activityIds.length === 0
      ? []
      : db
          .select()
          .from(subActivities)
          .where(and(eq(subActivities.tenantId, tenantId), inArray(subActivities.activityId, activityIds)))
          .orderBy(asc(subActivities.sortOrder)),
    db
      .select()
      .from(followUps)
      .where(and(eq(followUps.tenantId, tenantId), itemFilter(followUps as never)))
      .orderBy(asc(followUps.createdAt)),
    db
      .select()
      .from(assignments)
      .where(and(eq(assignments.tenantId, tenantId), itemFilter(assignments as never)))
      .orderBy(asc(assignments.sortOrder)),
    db
      .select()
      .from(checkpoints)
      .where(and(eq(checkpoints.tenantId, tenantId), itemFilter(checkpoints as never)))
      .orderBy(asc(checkpoints.date)),
    activityIds.length === 0
      ? []
      : db
          .select()
          .from(activityFocusAreas)
          .where(and(eq(activityFocusAreas.tenantId, tenantId), inArray(activityFocusAreas.activityId, activityIds)))
          .orderBy(asc(activityFocusAreas.sortOrder)),
  ]);
  state.subActivities = subRows;
  state.followUps = followUpRows;
  for (const row of assignmentRows) {
    const map = row.role === 'responsible' ? state.responsible : state.reporting;
    const key = itemKeyOf(row);
    map.set(key, [...(map.get(key) ?? []), row.userId]);
  }
  for (const row of checkpointRows) {
    const key = itemKeyOf(row);
    state.checkpoints.set(key, [...(state.checkpoints.get(key) ?? []), row.date]);
  }
  for (const row of tagRows)
    state.focusAreasOf.set(row.activityId, [...(state.focusAreasOf.get(row.activityId) ?? []), row.focusAreaId]);
  return state;
}

/** The item a row of assignments, checkpoints or follow-ups belongs to. */
export function itemKeyOf(row: {
  controlId: string | null;
  actionId: string | null;
  activityId: string | null;
}): ItemKey {
  if (row.controlId !== null) return `control:${row.controlId}`;
  if (row.actionId !== null) return `action:${row.actionId}`;
  return `activity:${row.activityId!}`;
}

/** Plans of a unit, for finding the one an import into a unit and year goes to. */
export async function plansOfUnit(db: Database, tenantId: string, unitId: string, kind: PlanKind, year: number) {
  return db
    .select()
    .from(plans)
    .where(
      and(
        eq(plans.tenantId, tenantId),
        eq(plans.unitId, unitId),
        eq(plans.kind, kind),
        eq(plans.startYear, year),
        isNull(plans.archivedAt),
      ),
    );
}
