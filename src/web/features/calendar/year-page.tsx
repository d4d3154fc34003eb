import { useQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { ROLE_LABELS } from '../../../domain/role.ts';
import { LoadFailed, Loading, Page } from '../../components/page.tsx';
import { FilterSelect } from '../../components/unit-filter.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { calendarQueries } from '../../api/reporting-calendar.ts';
import { reportQueries } from '../../api/reports.ts';
import { webYear } from '../../lib/clock.ts';
import { periodLabel } from '../../lib/periods.ts';
import { byId, useOrgUnits } from '../../lib/reference-data.ts';

export interface YearSearch {
  ar?: number | undefined;
}

interface Entry {
  date: string;
  monthOnly: boolean;
  kind: string;
  title: string;
  detail: string;
}

/**
 * Årshjulet: the year month by month – the nämnd, KS and KF meetings, the reporting deadlines
 * of each role, the ends of the reporting periods, and the reports sent to the nämnd.
 */
export function YearPage() {
  const { t, locale, formatLocale } = useI18n();
  const search = useSearch({ from: '/arshjul' });
  const navigate = useNavigate();
  const thisYear = webYear();
  const year = search.ar ?? thisYear;
  const calendar = useQuery(calendarQueries.year(year));
  const issued = useQuery(reportQueries.issuedList({}));
  const units = useOrgUnits();
  const title = t('year.title');
  const error = calendar.error ?? issued.error ?? units.error;
  if (error)
    return (
      <Page title={title}>
        <LoadFailed error={error} />
      </Page>
    );
  if (!calendar.data || !issued.data || !units.data)
    return (
      <Page title={title}>
        <Loading />
      </Page>
    );
  const unitById = byId(units.data);
  const entries: Entry[] = [
    ...calendar.data.events.map((event) => ({
      date: event.date,
      monthOnly: event.datePrecision === 'month',
      kind: t(`eventKind.${event.kind}`),
      title: event.title,
      detail: [
        event.role ? ROLE_LABELS[event.role][locale] : '',
        event.unitId ? (unitById.get(event.unitId)?.name ?? '') : t('admin.wholeTenant'),
      ]
        .filter(Boolean)
        .join(' · '),
    })),
    ...calendar.data.periods.map((period) => ({
      date: period.endDate,
      monthOnly: false,
      kind: t('year.periodEnds'),
      title: periodLabel(period, locale),
      detail: '',
    })),
    ...issued.data.items
      .filter((report) => report.issuedAt.startsWith(String(year)))
      .map((report) => ({
        date: report.issuedAt.slice(0, 10),
        monthOnly: false,
        kind: t('year.reportSent'),
        title: report.title,
        detail: [report.unitName, report.note].filter(Boolean).join(' · '),
      })),
  ].sort((a, b) => a.date.localeCompare(b.date));
  const months = Array.from({ length: 12 }, (_, index) => index + 1);
  const monthName = (month: number) =>
    new Intl.DateTimeFormat(formatLocale, { month: 'long', timeZone: 'UTC' }).format(
      new Date(Date.UTC(year, month - 1, 1)),
    );
  const dayOf = (entry: Entry) =>
    entry.monthOnly
      ? t('year.sometimeIn')
      : new Intl.DateTimeFormat(formatLocale, { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(
          new Date(`${entry.date}T00:00:00Z`),
        );
  const years = Array.from({ length: 10 }, (_, index) => String(thisYear + 1 - index));
  return (
    <Page title={title}>
      <p className="lead">{t('year.intro')}</p>
      <div className="filters filter-bar" role="group" aria-label={t('filters.label')}>
        <FilterSelect
          label={t('overview.year')}
          value={String(year)}
          onChange={(value) => void navigate({ to: '/arshjul', search: { ar: value ? Number(value) : undefined } })}
          options={years.map((value) => ({ value, label: value }))}
          includeAll={false}
        />
      </div>
      {entries.length === 0 && <p role="status">{t('year.empty', { year })}</p>}
      <ol className="year-list">
        {months.map((month) => {
          const inMonth = entries.filter((entry) => Number(entry.date.slice(5, 7)) === month);
          return (
            <li key={month}>
              <h2>{monthName(month)}</h2>
              {inMonth.length === 0 ? (
                <p className="muted">{t('year.nothing')}</p>
              ) : (
                <ul className="plain-list">
                  {inMonth.map((entry, index) => (
                    <li key={`${entry.date}-${index}`}>
                      <strong>{dayOf(entry)}</strong> · {entry.kind}: {entry.title}
                      {entry.detail && <span className="muted"> ({entry.detail})</span>}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          );
        })}
      </ol>
    </Page>
  );
}
