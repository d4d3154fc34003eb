import { and, eq } from 'drizzle-orm';
import type { PlanRow } from '../../access/plan-scope.ts';
import type { Transaction } from '../../db/client.ts';
import { users } from '../../db/schema/users.ts';
import { AppError } from '../../errors.ts';
import { localize } from '../../messages/messages.ts';
import { assertVocabularyEntry } from '../../vocabulary/vocabulary-refs.ts';

interface RiskReferences {
  processId?: string | null | undefined;
  categoryId?: string | null | undefined;
  ownerId?: string | null | undefined;
}

/**
 * A risk's process and category must be entries of the tenant's vocabularies offered for the
 * plan's year (an entry the risk already has may stay though archived since); its owner a person
 * of the tenant.
 */
export async function checkRiskReferences(
  tx: Transaction,
  tenantId: string,
  plan: PlanRow,
  values: RiskReferences,
  current: RiskReferences | null,
) {
  await assertVocabularyEntry(tx, tenantId, {
    kind: 'process',
    entryId: values.processId,
    year: plan.startYear,
    path: 'processId',
    current: current?.processId ?? null,
  });
  await assertVocabularyEntry(tx, tenantId, {
    kind: 'risk_category',
    entryId: values.categoryId,
    year: plan.startYear,
    path: 'categoryId',
    current: current?.categoryId ?? null,
  });
  if (values.ownerId) {
    const [owner] = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.tenantId, tenantId), eq(users.id, values.ownerId)));
    if (!owner)
      throw new AppError('validation_failed', undefined, [
        { path: 'ownerId', message: localize((m) => m.validation.personDoesNotExist) },
      ]);
  }
}
