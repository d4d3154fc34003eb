import { useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { PLAN_TABLE_FIELDS } from '../../../domain/plan-import.ts';
import { invalidatePlanImport, invalidatePlanImportMappings } from '../../api/invalidation.ts';
import {
  updatePlanImportMapping,
  type PlanImport,
  type PlanImportMapping,
  type PlanTableField,
} from '../../api/plan-imports.ts';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { InputField } from '../../components/fields.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useSubmit } from '../../lib/use-submit.ts';

/** The select's value for a column left out. */
const LEFT_OUT = '';

const isField = (value: string): value is PlanTableField => (PLAN_TABLE_FIELDS as readonly string[]).includes(value);

/**
 * A plan table's columns, each with what it holds: the recognised headings come chosen, the
 * others are the person's to choose (or to leave out). Sending the choice reads the file again;
 * the choice may also be saved under a name for the next file of the same layout.
 */
export function MappingStep({ item, mapping }: { item: PlanImport; mapping: PlanImportMapping }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const submit = useSubmit();
  const captionId = useId();
  const [fields, setFields] = useState<Record<number, PlanTableField | null>>(() =>
    Object.fromEntries(mapping.columns.map((column) => [column.column, column.field])),
  );
  const [saveAs, setSaveAs] = useState('');
  const rows = mapping.headerRows.join('–');

  function send(event: FormEvent) {
    event.preventDefault();
    void submit.run(async () => {
      const name = saveAs.trim();
      await updatePlanImportMapping(item.id, {
        columns: mapping.columns.map((column) => ({ column: column.column, field: fields[column.column] ?? null })),
        ...(name ? { saveAs: name } : {}),
      });
      await invalidatePlanImport(queryClient, item.id);
      if (name) await invalidatePlanImportMappings(queryClient);
    });
  }

  return (
    <section aria-labelledby="import-mapping-heading" className="section">
      <h2 id="import-mapping-heading">{t('planImport.mappingHeading')}</h2>
      <p>
        {mapping.sheet !== null
          ? t('planImport.mappingFrom', { sheet: mapping.sheet, rows })
          : t('planImport.mappingFromRows', { rows })}
      </p>
      <p className="hint">{t('planImport.mappingIntro')}</p>
      <ErrorSummary error={submit.error} />
      <form className="form" noValidate onSubmit={send}>
        <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
          <table className="table import-mapping-table">
            <caption id={captionId} className="visually-hidden">
              {t('planImport.mappingCaption')}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('planImport.column')}</th>
                <th scope="col">{t('planImport.heading')}</th>
                <th scope="col">{t('planImport.contains')}</th>
              </tr>
            </thead>
            <tbody>
              {mapping.columns.map((column) => {
                const heading = column.heading.trim() || t('planImport.untitled');
                const selectId = `${captionId}-column-${column.column}`;
                return (
                  <tr key={column.column}>
                    <td>{column.letter}</td>
                    <th scope="row">
                      {heading}
                      {column.recognised && <span className="tag">{t('planImport.recognised')}</span>}
                    </th>
                    <td>
                      <label htmlFor={selectId} className="visually-hidden">
                        {t('planImport.fieldOf', { letter: column.letter, heading })}
                      </label>
                      <select
                        id={selectId}
                        className="field-input"
                        value={fields[column.column] ?? LEFT_OUT}
                        onChange={(event) => {
                          const value = event.target.value;
                          setFields((current) => ({ ...current, [column.column]: isField(value) ? value : null }));
                        }}
                      >
                        <option value={LEFT_OUT}>{t('planImport.leaveOut')}</option>
                        {PLAN_TABLE_FIELDS.map((field) => (
                          <option key={field} value={field}>
                            {t(`planImport.field.${field}`)}
                          </option>
                        ))}
                      </select>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        <InputField
          label={t('planImport.saveAs')}
          description={t('planImport.saveAsHelp')}
          errors={submit.fieldErrors('saveAs')}
          value={saveAs}
          onChange={setSaveAs}
        />
        <button type="submit" className="button button-primary">
          {t('planImport.previewAgain')}
        </button>
      </form>
    </section>
  );
}
