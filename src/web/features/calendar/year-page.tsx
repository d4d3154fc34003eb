import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { ROLE_LABELS } from '../../../domain/role.ts';
import { LoadFailed, Loading, Page } from '../../components/page.tsx';
import { FilterSelect } from '../../components/unit-filter.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { calendarQueries, copyMeetings, generateStandardPeriods, type Calendar } from '../../api/reporting-calendar.ts';
import { invalidateCalendar } from '../../api/invalidation.ts';
import { managedUnits } from '../../lib/can-manage.ts';
import { useMe } from '../../lib/use-me.ts';
import { reportQueries } from '../../api/reports.ts';
import { webYear } from '../../lib/clock.ts';
import { periodLabel } from '../../lib/periods.ts';
import { byId, useOrgUnits, type OrgUnit } from '../../lib/reference-data.ts';

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
  const me = useMe();
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
  const isTenantAdmin =
    me.data?.roles.some((role) => role.role === 'administrator' && unitById.get(role.unitId)?.parentId === null) ??
    false;
  const mayCopy = isTenantAdmin || (me.data ? managedUnits(me.data, units.data).length > 0 : false);
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
      {(isTenantAdmin || mayCopy) && <YearTools year={year} mayGenerate={isTenantAdmin} mayCopy={mayCopy} />}
      {entries.length === 0 && <p role="status">{t('year.empty', { year })}</p>}
      <Timeline calendar={calendar.data} year={year} monthName={monthName} units={unitById} />
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

/** What is placed on the timeline: where it starts and ends as parts of the year (0–1). */
function yearFraction(date: string, year: number, end = false): number {
  const start = Date.UTC(year, 0, 1);
  const length = Date.UTC(year + 1, 0, 1) - start;
  const at = Date.parse(`${date}T00:00:00Z`) + (end ? 86_400_000 : 0);
  return Math.min(1, Math.max(0, (at - start) / length));
}

/**
 * The year drawn along its months: each reporting period a bar from its first to its last day,
 * each meeting a mark on its day, every one with its name written out (never colour alone).
 * The month list below says the same in words, grouped by month.
 */
function Timeline({
  calendar,
  year,
  monthName,
  units,
}: {
  calendar: Calendar;
  year: number;
  monthName: (month: number) => string;
  units: Map<string, OrgUnit>;
}) {
  const { t, locale } = useI18n();
  const meetings = calendar.events.filter((event) => event.kind !== 'deadline');
  const periods = [...calendar.periods].sort(
    (a, b) => a.startDate.localeCompare(b.startDate) || b.endDate.localeCompare(a.endDate),
  );
  if (periods.length === 0 && meetings.length === 0) return null;
  const place = (from: number, to: number) => ({
    left: `${from * 100}%`,
    width: `${Math.max(to - from, 0.004) * 100}%`,
  });
  return (
    <figure className="year-timeline">
      <figcaption>
        <strong>{t('year.timeline')}</strong> <span className="muted">{t('year.timelineNote')}</span>
      </figcaption>
      <div className="year-timeline-scroll" role="region" aria-label={t('year.timeline')} tabIndex={0}>
        <div className="year-timeline-chart">
          <div className="year-timeline-months">
            {Array.from({ length: 12 }, (_, index) => (
              <span
                key={index}
                style={place(
                  yearFraction(`${year}-${String(index + 1).padStart(2, '0')}-01`, year),
                  yearFraction(`${year}-${String(index + 1).padStart(2, '0')}-01`, year) + 1 / 12,
                )}
              >
                {monthName(index + 1).slice(0, 3)}
              </span>
            ))}
          </div>
          {periods.length > 0 && <p className="year-timeline-row-label">{t('year.periodsRow')}</p>}
          {periods.map((period) => (
            <div key={period.id} className="year-timeline-lane">
              <span
                className={`year-timeline-bar year-timeline-${period.kind}`}
                style={place(yearFraction(period.startDate, year), yearFraction(period.endDate, year, true))}
              >
                {periodLabel(period, locale)}
              </span>
            </div>
          ))}
          {meetings.length > 0 && <p className="year-timeline-row-label">{t('year.meetingsRow')}</p>}
          {meetings.map((event) => (
            <div key={event.id} className="year-timeline-lane">
              <span className="year-timeline-mark" style={{ left: `${yearFraction(event.date, year) * 100}%` }}>
                ◆ {event.title}
                {event.unitId ? ` · ${units.get(event.unitId)?.name ?? ''}` : ''}
              </span>
            </div>
          ))}
        </div>
      </div>
    </figure>
  );
}

/**
 * Setting up a year in one step each: the tenant administrator creates its standard periods,
 * and whoever writes meetings copies those of the year before. Each says what it did.
 */
function YearTools({ year, mayGenerate, mayCopy }: { year: number; mayGenerate: boolean; mayCopy: boolean }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [message, setMessage] = useState('');
  const [failure, setFailure] = useState('');
  const [busy, setBusy] = useState(false);
  async function run(action: () => Promise<string>) {
    setBusy(true);
    setMessage('');
    setFailure('');
    try {
      setMessage(await action());
      await invalidateCalendar(queryClient);
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  }
  return (
    <section aria-labelledby="year-tools-heading" className="year-tools">
      <h2 id="year-tools-heading">{t('year.tools')}</h2>
      <div className="button-row">
        {mayGenerate && (
          <button
            type="button"
            className="button"
            disabled={busy}
            aria-describedby="year-generate-help"
            onClick={() =>
              void run(async () => {
                const result = await generateStandardPeriods(year);
                return t('year.periodsGenerated', { created: result.created.length, kept: result.kept.length });
              })
            }
          >
            {t('year.generatePeriods', { year })}
          </button>
        )}
        {mayCopy && (
          <button
            type="button"
            className="button"
            disabled={busy}
            aria-describedby="year-copy-help"
            onClick={() =>
              void run(async () => {
                const result = await copyMeetings(year);
                return t('year.meetingsCopied', { created: result.created.length, skipped: result.skipped });
              })
            }
          >
            {t('year.copyMeetings', { year: year - 1 })}
          </button>
        )}
      </div>
      {mayGenerate && (
        <p id="year-generate-help" className="muted">
          {t('year.generatePeriodsHelp')}
        </p>
      )}
      {mayCopy && (
        <p id="year-copy-help" className="muted">
          {t('year.copyMeetingsHelp')}
        </p>
      )}
      <p role="status">{message}</p>
      {failure && <p role="alert">{failure}</p>}
    </section>
  );
}
