import { useQuery, useQueryClient } from '@tanstack/react-query';
import { LoadFailed, Loading } from '../../components/page.tsx';
import { InputField } from '../../components/fields.tsx';
import { FormFrame } from '../../components/form-frame.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { createFocusArea, focusAreaQueries, updateFocusArea, type FocusArea } from '../../api/focus-areas.ts';
import { invalidateFocusAreas } from '../../api/invalidation.ts';
import { useEntityForm } from '../../lib/use-entity-form.ts';
import { AdminPage } from './admin-nav.tsx';

/** The focus areas (fokusområden) that activities are tagged with: named, ordered, retired when no longer used. */
export function FocusAreasAdminPage() {
  const { t } = useI18n();
  const areas = useQuery(focusAreaQueries.list({ includeInactive: true }));
  if (areas.error)
    return (
      <AdminPage title={t('admin.focusAreas')}>
        <LoadFailed error={areas.error} />
      </AdminPage>
    );
  if (!areas.data)
    return (
      <AdminPage title={t('admin.focusAreas')}>
        <Loading />
      </AdminPage>
    );
  return (
    <AdminPage title={t('admin.focusAreas')}>
      <p className="lead">{t('admin.focusAreasIntro')}</p>
      <ul className="item-list">
        {areas.data.map((area) => (
          <li key={`${area.id}:${area.version}`} className="item-card">
            <FocusAreaForm area={area} />
          </li>
        ))}
        <li className="item-card">
          <FocusAreaForm area={null} />
        </li>
      </ul>
    </AdminPage>
  );
}

const toValues = (area: Partial<FocusArea> | null) => ({ name: area?.name ?? '', active: area?.active ?? true });

function FocusAreaForm({ area }: { area: FocusArea | null }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const form = useEntityForm(toValues(area), area?.version);
  const { values, set, submit } = form;
  async function send(formValues: typeof values, version: number | undefined) {
    if (area) await updateFocusArea(area.id, { version, name: formValues.name, active: formValues.active });
    else await createFocusArea({ name: formValues.name });
    await invalidateFocusAreas(queryClient);
    if (!area) form.reset(toValues(null));
  }
  return (
    <FormFrame
      form={form}
      send={send}
      base={area}
      conflictFields={[{ key: 'name', label: t('admin.name') }]}
      toValues={(current) => toValues(current)}
      submitLabel={area ? t('admin.saveUnit', { name: area.name }) : t('admin.createFocusArea')}
      className="form"
    >
      <InputField
        label={area ? t('admin.focusAreaName', { name: area.name }) : t('admin.newFocusArea')}
        isRequired
        value={values.name}
        onChange={(value) => set('name', value)}
        errors={submit.fieldErrors('name')}
      />
      {area && (
        <label className="checkbox">
          <input type="checkbox" checked={values.active} onChange={(event) => set('active', event.target.checked)} />{' '}
          {t('admin.focusAreaActive', { name: area.name })}
        </label>
      )}
    </FormFrame>
  );
}
