import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { Link, useSearch } from '@tanstack/react-router';
import type { OrgUnitNode } from '../../../domain/contracts/org-units.ts';
import { ORG_UNIT_KIND_LABELS } from '../../../domain/org-unit.ts';
import { formatPlanPeriod } from '../../../domain/plan.ts';
import { LoadFailed, Loading, Page } from '../../components/page.tsx';
import { useI18n, useLabel } from '../../i18n/i18n.tsx';
import { orgUnitQueries } from '../../api/org-units.ts';
import { useOrgUnits, usePlans, type Plan } from '../../lib/reference-data.ts';
import { canManageUnit } from '../../lib/can-manage.ts';
import { useMe, type Me } from '../../lib/use-me.ts';
import { UnitFunctionsSection } from './unit-functions-section.tsx';

function findUnit(nodes: OrgUnitNode[], id: string | undefined): OrgUnitNode | undefined {
  for (const node of nodes) {
    if (node.id === id) return node;
    const inside = findUnit(node.children, id);
    if (inside) return inside;
  }
  return undefined;
}

/**
 * The unit of the person's first role assignment (ids are time-ordered, so the smallest is the
 * oldest): where the organisation opens when no unit is asked for.
 */
export function homeUnitId(me: Me | undefined): string | undefined {
  const first = [...(me?.roles ?? [])].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))[0];
  return first?.unitId;
}

/** The unit tree; per unit its plans by year and kind. Opens on the person's own unit. */
export function OrganisationPage() {
  const { t } = useI18n();
  const { enhet } = useSearch({ from: '/organisation' });
  const tree = useQuery(orgUnitQueries.tree());
  const plans = usePlans();
  const me = useMe();
  const treeRef = useRef<HTMLElement>(null);
  const selectedId = tree.data ? findUnit(tree.data, enhet ?? homeUnitId(me.data))?.id : undefined;
  // The chosen unit is scrolled into view in the tree, however deep it lies.
  useEffect(() => {
    if (!selectedId || !plans.data) return;
    const current = treeRef.current?.querySelector('[aria-current="true"]');
    if (current && 'scrollIntoView' in current) current.scrollIntoView({ block: 'nearest' });
  }, [selectedId, plans.data]);

  if (tree.error)
    return (
      <Page title={t('organisation.title')}>
        <LoadFailed error={tree.error} retry={() => void tree.refetch()} />
      </Page>
    );
  if (!tree.data || !plans.data || me.isPending)
    return (
      <Page title={t('organisation.title')}>
        <Loading />
      </Page>
    );
  const selected = findUnit(tree.data, selectedId);

  return (
    <Page title={t('organisation.title')}>
      <p className="lead">{t('organisation.intro')}</p>
      <div className="split">
        <nav aria-labelledby="tree-heading" className="split-side" ref={treeRef}>
          <h2 id="tree-heading">{t('organisation.tree')}</h2>
          <UnitList nodes={tree.data} selectedId={selected?.id} plans={plans.data} />
        </nav>
        <section aria-labelledby="plans-heading" className="split-main">
          {selected ? (
            <UnitPlans unit={selected} plans={plans.data.filter((plan) => plan.unitId === selected.id)} />
          ) : (
            <>
              <h2 id="plans-heading" className="visually-hidden">
                {t('organisation.tree')}
              </h2>
              <p>{t('organisation.chooseUnit')}</p>
            </>
          )}
        </section>
      </div>
    </Page>
  );
}

function UnitList({
  nodes,
  selectedId,
  plans,
}: {
  nodes: OrgUnitNode[];
  selectedId: string | undefined;
  plans: Plan[];
}) {
  const label = useLabel();
  return (
    <ul className="tree">
      {nodes.map((node) => {
        const planCount = plans.filter((plan) => plan.unitId === node.id).length;
        return (
          <li key={node.id}>
            <Link
              to="/organisation"
              search={{ enhet: node.id }}
              aria-current={node.id === selectedId ? 'true' : undefined}
              className="tree-link"
            >
              {node.name}
              <span className="muted">
                {' '}
                · {label(ORG_UNIT_KIND_LABELS[node.kind])}
                {planCount > 0 ? ` · ${planCount}` : ''}
              </span>
            </Link>
            {node.children.length > 0 && <UnitList nodes={node.children} selectedId={selectedId} plans={plans} />}
          </li>
        );
      })}
    </ul>
  );
}

function UnitPlans({ unit, plans }: { unit: OrgUnitNode; plans: Plan[] }) {
  const { t } = useI18n();
  const me = useMe();
  const units = useOrgUnits();
  const sorted = [...plans].sort(
    (a, b) => b.startYear - a.startYear || a.kind.localeCompare(b.kind) || a.title.localeCompare(b.title, 'sv'),
  );
  return (
    <>
      <div className="section-heading">
        <h2 id="plans-heading">{t('organisation.plansOf', { unit: unit.name })}</h2>
        <div className="button-row">
          <Link to="/planer/ny" search={{ enhet: unit.id }} className="button">
            {t('organisation.newPlan')}
          </Link>
          {canManageUnit(me.data, units.data, unit.id) && (
            <Link to="/organisation/importera" search={{ enhet: unit.id }} className="button">
              {t('planImport.orgLink')}
            </Link>
          )}
        </div>
      </div>
      {sorted.length === 0 ? (
        <p>{t('organisation.noPlans')}</p>
      ) : (
        <div className="table-scroll" role="region" aria-labelledby="plans-heading" tabIndex={0}>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('organisation.year')}</th>
                <th scope="col">{t('organisation.planTitle')}</th>
                <th scope="col">{t('organisation.kind')}</th>
                <th scope="col">{t('organisation.state')}</th>
              </tr>
            </thead>
            <tbody>
              {sorted.map((plan) => (
                <tr key={plan.id}>
                  <td>{formatPlanPeriod(plan)}</td>
                  <th scope="row">
                    <Link
                      to="/planer/$planId"
                      params={{ planId: plan.id }}
                      search={{ sannolikhet: undefined, konsekvens: undefined }}
                    >
                      {plan.title}
                    </Link>
                  </th>
                  <td>{t(`planKind.${plan.kind}`)}</td>
                  <td>{t(`planState.${plan.state}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <UnitFunctionsSection unitId={unit.id} mayManage={canManageUnit(me.data, units.data, unit.id)} />
    </>
  );
}
