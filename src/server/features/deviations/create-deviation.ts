import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { deviationCreate } from '../../../domain/contracts/deviations.ts';
import type { Access } from '../../access/access.ts';
import { insertAudited } from '../../audit/audited-writes.ts';
import type { Transaction } from '../../db/client.ts';
import { deviations } from '../../db/schema/deviations.ts';
import { users } from '../../db/schema/users.ts';
import { findItemScope } from '../../plan-items/item-commands.ts';
import { checkReferences } from './deviation-rules.ts';
import { notifyDeviation } from '../../deviations/notify-deviation.ts';
import { withSeverityRefs } from '../../deviations/severity-refs.ts';
import { findReadablePlan } from '../../access/plan-scope.ts';
import { assertVocabularyEntry } from '../../vocabulary/vocabulary-refs.ts';

/** What a new deviation is: the request's fields (the control, title, severity, when and by whom it was found …). */
export type CreateDeviationOptions = z.infer<typeof deviationCreate>;

/** Records a deviation found by a control; those who answer for the control (or coordinate) may. */
export async function createDeviation(tx: Transaction, access: Access, options: CreateDeviationOptions) {
  const scope = await findItemScope(tx, access, 'control', options.controlId, 'controlId');
  access.assertItemWrite(scope.unitId, scope.assigned);
  await checkReferences(tx, access.tenantId, options.controlId, scope.planId, options);
  const plan = await findReadablePlan(tx, access, scope.planId);
  await assertVocabularyEntry(tx, access.tenantId, {
    kind: 'deviation_severity',
    entryId: options.severityId,
    year: plan.startYear,
    path: 'severityId',
  });
  const row = await insertAudited(
    tx,
    deviations,
    {
      ...options,
      foundOn: options.foundOn ?? access.today,
      foundById: options.foundById === undefined ? access.userId : options.foundById,
      tenantId: access.tenantId,
    },
    { actor: access.actor, entityType: 'deviation', unitId: scope.unitId },
  );
  const deviation = row as unknown as typeof deviations.$inferSelect;
  const [finder] = deviation.foundById
    ? await tx
        .select({ name: users.name })
        .from(users)
        .where(and(eq(users.tenantId, access.tenantId), eq(users.id, deviation.foundById)))
    : [];
  await notifyDeviation(tx, deviation, finder?.name ?? null);
  return (await withSeverityRefs(tx, access.tenantId, [deviation]))[0]!;
}
