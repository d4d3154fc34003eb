import { and, eq } from 'drizzle-orm';
import type { Access } from '../../access/access.ts';
import type { Database } from '../../db/client.ts';
import { attachments } from '../../db/schema/attachments.ts';
import { AppError } from '../../errors.ts';
import { selectAttachments, targetOf, type AttachmentRow } from './present.ts';
import { findTargetUnit } from './target-scope.ts';

/** An attachment whose target the caller reads, with the target's unit; otherwise not found. */
export async function findReadableAttachment(
  db: Database,
  access: Access,
  attachmentId: string,
): Promise<{ row: AttachmentRow; unitId: string }> {
  const [row] = await selectAttachments(db).where(
    and(eq(attachments.tenantId, access.tenantId), eq(attachments.id, attachmentId)),
  );
  if (!row) throw new AppError('not_found');
  const target = targetOf(row);
  const unitId = await findTargetUnit(db, access.tenantId, target.type, target.id);
  if (unitId === null || !access.canRead(unitId)) throw new AppError('not_found');
  return { row, unitId };
}
