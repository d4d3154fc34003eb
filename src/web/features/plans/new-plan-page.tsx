import { useQueryClient } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { PLAN_KINDS } from '../../../domain/plan.ts';
import { LoadFailed, Loading, Page } from '../../components/page.tsx';
import { FormFrame } from '../../components/form-frame.tsx';
import { InputField, SelectField } from '../../components/fields.tsx';
import { MarkdownField } from '../../components/markdown-field.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { createPlan, type Plan } from '../../api/plans.ts';
import { invalidatePlan } from '../../api/invalidation.ts';
import { webYear } from '../../lib/clock.ts';
import { useEntityForm } from '../../lib/use-entity-form.ts';
import { useOrgUnits } from '../../lib/reference-data.ts';

/** A new plan (internkontrollplan or aktivitetsplan) of a unit, as a draft. */
export function NewPlanPage() {
  const { t } = useI18n();
  const { enhet } = useSearch({ from: '/planer/ny' });
  const units = useOrgUnits();
  if (units.error)
    return (
      <Page title={t('planForm.new')}>
        <LoadFailed error={units.error} />
      </Page>
    );
  if (!units.data)
    return (
      <Page title={t('planForm.new')}>
        <Loading />
      </Page>
    );
  return <NewPlanForm unitId={enhet ?? ''} />;
}

function NewPlanForm({ unitId }: { unitId: string }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const units = useOrgUnits().data!;
  const year = String(webYear() + 1);
  const form = useEntityForm({
    unitId,
    kind: 'internal_control',
    title: '',
    startYear: year,
    endYear: year,
    description: '',
  });
  const { values, set, submit } = form;

  async function send(formValues: typeof values) {
    const plan = await createPlan({
      unitId: formValues.unitId,
      kind: formValues.kind as Plan['kind'],
      title: formValues.title,
      startYear: Number(formValues.startYear),
      endYear: Number(formValues.endYear || formValues.startYear),
      description: formValues.description || null,
    });
    await invalidatePlan(queryClient, plan.id);
    await navigate({
      to: '/planer/$planId',
      params: { planId: plan.id },
      search: { sannolikhet: undefined, konsekvens: undefined },
    });
  }

  return (
    <Page title={t('planForm.new')}>
      <FormFrame form={form} send={send} base={null} submitLabel={t('planForm.create')}>
        <SelectField
          label={t('plan.unit')}
          isRequired
          value={values.unitId}
          onChange={(value) => set('unitId', value)}
          options={units.map((unit) => ({ value: unit.id, label: unit.name }))}
          emptyLabel={t('planForm.chooseUnit')}
          errors={submit.fieldErrors('unitId')}
        />
        <SelectField
          label={t('organisation.kind')}
          isRequired
          value={values.kind}
          onChange={(value) => set('kind', value)}
          options={PLAN_KINDS.map((kind) => ({ value: kind, label: t(`planKind.${kind}`) }))}
          errors={submit.fieldErrors('kind')}
        />
        <InputField
          label={t('planForm.title')}
          description={t('planForm.titleHelp')}
          isRequired
          value={values.title}
          onChange={(value) => set('title', value)}
          errors={submit.fieldErrors('title')}
        />
        <div className="field-row">
          <InputField
            label={t('planForm.startYear')}
            type="number"
            inputMode="numeric"
            min={1990}
            max={2100}
            isRequired
            value={values.startYear}
            onChange={(value) => set('startYear', value)}
            errors={submit.fieldErrors('startYear')}
          />
          <InputField
            label={t('planForm.endYear')}
            type="number"
            inputMode="numeric"
            min={1990}
            max={2100}
            value={values.endYear}
            onChange={(value) => set('endYear', value)}
            errors={submit.fieldErrors('endYear')}
          />
        </div>
        <MarkdownField
          label={t('planForm.description')}
          value={values.description}
          onChange={(value) => set('description', value)}
          errors={submit.fieldErrors('description')}
          rows={4}
        />
      </FormFrame>
    </Page>
  );
}
