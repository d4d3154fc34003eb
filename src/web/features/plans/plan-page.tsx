import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { formatPlanPeriod } from '../../../domain/plan.ts';
import { riskBandFor } from '../../../domain/risk-matrix.ts';
import { LoadFailed, Loading, Page } from '../../components/page.tsx';
import { Attachments } from '../../components/attachments.tsx';
import { ItemFacts } from '../../components/item-facts.tsx';
import { ItemLinks } from '../../components/item-links.tsx';
import { ReviewStateBadge } from '../../components/follow-up-review.tsx';
import { MarkdownText } from '../../components/markdown-text.tsx';
import { StatusBadge } from '../../components/status-badge.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { planQueries, type PlanOverview } from '../../api/plans.ts';
import { planWorkbookHref } from '../../api/plan-imports.ts';
import { canManageUnit } from '../../lib/can-manage.ts';
import { useMe } from '../../lib/use-me.ts';
import { formatDate } from '../../lib/format.ts';
import {
  byId,
  vocabularyLabel,
  useOrgUnits,
  useRiskMatrices,
  useStatuses,
  useUsers,
  type RiskMatrix,
  type Status,
} from '../../lib/reference-data.ts';
import { readableTextOn } from '../../lib/colour.ts';
import { matrixOf } from '../../lib/risk-matrix-of.ts';
import { periodParam } from '../../lib/periods.ts';
import { ActivityList } from './activity-list.tsx';
import { CarryOverLinks, PlanLifeCycle } from './plan-life-cycle.tsx';
import { RiskMatrixTable } from '../../components/risk-matrix-table.tsx';

type Overview = PlanOverview;
type OverviewRisk = Overview['risks'][number];
type OverviewItem = OverviewRisk['controls'][number] | OverviewRisk['actions'][number];

export function PlanPage() {
  const { t } = useI18n();
  const { planId } = useParams({ from: '/planer/$planId' });
  const overview = useQuery(planQueries.overview(planId));
  const matrices = useRiskMatrices();
  const statuses = useStatuses();
  const units = useOrgUnits();
  const users = useUsers();
  // Who may change the plan's unit is told by their roles; until known, the import is not offered.
  const me = useMe();

  if (overview.error)
    return (
      <Page title={t('plan.risks')}>
        <LoadFailed error={overview.error} retry={() => void overview.refetch()} />
      </Page>
    );
  if (!overview.data || !matrices.data || !statuses.data || !units.data || !users.data)
    return (
      <Page title={t('plan.risks')}>
        <Loading />
      </Page>
    );
  return (
    <PlanView
      overview={overview.data}
      matrix={matrixOf(overview.data.plan, matrices.data)}
      canManage={canManageUnit(me.data, units.data, overview.data.plan.unitId)}
      statuses={statuses.data}
      unitNames={new Map(units.data.map((unit) => [unit.id, unit.name]))}
      names={
        new Map(
          users.data.map((user) => [
            user.id,
            user.deactivatedAt ? `${user.name} ${t('person.deactivated')}` : user.name,
          ]),
        )
      }
    />
  );
}

function PlanView({
  overview,
  matrix,
  statuses,
  unitNames,
  names,
  canManage,
}: {
  overview: Overview;
  matrix: RiskMatrix | undefined;
  statuses: Status[];
  unitNames: Map<string, string>;
  names: Map<string, string>;
  canManage: boolean;
}) {
  const { t, formatLocale, locale } = useI18n();
  const { sannolikhet, konsekvens, gruppera } = useSearch({ from: '/planer/$planId' });
  const navigate = useNavigate();
  const { plan } = overview;
  const statusById = byId(statuses);
  const personName = new Map(overview.persons.map((person) => [person.id, person.name]));
  const selected =
    sannolikhet !== undefined && konsekvens !== undefined ? { likelihood: sannolikhet, consequence: konsekvens } : null;
  const shownRisks = selected
    ? overview.risks.filter(
        (risk) => risk.likelihood === selected.likelihood && risk.consequence === selected.consequence,
      )
    : overview.risks;
  const allItems: OverviewItem[] = [
    ...overview.risks.flatMap((risk) => [...risk.controls, ...risk.actions]),
    ...overview.actionsWithoutRisk,
  ];
  const period = formatPlanPeriod(plan);

  return (
    <Page
      title={plan.title}
      actions={
        <div className="button-row">
          <Link to="/planer/$planId/redigera" params={{ planId: plan.id }} className="button">
            {t('riskPage.edit')}
          </Link>
          <Link
            to="/historik/$entityType/$entityId"
            params={{ entityType: 'plan', entityId: plan.id }}
            className="button button-quiet"
          >
            {t('history.link')}
          </Link>
          <Link
            to="/rapporter"
            search={{
              typ: plan.kind === 'activity' ? 'activity-plan' : 'plan',
              enhet: plan.unitId,
              period: periodParam(plan),
            }}
            className="button button-quiet"
          >
            {t('nav.reports')}
          </Link>
          {canManage && (
            <Link to="/planer/$planId/importera" params={{ planId: plan.id }} className="button button-quiet">
              {t('planImport.button')}
            </Link>
          )}
          <a href={planWorkbookHref(plan.id)} download className="button button-quiet">
            {t('planImport.export')}
          </a>
        </div>
      }
    >
      <dl className="facts">
        <div>
          <dt>{t('plan.unit')}</dt>
          <dd>{unitNames.get(plan.unitId) ?? '–'}</dd>
        </div>
        <div>
          <dt>{t('plan.period')}</dt>
          <dd>{period}</dd>
        </div>
        <div>
          <dt>{t('organisation.kind')}</dt>
          <dd>{t(`planKind.${plan.kind}`)}</dd>
        </div>
        <div>
          <dt>{t('organisation.state')}</dt>
          <dd>{t(`planState.${plan.state}`)}</dd>
        </div>
      </dl>

      <section aria-labelledby="decision-heading" className="section">
        <h2 id="decision-heading">{t('plan.decision')}</h2>
        {plan.decisionDate || plan.decisionUnitId || plan.diarienummer ? (
          <dl className="facts">
            <div>
              <dt>{t('plan.decidedBy')}</dt>
              <dd>{plan.decisionUnitId ? (unitNames.get(plan.decisionUnitId) ?? '–') : '–'}</dd>
            </div>
            <div>
              <dt>{t('plan.decisionDate')}</dt>
              <dd>{formatDate(plan.decisionDate, formatLocale)}</dd>
            </div>
            <div>
              <dt>{t('plan.paragraph')}</dt>
              <dd>{plan.decisionParagraph ?? '–'}</dd>
            </div>
            <div>
              <dt>{t('plan.diarienummer')}</dt>
              <dd>{plan.diarienummer ?? '–'}</dd>
            </div>
          </dl>
        ) : (
          <p>{plan.state === 'draft' ? t('plan.notDecided') : t('plan.decisionUnrecorded')}</p>
        )}
      </section>

      <PlanLifeCycle plan={plan} />
      <CarryOverLinks planId={plan.id} />
      <Attachments targetType="plan" targetId={plan.id} />

      {plan.kind === 'activity' ? (
        <ActivityList plan={plan} statusById={statusById} names={names} />
      ) : (
        <>
          <div className="two-columns">
            {matrix && (
              <section aria-labelledby="matrix-heading" className="section">
                <h2 id="matrix-heading">{t('plan.matrix')}</h2>
                <RiskMatrixTable planId={plan.id} matrix={matrix} risks={overview.risks} selected={selected} />
              </section>
            )}
            <section aria-labelledby="status-heading" className="section">
              <h2 id="status-heading">{t('plan.statusSummary')}</h2>
              <StatusSummary items={allItems} statuses={statuses} />
            </section>
          </div>

          <section aria-labelledby="risks-heading" className="section">
            <div className="section-heading">
              <h2 id="risks-heading">{t('plan.risks')}</h2>
              {plan.kind === 'internal_control' && (
                <div className="button-row">
                  <Link to="/planer/$planId/ny-risk" params={{ planId: plan.id }} className="button">
                    {t('plan.newRisk')}
                  </Link>
                  <Link to="/planer/$planId/ny-granskning" params={{ planId: plan.id }} className="button">
                    {t('reviewForm.new')}
                  </Link>
                </div>
              )}
            </div>
            {selected && (
              <p role="status">
                {t('plan.filteredBy', selected)}{' '}
                <Link
                  to="/planer/$planId"
                  params={{ planId: plan.id }}
                  search={{ sannolikhet: undefined, konsekvens: undefined }}
                  resetScroll={false}
                >
                  {t('plan.clearFilter')}
                </Link>
              </p>
            )}
            {overview.risks.length > 0 && (
              <label className="field field-inline">
                <span className="field-label">{t('plan.groupRisks')}</span>
                <select
                  className="field-input"
                  value={gruppera ?? ''}
                  onChange={(event) =>
                    void navigate({
                      to: '/planer/$planId',
                      params: { planId: plan.id },
                      search: (previous) => ({
                        ...previous,
                        gruppera:
                          event.target.value === 'process' || event.target.value === 'kategori'
                            ? event.target.value
                            : undefined,
                      }),
                      resetScroll: false,
                    })
                  }
                >
                  <option value="">{t('plan.groupNone')}</option>
                  <option value="process">{t('plan.groupByProcess')}</option>
                  <option value="kategori">{t('plan.groupByCategory')}</option>
                </select>
              </label>
            )}
            {shownRisks.length === 0 ? (
              <p>{t('plan.noRisks')}</p>
            ) : (
              <div className="table-scroll" role="region" aria-labelledby="risks-heading" tabIndex={0}>
                <table className="table" aria-labelledby="risks-heading">
                  <thead>
                    <tr>
                      <th scope="col">{t('plan.risk')}</th>
                      <th scope="col">{t('plan.likelihood')}</th>
                      <th scope="col">{t('plan.consequence')}</th>
                      <th scope="col">{t('plan.riskValue')}</th>
                      <th scope="col">{t('plan.items')}</th>
                    </tr>
                  </thead>
                  {gruppera ? (
                    groupRisks(shownRisks, gruppera, locale).map((group) => (
                      <tbody key={group.key}>
                        <tr className="table-group">
                          <th scope="colgroup" colSpan={5}>
                            {group.name ?? t('overview.notGiven')}{' '}
                            <span className="muted">({t('plan.groupCount', { count: group.risks.length })})</span>
                          </th>
                        </tr>
                        {group.risks.map((risk) => (
                          <RiskRow key={risk.id} risk={risk} matrix={matrix} />
                        ))}
                      </tbody>
                    ))
                  ) : (
                    <tbody>
                      {shownRisks.map((risk) => (
                        <RiskRow key={risk.id} risk={risk} matrix={matrix} />
                      ))}
                    </tbody>
                  )}
                </table>
              </div>
            )}
          </section>

          {shownRisks.map((risk) => (
            <section key={risk.id} aria-labelledby={`risk-${risk.id}`} className="section risk-section">
              <h3 id={`risk-${risk.id}`}>
                <Link to="/risker/$riskId" params={{ riskId: risk.id }}>
                  {risk.title}
                </Link>
                {risk.commonControlId && (
                  <>
                    {' '}
                    <Link
                      to="/gemensamma-kontrollmoment"
                      search={{ enhet: undefined, ar: plan.startYear }}
                      className="status-badge tag"
                    >
                      {t('commonControls.copyTag')}
                    </Link>
                  </>
                )}
              </h3>
              <MarkdownText text={risk.description} />
              <ItemList
                items={[
                  ...risk.controls.map((item) => ({ kind: 'control' as const, item })),
                  ...risk.actions.map((item) => ({ kind: 'action' as const, item })),
                ]}
                statusById={statusById}
                personName={personName}
              />
            </section>
          ))}
          {!selected && overview.actionsWithoutRisk.length > 0 && (
            <section aria-labelledby="no-risk-heading" className="section">
              <h3 id="no-risk-heading">{t('plan.actionsWithoutRisk')}</h3>
              <ItemList
                items={overview.actionsWithoutRisk.map((item) => ({ kind: 'action' as const, item }))}
                statusById={statusById}
                personName={personName}
              />
            </section>
          )}
        </>
      )}
    </Page>
  );
}

/**
 * The risks by their process or risk category, groups in name order and those without one last;
 * the risks keep their order within a group.
 */
export function groupRisks(
  risks: OverviewRisk[],
  by: 'process' | 'kategori',
  locale: 'sv' | 'en',
): { key: string; name: string | null; risks: OverviewRisk[] }[] {
  const groups = new Map<string, { key: string; name: string | null; risks: OverviewRisk[] }>();
  for (const risk of risks) {
    const ref = by === 'process' ? risk.process : risk.category;
    const key = ref?.id ?? '';
    const group = groups.get(key) ?? { key: key || 'none', name: ref ? vocabularyLabel(ref, locale) : null, risks: [] };
    group.risks.push(risk);
    groups.set(key, group);
  }
  return [...groups.values()].sort((a, b) =>
    a.name === null ? 1 : b.name === null ? -1 : a.name.localeCompare(b.name, locale),
  );
}

function RiskRow({ risk, matrix }: { risk: OverviewRisk; matrix: RiskMatrix | undefined }) {
  const { t } = useI18n();
  const band = matrix ? riskBandFor(matrix, risk.riskValue) : null;
  return (
    <tr>
      <th scope="row">
        <Link to="/risker/$riskId" params={{ riskId: risk.id }}>
          {risk.title}
        </Link>
      </th>
      <td>{risk.likelihood ?? '–'}</td>
      <td>{risk.consequence ?? '–'}</td>
      <td>
        {risk.riskValue === null ? (
          t('plan.unassessed')
        ) : (
          <span
            className="risk-value"
            style={band ? { background: band.colour, color: readableTextOn(band.colour) } : undefined}
          >
            {risk.riskValue}
            {band ? ` ${band.label}` : ''}
          </span>
        )}
      </td>
      <td>{t('plan.itemCount', { controls: risk.controls.length, actions: risk.actions.length })}</td>
    </tr>
  );
}

function ItemList({
  items,
  statusById,
  personName,
}: {
  items: { kind: 'control' | 'action'; item: OverviewItem }[];
  statusById: Map<string, Status>;
  personName: Map<string, string>;
}) {
  const { t, formatLocale } = useI18n();
  if (items.length === 0) return null;
  return (
    <ul className="item-list">
      {items.map(({ kind, item }) => (
        <li key={item.id} id={`item-${item.id}`} className="item-card">
          <p className="item-title">
            <span className="tag">{t(`itemKind.${kind}`)}</span> {item.title}
          </p>
          <ItemFacts item={item} names={personName} statusById={statusById} />
          {item.latestFollowUp && (
            <div className="follow-up">
              <p className="follow-up-meta">
                {t('item.latestFollowUp', {
                  date: formatDate(item.latestFollowUp.reportedOn, formatLocale),
                  author: item.latestFollowUp.authorId ? (personName.get(item.latestFollowUp.authorId) ?? '–') : '–',
                })}{' '}
                <ReviewStateBadge state={item.latestFollowUp.reviewState} />
              </p>
              <MarkdownText text={item.latestFollowUp.body} />
            </div>
          )}
          <ItemLinks kind={kind} id={item.id} title={item.title} />
        </li>
      ))}
    </ul>
  );
}

function StatusSummary({ items, statuses }: { items: OverviewItem[]; statuses: Status[] }) {
  const { t } = useI18n();
  const counts = new Map<string | null, number>();
  for (const item of items) counts.set(item.statusId, (counts.get(item.statusId) ?? 0) + 1);
  const rows: { status: Status | null; count: number }[] = statuses
    .filter((status) => counts.has(status.id))
    .map((status) => ({ status, count: counts.get(status.id)! }));
  if (counts.has(null)) rows.push({ status: null, count: counts.get(null)! });
  return (
    <table className="table table-compact">
      <thead>
        <tr>
          <th scope="col">{t('myWork.status')}</th>
          <th scope="col">{t('plan.statusCount')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.status?.id ?? 'none'}>
            <th scope="row">
              <StatusBadge status={row.status} />
            </th>
            <td>{row.count}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
