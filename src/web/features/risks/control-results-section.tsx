import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useId, useState } from 'react';
import { CONTROL_OUTCOMES, type ControlOutcome } from '../../../domain/control-result.ts';
import { AttachmentsDisclosure } from '../../components/attachments.tsx';
import { FormFrame } from '../../components/form-frame.tsx';
import { InputField, SelectField } from '../../components/fields.tsx';
import { MarkdownField } from '../../components/markdown-field.tsx';
import { MarkdownText } from '../../components/markdown-text.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { controlResultKeys, createControlResult, listControlResults } from '../../api/control-results.ts';
import { listDeviations } from '../../api/deviations.ts';
import { invalidateControlResult } from '../../api/invalidation.ts';
import type { Control } from '../../api/items.ts';
import { webToday } from '../../lib/clock.ts';
import { formatDate } from '../../lib/format.ts';
import { periodLabel, type Period } from '../../lib/periods.ts';
import { useOrgUnits, useVocabulary, vocabularyOptions, type OrgUnit, type Plan } from '../../lib/reference-data.ts';
import { useEntityForm } from '../../lib/use-entity-form.ts';
import { useMe, type Me } from '../../lib/use-me.ts';

/**
 * Whether the signed-in person may record a control's results, as the server decides: an
 * administrator or coordinator of the plan's unit (or a unit above it), or a responsible person
 * there who is named on the control.
 */
export function mayRecordResults(
  me: Me | undefined,
  units: OrgUnit[] | undefined,
  unitId: string,
  responsibleIds: readonly string[],
): boolean {
  if (!me?.mayWrite || !units) return false;
  const byId = new Map(units.map((unit) => [unit.id, unit]));
  const above = new Set<string>();
  for (let unit = byId.get(unitId); unit; unit = unit.parentId === null ? undefined : byId.get(unit.parentId))
    above.add(unit.id);
  const held = me.roles.filter((role) => above.has(role.unitId)).map((role) => role.role);
  if (held.includes('administrator') || held.includes('coordinator')) return true;
  return held.includes('responsible') && responsibleIds.includes(me.user.id);
}

/** The periods in calendar order, the longer first where two start together. */
function inCalendarOrder(periods: Iterable<Period>): Period[] {
  return [...periods].sort((a, b) => a.startDate.localeCompare(b.startDate) || b.endDate.localeCompare(a.endDate));
}

/**
 * A control's results per reporting period (genomförd utan anmärkning, med avvikelse, ej
 * genomförd), with the deviations each found, and, for those who may, the form that records one.
 */
export function ControlResultsSection({
  control,
  plan,
  periods,
}: {
  control: Control;
  plan: Plan;
  periods: Map<string, Period>;
}) {
  const { t, locale, formatLocale } = useI18n();
  const headingId = useId();
  const me = useMe();
  const units = useOrgUnits();
  const [recording, setRecording] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const data = useQuery({
    queryKey: controlResultKeys.ofControl(control.id),
    queryFn: async ({ signal }) => {
      const [results, deviations] = await Promise.all([
        listControlResults({ controlId: control.id }, signal),
        listDeviations({ controlId: control.id, includeArchived: true }, signal),
      ]);
      return { results, deviationTitles: new Map(deviations.map((entry) => [entry.id, entry.title])) };
    },
  });
  const mayRecord = mayRecordResults(me.data, units.data, plan.unitId, control.responsibleIds);
  const results = [...(data.data?.results ?? [])].sort((a, b) =>
    (periods.get(a.periodId)?.startDate ?? '').localeCompare(periods.get(b.periodId)?.startDate ?? ''),
  );
  const recorded = new Set(results.map((result) => result.periodId));
  const open = inCalendarOrder(periods.values()).filter((period) => !recorded.has(period.id));

  return (
    <div className="control-results">
      <h4 id={headingId}>
        {t('controlResults.title')}
        <span className="visually-hidden"> {t('riskPage.forItem', { title: control.title })}</span>
      </h4>
      <p role="status" className={saved ? 'notice' : 'visually-hidden'}>
        {saved ? t('controlResults.saved', { period: saved }) : ''}
      </p>
      {data.error ? (
        <p className="field-error">{t('app.error')}</p>
      ) : !data.data ? (
        <p className="muted">{t('app.loading')}</p>
      ) : results.length === 0 ? (
        <p className="muted">{t('controlResults.none')}</p>
      ) : (
        <div className="table-scroll" role="region" aria-labelledby={headingId} tabIndex={0}>
          <table className="table table-compact" aria-labelledby={headingId}>
            <thead>
              <tr>
                <th scope="col">{t('controlResults.period')}</th>
                <th scope="col">{t('controlResults.outcome')}</th>
                <th scope="col">{t('controlResults.performedOn')}</th>
                <th scope="col">{t('controlResults.reason')}</th>
                <th scope="col">{t('controlResults.comment')}</th>
                <th scope="col">{t('controlResults.deviations')}</th>
              </tr>
            </thead>
            <tbody>
              {results.map((result) => (
                <tr key={result.id}>
                  <th scope="row">{periodLabel(periods.get(result.periodId), locale)}</th>
                  <td>{t(`controlResults.outcome.${result.outcome}`)}</td>
                  <td>{result.performedOn ? formatDate(result.performedOn, formatLocale) : '–'}</td>
                  <td>{result.reason ?? '–'}</td>
                  <td>{result.comment ? <MarkdownText text={result.comment} /> : '–'}</td>
                  <td>
                    {result.deviationIds.length === 0 ? (
                      '–'
                    ) : (
                      <ul className="plain-list">
                        {result.deviationIds.map((deviationId, index) => (
                          <li key={deviationId}>
                            <Link to="/avvikelser/$deviationId" params={{ deviationId }}>
                              {data.data.deviationTitles.get(deviationId) ??
                                t('controlResults.deviation', { number: index + 1 })}
                            </Link>
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
      )}
      {results.length > 0 && (
        <ul className="plain-list">
          {results.map((result) => (
            <li key={result.id}>
              <AttachmentsDisclosure
                targetType="control_result"
                targetId={result.id}
                name={periodLabel(periods.get(result.periodId), locale)}
                level={5}
              />
            </li>
          ))}
        </ul>
      )}
      {mayRecord &&
        (recording ? (
          <RecordResultForm
            control={control}
            plan={plan}
            periods={open}
            onCancel={() => setRecording(false)}
            onSaved={(periodId) => {
              setRecording(false);
              setSaved(periodLabel(periods.get(periodId), locale));
            }}
          />
        ) : open.length === 0 ? (
          data.data && <p className="muted">{t('controlResults.allRecorded')}</p>
        ) : (
          <p>
            <button
              type="button"
              className="button"
              onClick={() => {
                setSaved(null);
                setRecording(true);
              }}
            >
              {t('controlResults.record')}
              <span className="visually-hidden"> {t('riskPage.forItem', { title: control.title })}</span>
            </button>
          </p>
        ))}
    </div>
  );
}

interface FoundDeviationValues {
  title: string;
  severityId: string;
  description: string;
}

const NO_DEVIATION: FoundDeviationValues = { title: '', severityId: '', description: '' };

function initialValues(periods: Period[], today: string) {
  // The shortest period that holds today, else the last one that has ended, else the first.
  const current = [...periods]
    .filter((period) => period.startDate <= today && today <= period.endDate)
    .sort((a, b) => b.startDate.localeCompare(a.startDate))[0];
  const ended = periods.filter((period) => period.endDate < today).at(-1);
  return {
    periodId: (current ?? ended ?? periods[0])?.id ?? '',
    outcome: 'no_remarks' as ControlOutcome,
    performedOn: today,
    reason: '',
    comment: '',
    deviations: [NO_DEVIATION],
  };
}

/** Records a result: the period, the outcome and the day; the reason when not performed; the deviations found. */
function RecordResultForm({
  control,
  plan,
  periods,
  onCancel,
  onSaved,
}: {
  control: Control;
  plan: Plan;
  periods: Period[];
  onCancel: () => void;
  onSaved: (periodId: string) => void;
}) {
  const { t, locale } = useI18n();
  const queryClient = useQueryClient();
  const severities = useVocabulary('deviation_severity', plan.startYear);
  const form = useEntityForm(initialValues(periods, webToday()));
  const { values, set, submit } = form;
  const outcomeName = useId();
  const outcomeErrors = submit.fieldErrors('outcome');

  function setDeviation(index: number, changes: Partial<FoundDeviationValues>) {
    set(
      'deviations',
      values.deviations.map((entry, at) => (at === index ? { ...entry, ...changes } : entry)),
    );
  }

  async function send(formValues: typeof values) {
    const performed = formValues.outcome !== 'not_performed';
    const saved = await createControlResult({
      controlId: control.id,
      periodId: formValues.periodId,
      outcome: formValues.outcome,
      performedOn: performed ? formValues.performedOn || null : null,
      reason: performed ? undefined : formValues.reason,
      comment: formValues.comment.trim() || null,
      deviations:
        formValues.outcome === 'with_deviation'
          ? formValues.deviations.map((entry) => ({
              title: entry.title,
              severityId: entry.severityId,
              description: entry.description.trim() || null,
            }))
          : undefined,
    });
    form.reset(initialValues(periods, webToday()));
    await invalidateControlResult(queryClient, {
      id: saved.id,
      deviationIds: saved.deviationIds,
      planId: control.planId,
      riskId: control.riskId,
    });
    onSaved(saved.periodId);
  }

  return (
    <div className="control-result-form">
      <h5>{t('controlResults.formTitle', { title: control.title })}</h5>
      <FormFrame form={form} send={send} base={null} submitLabel={t('controlResults.save')} className="form">
        <SelectField
          label={t('controlResults.period')}
          isRequired
          value={values.periodId}
          onChange={(value) => set('periodId', value)}
          options={periods.map((period) => ({ value: period.id, label: periodLabel(period, locale) }))}
          emptyLabel={t('controlResults.choosePeriod')}
          errors={submit.fieldErrors('periodId')}
        />
        <fieldset className="fieldset" aria-describedby={outcomeErrors ? `${outcomeName}-error` : undefined}>
          <legend className="field-label">{t('controlResults.outcome')}</legend>
          {CONTROL_OUTCOMES.map((outcome) => (
            <label key={outcome} className="checkbox">
              <input
                type="radio"
                name={outcomeName}
                value={outcome}
                checked={values.outcome === outcome}
                onChange={() => set('outcome', outcome)}
              />{' '}
              {t(`controlResults.outcome.${outcome}`)}
            </label>
          ))}
          {outcomeErrors && (
            <p id={`${outcomeName}-error`} className="field-error">
              {outcomeErrors.join(' ')}
            </p>
          )}
        </fieldset>
        {values.outcome === 'not_performed' ? (
          <InputField
            label={t('controlResults.reasonField')}
            isRequired
            value={values.reason}
            onChange={(value) => set('reason', value)}
            errors={submit.fieldErrors('reason')}
          />
        ) : (
          <InputField
            label={t('controlResults.performedOnField')}
            type="date"
            value={values.performedOn}
            onChange={(value) => set('performedOn', value)}
            errors={submit.fieldErrors('performedOn')}
          />
        )}
        {values.outcome === 'with_deviation' && (
          <div className="found-deviations">
            <p className="field-description">{t('controlResults.deviationsHelp')}</p>
            {submit.fieldErrors('deviations') && (
              <p className="field-error">{submit.fieldErrors('deviations')!.join(' ')}</p>
            )}
            {values.deviations.map((entry, index) => (
              // The entries have no identity of their own before they are saved; their place is it.
              <fieldset key={index} className="fieldset">
                <legend className="field-label">{t('controlResults.deviation', { number: index + 1 })}</legend>
                <InputField
                  label={t('controlResults.deviationTitle')}
                  isRequired
                  value={entry.title}
                  onChange={(value) => setDeviation(index, { title: value })}
                  errors={submit.fieldErrors(`deviations.${index}.title`)}
                />
                <SelectField
                  label={t('controlResults.severity')}
                  isRequired
                  value={entry.severityId}
                  onChange={(value) => setDeviation(index, { severityId: value })}
                  options={vocabularyOptions(severities.data ?? [], locale)}
                  emptyLabel={t('controlResults.chooseSeverity')}
                  errors={submit.fieldErrors(`deviations.${index}.severityId`)}
                />
                <MarkdownField
                  label={t('controlResults.deviationDescription')}
                  value={entry.description}
                  onChange={(value) => setDeviation(index, { description: value })}
                  errors={submit.fieldErrors(`deviations.${index}.description`)}
                  rows={3}
                />
                {index > 0 && (
                  <button
                    type="button"
                    className="button button-quiet button-small"
                    onClick={() =>
                      set('deviations', [...values.deviations.slice(0, index), ...values.deviations.slice(index + 1)])
                    }
                  >
                    {t('controlResults.removeDeviation', { number: index + 1 })}
                  </button>
                )}
              </fieldset>
            ))}
            <button
              type="button"
              className="button button-small"
              onClick={() => set('deviations', [...values.deviations, NO_DEVIATION])}
            >
              {t('controlResults.addDeviation')}
            </button>
          </div>
        )}
        <MarkdownField
          label={t('controlResults.comment')}
          value={values.comment}
          onChange={(value) => set('comment', value)}
          errors={submit.fieldErrors('comment')}
          rows={3}
        />
      </FormFrame>
      <p>
        <button type="button" className="button button-quiet" onClick={onCancel}>
          {t('controlResults.cancel')}
        </button>
      </p>
    </div>
  );
}
