import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ORG_IMPORT_KINDS, ORG_IMPORT_MAX_BYTES } from '../../../domain/contracts/org-import.ts';
import { invalidateOrgImport } from '../../api/invalidation.ts';
import {
  confirmOrgImport,
  previewOrgImport,
  readImportFile,
  type OrgImportFile,
  type OrgImportKind,
  type OrgImportPreview,
  type OrgImportResult,
} from '../../api/org-import.ts';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { Field } from '../../components/fields.tsx';
import { LoadFailed, Loading } from '../../components/page.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { ApiError } from '../../lib/api.ts';
import { useOrgUnits } from '../../lib/reference-data.ts';
import { useMe } from '../../lib/use-me.ts';
import { useSubmit } from '../../lib/use-submit.ts';
import { AdminPage } from './admin-nav.tsx';
import { grantScope } from './grant-scope.ts';
import { OrgImportPreviewSection } from './org-import-preview.tsx';

const MAX_MEGABYTES = ORG_IMPORT_MAX_BYTES / (1024 * 1024);

/** The headings of an example file of each kind, as the import reads them (semicolons, as Swedish Excel saves CSV). */
const EXAMPLE_HEADINGS: Record<OrgImportKind, string> = {
  units: 'Namn;Typ;Överordnad;Kod',
  people: 'Namn;E-post;Titel;Enhet;Roll',
};
const EXAMPLE_FILE_NAMES: Record<OrgImportKind, string> = {
  units: 'enheter.csv',
  people: 'personer-och-roller.csv',
};

/** An example file to fill in, as a link: UTF-8 with a byte-order mark, so that Excel reads å, ä and ö. */
function exampleFileHref(kind: OrgImportKind): string {
  return `data:text/csv;charset=utf-8,${encodeURIComponent(`\uFEFF${EXAMPLE_HEADINGS[kind]}\r\n`)}`;
}

/**
 * The organisation in one go: a file of units, or of people and their roles, is previewed row by
 * row (nothing is written), then imported as previewed. Only the tenant administrator may import.
 */
export function OrgImportPage() {
  const { t } = useI18n();
  const me = useMe();
  const units = useOrgUnits();
  const title = t('import.title');
  const error = me.error ?? units.error;
  if (error)
    return (
      <AdminPage title={title}>
        <LoadFailed error={error} />
      </AdminPage>
    );
  if (!me.data || !units.data)
    return (
      <AdminPage title={title}>
        <Loading />
      </AdminPage>
    );
  return (
    <AdminPage title={title}>
      <p className="lead">{t('import.intro')}</p>
      {grantScope(me.data, units.data).isTenantAdministrator ? (
        <OrgImport />
      ) : (
        <p className="notice">{t('import.onlyTenantAdministrator')}</p>
      )}
    </AdminPage>
  );
}

/** A refusal made here before anything is sent, in the shape the server's would have. */
function fileProblem(title: string, message: string): ApiError {
  return new ApiError({ type: 'about:blank', title, status: 400, errors: [{ path: 'content', message }] });
}

/** The preview on screen, with the file and kind it was made of (the import sends exactly these). */
interface Previewed {
  kind: OrgImportKind;
  file: OrgImportFile;
  preview: OrgImportPreview;
}

function OrgImport() {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<OrgImportKind>('units');
  const [file, setFile] = useState<File | null>(null);
  const [previewed, setPreviewed] = useState<Previewed | null>(null);
  const [done, setDone] = useState<OrgImportResult | null>(null);
  const previewSubmit = useSubmit();
  const confirmSubmit = useSubmit();

  // Each choice of kind or file starts a new round; a preview answered for an earlier round is dropped.
  const round = useRef(0);

  /** A choice of kind or file makes the preview on screen stale: it goes, with what was said about it. */
  function startOver() {
    round.current += 1;
    setPreviewed(null);
    setDone(null);
    previewSubmit.setError(null);
    confirmSubmit.setError(null);
  }

  async function showPreview(previewKind: OrgImportKind, body: OrgImportFile) {
    const asked = round.current;
    const preview = await previewOrgImport(previewKind, body);
    if (asked !== round.current) return;
    confirmSubmit.setError(null);
    setDone(null);
    setPreviewed({ kind: previewKind, file: body, preview });
  }

  function preview(event: FormEvent) {
    event.preventDefault();
    void previewSubmit.run(async () => {
      if (!file) throw fileProblem(t('import.cannotPreview'), t('import.chooseFile'));
      if (file.size > ORG_IMPORT_MAX_BYTES)
        throw fileProblem(t('import.cannotPreview'), t('import.tooLarge', { megabytes: MAX_MEGABYTES }));
      let body: OrgImportFile;
      try {
        body = await readImportFile(file);
      } catch {
        throw fileProblem(t('import.cannotPreview'), t('import.unreadable'));
      }
      await showPreview(kind, body);
    });
  }

  /** The same file and kind again, after the organisation changed (the confirmation's refusal stays until it is answered). */
  function previewAgain(current: Previewed) {
    void previewSubmit.run(() => showPreview(current.kind, current.file));
  }

  function confirm(current: Previewed) {
    void confirmSubmit.run(async () => {
      const result = await confirmOrgImport(current.kind, {
        ...current.file,
        fingerprint: current.preview.fingerprint,
      });
      setPreviewed(null);
      setDone(result);
      await invalidateOrgImport(queryClient, current.kind);
    });
  }

  const fileErrors = [
    ...(previewSubmit.fieldErrors('content') ?? []),
    ...(previewSubmit.fieldErrors('fileName') ?? []),
  ];
  return (
    <>
      {done && <ImportDone result={done} />}
      <ErrorSummary error={previewSubmit.error} />
      <form className="form" noValidate onSubmit={preview}>
        <fieldset className="fieldset" aria-describedby="import-kind-help">
          <legend className="field-label">{t('import.kind')}</legend>
          {ORG_IMPORT_KINDS.map((option) => (
            <label key={option} className="checkbox">
              <input
                type="radio"
                name="import-kind"
                value={option}
                checked={kind === option}
                onChange={() => {
                  setKind(option);
                  startOver();
                }}
              />{' '}
              {t(`import.kind.${option}`)}
            </label>
          ))}
          <p id="import-kind-help" className="field-description">
            {t(`import.help.${kind}`)} {t('import.nothingWritten')}
          </p>
          <p>
            <a href={exampleFileHref(kind)} download={EXAMPLE_FILE_NAMES[kind]}>
              {t(`import.example.${kind}`)}
            </a>
          </p>
        </fieldset>
        <Field
          label={t('import.file')}
          description={t('import.fileHelp', { megabytes: MAX_MEGABYTES })}
          errors={fileErrors.length > 0 ? fileErrors : undefined}
          isRequired
        >
          {(ids) => (
            <input
              {...ids}
              className="field-input"
              type="file"
              accept=".csv,.xlsx"
              onChange={(event) => {
                setFile(event.target.files?.[0] ?? null);
                startOver();
              }}
            />
          )}
        </Field>
        <button type="submit" className="button button-primary">
          {previewSubmit.pending ? t('import.previewing') : t('import.preview')}
        </button>
      </form>
      {previewed && (
        <OrgImportPreviewSection preview={previewed.preview}>
          <Confirmation
            previewed={previewed}
            pending={confirmSubmit.pending}
            error={confirmSubmit.error}
            onConfirm={() => confirm(previewed)}
            onPreviewAgain={() => previewAgain(previewed)}
          />
        </OrgImportPreviewSection>
      )}
    </>
  );
}

/**
 * The button that imports, enabled only when no row has errors and something is to be done; when
 * the organisation changed since the preview (409), or the server found errors after all (422),
 * the preview is made again from the same file.
 */
function Confirmation({
  previewed,
  pending,
  error,
  onConfirm,
  onPreviewAgain,
}: {
  previewed: Previewed;
  pending: boolean;
  error: ApiError | null;
  onConfirm: () => void;
  onPreviewAgain: () => void;
}) {
  const { t } = useI18n();
  const { summary } = previewed.preview;
  const stale = error?.status === 409;
  const blockedBy =
    summary.error > 0
      ? t('import.blockedByErrors')
      : summary.create + summary.change === 0
        ? t('import.nothingToDo')
        : stale
          ? t('import.blockedByStale')
          : null;
  return (
    <div className="section">
      {stale ? <StaleNotice onPreviewAgain={onPreviewAgain} /> : <ErrorSummary error={error} />}
      {(error?.status === 400 || error?.status === 422) && (
        <p>
          <button type="button" className="button" onClick={onPreviewAgain}>
            {t('import.previewAgain')}
          </button>
        </p>
      )}
      <div className="button-row">
        <button
          type="button"
          className="button button-primary"
          disabled={blockedBy !== null}
          aria-describedby="import-confirm-help"
          onClick={onConfirm}
        >
          {pending ? t('import.confirming') : t('import.confirm')}
        </button>
      </div>
      <p id="import-confirm-help" className="hint">
        {blockedBy ?? t('import.confirmHelp')}
      </p>
    </div>
  );
}

/** The organisation changed since the preview: nothing was imported; preview again. Read out at once. */
function StaleNotice({ onPreviewAgain }: { onPreviewAgain: () => void }) {
  const { t } = useI18n();
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => box.current?.focus(), []);
  return (
    <div ref={box} tabIndex={-1} role="alert" className="notice notice-warning">
      <p>{t('import.stale')}</p>
      <button type="button" className="button button-primary" onClick={onPreviewAgain}>
        {t('import.previewAgain')}
      </button>
    </div>
  );
}

/**
 * What the import did. The confirmation it was pressed in is gone with the preview, so focus
 * moves here, and the message is a status that is read out.
 */
function ImportDone({ result }: { result: OrgImportResult }) {
  const { t } = useI18n();
  const box = useRef<HTMLParagraphElement>(null);
  useEffect(() => box.current?.focus(), [result]);
  const counts = { create: result.summary.create, change: result.summary.change, unchanged: result.summary.unchanged };
  return (
    <p ref={box} tabIndex={-1} role="status" className="notice">
      {result.kind === 'units' ? t('import.done.units', counts) : t('import.done.people', counts)}
    </p>
  );
}
