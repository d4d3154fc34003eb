import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useEffect, useRef, useState } from 'react';
import type { CommonControlCopyState } from '../../../domain/contracts/common-controls.ts';
import { reportingPeriodLabel } from '../../../domain/reporting-period.ts';
import {
  commonControlKeys,
  commonControlQueries,
  createCommonControl,
  setCommonControlArchived,
  takeOverCommonControl,
  updateCommonControl,
  type CommonControl,
} from '../../api/common-controls.ts';
import type { OrgUnit } from '../../api/org-units.ts';
import { invalidateKeys } from '../../api/shared.ts';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { InputField, SelectField } from '../../components/fields.tsx';
import { FormFrame } from '../../components/form-frame.tsx';
import { MarkdownField } from '../../components/markdown-field.tsx';
import { MarkdownText } from '../../components/markdown-text.tsx';
import { LoadFailed, Loading, Page } from '../../components/page.tsx';
import {
  FrequencyField,
  frequencyBody,
  frequencyText,
  frequencyValues,
  ReportsToField,
  reportsToText,
} from '../../components/structured-fields.tsx';
import { FilterSelect, unitOptions } from '../../components/unit-filter.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { canManageUnit } from '../../lib/can-manage.ts';
import { webYear } from '../../lib/clock.ts';
import { formatDate } from '../../lib/format.ts';
import { useOrgUnits, useVocabulary, vocabularyLabel, vocabularyOptions } from '../../lib/reference-data.ts';
import { useEntityForm } from '../../lib/use-entity-form.ts';
import { type Me, useMe } from '../../lib/use-me.ts';
import { useSubmit } from '../../lib/use-submit.ts';

export interface CommonControlsSearch {
  enhet?: string | undefined;
  ar?: number | undefined;
}

/** The units strictly below a unit. */
function unitsBelow(units: OrgUnit[], originId: string): OrgUnit[] {
  const below: OrgUnit[] = [];
  let frontier = [originId];
  while (frontier.length > 0) {
    const next = units.filter((unit) => unit.parentId !== null && frontier.includes(unit.parentId));
    below.push(...next);
    frontier = next.map((unit) => unit.id);
  }
  return below;
}

/**
 * Kommungemensamma kontrollmoment: what the kommunstyrelse (or any unit above the nämnder)
 * decides that every nämnd and bolag below it, or the chosen ones, shall control in a year, and
 * how each of them has followed it up, side by side. The origin's managers define, change,
 * archive them; a unit's managers take a control into a plan adopted before it came.
 */
export function CommonControlsPage() {
  const { t } = useI18n();
  const search = useSearch({ from: '/gemensamma-kontrollmoment' });
  const navigate = useNavigate();
  const me = useMe();
  const units = useOrgUnits();
  const year = search.ar ?? webYear();
  const list = useQuery(commonControlQueries.list({ year, includeArchived: true }));
  const title = t('commonControls.title');
  const error = me.error ?? units.error ?? list.error;
  if (error)
    return (
      <Page title={title}>
        <LoadFailed error={error} />
      </Page>
    );
  if (!me.data || !units.data || !list.data)
    return (
      <Page title={title}>
        <Loading />
      </Page>
    );
  const unitId = search.enhet;
  const filter = (change: Partial<CommonControlsSearch>) =>
    void navigate({ to: '/gemensamma-kontrollmoment', search: { ...search, ...change } });
  const current = webYear();
  const years = [...new Set([year, ...Array.from({ length: 6 }, (_, index) => current - 3 + index)])].sort(
    (a, b) => b - a,
  );
  const shown = list.data.filter(
    (item) =>
      unitId === undefined || item.originUnitId === unitId || item.copies.some((copy) => copy.unitId === unitId),
  );
  // Units whose managers may define common controls: those with units below them.
  const origins = units.data.filter(
    (unit) =>
      me.data.mayWrite &&
      canManageUnit(me.data, units.data, unit.id) &&
      units.data.some((other) => other.parentId === unit.id),
  );
  return (
    <Page title={title}>
      <p className="lead">{t('commonControls.intro')}</p>
      <div className="filters filter-bar" role="group" aria-label={t('filters.label')}>
        <FilterSelect
          label={t('plan.unit')}
          value={unitId ?? ''}
          onChange={(value) => filter({ enhet: value || undefined })}
          options={unitOptions(units.data)}
        />
        <FilterSelect
          label={t('overview.year')}
          value={String(year)}
          includeAll={false}
          onChange={(value) => filter({ ar: value ? Number(value) : undefined })}
          options={years.map((option) => ({ value: String(option), label: String(option) }))}
        />
      </div>
      <CommonControlList key={year} year={year} items={shown} units={units.data} me={me.data} origins={origins} />
    </Page>
  );
}

function CommonControlList({
  year,
  items,
  units,
  me,
  origins,
}: {
  year: number;
  items: CommonControl[];
  units: OrgUnit[];
  me: Me;
  origins: OrgUnit[];
}) {
  const { t } = useI18n();
  const [announcement, setAnnouncement] = useState('');
  return (
    <section aria-labelledby="common-controls-heading" className="section">
      <h2 id="common-controls-heading">{t('commonControls.ofYear', { year })}</h2>
      <p role="status" className={announcement ? 'notice' : 'visually-hidden'}>
        {announcement}
      </p>
      {items.length === 0 ? (
        <p>{t('commonControls.none')}</p>
      ) : (
        <ul className="item-list">
          {items.map((item) => (
            <CommonControlCard key={item.id} item={item} units={units} me={me} onAnnounce={setAnnouncement} />
          ))}
        </ul>
      )}
      {origins.length > 0 && (
        <details className="subform">
          <summary>{t('commonControls.new')}</summary>
          <CommonControlForm
            year={year}
            item={null}
            units={units}
            origins={origins}
            onDone={(name) => name && setAnnouncement(t('commonControls.added', { name }))}
          />
        </details>
      )}
    </section>
  );
}

const STATE_KEYS: Record<CommonControlCopyState, `commonControls.state.${CommonControlCopyState}`> = {
  in_plan: 'commonControls.state.in_plan',
  changed: 'commonControls.state.changed',
  offered: 'commonControls.state.offered',
  no_plan: 'commonControls.state.no_plan',
};

function CommonControlCard({
  item,
  units,
  me,
  onAnnounce,
}: {
  item: CommonControl;
  units: OrgUnit[];
  me: Me;
  onAnnounce: (text: string) => void;
}) {
  const { t, locale, formatLocale } = useI18n();
  const queryClient = useQueryClient();
  const results = useQuery(commonControlQueries.results(item.id));
  const acting = useSubmit();
  const [editing, setEditing] = useState(false);
  const unitName = (id: string) => units.find((unit) => unit.id === id)?.name ?? '–';
  const mayEdit = me.mayWrite && canManageUnit(me, units, item.originUnitId);
  const archived = item.archivedAt !== null;
  const refresh = () => invalidateKeys(queryClient, [commonControlKeys.all]);
  const toggleArchived = () =>
    acting.run(async () => {
      if (!archived && !window.confirm(t('commonControls.confirmArchive', { name: item.title }))) return;
      await setCommonControlArchived(item.id, !archived);
      await refresh();
      onAnnounce(t(archived ? 'commonControls.restoredDone' : 'commonControls.archivedDone', { name: item.title }));
    });
  const takeOver = (unitId: string) =>
    acting.run(async () => {
      await takeOverCommonControl(item.id, unitId);
      await refresh();
      onAnnounce(t('commonControls.takenOver', { name: item.title, unit: unitName(unitId) }));
    });
  const headingId = `common-control-${item.id}`;
  return (
    <li className="item-card">
      <h3 className="item-title" id={headingId}>
        {item.title}
        {archived && <span className="status-badge tag"> {t('commonControls.archived')}</span>}
      </h3>
      {item.description && <MarkdownText text={item.description} />}
      <dl className="facts facts-compact">
        <div>
          <dt>{t('commonControls.origin')}</dt>
          <dd>{unitName(item.originUnitId)}</dd>
        </div>
        <div>
          <dt>{t('commonControls.risk')}</dt>
          <dd>{item.riskTitle}</dd>
        </div>
        <div>
          <dt>{t('commonControls.process')}</dt>
          <dd>{item.process ? vocabularyLabel(item.process, locale) : '–'}</dd>
        </div>
        <div>
          <dt>{t('commonControls.category')}</dt>
          <dd>{item.category ? vocabularyLabel(item.category, locale) : '–'}</dd>
        </div>
        <div>
          <dt>{t('commonControls.method')}</dt>
          <dd>{item.method ? vocabularyLabel(item.method, locale) : '–'}</dd>
        </div>
        <div>
          <dt>{t('commonControls.frequency')}</dt>
          <dd>{item.frequency ? frequencyText(item.frequency, t, formatLocale) : '–'}</dd>
        </div>
        <div>
          <dt>{t('commonControls.scope')}</dt>
          <dd>{item.scope ?? '–'}</dd>
        </div>
        <div>
          <dt>{t('commonControls.reportsTo')}</dt>
          <dd>{item.reportsTo.length > 0 ? reportsToText(item.reportsTo, t) : '–'}</dd>
        </div>
      </dl>
      <ErrorSummary error={acting.error} />
      <div className="table-scroll" role="region" aria-labelledby={`${headingId}-units`} tabIndex={0}>
        <table className="table">
          <caption id={`${headingId}-units`}>{t('commonControls.sideBySide', { name: item.title })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('commonControls.unit')}</th>
              <th scope="col">{t('commonControls.inPlan')}</th>
              <th scope="col">{t('commonControls.results')}</th>
              <th scope="col">{t('commonControls.deviations')}</th>
              <th scope="col">{t('commonControls.latestFollowUp')}</th>
            </tr>
          </thead>
          <tbody>
            {item.copies.map((copy) => {
              const line = results.data?.units.find((unit) => unit.unitId === copy.unitId);
              const mayTakeOver =
                !archived &&
                me.mayWrite &&
                (copy.state === 'offered' || copy.state === 'changed') &&
                canManageUnit(me, units, copy.unitId);
              return (
                <tr key={copy.unitId}>
                  <th scope="row">{copy.unitName}</th>
                  <td>
                    {copy.riskId ? (
                      <Link to="/risker/$riskId" params={{ riskId: copy.riskId }}>
                        {t(STATE_KEYS[copy.state])}
                        <span className="visually-hidden"> – {copy.unitName}</span>
                      </Link>
                    ) : (
                      t(STATE_KEYS[copy.state])
                    )}
                    {mayTakeOver && (
                      <>
                        {' '}
                        <button
                          type="button"
                          className="button button-small"
                          onClick={() => void takeOver(copy.unitId)}
                        >
                          {t('commonControls.takeOver')}
                          <span className="visually-hidden"> {copy.unitName}</span>
                        </button>
                      </>
                    )}
                  </td>
                  <td>
                    {line && line.results.length > 0
                      ? line.results
                          .map(
                            (result) =>
                              `${reportingPeriodLabel(result.period, locale)}: ${t(`controlResults.outcome.${result.outcome}`)}`,
                          )
                          .join('; ')
                      : '–'}
                  </td>
                  <td>{line ? line.deviations : '–'}</td>
                  <td>{line?.latestFollowUpOn ? formatDate(line.latestFollowUpOn, formatLocale) : '–'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {item.copies.length === 0 && <p>{t('commonControls.reachesNone')}</p>}
      {mayEdit && (
        <div className="button-row">
          <button
            type="button"
            id={`common-control-edit-${item.id}`}
            className="button button-small"
            aria-expanded={editing}
            onClick={() => setEditing(!editing)}
          >
            {t('commonControls.editShort')}
            <span className="visually-hidden"> {item.title}</span>
          </button>
          <button type="button" className="button button-small button-quiet" onClick={() => void toggleArchived()}>
            {archived ? t('commonControls.restoreShort') : t('commonControls.archiveShort')}
            <span className="visually-hidden"> {item.title}</span>
          </button>
        </div>
      )}
      {mayEdit && editing && (
        <CommonControlForm
          key={`${item.id}:${item.version}`}
          year={item.year}
          item={item}
          units={units}
          origins={units.filter((unit) => unit.id === item.originUnitId)}
          onDone={(name) => {
            setEditing(false);
            if (name) onAnnounce(t('commonControls.saved', { name }));
            document.getElementById(`common-control-edit-${item.id}`)?.focus();
          }}
        />
      )}
    </li>
  );
}

const toValues = (item: CommonControl | null, originUnitId: string) => ({
  originUnitId: item?.originUnitId ?? originUnitId,
  riskTitle: item?.riskTitle ?? '',
  riskDescription: item?.riskDescription ?? '',
  processId: item?.process?.id ?? '',
  categoryId: item?.category?.id ?? '',
  title: item?.title ?? '',
  description: item?.description ?? '',
  methodId: item?.method?.id ?? '',
  scope: item?.scope ?? '',
  frequency: frequencyValues(item?.frequency),
  reportingTime: item?.reportingTime ?? '',
  reportsTo: item?.reportsTo ?? [],
  targetUnitIds: item?.targetUnitIds ?? [],
});

/** Defines a common control for the year, or changes `item`; `onDone` gets the saved title (null: given up). */
function CommonControlForm({
  year,
  item,
  units,
  origins,
  onDone,
}: {
  year: number;
  item: CommonControl | null;
  units: OrgUnit[];
  origins: OrgUnit[];
  onDone: (name: string | null) => void;
}) {
  const { t, locale } = useI18n();
  const queryClient = useQueryClient();
  const form = useEntityForm(toValues(item, origins[0]?.id ?? ''), item?.version);
  const { values, set, submit } = form;
  const processes = useVocabulary('process', year).data ?? [];
  const categories = useVocabulary('risk_category', year).data ?? [];
  const methods = useVocabulary('control_method', year).data ?? [];
  const heading = useRef<HTMLHeadingElement>(null);
  const headingId = `common-control-form-${item?.id ?? 'new'}`;
  useEffect(() => {
    if (item) heading.current?.focus();
  }, [item]);
  const below = unitsBelow(units, values.originUnitId);
  const errors = (field: string) => submit.fieldErrors(field);
  const targetErrors = [
    ...(errors('targetUnitIds') ?? []),
    ...values.targetUnitIds.flatMap((_, index) => errors(`targetUnitIds.${index}`) ?? []),
  ];
  async function send(formValues: typeof values, version: number | undefined) {
    const fields = {
      riskTitle: formValues.riskTitle.trim(),
      riskDescription: formValues.riskDescription.trim() || null,
      processId: formValues.processId || null,
      categoryId: formValues.categoryId || null,
      title: formValues.title.trim(),
      description: formValues.description.trim() || null,
      methodId: formValues.methodId || null,
      scope: formValues.scope.trim() || null,
      frequency: frequencyBody(formValues.frequency),
      reportingTime: formValues.reportingTime.trim() || null,
      reportsTo: formValues.reportsTo,
      targetUnitIds: formValues.targetUnitIds,
    };
    if (item) await updateCommonControl(item.id, { ...fields, version });
    else await createCommonControl({ originUnitId: formValues.originUnitId, year, ...fields });
    await invalidateKeys(queryClient, [commonControlKeys.all]);
    if (!item) form.reset(toValues(null, formValues.originUnitId));
    onDone(fields.title);
  }
  return (
    <section
      {...(item ? { 'aria-labelledby': headingId, className: 'subform' } : { 'aria-label': t('commonControls.new') })}
    >
      {item && (
        <h4 id={headingId} ref={heading} tabIndex={-1}>
          {t('commonControls.edit', { name: item.title })}
        </h4>
      )}
      <FormFrame
        form={form}
        send={send}
        base={item}
        conflictFields={[
          { key: 'title', label: t('commonControls.control') },
          { key: 'riskTitle', label: t('commonControls.risk') },
          { key: 'scope', label: t('commonControls.scope') },
        ]}
        toValues={(current) => toValues(current as CommonControl, (current as CommonControl).originUnitId)}
        submitLabel={item ? t('commonControls.save', { name: item.title }) : t('commonControls.create')}
        className="form"
      >
        {!item && (
          <SelectField
            label={t('commonControls.origin')}
            description={t('commonControls.originHelp')}
            value={values.originUnitId}
            onChange={(value) => {
              set('originUnitId', value);
              set('targetUnitIds', []);
            }}
            options={unitOptions(origins)}
            errors={errors('originUnitId')}
          />
        )}
        <InputField
          label={t('commonControls.risk')}
          isRequired
          value={values.riskTitle}
          onChange={(value) => set('riskTitle', value)}
          errors={errors('riskTitle')}
        />
        <MarkdownField
          label={t('commonControls.riskDescription')}
          rows={3}
          value={values.riskDescription}
          onChange={(value) => set('riskDescription', value)}
          errors={errors('riskDescription')}
        />
        <div className="field-row">
          <SelectField
            label={t('commonControls.process')}
            value={values.processId}
            onChange={(value) => set('processId', value)}
            options={vocabularyOptions(processes, locale, item?.process)}
            emptyLabel={t('choice.none')}
            errors={errors('processId')}
          />
          <SelectField
            label={t('commonControls.category')}
            value={values.categoryId}
            onChange={(value) => set('categoryId', value)}
            options={vocabularyOptions(categories, locale, item?.category)}
            emptyLabel={t('choice.none')}
            errors={errors('categoryId')}
          />
        </div>
        <InputField
          label={t('commonControls.control')}
          isRequired
          value={values.title}
          onChange={(value) => set('title', value)}
          errors={errors('title')}
        />
        <MarkdownField
          label={t('commonControls.description')}
          rows={3}
          value={values.description}
          onChange={(value) => set('description', value)}
          errors={errors('description')}
        />
        <SelectField
          label={t('commonControls.method')}
          value={values.methodId}
          onChange={(value) => set('methodId', value)}
          options={vocabularyOptions(methods, locale, item?.method)}
          emptyLabel={t('choice.none')}
          errors={errors('methodId')}
        />
        <MarkdownField
          label={t('commonControls.scope')}
          description={t('controlForm.scopeHelp')}
          rows={3}
          value={values.scope}
          onChange={(value) => set('scope', value)}
          errors={errors('scope')}
        />
        <FrequencyField
          label={t('commonControls.frequency')}
          value={values.frequency}
          onChange={(value) => set('frequency', value)}
          span={{ from: `${year}-01-01`, to: `${year}-12-31` }}
          errors={[...(errors('frequency') ?? []), ...(errors('frequency.dates') ?? [])]}
        />
        <InputField
          label={t('controlForm.reportingTime')}
          description={t('controlForm.reportingTimeHelp')}
          value={values.reportingTime}
          onChange={(value) => set('reportingTime', value)}
          errors={errors('reportingTime')}
        />
        <ReportsToField
          label={t('commonControls.reportsTo')}
          value={values.reportsTo}
          onChange={(value) => set('reportsTo', value)}
          errors={errors('reportsTo')}
        />
        {below.length > 0 && (
          <fieldset className="fieldset">
            <legend className="field-label">{t('commonControls.targets')}</legend>
            <p className="field-description">{t('commonControls.targetsHelp')}</p>
            {below.map((unit) => (
              <label key={unit.id} className="checkbox">
                <input
                  type="checkbox"
                  checked={values.targetUnitIds.includes(unit.id)}
                  onChange={(event) =>
                    set(
                      'targetUnitIds',
                      event.target.checked
                        ? [...values.targetUnitIds, unit.id]
                        : values.targetUnitIds.filter((id) => id !== unit.id),
                    )
                  }
                />{' '}
                {unit.name}
              </label>
            ))}
            {targetErrors.length > 0 && <p className="field-error">{targetErrors.join(' ')}</p>}
          </fieldset>
        )}
      </FormFrame>
      {item && (
        <div className="button-row">
          <button type="button" className="button button-quiet" onClick={() => onDone(null)}>
            {t('commonControls.cancel')}
          </button>
        </div>
      )}
    </section>
  );
}
