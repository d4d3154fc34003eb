import { and, asc, eq } from 'drizzle-orm';
import type { Access } from '../../access/access.ts';
import { findReadablePlan } from '../../access/plan-scope.ts';
import type { Database } from '../../db/client.ts';
import { orgUnits } from '../../db/schema/org-units.ts';
import { planVersions } from '../../db/schema/plan-versions.ts';
import { users } from '../../db/schema/users.ts';
import { AppError } from '../../errors.ts';
import { snapshotOf } from '../../plan-model/snapshot.ts';

/**
 * The frozen versions of a plan the caller reads: the adopted one and its revisions, oldest first,
 * each with the decision it recorded (none for a revision that kept the decision in force).
 */
export async function listPlanVersions(db: Database, access: Access, { planId }: { planId: string }) {
  await findReadablePlan(db, access, planId);
  const rows = await db
    .select({
      id: planVersions.id,
      planId: planVersions.planId,
      revision: planVersions.revision,
      reason: planVersions.reason,
      sha256: planVersions.sha256,
      createdAt: planVersions.createdAt,
      createdByName: users.name,
      decisionUnitId: planVersions.decisionUnitId,
      decisionUnitName: orgUnits.name,
      decisionDate: planVersions.decisionDate,
      decisionParagraph: planVersions.decisionParagraph,
      diarienummer: planVersions.diarienummer,
      validFrom: planVersions.validFrom,
    })
    .from(planVersions)
    .leftJoin(users, and(eq(users.tenantId, planVersions.tenantId), eq(users.id, planVersions.createdById)))
    .leftJoin(orgUnits, and(eq(orgUnits.tenantId, planVersions.tenantId), eq(orgUnits.id, planVersions.decisionUnitId)))
    .where(and(eq(planVersions.tenantId, access.tenantId), eq(planVersions.planId, planId)))
    .orderBy(asc(planVersions.revision));
  return rows.map(
    ({ decisionUnitId, decisionUnitName, decisionDate, decisionParagraph, diarienummer, validFrom, ...row }) => ({
      ...row,
      createdAt: row.createdAt.toISOString(),
      // A version records a decision when it was adopted or revised by one: it has at least its date.
      decision:
        decisionDate === null && decisionUnitId === null
          ? null
          : { decisionUnitId, decisionUnitName, decisionDate, decisionParagraph, diarienummer, validFrom },
    }),
  );
}

/** One frozen version with its snapshot (the plan's content and risk matrix as they were); not found if there is none. */
export async function findPlanVersion(
  db: Database,
  access: Access,
  { planId, revision }: { planId: string; revision: number },
) {
  const version = (await listPlanVersions(db, access, { planId })).find((entry) => entry.revision === revision);
  const snapshot = await snapshotOf(db, access.tenantId, planId, revision);
  if (!version || !snapshot) throw new AppError('not_found');
  return { ...version, snapshot };
}
