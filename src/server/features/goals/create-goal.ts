import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { goalCreate } from '../../../domain/contracts/goals.ts';
import { MANAGING_ROLES, type Access } from '../../access/access.ts';
import { insertAudited } from '../../audit/audited-writes.ts';
import type { Transaction } from '../../db/client.ts';
import { goals } from '../../db/schema/goals.ts';
import { orgUnits } from '../../db/schema/org-units.ts';
import { AppError } from '../../errors.ts';
import { localize } from '../../messages/messages.ts';

/** The new goal: its unit, year and title, and what else the request gives. */
export type CreateGoalOptions = z.infer<typeof goalCreate>;

/**
 * Adds a goal to a unit's register for a year (the unit's administrator or coordinator).
 * Without a position it goes last among the unit's goals of that year.
 */
export async function createGoal(tx: Transaction, access: Access, options: CreateGoalOptions) {
  const [unit] = await tx
    .select({ id: orgUnits.id })
    .from(orgUnits)
    .where(and(eq(orgUnits.tenantId, access.tenantId), eq(orgUnits.id, options.unitId)));
  if (!unit || !access.canRead(unit.id))
    throw new AppError('validation_failed', undefined, [
      { path: 'unitId', message: localize((m) => m.validation.doesNotExist) },
    ]);
  access.assertRole(unit.id, MANAGING_ROLES);
  let sortOrder = options.sortOrder;
  if (sortOrder === undefined) {
    const [last] = await tx
      .select({ next: sql<number>`coalesce(max(${goals.sortOrder}) + 1, 0)` })
      .from(goals)
      .where(and(eq(goals.tenantId, access.tenantId), eq(goals.unitId, unit.id), eq(goals.year, options.year)));
    sortOrder = Number(last?.next ?? 0);
  }
  return insertAudited(
    tx,
    goals,
    {
      tenantId: access.tenantId,
      unitId: unit.id,
      year: options.year,
      title: options.title,
      description: options.description ?? null,
      indicator: options.indicator ?? null,
      target: options.target ?? null,
      sortOrder,
    },
    { actor: access.actor, entityType: 'goal', unitId: unit.id },
  );
}
