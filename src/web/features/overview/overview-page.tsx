import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import type { z } from 'zod';
import type { deviation } from '../../../domain/contracts/deviations.ts';
import type { risk } from '../../../domain/contracts/risks.ts';
import { ORG_UNIT_KIND_LABELS } from '../../../domain/org-unit.ts';
import { STATUS_CATEGORIES, type StatusCategory } from '../../../domain/status.ts';
import { LoadFailed, Loading, Page } from '../../app/page.tsx';
import { useI18n, useLabel } from '../../i18n/i18n.tsx';
import { apiAll } from '../../lib/api.ts';
import { webYear } from '../../lib/clock.ts';
import { matrixOf } from '../../lib/risk-matrix-of.ts';
import { byId, useOrgUnits, usePlans, useRiskMatrices, useStatuses, type OrgUnit, type Plan } from '../../lib/reference-data.ts';
import { RiskMatrixTable } from '../plans/risk-matrix-table.tsx';

type Risk = z.infer<typeof risk>;
type Deviation = z.infer<typeof deviation>;
interface Item {
  id: string;
  planId: string;
  statusId: string | null;
  overdue: boolean;
}

interface Row {
  unit: OrgUnit;
  items: number;
  byCategory: Map<StatusCategory | 'none', number>;
  overdue: number;
  openDeviations: number;
  deviations: number;
  risks: number;
  highestRisk: number | null;
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
 * the risk matrix of them all; a unit's name drills down to the units under it.
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
  const data = useQuery({
    queryKey: ['overview', scopeId, year],
    enabled: scopeId !== undefined && year !== undefined,
    queryFn: async ({ signal }) => {
      const query = { under: scopeId, year };
      const [controls, actions, activities, risks, deviations] = await Promise.all([
        apiAll<Item>('/controls', query, signal),
        apiAll<Item>('/actions', query, signal),
        apiAll<Item>('/activities', query, signal),
        apiAll<Risk>('/risks', query, signal),
        apiAll<Deviation & { planId?: string }>('/deviations', { under: scopeId, from: `${year}-01-01`, to: `${year}-12-31` }, signal),
      ]);
      return { items: [...controls, ...actions, ...activities], controlPlan: new Map(controls.map((item) => [item.id, item.planId])), risks, deviations };
    },
  });
  const statuses = useStatuses();
  const matrices = useRiskMatrices();
  const title = t('overview.title');
  const error = units.error ?? plans.error ?? data.error ?? statuses.error ?? matrices.error;
  if (error) return <Page title={title}><LoadFailed error={error} retry={() => void data.refetch()} /></Page>;
  if (!units.data || !plans.data || !data.data || !statuses.data || !matrices.data || !scopeId || !year) return <Page title={title}><Loading /></Page>;

  const unitById = byId(units.data);
  const scope = unitById.get(scopeId);
  const children = units.data.filter((unit) => unit.parentId === scopeId);
  const planById = byId(plans.data);
  const categoryOf = new Map(statuses.data.map((status) => [status.id, status.category]));
  /** The child of the scope that a unit belongs under (or the scope itself). */
  const branchOf = (unitId: string): string => {
    let current = unitById.get(unitId);
    while (current && current.parentId !== scopeId && current.id !== scopeId) current = current.parentId ? unitById.get(current.parentId) : undefined;
    return current?.id ?? scopeId;
  };
  const rows = new Map<string, Row>([scope!, ...children].map((unit) => [unit.id, { unit, items: 0, byCategory: new Map(), overdue: 0, openDeviations: 0, deviations: 0, risks: 0, highestRisk: null }]));
  const rowOfPlan = (planId: string) => {
    const plan = planById.get(planId);
    return plan ? rows.get(branchOf(plan.unitId)) : undefined;
  };
  for (const item of data.data.items) {
    const row = rowOfPlan(item.planId);
    if (!row) continue;
    row.items += 1;
    const category = item.statusId ? (categoryOf.get(item.statusId) ?? 'none') : 'none';
    row.byCategory.set(category, (row.byCategory.get(category) ?? 0) + 1);
    if (item.overdue) row.overdue += 1;
  }
  for (const entry of data.data.risks) {
    const row = rowOfPlan(entry.planId);
    if (!row) continue;
    row.risks += 1;
    if (entry.riskValue !== null) row.highestRisk = Math.max(row.highestRisk ?? 0, entry.riskValue);
  }
  for (const entry of data.data.deviations) {
    const planId = data.data.controlPlan.get(entry.controlId);
    const row = planId ? rowOfPlan(planId) : undefined;
    if (!row) continue;
    row.deviations += 1;
    if (entry.state === 'open') row.openDeviations += 1;
  }
  const shown = [...rows.values()].filter((row) => row.unit.id !== scopeId || row.items + row.risks > 0);
  const years = [...new Set(plans.data.map((plan) => plan.startYear))].sort((a, b) => b - a);
  const matrixPlan = plans.data.find((plan) => plan.startYear === year) ?? plans.data[0];
  const matrix = matrixPlan ? matrixOf(matrixPlan, matrices.data) : undefined;

  return (
    <Page title={title}>
      <p className="lead">{t('overview.intro')}</p>
      <OverviewFilters scope={scope!} year={year} years={years} ancestors={ancestorsOf(scope!, unitById)} />
      <section aria-labelledby="units-heading" className="section">
        <h2 id="units-heading">{t('overview.unitsOf', { unit: scope!.name, year })}</h2>
        {shown.length === 0 ? (
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
                  <th scope="col">{t('myWork.overdue')}</th>
                  <th scope="col">{t('overview.deviations')}</th>
                  <th scope="col">{t('plan.risks')}</th>
                  <th scope="col">{t('overview.highestRisk')}</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((row) => (
                  <UnitRow key={row.unit.id} row={row} isScope={row.unit.id === scopeId} hasChildren={units.data.some((unit) => unit.parentId === row.unit.id)} year={year} />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {matrix && (
        <section aria-labelledby="overview-matrix-heading" className="section">
          <h2 id="overview-matrix-heading">{t('overview.matrix', { unit: scope!.name })}</h2>
          <RiskMatrixTable matrix={matrix} risks={data.data.risks} selected={null} />
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

function OverviewFilters({ scope, year, years, ancestors }: { scope: OrgUnit; year: number; years: number[]; ancestors: OrgUnit[] }) {
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
        <select className="field-input" value={year} onChange={(event) => void navigate({ to: '/oversikt', search: { enhet: scope.id, ar: Number(event.target.value) } })}>
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

function UnitRow({ row, isScope, hasChildren, year }: { row: Row; isScope: boolean; hasChildren: boolean; year: number }) {
  const { t } = useI18n();
  const label = useLabel();
  return (
    <tr>
      <th scope="row">
        {!isScope && hasChildren ? (
          <Link to="/oversikt" search={{ enhet: row.unit.id, ar: year }}>
            {row.unit.name}
          </Link>
        ) : (
          <Link to="/organisation" search={{ enhet: row.unit.id }}>
            {row.unit.name}
          </Link>
        )}
        <span className="muted"> · {isScope ? t('overview.ownPlans') : label(ORG_UNIT_KIND_LABELS[row.unit.kind])}</span>
      </th>
      <td>{row.items}</td>
      {STATUS_CATEGORIES.map((category) => (
        <td key={category}>{row.byCategory.get(category) ?? 0}</td>
      ))}
      <td>{row.overdue > 0 ? <span className="tag tag-warning">{row.overdue}</span> : 0}</td>
      <td>{t('overview.deviationCount', { open: row.openDeviations, all: row.deviations })}</td>
      <td>{row.risks}</td>
      <td>{row.highestRisk ?? '–'}</td>
    </tr>
  );
}
