import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useEffect, useRef, useState } from 'react';
import { createGoal, goalKeys, goalQueries, setGoalArchived, updateGoal, type Goal } from '../../api/goals.ts';
import { invalidateKeys } from '../../api/shared.ts';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { InputField } from '../../components/fields.tsx';
import { FormFrame } from '../../components/form-frame.tsx';
import { MarkdownField } from '../../components/markdown-field.tsx';
import { MarkdownText } from '../../components/markdown-text.tsx';
import { LoadFailed, Loading, Page } from '../../components/page.tsx';
import { FilterSelect, unitOptions } from '../../components/unit-filter.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { canManageUnit } from '../../lib/can-manage.ts';
import { webYear } from '../../lib/clock.ts';
import { useOrgUnits } from '../../lib/reference-data.ts';
import { useEntityForm } from '../../lib/use-entity-form.ts';
import { useMe } from '../../lib/use-me.ts';
import { useSubmit } from '../../lib/use-submit.ts';

export interface GoalsSearch {
  enhet?: string | undefined;
  ar?: number | undefined;
}

/**
 * Mål: a unit's goal register for a year, from its verksamhetsplan (the goal, its indicator and
 * target). Everyone who reads the unit sees it; its administrators and coordinators add, change,
 * archive and restore goals. Risks and actions of the unit's plans link to these goals.
 */
export function GoalsPage() {
  const { t } = useI18n();
  const search = useSearch({ from: '/mal' });
  const navigate = useNavigate();
  const me = useMe();
  const units = useOrgUnits();
  const unitId = search.enhet ?? units.data?.[0]?.id;
  const year = search.ar ?? webYear();
  const goals = useQuery({
    ...goalQueries.list({ unitId, year, includeArchived: true }),
    enabled: unitId !== undefined,
  });
  const title = t('goals.title');
  const error = me.error ?? units.error ?? goals.error;
  if (error)
    return (
      <Page title={title}>
        <LoadFailed error={error} />
      </Page>
    );
  if (!me.data || !units.data || (unitId !== undefined && !goals.data))
    return (
      <Page title={title}>
        <Loading />
      </Page>
    );
  const filter = (change: Partial<GoalsSearch>) => void navigate({ to: '/mal', search: { ...search, ...change } });
  const current = webYear();
  const years = [...new Set([year, ...Array.from({ length: 6 }, (_, index) => current - 3 + index)])].sort(
    (a, b) => b - a,
  );
  const mayEdit = unitId !== undefined && me.data.mayWrite && canManageUnit(me.data, units.data, unitId);
  return (
    <Page title={title}>
      <p className="lead">{t('goals.intro')}</p>
      <div className="filters filter-bar" role="group" aria-label={t('filters.label')}>
        <FilterSelect
          label={t('plan.unit')}
          value={unitId ?? ''}
          includeAll={false}
          onChange={(value) => filter({ enhet: value || undefined })}
          options={unitOptions(units.data)}
        />
        <FilterSelect
          label={t('overview.year')}
          value={String(year)}
          includeAll={false}
          onChange={(value) => filter({ ar: value ? Number(value) : undefined })}
          options={years.map((option) => ({ value: String(option), label: String(option) }))}
        />
      </div>
      {unitId !== undefined && (
        <GoalList key={`${unitId}:${year}`} unitId={unitId} year={year} goals={goals.data ?? []} mayEdit={mayEdit} />
      )}
    </Page>
  );
}

function GoalList({ unitId, year, goals, mayEdit }: { unitId: string; year: number; goals: Goal[]; mayEdit: boolean }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const archiving = useSubmit();
  const [editing, setEditing] = useState<string | null>(null);
  /** What the last action did, read out by the status region. */
  const [announcement, setAnnouncement] = useState('');
  const edited = goals.find((goal) => goal.id === editing) ?? null;
  const toggleArchived = (goal: Goal) =>
    archiving.run(async () => {
      const archive = goal.archivedAt === null;
      if (archive && !window.confirm(t('goals.confirmArchive', { name: goal.title }))) return;
      setAnnouncement('');
      await setGoalArchived(goal.id, archive);
      await invalidateKeys(queryClient, [goalKeys.all]);
      setAnnouncement(t(archive ? 'goals.archivedDone' : 'goals.restoredDone', { name: goal.title }));
    });
  return (
    <section aria-labelledby="goals-heading" className="section">
      <h2 id="goals-heading">{t('goals.ofYear', { year })}</h2>
      <ErrorSummary error={archiving.error} />
      <p role="status" className={announcement ? 'notice' : 'visually-hidden'}>
        {announcement}
      </p>
      {goals.length === 0 ? (
        <p>{t('goals.none')}</p>
      ) : (
        <ul className="item-list">
          {goals.map((goal) => (
            <li key={goal.id} className="item-card">
              <h3 className="item-title">
                {goal.title}
                {goal.archivedAt !== null && <span className="status-badge tag"> {t('goals.archived')}</span>}
              </h3>
              {goal.description && <MarkdownText text={goal.description} />}
              <dl className="facts facts-compact">
                <div>
                  <dt>{t('goals.indicator')}</dt>
                  <dd>{goal.indicator ?? '–'}</dd>
                </div>
                <div>
                  <dt>{t('goals.target')}</dt>
                  <dd>{goal.target ?? '–'}</dd>
                </div>
              </dl>
              {mayEdit && (
                <div className="button-row">
                  <button
                    type="button"
                    id={`goal-edit-${goal.id}`}
                    className="button button-small"
                    aria-expanded={editing === goal.id}
                    onClick={() => setEditing(editing === goal.id ? null : goal.id)}
                  >
                    {t('goals.editShort')}
                    <span className="visually-hidden"> {goal.title}</span>
                  </button>
                  <button
                    type="button"
                    className="button button-small button-quiet"
                    onClick={() => void toggleArchived(goal)}
                  >
                    {goal.archivedAt === null ? t('goals.archiveShort') : t('goals.restoreShort')}
                    <span className="visually-hidden"> {goal.title}</span>
                  </button>
                </div>
              )}
              {mayEdit && edited?.id === goal.id && (
                <GoalForm
                  key={`${edited.id}:${edited.version}`}
                  unitId={unitId}
                  year={year}
                  goal={edited}
                  onDone={(name) => {
                    setEditing(null);
                    if (name) setAnnouncement(t('goals.saved', { name }));
                    document.getElementById(`goal-edit-${goal.id}`)?.focus();
                  }}
                />
              )}
            </li>
          ))}
        </ul>
      )}
      {mayEdit && (
        <details className="subform">
          <summary>{t('goals.new')}</summary>
          <GoalForm
            unitId={unitId}
            year={year}
            goal={null}
            onDone={(name) => name && setAnnouncement(t('goals.added', { name }))}
          />
        </details>
      )}
    </section>
  );
}

const toValues = (goal: Partial<Goal> | null) => ({
  title: goal?.title ?? '',
  indicator: goal?.indicator ?? '',
  target: goal?.target ?? '',
  description: goal?.description ?? '',
});

/** Adds a goal to the unit's register for the year, or changes `goal`; `onDone` gets the saved goal's title (null: given up). */
function GoalForm({
  unitId,
  year,
  goal,
  onDone,
}: {
  unitId: string;
  year: number;
  goal: Goal | null;
  onDone: (name: string | null) => void;
}) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const form = useEntityForm(toValues(goal), goal?.version);
  const { values, set, submit } = form;
  const heading = useRef<HTMLHeadingElement>(null);
  const headingId = `goal-form-${goal?.id ?? 'new'}`;
  useEffect(() => {
    // A change is opened from its goal: focus follows to the form it opened.
    if (goal) heading.current?.focus();
  }, [goal]);
  async function send(formValues: typeof values, version: number | undefined) {
    const fields = {
      title: formValues.title.trim(),
      indicator: formValues.indicator.trim() || null,
      target: formValues.target.trim() || null,
      description: formValues.description.trim() || null,
    };
    if (goal) await updateGoal(goal.id, { ...fields, version });
    else await createGoal({ unitId, year, ...fields });
    await invalidateKeys(queryClient, [goalKeys.all]);
    if (!goal) form.reset(toValues(null));
    onDone(fields.title);
  }
  return (
    <section {...(goal ? { 'aria-labelledby': headingId, className: 'subform' } : { 'aria-label': t('goals.new') })}>
      {goal && (
        <h4 id={headingId} ref={heading} tabIndex={-1}>
          {t('goals.edit', { name: goal.title })}
        </h4>
      )}
      <FormFrame
        form={form}
        send={send}
        base={goal}
        conflictFields={[
          { key: 'title', label: t('goals.goal') },
          { key: 'indicator', label: t('goals.indicator') },
          { key: 'target', label: t('goals.target') },
          { key: 'description', label: t('goals.description') },
        ]}
        toValues={(current) => toValues(current)}
        submitLabel={goal ? t('goals.save', { name: goal.title }) : t('goals.create')}
        className="form"
      >
        <InputField
          label={t('goals.goal')}
          isRequired
          value={values.title}
          onChange={(value) => set('title', value)}
          errors={submit.fieldErrors('title')}
        />
        <div className="field-row">
          <InputField
            label={t('goals.indicator')}
            description={t('goals.indicatorHelp')}
            value={values.indicator}
            onChange={(value) => set('indicator', value)}
            errors={submit.fieldErrors('indicator')}
          />
          <InputField
            label={t('goals.target')}
            description={t('goals.targetHelp')}
            value={values.target}
            onChange={(value) => set('target', value)}
            errors={submit.fieldErrors('target')}
          />
        </div>
        <MarkdownField
          label={t('goals.description')}
          rows={4}
          value={values.description}
          onChange={(value) => set('description', value)}
          errors={submit.fieldErrors('description')}
        />
      </FormFrame>
      {goal && (
        <div className="button-row">
          <button type="button" className="button button-quiet" onClick={() => onDone(null)}>
            {t('goals.cancel')}
          </button>
        </div>
      )}
    </section>
  );
}
