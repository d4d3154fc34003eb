import { useId } from 'react';
import {
  checkpointDates,
  FREQUENCY_KINDS,
  type ControlFrequency,
  type FrequencyKind,
} from '../../domain/control-frequency.ts';
import { REPORT_RECIPIENTS, type ReportRecipient } from '../../domain/risk-response.ts';
import { useI18n, type Translate } from '../i18n/i18n.tsx';
import { formatDate, textCollator } from '../lib/format.ts';
import { vocabularyLabel } from '../lib/reference-data.ts';
import { SelectField, type Option } from './fields.tsx';

// The structured fields of risks and controls (kontrollmoment): frequency, recipients of the
// report and persons chosen one at a time, as form fields and as text to show.

/** A frequency in words: "Varje kvartal", "Givna datum: 1 feb. 2026, 1 juni 2026". */
export function frequencyText(frequency: ControlFrequency | null, t: Translate, formatLocale: string): string {
  if (!frequency) return '–';
  if (frequency.kind === 'dates')
    return t('frequency.givenDates', {
      dates: frequency.dates.map((date) => formatDate(date, formatLocale)).join(', '),
    });
  return t(`frequency.${frequency.kind}`);
}

/** The recipients of a control's report in words, in the order the plan lists them. */
export function reportsToText(reportsTo: ReportRecipient[], t: Translate): string {
  return (
    REPORT_RECIPIENTS.filter((recipient) => reportsTo.includes(recipient))
      .map((recipient) => t(`reportsTo.${recipient}`))
      .join(', ') || '–'
  );
}

/** The form's frequency: a kind ('' for none) and, for given dates, the dates written so far. */
export interface FrequencyValues {
  kind: FrequencyKind | '';
  dates: string[];
}

export function frequencyValues(frequency: ControlFrequency | null | undefined): FrequencyValues {
  if (!frequency) return { kind: '', dates: [] };
  return { kind: frequency.kind, dates: frequency.kind === 'dates' ? [...frequency.dates] : [] };
}

/** The frequency as the API takes it; blank dates are left out. */
export function frequencyBody(values: FrequencyValues): ControlFrequency | null {
  if (values.kind === '') return null;
  if (values.kind === 'dates') return { kind: 'dates', dates: values.dates.filter((date) => date !== '') };
  return { kind: values.kind };
}

/**
 * How often a control is carried out: a choice of kinds and, for given dates, a list of date
 * fields. Says which checkpoints the frequency gives between `from` and `to` (as the server
 * generates them when the control is saved).
 */
export function FrequencyField({
  label,
  value,
  onChange,
  span,
  errors,
}: {
  label: string;
  value: FrequencyValues;
  onChange: (value: FrequencyValues) => void;
  span: { from: string; to: string };
  errors?: string[] | undefined;
}) {
  const { t, formatLocale } = useI18n();
  const id = useId();
  const frequency = frequencyBody(value);
  const dates = frequency ? checkpointDates(frequency, span.from, span.to) : [];
  const shown = dates.slice(0, 12).map((date) => formatDate(date, formatLocale));
  return (
    <>
      <SelectField
        label={label}
        description={t('controlForm.frequencyHelp')}
        value={value.kind}
        onChange={(kind) =>
          onChange({
            kind: kind as FrequencyValues['kind'],
            dates: kind === 'dates' && value.dates.length === 0 ? [''] : value.dates,
          })
        }
        options={FREQUENCY_KINDS.map((kind) => ({ value: kind, label: t(`frequency.${kind}`) }))}
        emptyLabel={t('controlForm.noFrequency')}
        errors={errors}
      />
      {value.kind === 'dates' && (
        <fieldset className="fieldset">
          <legend className="field-label">{t('controlForm.dates')}</legend>
          <ul className="chosen-list">
            {value.dates.map((date, index) => (
              <li key={index} className="field-row">
                <div className="field">
                  <label htmlFor={`${id}-date-${index}`} className="field-label">
                    {t('controlForm.date', { number: index + 1 })}
                  </label>
                  <input
                    id={`${id}-date-${index}`}
                    className="field-input"
                    type="date"
                    value={date}
                    onChange={(event) =>
                      onChange({
                        ...value,
                        dates: value.dates.with(index, event.target.value),
                      })
                    }
                  />
                </div>
                <button
                  type="button"
                  className="button button-small button-quiet"
                  onClick={() => onChange({ ...value, dates: value.dates.toSpliced(index, 1) })}
                >
                  {t('controlForm.removeDate', { number: index + 1 })}
                </button>
              </li>
            ))}
          </ul>
          <button
            type="button"
            className="button button-small"
            onClick={() => onChange({ ...value, dates: [...value.dates, ''] })}
          >
            {t('controlForm.addDate')}
          </button>
        </fieldset>
      )}
      {/* Always there, so that a screen reader hears the checkpoints change with the frequency. */}
      <p role="status" className="hint">
        {!frequency
          ? ''
          : dates.length === 0
            ? t('controlForm.generatesNone')
            : t('controlForm.generates', {
                count: dates.length,
                dates: dates.length > shown.length ? `${shown.join(', ')} …` : shown.join(', '),
              })}
      </p>
    </>
  );
}

/** To whom a control's result is reported: nämnd, förvaltningschef, kommunstyrelsen. */
export function ReportsToField({
  label,
  value,
  onChange,
  errors,
}: {
  label: string;
  value: ReportRecipient[];
  onChange: (value: ReportRecipient[]) => void;
  errors?: string[] | undefined;
}) {
  const { t } = useI18n();
  const id = useId();
  const errorId = errors && errors.length > 0 ? `${id}-error` : undefined;
  return (
    <fieldset className="fieldset" aria-describedby={errorId}>
      <legend className="field-label">{label}</legend>
      {REPORT_RECIPIENTS.map((recipient) => (
        <label key={recipient} className="checkbox">
          <input
            type="checkbox"
            checked={value.includes(recipient)}
            onChange={(event) =>
              onChange(
                event.target.checked
                  ? REPORT_RECIPIENTS.filter((other) => other === recipient || value.includes(other))
                  : value.filter((other) => other !== recipient),
              )
            }
          />{' '}
          {t(`reportsTo.${recipient}`)}
        </label>
      ))}
      {errorId && (
        <p id={errorId} className="field-error">
          {errors!.join(' ')}
        </p>
      )}
    </fieldset>
  );
}

/**
 * The tenant's active persons as choices, by name; a deactivated person already chosen stays,
 * marked as such.
 */
export function personOptions(
  persons: { id: string; name: string; deactivatedAt?: string | null }[],
  current: string | null | undefined,
  t: Translate,
  formatLocale: string,
): Option[] {
  return persons
    .filter((person) => !person.deactivatedAt || person.id === current)
    .sort((a, b) => textCollator(formatLocale)(a.name, b.name))
    .map((person) => ({
      value: person.id,
      label: person.deactivatedAt ? `${person.name} ${t('person.deactivated')}` : person.name,
    }));
}

/** A vocabulary entry as the API names it (a stored value of unknown shape, say in a conflict), in words. */
export function vocabularyRefText(value: unknown, locale: 'sv' | 'en'): string {
  if (typeof value !== 'object' || value === null) return '–';
  const { labelSv, labelEn } = value as { labelSv?: unknown; labelEn?: unknown };
  return typeof labelSv === 'string' && typeof labelEn === 'string'
    ? vocabularyLabel({ labelSv, labelEn }, locale)
    : '–';
}
