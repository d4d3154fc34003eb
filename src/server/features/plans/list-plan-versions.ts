import { and, asc, eq } from 'drizzle-orm';
import type { Access } from '../../access/access.ts';
import { findReadablePlan } from '../../access/plan-scope.ts';
import type { Database } from '../../db/client.ts';
import { planVersions } from '../../db/schema/plan-versions.ts';
import { users } from '../../db/schema/users.ts';
import { AppError } from '../../errors.ts';
import { snapshotOf } from '../../plan-model/snapshot.ts';

/** The frozen versions of a plan the caller reads: the adopted one and its revisions, oldest first. */
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
    })
    .from(planVersions)
    .leftJoin(users, and(eq(users.tenantId, planVersions.tenantId), eq(users.id, planVersions.createdById)))
    .where(and(eq(planVersions.tenantId, access.tenantId), eq(planVersions.planId, planId)))
    .orderBy(asc(planVersions.revision));
  return rows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() }));
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
