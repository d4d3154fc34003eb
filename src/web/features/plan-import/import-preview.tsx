import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { invalidatePlanImport } from '../../api/invalidation.ts';
import {
  confirmPlanImport,
  planImportQueries,
  type ImportOutcome,
  type PlanImport,
  type PlanImportRow,
} from '../../api/plan-imports.ts';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { SelectField } from '../../components/fields.tsx';
import { LoadFailed } from '../../components/page.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useSubmit } from '../../lib/use-submit.ts';
import { changeText, issueText, rowPlace } from './import-texts.ts';

/** The rows a page of the preview shows. */
export const ROWS_PER_PAGE = 50;

/** The preview's filters: all rows, or the rows of one outcome. */
const FILTERS = ['all', 'error', 'conflict', 'create', 'change', 'archive'] as const;
type RowFilter = (typeof FILTERS)[number];

const isFilter = (value: string): value is RowFilter => (FILTERS as readonly string[]).includes(value);

/**
 * What importing the file would do: the counts, the file's own errors and warnings, the people
 * who would be created, and the rows a page at a time (filterable to errors, conflicts, new,
 * changed and archived), then the confirmation. Focus moves to its heading when a preview arrives.
 */
export function ImportPreview({ item }: { item: PlanImport }) {
  const { t } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [item.fingerprint]);
  const summary = item.summary;
  return (
    <section aria-labelledby="import-preview-heading" className="section">
      <h2 id="import-preview-heading" ref={heading} tabIndex={-1}>
        {t('planImport.previewHeading')}
      </h2>
      {summary && (
        <>
          <h3>{t('planImport.summary')}</h3>
          <ul className="plain-list">
            <li>{t('planImport.count.create', { count: summary.create })}</li>
            <li>{t('planImport.count.change', { count: summary.change })}</li>
            <li>{t('planImport.count.unchanged', { count: summary.unchanged })}</li>
            <li>{t('planImport.count.archive', { count: summary.archive })}</li>
            <li>{t('planImport.count.conflict', { count: summary.conflict })}</li>
            <li>
              {summary.error > 0 ? (
                <strong className="field-error">{t('planImport.count.error', { count: summary.error })}</strong>
              ) : (
                t('planImport.count.error', { count: 0 })
              )}
            </li>
            <li>{t('planImport.count.people', { count: summary.people })}</li>
          </ul>
        </>
      )}
      {item.errors.length > 0 && (
        <>
          <h3>{t('planImport.fileErrors')}</h3>
          <ul className="plain-list import-issues">
            {item.errors.map((issue, index) => (
              <li key={index} className="field-error">
                {issueText(issue, t)}
              </li>
            ))}
          </ul>
        </>
      )}
      {item.warnings.length > 0 && (
        <>
          <h3>{t('planImport.fileWarnings')}</h3>
          <ul className="plain-list import-issues">
            {item.warnings.map((issue, index) => (
              <li key={index}>{issueText(issue, t)}</li>
            ))}
          </ul>
        </>
      )}
      {item.newPeople.length > 0 && (
        <>
          <h3>{t('planImport.newPeople')}</h3>
          <p className="hint">{t('planImport.newPeopleHelp')}</p>
          <ul className="plain-list">
            {item.newPeople.map((name) => (
              <li key={name}>{name}</li>
            ))}
          </ul>
        </>
      )}
      <Rows item={item} />
      <Confirmation item={item} />
    </section>
  );
}

function Rows({ item }: { item: PlanImport }) {
  const { t } = useI18n();
  const listId = useId();
  const [filter, setFilter] = useState<RowFilter>('all');
  const [offset, setOffset] = useState(0);
  const query = {
    outcomes: filter === 'all' ? [] : [filter as ImportOutcome],
    offset,
    limit: ROWS_PER_PAGE,
  };
  const rows = useQuery({
    ...planImportQueries.rows(item.id, item.fingerprint, query),
    placeholderData: keepPreviousData,
  });
  const total = rows.data?.total ?? 0;
  const shown = rows.data?.rows ?? [];
  return (
    <>
      <h3 id={`${listId}-heading`}>{t('planImport.rows')}</h3>
      <div className="filter-bar">
        <SelectField
          label={t('planImport.show')}
          value={filter}
          onChange={(value) => {
            if (!isFilter(value)) return;
            setFilter(value);
            setOffset(0);
          }}
          options={FILTERS.map((value) => ({ value, label: t(`planImport.show.${value}`) }))}
        />
      </div>
      <p role="status" className="hint">
        {rows.data
          ? t('planImport.shown', { from: offset + 1, to: offset + shown.length, total })
          : t('planImport.loadingRows')}
      </p>
      {rows.error && <LoadFailed error={rows.error} retry={() => void rows.refetch()} />}
      {shown.length > 0 && (
        <ul className="item-list import-rows" aria-labelledby={`${listId}-heading`}>
          {shown.map((row) => (
            <RowCard key={row.key} row={row} />
          ))}
        </ul>
      )}
      {total > ROWS_PER_PAGE && (
        <div className="button-row import-paging">
          <button
            type="button"
            className="button"
            disabled={offset === 0}
            onClick={() => setOffset(Math.max(0, offset - ROWS_PER_PAGE))}
          >
            {t('planImport.previous')}
          </button>
          <button
            type="button"
            className="button"
            disabled={offset + ROWS_PER_PAGE >= total}
            onClick={() => setOffset(offset + ROWS_PER_PAGE)}
          >
            {t('planImport.next')}
          </button>
        </div>
      )}
    </>
  );
}

const OUTCOME_CLASS: Record<ImportOutcome, string> = {
  create: 'tag',
  change: 'tag',
  unchanged: 'tag',
  archive: 'tag tag-warning',
  conflict: 'tag tag-warning',
  error: 'tag tag-warning',
};

/** One row of the file: its kind, title and outcome, where it is and what it belongs to, its changes and problems. */
function RowCard({ row }: { row: PlanImportRow }) {
  const { t } = useI18n();
  const place = rowPlace(row, t);
  return (
    <li className="item-card import-row">
      <p className="item-title">
        <span className={OUTCOME_CLASS[row.outcome]}>{t(`planImport.outcome.${row.outcome}`)}</span>{' '}
        {t(`planImport.entity.${row.entity}`)}: {row.title || t('planImport.untitledRow')}
      </p>
      {(row.parent || place) && (
        <p className="muted import-row-meta">
          {[row.parent ? t('planImport.partOf', { parent: row.parent }) : null, place]
            .filter((part) => part !== null)
            .join(' · ')}
        </p>
      )}
      {row.changes.length > 0 && (
        <ul className="change-list">
          {row.changes.map((change, index) => (
            <li key={index}>{changeText(change, t)}</li>
          ))}
        </ul>
      )}
      {row.errors.length > 0 && (
        <ul className="change-list">
          {row.errors.map((error, index) => (
            <li key={index} className="field-error">
              {t('planImport.error', { message: issueText({ ...error, sheet: null, row: null }, t) })}
            </li>
          ))}
        </ul>
      )}
      {row.warnings.length > 0 && (
        <ul className="change-list">
          {row.warnings.map((warning, index) => (
            <li key={index}>
              {t('planImport.warning', { message: issueText({ ...warning, sheet: null, row: null }, t) })}
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

/**
 * "Importera", only without errors and with something to do; with errors, "Importera bara
 * raderna utan fel" leaves the rows with errors out. A refusal because the preview no longer
 * holds renews it on the server: the import is fetched again and its `problem` says why.
 */
function Confirmation({ item }: { item: PlanImport }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const submit = useSubmit();
  const helpId = useId();
  const summary = item.summary;
  const hasErrors = (summary?.error ?? 0) > 0 || item.errors.length > 0;
  const somethingToDo = summary !== null && summary.create + summary.change + summary.archive + summary.people > 0;
  const fingerprint = item.fingerprint;

  function confirm(validRowsOnly: boolean) {
    if (fingerprint === null) return;
    void submit.run(async () => {
      try {
        await confirmPlanImport(item.id, { fingerprint, validRowsOnly });
      } finally {
        await invalidatePlanImport(queryClient, item.id);
      }
    });
  }

  const help = hasErrors
    ? t('planImport.blockedByErrors')
    : !somethingToDo
      ? t('planImport.nothingToDo')
      : t('planImport.confirmHelp');
  return (
    <section aria-labelledby={`${helpId}-heading`} className="section">
      <h3 id={`${helpId}-heading`}>{t('planImport.confirmHeading')}</h3>
      {/* A refusal because the preview no longer holds (409) is told by the renewed import's problem. */}
      <ErrorSummary error={submit.error?.status === 409 ? null : submit.error} />
      <p id={helpId} className="hint">
        {help}
      </p>
      {(summary?.conflict ?? 0) > 0 && <p className="hint">{t('planImport.conflictHelp')}</p>}
      <div className="button-row">
        <button
          type="button"
          className="button button-primary"
          disabled={hasErrors || !somethingToDo || fingerprint === null}
          aria-describedby={helpId}
          onClick={() => confirm(false)}
        >
          {submit.pending ? t('planImport.confirming') : t('planImport.confirm')}
        </button>
        {hasErrors && (
          <button
            type="button"
            className="button"
            disabled={fingerprint === null}
            aria-describedby={helpId}
            onClick={() => confirm(true)}
          >
            {t('planImport.confirmValidOnly')}
          </button>
        )}
      </div>
    </section>
  );
}
