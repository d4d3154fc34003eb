import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { VOCABULARY_KINDS, type VocabularyKind } from '../../../domain/vocabulary.ts';
import { invalidateKeys } from '../../api/shared.ts';
import {
  createVocabularyEntry,
  setVocabularyEntryArchived,
  updateVocabularyEntry,
  vocabularyKeys,
  vocabularyQueries,
  type VocabularyEntry,
} from '../../api/vocabularies.ts';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { InputField } from '../../components/fields.tsx';
import { FormFrame } from '../../components/form-frame.tsx';
import { LoadFailed, Loading } from '../../components/page.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useOrgUnits } from '../../lib/reference-data.ts';
import { useEntityForm } from '../../lib/use-entity-form.ts';
import { useMe } from '../../lib/use-me.ts';
import { useSubmit } from '../../lib/use-submit.ts';
import { AdminPage } from './admin-nav.tsx';
import { grantScope } from './grant-scope.ts';

/**
 * The tenant's vocabularies ("Val och begrepp"): processes / kontrollområden, risk categories,
 * control methods and deviation severities, each a table of its entries with the years it is
 * offered and whether it is archived. Everyone who reaches the page reads them; the tenant
 * administrator adds, edits, archives and restores (entries are never deleted).
 */
export function VocabulariesAdminPage() {
  const { t } = useI18n();
  const me = useMe();
  const units = useOrgUnits();
  const entries = useQuery(vocabularyQueries.list({ includeArchived: true }));
  const title = t('vocabularies.title');
  const error = me.error ?? units.error ?? entries.error;
  if (error)
    return (
      <AdminPage title={title}>
        <LoadFailed error={error} />
      </AdminPage>
    );
  if (!me.data || !units.data || !entries.data)
    return (
      <AdminPage title={title}>
        <Loading />
      </AdminPage>
    );
  const mayEdit = grantScope(me.data, units.data).isTenantAdministrator && me.data.mayWrite;
  return (
    <AdminPage title={title}>
      <p className="lead">{t('vocabularies.intro')}</p>
      {!mayEdit && <p className="notice">{t('vocabularies.onlyTenantAdministrator')}</p>}
      {VOCABULARY_KINDS.map((kind) => (
        <VocabularySection
          key={kind}
          kind={kind}
          entries={entries.data.filter((entry) => entry.kind === kind)}
          mayEdit={mayEdit}
        />
      ))}
    </AdminPage>
  );
}

function VocabularySection({
  kind,
  entries,
  mayEdit,
}: {
  kind: VocabularyKind;
  entries: VocabularyEntry[];
  mayEdit: boolean;
}) {
  const { t, locale } = useI18n();
  const queryClient = useQueryClient();
  const archiving = useSubmit();
  const [editing, setEditing] = useState<string | null>(null);
  /** What the last action did, read out by the status region. */
  const [announcement, setAnnouncement] = useState('');
  const headingId = `vocabulary-${kind}-heading`;
  const severities = kind === 'deviation_severity';
  const edited = entries.find((entry) => entry.id === editing) ?? null;
  const nameOf = (entry: VocabularyEntry) => (locale === 'sv' ? entry.labelSv : entry.labelEn);
  const focusEditButton = (entryId: string) => document.getElementById(`vocabulary-edit-${entryId}`)?.focus();
  const toggleArchived = (entry: VocabularyEntry) =>
    archiving.run(async () => {
      const archive = entry.archivedAt === null;
      if (archive && !window.confirm(t('vocabularies.confirmArchive', { name: nameOf(entry) }))) return;
      setAnnouncement('');
      await setVocabularyEntryArchived(entry.id, archive);
      await invalidateKeys(queryClient, [vocabularyKeys.all]);
      setAnnouncement(t(archive ? 'vocabularies.archivedDone' : 'vocabularies.restoredDone', { name: nameOf(entry) }));
    });
  return (
    <section aria-labelledby={headingId} className="section">
      <h2 id={headingId}>{t(`vocabularies.kind.${kind}`)}</h2>
      <ErrorSummary error={archiving.error} />
      <p role="status" className={announcement ? 'notice' : 'visually-hidden'}>
        {announcement}
      </p>
      {entries.length === 0 ? (
        <p>{t('vocabularies.empty')}</p>
      ) : (
        <div className="table-scroll" role="region" aria-labelledby={headingId} tabIndex={0}>
          <table className="table" aria-labelledby={headingId}>
            <thead>
              <tr>
                <th scope="col">{t('vocabularies.columnSv')}</th>
                <th scope="col">{t('vocabularies.columnEn')}</th>
                <th scope="col">{t('vocabularies.description')}</th>
                {severities && <th scope="col">{t('vocabularies.reportImmediately')}</th>}
                <th scope="col">{t('vocabularies.years')}</th>
                <th scope="col">{t('vocabularies.state')}</th>
                {mayEdit && <th scope="col">{t('vocabularies.actions')}</th>}
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.id}>
                  <th scope="row">{entry.labelSv}</th>
                  <td lang="en">{entry.labelEn}</td>
                  <td>{entry.description}</td>
                  {severities && <td>{entry.reportImmediately ? t('vocabularies.yes') : t('vocabularies.no')}</td>}
                  <td>
                    <YearsOffered entry={entry} />
                  </td>
                  <td>
                    {/* Kept on one line, like a status. */}
                    {entry.archivedAt === null ? (
                      <span className="status-badge">{t('vocabularies.active')}</span>
                    ) : (
                      <span className="status-badge tag">{t('vocabularies.archived')}</span>
                    )}
                  </td>
                  {mayEdit && (
                    <td>
                      <div className="button-row">
                        <button
                          type="button"
                          id={`vocabulary-edit-${entry.id}`}
                          className="button button-small"
                          aria-expanded={editing === entry.id}
                          onClick={() => setEditing(editing === entry.id ? null : entry.id)}
                        >
                          {t('vocabularies.editShort')}
                          <span className="visually-hidden"> {nameOf(entry)}</span>
                        </button>
                        <button
                          type="button"
                          className="button button-small button-quiet"
                          onClick={() => void toggleArchived(entry)}
                        >
                          {entry.archivedAt === null ? t('vocabularies.archiveShort') : t('vocabularies.restoreShort')}
                          <span className="visually-hidden"> {nameOf(entry)}</span>
                        </button>
                      </div>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {mayEdit && edited && (
        <EntryForm
          key={`${edited.id}:${edited.version}`}
          kind={kind}
          entry={edited}
          onDone={(name) => {
            setEditing(null);
            if (name) setAnnouncement(t('vocabularies.saved', { name }));
            focusEditButton(edited.id);
          }}
        />
      )}
      {mayEdit && (
        <details className="subform">
          <summary>{t(`vocabularies.new.${kind}`)}</summary>
          <EntryForm
            kind={kind}
            entry={null}
            onDone={(name) => name && setAnnouncement(t('vocabularies.added', { name }))}
          />
        </details>
      )}
    </section>
  );
}

function YearsOffered({ entry }: { entry: VocabularyEntry }) {
  const { t } = useI18n();
  const { validFromYear: from, validToYear: to } = entry;
  if (from !== null && to !== null) return <>{t('vocabularies.yearRange', { from, to })}</>;
  if (from !== null) return <>{t('vocabularies.fromYear', { year: from })}</>;
  if (to !== null) return <>{t('vocabularies.toYear', { year: to })}</>;
  return <>{t('vocabularies.allYears')}</>;
}

const toValues = (entry: Partial<VocabularyEntry> | null) => ({
  key: entry?.key ?? '',
  labelSv: entry?.labelSv ?? '',
  labelEn: entry?.labelEn ?? '',
  description: entry?.description ?? '',
  reportImmediately: entry?.reportImmediately ?? false,
  validFromYear: entry?.validFromYear?.toString() ?? '',
  validToYear: entry?.validToYear?.toString() ?? '',
});

const yearOf = (text: string): number | null => (text.trim() === '' ? null : Number(text));

/**
 * Adds an entry to the list of `kind`, or changes `entry`. `onDone` gets the saved entry's name
 * (or null when the change was given up).
 */
function EntryForm({
  kind,
  entry,
  onDone,
}: {
  kind: VocabularyKind;
  entry: VocabularyEntry | null;
  onDone: (name: string | null) => void;
}) {
  const { t, locale } = useI18n();
  const queryClient = useQueryClient();
  const form = useEntityForm(toValues(entry), entry?.version);
  const { values, set, submit } = form;
  const heading = useRef<HTMLHeadingElement>(null);
  const name = entry ? (locale === 'sv' ? entry.labelSv : entry.labelEn) : '';
  const headingId = `vocabulary-form-${entry?.id ?? kind}`;
  const helpId = `${headingId}-report-help`;
  useEffect(() => {
    // A change is opened from its row: focus follows to the form it opened.
    if (entry) heading.current?.focus();
  }, [entry]);
  async function send(formValues: typeof values, version: number | undefined) {
    const labelSv = formValues.labelSv.trim();
    const fields = {
      labelSv,
      labelEn: formValues.labelEn.trim() || labelSv,
      description: formValues.description.trim() || null,
      validFromYear: yearOf(formValues.validFromYear),
      validToYear: yearOf(formValues.validToYear),
      ...(kind === 'deviation_severity' ? { reportImmediately: formValues.reportImmediately } : {}),
    };
    if (entry) await updateVocabularyEntry(entry.id, { ...fields, version });
    else {
      const key = formValues.key.trim();
      await createVocabularyEntry({ kind, ...fields, ...(key ? { key } : {}) });
    }
    await invalidateKeys(queryClient, [vocabularyKeys.all]);
    const saved = locale === 'sv' ? fields.labelSv : fields.labelEn;
    if (!entry) form.reset(toValues(null));
    onDone(saved);
  }
  return (
    // A change has a heading naming it; a new entry is opened from its summary, which names it already.
    <section
      {...(entry
        ? { 'aria-labelledby': headingId, className: 'subform' }
        : { 'aria-label': t(`vocabularies.new.${kind}`) })}
    >
      {entry && (
        <h3 id={headingId} ref={heading} tabIndex={-1}>
          {t('vocabularies.edit', { name })}
        </h3>
      )}
      <FormFrame
        form={form}
        send={send}
        base={entry}
        conflictFields={[
          { key: 'labelSv', label: t('vocabularies.labelSv') },
          { key: 'labelEn', label: t('vocabularies.labelEn') },
          { key: 'description', label: t('vocabularies.description') },
        ]}
        toValues={(current) => toValues(current)}
        submitLabel={entry ? t('vocabularies.save', { name }) : t('vocabularies.create')}
        className="form"
      >
        <div className="field-row">
          <InputField
            label={t('vocabularies.labelSv')}
            isRequired
            value={values.labelSv}
            onChange={(value) => set('labelSv', value)}
            errors={submit.fieldErrors('labelSv')}
          />
          <InputField
            label={t('vocabularies.labelEn')}
            description={t('vocabularies.labelEnHelp')}
            value={values.labelEn}
            onChange={(value) => set('labelEn', value)}
            errors={submit.fieldErrors('labelEn')}
          />
          {!entry && (
            <InputField
              label={t('vocabularies.key')}
              description={t('vocabularies.keyHelp')}
              value={values.key}
              onChange={(value) => set('key', value)}
              errors={submit.fieldErrors('key')}
            />
          )}
        </div>
        <InputField
          label={t('vocabularies.description')}
          value={values.description}
          onChange={(value) => set('description', value)}
          errors={submit.fieldErrors('description')}
        />
        <div className="field-row">
          <InputField
            label={t('vocabularies.validFromYear')}
            description={t('vocabularies.yearsHelp')}
            type="number"
            inputMode="numeric"
            min={1990}
            max={2100}
            value={values.validFromYear}
            onChange={(value) => set('validFromYear', value)}
            errors={submit.fieldErrors('validFromYear')}
          />
          <InputField
            label={t('vocabularies.validToYear')}
            description={t('vocabularies.yearsHelp')}
            type="number"
            inputMode="numeric"
            min={1990}
            max={2100}
            value={values.validToYear}
            onChange={(value) => set('validToYear', value)}
            errors={submit.fieldErrors('validToYear')}
          />
        </div>
        {kind === 'deviation_severity' && (
          <div className="field">
            <label className="checkbox">
              <input
                type="checkbox"
                aria-describedby={helpId}
                checked={values.reportImmediately}
                onChange={(event) => set('reportImmediately', event.target.checked)}
              />{' '}
              {t('vocabularies.reportImmediately')}
            </label>
            <p id={helpId} className="field-description">
              {t('vocabularies.reportImmediatelyHelp')}
            </p>
          </div>
        )}
      </FormFrame>
      {entry && (
        <div className="button-row">
          <button type="button" className="button button-quiet" onClick={() => onDone(null)}>
            {t('vocabularies.cancel')}
          </button>
        </div>
      )}
    </section>
  );
}
