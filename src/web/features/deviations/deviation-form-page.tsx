import type { ReactNode } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from '@tanstack/react-router';
import { DEVIATION_STATES } from '../../../domain/deviation.ts';
import { LoadFailed, Loading, Page } from '../../components/page.tsx';
import { ArchiveButton } from '../../components/archive-button.tsx';
import { Attachments } from '../../components/attachments.tsx';
import { FormFrame } from '../../components/form-frame.tsx';
import { InputField, SelectField } from '../../components/fields.tsx';
import { MarkdownField } from '../../components/markdown-field.tsx';
import { vocabularyRefText } from '../../components/structured-fields.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { createDeviation, deviationKeys, getDeviation, updateDeviation, type Deviation } from '../../api/deviations.ts';
import { getItem, itemQueries, listItems, type Action, type Control } from '../../api/items.ts';
import { invalidateDeviation } from '../../api/invalidation.ts';
import { getPlan, planQueries } from '../../api/plans.ts';
import { webToday } from '../../lib/clock.ts';
import { useEntityForm } from '../../lib/use-entity-form.ts';
import { useUsers, useVocabulary, vocabularyOptions, type VocabularyEntry } from '../../lib/reference-data.ts';

/** Records an avvikelse that a control found: what, when, how serious, to whom it was reported. */
export function DeviationFormPage() {
  const { t } = useI18n();
  const { itemId } = useParams({ from: '/kontrollmoment/$itemId/ny-avvikelse' });
  const item = useQuery(itemQueries.detail('control', itemId));
  const planId = item.data?.planId;
  const plan = useQuery({ ...planQueries.detail(planId ?? ''), enabled: planId !== undefined });
  const users = useUsers();
  const error = item.error ?? plan.error ?? users.error;
  if (error)
    return (
      <Page title={t('deviationForm.title')}>
        <LoadFailed error={error} />
      </Page>
    );
  if (!item.data || !plan.data || !users.data)
    return (
      <Page title={t('deviationForm.title')}>
        <Loading />
      </Page>
    );
  return (
    <SeverityList title={t('deviationForm.title')} year={plan.data.startYear}>
      {(severities) => <DeviationForm control={item.data} deviation={null} actions={[]} severities={severities} />}
    </SeverityList>
  );
}

/** Changes a deviation: what was reported to whom, the action that answers it, and closing it. */
export function EditDeviationPage() {
  const { t } = useI18n();
  const { deviationId } = useParams({ from: '/avvikelser/$deviationId/redigera' });
  const data = useQuery({
    queryKey: deviationKeys.editForm(deviationId),
    queryFn: async ({ signal }) => {
      const entry = await getDeviation(deviationId, signal);
      const source = await getItem('control', entry.controlId, signal);
      const [actions, plan] = await Promise.all([
        listItems('action', { planId: source.planId }, signal),
        getPlan(source.planId, signal),
      ]);
      return { entry, source, actions, year: plan.startYear };
    },
  });
  const users = useUsers();
  const error = data.error ?? users.error;
  if (error)
    return (
      <Page title={t('deviationForm.edit')}>
        <LoadFailed error={error} />
      </Page>
    );
  if (!data.data || !users.data)
    return (
      <Page title={t('deviationForm.edit')}>
        <Loading />
      </Page>
    );
  const { entry, source, actions, year } = data.data;
  return (
    <SeverityList title={t('deviationForm.edit')} year={year}>
      {(severities) => (
        <DeviationForm
          key={entry.version}
          control={source}
          deviation={entry}
          actions={actions}
          severities={severities}
        />
      )}
    </SeverityList>
  );
}

/** The tenant's deviation severities offered for the plan's year, loaded before the form. */
function SeverityList({
  title,
  year,
  children,
}: {
  title: string;
  year: number;
  children: (severities: VocabularyEntry[]) => ReactNode;
}) {
  const severities = useVocabulary('deviation_severity', year);
  if (severities.error)
    return (
      <Page title={title}>
        <LoadFailed error={severities.error} />
      </Page>
    );
  if (!severities.data)
    return (
      <Page title={title}>
        <Loading />
      </Page>
    );
  return children(severities.data);
}

const toValues = (entry: Partial<Deviation> | null, today: string) => ({
  title: entry?.title ?? '',
  description: entry?.description ?? '',
  foundOn: entry?.foundOn ?? today,
  severityId: entry?.severity?.id ?? '',
  reportedToId: entry?.reportedToId ?? '',
  reportedToText: entry?.reportedToText ?? '',
  reportedOn: entry === null ? today : (entry.reportedOn ?? ''),
  actionId: entry?.actionId ?? '',
  state: entry?.state ?? 'open',
});

function DeviationForm({
  control,
  deviation,
  actions,
  severities,
}: {
  control: Control;
  deviation: Deviation | null;
  actions: Action[];
  severities: VocabularyEntry[];
}) {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const users = useUsers().data!.filter((user) => !user.deactivatedAt);
  const today = webToday();
  const form = useEntityForm(toValues(deviation, today), deviation?.version);
  const { values, set, submit } = form;

  async function send(formValues: typeof values, version: number | undefined) {
    const body = {
      title: formValues.title,
      description: formValues.description || null,
      foundOn: formValues.foundOn || undefined,
      severityId: formValues.severityId,
      reportedToId: formValues.reportedToId || null,
      reportedToText: formValues.reportedToText.trim() || null,
      reportedOn: formValues.reportedOn || null,
    };
    const saved = deviation
      ? await updateDeviation(deviation.id, {
          version,
          actionId: formValues.actionId || null,
          state: formValues.state,
          ...body,
        })
      : await createDeviation({ controlId: control.id, ...body });
    await invalidateDeviation(queryClient, { id: saved.id, planId: control.planId, riskId: control.riskId });
    // A changed deviation is shown as read; a new one on its control's risk page, where it was recorded.
    if (deviation) await navigate({ to: '/avvikelser/$deviationId', params: { deviationId: saved.id } });
    else await navigate({ to: '/risker/$riskId', params: { riskId: control.riskId }, hash: `item-${control.id}` });
  }

  const chosen = severities.find((severity) => severity.id === values.severityId);
  const severityDescription =
    [chosen?.description, chosen?.reportImmediately ? t('severity.reportImmediately') : null]
      .filter(Boolean)
      .join(' ') || undefined;

  return (
    <Page title={deviation ? t('deviationForm.edit') : t('deviationForm.title')}>
      <p className="lead">{t('deviationForm.forControl', { title: control.title })}</p>
      <FormFrame
        form={form}
        send={send}
        base={deviation}
        conflictFields={[
          { key: 'title', label: t('deviationForm.what') },
          { key: 'severity', label: t('deviationForm.severity'), show: (ref) => vocabularyRefText(ref, locale) },
          { key: 'state', label: t('deviations.state') },
        ]}
        toValues={(current) => toValues(current, today)}
        submitLabel={t('deviationForm.save')}
      >
        <InputField
          label={t('deviationForm.what')}
          isRequired
          value={values.title}
          onChange={(value) => set('title', value)}
          errors={submit.fieldErrors('title')}
        />
        <MarkdownField
          label={t('deviationForm.description')}
          value={values.description}
          onChange={(value) => set('description', value)}
          errors={submit.fieldErrors('description')}
          rows={4}
        />
        <div className="field-row">
          <InputField
            label={t('deviationForm.foundOn')}
            type="date"
            value={values.foundOn}
            onChange={(value) => set('foundOn', value)}
            errors={submit.fieldErrors('foundOn')}
          />
          <SelectField
            label={t('deviationForm.severity')}
            description={severityDescription}
            isRequired
            value={values.severityId}
            onChange={(value) => set('severityId', value)}
            options={vocabularyOptions(severities, locale, deviation?.severity)}
            emptyLabel={t('severity.choose')}
            errors={submit.fieldErrors('severityId')}
          />
        </div>
        <SelectField
          label={t('deviationForm.reportedTo')}
          description={t('deviationForm.reportedToHelp')}
          value={values.reportedToId}
          onChange={(value) => set('reportedToId', value)}
          options={users.map((user) => ({ value: user.id, label: user.name }))}
          emptyLabel={t('deviationForm.nobody')}
          errors={submit.fieldErrors('reportedToId')}
        />
        <div className="field-row">
          <InputField
            label={t('deviationForm.reportedToText')}
            value={values.reportedToText}
            onChange={(value) => set('reportedToText', value)}
            errors={submit.fieldErrors('reportedToText')}
          />
          <InputField
            label={t('deviationForm.reportedOn')}
            type="date"
            value={values.reportedOn}
            onChange={(value) => set('reportedOn', value)}
            errors={submit.fieldErrors('reportedOn')}
          />
        </div>
        {deviation && (
          <div className="field-row">
            <SelectField
              label={t('deviationForm.action')}
              description={t('deviationForm.actionHelp')}
              value={values.actionId}
              onChange={(value) => set('actionId', value)}
              options={actions.map((entry) => ({ value: entry.id, label: entry.title }))}
              emptyLabel={t('deviationForm.noAction')}
              errors={submit.fieldErrors('actionId')}
            />
            <SelectField
              label={t('deviations.state')}
              value={values.state}
              onChange={(value) => set('state', value as typeof values.state)}
              options={DEVIATION_STATES.map((state) => ({ value: state, label: t(`deviationState.${state}`) }))}
              errors={submit.fieldErrors('state')}
            />
          </div>
        )}
      </FormFrame>
      {deviation && <Attachments targetType="deviation" targetId={deviation.id} />}
      {deviation && (
        <div className="archive-row">
          <ArchiveButton
            entity={{ type: 'deviation', id: deviation.id }}
            name={deviation.title}
            onDone={() => navigate({ to: '/risker/$riskId', params: { riskId: control.riskId } })}
          />
        </div>
      )}
    </Page>
  );
}
