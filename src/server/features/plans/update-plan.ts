import { and, eq, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import type { planUpdate } from '../../../domain/contracts/plans.ts';
import { MANAGING_ROLES, type Access } from '../../access/access.ts';
import { findReadablePlan } from '../../access/plan-scope.ts';
import { updateAudited } from '../../audit/audited-writes.ts';
import type { Transaction } from '../../db/client.ts';
import { plans } from '../../db/schema/plans.ts';
import { risks } from '../../db/schema/risks.ts';
import { AppError } from '../../errors.ts';
import { localize } from '../../messages/messages.ts';
import { assertLevelsFit, planRiskMatrix } from '../../plan-items/plan-risk-matrix.ts';
import { assertYearsInOrder } from './plan-rules.ts';
import { presentPlan } from './present.ts';

export interface UpdatePlanOptions {
  planId: string;
  /** The version the caller read; a stale one is refused with 409. */
  version: number;
  /** The fields to change; those left out stay as they are. */
  changes: Omit<z.infer<typeof planUpdate>, 'version'>;
}

/** The fields that record the decision: the deciding body, the meeting date, the § and the diarienummer. */
export const DECISION_FIELDS = ['decisionUnitId', 'decisionDate', 'decisionParagraph', 'diarienummer'] as const;

/**
 * An adopted (or closed) plan's decision is a record: a recorded value is not edited in place. A
 * correction or a new decision goes through a revision (POST /plans/{id}/revisions), which keeps
 * the adopted version frozen. Sending the decision unchanged (a whole form saved again) is fine,
 * and so is filling in a part that was never recorded (a plan adopted before the diarienummer
 * was known, or one taken over from another system without its decision).
 */
function assertDecisionUnchanged(
  current: typeof plans.$inferSelect,
  changes: Partial<Record<(typeof DECISION_FIELDS)[number], string | null | undefined>>,
) {
  if (current.state === 'draft') return;
  const changed = DECISION_FIELDS.filter(
    (field) => changes[field] !== undefined && current[field] !== null && (changes[field] ?? null) !== current[field],
  );
  if (changed.length === 0) return;
  const message = localize((m) => m.plans.decisionThroughRevision);
  throw new AppError(
    'locked',
    localize((m) => m.plans.decisionLocked),
    changed.map((path) => ({ path, message })),
  );
}

/**
 * A plan that changes its risk matrix (another version, or another first year and so another
 * version in force) keeps its risks on the matrix: a risk assessed beyond the new matrix's
 * levels must be reassessed first.
 */
async function assertRisksFitMatrix(
  tx: Transaction,
  next: typeof plans.$inferSelect,
  current: typeof plans.$inferSelect,
) {
  if (
    next.kind !== 'internal_control' ||
    (next.riskMatrixId === current.riskMatrixId && next.startYear === current.startYear)
  )
    return;
  const matrix = await planRiskMatrix(tx, next);
  const assessed = await tx
    .select({ title: risks.title, likelihood: risks.likelihood, consequence: risks.consequence })
    .from(risks)
    .where(and(eq(risks.tenantId, current.tenantId), eq(risks.planId, current.id), isNull(risks.archivedAt)));
  const off = assessed
    .filter((risk) => assertLevelsFit(matrix, next.startYear, risk).length > 0)
    .map((risk) => `"${risk.title}"`);
  if (off.length === 0) return;
  const path = next.riskMatrixId === current.riskMatrixId ? 'startYear' : 'riskMatrixId';
  throw new AppError('validation_failed', undefined, [
    {
      path,
      message: localize((m) =>
        m.plans.risksOutsideMatrix(
          matrix.config.likelihoodLevels.length,
          matrix.config.consequenceLevels.length,
          off.join(', '),
        ),
      ),
    },
  ]);
}

/** Changes a plan's title, years, description, or (while it is a draft) its decision. */
export async function updatePlan(tx: Transaction, access: Access, { planId, version, changes }: UpdatePlanOptions) {
  const current = await findReadablePlan(tx, access, planId);
  access.assertRole(current.unitId, MANAGING_ROLES);
  assertDecisionUnchanged(current, changes);
  await assertRisksFitMatrix(
    tx,
    {
      ...current,
      riskMatrixId: changes.riskMatrixId === undefined ? current.riskMatrixId : changes.riskMatrixId,
      startYear: changes.startYear ?? current.startYear,
    },
    current,
  );
  assertYearsInOrder(changes.startYear ?? current.startYear, changes.endYear ?? current.endYear);
  return updateAudited(
    tx,
    plans,
    { current, expectedVersion: version, values: changes, present: presentPlan },
    { actor: access.actor, entityType: 'plan', unitId: current.unitId },
  );
}
