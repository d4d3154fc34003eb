import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  recommendationAddresseeCreate,
  recommendationAddresseeUpdate,
} from '../../../domain/contracts/recommendations.ts';
import { MANAGING_ROLES, type Access } from '../../access/access.ts';
import { insertAudited, updateAudited } from '../../audit/audited-writes.ts';
import { creationChanges, recordAuditEvents } from '../../audit/record-audit-events.ts';
import type { Database, Transaction } from '../../db/client.ts';
import { recommendationAddressees } from '../../db/schema/recommendation-addressees.ts';
import { AppError } from '../../errors.ts';
import { localize } from '../../messages/messages.ts';
import { findReadableRecommendation } from './find-readable-recommendation.ts';
import { presentAddressee } from './present.ts';
import { assertManagesRecommendation, checkAddressedUnit } from './recommendation-rules.ts';

const ENTITY_TYPE = 'recommendation_addressee';

/**
 * Addresses a recommendation to a nämnd (one more unit of a review that spans several): for
 * the managers of the review's unit. The unit must be of the tenant and not addressed already.
 */
export async function addAddressee(
  tx: Transaction,
  access: Access,
  recommendationId: string,
  input: z.infer<typeof recommendationAddresseeCreate>,
) {
  const recommendation = await findReadableRecommendation(tx, access, { recommendationId });
  assertManagesRecommendation(access, recommendation.unitId);
  await checkAddressedUnit(tx, access.tenantId, input.unitId);
  if (recommendation.addressees.some((addressee) => addressee.unitId === input.unitId))
    throw new AppError('validation_failed', undefined, [
      { path: 'unitId', message: localize((m) => m.recommendationsToUnits.alreadyAddressed) },
    ]);
  return insertAudited(
    tx,
    recommendationAddressees,
    {
      sortOrder: recommendation.addressees.length,
      ...input,
      recommendationId,
      tenantId: access.tenantId,
    },
    { actor: access.actor, entityType: ENTITY_TYPE, unitId: input.unitId },
  );
}

/**
 * An addressee the caller reads (they read its recommendation), with what they may do: the
 * review's unit's managers maintain it all, the addressed unit's managers and responsible
 * people write its answer.
 */
export async function findReadableAddressee(db: Database, access: Access, addresseeId: string) {
  const [addressee] = await db
    .select()
    .from(recommendationAddressees)
    .where(and(eq(recommendationAddressees.tenantId, access.tenantId), eq(recommendationAddressees.id, addresseeId)));
  if (!addressee) throw new AppError('not_found');
  const recommendation = await findReadableRecommendation(db, access, {
    recommendationId: addressee.recommendationId,
  });
  return { ...addressee, reviewUnitId: recommendation.unitId };
}

function assertMayAnswer(access: Access, addressee: { unitId: string; reviewUnitId: string }): void {
  access.assertMayWrite();
  if (access.hasRole(addressee.reviewUnitId, MANAGING_ROLES)) return;
  if (access.hasRole(addressee.unitId, [...MANAGING_ROLES, 'responsible'])) return;
  throw new AppError(
    'forbidden',
    localize((m) => m.access.roleDoesNotAllow),
  );
}

/** Writes a nämnd's answer to a recommendation: its answer, the date, what was done, a due date, its status. */
export async function changeAddressee(
  tx: Transaction,
  access: Access,
  addresseeId: string,
  version: number,
  changes: Omit<z.infer<typeof recommendationAddresseeUpdate>, 'version'>,
) {
  const { reviewUnitId, ...current } = await findReadableAddressee(tx, access, addresseeId);
  assertMayAnswer(access, { unitId: current.unitId, reviewUnitId });
  return updateAudited(
    tx,
    recommendationAddressees,
    { current, expectedVersion: version, values: changes, present: presentAddressee },
    { actor: access.actor, entityType: ENTITY_TYPE, unitId: current.unitId },
  );
}

/**
 * Takes back an addressee added by mistake: for the review's unit's managers, and only while
 * the nämnd has written nothing (no answer, date, actions or status). The table keeps no
 * archive mark; once something is written it stays, and the removal is in the audit log.
 */
export async function removeAddressee(tx: Transaction, access: Access, addresseeId: string) {
  const { reviewUnitId, ...current } = await findReadableAddressee(tx, access, addresseeId);
  assertManagesRecommendation(access, reviewUnitId);
  if (current.answer !== null || current.answeredOn !== null || current.actionsTaken !== null || current.statusId)
    throw new AppError(
      'validation_failed',
      localize((m) => m.recommendationsToUnits.answeredIsKept),
    );
  await tx
    .delete(recommendationAddressees)
    .where(and(eq(recommendationAddressees.tenantId, access.tenantId), eq(recommendationAddressees.id, addresseeId)));
  await recordAuditEvents(tx, access.actor, [
    {
      entityType: ENTITY_TYPE,
      entityId: addresseeId,
      operation: 'delete',
      unitId: current.unitId,
      changes: Object.fromEntries(
        Object.entries(creationChanges(current)).map(([field, [, value]]) => [field, [value, null]]),
      ),
    },
  ]);
}
