import type { Access } from '../../access/access.ts';
import { setArchived } from '../../audit/audited-writes.ts';
import type { Transaction } from '../../db/client.ts';
import { followUps } from '../../db/schema/follow-ups.ts';
import { findReadableFollowUp } from './find-readable-follow-up.ts';
import { assertMayChange } from './follow-up-rules.ts';

export interface ArchiveFollowUpOptions {
  followUpId: string;
  /** True archives the follow-up (it leaves the lists, nothing is deleted); false restores it. */
  archived: boolean;
}

/** Archives or restores a follow-up: its author or a coordinator. */
export async function archiveFollowUp(
  tx: Transaction,
  access: Access,
  { followUpId, archived }: ArchiveFollowUpOptions,
) {
  const current = await findReadableFollowUp(tx, access, { followUpId });
  await assertMayChange(tx, access, current);
  const { unitId, ...stored } = current;
  return setArchived(tx, followUps, stored, archived, { actor: access.actor, entityType: 'follow_up', unitId });
}
