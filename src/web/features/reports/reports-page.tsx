import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import {
  REPORT_KINDS,
  TABULAR_REPORT_KINDS,
  WHOLE_YEAR_REPORT_KINDS,
  type ReportKind,
} from '../../../domain/report-kind.ts';
import { LoadFailed, Loading, Page } from '../../components/page.tsx';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { InputField, SelectField } from '../../components/fields.tsx';
import { FilterSelect, unitOptions } from '../../components/unit-filter.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import {
  issuedReportFileUrl,
  issueReport,
  reportQueries,
  reportUrl,
  type IssuedReport,
  type IssueFormat,
} from '../../api/reports.ts';
import { invalidateIssuedReports } from '../../api/invalidation.ts';
import { formatDate } from '../../lib/format.ts';
import { getCalendar, calendarKeys } from '../../api/reporting-calendar.ts';
import { periodParam } from '../../lib/periods.ts';
import { useOrgUnits, usePlans } from '../../lib/reference-data.ts';
import { useSubmit } from '../../lib/use-submit.ts';
import { useMe } from '../../lib/use-me.ts';
import { DecisionText, RecordDecisionForm } from './issued-report-decision.tsx';
import { ReportTemplateEditor } from './report-template-editor.tsx';
import { ReportTexts } from './report-texts.tsx';
import { AnnualArchive } from './annual-archive.tsx';

export interface ReportSearch {
  typ?: ReportKind | undefined;
  enhet?: string | undefined;
  period?: string | undefined;
  /** A reporting period within the plan year ("2020-Q3", "2020-H1", a period's name); unset: the whole year. */
  del?: string | undefined;
}

/** Which plans a kind is made from; the council summary sums up the internal control plans below a unit. */
const PLAN_KIND_OF: Record<ReportKind, 'internal_control' | 'activity'> = {
  'improvement-actions': 'internal_control',
  'activity-plan': 'activity',
  'activity-review': 'activity',
  'control-follow-up': 'internal_control',
  plan: 'internal_control',
  'council-summary': 'internal_control',
  deviations: 'internal_control',
  'plan-table': 'internal_control',
  recommendations: 'internal_control',
  'action-report': 'internal_control',
  'internal-control-report': 'internal_control',
  'period-report': 'internal_control',
};

/**
 * Rapporter: choose a report, a unit and a period, look at it here, download it as PDF, DOCX,
 * XLSX or Markdown, and send it to the nämnd, which keeps the exact file with its SHA-256.
 */
export function ReportsPage() {
  const { t, locale } = useI18n();
  const search = useSearch({ from: '/rapporter' });
  const navigate = useNavigate();
  const me = useMe();
  const units = useOrgUnits();
  const plans = usePlans();
  const kind: ReportKind = search.typ ?? 'control-follow-up';
  const title = t('reports.title');
  const error = units.error ?? plans.error ?? me.error;
  if (error)
    return (
      <Page title={title}>
        <LoadFailed error={error} />
      </Page>
    );
  if (!units.data || !plans.data || !me.data)
    return (
      <Page title={title}>
        <Loading />
      </Page>
    );

  const choose = (change: Partial<ReportSearch>) =>
    void navigate({ to: '/rapporter', search: { ...search, ...change }, replace: true });
  const planKind = PLAN_KIND_OF[kind];
  const summary = kind === 'council-summary';
  // The summary is made for the municipality; the deviations, the actions and the recommendations for any unit and what is below it.
  const underUnit = kind === 'deviations' || kind === 'action-report' || kind === 'recommendations';
  const wide = summary || underUnit;
  const unitChoices = summary
    ? units.data.filter((unit) => unit.kind === 'kommun' || unit.kind === 'region' || unit.parentId === null)
    : underUnit
      ? units.data
      : units.data.filter((unit) => plans.data.some((plan) => plan.unitId === unit.id && plan.kind === planKind));
  const unitId =
    search.enhet && unitChoices.some((unit) => unit.id === search.enhet) ? search.enhet : unitChoices[0]?.id;
  const periods = [
    ...new Set(
      plans.data
        .filter((plan) => plan.kind === planKind && (wide || plan.unitId === unitId))
        .flatMap((plan) => (wide ? [String(plan.startYear)] : [periodParam(plan)])),
    ),
  ]
    .sort()
    .reverse();
  const period = search.period && periods.includes(search.period) ? search.period : periods[0];
  // What the report covers: the plan years, or a reporting period within the year.
  // The halvårs- or delårsrapport is always of a part of the year: the first half unless another is chosen.
  const partOnly = kind === 'period-report';
  const part = search.del ?? (partOnly && period ? `${period}-H1` : undefined);
  const reportPeriod =
    part && period && /^\d{4}$/.test(period) && !WHOLE_YEAR_REPORT_KINDS.includes(kind) ? part : period;
  const parents = new Map(units.data.map((unit) => [unit.id, unit.parentId]));
  const manages = (id: string) => {
    for (let at: string | null | undefined = id; at; at = parents.get(at)) {
      if (
        me.data.roles.some(
          (role) => role.unitId === at && (role.role === 'administrator' || role.role === 'coordinator'),
        )
      )
        return true;
    }
    return false;
  };
  // The whole organisation's template is the tenant administrator's (an administrator of a top unit).
  const tenantAdmin = me.data.roles.some(
    (role) =>
      role.role === 'administrator' && units.data.some((unit) => unit.id === role.unitId && unit.parentId === null),
  );

  return (
    <Page title={title}>
      <p className="lead">{t('reports.intro')}</p>
      <div className="filters filter-bar" role="group" aria-label={t('reports.choose')}>
        <FilterSelect
          label={t('reports.kind')}
          value={kind}
          onChange={(value) => choose({ typ: (value || undefined) as ReportKind | undefined })}
          options={REPORT_KINDS.map((value) => ({ value, label: t(`reports.kind.${value}`) }))}
          includeAll={false}
        />
        <FilterSelect
          label={summary ? t('reports.summaryUnit') : t('plan.unit')}
          value={unitId ?? ''}
          onChange={(value) => choose({ enhet: value || undefined })}
          options={unitOptions(unitChoices)}
          includeAll={false}
        />
        <FilterSelect
          label={t('reports.period')}
          value={period ?? ''}
          onChange={(value) => choose({ period: value || undefined, del: undefined })}
          options={periods.map((value) => ({ value, label: value }))}
          includeAll={false}
        />
        {period && /^\d{4}$/.test(period) && !WHOLE_YEAR_REPORT_KINDS.includes(kind) && (
          <PartOfYearSelect
            year={Number(period)}
            value={part}
            wholeYear={!partOnly}
            onChange={(del) => choose({ del })}
          />
        )}
      </div>
      <p>{t(`reports.about.${kind}`)}</p>
      {!unitId || !period ? (
        <p role="status">{t('reports.nothing')}</p>
      ) : (
        <ReportActions
          key={`${kind}-${unitId}-${reportPeriod}`}
          kind={kind}
          unitId={unitId}
          period={reportPeriod!}
          year={Number(period.slice(0, 4))}
          locale={locale}
          manages={manages(unitId)}
          tenantAdmin={tenantAdmin}
        />
      )}
      {unitId && manages(unitId) && (
        <AnnualArchive
          key={unitId}
          unitId={unitId}
          unitName={units.data.find((unit) => unit.id === unitId)?.name ?? ''}
          years={adoptedYears(plans.data, unitId)}
          wholeTenant={units.data.filter((unit) => unit.parentId === null).every((unit) => manages(unit.id))}
        />
      )}
    </Page>
  );
}

/** The years a unit's adopted (or closed) plans cover, newest first: the years it has an årsarkiv for. */
function adoptedYears(
  plans: readonly { unitId: string; state: string; startYear: number; endYear: number }[],
  unitId: string,
): string[] {
  const years = new Set<number>();
  for (const plan of plans)
    if (plan.unitId === unitId && plan.state !== 'draft')
      for (let year = plan.startYear; year <= plan.endYear; year++) years.add(year);
  return [...years].sort((a, b) => b - a).map(String);
}

function ReportActions({
  kind,
  unitId,
  period,
  year,
  locale,
  manages,
  tenantAdmin,
}: {
  kind: ReportKind;
  unitId: string;
  period: string;
  /** The (first) plan year of the report, for the texts written per year. */
  year: number;
  locale: 'sv' | 'en';
  manages: boolean;
  tenantAdmin: boolean;
}) {
  const { t } = useI18n();
  const link = (format: string, extra: Record<string, string> = {}) =>
    reportUrl(kind, { unit: unitId, period, format, lang: locale, ...extra });
  const formats = [
    { format: 'pdf', label: t('reports.format.pdf') },
    { format: 'pdf', label: t('reports.format.pdfa'), extra: { archival: 'true' } },
    { format: 'docx', label: t('reports.format.docx') },
    ...(TABULAR_REPORT_KINDS.includes(kind) ? [{ format: 'xlsx', label: t('reports.format.xlsx') }] : []),
    { format: 'md', label: t('reports.format.md') },
  ];
  return (
    <div className="reports-page">
      <section aria-labelledby="report-download">
        <h2 id="report-download">{t('reports.download')}</h2>
        <ul className="button-row">
          {formats.map((entry) => (
            <li key={entry.label}>
              <a className="button button-quiet" href={link(entry.format, entry.extra)} download>
                {entry.label}
              </a>
            </li>
          ))}
        </ul>
      </section>
      <Preview url={link('html')} title={t(`reports.kind.${kind}`)} />
      {manages && <IssueForm kind={kind} unitId={unitId} period={period} />}
      <IssuedList kind={kind} unitId={unitId} manages={manages} />
      {manages && <ReportTexts kind={kind} unitId={unitId} year={year} />}
      {manages && <ReportTemplateEditor kind={kind} unitId={unitId} period={period} tenantAdmin={tenantAdmin} />}
    </div>
  );
}

/**
 * The part of the plan year a report covers: the whole year, a calendar half, or one of the
 * reporting periods of the year's årshjul (kvartal, tertial, delår, prognos, the tenant's own).
 */
function PartOfYearSelect({
  year,
  value,
  wholeYear = true,
  onChange,
}: {
  year: number;
  value: string | undefined;
  /** Whether the whole year is a choice (not for the halvårs- and delårsrapport). */
  wholeYear?: boolean;
  onChange: (value: string | undefined) => void;
}) {
  const { t, locale } = useI18n();
  const calendar = useQuery({
    queryKey: calendarKeys.year(year),
    queryFn: ({ signal }) => getCalendar(year, signal),
  });
  const periods = (calendar.data?.periods ?? [])
    .filter((period) => period.kind !== 'annual')
    .sort((a, b) => a.startDate.localeCompare(b.startDate) || b.endDate.localeCompare(a.endDate));
  const options = [
    { value: `${year}-H1`, label: t('reports.halfYear', { number: 1, year }) },
    { value: `${year}-H2`, label: t('reports.halfYear', { number: 2, year }) },
    ...periods.map((period) => ({ value: period.label, label: locale === 'sv' ? period.label : period.labelEn })),
  ];
  return (
    <FilterSelect
      label={t('reports.partOfYear')}
      value={value && options.some((option) => option.value === value) ? value : ''}
      onChange={(chosen) => onChange(chosen || undefined)}
      options={wholeYear ? [{ value: '', label: t('reports.wholeYear') }, ...options] : options}
      includeAll={false}
    />
  );
}

/** The report as HTML, in a frame of its own so its styles stay its own. */
function Preview({ url, title }: { url: string; title: string }) {
  const { t } = useI18n();
  const [shown, setShown] = useState(false);
  const html = useQuery({ ...reportQueries.preview(url), enabled: shown });
  return (
    <section aria-labelledby="report-preview">
      <h2 id="report-preview">{t('reports.preview')}</h2>
      {!shown ? (
        <button type="button" className="button" onClick={() => setShown(true)}>
          {t('reports.showPreview')}
        </button>
      ) : html.error ? (
        <LoadFailed error={html.error} retry={() => void html.refetch()} />
      ) : !html.data ? (
        <Loading />
      ) : (
        <iframe className="report-preview" title={t('reports.previewOf', { title })} srcDoc={html.data} sandbox="" />
      )}
    </section>
  );
}

function IssueForm({ kind, unitId, period }: { kind: ReportKind; unitId: string; period: string }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const submit = useSubmit();
  const [format, setFormat] = useState('pdf');
  const [note, setNote] = useState('');
  // The report issued last, shown only while the same kind, unit and period are chosen.
  const selection = `${kind}|${unitId}|${period}`;
  const [lastIssued, setIssued] = useState<{ selection: string; report: IssuedReport } | null>(null);
  const issued = lastIssued?.selection === selection ? lastIssued.report : null;
  const formats = ['pdf', 'docx', ...(TABULAR_REPORT_KINDS.includes(kind) ? ['xlsx'] : [])];
  return (
    <section aria-labelledby="report-issue">
      <h2 id="report-issue">{t('reports.issue')}</h2>
      <p>{t('reports.issueHelp')}</p>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit.run(async () => {
            const created = await issueReport(kind, {
              unitId,
              period,
              format: format as IssueFormat,
              ...(note.trim() ? { note: note.trim() } : {}),
            });
            setIssued({ selection, report: created });
            setNote('');
            await invalidateIssuedReports(queryClient);
          });
        }}
      >
        <ErrorSummary error={submit.error} />
        <SelectField
          label={t('reports.issueFormat')}
          value={format}
          onChange={setFormat}
          options={formats.map((value) => ({ value, label: value.toUpperCase() }))}
          errors={submit.fieldErrors('format')}
        />
        <InputField
          label={t('reports.note')}
          description={t('reports.noteHelp')}
          value={note}
          onChange={setNote}
          errors={submit.fieldErrors('note')}
        />
        <button type="submit" className="button" aria-disabled={submit.pending}>
          {submit.pending ? t('reports.issuing') : t('reports.issueButton')}
        </button>
      </form>
      <div role="status">
        {issued && (
          <p className="notice">
            {t('reports.issued', { title: issued.title })}{' '}
            <span className="sha">
              SHA-256: <code>{issued.sha256}</code>
            </span>
          </p>
        )}
      </div>
    </section>
  );
}

/** The copies sent to the nämnd: who sent which, when, and the checksum that proves the download is the same file. */
function IssuedList({ kind, unitId, manages }: { kind: ReportKind; unitId: string; manages: boolean }) {
  const { t, formatLocale } = useI18n();
  const list = useQuery(reportQueries.issuedList({ unit: unitId, kind }));
  return (
    <section aria-labelledby="report-issued">
      <h2 id="report-issued">{t('reports.issuedList')}</h2>
      {list.error ? (
        <LoadFailed error={list.error} retry={() => void list.refetch()} />
      ) : !list.data ? (
        <Loading />
      ) : list.data.items.length === 0 ? (
        <p>{t('reports.noneIssued')}</p>
      ) : (
        <div className="table-scroll" role="region" tabIndex={0} aria-labelledby="report-issued">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('reports.issuedAt')}</th>
                <th scope="col">{t('reports.period')}</th>
                <th scope="col">{t('reports.issuedBy')}</th>
                <th scope="col">{t('reports.note')}</th>
                <th scope="col">{t('decisions.column')}</th>
                <th scope="col">SHA-256</th>
                <th scope="col">{t('reports.file')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((entry) => (
                <tr key={entry.id}>
                  <td>{formatDate(entry.issuedAt.slice(0, 10), formatLocale)}</td>
                  <td>{entry.period}</td>
                  <td>{entry.issuedByName}</td>
                  <td>{entry.note ?? '–'}</td>
                  <td>
                    <DecisionText decision={entry.decision} />
                  </td>
                  <td>
                    <code className="sha">{entry.sha256}</code>
                  </td>
                  <td>
                    <a href={issuedReportFileUrl(entry.id)} download={entry.fileName}>
                      {t('reports.downloadIssued', { format: entry.format.toUpperCase() })}
                      <span className="visually-hidden"> {entry.title}</span>
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {manages && list.data && list.data.items.length > 0 && (
        <RecordDecisionForm key={`${kind}|${unitId}`} reports={list.data.items} />
      )}
    </section>
  );
}
