import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { STATUS_CATEGORIES, STATUS_ICONS } from '../../../domain/status.ts';
import { LoadFailed, Loading } from '../../components/page.tsx';
import { ConflictNotice } from '../../components/conflict-notice.tsx';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { InputField, SelectField } from '../../components/fields.tsx';
import { StatusBadge } from '../../components/status-badge.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { createStatus, statusQueries, updateStatus } from '../../api/statuses.ts';
import { invalidateStatuses } from '../../api/invalidation.ts';
import { contrastRatio } from '../../lib/colour.ts';
import { useEntityForm } from '../../lib/use-entity-form.ts';
import type { Status } from '../../lib/reference-data.ts';
import { AdminPage } from './admin-nav.tsx';

/** The tenant's status vocabulary: names in both languages, colour, icon, meaning; inactive ones kept. */
export function StatusesAdminPage() {
  const { t } = useI18n();
  const statuses = useQuery(statusQueries.list({ includeInactive: true }));
  if (statuses.error)
    return (
      <AdminPage title={t('admin.statuses')}>
        <LoadFailed error={statuses.error} />
      </AdminPage>
    );
  if (!statuses.data)
    return (
      <AdminPage title={t('admin.statuses')}>
        <Loading />
      </AdminPage>
    );
  return (
    <AdminPage title={t('admin.statuses')}>
      <p className="lead">{t('admin.statusesIntro')}</p>
      <ul className="item-list">
        {statuses.data.map((status) => (
          <li key={`${status.id}:${status.version}`} className="item-card">
            <StatusForm status={status} />
          </li>
        ))}
        <li className="item-card">
          <StatusForm status={null} />
        </li>
      </ul>
    </AdminPage>
  );
}

const toValues = (status: Partial<Status> | null) => ({
  key: status?.key ?? '',
  labelSv: status?.labelSv ?? '',
  labelEn: status?.labelEn ?? '',
  colour: status?.colour ?? '#6b7280',
  icon: status?.icon ?? 'circle',
  category: status?.category ?? 'in_progress',
  active: status?.active ?? true,
});

function StatusForm({ status }: { status: Status | null }) {
  const { t, locale } = useI18n();
  const queryClient = useQueryClient();
  const form = useEntityForm(toValues(status), status?.version);
  const name = status ? (locale === 'sv' ? status.labelSv : status.labelEn) : '';
  const { values, set, submit } = form;
  const heading = status ? name : t('admin.newStatus');
  async function send(formValues: typeof values, version: number | undefined) {
    const { key, ...fields } = formValues;
    if (status) await updateStatus(status.id, { ...fields, version });
    else await createStatus({ key, ...fields });
    await invalidateStatuses(queryClient);
    if (!status) form.reset(toValues(null));
  }
  const lowContrast = /^#[0-9a-fA-F]{6}$/.test(values.colour) && contrastRatio(values.colour, '#ffffff') < 3;
  return (
    <form
      className="form"
      noValidate
      aria-label={heading}
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        void form.save(send);
      }}
    >
      <h2 className="item-title">
        {status ? <StatusBadge status={{ ...status, ...values }} /> : heading}
        {status && !status.active && <span className="tag">{t('admin.inactive')}</span>}
      </h2>
      {form.conflict && status && (
        <ConflictNotice
          base={status}
          current={form.conflict}
          fields={[
            { key: 'labelSv', label: t('admin.labelSv') },
            { key: 'labelEn', label: t('admin.labelEn') },
            { key: 'colour', label: t('admin.colour') },
          ]}
          onKeepMine={() => void form.keepMine(send)}
          onTakeTheirs={() => form.takeTheirs((current) => toValues(current))}
        />
      )}
      <ErrorSummary error={submit.error} />
      <div className="field-row">
        {!status && (
          <InputField
            label={t('admin.key')}
            description={t('admin.keyHelp')}
            isRequired
            value={values.key}
            onChange={(value) => set('key', value)}
            errors={submit.fieldErrors('key')}
          />
        )}
        <InputField
          label={t('admin.labelSv')}
          isRequired
          value={values.labelSv}
          onChange={(value) => set('labelSv', value)}
          errors={submit.fieldErrors('labelSv')}
        />
        <InputField
          label={t('admin.labelEn')}
          isRequired
          value={values.labelEn}
          onChange={(value) => set('labelEn', value)}
          errors={submit.fieldErrors('labelEn')}
        />
        <InputField
          label={t('admin.colour')}
          description={lowContrast ? t('admin.lowContrast') : t('admin.colourHelp')}
          value={values.colour}
          onChange={(value) => set('colour', value)}
          errors={submit.fieldErrors('colour')}
        />
        <SelectField
          label={t('admin.icon')}
          value={values.icon}
          onChange={(value) => set('icon', value as typeof values.icon)}
          options={STATUS_ICONS.map((icon) => ({ value: icon, label: t(`icon.${icon}`) }))}
        />
        <SelectField
          label={t('admin.category')}
          description={t('admin.categoryHelp')}
          value={values.category}
          onChange={(value) => set('category', value as typeof values.category)}
          options={STATUS_CATEGORIES.map((category) => ({ value: category, label: t(`statusCategory.${category}`) }))}
        />
      </div>
      <label className="checkbox">
        <input type="checkbox" checked={values.active} onChange={(event) => set('active', event.target.checked)} />{' '}
        {t('admin.activeStatus')}
      </label>
      <button type="submit" className="button button-primary">
        {submit.pending ? t('form.saving') : status ? t('admin.saveStatus', { name }) : t('admin.createStatus')}
      </button>
    </form>
  );
}
