import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ORG_UNIT_KINDS, ORG_UNIT_KIND_LABELS } from '../../../domain/org-unit.ts';
import { LoadFailed, Loading } from '../../components/page.tsx';
import { ConflictNotice } from '../../components/conflict-notice.tsx';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { InputField, SelectField } from '../../components/fields.tsx';
import { unitOptions } from '../../components/unit-filter.tsx';
import { useI18n, useLabel } from '../../i18n/i18n.tsx';
import { createOrgUnit, orgUnitQueries, setOrgUnitArchived, updateOrgUnit } from '../../api/org-units.ts';
import { invalidateOrgUnits } from '../../api/invalidation.ts';
import { useEntityForm } from '../../lib/use-entity-form.ts';
import type { OrgUnit } from '../../lib/reference-data.ts';
import { AdminPage } from './admin-nav.tsx';

/** The organisation: new units, a unit renamed or moved, archived units kept and restorable. */
export function UnitsAdminPage() {
  const { t } = useI18n();
  const units = useQuery(orgUnitQueries.list({ includeArchived: true }));
  if (units.error)
    return (
      <AdminPage title={t('admin.units')}>
        <LoadFailed error={units.error} />
      </AdminPage>
    );
  if (!units.data)
    return (
      <AdminPage title={t('admin.units')}>
        <Loading />
      </AdminPage>
    );
  return (
    <AdminPage title={t('admin.units')}>
      <EditUnit units={units.data} />
      <NewUnit units={units.data.filter((unit) => !unit.archivedAt)} />
    </AdminPage>
  );
}

/** The kinds of unit as choices in the interface language. */
const kindOptions = (label: (text: { sv: string; en: string }) => string) =>
  ORG_UNIT_KINDS.map((kind) => ({ value: kind, label: label(ORG_UNIT_KIND_LABELS[kind]) }));

const toValues = (unit: Partial<OrgUnit> | undefined) => ({
  name: unit?.name ?? '',
  shortName: unit?.shortName ?? '',
  kind: unit?.kind ?? 'enhet',
  parentId: unit?.parentId ?? '',
});

function EditUnit({ units }: { units: OrgUnit[] }) {
  const { t } = useI18n();
  const [chosenId, setChosenId] = useState(units[0]?.id ?? '');
  const unit = units.find((entry) => entry.id === chosenId);
  return (
    <section aria-labelledby="edit-unit-heading" className="section">
      <h2 id="edit-unit-heading">{t('admin.editUnit')}</h2>
      <SelectField
        label={t('plan.unit')}
        value={chosenId}
        onChange={setChosenId}
        options={unitOptions(units).map((option) => ({
          ...option,
          label: units.find((entry) => entry.id === option.value)?.archivedAt
            ? `${option.label} (${t('admin.archived')})`
            : option.label,
        }))}
      />
      {unit && <UnitForm key={`${unit.id}:${unit.version}`} unit={unit} units={units} />}
    </section>
  );
}

function UnitForm({ unit, units }: { unit: OrgUnit; units: OrgUnit[] }) {
  const { t } = useI18n();
  const label = useLabel();
  const queryClient = useQueryClient();
  const form = useEntityForm(toValues(unit), unit.version);
  const { values, set, submit } = form;
  const refresh = () => invalidateOrgUnits(queryClient);
  async function send(formValues: typeof values, version: number | undefined) {
    await updateOrgUnit(unit.id, {
      version,
      name: formValues.name,
      shortName: formValues.shortName || null,
      kind: formValues.kind,
      ...(formValues.parentId && formValues.parentId !== unit.parentId ? { parentId: formValues.parentId } : {}),
    });
    await refresh();
  }
  const others = units.filter((entry) => entry.id !== unit.id && !entry.archivedAt);
  return (
    <form
      className="form"
      noValidate
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        void form.save(send);
      }}
    >
      {form.conflict && (
        <ConflictNotice
          base={unit}
          current={form.conflict}
          fields={[{ key: 'name', label: t('admin.name') }]}
          onKeepMine={() => void form.keepMine(send)}
          onTakeTheirs={() => form.takeTheirs((current) => toValues(current))}
        />
      )}
      <ErrorSummary error={submit.error} />
      <div className="field-row">
        <InputField
          label={t('admin.name')}
          isRequired
          value={values.name}
          onChange={(value) => set('name', value)}
          errors={submit.fieldErrors('name')}
        />
        <InputField
          label={t('admin.shortName')}
          value={values.shortName}
          onChange={(value) => set('shortName', value)}
          errors={submit.fieldErrors('shortName')}
        />
        <SelectField
          label={t('organisation.kind')}
          value={values.kind}
          onChange={(value) => set('kind', value as typeof values.kind)}
          options={kindOptions(label)}
          errors={submit.fieldErrors('kind')}
        />
        {unit.parentId && (
          <SelectField
            label={t('admin.parent')}
            description={t('admin.parentHelp')}
            value={values.parentId}
            onChange={(value) => set('parentId', value)}
            options={unitOptions(others)}
            errors={submit.fieldErrors('parentId')}
          />
        )}
      </div>
      <div className="button-row">
        <button type="submit" className="button button-primary">
          {submit.pending ? t('form.saving') : t('admin.saveUnit', { name: unit.name })}
        </button>
        {unit.parentId && (
          <button
            type="button"
            className="button"
            onClick={() =>
              void submit.run(async () => {
                await setOrgUnitArchived(unit.id, !unit.archivedAt);
                await refresh();
              })
            }
          >
            {unit.archivedAt
              ? t('admin.restoreUnit', { name: unit.name })
              : t('admin.archiveUnit', { name: unit.name })}
          </button>
        )}
      </div>
    </form>
  );
}

function NewUnit({ units }: { units: OrgUnit[] }) {
  const { t } = useI18n();
  const label = useLabel();
  const queryClient = useQueryClient();
  const empty = { name: '', shortName: '', kind: 'enhet' as (typeof ORG_UNIT_KINDS)[number], parentId: '' };
  const form = useEntityForm(empty);
  const { values, set, submit } = form;
  async function send(formValues: typeof values) {
    await createOrgUnit({
      parentId: formValues.parentId,
      kind: formValues.kind,
      name: formValues.name,
      shortName: formValues.shortName || null,
    });
    await invalidateOrgUnits(queryClient);
    form.reset(empty);
  }
  return (
    <section aria-labelledby="new-unit-heading" className="section">
      <h2 id="new-unit-heading">{t('admin.newUnit')}</h2>
      <ErrorSummary error={submit.error} />
      <form
        className="form"
        noValidate
        onSubmit={(event: FormEvent) => {
          event.preventDefault();
          void form.save(send);
        }}
      >
        <div className="field-row">
          <SelectField
            label={t('admin.parent')}
            isRequired
            value={values.parentId}
            onChange={(value) => set('parentId', value)}
            options={unitOptions(units)}
            emptyLabel={t('planForm.chooseUnit')}
            errors={submit.fieldErrors('parentId')}
          />
          <SelectField
            label={t('organisation.kind')}
            value={values.kind}
            onChange={(value) => set('kind', value as typeof values.kind)}
            options={kindOptions(label)}
            errors={submit.fieldErrors('kind')}
          />
          <InputField
            label={t('admin.name')}
            isRequired
            value={values.name}
            onChange={(value) => set('name', value)}
            errors={submit.fieldErrors('name')}
          />
          <InputField
            label={t('admin.shortName')}
            value={values.shortName}
            onChange={(value) => set('shortName', value)}
            errors={submit.fieldErrors('shortName')}
          />
        </div>
        <button type="submit" className="button button-primary">
          {submit.pending ? t('form.saving') : t('admin.createUnit')}
        </button>
      </form>
    </section>
  );
}
