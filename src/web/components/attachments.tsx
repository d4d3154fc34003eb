import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState, type FormEvent } from 'react';
import { ATTACHMENT_ACCEPT } from '../../domain/contracts/attachments.ts';
import type { AttachmentTarget } from '../../domain/control-result.ts';
import {
  attachmentContentUrl,
  attachmentQueries,
  invalidateAttachments,
  setAttachmentArchived,
  uploadAttachment,
  type Attachment,
} from '../api/attachments.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { ApiError } from '../lib/api.ts';
import { formatDateTime } from '../lib/format.ts';
import { useSubmit } from '../lib/use-submit.ts';
import { ErrorSummary } from './error-summary.tsx';
import { Field, InputField } from './fields.tsx';
import { LoadFailed, Loading } from './page.tsx';

/** A file's size as people read it: "820 B", "34 kB", "1,2 MB" (in Swedish). */
export function formatFileSize(bytes: number, locale: string): string {
  const [value, unit] =
    bytes < 1000 ? [bytes, 'B'] : bytes < 1_000_000 ? [bytes / 1000, 'kB'] : [bytes / 1_000_000, 'MB'];
  const digits = unit === 'B' || value >= 10 ? 0 : 1;
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value)} ${unit}`;
}

type HeadingLevel = 2 | 3 | 4 | 5 | 6;

/**
 * The evidence files (underlag) of a plan, follow-up, control result, deviation, review or
 * recommendation, e.g. the signed protocol extract: each to download, and for those who write
 * in the target's unit an upload and an archive button. Files are archived, never deleted.
 * Not inside another form: it has a form of its own. Where several are on one page, `level`
 * fits its heading under the page's and `name` says whose files they are.
 */
export function Attachments({
  targetType,
  targetId,
  level = 2,
  name,
}: {
  targetType: AttachmentTarget;
  targetId: string;
  level?: HeadingLevel;
  name?: string;
}) {
  const { t, formatLocale } = useI18n();
  const headingId = useId();
  const Heading = `h${level}` as const;
  const [showArchived, setShowArchived] = useState(false);
  const query = useQuery({
    ...attachmentQueries.list(targetType, targetId, showArchived),
    placeholderData: keepPreviousData,
  });
  const archive = useSubmit();
  const queryClient = useQueryClient();

  function toggleArchived(file: Attachment) {
    const archived = file.archivedAt === null;
    void archive.run(async () => {
      if (archived && !window.confirm(t('attachments.archiveConfirm', { name: file.fileName }))) return;
      await setAttachmentArchived(file.id, archived);
      await invalidateAttachments(queryClient, targetType, targetId);
    });
  }

  const page = query.data;
  return (
    <section className="section attachments" aria-labelledby={headingId}>
      <Heading id={headingId}>
        {t('attachments.title')}
        {name && <span className="visually-hidden"> {t('attachments.forName', { name })}</span>}
      </Heading>
      {query.error ? (
        <LoadFailed error={query.error} retry={() => void query.refetch()} />
      ) : !page ? (
        <Loading />
      ) : (
        <>
          <label className="checkbox">
            <input type="checkbox" checked={showArchived} onChange={(event) => setShowArchived(event.target.checked)} />{' '}
            {t('attachments.showArchived')}
          </label>
          <ErrorSummary error={archive.error} />
          {page.items.length === 0 ? (
            <p>{t('attachments.none')}</p>
          ) : (
            <div className="table-scroll" role="region" aria-labelledby={`${headingId}-caption`} tabIndex={0}>
              <table className="table">
                <caption id={`${headingId}-caption`} className="visually-hidden">
                  {t('attachments.files')}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t('attachments.file')}</th>
                    <th scope="col">{t('attachments.size')}</th>
                    <th scope="col">{t('attachments.uploadedBy')}</th>
                    <th scope="col">{t('attachments.uploadedAt')}</th>
                    {page.mayUpload && (
                      <th scope="col">
                        <span className="visually-hidden">{t('attachments.actions')}</span>
                      </th>
                    )}
                  </tr>
                </thead>
                <tbody>
                  {page.items.map((file) => (
                    <tr key={file.id}>
                      <th scope="row">
                        <a href={attachmentContentUrl(file.id)} download={file.fileName}>
                          {file.fileName}
                        </a>
                        {file.archivedAt !== null && ` (${t('attachments.archived')})`}
                        {file.description && <div className="muted">{file.description}</div>}
                      </th>
                      <td>{formatFileSize(file.size, formatLocale)}</td>
                      <td>{file.uploadedByName ?? '–'}</td>
                      <td>{formatDateTime(file.createdAt, formatLocale)}</td>
                      {page.mayUpload && (
                        <td>
                          <button type="button" className="button button-small" onClick={() => toggleArchived(file)}>
                            {file.archivedAt === null ? t('attachments.archive') : t('attachments.restore')}
                            <span className="visually-hidden"> {file.fileName}</span>
                          </button>
                        </td>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {page.mayUpload && <UploadForm targetType={targetType} targetId={targetId} name={name} />}
        </>
      )}
    </section>
  );
}

/** Choosing a file (the browser's own file input, reached by keyboard like any field) and sending it. */
function UploadForm({
  targetType,
  targetId,
  name,
}: {
  targetType: AttachmentTarget;
  targetId: string;
  name: string | undefined;
}) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const submit = useSubmit();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [description, setDescription] = useState('');
  const [uploaded, setUploaded] = useState<string | null>(null);

  function send(event: FormEvent) {
    event.preventDefault();
    setUploaded(null);
    void submit.run(async () => {
      if (!file)
        throw new ApiError({
          type: 'about:blank',
          title: t('attachments.cannotUpload'),
          status: 400,
          errors: [{ path: 'file', message: t('attachments.chooseFile') }],
        });
      const saved = await uploadAttachment({ targetType, targetId, file, description: description.trim() });
      await invalidateAttachments(queryClient, targetType, targetId);
      setFile(null);
      setDescription('');
      if (input.current) input.current.value = '';
      setUploaded(t('attachments.uploaded', { name: saved.fileName }));
    });
  }

  return (
    <form
      className="form"
      noValidate
      onSubmit={send}
      aria-label={name ? t('attachments.uploadFormOf', { name }) : t('attachments.uploadForm')}
    >
      <ErrorSummary error={submit.error} />
      <Field
        label={t('attachments.chooseFileLabel')}
        description={t('attachments.fileHelp')}
        errors={submit.fieldErrors('file')}
        isRequired
      >
        {(ids) => (
          <input
            {...ids}
            ref={input}
            className="field-input"
            type="file"
            accept={ATTACHMENT_ACCEPT}
            disabled={submit.pending}
            onChange={(event) => setFile(event.target.files?.[0] ?? null)}
          />
        )}
      </Field>
      <InputField
        label={t('attachments.description')}
        value={description}
        onChange={setDescription}
        errors={submit.fieldErrors('description')}
      />
      <div>
        <button type="submit" className="button" aria-disabled={submit.pending || undefined}>
          {submit.pending ? t('attachments.uploading') : t('attachments.upload')}
        </button>{' '}
        {submit.pending && <progress aria-label={t('attachments.uploading')} />}
      </div>
      <p role="status">{uploaded}</p>
    </form>
  );
}

/**
 * The evidence files of one of many things on a page (a control's result of a period, a
 * recommendation), behind a disclosure: read only when opened, so a long page asks for none
 * until someone looks.
 */
export function AttachmentsDisclosure({
  targetType,
  targetId,
  name,
  level,
}: {
  targetType: AttachmentTarget;
  targetId: string;
  /** Whose files: "Kvartal 1 2026", "Rekommendation 2". */
  name: string;
  level: HeadingLevel;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  return (
    <details className="attachments-disclosure" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>{t('attachments.of', { name })}</summary>
      {open && <Attachments targetType={targetType} targetId={targetId} level={level} name={name} />}
    </details>
  );
}
