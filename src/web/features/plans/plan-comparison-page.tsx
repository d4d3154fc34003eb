import { useQuery } from '@tanstack/react-query';
import { Link, useParams, useSearch } from '@tanstack/react-router';
import { LoadFailed, Loading, Page } from '../../components/page.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { planQueries } from '../../api/plans.ts';

export interface ComparisonSearch {
  fran?: number | undefined;
  till?: number | undefined;
}

function shown(value: unknown): string {
  if (value === null || value === undefined || value === '') return '–';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** What has changed in a plan since it was adopted (or between two of its versions), thing by thing and field by field. */
export function PlanComparisonPage() {
  const { t } = useI18n();
  const { planId } = useParams({ from: '/planer/$planId/jamfor' });
  const search = useSearch({ from: '/planer/$planId/jamfor' });
  const comparison = useQuery(planQueries.comparison(planId, { from: search.fran ?? 1, to: search.till ?? 'current' }));
  const title = t('lifeCycle.comparisonTitle');
  if (comparison.error)
    return (
      <Page title={title}>
        <LoadFailed error={comparison.error} retry={() => void comparison.refetch()} />
      </Page>
    );
  if (!comparison.data)
    return (
      <Page title={title}>
        <Loading />
      </Page>
    );
  const { from, to, changes } = comparison.data;
  const fieldName = (field: string) => t(`lifeCycle.field.${field}` as 'lifeCycle.field.title');
  return (
    <Page title={title}>
      <p className="lead">{t('lifeCycle.comparing', { from: from.label, to: to.label })}</p>
      <p>
        <Link to="/planer/$planId" params={{ planId }} search={{ sannolikhet: undefined, konsekvens: undefined }}>
          {t('lifeCycle.backToPlan')}
        </Link>
      </p>
      <p role="status">
        {changes.length === 0 ? t('lifeCycle.noChanges') : t('lifeCycle.changeCount', { count: changes.length })}
      </p>
      {changes.length > 0 && (
        <div className="table-scroll" role="region" tabIndex={0} aria-labelledby="changes-caption">
          <table className="table">
            <caption id="changes-caption">{t('lifeCycle.changes')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('lifeCycle.what')}</th>
                <th scope="col">{t('lifeCycle.name')}</th>
                <th scope="col">{t('lifeCycle.change')}</th>
                <th scope="col">{t('lifeCycle.details')}</th>
              </tr>
            </thead>
            <tbody>
              {changes.map((change) => (
                <tr key={`${change.entity}-${change.id}`}>
                  <td>{t(`lifeCycle.entity.${change.entity}`)}</td>
                  <td>{change.title}</td>
                  <td>{t(`lifeCycle.change.${change.change}`)}</td>
                  <td>
                    {change.fields.length > 0 && (
                      <ul className="change-list">
                        {change.fields.map((field) => (
                          <li key={field.field}>
                            <strong>{fieldName(field.field)}:</strong> <del>{shown(field.before)}</del> →{' '}
                            <ins>{shown(field.after)}</ins>
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Page>
  );
}
