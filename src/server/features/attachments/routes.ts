import { createRoute, z } from '@hono/zod-openapi';
import {
  attachment,
  attachmentListQuery,
  attachmentPage,
  attachmentUpload,
} from '../../../domain/contracts/attachments.ts';
import { idParams } from '../../../domain/contracts/common.ts';
import type { ObjectStorageConfig } from '../../config.ts';
import { createRouter } from '../../http/api-router.ts';
import { downloadDisposition } from '../../http/content-disposition.ts';
import { json, problems, readProblems, updateProblems } from '../../http/openapi-helpers.ts';
import { archiveAttachment } from './archive-attachment.ts';
import { downloadAttachment } from './download-attachment.ts';
import { findReadableAttachment } from './find-readable-attachment.ts';
import { listAttachments } from './list-attachments.ts';
import { s3ObjectStore } from './object-store.ts';
import { presentAttachment } from './present.ts';
import { uploadAttachment } from './upload-attachment.ts';

export interface AttachmentSettings {
  /** The largest file taken, in bytes (ATTACHMENT_MAX_MB). */
  maxBytes: number;
  /** S3-compatible storage for new files; unset, they are kept in the database. */
  objectStorage?: ObjectStorageConfig;
}

const tags = ['Attachments'];

/**
 * Evidence files (underlag) on plans, follow-ups, control results, deviations, reviews and
 * recommendations: upload, list by target, download with the caller's rights, archive and
 * restore (never delete). Whoever reads the target reads its files; whoever writes in the
 * target's unit (administrator, coordinator, responsible) adds and archives them.
 */
export function attachmentRoutes({ maxBytes, objectStorage }: AttachmentSettings) {
  const router = createRouter();
  const store = objectStorage ? s3ObjectStore(objectStorage) : null;

  router.openapi(
    createRoute({
      method: 'get',
      path: '/attachments',
      tags,
      summary: 'List the evidence files of a plan, follow-up, control result, deviation, review or recommendation',
      request: { query: attachmentListQuery },
      responses: {
        200: json(attachmentPage, 'A page of the target’s files, newest first'),
        ...problems('validation_failed', 'not_found'),
      },
    }),
    async (c) => {
      const query = c.req.valid('query');
      return c.json(await listAttachments(c.get('database').db, c.get('access'), query), 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/attachments',
      tags,
      summary: 'Upload an evidence file',
      description:
        'multipart/form-data with `file`, `targetType`, `targetId` and an optional `description`. The kind of file is found from its content; a file of a kind not taken, or whose name or declared type says it is something else, is refused with 400 naming `file`, as is a file over ATTACHMENT_MAX_MB (saying the limit).',
      request: { body: { content: { 'multipart/form-data': { schema: attachmentUpload } }, required: true } },
      responses: {
        201: json(attachment, 'Uploaded'),
        ...problems('validation_failed', 'forbidden', 'unsupported_media_type'),
      },
    }),
    async (c) => {
      const row = await uploadAttachment(c.get('database').db, c.get('access'), c.req.valid('form'), {
        maxBytes,
        store,
      });
      return c.json(presentAttachment(row), 201);
    },
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/attachments/{id}',
      tags,
      summary: 'One evidence file’s description (not its content)',
      request: { params: idParams },
      responses: { 200: json(attachment, 'The file'), ...readProblems },
    }),
    async (c) => {
      const { row } = await findReadableAttachment(c.get('database').db, c.get('access'), c.req.valid('param').id);
      return c.json(presentAttachment(row), 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/attachments/{id}/content',
      tags,
      summary: 'Download an evidence file',
      description:
        'The content with the type found at upload, as a download (Content-Disposition: attachment) that the browser must not sniff.',
      request: { params: idParams },
      responses: {
        200: {
          description: 'The file',
          content: { 'application/octet-stream': { schema: z.string().meta({ format: 'binary' }) } },
        },
        ...problems('not_found', 'unavailable'),
      },
    }),
    async (c) => {
      const { row, body } = await downloadAttachment(
        c.get('database').db,
        c.get('access'),
        c.req.valid('param').id,
        store,
      );
      return c.body(body, 200, {
        'content-type': row.contentType.startsWith('text/') ? `${row.contentType}; charset=utf-8` : row.contentType,
        'content-length': String(row.byteSize),
        'content-disposition': downloadDisposition(row.fileName),
        'x-content-type-options': 'nosniff',
        'cache-control': 'private, no-store',
        etag: `"${row.sha256}"`,
      });
    },
  );

  for (const [action, archived] of [
    ['archive', true],
    ['restore', false],
  ] as const) {
    router.openapi(
      createRoute({
        method: 'post',
        path: `/attachments/{id}/${action}`,
        tags,
        summary: archived
          ? 'Archive an evidence file (it is kept, never deleted)'
          : 'Restore an archived evidence file',
        request: { params: idParams },
        responses: { 200: json(attachment, archived ? 'Archived' : 'Restored'), ...updateProblems },
      }),
      async (c) => {
        const id = c.req.valid('param').id;
        const row = await c
          .get('database')
          .db.transaction((tx) => archiveAttachment(tx, c.get('access'), id, archived));
        return c.json(presentAttachment(row), 200);
      },
    );
  }

  return router;
}
