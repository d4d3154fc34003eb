import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { LoadFailed, Loading, Page } from '../../components/page.tsx';
import { ArchiveButton } from '../../components/archive-button.tsx';
import { FormFrame } from '../../components/form-frame.tsx';
import { InputField, SelectField } from '../../components/fields.tsx';
import { MarkdownField } from '../../components/markdown-field.tsx';
import { personOptions, vocabularyRefText } from '../../components/structured-fields.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { planQueries, type Plan } from '../../api/plans.ts';
import { createRisk, riskQueries, updateRisk, type Risk } from '../../api/risks.ts';
import { invalidateRisk } from '../../api/invalidation.ts';
import { matrixOf } from '../../lib/risk-matrix-of.ts';
import { useEntityForm } from '../../lib/use-entity-form.ts';
import { blankToNull } from '../../lib/format.ts';
import {
  useRiskMatrices,
  useUsers,
  useVocabulary,
  vocabularyOptions,
  type RiskMatrix,
  type User,
  type VocabularyEntry,
} from '../../lib/reference-data.ts';
import { GoalsField, goalErrors } from '../../components/goals-field.tsx';
import { RISK_RESPONSES, type RiskResponse } from '../../../domain/risk-response.ts';

interface RiskValues extends Record<string, unknown> {
  title: string;
  description: string;
  processId: string;
  categoryId: string;
  cause: string;
  effect: string;
  ownerId: string;
  response: RiskResponse | '';
  responseMotivation: string;
  legalReferences: string;
  likelihood: string;
  consequence: string;
  goalIds: string[];
}

const toValues = (risk: Partial<Risk> | null): RiskValues => ({
  title: risk?.title ?? '',
  description: risk?.description ?? '',
  processId: risk?.process?.id ?? '',
  categoryId: risk?.category?.id ?? '',
  cause: risk?.cause ?? '',
  effect: risk?.effect ?? '',
  ownerId: risk?.ownerId ?? '',
  response: risk?.response ?? '',
  responseMotivation: risk?.responseMotivation ?? '',
  legalReferences: risk?.legalReferences ?? '',
  likelihood: risk?.likelihood ? String(risk.likelihood) : '',
  consequence: risk?.consequence ? String(risk.consequence) : '',
  goalIds: risk?.goalIds ?? [],
});

/** A new risk of a plan (`planId`) or a change of one (`riskId`). */
export function RiskFormPage({ planId, riskId }: { planId?: string; riskId?: string }) {
  const { t } = useI18n();
  const existing = useQuery({ ...riskQueries.detail(riskId ?? ''), enabled: riskId !== undefined });
  const ownPlanId = planId ?? existing.data?.planId;
  const planQuery = useQuery({ ...planQueries.detail(ownPlanId ?? ''), enabled: ownPlanId !== undefined });
  const title = riskId ? t('riskForm.edit') : t('riskForm.new');
  const error = existing.error ?? planQuery.error;
  if (error)
    return (
      <Page title={title}>
        <LoadFailed error={error} />
      </Page>
    );
  if ((riskId && !existing.data) || !planQuery.data)
    return (
      <Page title={title}>
        <Loading />
      </Page>
    );
  return (
    <RiskFormLists key={existing.data?.id ?? 'new'} title={title} plan={planQuery.data} risk={existing.data ?? null} />
  );
}

/** The lists the form offers: the risk matrix, the persons, and the processes and categories for the plan's year. */
function RiskFormLists({ title, plan, risk }: { title: string; plan: Plan; risk: Risk | null }) {
  const matrices = useRiskMatrices();
  const users = useUsers();
  const processes = useVocabulary('process', plan.startYear);
  const categories = useVocabulary('risk_category', plan.startYear);
  const error = matrices.error ?? users.error ?? processes.error ?? categories.error;
  if (error)
    return (
      <Page title={title}>
        <LoadFailed error={error} />
      </Page>
    );
  if (!matrices.data || !users.data || !processes.data || !categories.data)
    return (
      <Page title={title}>
        <Loading />
      </Page>
    );
  return (
    <RiskForm
      title={title}
      plan={plan}
      risk={risk}
      matrix={matrixOf(plan, matrices.data)}
      users={users.data}
      processes={processes.data}
      categories={categories.data}
    />
  );
}

function RiskForm({
  title,
  plan,
  risk,
  matrix,
  users,
  processes,
  categories,
}: {
  title: string;
  plan: Plan;
  risk: Risk | null;
  matrix: RiskMatrix | undefined;
  users: User[];
  processes: VocabularyEntry[];
  categories: VocabularyEntry[];
}) {
  const { t, locale, formatLocale } = useI18n();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const form = useEntityForm(toValues(risk), risk?.version);
  const { values, set, submit } = form;
  const level = (text: string) => (text === '' ? null : Number(text));

  async function send(formValues: RiskValues, version: number | undefined) {
    const body = {
      title: formValues.title,
      description: formValues.description || null,
      processId: formValues.processId || null,
      categoryId: formValues.categoryId || null,
      cause: blankToNull(formValues.cause),
      effect: blankToNull(formValues.effect),
      ownerId: formValues.ownerId || null,
      response: formValues.response || null,
      responseMotivation: blankToNull(formValues.responseMotivation),
      legalReferences: formValues.legalReferences.trim() || null,
      likelihood: level(formValues.likelihood),
      consequence: level(formValues.consequence),
      goalIds: formValues.goalIds,
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
  const vocabularyShown = (ref: unknown) => vocabularyRefText(ref, locale);
  const userName = (id: unknown) => users.find((user) => user.id === id)?.name ?? '–';
  const responseShown = (value: unknown) => {
    const response = RISK_RESPONSES.find((entry) => entry === value);
    return response ? t(`riskResponse.${response}`) : '–';
  };
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
          { key: 'process', label: t('riskForm.process'), show: vocabularyShown },
          { key: 'category', label: t('riskForm.category'), show: vocabularyShown },
          { key: 'cause', label: t('riskForm.cause') },
          { key: 'effect', label: t('riskForm.effect') },
          { key: 'ownerId', label: t('riskForm.owner'), show: (id) => userName(id) },
          { key: 'response', label: t('riskForm.response'), show: (value) => responseShown(value) },
          { key: 'responseMotivation', label: t('riskForm.responseMotivation') },
          { key: 'legalReferences', label: t('riskForm.legalReferences') },
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
        <div className="field-row">
          <SelectField
            label={t('riskForm.process')}
            value={values.processId}
            onChange={(value) => set('processId', value)}
            options={vocabularyOptions(processes, locale, risk?.process)}
            emptyLabel={t('choice.none')}
            errors={submit.fieldErrors('processId')}
          />
          <SelectField
            label={t('riskForm.category')}
            value={values.categoryId}
            onChange={(value) => set('categoryId', value)}
            options={vocabularyOptions(categories, locale, risk?.category)}
            emptyLabel={t('choice.none')}
            errors={submit.fieldErrors('categoryId')}
          />
        </div>
        <MarkdownField
          label={t('riskForm.cause')}
          description={t('riskForm.causeHelp')}
          value={values.cause}
          onChange={(value) => set('cause', value)}
          errors={submit.fieldErrors('cause')}
          rows={3}
        />
        <MarkdownField
          label={t('riskForm.effect')}
          value={values.effect}
          onChange={(value) => set('effect', value)}
          errors={submit.fieldErrors('effect')}
          rows={3}
        />
        <SelectField
          label={t('riskForm.owner')}
          value={values.ownerId}
          onChange={(value) => set('ownerId', value)}
          options={personOptions(users, risk?.ownerId, t, formatLocale)}
          emptyLabel={t('choice.none')}
          errors={submit.fieldErrors('ownerId')}
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
        <SelectField
          label={t('riskForm.response')}
          description={t('riskForm.responseHelp')}
          value={values.response}
          onChange={(value) => set('response', value as RiskValues['response'])}
          options={RISK_RESPONSES.map((response) => ({ value: response, label: t(`riskResponse.${response}`) }))}
          emptyLabel={t('riskForm.noResponse')}
          errors={submit.fieldErrors('response')}
        />
        <MarkdownField
          label={t('riskForm.responseMotivation')}
          value={values.responseMotivation}
          onChange={(value) => set('responseMotivation', value)}
          errors={submit.fieldErrors('responseMotivation')}
          rows={3}
        />
        <InputField
          label={t('riskForm.legalReferences')}
          description={t('riskForm.legalReferencesHelp')}
          value={values.legalReferences}
          onChange={(value) => set('legalReferences', value)}
          errors={submit.fieldErrors('legalReferences')}
        />
        <GoalsField
          unitId={plan.unitId}
          startYear={plan.startYear}
          endYear={plan.endYear}
          value={values.goalIds}
          onChange={(value) => set('goalIds', value)}
          errors={goalErrors(submit.error)}
          description={t('goals.riskGoalsHelp')}
        />
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
