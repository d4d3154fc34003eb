import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from '@tanstack/react-router';
import { LoadFailed, Loading, Page } from '../../components/page.tsx';
import { ArchiveButton } from '../../components/archive-button.tsx';
import { FormFrame } from '../../components/form-frame.tsx';
import { InputField, SelectField } from '../../components/fields.tsx';
import { MarkdownField } from '../../components/markdown-field.tsx';
import { unitOptions } from '../../components/unit-filter.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { blankToNull } from '../../lib/format.ts';
import { planQueries, updatePlan } from '../../api/plans.ts';
import { invalidatePlan } from '../../api/invalidation.ts';
import { useEntityForm } from '../../lib/use-entity-form.ts';
import { useOrgUnits, type Plan } from '../../lib/reference-data.ts';

const toValues = (plan: Partial<Plan>) => ({
  title: plan.title ?? '',
  description: plan.description ?? '',
  startYear: String(plan.startYear ?? ''),
  endYear: String(plan.endYear ?? ''),
  decisionUnitId: plan.decisionUnitId ?? '',
  decisionDate: plan.decisionDate ?? '',
  decisionParagraph: plan.decisionParagraph ?? '',
  diarienummer: plan.diarienummer ?? '',
});

/** A plan's name, years, description and its decision: the body, the meeting date, § and diarienummer. */
export function EditPlanPage() {
  const { t } = useI18n();
  const { planId } = useParams({ from: '/planer/$planId/redigera' });
  const plan = useQuery(planQueries.detail(planId));
  const units = useOrgUnits();
  const error = plan.error ?? units.error;
  if (error)
    return (
      <Page title={t('planForm.edit')}>
        <LoadFailed error={error} />
      </Page>
    );
  if (!plan.data || !units.data)
    return (
      <Page title={t('planForm.edit')}>
        <Loading />
      </Page>
    );
  return <EditPlanForm key={plan.data.version} plan={plan.data} />;
}

function EditPlanForm({ plan }: { plan: Plan }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const units = useOrgUnits().data!;
  const form = useEntityForm(toValues(plan), plan.version);
  const { values, set, submit } = form;
  const decided = plan.state !== 'draft';
  const recorded = (field: 'decisionUnitId' | 'decisionDate' | 'decisionParagraph' | 'diarienummer') =>
    decided && plan[field] !== null;

  async function send(formValues: typeof values, version: number | undefined) {
    await updatePlan(plan.id, {
      version,
      title: formValues.title,
      description: blankToNull(formValues.description),
      startYear: Number(formValues.startYear),
      endYear: Number(formValues.endYear),
      // An adopted plan's recorded decision changes only through a revision (on the plan's page);
      // a part never recorded may be filled in here.
      ...(recorded('decisionUnitId') ? {} : { decisionUnitId: blankToNull(formValues.decisionUnitId) }),
      ...(recorded('decisionDate') ? {} : { decisionDate: blankToNull(formValues.decisionDate) }),
      ...(recorded('decisionParagraph') ? {} : { decisionParagraph: blankToNull(formValues.decisionParagraph) }),
      ...(recorded('diarienummer') ? {} : { diarienummer: blankToNull(formValues.diarienummer) }),
    });
    await invalidatePlan(queryClient, plan.id);
    await navigate({
      to: '/planer/$planId',
      params: { planId: plan.id },
      search: { sannolikhet: undefined, konsekvens: undefined },
    });
  }

  return (
    <Page title={t('planForm.edit')}>
      <p className="lead">{plan.title}</p>
      <FormFrame
        form={form}
        send={send}
        base={plan}
        conflictFields={[
          { key: 'title', label: t('planForm.title') },
          { key: 'decisionDate', label: t('plan.decisionDate') },
          { key: 'decisionParagraph', label: t('plan.paragraph') },
          { key: 'diarienummer', label: t('plan.diarienummer') },
        ]}
        toValues={(current) => toValues(current)}
      >
        <InputField
          label={t('planForm.title')}
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
            isRequired
            value={values.startYear}
            onChange={(value) => set('startYear', value)}
            errors={submit.fieldErrors('startYear')}
          />
          <InputField
            label={t('planForm.endYear')}
            type="number"
            inputMode="numeric"
            isRequired
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
        <fieldset className="fieldset">
          <legend className="field-label">{t('plan.decision')}</legend>
          {decided && <p className="field-description">{t('planForm.decisionLocked')}</p>}
          {recorded('decisionUnitId') ? (
            <RecordedValue
              label={t('plan.decidedBy')}
              value={units.find((unit) => unit.id === plan.decisionUnitId)?.name ?? '–'}
            />
          ) : (
            <SelectField
              label={t('plan.decidedBy')}
              value={values.decisionUnitId}
              onChange={(value) => set('decisionUnitId', value)}
              options={unitOptions(units)}
              emptyLabel={t('planForm.noDecisionUnit')}
              errors={submit.fieldErrors('decisionUnitId')}
            />
          )}
          <div className="field-row">
            {recorded('decisionDate') ? (
              <RecordedValue label={t('plan.decisionDate')} value={plan.decisionDate!} />
            ) : (
              <InputField
                label={t('plan.decisionDate')}
                type="date"
                value={values.decisionDate}
                onChange={(value) => set('decisionDate', value)}
                errors={submit.fieldErrors('decisionDate')}
              />
            )}
            {recorded('decisionParagraph') ? (
              <RecordedValue label={t('plan.paragraph')} value={plan.decisionParagraph!} />
            ) : (
              <InputField
                label={t('plan.paragraph')}
                description={t('planForm.paragraphHelp')}
                value={values.decisionParagraph}
                onChange={(value) => set('decisionParagraph', value)}
                errors={submit.fieldErrors('decisionParagraph')}
              />
            )}
            {recorded('diarienummer') ? (
              <RecordedValue label={t('plan.diarienummer')} value={plan.diarienummer!} />
            ) : (
              <InputField
                label={t('plan.diarienummer')}
                value={values.diarienummer}
                onChange={(value) => set('diarienummer', value)}
                errors={submit.fieldErrors('diarienummer')}
              />
            )}
          </div>
        </fieldset>
      </FormFrame>
      <div className="archive-row">
        <ArchiveButton
          entity={{ type: 'plan', id: plan.id }}
          name={plan.title}
          onDone={() => navigate({ to: '/organisation', search: { enhet: plan.unitId } })}
        />
      </div>
    </Page>
  );
}

/** A part of an adopted plan's decision as recorded: read, not edited (a revision changes it). */
function RecordedValue({ label, value }: { label: string; value: string }) {
  return (
    <div className="field">
      <span className="field-label">{label}</span>
      <p>{value}</p>
    </div>
  );
}
