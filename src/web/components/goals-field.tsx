import { useQuery } from '@tanstack/react-query';
import { goalQueries } from '../api/goals.ts';
import { useI18n } from '../i18n/i18n.tsx';
import type { ApiError } from '../lib/api.ts';

/**
 * Which goals of the unit's register for the plan's years a risk threatens or an action serves:
 * a group of checkboxes. Archived goals are offered only when already chosen, so a link made
 * before stays visible and can be removed.
 */
export function GoalsField({
  unitId,
  startYear,
  endYear,
  value,
  onChange,
  errors,
  description,
}: {
  unitId: string;
  startYear: number;
  endYear: number;
  value: string[];
  onChange: (value: string[]) => void;
  errors?: string[] | undefined;
  description: string;
}) {
  const { t } = useI18n();
  const goals = useQuery(goalQueries.list({ unitId, includeArchived: true }));
  const offered = (goals.data ?? []).filter(
    (goal) => goal.year >= startYear && goal.year <= endYear && (goal.archivedAt === null || value.includes(goal.id)),
  );
  const helpId = `goals-field-help-${unitId}`;
  const errorId = `goals-field-error-${unitId}`;
  const invalid = errors !== undefined && errors.length > 0;
  const toggle = (goalId: string, checked: boolean) =>
    onChange(checked ? [...value, goalId] : value.filter((id) => id !== goalId));
  return (
    <fieldset className="field" aria-describedby={invalid ? `${helpId} ${errorId}` : helpId}>
      <legend className="field-label">{t('goals.linkedGoals')}</legend>
      <p id={helpId} className="field-description">
        {description}
      </p>
      {goals.isPending ? (
        <p>{t('goals.loading')}</p>
      ) : offered.length === 0 ? (
        <p>{t('goals.noneForPlan')}</p>
      ) : (
        offered.map((goal) => (
          <label key={goal.id} className="checkbox">
            <input
              type="checkbox"
              checked={value.includes(goal.id)}
              onChange={(event) => toggle(goal.id, event.target.checked)}
            />{' '}
            {startYear === endYear ? goal.title : `${goal.title} (${goal.year})`}
            {goal.archivedAt !== null && ` (${t('goals.archived')})`}
          </label>
        ))
      )}
      {invalid && (
        <p id={errorId} className="field-error">
          {errors.join(' ')}
        </p>
      )}
    </fieldset>
  );
}

/** The server's messages about the chosen goals, which it names goalIds.0, goalIds.1 …. */
export function goalErrors(error: ApiError | null): string[] {
  return (error?.problem.errors ?? [])
    .filter((entry) => entry.path === 'goalIds' || entry.path.startsWith('goalIds.'))
    .map((entry) => entry.message);
}

/** The goals a risk or an action is linked to, by title (with the year when the plan covers several); nothing when none. */
export function LinkedGoals({
  goalIds,
  label,
  severalYears,
}: {
  goalIds: string[];
  label: string;
  severalYears: boolean;
}) {
  const { t } = useI18n();
  const goals = useQuery({ ...goalQueries.list({ includeArchived: true }), enabled: goalIds.length > 0 });
  if (goalIds.length === 0) return null;
  const byId = new Map((goals.data ?? []).map((goal) => [goal.id, goal]));
  const linked = goalIds.flatMap((goalId) => {
    const goal = byId.get(goalId);
    return goal ? [goal] : [];
  });
  return (
    <div>
      <dt>{label}</dt>
      <dd>
        {goals.isPending ? (
          t('goals.loading')
        ) : (
          <ul className="plain-list">
            {linked.map((goal) => (
              <li key={goal.id}>
                {severalYears ? `${goal.title} (${goal.year})` : goal.title}
                {goal.target && ` – ${t('goals.target')}: ${goal.target}`}
                {goal.archivedAt !== null && ` (${t('goals.archived')})`}
              </li>
            ))}
          </ul>
        )}
      </dd>
    </div>
  );
}
