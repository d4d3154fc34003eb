import { useQuery } from '@tanstack/react-query';
import { Link, useSearch } from '@tanstack/react-router';
import type { SearchKind } from '../../../domain/contracts/search.ts';
import { LoadFailed, Loading, Page } from '../../components/page.tsx';
import { searchQueries, type SearchHit } from '../../api/search.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/sv.ts';
import { useMe } from '../../lib/use-me.ts';

export interface SearchSearch {
  q?: string | undefined;
}

const GROUP_TITLES: Record<SearchKind, MessageKey> = {
  plan: 'search.kind.plan',
  risk: 'search.kind.risk',
  control: 'search.kind.control',
  action: 'search.kind.action',
  activity: 'search.kind.activity',
  deviation: 'search.kind.deviation',
  review: 'search.kind.review',
  recommendation: 'search.kind.recommendation',
  person: 'search.kind.person',
};

/** Sök: what the search field found, grouped by kind, each hit with its unit and years and a link to its page. */
export function SearchPage() {
  const { t } = useI18n();
  const q = (useSearch({ from: '/sok' }).q ?? '').trim();
  const results = useQuery(searchQueries.of(q));
  const title = q ? t('search.resultsFor', { q }) : t('search.title');
  if (!q)
    return (
      <Page title={title}>
        <p>{t('search.empty')}</p>
      </Page>
    );
  if (results.error)
    return (
      <Page title={title}>
        <LoadFailed error={results.error} retry={() => void results.refetch()} />
      </Page>
    );
  if (!results.data)
    return (
      <Page title={title}>
        <Loading />
      </Page>
    );
  const groups = results.data.groups;
  return (
    <Page title={title}>
      <p role="status">
        {groups.length === 0
          ? t('search.nothing', { q })
          : t('search.count', { count: groups.reduce((sum, group) => sum + group.items.length, 0) })}
      </p>
      {groups.map((group) => (
        <section key={group.kind} aria-labelledby={`search-${group.kind}`} className="search-group">
          <h2 id={`search-${group.kind}`}>{t(GROUP_TITLES[group.kind])}</h2>
          <ul className="search-hits">
            {group.items.map((hit) => (
              <li key={hit.id}>
                <HitLink hit={hit} />
                <HitFacts hit={hit} />
              </li>
            ))}
          </ul>
          {group.more && <p className="hint">{t('search.more')}</p>}
        </section>
      ))}
    </Page>
  );
}

/** Where the hit belongs: its unit and its plan's years, and its diarienummer, number or e-mail. */
function HitFacts({ hit }: { hit: SearchHit }) {
  const { t } = useI18n();
  const years =
    hit.startYear === null
      ? null
      : hit.endYear === null || hit.endYear === hit.startYear
        ? String(hit.startYear)
        : `${hit.startYear}–${hit.endYear}`;
  const facts = [hit.unitName, years ? t('search.year', { years }) : null, hit.detail].filter(
    (fact): fact is string => fact !== null && fact !== '',
  );
  if (facts.length === 0) return null;
  return <span className="search-hit-facts"> {facts.join(' · ')}</span>;
}

/** A link to the page where the hit is shown; a person has a page only for administrators. */
function HitLink({ hit }: { hit: SearchHit }) {
  const me = useMe();
  const noFilter = { sannolikhet: undefined, konsekvens: undefined };
  const hash = `item-${hit.id}`;
  switch (hit.kind) {
    case 'plan':
      return (
        <Link to="/planer/$planId" params={{ planId: hit.id }} search={noFilter}>
          {hit.title}
        </Link>
      );
    case 'risk':
      return (
        <Link to="/risker/$riskId" params={{ riskId: hit.id }}>
          {hit.title}
        </Link>
      );
    case 'control':
    case 'action':
    case 'deviation':
      if (hit.kind === 'deviation')
        return (
          <Link to="/avvikelser/$deviationId" params={{ deviationId: hit.id }}>
            {hit.title}
          </Link>
        );
      if (hit.riskId)
        return (
          <Link to="/risker/$riskId" params={{ riskId: hit.riskId }} hash={hash}>
            {hit.title}
          </Link>
        );
      return <PlanItemLink hit={hit} hash={hash} />;
    case 'activity':
      return <PlanItemLink hit={hit} hash={hash} />;
    case 'review':
    case 'recommendation':
      return (
        <Link to="/granskningar/$reviewId/redigera" params={{ reviewId: hit.reviewId ?? hit.id }}>
          {hit.title}
        </Link>
      );
    case 'person':
      return me.data?.roles.some((role) => role.role === 'administrator') ? (
        <Link to="/administration/anvandare">{hit.title}</Link>
      ) : (
        <span className="search-hit-title">{hit.title}</span>
      );
  }
}

function PlanItemLink({ hit, hash }: { hit: SearchHit; hash: string }) {
  if (!hit.planId) return <span className="search-hit-title">{hit.title}</span>;
  return (
    <Link
      to="/planer/$planId"
      params={{ planId: hit.planId }}
      search={{ sannolikhet: undefined, konsekvens: undefined }}
      hash={hash}
    >
      {hit.title}
    </Link>
  );
}
