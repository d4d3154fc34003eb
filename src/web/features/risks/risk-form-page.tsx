import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { LoadFailed, Loading, Page } from '../../components/page.tsx';
import { ArchiveButton } from '../../components/archive-button.tsx';
import { FormFrame } from '../../components/form-frame.tsx';
import { InputField, SelectField } from '../../components/fields.tsx';
import { MarkdownField } from '../../components/markdown-field.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { planQueries, type Plan } from '../../api/plans.ts';
import { createRisk, riskQueries, updateRisk, type Risk } from '../../api/risks.ts';
import { invalidateRisk } from '../../api/invalidation.ts';
import { matrixOf } from '../../lib/risk-matrix-of.ts';
import { useEntityForm } from '../../lib/use-entity-form.ts';
import { useRiskMatrices, type RiskMatrix } from '../../lib/reference-data.ts';

interface RiskValues extends Record<string, unknown> {
  title: string;
  description: string;
  process: string;
  likelihood: string;
  consequence: string;
}

const toValues = (risk: Partial<Risk> | null): RiskValues => ({
  title: risk?.title ?? '',
  description: risk?.description ?? '',
  process: risk?.process ?? '',
  likelihood: risk?.likelihood ? String(risk.likelihood) : '',
  consequence: risk?.consequence ? String(risk.consequence) : '',
});

/** A new risk of a plan (`planId`) or a change of one (`riskId`). */
export function RiskFormPage({ planId, riskId }: { planId?: string; riskId?: string }) {
  const { t } = useI18n();
  const existing = useQuery({ ...riskQueries.detail(riskId ?? ''), enabled: riskId !== undefined });
  const ownPlanId = planId ?? existing.data?.planId;
  const planQuery = useQuery({ ...planQueries.detail(ownPlanId ?? ''), enabled: ownPlanId !== undefined });
  const matrices = useRiskMatrices();
  const title = riskId ? t('riskForm.edit') : t('riskForm.new');
  const error = existing.error ?? planQuery.error ?? matrices.error;
  if (error)
    return (
      <Page title={title}>
        <LoadFailed error={error} />
      </Page>
    );
  if ((riskId && !existing.data) || !planQuery.data || !matrices.data)
    return (
      <Page title={title}>
        <Loading />
      </Page>
    );
  return (
    <RiskForm
      key={existing.data?.id ?? 'new'}
      title={title}
      plan={planQuery.data}
      risk={existing.data ?? null}
      matrix={matrixOf(planQuery.data, matrices.data)}
    />
  );
}

function RiskForm({
  title,
  plan,
  risk,
  matrix,
}: {
  title: string;
  plan: Plan;
  risk: Risk | null;
  matrix: RiskMatrix | undefined;
}) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const form = useEntityForm(toValues(risk), risk?.version);
  const { values, set, submit } = form;
  const level = (text: string) => (text === '' ? null : Number(text));

  async function send(formValues: RiskValues, version: number | undefined) {
    const body = {
      title: formValues.title,
      description: formValues.description || null,
      process: formValues.process.trim() || null,
      likelihood: level(formValues.likelihood),
      consequence: level(formValues.consequence),
    };
    const saved = risk
      ? await updateRisk(risk.id, { ...body, version })
      : await createRisk({ ...body, planId: plan.id });
    await invalidateRisk(queryClient, { id: saved.id, planId: plan.id });
    await navigate({ to: '/risker/$riskId', params: { riskId: saved.id } });
  }

  const levels = (kind: 'likelihoodLevels' | 'consequenceLevels') =>
    (matrix?.[kind] ?? [1, 2, 3, 4].map((value) => ({ value, label: '', description: '' }))).map((entry) => ({
      value: String(entry.value),
      label: entry.label ? `${entry.value} – ${entry.label}` : String(entry.value),
    }));
  const likelihood = level(values.likelihood);
  const consequence = level(values.consequence);

  return (
    <Page title={title}>
      <p className="lead">{t('riskForm.inPlan', { plan: plan.title })}</p>
      <FormFrame
        form={form}
        send={send}
        base={risk}
        conflictFields={[
          { key: 'title', label: t('riskForm.title') },
          { key: 'description', label: t('riskForm.description') },
          { key: 'process', label: t('riskForm.process') },
          { key: 'likelihood', label: t('plan.likelihood') },
          { key: 'consequence', label: t('plan.consequence') },
        ]}
        toValues={(current) => toValues(current)}
      >
        <InputField
          label={t('riskForm.title')}
          isRequired
          value={values.title}
          onChange={(value) => set('title', value)}
          errors={submit.fieldErrors('title')}
        />
        <MarkdownField
          label={t('riskForm.description')}
          description={t('riskForm.descriptionHelp')}
          value={values.description}
          onChange={(value) => set('description', value)}
          errors={submit.fieldErrors('description')}
          rows={4}
        />
        <InputField
          label={t('riskForm.process')}
          value={values.process}
          onChange={(value) => set('process', value)}
          errors={submit.fieldErrors('process')}
        />
        <div className="field-row">
          <SelectField
            label={t('plan.likelihood')}
            value={values.likelihood}
            onChange={(value) => set('likelihood', value)}
            options={levels('likelihoodLevels')}
            emptyLabel={t('plan.unassessed')}
            errors={submit.fieldErrors('likelihood')}
          />
          <SelectField
            label={t('plan.consequence')}
            value={values.consequence}
            onChange={(value) => set('consequence', value)}
            options={levels('consequenceLevels')}
            emptyLabel={t('plan.unassessed')}
            errors={submit.fieldErrors('consequence')}
          />
        </div>
        <p role="status" className="hint">
          {likelihood && consequence ? t('riskForm.value', { value: likelihood * consequence }) : t('riskForm.noValue')}
        </p>
      </FormFrame>
      {risk && (
        <div className="archive-row">
          <ArchiveButton
            entity={{ type: 'risk', id: risk.id }}
            name={risk.title}
            onDone={() =>
              navigate({
                to: '/planer/$planId',
                params: { planId: plan.id },
                search: { sannolikhet: undefined, konsekvens: undefined },
              })
            }
          />
        </div>
      )}
    </Page>
  );
}
