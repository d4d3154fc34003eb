import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { RiskBand, RiskLevel } from '../../../domain/risk-matrix.ts';
import { LoadFailed, Loading } from '../../components/page.tsx';
import { ConflictNotice } from '../../components/conflict-notice.tsx';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { InputField, SelectField } from '../../components/fields.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { createRiskMatrix, updateRiskMatrix } from '../../api/risk-matrices.ts';
import { invalidateRiskMatrices } from '../../api/invalidation.ts';
import { useEntityForm } from '../../lib/use-entity-form.ts';
import { useRiskMatrices, type RiskMatrix } from '../../lib/reference-data.ts';
import { RiskMatrixTable } from '../../components/risk-matrix-table.tsx';
import { AdminPage } from './admin-nav.tsx';

/**
 * The risk matrix per version (valid from a year): the size and names of the sannolikhet and
 * konsekvens scales, what each step means, and the colour bands over riskvärde, with a preview.
 */
export function RiskMatrixAdminPage() {
  const { t } = useI18n();
  const matrices = useRiskMatrices();
  const [chosen, setChosen] = useState<string>('');
  if (matrices.error)
    return (
      <AdminPage title={t('admin.riskMatrix')}>
        <LoadFailed error={matrices.error} />
      </AdminPage>
    );
  if (!matrices.data)
    return (
      <AdminPage title={t('admin.riskMatrix')}>
        <Loading />
      </AdminPage>
    );
  const sorted = [...matrices.data].sort((a, b) => b.validFromYear - a.validFromYear);
  const matrix = sorted.find((entry) => entry.id === chosen) ?? sorted[0];
  return (
    <AdminPage title={t('admin.riskMatrix')}>
      <p className="lead">{t('admin.riskMatrixIntro')}</p>
      {sorted.length > 1 && (
        <SelectField
          label={t('admin.matrixVersion')}
          value={matrix?.id ?? ''}
          onChange={setChosen}
          options={sorted.map((entry) => ({
            value: entry.id,
            label: t('admin.validFrom', { year: entry.validFromYear }),
          }))}
        />
      )}
      {matrix && <MatrixForm key={`${matrix.id}:${matrix.version}`} matrix={matrix} />}
    </AdminPage>
  );
}

interface MatrixValues extends Record<string, unknown> {
  validFromYear: string;
  likelihoodLevels: RiskLevel[];
  consequenceLevels: RiskLevel[];
  bands: RiskBand[];
}

const toValues = (matrix: RiskMatrix): MatrixValues => ({
  validFromYear: String(matrix.validFromYear),
  likelihoodLevels: matrix.likelihoodLevels,
  consequenceLevels: matrix.consequenceLevels,
  bands: matrix.bands,
});

function MatrixForm({ matrix }: { matrix: RiskMatrix }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const form = useEntityForm(toValues(matrix), matrix.version);
  const { values, set, submit } = form;
  const [asNewVersion, setAsNewVersion] = useState(false);

  async function send(formValues: MatrixValues, version: number | undefined) {
    const config = {
      likelihoodLevels: formValues.likelihoodLevels,
      consequenceLevels: formValues.consequenceLevels,
      bands: formValues.bands,
    };
    if (asNewVersion) await createRiskMatrix({ validFromYear: Number(formValues.validFromYear), ...config });
    else await updateRiskMatrix(matrix.id, { ...config, version });
    await invalidateRiskMatrices(queryClient);
  }

  function setSize(key: 'likelihoodLevels' | 'consequenceLevels', size: number) {
    const levels = values[key];
    const next = Array.from(
      { length: size },
      (_, index) => levels[index] ?? { value: index + 1, label: String(index + 1), description: '' },
    );
    set(key, next);
  }
  const updateLevel = (key: 'likelihoodLevels' | 'consequenceLevels', index: number, change: Partial<RiskLevel>) =>
    set(
      key,
      values[key].map((level, at) => (at === index ? { ...level, ...change } : level)),
    );
  const updateBand = (index: number, change: Partial<RiskBand>) =>
    set(
      'bands',
      values.bands.map((band, at) => (at === index ? { ...band, ...change } : band)),
    );
  const errorsUnder = (path: string) =>
    (submit.error?.problem.errors ?? [])
      .filter((error) => error.path === path || error.path.startsWith(`${path}.`))
      .map((error) => error.message);
  const preview: RiskMatrix = {
    ...matrix,
    likelihoodLevels: values.likelihoodLevels,
    consequenceLevels: values.consequenceLevels,
    bands: values.bands,
  };
  const sizes = [2, 3, 4, 5, 6, 7, 8, 9, 10].map((size) => ({ value: String(size), label: String(size) }));

  return (
    <form
      className="form form-wide"
      noValidate
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        void form.save(send);
      }}
    >
      {form.conflict && (
        <ConflictNotice
          base={matrix}
          current={form.conflict}
          fields={[{ key: 'bands', label: t('admin.bands') }]}
          onKeepMine={() => void form.keepMine(send)}
          onTakeTheirs={() => form.takeTheirs((current) => toValues(current as unknown as RiskMatrix))}
        />
      )}
      <ErrorSummary error={submit.error} />
      {(['likelihoodLevels', 'consequenceLevels'] as const).map((key) => (
        <fieldset key={key} className="fieldset field-wide">
          <legend className="field-label">
            {key === 'likelihoodLevels' ? t('plan.likelihood') : t('plan.consequence')}
          </legend>
          <SelectField
            label={t('admin.steps')}
            value={String(values[key].length)}
            onChange={(size) => setSize(key, Number(size))}
            options={sizes}
            errors={errorsUnder(key)}
          />
          {values[key].map((level, index) => (
            <div key={level.value} className="field-row">
              <InputField
                label={t('admin.levelName', { value: level.value })}
                isRequired
                value={level.label}
                onChange={(label) => updateLevel(key, index, { label })}
              />
              <InputField
                label={t('admin.levelDescription', { value: level.value })}
                value={level.description}
                onChange={(description) => updateLevel(key, index, { description })}
              />
            </div>
          ))}
        </fieldset>
      ))}
      <fieldset className="fieldset field-wide">
        <legend className="field-label">{t('admin.bands')}</legend>
        <p className="field-description">{t('admin.bandsHelp')}</p>
        {errorsUnder('bands').length > 0 && <p className="field-error">{errorsUnder('bands').join(' ')}</p>}
        {values.bands.map((band, index) => (
          <div key={index} className="field-row">
            <InputField
              label={t('admin.bandName', { number: index + 1 })}
              isRequired
              value={band.label}
              onChange={(label) => updateBand(index, { label })}
            />
            <InputField
              label={t('admin.bandFrom', { number: index + 1 })}
              type="number"
              inputMode="numeric"
              value={String(band.min)}
              onChange={(min) => updateBand(index, { min: Number(min) })}
            />
            <InputField
              label={t('admin.bandTo', { number: index + 1 })}
              type="number"
              inputMode="numeric"
              value={String(band.max)}
              onChange={(max) => updateBand(index, { max: Number(max) })}
            />
            <InputField
              label={t('admin.bandColour', { number: index + 1 })}
              description={t('admin.colourHelp')}
              value={band.colour}
              onChange={(colour) => updateBand(index, { colour })}
            />
            <button
              type="button"
              className="button button-small button-quiet"
              onClick={() =>
                set(
                  'bands',
                  values.bands.filter((_, at) => at !== index),
                )
              }
            >
              {t('admin.removeBand', { name: band.label })}
            </button>
          </div>
        ))}
        <button
          type="button"
          className="button button-small"
          onClick={() =>
            set('bands', [...values.bands, { min: 1, max: 1, label: t('admin.newBandName'), colour: '#ffffff' }])
          }
        >
          {t('admin.addBand')}
        </button>
      </fieldset>
      <section aria-labelledby="preview-heading" className="section">
        <h2 id="preview-heading">{t('admin.preview')}</h2>
        {values.bands.every((band) => /^#[0-9a-fA-F]{6}$/.test(band.colour)) ? (
          <RiskMatrixTable matrix={preview} risks={[]} selected={null} />
        ) : (
          <p>{t('admin.previewNeedsColours')}</p>
        )}
      </section>
      <label className="checkbox">
        <input type="checkbox" checked={asNewVersion} onChange={(event) => setAsNewVersion(event.target.checked)} />{' '}
        {t('admin.asNewVersion')}
      </label>
      {asNewVersion && (
        <InputField
          label={t('admin.validFromYear')}
          type="number"
          inputMode="numeric"
          isRequired
          value={values.validFromYear}
          onChange={(value) => set('validFromYear', value)}
          errors={submit.fieldErrors('validFromYear')}
        />
      )}
      <button type="submit" className="button button-primary">
        {submit.pending ? t('form.saving') : t('admin.saveMatrix')}
      </button>
    </form>
  );
}
