import { z } from 'zod';
import { ATTACHMENT_TARGETS } from '../control-result.ts';
import { archivedField, id, includeArchivedQuery, listQuery, page, timestamp } from './common.ts';

/** The largest evidence file by default, in bytes (configurable: ATTACHMENT_MAX_MB). */
export const ATTACHMENT_DEFAULT_MAX_BYTES = 25 * 1024 * 1024;

/** The kinds of file evidence may be, as found in the file's content (not its name). */
export const ATTACHMENT_CONTENT_TYPES = [
  'application/pdf',
  'image/png',
  'image/jpeg',
  'image/gif',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
  'application/vnd.oasis.opendocument.presentation',
  'application/vnd.oasis.opendocument.graphics',
  'text/plain',
  'text/csv',
] as const;
export type AttachmentContentType = (typeof ATTACHMENT_CONTENT_TYPES)[number];

/** What a file input offers to choose: the same kinds, by type and by name. */
export const ATTACHMENT_ACCEPT = [
  ...ATTACHMENT_CONTENT_TYPES,
  '.pdf',
  '.png',
  '.jpg',
  '.jpeg',
  '.gif',
  '.docx',
  '.xlsx',
  '.pptx',
  '.odt',
  '.ods',
  '.odp',
  '.odg',
  '.txt',
  '.csv',
].join(',');

const targetType = z.enum(ATTACHMENT_TARGETS).meta({
  description:
    'What the file is attached to: a plan, a follow-up, a control result, a deviation, a review or a recommendation.',
});

/**
 * An evidence file (underlag), e.g. the signed protocol extract, without its content: that is
 * downloaded from /attachments/{id}/content.
 */
export const attachment = z
  .object({
    id,
    targetType,
    targetId: id,
    fileName: z.string(),
    contentType: z
      .enum(ATTACHMENT_CONTENT_TYPES)
      .meta({ description: 'As found in the file’s content, not as the uploading browser claimed.' }),
    size: z.int().meta({ description: 'In bytes.' }),
    sha256: z.string().meta({ description: 'The SHA-256 of the content, in hex: to check a downloaded copy.' }),
    description: z.string().nullable(),
    uploadedById: id.nullable(),
    uploadedByName: z.string().nullable().meta({ description: 'Who uploaded it.' }),
    createdAt: timestamp.meta({ description: 'When it was uploaded.' }),
    ...archivedField,
  })
  .meta({ id: 'Attachment' });

/** The form of an upload (multipart/form-data). */
export const attachmentUpload = z
  .object({
    file: z.file().meta({
      type: 'string',
      format: 'binary',
      description:
        'The file: PDF, PNG, JPEG, GIF, Word/Excel/PowerPoint (.docx, .xlsx, .pptx), OpenDocument or text (UTF-8, e.g. CSV); at most ATTACHMENT_MAX_MB (25 MB by default).',
    }),
    targetType,
    targetId: id,
    description: z.string().trim().max(500).optional(),
  })
  .meta({ id: 'AttachmentUpload' });

export const attachmentListQuery = z.strictObject({
  ...listQuery(['createdAt', 'fileName']),
  targetType,
  targetId: id,
  includeArchived: includeArchivedQuery,
});

/** A page of a target's files, and whether the caller may add to them (and archive them). */
export const attachmentPage = page(attachment).extend({
  mayUpload: z.boolean().meta({ description: 'Whether the caller may upload files to the target and archive them.' }),
});

export type Attachment = z.infer<typeof attachment>;
export type AttachmentPage = z.infer<typeof attachmentPage>;
