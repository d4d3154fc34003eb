import { and, desc, eq, inArray, lte } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { Access } from '../../access/access.ts';
import {
  assertCurrentVersion,
  setArchived,
  updateAudited,
  type Row,
  type VersionedTable,
} from '../../audit/audited-writes.ts';
import { creationChanges, recordAuditEvents, type AuditEntry } from '../../audit/record-audit-events.ts';
import type { Transaction } from '../../db/client.ts';
import { actions } from '../../db/schema/actions.ts';
import { activities, activityFocusAreas, focusAreas, subActivities } from '../../db/schema/activities.ts';
import { assignments } from '../../db/schema/assignments.ts';
import { checkpoints } from '../../db/schema/checkpoints.ts';
import { controls } from '../../db/schema/controls.ts';
import { followUps } from '../../db/schema/follow-ups.ts';
import { plans } from '../../db/schema/plans.ts';
import { riskMatrices } from '../../db/schema/risk-matrices.ts';
import { reportingPeriods } from '../../db/schema/reporting-periods.ts';
import { riskAssessments, risks } from '../../db/schema/risks.ts';
import { users } from '../../db/schema/users.ts';
import type { AuditChanges } from '../../db/schema/audit-events.ts';
import { loadItemDetails, regenerateCheckpoints, writeItemDetails } from '../../plan-items/item-details.ts';
import { entryIdForLabel } from '../../vocabulary/entry-by-label.ts';
import type { ControlFrequency } from '../../../domain/control-frequency.ts';
import type { ImportProgress } from './model.ts';
import type { ImportTarget } from './load-target.ts';
import type { CreateOperation, NodeRef, PlannedImport } from './plan-changes.ts';
import { isNewEntryRef, type PeriodRef, type PersonRef } from './resolve-values.ts';

/** What an import wrote, by kind. */
export interface ImportCounts {
  risks: number;
  controls: number;
  actions: number;
  activities: number;
  subActivities: number;
  followUps: number;
}

export interface WrittenImport {
  planId: string;
  created: ImportCounts;
  changed: ImportCounts;
  archived: ImportCounts;
  people: number;
}

/** The count each kind of row adds to. */
export const COUNT_KEY = {
  risk: 'risks',
  control: 'controls',
  action: 'actions',
  activity: 'activities',
  subActivity: 'subActivities',
  followUp: 'followUps',
} as const;

const TABLES = {
  risk: risks,
  control: controls,
  action: actions,
  activity: activities,
  subActivity: subActivities,
  followUp: followUps,
} as const satisfies Record<keyof typeof COUNT_KEY, VersionedTable>;

const AUDIT_TYPE = {
  risk: 'risk',
  control: 'control',
  action: 'action',
  activity: 'activity',
  subActivity: 'sub_activity',
  followUp: 'follow_up',
} as const;

export function zeroCounts(): ImportCounts {
  return { risks: 0, controls: 0, actions: 0, activities: 0, subActivities: 0, followUps: 0 };
}

/**
 * Writes a planned import in the caller's transaction: the plan (if new), the people, periods
 * and focus areas it proposed, every new row, every change (each only if its row still has the
 * version the preview read: otherwise 409 and nothing is written) and every archiving, with
 * their audit events. Rows with errors and conflicts are not in the plan's writes.
 */
export async function writeImport(
  tx: Transaction,
  access: Access,
  target: ImportTarget,
  planned: PlannedImport,
  options: { planTitle: string; progress?: ImportProgress | undefined },
): Promise<WrittenImport> {
  const tenantId = access.tenantId;
  const unitId = target.unitId;
  const audit: AuditEntry[] = [];
  const auditCreate = (
    entityType: string,
    row: Record<string, unknown>,
    extra: AuditChanges = {},
    unit: string | null = unitId,
  ) =>
    audit.push({
      entityType,
      entityId: row.id as string,
      operation: 'create',
      unitId: unit,
      changes: { ...creationChanges(row), ...extra },
    });
  const total = planned.creates.length + planned.updates.length + planned.archives.length;
  let done = 0;
  const step = (count = 1) => {
    done += count;
    options.progress?.(done, total);
  };

  let planId = target.plan?.id;
  if (planId === undefined) {
    const [plan] = await tx
      .insert(plans)
      .values({
        tenantId,
        unitId,
        kind: target.kind,
        title: options.planTitle,
        startYear: target.startYear,
        endYear: target.endYear,
        riskMatrixId: target.kind === 'internal_control' ? await matrixValidIn(tx, tenantId, target.startYear) : null,
      })
      .returning();
    planId = plan!.id;
    auditCreate('plan', plan as Record<string, unknown>);
  }

  // The people, periods and focus areas the file names and the tenant does not have yet.
  const personIds = new Map<string, string>();
  const newPeople = [...planned.resolver.newPeople.values()].map((person) => {
    const id = uuidv7();
    personIds.set(person.key, id);
    return { tenantId, id, name: person.name, email: null, passwordHash: null };
  });
  for (const batch of batches(newPeople)) {
    const rows = await tx.insert(users).values(batch).returning();
    for (const row of rows) auditCreate('user', row, {}, null);
  }
  const periodIds = new Map<string, string>();
  for (const period of planned.resolver.newPeriods.values()) {
    const [row] = await tx
      .insert(reportingPeriods)
      .values({
        tenantId,
        kind: period.kind,
        number: period.number,
        year: period.year,
        startDate: period.startDate,
        endDate: period.endDate,
      })
      .returning();
    periodIds.set(period.key, row!.id);
    auditCreate('reporting_period', row as Record<string, unknown>, {}, null);
  }
  const focusAreaIds = new Map<string, string>();
  for (const [key, name] of planned.resolver.newFocusAreas) {
    const [row] = await tx.insert(focusAreas).values({ tenantId, name }).returning();
    focusAreaIds.set(key, row!.id);
    auditCreate('focus_area', row as Record<string, unknown>, {}, null);
  }
  // Words the tenant's lists lacked become entries of them, once each.
  const entryIds = new Map<string, string>();
  for (const [ref, entry] of planned.resolver.newEntries) {
    const { id, created } = await entryIdForLabel(tx, tenantId, entry.kind, entry.label);
    entryIds.set(ref, id);
    if (created) auditCreate('vocabulary_entry', created, {}, null);
  }
  const withEntries = (values: Row): Row =>
    Object.fromEntries(
      Object.entries(values).map(([field, value]) => [field, isNewEntryRef(value) ? entryIds.get(value)! : value]),
    );
  const person = (ref: PersonRef) => ('existing' in ref ? ref.existing : personIds.get(ref.created)!);
  const period = (ref: PeriodRef) => ('existing' in ref ? ref.existing : periodIds.get(ref.created)!);
  const focusArea = (ref: string) => {
    const [kind, key] = ref.split(/:(.*)/s) as [string, string];
    return kind === 'existing' ? key : focusAreaIds.get(key)!;
  };

  // Every new row gets its id first, so children can name parents created in the same import.
  const createdIds = new Map<string, string>();
  for (const create of planned.creates) createdIds.set(create.key, uuidv7());
  const node = (ref: NodeRef) => ('existing' in ref ? ref.existing : createdIds.get(ref.created)!);

  const byEntity = new Map<keyof typeof TABLES, Record<string, unknown>[]>();
  const assignmentRows: Record<string, unknown>[] = [];
  const checkpointRows: Record<string, unknown>[] = [];
  const tagRows: Record<string, unknown>[] = [];
  const assessmentRows: Record<string, unknown>[] = [];
  const extraChanges = new Map<string, AuditChanges>();
  for (const create of planned.creates) {
    const id = createdIds.get(create.key)!;
    const values: Record<string, unknown> = { ...withEntries(create.values), tenantId, id };
    switch (create.entity) {
      case 'risk':
        values.planId = planId;
        if (values.likelihood !== null && values.consequence !== null)
          assessmentRows.push({
            tenantId,
            id: uuidv7(),
            riskId: id,
            year: target.startYear,
            likelihood: values.likelihood,
            consequence: values.consequence,
          });
        break;
      case 'control':
      case 'action':
        values.planId = planId;
        values.riskId = create.risk ? node(create.risk) : null;
        break;
      case 'activity':
        values.planId = planId;
        break;
      case 'subActivity':
        values.activityId = node(create.activity!);
        break;
      case 'followUp':
        values[`${create.item!.kind}Id`] = node(create.item!.ref);
        values.periodId = period(create.period!);
        values.authorId = create.author ? person(create.author) : null;
        // What a file brings was reported and dealt with where it was written: it stands as approved.
        values.reviewState = 'approved';
        break;
    }
    if (create.entity === 'control' || create.entity === 'action' || create.entity === 'activity')
      extraChanges.set(id, itemDetailRows(create, id, tenantId, person, assignmentRows, checkpointRows));
    if (create.entity === 'activity' && create.focusAreas)
      create.focusAreas.forEach((ref, sortOrder) =>
        tagRows.push({ tenantId, activityId: id, focusAreaId: focusArea(ref), sortOrder }),
      );
    byEntity.set(create.entity, [...(byEntity.get(create.entity) ?? []), values]);
  }
  for (const entity of ['risk', 'control', 'action', 'activity', 'subActivity', 'followUp'] as const) {
    const rows = byEntity.get(entity) ?? [];
    for (const batch of batches(rows)) {
      await tx.insert(TABLES[entity]).values(batch as never);
      for (const row of batch) auditCreate(AUDIT_TYPE[entity], row, extraChanges.get(row.id as string));
      step(batch.length);
    }
  }
  for (const batch of batches(assessmentRows)) await tx.insert(riskAssessments).values(batch as never);
  for (const batch of batches(assignmentRows)) await tx.insert(assignments).values(batch as never);
  for (const batch of batches(checkpointRows)) await tx.insert(checkpoints).values(batch as never);
  for (const batch of batches(tagRows)) await tx.insert(activityFocusAreas).values(batch as never);
  // A control's frequency makes its checkpoints, beside the dates the file gives.
  for (const control of byEntity.get('control') ?? [])
    if (control.frequency)
      await regenerateCheckpoints(tx, tenantId, control.id as string, {
        frequency: control.frequency as ControlFrequency,
        from: (control.startDate as string | null) ?? `${target.startYear}-01-01`,
        to: (control.endDate as string | null) ?? `${target.endYear}-12-31`,
      });

  for (const update of planned.updates) {
    const table = TABLES[update.entity];
    const [current] = (await tx
      .select()
      .from(table)
      .where(and(eq(table.tenantId, tenantId), eq(table.id, update.id)))) as Row[];
    const values: Row = withEntries(update.values);
    if (update.risk !== undefined) values.riskId = update.risk === null ? null : node(update.risk);
    if (update.period) values.periodId = period(update.period);
    if (update.author !== undefined) values.authorId = update.author === null ? null : person(update.author);
    const itemKind =
      update.entity === 'control' || update.entity === 'action' || update.entity === 'activity' ? update.entity : null;
    await updateAudited(
      tx,
      table,
      {
        current: current!,
        expectedVersion: update.version,
        values,
        present: (row) => ({ id: row.id, title: row.title ?? null, version: row.version }),
        writeAlongside: async () => {
          const changes: AuditChanges = {};
          if (itemKind !== null && (update.responsible || update.reporting || update.checkpoints)) {
            const before = (await loadItemDetails(tx, tenantId, { [itemKind]: [update.id] })).get(update.id)!;
            Object.assign(
              changes,
              await writeItemDetails(tx, tenantId, itemKind, update.id, before, {
                ...(update.responsible ? { responsibleIds: update.responsible.map(person) } : {}),
                ...(update.reporting ? { reportingIds: update.reporting.map(person) } : {}),
                ...(update.checkpoints ? { checkpoints: update.checkpoints } : {}),
              }),
            );
          }
          if (update.entity === 'control' && ('frequency' in values || 'startDate' in values || 'endDate' in values)) {
            const next = { ...current!, ...values };
            Object.assign(
              changes,
              await regenerateCheckpoints(tx, tenantId, update.id, {
                frequency: (next.frequency as ControlFrequency | null) ?? null,
                from: (next.startDate as string | null) ?? `${target.startYear}-01-01`,
                to: (next.endDate as string | null) ?? `${target.endYear}-12-31`,
              }),
            );
          }
          if (update.entity === 'activity' && update.focusAreas) {
            const ids = update.focusAreas.map(focusArea);
            await tx
              .delete(activityFocusAreas)
              .where(and(eq(activityFocusAreas.tenantId, tenantId), eq(activityFocusAreas.activityId, update.id)));
            if (ids.length > 0)
              await tx
                .insert(activityFocusAreas)
                .values(
                  ids.map((focusAreaId, sortOrder) => ({ tenantId, activityId: update.id, focusAreaId, sortOrder })),
                );
            changes.focusAreaIds = [null, ids];
          }
          return changes;
        },
      },
      { actor: access.actor, entityType: AUDIT_TYPE[update.entity], unitId },
    );
    step();
  }

  for (const archive of planned.archives) {
    const table = TABLES[archive.entity];
    const [current] = (await tx
      .select()
      .from(table)
      .where(and(eq(table.tenantId, tenantId), inArray(table.id, [archive.id])))) as Row[];
    assertCurrentVersion(current!, archive.version, (row) => ({
      id: row.id,
      title: row.title ?? null,
      version: row.version,
    }));
    await setArchived(tx, table, current!, true, {
      actor: access.actor,
      entityType: AUDIT_TYPE[archive.entity],
      unitId,
    });
    step();
  }
  await recordAuditEvents(tx, access.actor, audit);

  const created = zeroCounts();
  const changed = zeroCounts();
  const archived = zeroCounts();
  for (const create of planned.creates) created[COUNT_KEY[create.entity]]++;
  for (const update of planned.updates) changed[COUNT_KEY[update.entity]]++;
  for (const archive of planned.archives) archived[COUNT_KEY[archive.entity]]++;
  return { planId, created, changed, archived, people: newPeople.length };
}

/** The assignments and checkpoints of a new item, and the audit fields that record them. */
function itemDetailRows(
  create: CreateOperation,
  itemId: string,
  tenantId: string,
  person: (ref: PersonRef) => string,
  assignmentRows: Record<string, unknown>[],
  checkpointRows: Record<string, unknown>[],
): AuditChanges {
  const column = `${create.entity}Id`;
  const responsibleIds = (create.responsible ?? []).map(person);
  const reportingIds = (create.reporting ?? []).map(person);
  responsibleIds.forEach((userId, sortOrder) =>
    assignmentRows.push({ tenantId, id: uuidv7(), [column]: itemId, userId, role: 'responsible', sortOrder }),
  );
  reportingIds.forEach((userId, sortOrder) =>
    assignmentRows.push({ tenantId, id: uuidv7(), [column]: itemId, userId, role: 'reporting', sortOrder }),
  );
  const dates = [...new Set(create.checkpoints ?? [])].sort();
  for (const date of dates) checkpointRows.push({ tenantId, id: uuidv7(), [column]: itemId, date });
  return {
    responsibleIds: [null, responsibleIds],
    reportingIds: [null, reportingIds],
    checkpoints: [null, dates],
  };
}

function batches<T>(rows: T[], size = 500): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < rows.length; start += size) result.push(rows.slice(start, start + size));
  return result;
}

/** The tenant's risk-matrix version valid in a year, as a new plan takes it. */
async function matrixValidIn(tx: Transaction, tenantId: string, year: number): Promise<string | null> {
  const [matrix] = await tx
    .select({ id: riskMatrices.id })
    .from(riskMatrices)
    .where(and(eq(riskMatrices.tenantId, tenantId), lte(riskMatrices.validFromYear, year)))
    .orderBy(desc(riskMatrices.validFromYear))
    .limit(1);
  return matrix?.id ?? null;
}
