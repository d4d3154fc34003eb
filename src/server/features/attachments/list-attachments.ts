import { and, eq, isNull, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { attachmentListQuery } from '../../../domain/contracts/attachments.ts';
import type { Access } from '../../access/access.ts';
import type { Database } from '../../db/client.ts';
import { attachments } from '../../db/schema/attachments.ts';
import { orderBy } from '../../http/list-helpers.ts';
import { presentAttachment, selectAttachments } from './present.ts';
import { findReadableTargetUnit, mayWriteEvidence, TARGET_COLUMNS } from './target-scope.ts';

/** A page of one target's evidence files (newest first), and whether the caller may add to them. */
export async function listAttachments(db: Database, access: Access, query: z.infer<typeof attachmentListQuery>) {
  const unitId = await findReadableTargetUnit(db, access, query.targetType, query.targetId);
  const where: SQL[] = [
    eq(attachments.tenantId, access.tenantId),
    eq(TARGET_COLUMNS[query.targetType], query.targetId),
  ];
  if (!query.includeArchived) where.push(isNull(attachments.archivedAt));
  const rows = await selectAttachments(db)
    .where(and(...where))
    .orderBy(
      ...orderBy(
        query.sort,
        { createdAt: attachments.uploadedAt, fileName: attachments.fileName },
        '-createdAt',
        attachments.id,
      ),
    )
    .limit(query.limit)
    .offset(query.offset);
  return {
    items: rows.map(presentAttachment),
    total: rows.length > 0 ? Number(rows[0]!.total) : 0,
    limit: query.limit,
    offset: query.offset,
    mayUpload: mayWriteEvidence(access, unitId),
  };
}
