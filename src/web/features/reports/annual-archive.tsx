import { useState } from 'react';
import { SelectField } from '../../components/fields.tsx';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { fetchAnnualArchive, type AnnualArchiveProgress } from '../../api/annual-archive.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { formatNumber } from '../../lib/format.ts';
import { useSubmit } from '../../lib/use-submit.ts';

/**
 * Årsarkiv: the e-archive package of the chosen unit (or the whole organisation) for a year,
 * downloaded with what has arrived shown as it comes, then saved as a ZIP.
 */
export function AnnualArchive({
  unitId,
  unitName,
  years,
  wholeTenant,
}: {
  unitId: string;
  unitName: string;
  /** The years the unit has an adopted plan for, newest first. */
  years: string[];
  /** Whether the person may take out the whole organisation's package. */
  wholeTenant: boolean;
}) {
  const { t, locale } = useI18n();
  const [year, setYear] = useState(years[0] ?? '');
  const [scope, setScope] = useState<'unit' | 'tenant'>('unit');
  const [progress, setProgress] = useState<AnnualArchiveProgress | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const submit = useSubmit();
  const megabytes = (bytes: number) =>
    formatNumber(Math.round((bytes / 1_048_576) * 10) / 10, locale === 'sv' ? 'sv-SE' : 'en-GB');

  const download = () =>
    void submit.run(async () => {
      setSaved(null);
      const { blob, fileName } = await fetchAnnualArchive(
        { unit: scope === 'unit' ? unitId : undefined, year, lang: locale },
        setProgress,
      );
      const link = document.createElement('a');
      link.href = URL.createObjectURL(blob);
      link.download = fileName;
      document.body.append(link);
      link.click();
      link.remove();
      URL.revokeObjectURL(link.href);
      setSaved(fileName);
      setProgress(null);
    });

  return (
    <section aria-labelledby="annual-archive">
      <h2 id="annual-archive">{t('reports.archive')}</h2>
      <p>{t('reports.archiveHelp')}</p>
      {years.length === 0 ? (
        <p>{t('reports.archiveNoYears')}</p>
      ) : (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            download();
          }}
        >
          <ErrorSummary error={submit.error} />
          <SelectField
            label={t('reports.archiveYear')}
            value={year}
            onChange={setYear}
            options={years.map((value) => ({ value, label: value }))}
            errors={submit.fieldErrors('year')}
          />
          {wholeTenant && (
            <fieldset className="field">
              <legend>{t('reports.archiveScope')}</legend>
              <label className="checkbox">
                <input type="radio" name="archive-scope" checked={scope === 'unit'} onChange={() => setScope('unit')} />{' '}
                {unitName}
              </label>
              <label className="checkbox">
                <input
                  type="radio"
                  name="archive-scope"
                  checked={scope === 'tenant'}
                  onChange={() => setScope('tenant')}
                />{' '}
                {t('reports.archiveWholeTenant')}
              </label>
            </fieldset>
          )}
          <button type="submit" className="button" disabled={submit.pending}>
            {submit.pending ? t('reports.archiveDownloading') : t('reports.archiveButton')}
          </button>
          {submit.pending && progress && (
            <div className="archive-progress">
              <progress aria-label={t('reports.archiveProgressLabel')} />
              <p role="status">
                {progress.steps === null
                  ? t('reports.archiveReceived', { size: megabytes(progress.bytes) })
                  : t('reports.archiveReceivedOf', { size: megabytes(progress.bytes), files: progress.steps })}
              </p>
            </div>
          )}
          {saved && <p role="status">{t('reports.archiveSaved', { file: saved })}</p>}
        </form>
      )}
    </section>
  );
}
