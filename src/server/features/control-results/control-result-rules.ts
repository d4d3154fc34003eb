import { and, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import type { ControlOutcome } from '../../../domain/control-result.ts';
import { formatPlanPeriod } from '../../../domain/plan.ts';
import { reportingPeriodLabel } from '../../../domain/reporting-period.ts';
import type { Database, Transaction } from '../../db/client.ts';
import { controlResults } from '../../db/schema/control-results.ts';
import { controls } from '../../db/schema/controls.ts';
import { deviations } from '../../db/schema/deviations.ts';
import { plans } from '../../db/schema/plans.ts';
import { reportingPeriods } from '../../db/schema/reporting-periods.ts';
import { AppError } from '../../errors.ts';
import { localize } from '../../messages/messages.ts';

export type ControlResultRow = typeof controlResults.$inferSelect;

/** A result as stored, with the unit and plan of its control (for access and the audit). */
export type ScopedControlResult = ControlResultRow & { unitId: string; planId: string; planYear: number };

/** Results joined to their control's plan. */
export function selectWithUnit(db: Database) {
  return db
    .select({
      result: controlResults,
      unitId: plans.unitId,
      planId: plans.id,
      planYear: plans.startYear,
      total: sql<number>`count(*) over ()`,
    })
    .from(controlResults)
    .innerJoin(controls, and(eq(controls.tenantId, controlResults.tenantId), eq(controls.id, controlResults.controlId)))
    .innerJoin(plans, and(eq(plans.tenantId, controls.tenantId), eq(plans.id, controls.planId)));
}

/** The results with the ids of the deviations each found (archived deviations included, oldest first). */
export async function withDeviationIds<Row extends { id: string }>(
  db: Database,
  tenantId: string,
  rows: Row[],
): Promise<(Row & { deviationIds: string[] })[]> {
  const ids = rows.map((row) => row.id);
  const found =
    ids.length === 0
      ? []
      : await db
          .select({ id: deviations.id, resultId: deviations.resultId })
          .from(deviations)
          .where(and(eq(deviations.tenantId, tenantId), inArray(deviations.resultId, ids)))
          .orderBy(deviations.foundOn, deviations.id);
  const byResult = new Map<string, string[]>();
  for (const { id, resultId } of found) {
    if (!resultId) continue;
    const list = byResult.get(resultId) ?? [];
    list.push(id);
    byResult.set(resultId, list);
  }
  return rows.map((row) => ({ ...row, deviationIds: byResult.get(row.id) ?? [] }));
}

async function readPeriod(tx: Transaction, tenantId: string, periodId: string) {
  const [period] = await tx
    .select()
    .from(reportingPeriods)
    .where(and(eq(reportingPeriods.tenantId, tenantId), eq(reportingPeriods.id, periodId)));
  return period;
}

/**
 * A result is for one of the tenant's reporting periods within the plan's years: "Kvartal 1
 * 2027" is no period of a plan for 2026. The period is named by its printed name in the message.
 */
export async function assertPeriodInPlan(
  tx: Transaction,
  tenantId: string,
  periodId: string,
  plan: { startYear: number; endYear: number },
) {
  const period = await readPeriod(tx, tenantId, periodId);
  if (!period)
    throw new AppError('validation_failed', undefined, [
      { path: 'periodId', message: localize((m) => m.validation.doesNotExist) },
    ]);
  if (period.year >= plan.startYear && period.year <= plan.endYear) return;
  const years = formatPlanPeriod(plan);
  throw new AppError('validation_failed', undefined, [
    {
      path: 'periodId',
      message: localize((m, locale) => m.controlResults.periodOutsidePlan(reportingPeriodLabel(period, locale), years)),
    },
  ]);
}

/**
 * One current result per control and period: a second one is refused (409), naming the period,
 * so that the caller changes the one there is. `exceptId` is the result being restored.
 */
export async function assertNoCurrentResult(
  tx: Transaction,
  tenantId: string,
  { controlId, periodId, exceptId }: { controlId: string; periodId: string; exceptId?: string },
) {
  const [existing] = await tx
    .select({ id: controlResults.id })
    .from(controlResults)
    .where(
      and(
        eq(controlResults.tenantId, tenantId),
        eq(controlResults.controlId, controlId),
        eq(controlResults.periodId, periodId),
        isNull(controlResults.archivedAt),
        exceptId ? ne(controlResults.id, exceptId) : undefined,
      ),
    )
    .limit(1);
  if (!existing) return;
  const period = await readPeriod(tx, tenantId, periodId);
  throw new AppError(
    'duplicate',
    localize((m, locale) => m.controlResults.alreadyRecorded(period ? reportingPeriodLabel(period, locale) : periodId)),
    [],
    { existingId: existing.id },
  );
}

function invalid(path: string, message: ReturnType<typeof localize>): AppError {
  return new AppError('validation_failed', undefined, [{ path, message }]);
}

/**
 * What each outcome needs: "ej genomförd" its reason and no deviations; "med avvikelse" at
 * least one deviation (given now or recorded before); "utan anmärkning" no deviations. A reason
 * belongs only to "ej genomförd".
 */
export function assertOutcomeFits({
  outcome,
  reason,
  newDeviations,
  recordedDeviations,
}: {
  outcome: ControlOutcome;
  reason: string | null | undefined;
  newDeviations: number;
  recordedDeviations: number;
}) {
  const hasReason = typeof reason === 'string' && reason.trim() !== '';
  if (outcome === 'not_performed' && !hasReason)
    throw invalid(
      'reason',
      localize((m) => m.controlResults.reasonRequired),
    );
  if (outcome !== 'not_performed' && hasReason)
    throw invalid(
      'reason',
      localize((m) => m.controlResults.reasonOnlyWhenNotPerformed),
    );
  if (outcome === 'with_deviation' && newDeviations + recordedDeviations === 0)
    throw invalid(
      'deviations',
      localize((m) => m.controlResults.deviationsRequired),
    );
  if (outcome !== 'with_deviation' && newDeviations > 0)
    throw invalid(
      'deviations',
      localize((m) => m.controlResults.deviationsOnlyWithDeviation),
    );
}

/** How many deviations a result has recorded (not archived), and how many of them are open. */
export async function countDeviations(db: Database, tenantId: string, resultId: string) {
  const [counts] = await db
    .select({
      recorded: sql<number>`count(*)`,
      open: sql<number>`count(*) filter (where ${deviations.state} = 'open')`,
    })
    .from(deviations)
    .where(and(eq(deviations.tenantId, tenantId), eq(deviations.resultId, resultId), isNull(deviations.archivedAt)));
  return { recorded: Number(counts?.recorded ?? 0), open: Number(counts?.open ?? 0) };
}

/** An outcome other than "med avvikelse" would leave open deviations without the result that found them. */
export function assertNoOpenDeviations(open: number) {
  if (open > 0)
    throw invalid(
      'outcome',
      localize((m) => m.controlResults.openDeviations(open)),
    );
}
