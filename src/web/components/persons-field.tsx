import { useId } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { textCollator } from '../lib/format.ts';

export interface Person {
  id: string;
  name: string;
  deactivatedAt?: string | null;
}

/**
 * Several persons in order (ansvariga, rapporteringsansvariga): the chosen ones with a button
 * each to remove them, and a list to add another. Deactivated persons stay shown when already
 * chosen but cannot be added.
 */
export function PersonsField({
  label,
  value,
  onChange,
  persons,
  errors,
}: {
  label: string;
  value: string[];
  onChange: (ids: string[]) => void;
  persons: Person[];
  errors?: string[] | undefined;
}) {
  const { t, formatLocale } = useI18n();
  const id = useId();
  const byId = new Map(persons.map((person) => [person.id, person]));
  const addable = persons
    .filter((person) => !person.deactivatedAt && !value.includes(person.id))
    .sort((a, b) => textCollator(formatLocale)(a.name, b.name));
  const errorId = errors && errors.length > 0 ? `${id}-error` : undefined;
  return (
    <fieldset className="field fieldset" aria-describedby={errorId}>
      <legend className="field-label">{label}</legend>
      {value.length === 0 ? (
        <p className="muted">{t('persons.none')}</p>
      ) : (
        <ul className="chosen-list">
          {value.map((personId) => {
            const name = byId.get(personId)?.name ?? '–';
            return (
              <li key={personId}>
                {name}{' '}
                <button
                  type="button"
                  className="button button-small button-quiet"
                  onClick={() => onChange(value.filter((other) => other !== personId))}
                >
                  {t('persons.remove', { name })}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <label htmlFor={`${id}-add`} className="field-description">
        {t('persons.add')}
      </label>
      <select
        id={`${id}-add`}
        className="field-input"
        value=""
        onChange={(event) => {
          if (event.target.value) onChange([...value, event.target.value]);
        }}
      >
        <option value="">{t('persons.choose')}</option>
        {addable.map((person) => (
          <option key={person.id} value={person.id}>
            {person.name}
          </option>
        ))}
      </select>
      {errorId && (
        <p id={errorId} className="field-error">
          {errors!.join(' ')}
        </p>
      )}
    </fieldset>
  );
}
