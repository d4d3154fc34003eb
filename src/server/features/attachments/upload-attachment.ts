import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { z } from 'zod';
import type { attachmentUpload } from '../../../domain/contracts/attachments.ts';
import type { Access } from '../../access/access.ts';
import { recordAuditEvents } from '../../audit/record-audit-events.ts';
import type { Database } from '../../db/client.ts';
import { attachments } from '../../db/schema/attachments.ts';
import { AppError } from '../../errors.ts';
import { badTextIn } from '../../http/text-guard.ts';
import { localize } from '../../messages/messages.ts';
import { contentTypeOf, extensionOf } from './file-types.ts';
import type { ObjectStore } from './object-store.ts';
import { selectAttachments, type AttachmentRow } from './present.ts';
import { ATTACHMENT_WRITING_ROLES, findReadableTargetUnit, TARGET_FIELDS } from './target-scope.ts';

export interface UploadSettings {
  /** The largest file taken, in bytes (ATTACHMENT_MAX_MB). */
  maxBytes: number;
  /** Where the content goes; null keeps it in the database. */
  store: ObjectStore | null;
}

/** The file's name without any folder, control characters or surrounding space, at most 255 characters. */
export function cleanFileName(name: string): string {
  const base = (name.split(/[/\\]/).at(-1) ?? '')
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}\u2028\u2029]/gu, '')
    .trim();
  if (base.length <= 255) return base === '' ? 'underlag' : base;
  const extension = extensionOf(base);
  return extension === null ? base.slice(0, 255) : `${base.slice(0, 254 - extension.length)}.${extension}`;
}

/** 400 naming the file, with the limit: bad input like any other, so a form shows it at the file field. */
export function tooLarge(maxBytes: number): AppError {
  const message = localize((m) => m.attachments.tooLarge(Math.round(maxBytes / 1024 / 1024)));
  return new AppError('validation_failed', message, [{ path: 'file', message }]);
}

/**
 * Adds an evidence file to a plan, follow-up, control result, deviation, review or
 * recommendation the caller writes in: its kind found from its content, its SHA-256 computed,
 * its content kept in the database or put into object storage first. The row and its audit
 * event (without the content) are written in one transaction.
 */
export async function uploadAttachment(
  db: Database,
  access: Access,
  input: z.infer<typeof attachmentUpload>,
  settings: UploadSettings,
): Promise<AttachmentRow> {
  const unitId = await findReadableTargetUnit(db, access, input.targetType, input.targetId, 'targetId');
  access.assertRole(unitId, ATTACHMENT_WRITING_ROLES);
  const description = input.description === undefined || input.description === '' ? null : input.description;
  const badDescription = description === null ? null : badTextIn(description);
  if (badDescription)
    throw new AppError('validation_failed', undefined, [{ path: 'description', message: badDescription }]);
  const { file } = input;
  if (file.size > settings.maxBytes) throw tooLarge(settings.maxBytes);
  if (file.size === 0)
    throw new AppError('validation_failed', undefined, [
      { path: 'file', message: localize((m) => m.attachments.empty) },
    ]);
  const content = new Uint8Array(await file.arrayBuffer());
  const fileName = cleanFileName(file.name);
  const contentType = contentTypeOf(content, fileName, file.type.slice(0, 200));
  const sha256 = createHash('sha256').update(content).digest('hex');
  const id = uuidv7();
  const objectKey = settings.store ? `attachments/${access.tenantId}/${id}` : null;
  if (settings.store && objectKey) await settings.store.put(objectKey, content, contentType);
  const targetField = TARGET_FIELDS[input.targetType];
  try {
    return await db.transaction(async (tx) => {
      await tx.insert(attachments).values({
        tenantId: access.tenantId,
        id,
        [targetField]: input.targetId,
        fileName,
        contentType,
        byteSize: content.byteLength,
        sha256,
        storage: objectKey ? 'object_storage' : 'database',
        content: objectKey ? null : Buffer.from(content.buffer, content.byteOffset, content.byteLength),
        objectKey,
        description,
        uploadedById: access.userId,
      });
      await recordAuditEvents(tx, access.actor, [
        {
          entityType: 'attachment',
          entityId: id,
          operation: 'create',
          unitId,
          // What was uploaded, never the content itself.
          changes: {
            [targetField]: [null, input.targetId],
            fileName: [null, fileName],
            contentType: [null, contentType],
            byteSize: [null, content.byteLength],
            sha256: [null, sha256],
            storage: [null, objectKey ? 'object_storage' : 'database'],
            ...(objectKey ? { objectKey: [null, objectKey] } : {}),
            ...(description ? { description: [null, description] } : {}),
            uploadedById: [null, access.userId],
          },
        },
      ]);
      const [row] = await selectAttachments(tx).where(
        and(eq(attachments.tenantId, access.tenantId), eq(attachments.id, id)),
      );
      return row!;
    });
  } catch (error) {
    // Nothing points at the object now: take it away again, as far as the store lets us.
    if (settings.store && objectKey) await settings.store.forget(objectKey).catch(() => {});
    throw error;
  }
}
