import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { LoadFailed, Loading, Page } from '../../components/page.tsx';
import { MarkdownText } from '../../components/markdown-text.tsx';
import { StatusBadge } from '../../components/status-badge.tsx';
import { FilterSelect, unitOptions } from '../../components/unit-filter.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { reviewQueries } from '../../api/reviews.ts';
import { formatDate } from '../../lib/format.ts';
import { byId, useOrgUnits, usePlans, useStatuses, statusOptions } from '../../lib/reference-data.ts';
import { ReviewLinks } from './review-form-page.tsx';

export interface ReviewSearch {
  enhet?: string | undefined;
  ar?: number | undefined;
  status?: string | undefined;
}

/** Granskningar: diarienummer, the decision (sammanträde, §), status and findings, filtered by unit, year and status. */
export function ReviewsPage() {
  const { t, locale, formatLocale } = useI18n();
  const search = useSearch({ from: '/granskningar' });
  const navigate = useNavigate();
  const units = useOrgUnits();
  const plans = usePlans();
  const statuses = useStatuses();
  const data = useQuery(
    reviewQueries.list({ under: search.enhet, year: search.ar, statusId: search.status, sort: 'meetingDate' }),
  );
  const title = t('reviews.title');
  const error = data.error ?? units.error ?? plans.error ?? statuses.error;
  if (error)
    return (
      <Page title={title}>
        <LoadFailed error={error} retry={() => void data.refetch()} />
      </Page>
    );
  if (!data.data || !units.data || !plans.data || !statuses.data)
    return (
      <Page title={title}>
        <Loading />
      </Page>
    );
  const planById = byId(plans.data);
  const unitById = byId(units.data);
  const statusById = byId(statuses.data);
  const filter = (change: Partial<ReviewSearch>) =>
    void navigate({ to: '/granskningar', search: { ...search, ...change } });
  const years = [
    ...new Set(
      plans.data.flatMap((plan) =>
        Array.from({ length: plan.endYear - plan.startYear + 1 }, (_, index) => String(plan.startYear + index)),
      ),
    ),
  ]
    .sort()
    .reverse();

  return (
    <Page title={title}>
      <p className="lead">{t('reviews.intro')}</p>
      <div className="filters filter-bar" role="group" aria-label={t('filters.label')}>
        <FilterSelect
          label={t('plan.unit')}
          value={search.enhet ?? ''}
          onChange={(value) => filter({ enhet: value || undefined })}
          options={unitOptions(units.data)}
        />
        <FilterSelect
          label={t('overview.year')}
          value={search.ar ? String(search.ar) : ''}
          onChange={(value) => filter({ ar: value ? Number(value) : undefined })}
          options={years.map((year) => ({ value: year, label: year }))}
        />
        <FilterSelect
          label={t('myWork.status')}
          value={search.status ?? ''}
          onChange={(value) => filter({ status: value || undefined })}
          options={statusOptions(statuses.data, locale)}
        />
      </div>
      <p role="status">{t('filters.count', { count: data.data.length })}</p>
      {data.data.length === 0 ? (
        <p>{t('reviews.none')}</p>
      ) : (
        <ul className="item-list">
          {data.data.map((entry) => {
            const plan = planById.get(entry.planId);
            return (
              <li key={entry.id} className="item-card">
                <h2 className="item-title">{entry.title}</h2>
                <dl className="facts facts-compact">
                  <div>
                    <dt>{t('plan.diarienummer')}</dt>
                    <dd>{entry.diarienummer ?? '–'}</dd>
                  </div>
                  <div>
                    <dt>{t('plan.decidedBy')}</dt>
                    <dd>{entry.decisionUnitId ? (unitById.get(entry.decisionUnitId)?.name ?? '–') : '–'}</dd>
                  </div>
                  <div>
                    <dt>{t('reviews.meeting')}</dt>
                    <dd>{formatDate(entry.meetingDate, formatLocale)}</dd>
                  </div>
                  <div>
                    <dt>{t('plan.paragraph')}</dt>
                    <dd>{entry.decisionParagraph ?? '–'}</dd>
                  </div>
                  <div>
                    <dt>{t('myWork.status')}</dt>
                    <dd>
                      <StatusBadge status={statusById.get(entry.statusId ?? '')} />
                    </dd>
                  </div>
                  <div>
                    <dt>{t('myWork.plan')}</dt>
                    <dd>
                      {plan ? (
                        <Link
                          to="/planer/$planId"
                          params={{ planId: plan.id }}
                          search={{ sannolikhet: undefined, konsekvens: undefined }}
                        >
                          {plan.title}
                        </Link>
                      ) : (
                        '–'
                      )}
                    </dd>
                  </div>
                </dl>
                <ReviewLinks review={entry} />
                {entry.findings && (
                  <details>
                    <summary>{t('reviews.findings')}</summary>
                    <MarkdownText text={entry.findings} />
                  </details>
                )}
                <div className="button-row">
                  {entry.riskId && (
                    <Link to="/risker/$riskId" params={{ riskId: entry.riskId }}>
                      {t('reviews.toRisk')}
                      <span className="visually-hidden"> {entry.title}</span>
                    </Link>
                  )}
                  <Link
                    to="/granskningar/$reviewId/redigera"
                    params={{ reviewId: entry.id }}
                    className="button button-quiet"
                  >
                    {t('riskPage.edit')}
                    <span className="visually-hidden"> {entry.title}</span>
                  </Link>
                  <Link
                    to="/historik/$entityType/$entityId"
                    params={{ entityType: 'review', entityId: entry.id }}
                    className="button button-quiet"
                  >
                    {t('history.link')}
                    <span className="visually-hidden"> {entry.title}</span>
                  </Link>
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </Page>
  );
}
