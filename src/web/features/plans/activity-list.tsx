import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { LoadFailed, Loading } from '../../components/page.tsx';
import { ReviewStateBadge } from '../../components/follow-up-review.tsx';
import { MarkdownText } from '../../components/markdown-text.tsx';
import { StatusBadge } from '../../components/status-badge.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { getActivity, listActivities } from '../../api/activities.ts';
import { listFocusAreas } from '../../api/focus-areas.ts';
import { listFollowUps } from '../../api/follow-ups.ts';
import { planKeys } from '../../api/plans.ts';
import { formatDate } from '../../lib/format.ts';
import { loadPeriods, periodLabel } from '../../lib/periods.ts';
import type { Plan, Status } from '../../lib/reference-data.ts';

async function loadActivities(plan: Plan, signal: AbortSignal) {
  const [activities, focusAreas, periods] = await Promise.all([
    listActivities({ planId: plan.id, sort: 'sortOrder' }, signal),
    listFocusAreas({ includeInactive: true }, signal),
    loadPeriods(plan.startYear, plan.endYear, signal),
  ]);
  const followUps = (
    await Promise.all(activities.map((entry) => listFollowUps({ activityId: entry.id, sort: '-reportedOn' }, signal)))
  ).flat();
  // The activities these were carried over from, with their plans, for the link back.
  const origins = await Promise.all(
    activities
      .filter((entry) => entry.carriedFromId)
      .map(async (entry) => getActivity(entry.carriedFromId!, signal).catch(() => null)),
  );
  return {
    activities,
    focusAreas: new Map(focusAreas.map((area) => [area.id, area.name])),
    periods,
    followUps,
    origins: new Map(origins.filter((origin) => origin !== null).map((origin) => [origin.id, origin])),
  };
}

/**
 * An aktivitetsplan: its numbered activities with sub-activities, focus-area tags, cost,
 * performers, status, "uppföljning & utvärdering" and "analys", and where each was carried over.
 */
export function ActivityList({
  plan,
  statusById,
  names,
}: {
  plan: Plan;
  statusById: Map<string, Status>;
  names: Map<string, string>;
}) {
  const { t, locale, formatLocale } = useI18n();
  const data = useQuery({
    queryKey: planKeys.activityList(plan.id),
    queryFn: ({ signal }) => loadActivities(plan, signal),
  });
  if (data.error) return <LoadFailed error={data.error} retry={() => void data.refetch()} />;
  if (!data.data) return <Loading />;
  const { activities, focusAreas, periods, followUps, origins } = data.data;
  return (
    <section aria-labelledby="activities-heading" className="section">
      <div className="section-heading">
        <h2 id="activities-heading">{t('activities.title')}</h2>
        <Link to="/planer/$planId/ny-aktivitet" params={{ planId: plan.id }} className="button">
          {t('activityForm.new')}
        </Link>
      </div>
      {activities.length === 0 ? (
        <p>{t('activities.none')}</p>
      ) : (
        <ol className="item-list">
          {activities.map((entry) => {
            const origin = entry.carriedFromId ? origins.get(entry.carriedFromId) : undefined;
            return (
              <li key={entry.id} id={`item-${entry.id}`} className="item-card">
                <h3 className="item-title">
                  {entry.number} {entry.title}
                </h3>
                <dl className="facts facts-compact">
                  <div>
                    <dt>{t('myWork.status')}</dt>
                    <dd>
                      <StatusBadge status={statusById.get(entry.statusId ?? '')} />
                      {entry.overdue && <span className="tag tag-warning">{t('myWork.overdue')}</span>}
                    </dd>
                  </div>
                  <div>
                    <dt>{t('myWork.endDate')}</dt>
                    <dd>{formatDate(entry.endDate, formatLocale)}</dd>
                  </div>
                  <div>
                    <dt>{t('item.responsible')}</dt>
                    <dd>{entry.responsibleIds.map((id) => names.get(id) ?? '–').join(', ') || '–'}</dd>
                  </div>
                  {entry.carryOver && (
                    <div>
                      <dt>{t('activities.carryOver')}</dt>
                      <dd>{t(`carryOver.${entry.carryOver}`)}</dd>
                    </div>
                  )}
                </dl>
                {entry.focusAreaIds.length > 0 && (
                  <p>
                    <span className="visually-hidden">{t('activities.focusAreas')}: </span>
                    {entry.focusAreaIds.map((id) => (
                      <span key={id} className="tag">
                        {focusAreas.get(id) ?? '–'}
                      </span>
                    ))}
                  </p>
                )}
                {origin && (
                  <p>
                    {t('activities.carriedFrom')}{' '}
                    <Link
                      to="/planer/$planId"
                      params={{ planId: origin.planId }}
                      search={{ sannolikhet: undefined, konsekvens: undefined }}
                      hash={`item-${origin.id}`}
                    >
                      {origin.number} {origin.title}
                    </Link>
                  </p>
                )}
                <MarkdownText text={entry.description} />
                {entry.subActivities.length > 0 && (
                  <ul className="plain-list" aria-label={t('activities.subActivities', { number: entry.number })}>
                    {entry.subActivities.map((sub) => (
                      <li key={sub.id}>
                        {sub.number} {sub.title} {sub.statusId && <StatusBadge status={statusById.get(sub.statusId)} />}
                        {sub.carryOver && <span className="tag">{t(`carryOver.${sub.carryOver}`)}</span>}
                      </li>
                    ))}
                  </ul>
                )}
                {entry.costAndResources && <h4>{t('activities.cost')}</h4>}
                <MarkdownText text={entry.costAndResources} />
                {entry.performers && <h4>{t('activities.performers')}</h4>}
                <MarkdownText text={entry.performers} />
                {followUps
                  .filter((followUp) => followUp.activityId === entry.id)
                  .map((followUp) => (
                    <div key={followUp.id} className="follow-up">
                      <h4>
                        {t('activities.followUp')} – {periodLabel(periods.get(followUp.periodId), locale)}
                      </h4>
                      <p className="follow-up-meta">
                        {formatDate(followUp.reportedOn, formatLocale)} ·{' '}
                        {followUp.authorId ? (names.get(followUp.authorId) ?? '–') : '–'}{' '}
                        <ReviewStateBadge state={followUp.reviewState} />
                      </p>
                      <MarkdownText text={followUp.body} />
                      {followUp.analysis && <h4>{t('followUps.analysis')}</h4>}
                      <MarkdownText text={followUp.analysis} />
                    </div>
                  ))}
                <div className="button-row">
                  <Link to="/uppfoljning/ny" search={{ aktivitet: entry.id }} className="button">
                    {t('myWork.writeFollowUp')}
                    <span className="visually-hidden">
                      {' '}
                      {t('riskPage.forItem', { title: `${entry.number} ${entry.title}` })}
                    </span>
                  </Link>
                  <Link
                    to="/aktiviteter/$activityId/redigera"
                    params={{ activityId: entry.id }}
                    className="button button-quiet"
                  >
                    {t('riskPage.edit')}
                    <span className="visually-hidden"> {`${entry.number} ${entry.title}`}</span>
                  </Link>
                  <Link
                    to="/historik/$entityType/$entityId"
                    params={{ entityType: 'activity', entityId: entry.id }}
                    className="button button-quiet"
                  >
                    {t('history.link')}
                    <span className="visually-hidden"> {`${entry.number} ${entry.title}`}</span>
                  </Link>
                </div>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
