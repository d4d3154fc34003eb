import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import type { OrgImportPreview, OrgImportRow } from '../../api/org-import.ts';
import { SelectField } from '../../components/fields.tsx';
import { useI18n, useLabel } from '../../i18n/i18n.tsx';
import { formatNumber } from '../../lib/format.ts';
import { changeText, rowErrorText } from './import-change-text.ts';

type RowFilter = 'all' | 'errors' | 'changes';

const FILTERS: Record<RowFilter, (row: OrgImportRow) => boolean> = {
  all: () => true,
  errors: (row) => row.outcome === 'error',
  changes: (row) => row.outcome === 'create' || row.outcome === 'change',
};

/** Rows with errors first, then in the file's order. */
const byErrorsFirst = (a: OrgImportRow, b: OrgImportRow) =>
  Number(b.outcome === 'error') - Number(a.outcome === 'error') || a.row - b.row;

/**
 * What importing the file would do: where it was read, which columns were recognised, the counts,
 * and every row with its outcome, changes and errors. Focus moves to its heading when a new
 * preview arrives, so that a screen reader starts reading there. `children` is the confirmation.
 */
export function OrgImportPreviewSection({ preview, children }: { preview: OrgImportPreview; children: ReactNode }) {
  const { t } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [preview]);
  const { summary } = preview;
  const fieldColumns = preview.columns.filter((column) => column.field !== null);
  const leftOut = preview.columns
    .filter((column) => column.field === null)
    .map((column) => `”${column.heading.trim() || t('import.untitledColumn', { column: column.column })}”`);
  return (
    <section aria-labelledby="import-preview-heading" className="section">
      <h2 id="import-preview-heading" ref={heading} tabIndex={-1}>
        {t('import.previewHeading', { fileName: preview.fileName })}
      </h2>
      <p>
        {preview.sheet !== null
          ? t('import.readFromSheet', { sheet: `”${preview.sheet}”`, row: preview.headerRow })
          : t('import.readFromRow', { row: preview.headerRow })}
      </p>
      <h3>{t('import.columns')}</h3>
      <dl className="facts facts-compact">
        {fieldColumns.map((column) => (
          <div key={column.column}>
            <dt>{column.heading}</dt>
            <dd>{t(`import.field.${column.field!}`)}</dd>
          </div>
        ))}
      </dl>
      {leftOut.length > 0 && <p>{t('import.columnsLeftOut', { headings: leftOut.join(', ') })}</p>}
      <h3>{t('import.summary')}</h3>
      <ul className="plain-list">
        <li>{t('import.count.create', { count: summary.create })}</li>
        <li>{t('import.count.change', { count: summary.change })}</li>
        <li>{t('import.count.unchanged', { count: summary.unchanged })}</li>
        <li>
          {summary.error > 0 ? (
            <strong className="field-error">{t('import.count.error', { count: summary.error })}</strong>
          ) : (
            t('import.count.error', { count: 0 })
          )}
        </li>
      </ul>
      {preview.rows.length === 0 ? <p>{t('import.noRows')}</p> : <RowTable rows={preview.rows} />}
      {children}
    </section>
  );
}

function RowTable({ rows }: { rows: OrgImportRow[] }) {
  const { t, formatLocale } = useI18n();
  const label = useLabel();
  const captionId = useId();
  const [filter, setFilter] = useState<RowFilter>('all');
  const shown = rows.filter(FILTERS[filter]).sort(byErrorsFirst);
  return (
    <>
      <div className="filter-bar">
        <SelectField
          label={t('import.show')}
          value={filter}
          onChange={(value) => setFilter(value as RowFilter)}
          options={(['all', 'errors', 'changes'] as const).map((value) => ({
            value,
            label: t(`import.show.${value}`),
          }))}
        />
      </div>
      <p role="status" className="hint">
        {t('import.shown', { shown: shown.length, total: rows.length })}
      </p>
      <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
        <table className="table import-table">
          <caption id={captionId} className="visually-hidden">
            {t('import.rowsCaption')}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('import.row')}</th>
              <th scope="col">{t('import.label')}</th>
              <th scope="col">{t('import.outcome')}</th>
              <th scope="col">{t('import.details')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => (
              <tr key={row.row}>
                <td>{formatNumber(row.row, formatLocale)}</td>
                <th scope="row">{row.label || '–'}</th>
                <td>
                  <span className={row.outcome === 'error' ? 'tag tag-warning' : 'tag'}>
                    {t(`import.outcome.${row.outcome}`)}
                  </span>
                </td>
                <td>
                  {row.changes.length > 0 && (
                    <ul className="change-list">
                      {row.changes.map((change, index) => (
                        <li key={index}>{changeText(change, t, label)}</li>
                      ))}
                    </ul>
                  )}
                  {row.errors.length > 0 && (
                    <ul className="change-list">
                      {row.errors.map((error, index) => (
                        <li key={index} className="field-error">
                          {rowErrorText(error, t)}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
