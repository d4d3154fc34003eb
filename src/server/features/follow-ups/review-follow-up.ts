import type { FollowUpReviewState } from '../../../domain/control-result.ts';
import { MANAGING_ROLES, type Access } from '../../access/access.ts';
import { updateAudited } from '../../audit/audited-writes.ts';
import type { Transaction } from '../../db/client.ts';
import { followUps } from '../../db/schema/follow-ups.ts';
import { AppError, type LocalizedText } from '../../errors.ts';
import { isChefOf } from '../../functions/function-holders.ts';
import { localize } from '../../messages/messages.ts';
import { findReadableFollowUp } from './find-readable-follow-up.ts';
import { assertMayChange, type FollowUpRow } from './follow-up-rules.ts';
import { presentFollowUp } from './present.ts';

export interface ReviewStepOptions {
  followUpId: string;
  /** The version the caller read; a stale one is refused with 409. */
  version: number;
}

export interface ReturnFollowUpOptions extends ReviewStepOptions {
  /** What the author should add or change. */
  comment: string;
}

export interface ApproveFollowUpOptions extends ReviewStepOptions {
  /** A word with the approval, if any. */
  comment?: string | null;
}

/** A step that does not apply to the follow-up as it stands: 409 naming reviewState. */
function assertState(row: FollowUpRow, allowed: readonly FollowUpReviewState[], message: LocalizedText) {
  if (!allowed.includes(row.reviewState)) throw new AppError('not_yet', message, [{ path: 'reviewState', message }]);
}

/**
 * Approving and sending back belong to the unit's managers (administrator, coordinator) and to
 * its chef (ansvarig chef): whoever holds one of the unit's manager functions on the day, whatever
 * their role on the unit. The chef reviews the others' follow-ups, not their own: a follow-up the
 * chef wrote is approved by a coordinator or an administrator, so that no one approves their own
 * work unless they manage the unit anyway.
 */
async function assertMayReview(tx: Transaction, access: Access, current: FollowUpRow & { unitId: string }) {
  const { unitId } = current;
  if (access.hasRole(unitId, MANAGING_ROLES)) return access.assertRole(unitId, MANAGING_ROLES);
  access.assertRead(unitId);
  access.assertMayWrite();
  if (await isChefOf(tx, access.tenantId, access.userId, unitId, access.today)) {
    if (current.authorId !== access.userId) return;
    throw new AppError(
      'forbidden',
      localize((m) => m.followUpReview.notOwn),
    );
  }
  throw new AppError(
    'forbidden',
    localize((m) => m.followUpReview.reviewersOnly),
  );
}

async function moveTo(
  tx: Transaction,
  access: Access,
  current: FollowUpRow & { unitId: string },
  version: number,
  operation: 'submit' | 'return' | 'approve',
  values: Partial<FollowUpRow>,
) {
  const { unitId, ...stored } = current;
  return updateAudited(
    tx,
    followUps,
    { current: stored, expectedVersion: version, values, present: presentFollowUp, operation },
    { actor: access.actor, entityType: 'follow_up', unitId },
  );
}

/**
 * Skickar in a draft or a returned follow-up: its author (or a coordinator). The comment it was
 * sent back with stays until the next review step.
 */
export async function submitFollowUp(tx: Transaction, access: Access, { followUpId, version }: ReviewStepOptions) {
  const current = await findReadableFollowUp(tx, access, { followUpId });
  await assertMayChange(tx, access, current);
  assertState(
    current,
    ['draft', 'returned'],
    localize((m) => m.followUpReview.notSubmittable),
  );
  return moveTo(tx, access, current, version, 'submit', { reviewState: 'submitted' });
}

/** Skickar tillbaka a submitted (or approved) follow-up to its author with a comment. */
export async function returnFollowUp(
  tx: Transaction,
  access: Access,
  { followUpId, version, comment }: ReturnFollowUpOptions,
) {
  const current = await findReadableFollowUp(tx, access, { followUpId });
  await assertMayReview(tx, access, current);
  assertState(
    current,
    ['submitted', 'approved'],
    localize((m) => m.followUpReview.notReturnable),
  );
  if (comment.trim() === '') {
    const message = localize((m) => m.followUpReview.commentRequired);
    throw new AppError('validation_failed', undefined, [{ path: 'comment', message }]);
  }
  return moveTo(tx, access, current, version, 'return', {
    reviewState: 'returned',
    reviewComment: comment.trim(),
    reviewedById: access.userId,
    reviewedAt: access.clock.now(),
  });
}

/** Godkänner a submitted follow-up: the coordinator may then compile the report from it. */
export async function approveFollowUp(
  tx: Transaction,
  access: Access,
  { followUpId, version, comment }: ApproveFollowUpOptions,
) {
  const current = await findReadableFollowUp(tx, access, { followUpId });
  await assertMayReview(tx, access, current);
  assertState(
    current,
    ['submitted'],
    localize((m) => m.followUpReview.notApprovable),
  );
  const word = comment?.trim();
  return moveTo(tx, access, current, version, 'approve', {
    reviewState: 'approved',
    reviewComment: word ? word : null,
    reviewedById: access.userId,
    reviewedAt: access.clock.now(),
  });
}
