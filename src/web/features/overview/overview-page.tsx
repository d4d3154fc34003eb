import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import type { z } from 'zod';
import type { overviewGroup, overviewRow } from '../../../domain/contracts/overview.ts';
import { ORG_UNIT_KIND_LABELS } from '../../../domain/org-unit.ts';
import { STATUS_CATEGORIES } from '../../../domain/status.ts';
import { LoadFailed, Loading, Page } from '../../components/page.tsx';
import { useI18n, useLabel } from '../../i18n/i18n.tsx';
import { overviewQueries } from '../../api/overview.ts';
import { webYear } from '../../lib/clock.ts';
import {
  byId,
  useOrgUnits,
  usePlans,
  useVocabulary,
  vocabularyLabel,
  vocabularyOptions,
  type OrgUnit,
  type Plan,
} from '../../lib/reference-data.ts';
import { RiskMatrixTable } from '../../components/risk-matrix-table.tsx';
import type { VocabularyEntry } from '../../api/vocabularies.ts';

type Row = z.infer<typeof overviewRow>;
type Group = z.infer<typeof overviewGroup>;

/** The overview's address: the unit, the year, and a process or risk category to narrow to. */
export interface OverviewSearch {
  enhet?: string | undefined;
  ar?: number | undefined;
  process?: string | undefined;
  kategori?: string | undefined;
}

/** The year shown first: the newest that has plans, not after this one. */
function defaultYear(plans: Plan[]): number {
  const thisYear = webYear();
  const years = plans.map((plan) => plan.startYear).filter((year) => year <= thisYear);
  return years.length > 0 ? Math.max(...years) : thisYear;
}

/**
 * Kommunstyrelsens översikt: every nämnd, bolag and förvaltning under a unit side by side for a
 * year (status of their controls, actions and activities, overdue ones, deviations, risks) and
 * the risk matrix of them all; a unit's name drills down to the units under it. The figures
 * come counted from the server (GET /overview), the same the council summary report prints.
 */
export function OverviewPage() {
  const { t } = useI18n();
  const search = useSearch({ from: '/oversikt' });
  const units = useOrgUnits();
  const plans = usePlans();
  const year = search.ar ?? (plans.data ? defaultYear(plans.data) : undefined);
  // The top of what the person may see: the whole municipality for KS, their nämnd for others.
  const visible = new Set(units.data?.map((unit) => unit.id));
  const scopeId = search.enhet ?? units.data?.find((unit) => unit.parentId === null || !visible.has(unit.parentId))?.id;
  const filter = { process: search.process, category: search.kategori };
  const data = useQuery(overviewQueries.of(scopeId, year, filter));
  const processes = useVocabulary('process', year);
  const categories = useVocabulary('risk_category', year);
  const title = t('overview.title');
  const error = units.error ?? plans.error ?? data.error;
  if (error)
    return (
      <Page title={title}>
        <LoadFailed error={error} retry={() => void data.refetch()} />
      </Page>
    );
  if (!units.data || !plans.data || !data.data || !scopeId || !year)
    return (
      <Page title={title}>
        <Loading />
      </Page>
    );

  const unitById = byId(units.data);
  const scope = unitById.get(scopeId)!;
  const overview = data.data;
  const years = [...new Set(plans.data.map((plan) => plan.startYear))].sort((a, b) => b - a);
  const matrixRisks = overview.matrix.cells.flatMap((cell) =>
    Array.from({ length: cell.count }, () => ({ likelihood: cell.likelihood, consequence: cell.consequence })),
  );

  return (
    <Page title={title}>
      <p className="lead">{t('overview.intro')}</p>
      <OverviewFilters
        scope={scope}
        year={year}
        years={years}
        ancestors={ancestorsOf(scope, unitById)}
        search={search}
        processes={processes.data ?? []}
        categories={categories.data ?? []}
      />
      {(search.process || search.kategori) && <p className="notice">{t('overview.narrowed')}</p>}
      <section aria-labelledby="units-heading" className="section">
        <h2 id="units-heading">{t('overview.unitsOf', { unit: scope.name, year })}</h2>
        {overview.rows.length === 0 ? (
          <p>{t('overview.nothing')}</p>
        ) : (
          <div className="table-scroll" role="region" aria-labelledby="units-heading" tabIndex={0}>
            <table className="table" aria-labelledby="units-heading">
              <thead>
                <tr>
                  <th scope="col">{t('plan.unit')}</th>
                  <th scope="col">{t('overview.items')}</th>
                  {STATUS_CATEGORIES.map((category) => (
                    <th scope="col" key={category}>
                      {t(`statusCategory.${category}`)}
                    </th>
                  ))}
                  <th scope="col">{t('overview.noStatus')}</th>
                  <th scope="col">{t('myWork.overdue')}</th>
                  <th scope="col">{t('overview.deviations')}</th>
                  <th scope="col">{t('plan.risks')}</th>
                  <th scope="col">{t('overview.highestRisk')}</th>
                </tr>
              </thead>
              <tbody>
                {overview.rows.map((row) => (
                  <UnitRow key={row.unit.id} row={row} search={{ ...search, ar: year }} />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {overview.rows.some((row) => row.plans.length > 0) && (
        <section aria-labelledby="overview-matrix-heading" className="section">
          <h2 id="overview-matrix-heading">{t('overview.matrix', { unit: scope.name })}</h2>
          <RiskMatrixTable matrix={overview.matrix} risks={matrixRisks} selected={null} />
          <p>{t('overview.unassessedRisks', { count: overview.matrix.unassessedRisks })}</p>
        </section>
      )}
      <GroupTable
        id="by-process"
        title={t('overview.byProcess')}
        column={t('riskForm.process')}
        groups={overview.byProcess}
      />
      <GroupTable
        id="by-category"
        title={t('overview.byCategory')}
        column={t('riskForm.category')}
        groups={overview.byCategory}
      />
    </Page>
  );
}

function ancestorsOf(unit: OrgUnit, unitById: Map<string, OrgUnit>): OrgUnit[] {
  const chain: OrgUnit[] = [];
  let current = unit.parentId ? unitById.get(unit.parentId) : undefined;
  while (current) {
    chain.unshift(current);
    current = current.parentId ? unitById.get(current.parentId) : undefined;
  }
  return chain;
}

/**
 * The risks of every row totalled per process or per risk category, as the council summary prints
 * them; shown when some risk names one (plans written before these fields have none).
 */
function GroupTable({ id, title, column, groups }: { id: string; title: string; column: string; groups: Group[] }) {
  const { t, locale } = useI18n();
  if (!groups.some((group) => group.entry !== null)) return null;
  const headingId = `${id}-heading`;
  return (
    <section aria-labelledby={headingId} className="section">
      <h2 id={headingId}>{title}</h2>
      <div className="table-scroll" role="region" aria-labelledby={headingId} tabIndex={0}>
        <table className="table" aria-labelledby={headingId}>
          <thead>
            <tr>
              <th scope="col">{column}</th>
              <th scope="col">{t('plan.risks')}</th>
              <th scope="col">{t('overview.highestRisk')}</th>
              <th scope="col">{t('overview.controls')}</th>
            </tr>
          </thead>
          <tbody>
            {groups.map((group) => (
              <tr key={group.entry?.id ?? 'none'}>
                <th scope="row">{group.entry ? vocabularyLabel(group.entry, locale) : t('overview.notGiven')}</th>
                <td>{group.risks}</td>
                <td>{group.highestRiskValue ?? '–'}</td>
                <td>{group.controls}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function OverviewFilters({
  scope,
  year,
  years,
  ancestors,
  search,
  processes,
  categories,
}: {
  scope: OrgUnit;
  year: number;
  years: number[];
  ancestors: OrgUnit[];
  search: OverviewSearch;
  processes: VocabularyEntry[];
  categories: VocabularyEntry[];
}) {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const go = (changes: OverviewSearch) =>
    void navigate({ to: '/oversikt', search: { ...search, enhet: scope.id, ar: year, ...changes } });
  const processOptions = vocabularyOptions(processes, locale);
  const categoryOptions = vocabularyOptions(categories, locale);
  return (
    <div className="filters">
      {ancestors.length > 0 && (
        <nav aria-label={t('overview.path')} className="breadcrumbs">
          <ol>
            {ancestors.map((unit) => (
              <li key={unit.id}>
                <Link to="/oversikt" search={{ ...search, enhet: unit.id, ar: year }}>
                  {unit.name}
                </Link>
              </li>
            ))}
            <li aria-current="page">{scope.name}</li>
          </ol>
        </nav>
      )}
      <label className="field field-inline">
        <span className="field-label">{t('overview.year')}</span>
        <select className="field-input" value={year} onChange={(event) => go({ ar: Number(event.target.value) })}>
          {(years.includes(year) ? years : [year, ...years]).map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </select>
      </label>
      <label className="field field-inline">
        <span className="field-label">{t('riskForm.process')}</span>
        <select
          className="field-input"
          value={search.process ?? ''}
          onChange={(event) => go({ process: event.target.value || undefined })}
        >
          <option value="">{t('filters.all')}</option>
          {withCurrent(processOptions, search.process, t('overview.notOffered')).map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </label>
      <label className="field field-inline">
        <span className="field-label">{t('riskForm.category')}</span>
        <select
          className="field-input"
          value={search.kategori ?? ''}
          onChange={(event) => go({ kategori: event.target.value || undefined })}
        >
          <option value="">{t('filters.all')}</option>
          {withCurrent(categoryOptions, search.kategori, t('overview.notOffered')).map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}

/** The choices, keeping one chosen in the address that the year no longer offers (an archived entry). */
function withCurrent(options: { value: string; label: string }[], current: string | undefined, label: string) {
  return current === undefined || options.some((option) => option.value === current)
    ? options
    : [...options, { value: current, label }];
}

function UnitRow({ row, search }: { row: Row; search: OverviewSearch & { ar: number } }) {
  const { t } = useI18n();
  const label = useLabel();
  return (
    <tr>
      <th scope="row">
        {!row.own && row.hasUnitsBelow ? (
          <Link to="/oversikt" search={{ ...search, enhet: row.unit.id }}>
            {row.unit.name}
          </Link>
        ) : (
          <Link to="/organisation" search={{ enhet: row.unit.id }}>
            {row.unit.name}
          </Link>
        )}
        <span className="muted">
          {' '}
          · {row.own ? t('overview.ownPlans') : label(ORG_UNIT_KIND_LABELS[row.unit.kind])}
        </span>
      </th>
      <td>{row.items}</td>
      {STATUS_CATEGORIES.map((category) => (
        <td key={category}>{row.statuses[category]}</td>
      ))}
      <td>{row.statuses.none}</td>
      <td>{row.overdue > 0 ? <span className="tag tag-warning">{row.overdue}</span> : 0}</td>
      <td>{t('overview.deviationCount', { open: row.openDeviations, all: row.deviations })}</td>
      <td>{row.risks}</td>
      <td>{row.highestRiskValue ?? '–'}</td>
    </tr>
  );
}
