import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { DEVIATION_STATES } from '../../../domain/deviation.ts';
import { LoadFailed, Loading, Page } from '../../components/page.tsx';
import { FilterSelect, unitOptions } from '../../components/unit-filter.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { deviationKeys, listDeviations } from '../../api/deviations.ts';
import { listItems } from '../../api/items.ts';
import { formatDate } from '../../lib/format.ts';
import { webYear } from '../../lib/clock.ts';
import { useOrgUnits, useUsers, useVocabulary, vocabularyLabel, vocabularyOptions } from '../../lib/reference-data.ts';

export interface DeviationSearch {
  enhet?: string | undefined;
  ar?: number | undefined;
  lage?: 'open' | 'closed' | undefined;
  /** A deviation severity of the tenant, by its id. */
  allvarlighet?: string | undefined;
}

/** Every avvikelse the user may see, newest first, filtered by unit, year, state and severity. */
export function DeviationsPage() {
  const { t, formatLocale, locale } = useI18n();
  const search = useSearch({ from: '/avvikelser' });
  const navigate = useNavigate();
  const units = useOrgUnits();
  const users = useUsers();
  const severities = useVocabulary('deviation_severity');
  const data = useQuery({
    queryKey: deviationKeys.page(search),
    queryFn: async ({ signal }) => {
      const [deviations, controls] = await Promise.all([
        listDeviations(
          {
            under: search.enhet,
            state: search.lage,
            severityId: search.allvarlighet,
            from: search.ar ? `${search.ar}-01-01` : undefined,
            to: search.ar ? `${search.ar}-12-31` : undefined,
            sort: '-foundOn',
          },
          signal,
        ),
        listItems('control', { under: search.enhet, includeArchived: true }, signal),
      ]);
      return { deviations, controls: new Map(controls.map((entry) => [entry.id, entry])) };
    },
  });
  const title = t('deviations.title');
  const error = data.error ?? units.error ?? users.error ?? severities.error;
  if (error)
    return (
      <Page title={title}>
        <LoadFailed error={error} retry={() => void data.refetch()} />
      </Page>
    );
  if (!data.data || !units.data || !users.data || !severities.data)
    return (
      <Page title={title}>
        <Loading />
      </Page>
    );
  const names = new Map(users.data.map((user) => [user.id, user.name]));
  const filter = (change: Partial<DeviationSearch>) =>
    void navigate({ to: '/avvikelser', search: { ...search, ...change } });
  const currentYear = webYear();
  const years = Array.from({ length: 10 }, (_, index) => String(currentYear - index));

  return (
    <Page title={title}>
      <p className="lead">{t('deviations.intro')}</p>
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
          label={t('deviations.state')}
          value={search.lage ?? ''}
          onChange={(value) => filter({ lage: (value || undefined) as DeviationSearch['lage'] })}
          options={DEVIATION_STATES.map((state) => ({ value: state, label: t(`deviationState.${state}`) }))}
        />
        <FilterSelect
          label={t('deviationForm.severity')}
          value={search.allvarlighet ?? ''}
          onChange={(value) => filter({ allvarlighet: value || undefined })}
          options={vocabularyOptions(severities.data, locale)}
        />
      </div>
      <p role="status">{t('filters.count', { count: data.data.deviations.length })}</p>
      {data.data.deviations.length === 0 ? (
        <p>{t('deviations.none')}</p>
      ) : (
        <div className="table-scroll" role="region" aria-labelledby="deviations-table" tabIndex={0}>
          <table className="table">
            <caption id="deviations-table" className="visually-hidden">
              {title}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('deviationForm.foundOn')}</th>
                <th scope="col">{t('deviationForm.what')}</th>
                <th scope="col">{t('itemKind.control')}</th>
                <th scope="col">{t('deviationForm.severity')}</th>
                <th scope="col">{t('deviations.state')}</th>
                <th scope="col">{t('deviationForm.reportedTo')}</th>
              </tr>
            </thead>
            <tbody>
              {data.data.deviations.map((entry) => {
                const source = data.data.controls.get(entry.controlId);
                const reportedTo = [entry.reportedToId ? names.get(entry.reportedToId) : null, entry.reportedToText]
                  .filter(Boolean)
                  .join(', ');
                return (
                  <tr key={entry.id}>
                    <td>{formatDate(entry.foundOn, formatLocale)}</td>
                    <th scope="row">
                      <Link to="/avvikelser/$deviationId" params={{ deviationId: entry.id }}>
                        {entry.title}
                      </Link>
                    </th>
                    <td>
                      {source ? (
                        <Link to="/risker/$riskId" params={{ riskId: source.riskId }} hash={`item-${source.id}`}>
                          {source.title}
                        </Link>
                      ) : (
                        '–'
                      )}
                    </td>
                    <td>{vocabularyLabel(entry.severity, locale)}</td>
                    <td>{t(`deviationState.${entry.state}`)}</td>
                    <td>
                      {reportedTo || '–'}
                      {entry.reportedOn ? ` (${formatDate(entry.reportedOn, formatLocale)})` : ''}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </Page>
  );
}
