import { queryOptions, type QueryClient } from '@tanstack/react-query';
import type { attachment, attachmentPage } from '../../domain/contracts/attachments.ts';
import type { AttachmentTarget } from '../../domain/control-result.ts';
import { api, apiPath } from '../lib/api.ts';
import { invalidateKeys, type Answer } from './shared.ts';

export type Attachment = Answer<typeof attachment>;
export type AttachmentPage = Answer<typeof attachmentPage>;

/** The evidence files' query keys: per target, with or without the archived ones. */
export const attachmentKeys = {
  all: ['attachments'] as const,
  target: (targetType: AttachmentTarget, targetId: string) => [...attachmentKeys.all, targetType, targetId] as const,
  list: (targetType: AttachmentTarget, targetId: string, includeArchived: boolean) =>
    [...attachmentKeys.target(targetType, targetId), { includeArchived }] as const,
};

/** A target's files (as many as a target has in practice: one page of 500). */
export function listAttachments(
  targetType: AttachmentTarget,
  targetId: string,
  includeArchived: boolean,
  signal?: AbortSignal,
) {
  return api<AttachmentPage>('/attachments', {
    query: { targetType, targetId, includeArchived, limit: 500 },
    signal,
  });
}

export const attachmentQueries = {
  list: (targetType: AttachmentTarget, targetId: string, includeArchived = false) =>
    queryOptions({
      queryKey: attachmentKeys.list(targetType, targetId, includeArchived),
      queryFn: ({ signal }) => listAttachments(targetType, targetId, includeArchived, signal),
    }),
};

export interface AttachmentUpload {
  targetType: AttachmentTarget;
  targetId: string;
  file: File;
  description?: string;
}

/** Uploads a file (multipart/form-data); the server finds its kind from its content. */
export function uploadAttachment({ targetType, targetId, file, description }: AttachmentUpload) {
  const form = new FormData();
  form.set('file', file);
  form.set('targetType', targetType);
  form.set('targetId', targetId);
  if (description) form.set('description', description);
  return api<Attachment>('/attachments', { method: 'POST', body: form });
}

/** Archives (`true`) or restores (`false`) a file; files are never deleted. */
export function setAttachmentArchived(id: string, archived: boolean) {
  return api<Attachment>(`/attachments/${id}/${archived ? 'archive' : 'restore'}`, { method: 'POST' });
}

/** Where a file is downloaded: a plain link, sent with the session cookie. */
export function attachmentContentUrl(id: string): string {
  return apiPath(`/attachments/${id}/content`);
}

/** After an upload, archive or restore: the target's lists. */
export function invalidateAttachments(queryClient: QueryClient, targetType: AttachmentTarget, targetId: string) {
  return invalidateKeys(queryClient, [attachmentKeys.target(targetType, targetId)]);
}
