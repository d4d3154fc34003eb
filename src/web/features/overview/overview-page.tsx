import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import type { z } from 'zod';
import type { overviewRow } from '../../../domain/contracts/overview.ts';
import { ORG_UNIT_KIND_LABELS } from '../../../domain/org-unit.ts';
import { STATUS_CATEGORIES } from '../../../domain/status.ts';
import { LoadFailed, Loading, Page } from '../../components/page.tsx';
import { useI18n, useLabel } from '../../i18n/i18n.tsx';
import { overviewQueries } from '../../api/overview.ts';
import { webYear } from '../../lib/clock.ts';
import { byId, useOrgUnits, usePlans, type OrgUnit, type Plan } from '../../lib/reference-data.ts';
import { RiskMatrixTable } from '../../components/risk-matrix-table.tsx';

type Row = z.infer<typeof overviewRow>;

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
  const data = useQuery(overviewQueries.of(scopeId, year));
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
      <OverviewFilters scope={scope} year={year} years={years} ancestors={ancestorsOf(scope, unitById)} />
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
                  <UnitRow key={row.unit.id} row={row} year={year} />
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

function OverviewFilters({
  scope,
  year,
  years,
  ancestors,
}: {
  scope: OrgUnit;
  year: number;
  years: number[];
  ancestors: OrgUnit[];
}) {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <div className="filters">
      {ancestors.length > 0 && (
        <nav aria-label={t('overview.path')} className="breadcrumbs">
          <ol>
            {ancestors.map((unit) => (
              <li key={unit.id}>
                <Link to="/oversikt" search={{ enhet: unit.id, ar: year }}>
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
        <select
          className="field-input"
          value={year}
          onChange={(event) =>
            void navigate({ to: '/oversikt', search: { enhet: scope.id, ar: Number(event.target.value) } })
          }
        >
          {(years.includes(year) ? years : [year, ...years]).map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}

function UnitRow({ row, year }: { row: Row; year: number }) {
  const { t } = useI18n();
  const label = useLabel();
  return (
    <tr>
      <th scope="row">
        {!row.own && row.hasUnitsBelow ? (
          <Link to="/oversikt" search={{ enhet: row.unit.id, ar: year }}>
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
