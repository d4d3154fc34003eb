import { and, eq } from 'drizzle-orm';
import { control } from '../../../domain/contracts/controls.ts';
import { checkpointDates, type ControlFrequency } from '../../../domain/control-frequency.ts';
import type { Access } from '../../access/access.ts';
import { findReadablePlan, type PlanRow } from '../../access/plan-scope.ts';
import type { Database, Transaction } from '../../db/client.ts';
import { controls } from '../../db/schema/controls.ts';
import { risks } from '../../db/schema/risks.ts';
import { AppError } from '../../errors.ts';
import { assertUnitFunction, functionRefs } from '../../functions/function-holders.ts';
import { localize } from '../../messages/messages.ts';
import { presentAs } from '../../http/present.ts';
import type { ItemSpec } from '../../plan-items/item-commands.ts';
import { regenerateCheckpoints } from '../../plan-items/item-details.ts';
import { assertVocabularyEntry, vocabularyRefs } from '../../vocabulary/vocabulary-refs.ts';

export const presentControl = presentAs(control);

type Row = Record<string, unknown>;

/** The days a control's frequency spreads over: its own dates, else its plan's years. */
function frequencySpan(plan: PlanRow, row: Row): { from: string; to: string } {
  return {
    from: (row.startDate as string | null) ?? `${plan.startYear}-01-01`,
    to: (row.endDate as string | null) ?? `${plan.endYear}-12-31`,
  };
}

/** The method must be one of the tenant's control methods for the plan's year; a frequency must give a date. */
async function checkControlValues(tx: Transaction, access: Access, plan: PlanRow, values: Row, current: Row | null) {
  await assertVocabularyEntry(tx, access.tenantId, {
    kind: 'control_method',
    entryId: values.methodId as string | null | undefined,
    year: plan.startYear,
    path: 'methodId',
    current: (current?.methodId as string | null | undefined) ?? null,
  });
  await assertUnitFunction(tx, access.tenantId, {
    functionId: values.responsibleFunctionId as string | null | undefined,
    path: 'responsibleFunctionId',
    current: (current?.responsibleFunctionId as string | null | undefined) ?? null,
    span: frequencySpan(plan, { ...current, ...values }),
  });
  const merged = { ...current, ...values };
  const frequency = merged.frequency as ControlFrequency | null | undefined;
  if (!frequency) return;
  const { from, to } = frequencySpan(plan, merged);
  if (checkpointDates(frequency, from, to).length === 0)
    throw new AppError('validation_failed', undefined, [
      { path: 'frequency', message: localize((m) => m.controls.frequencyGivesNoDate(from, to)) },
    ]);
}

/**
 * Shows each control's method as a reference to the tenant's entry, and its responsible
 * function with whoever holds it today.
 */
async function withMethods(db: Database, tenantId: string, rows: Row[], today: string): Promise<Row[]> {
  const refs = await vocabularyRefs(
    db,
    tenantId,
    rows.map((row) => row.methodId as string | null),
  );
  const functions = await functionRefs(
    db,
    tenantId,
    rows.map((row) => row.responsibleFunctionId as string | null),
    today,
  );
  return rows.map((row) => ({
    ...row,
    method: refs.get(row.methodId as string) ?? null,
    responsibleFunction: functions.get(row.responsibleFunctionId as string) ?? null,
  }));
}

/** Kontroller among the plan items: their table, the fields only managers change, how they are shown. */
export const controlSpec: ItemSpec = {
  kind: 'control',
  table: controls,
  managerOnlyFields: ['riskId', 'responsibleIds', 'reportingIds', 'sortOrder', 'responsibleFunctionId'],
  present: presentControl,
  decorate: withMethods,
  checkValues: checkControlValues,
  derive: (tx, tenantId, plan, row) =>
    regenerateCheckpoints(tx, tenantId, row.id as string, {
      frequency: (row.frequency as ControlFrequency | null) ?? null,
      ...frequencySpan(plan, row),
    }),
};

/** The risk a control is for: readable, and the plan follows from it. */
export async function findRisk(db: Database, access: Access, riskId: string) {
  const [risk] = await db
    .select({ planId: risks.planId })
    .from(risks)
    .where(and(eq(risks.tenantId, access.tenantId), eq(risks.id, riskId)));
  if (!risk)
    throw new AppError('validation_failed', undefined, [
      { path: 'riskId', message: localize((m) => m.validation.doesNotExist) },
    ]);
  return { planId: risk.planId, plan: await findReadablePlan(db, access, risk.planId, 'riskId') };
}
