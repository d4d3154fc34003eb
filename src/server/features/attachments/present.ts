import { and, eq, sql } from 'drizzle-orm';
import type { Attachment } from '../../../domain/contracts/attachments.ts';
import { ATTACHMENT_TARGETS, type AttachmentTarget } from '../../../domain/control-result.ts';
import type { Database } from '../../db/client.ts';
import { attachments } from '../../db/schema/attachments.ts';
import { users } from '../../db/schema/users.ts';
import { TARGET_FIELDS } from './target-scope.ts';

/** Attachments with who uploaded them, never with their content (that is read only for a download). */
export function selectAttachments(db: Database) {
  return db
    .select({
      id: attachments.id,
      tenantId: attachments.tenantId,
      planId: attachments.planId,
      followUpId: attachments.followUpId,
      controlResultId: attachments.controlResultId,
      deviationId: attachments.deviationId,
      reviewId: attachments.reviewId,
      recommendationId: attachments.recommendationId,
      fileName: attachments.fileName,
      contentType: attachments.contentType,
      byteSize: attachments.byteSize,
      sha256: attachments.sha256,
      storage: attachments.storage,
      objectKey: attachments.objectKey,
      description: attachments.description,
      uploadedById: attachments.uploadedById,
      uploadedByName: users.name,
      uploadedAt: attachments.uploadedAt,
      archivedAt: attachments.archivedAt,
      total: sql<number>`count(*) over ()`,
    })
    .from(attachments)
    .leftJoin(users, and(eq(users.tenantId, attachments.tenantId), eq(users.id, attachments.uploadedById)));
}

export type AttachmentRow = Awaited<ReturnType<ReturnType<typeof selectAttachments>['execute']>>[number];

/** What the attachment is attached to: the one target column that is set. */
export function targetOf(row: AttachmentRow): { type: AttachmentTarget; id: string } {
  for (const type of ATTACHMENT_TARGETS) {
    const id = row[TARGET_FIELDS[type]];
    if (id !== null) return { type, id };
  }
  // The table's check (attachments_one_target) makes this unreachable.
  throw new Error(`Attachment ${row.id} has no target.`);
}

const iso = (value: Date | string) => (value instanceof Date ? value : new Date(value)).toISOString();

/** The whitelist of what the API shows of an attachment. */
export function presentAttachment(row: AttachmentRow): Attachment {
  const target = targetOf(row);
  return {
    id: row.id,
    targetType: target.type,
    targetId: target.id,
    fileName: row.fileName,
    contentType: row.contentType as Attachment['contentType'],
    size: row.byteSize,
    sha256: row.sha256,
    description: row.description,
    uploadedById: row.uploadedById,
    uploadedByName: row.uploadedByName,
    createdAt: iso(row.uploadedAt),
    archivedAt: row.archivedAt === null ? null : iso(row.archivedAt),
  };
}
