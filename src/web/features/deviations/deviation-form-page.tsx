import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from '@tanstack/react-router';
import type { FormEvent } from 'react';
import type { z } from 'zod';
import type { control } from '../../../domain/contracts/controls.ts';
import { DEVIATION_SEVERITIES, DEVIATION_SEVERITY_LABELS } from '../../../domain/deviation.ts';
import { LoadFailed, Loading, Page } from '../../app/page.tsx';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { InputField, SelectField } from '../../components/fields.tsx';
import { MarkdownField } from '../../components/markdown-field.tsx';
import { useI18n, useLabel } from '../../i18n/i18n.tsx';
import { api } from '../../lib/api.ts';
import { todayInSweden } from '../../lib/format.ts';
import { useEntityForm } from '../../lib/use-entity-form.ts';
import { useUsers } from '../../lib/reference-data.ts';

type Control = z.infer<typeof control>;

/** Records an avvikelse that a control found: what, when, how serious, to whom it was reported. */
export function DeviationFormPage() {
  const { t } = useI18n();
  const { itemId } = useParams({ from: '/kontrollmoment/$itemId/ny-avvikelse' });
  const item = useQuery({ queryKey: ['control', itemId], queryFn: ({ signal }) => api<Control>(`/controls/${itemId}`, { signal }) });
  const users = useUsers();
  const error = item.error ?? users.error;
  if (error) return <Page title={t('deviationForm.title')}><LoadFailed error={error} /></Page>;
  if (!item.data || !users.data) return <Page title={t('deviationForm.title')}><Loading /></Page>;
  return <DeviationForm control={item.data} />;
}

function DeviationForm({ control }: { control: Control }) {
  const { t } = useI18n();
  const label = useLabel();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const users = useUsers().data!.filter((user) => !user.deactivatedAt);
  const today = todayInSweden();
  const form = useEntityForm({ title: '', description: '', foundOn: today, severity: 'significant', reportedToId: '', reportedToText: '', reportedOn: today });
  const { values, set, submit } = form;

  async function send(formValues: typeof values) {
    await api('/deviations', {
      method: 'POST',
      body: {
        controlId: control.id,
        title: formValues.title,
        description: formValues.description || null,
        foundOn: formValues.foundOn || undefined,
        severity: formValues.severity,
        reportedToId: formValues.reportedToId || null,
        reportedToText: formValues.reportedToText.trim() || null,
        reportedOn: formValues.reportedOn || null,
      },
    });
    await queryClient.invalidateQueries();
    await navigate({ to: '/risker/$riskId', params: { riskId: control.riskId }, hash: `item-${control.id}` });
  }

  return (
    <Page title={t('deviationForm.title')}>
      <p className="lead">{t('deviationForm.forControl', { title: control.title })}</p>
      <ErrorSummary error={submit.error} />
      <form
        className="form form-wide"
        noValidate
        onSubmit={(event: FormEvent) => {
          event.preventDefault();
          void form.save(send);
        }}
      >
        <InputField label={t('deviationForm.what')} isRequired value={values.title} onChange={(value) => set('title', value)} errors={submit.fieldErrors('title')} />
        <MarkdownField label={t('deviationForm.description')} value={values.description} onChange={(value) => set('description', value)} errors={submit.fieldErrors('description')} rows={4} />
        <div className="field-row">
          <InputField label={t('deviationForm.foundOn')} type="date" value={values.foundOn} onChange={(value) => set('foundOn', value)} errors={submit.fieldErrors('foundOn')} />
          <SelectField label={t('deviationForm.severity')} isRequired value={values.severity} onChange={(value) => set('severity', value)} options={DEVIATION_SEVERITIES.map((severity) => ({ value: severity, label: label(DEVIATION_SEVERITY_LABELS[severity]) }))} errors={submit.fieldErrors('severity')} />
        </div>
        <SelectField label={t('deviationForm.reportedTo')} description={t('deviationForm.reportedToHelp')} value={values.reportedToId} onChange={(value) => set('reportedToId', value)} options={users.map((user) => ({ value: user.id, label: user.name }))} emptyLabel={t('deviationForm.nobody')} errors={submit.fieldErrors('reportedToId')} />
        <div className="field-row">
          <InputField label={t('deviationForm.reportedToText')} value={values.reportedToText} onChange={(value) => set('reportedToText', value)} errors={submit.fieldErrors('reportedToText')} />
          <InputField label={t('deviationForm.reportedOn')} type="date" value={values.reportedOn} onChange={(value) => set('reportedOn', value)} errors={submit.fieldErrors('reportedOn')} />
        </div>
        <div className="button-row">
          <button type="submit" className="button button-primary">
            {submit.pending ? t('form.saving') : t('deviationForm.save')}
          </button>
        </div>
      </form>
    </Page>
  );
}
