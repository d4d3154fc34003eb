import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { action } from '../../../domain/contracts/actions.ts';
import { control } from '../../../domain/contracts/controls.ts';
import { risk } from '../../../domain/contracts/risks.ts';
import { personDisplayName } from '../../../domain/person.ts';
import type { Access } from '../../access/access.ts';
import { findReadablePlan } from '../../access/plan-scope.ts';
import { readTogether, type Database } from '../../db/client.ts';
import { actions } from '../../db/schema/actions.ts';
import { controls } from '../../db/schema/controls.ts';
import { risks } from '../../db/schema/risks.ts';
import { users } from '../../db/schema/users.ts';
import type { Locale } from '../../errors.ts';
import { presentAs } from '../../http/present.ts';
import { goalIdsOf } from '../../goals/goal-links.ts';
import { vocabularyRefs } from '../../vocabulary/vocabulary-refs.ts';
import { withDetailsOfKinds } from '../../plan-items/item-commands.ts';
import { latestFollowUps, type FollowUpRow } from '../../plan-items/latest-follow-ups.ts';
import { presentPlan } from './present.ts';

const presentRisk = presentAs(risk);
const presentControl = presentAs(control);
const presentAction = presentAs(action);

function presentLatest(row: FollowUpRow | undefined) {
  if (!row) return null;
  return {
    id: row.id,
    periodId: row.periodId,
    reportedOn: row.reportedOn,
    body: row.body,
    authorId: row.authorId,
    statusId: row.statusId,
    reviewState: row.reviewState,
  };
}

/** Items by their risk ('' for none), keeping their order (Map.groupBy needs Node 21). */
function groupByRisk(items: Record<string, unknown>[]): Map<string, Record<string, unknown>[]> {
  const groups = new Map<string, Record<string, unknown>[]>();
  for (const item of items) {
    const key = (item.riskId as string | null) ?? '';
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/**
 * A whole plan in one answer: its risks in order, each with its controls and actions (persons,
 * checkpoints, status, overdue) and their newest follow-up, plus the names of everyone named.
 * A fixed number of queries whatever the plan's size.
 */
export async function planOverview(
  db: Database,
  access: Access,
  { planId, locale }: { planId: string; locale: Locale },
) {
  const plan = await findReadablePlan(db, access, planId);
  const { tenantId } = access;
  const [riskRows, controlRows, actionRows] = await readTogether(
    db,
    () =>
      db
        .select()
        .from(risks)
        .where(and(eq(risks.tenantId, tenantId), eq(risks.planId, planId), isNull(risks.archivedAt)))
        .orderBy(asc(risks.sortOrder), asc(risks.id)),
    () =>
      db
        .select()
        .from(controls)
        .where(and(eq(controls.tenantId, tenantId), eq(controls.planId, planId), isNull(controls.archivedAt)))
        .orderBy(asc(controls.sortOrder), asc(controls.id)),
    () =>
      db
        .select()
        .from(actions)
        .where(and(eq(actions.tenantId, tenantId), eq(actions.planId, planId), isNull(actions.archivedAt)))
        .orderBy(asc(actions.sortOrder), asc(actions.id)),
  );
  const [items, latest, riskGoalIds, actionGoalIds] = await readTogether(
    db,
    () => withDetailsOfKinds(db, tenantId, { control: controlRows, action: actionRows }, access.today),
    () =>
      latestFollowUps(db, tenantId, {
        controlIds: controlRows.map((row) => row.id),
        actionIds: actionRows.map((row) => row.id),
      }),
    // The goals each risk and action is linked to, as GET /risks and /actions give them.
    () =>
      goalIdsOf(
        db,
        tenantId,
        'risk',
        riskRows.map((row) => row.id),
      ),
    () =>
      goalIdsOf(
        db,
        tenantId,
        'action',
        actionRows.map((row) => row.id),
      ),
  );
  // Processes, categories and methods as references, as GET /risks and /controls give them.
  const refs = await vocabularyRefs(db, tenantId, [
    ...riskRows.flatMap((row) => [row.processId, row.categoryId]),
    ...controlRows.map((row) => row.methodId),
  ]);
  const ref = (entryId: string | null) => (entryId ? (refs.get(entryId) ?? null) : null);
  const controlItems = (items.control ?? []).map((item) => ({
    ...item,
    method: item.method ?? ref(item.methodId as string | null),
  }));
  const actionItems = (items.action ?? []).map((item) => ({
    ...item,
    goalIds: actionGoalIds.get(item.id as string) ?? [],
  }));

  const personIds = new Set<string>();
  const withLatest = <T extends Record<string, unknown>>(
    item: Record<string, unknown>,
    present: (row: Record<string, unknown>) => T,
  ) => {
    for (const id of [...(item.responsibleIds as string[]), ...(item.reportingIds as string[])]) personIds.add(id);
    const follow = latest.get(item.id as string);
    if (follow?.authorId) personIds.add(follow.authorId);
    return { ...present(item), latestFollowUp: presentLatest(follow) };
  };
  const controlsByRisk = groupByRisk(controlItems);
  const actionsByRisk = groupByRisk(actionItems);

  const result = {
    plan: presentPlan(plan),
    risks: riskRows.map((row) => ({
      ...presentRisk({
        ...row,
        process: ref(row.processId),
        category: ref(row.categoryId),
        goalIds: riskGoalIds.get(row.id) ?? [],
      }),
      controls: (controlsByRisk.get(row.id) ?? []).map((item) => withLatest(item, presentControl)),
      actions: (actionsByRisk.get(row.id) ?? []).map((item) => withLatest(item, presentAction)),
    })),
    actionsWithoutRisk: (actionsByRisk.get('') ?? []).map((item) => withLatest(item, presentAction)),
    persons: [] as { id: string; name: string }[],
  };
  if (personIds.size > 0) {
    const people = await db
      .select({ id: users.id, name: users.name, deactivatedAt: users.deactivatedAt })
      .from(users)
      .where(and(eq(users.tenantId, tenantId), inArray(users.id, [...personIds])))
      .orderBy(asc(users.name));
    result.persons = people.map((person) => ({ id: person.id, name: personDisplayName(person, locale) }));
  }
  return result;
}
