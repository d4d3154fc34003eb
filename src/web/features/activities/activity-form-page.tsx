import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { CARRY_OVER_DECISIONS } from '../../../domain/activity.ts';
import { LoadFailed, Loading, Page } from '../../components/page.tsx';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { ArchiveButton } from '../../components/archive-button.tsx';
import { FormFrame } from '../../components/form-frame.tsx';
import { InputField, SelectField } from '../../components/fields.tsx';
import { MarkdownField } from '../../components/markdown-field.tsx';
import { PersonsField } from '../../components/persons-field.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { blankToNull } from '../../lib/format.ts';
import {
  activityQueries,
  createActivity,
  createSubActivity,
  updateActivity,
  updateSubActivity,
  type Activity,
} from '../../api/activities.ts';
import { focusAreaQueries, type FocusArea } from '../../api/focus-areas.ts';
import { invalidateActivity } from '../../api/invalidation.ts';
import { useEntityForm } from '../../lib/use-entity-form.ts';
import { useSubmit } from '../../lib/use-submit.ts';
import { useStatuses, useUsers, statusOptions } from '../../lib/reference-data.ts';

const toValues = (entry: Partial<Activity> | null) => ({
  number: entry?.number ?? '',
  title: entry?.title ?? '',
  description: entry?.description ?? '',
  costAndResources: entry?.costAndResources ?? '',
  performers: entry?.performers ?? '',
  focusAreaIds: entry?.focusAreaIds ?? [],
  carryOver: entry?.carryOver ?? '',
  statusId: entry?.statusId ?? '',
  endDate: entry?.endDate ?? '',
  responsibleIds: entry?.responsibleIds ?? [],
});

export function NewActivityPage() {
  const { planId } = useParams({ from: '/planer/$planId/ny-aktivitet' });
  return <ActivityFormPage planId={planId} />;
}

export function EditActivityPage() {
  const { activityId } = useParams({ from: '/aktiviteter/$activityId/redigera' });
  return <ActivityFormPage activityId={activityId} />;
}

/** An activity of an aktivitetsplan with its sub-activities, focus areas, cost, performers and carry-over. */
function ActivityFormPage({ planId, activityId }: { planId?: string; activityId?: string }) {
  const { t } = useI18n();
  const existing = useQuery({ ...activityQueries.detail(activityId ?? ''), enabled: activityId !== undefined });
  const focusAreas = useQuery(focusAreaQueries.list());
  const users = useUsers();
  const statuses = useStatuses();
  const title = activityId ? t('activityForm.edit') : t('activityForm.new');
  const error = existing.error ?? focusAreas.error ?? users.error ?? statuses.error;
  if (error)
    return (
      <Page title={title}>
        <LoadFailed error={error} />
      </Page>
    );
  if ((activityId && !existing.data) || !focusAreas.data || !users.data || !statuses.data)
    return (
      <Page title={title}>
        <Loading />
      </Page>
    );
  return (
    <ActivityForm
      key={existing.data?.version ?? 'new'}
      title={title}
      planId={planId ?? existing.data!.planId}
      activity={existing.data ?? null}
      focusAreas={focusAreas.data}
    />
  );
}

function ActivityForm({
  title,
  planId,
  activity,
  focusAreas,
}: {
  title: string;
  planId: string;
  activity: Activity | null;
  focusAreas: FocusArea[];
}) {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const users = useUsers().data!;
  const statuses = useStatuses().data!;
  const form = useEntityForm(toValues(activity), activity?.version);
  const { values, set, submit } = form;

  async function send(formValues: typeof values, version: number | undefined) {
    const body = {
      number: formValues.number,
      title: formValues.title,
      description: blankToNull(formValues.description),
      costAndResources: blankToNull(formValues.costAndResources),
      performers: blankToNull(formValues.performers),
      focusAreaIds: formValues.focusAreaIds,
      carryOver: (formValues.carryOver || null) as Activity['carryOver'],
      statusId: blankToNull(formValues.statusId),
      endDate: blankToNull(formValues.endDate),
      responsibleIds: formValues.responsibleIds,
    };
    const saved = activity
      ? await updateActivity(activity.id, { ...body, version })
      : await createActivity({ ...body, planId });
    await invalidateActivity(queryClient, { id: saved.id, planId });
    await navigate({
      to: '/planer/$planId',
      params: { planId },
      search: { sannolikhet: undefined, konsekvens: undefined },
      hash: `item-${saved.id}`,
    });
  }

  return (
    <Page title={title}>
      <FormFrame
        form={form}
        send={send}
        base={activity}
        conflictFields={[
          { key: 'title', label: t('itemForm.title') },
          { key: 'description', label: t('itemForm.description') },
        ]}
        toValues={(current) => toValues(current)}
      >
        <div className="field-row">
          <InputField
            label={t('activityForm.number')}
            description={t('activityForm.numberHelp')}
            isRequired
            value={values.number}
            onChange={(value) => set('number', value)}
            errors={submit.fieldErrors('number')}
          />
          <InputField
            label={t('itemForm.title')}
            isRequired
            value={values.title}
            onChange={(value) => set('title', value)}
            errors={submit.fieldErrors('title')}
          />
        </div>
        <MarkdownField
          label={t('activityForm.description')}
          value={values.description}
          onChange={(value) => set('description', value)}
          errors={submit.fieldErrors('description')}
          rows={5}
        />
        <fieldset className="fieldset">
          <legend className="field-label">{t('activities.focusAreas')}</legend>
          {focusAreas.map((area) => (
            <label key={area.id} className="checkbox">
              <input
                type="checkbox"
                checked={values.focusAreaIds.includes(area.id)}
                onChange={(event) =>
                  set(
                    'focusAreaIds',
                    event.target.checked
                      ? [...values.focusAreaIds, area.id]
                      : values.focusAreaIds.filter((id) => id !== area.id),
                  )
                }
              />{' '}
              {area.name}
            </label>
          ))}
        </fieldset>
        <MarkdownField
          label={t('activities.cost')}
          value={values.costAndResources}
          onChange={(value) => set('costAndResources', value)}
          errors={submit.fieldErrors('costAndResources')}
          rows={2}
        />
        <MarkdownField
          label={t('activities.performers')}
          value={values.performers}
          onChange={(value) => set('performers', value)}
          errors={submit.fieldErrors('performers')}
          rows={2}
        />
        <PersonsField
          label={t('item.responsible')}
          value={values.responsibleIds}
          onChange={(ids) => set('responsibleIds', ids)}
          persons={users}
          errors={submit.fieldErrors('responsibleIds')}
        />
        <div className="field-row">
          <InputField
            label={t('myWork.endDate')}
            type="date"
            value={values.endDate}
            onChange={(value) => set('endDate', value)}
            errors={submit.fieldErrors('endDate')}
          />
          <SelectField
            label={t('myWork.status')}
            value={values.statusId}
            onChange={(value) => set('statusId', value)}
            options={statusOptions(statuses, locale)}
            emptyLabel={t('status.none')}
            errors={submit.fieldErrors('statusId')}
          />
          <SelectField
            label={t('activities.carryOver')}
            value={values.carryOver}
            onChange={(value) => set('carryOver', value)}
            options={CARRY_OVER_DECISIONS.map((decision) => ({ value: decision, label: t(`carryOver.${decision}`) }))}
            emptyLabel={t('activityForm.undecided')}
            errors={submit.fieldErrors('carryOver')}
          />
        </div>
      </FormFrame>
      {activity && (
        <div className="archive-row">
          <ArchiveButton
            entity={{ type: 'activity', id: activity.id }}
            name={`${activity.number} ${activity.title}`}
            onDone={() =>
              navigate({
                to: '/planer/$planId',
                params: { planId },
                search: { sannolikhet: undefined, konsekvens: undefined },
              })
            }
          />
        </div>
      )}
      {activity && <SubActivities activity={activity} />}
    </Page>
  );
}

/** The numbered sub-activities: each with its status, and a new one added at the end. */
function SubActivities({ activity }: { activity: Activity }) {
  const { t, locale } = useI18n();
  const queryClient = useQueryClient();
  const statuses = useStatuses().data!;
  const submit = useSubmit();
  const [added, setAdded] = useState({ number: `${activity.number}.${activity.subActivities.length + 1}`, title: '' });
  const refresh = (subActivityId: string) =>
    invalidateActivity(queryClient, { id: activity.id, planId: activity.planId, subActivityId });
  return (
    <section aria-labelledby="sub-heading" className="section">
      <h2 id="sub-heading">{t('activityForm.subActivities')}</h2>
      <ErrorSummary error={submit.error} />
      <ul className="plain-list">
        {activity.subActivities.map((sub) => (
          <li key={sub.id} className="field-row">
            <span>
              {sub.number} {sub.title}
            </span>
            <label className="field field-inline">
              <span className="field-label">{t('activityForm.subStatus', { number: sub.number })}</span>
              <select
                className="field-input"
                value={sub.statusId ?? ''}
                onChange={(event) =>
                  void submit.run(async () => {
                    await updateSubActivity(sub.id, { version: sub.version, statusId: event.target.value || null });
                    await refresh(sub.id);
                  })
                }
              >
                <option value="">{t('status.none')}</option>
                {statuses.map((status) => (
                  <option key={status.id} value={status.id}>
                    {locale === 'sv' ? status.labelSv : status.labelEn}
                  </option>
                ))}
              </select>
            </label>
          </li>
        ))}
      </ul>
      <form
        className="form subform"
        noValidate
        aria-labelledby="new-sub-heading"
        onSubmit={(event) => {
          event.preventDefault();
          void submit.run(async () => {
            const created = await createSubActivity({
              activityId: activity.id,
              number: added.number,
              title: added.title,
            });
            setAdded({ number: '', title: '' });
            await refresh(created.id);
          });
        }}
      >
        <h3 id="new-sub-heading">{t('activityForm.newSub')}</h3>
        <div className="field-row">
          <InputField
            label={t('activityForm.number')}
            isRequired
            value={added.number}
            onChange={(number) => setAdded({ ...added, number })}
            errors={submit.fieldErrors('number')}
          />
          <InputField
            label={t('itemForm.title')}
            isRequired
            value={added.title}
            onChange={(title) => setAdded({ ...added, title })}
            errors={submit.fieldErrors('title')}
          />
        </div>
        <button type="submit" className="button">
          {t('activityForm.addSub')}
        </button>
      </form>
    </section>
  );
}
