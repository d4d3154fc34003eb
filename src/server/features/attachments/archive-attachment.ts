import { and, eq, sql } from 'drizzle-orm';
import type { Access } from '../../access/access.ts';
import { recordAuditEvents } from '../../audit/record-audit-events.ts';
import type { Transaction } from '../../db/client.ts';
import { attachments } from '../../db/schema/attachments.ts';
import { findReadableAttachment } from './find-readable-attachment.ts';
import type { AttachmentRow } from './present.ts';
import { ATTACHMENT_WRITING_ROLES } from './target-scope.ts';

/**
 * Archives (true) or restores (false) an evidence file: it leaves the target's list, and is never
 * deleted. For those who may add files to the target.
 */
export async function archiveAttachment(
  tx: Transaction,
  access: Access,
  attachmentId: string,
  archived: boolean,
): Promise<AttachmentRow> {
  const { row, unitId } = await findReadableAttachment(tx, access, attachmentId);
  access.assertRole(unitId, ATTACHMENT_WRITING_ROLES);
  if ((row.archivedAt !== null) === archived) return row;
  const [changed] = await tx
    .update(attachments)
    .set({ archivedAt: archived ? sql`now()` : null })
    .where(and(eq(attachments.tenantId, access.tenantId), eq(attachments.id, attachmentId)))
    .returning({ archivedAt: attachments.archivedAt });
  await recordAuditEvents(tx, access.actor, [
    {
      entityType: 'attachment',
      entityId: attachmentId,
      operation: archived ? 'archive' : 'restore',
      unitId,
      changes: { archivedAt: [row.archivedAt, changed!.archivedAt] },
    },
  ]);
  return { ...row, archivedAt: changed!.archivedAt };
}
