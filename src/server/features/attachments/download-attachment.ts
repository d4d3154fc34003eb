import { and, eq } from 'drizzle-orm';
import type { Access } from '../../access/access.ts';
import type { Database } from '../../db/client.ts';
import { attachments } from '../../db/schema/attachments.ts';
import { AppError } from '../../errors.ts';
import { localize } from '../../messages/messages.ts';
import { findReadableAttachment } from './find-readable-attachment.ts';
import type { ObjectStore } from './object-store.ts';
import type { AttachmentRow } from './present.ts';

/** A file's content to send: from the database, or streamed from object storage. */
export async function downloadAttachment(
  db: Database,
  access: Access,
  attachmentId: string,
  store: ObjectStore | null,
): Promise<{ row: AttachmentRow; body: Uint8Array<ArrayBuffer> | ReadableStream<Uint8Array> }> {
  const { row } = await findReadableAttachment(db, access, attachmentId);
  if (row.storage === 'object_storage') {
    if (!store || row.objectKey === null)
      throw new AppError(
        'unavailable',
        localize((m) => m.attachments.objectStorageMissing),
      );
    return { row, body: await store.get(row.objectKey) };
  }
  const [stored] = await db
    .select({ content: attachments.content })
    .from(attachments)
    .where(and(eq(attachments.tenantId, access.tenantId), eq(attachments.id, attachmentId)));
  return { row, body: new Uint8Array(stored!.content!) };
}
