import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { periodRunningOn } from '../../../domain/reporting-period.ts';
import { LoadFailed, Loading, Page } from '../../components/page.tsx';
import { StatusBadge } from '../../components/status-badge.tsx';
import { useI18n, type Translate } from '../../i18n/i18n.tsx';
import { followUpKeys, followUpQueries, listFollowUps } from '../../api/follow-ups.ts';
import { ReviewStateBadge } from '../../components/follow-up-review.tsx';
import { getItem, listItems, PLAN_ITEM_KINDS, type AnyItem, type PlanItemKind } from '../../api/items.ts';
import { myWorkKeys } from '../../api/me.ts';
import { calendarQueries } from '../../api/reporting-calendar.ts';
import { formatDate } from '../../lib/format.ts';
import { webToday } from '../../lib/clock.ts';
import { byId, usePlans, useStatuses } from '../../lib/reference-data.ts';
import { useMe } from '../../lib/use-me.ts';

type Kind = PlanItemKind;

/** How many follow-ups awaiting review Mitt arbete lists (the oldest first). */
const AWAITING_SHOWN = 25;
interface MyItem {
  kind: Kind;
  item: AnyItem;
  nextCheckpoint: string | null;
}

/** Overdue first, then what comes next (checkpoint or end date), then by title. */
function compareItems(a: MyItem, b: MyItem): number {
  if (a.item.overdue !== b.item.overdue) return a.item.overdue ? -1 : 1;
  const nextA = a.nextCheckpoint ?? a.item.endDate ?? '9999';
  const nextB = b.nextCheckpoint ?? b.item.endDate ?? '9999';
  return nextA.localeCompare(nextB) || a.item.title.localeCompare(b.item.title, 'sv');
}

/** The address of the follow-up form of an item. */
function followUpSearch(entry: MyItem): { kontrollmoment?: string; atgard?: string; aktivitet?: string } {
  if (entry.kind === 'control') return { kontrollmoment: entry.item.id };
  if (entry.kind === 'action') return { atgard: entry.item.id };
  return { aktivitet: entry.item.id };
}

/** A control or action opens on its risk's page; an activity (or an action without a risk) on its plan. */
function ItemLink({ entry }: { entry: MyItem }) {
  const riskId = 'riskId' in entry.item ? entry.item.riskId : null;
  if (riskId) {
    return (
      <Link to="/risker/$riskId" params={{ riskId }} hash={`item-${entry.item.id}`}>
        {itemTitle(entry)}
      </Link>
    );
  }
  return (
    <Link
      to="/planer/$planId"
      params={{ planId: entry.item.planId }}
      search={{ sannolikhet: undefined, konsekvens: undefined }}
      hash={`item-${entry.item.id}`}
    >
      {itemTitle(entry)}
    </Link>
  );
}

function itemTitle(entry: MyItem): string {
  return 'number' in entry.item && entry.item.number ? `${entry.item.number} ${entry.item.title}` : entry.item.title;
}

export function MyWorkPage() {
  const { t, locale, formatLocale } = useI18n();
  const me = useMe();
  const userId = me.data?.user.id;
  const today = webToday();
  const items = useQuery({
    queryKey: myWorkKeys.of(userId),
    enabled: userId !== undefined,
    queryFn: async ({ signal }) => {
      const lists = await Promise.all(
        PLAN_ITEM_KINDS.map(async (kind) =>
          (await listItems(kind, { responsible: userId }, signal)).map((item) => ({
            kind,
            item,
          })),
        ),
      );
      return lists.flat().map(({ kind, item }): MyItem => ({
        kind,
        item,
        nextCheckpoint: item.checkpoints.find((date) => date >= today) ?? null,
      }));
    },
  });
  const calendar = useQuery(calendarQueries.year(Number(today.slice(0, 4))));
  // The running period, the shortest when several overlap (a quarter rather than the whole year).
  const period = calendar.data ? periodRunningOn(calendar.data.periods, today) : null;
  const reported = useQuery({ ...followUpQueries.list({ periodId: period?.id }), enabled: period !== null });
  const plans = usePlans();
  const statuses = useStatuses();
  // Follow-ups of the person's sent back to them: what to complete and submit again.
  const returned = useQuery({
    ...followUpQueries.list({ authorId: userId, reviewState: 'returned' }),
    enabled: userId !== undefined,
  });

  // Submitted follow-ups this person may approve or send back: as the unit's chef, coordinator or administrator.
  const awaiting = useQuery({
    queryKey: [...followUpKeys.list({ awaitingMyReview: true }), 'items'],
    enabled: userId !== undefined,
    queryFn: async ({ signal }) => {
      const waiting = (await listFollowUps({ awaitingMyReview: true, sort: 'createdAt' }, signal)).slice(
        0,
        AWAITING_SHOWN,
      );
      return Promise.all(
        waiting.map(async (followUp) => {
          const kind: Kind = followUp.controlId ? 'control' : followUp.actionId ? 'action' : 'activity';
          const itemId = (followUp.controlId ?? followUp.actionId ?? followUp.activityId)!;
          const item = await getItem(kind, itemId, signal);
          return { followUp, entry: { kind, item, nextCheckpoint: null } satisfies MyItem };
        }),
      );
    },
  });

  if (items.error)
    return (
      <Page title={t('myWork.title')}>
        <LoadFailed error={items.error} retry={() => void items.refetch()} />
      </Page>
    );
  if (!items.data || !plans.data || !statuses.data)
    return (
      <Page title={t('myWork.title')}>
        <Loading />
      </Page>
    );

  const planById = byId(plans.data);
  const statusById = byId(statuses.data);
  const sorted = [...items.data].sort(compareItems);
  const reportedIds = new Set(
    (reported.data ?? []).map((entry) => entry.controlId ?? entry.actionId ?? entry.activityId),
  );
  const open = sorted.filter((entry) => statusById.get(entry.item.statusId ?? '')?.category !== 'completed');
  const due = period ? open.filter((entry) => !reportedIds.has(entry.item.id)) : [];

  return (
    <Page title={t('myWork.title')}>
      <p className="lead">{t('myWork.intro')}</p>
      <section aria-labelledby="due-heading" className="section">
        <h2 id="due-heading">
          {period
            ? t('myWork.dueTitle', { period: locale === 'sv' ? period.label : period.labelEn })
            : t('myWork.dueTitle', { period: '–' })}
        </h2>
        {calendar.isPending ? (
          <Loading />
        ) : !period ? (
          <p>{t('myWork.noPeriod')}</p>
        ) : reported.isPending ? (
          <Loading />
        ) : due.length === 0 ? (
          <p>{t('myWork.allReported')}</p>
        ) : (
          <ul className="plain-list">
            {due.map((entry) => (
              <li key={entry.item.id}>
                <ItemLink entry={entry} /> <span className="muted">({t(`itemKind.${entry.kind}`)})</span>{' '}
                <Link to="/uppfoljning/ny" search={followUpSearch(entry)} className="button button-small">
                  {t('myWork.writeFollowUp')}
                  <span className="visually-hidden"> {t('riskPage.forItem', { title: itemTitle(entry) })}</span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
      {returned.data && returned.data.length > 0 && (
        <section aria-labelledby="returned-heading" className="section">
          <h2 id="returned-heading">{t('followUpReview.returnedToYou')}</h2>
          <ul className="plain-list">
            {returned.data.map((entry) => {
              const itemId = entry.controlId ?? entry.actionId ?? entry.activityId;
              const mine = sorted.find((candidate) => candidate.item.id === itemId);
              return (
                <li key={entry.id}>
                  <Link to="/uppfoljning/$followUpId/redigera" params={{ followUpId: entry.id }}>
                    {mine ? itemTitle(mine) : t('followUps.title')}
                  </Link>
                  {entry.reviewComment && (
                    <>
                      {' '}
                      – <span className="muted">{entry.reviewComment}</span>
                    </>
                  )}
                </li>
              );
            })}
          </ul>
        </section>
      )}
      {awaiting.data && awaiting.data.length > 0 && (
        <section aria-labelledby="awaiting-heading" className="section">
          <h2 id="awaiting-heading">{t('followUpReview.awaitingYou')}</h2>
          <p>{t('followUpReview.awaitingYouHelp')}</p>
          <ul className="plain-list">
            {awaiting.data.map(({ followUp, entry }) => (
              <li key={followUp.id}>
                <ItemLink entry={entry} /> <span className="muted">({t(`itemKind.${entry.kind}`)})</span>{' '}
                <ReviewStateBadge state={followUp.reviewState} />
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="all-heading" className="section">
        <h2 id="all-heading">{t('myWork.allTitle')}</h2>
        {sorted.length === 0 ? (
          <p>{t('myWork.nothing')}</p>
        ) : (
          <div className="table-scroll" role="region" aria-labelledby="all-heading" tabIndex={0}>
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('myWork.item')}</th>
                  <th scope="col">{t('myWork.kind')}</th>
                  <th scope="col">{t('myWork.plan')}</th>
                  <th scope="col">{t('myWork.nextCheckpoint')}</th>
                  <th scope="col">{t('myWork.endDate')}</th>
                  <th scope="col">{t('myWork.status')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('myWork.writeFollowUp')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {sorted.map((entry) => (
                  <ItemRow
                    key={entry.item.id}
                    entry={entry}
                    planTitle={planById.get(entry.item.planId)?.title ?? ''}
                    status={statusById.get(entry.item.statusId ?? '')}
                    t={t}
                    formatLocale={formatLocale}
                  />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </Page>
  );
}

function ItemRow({
  entry,
  planTitle,
  status,
  t,
  formatLocale,
}: {
  entry: MyItem;
  planTitle: string;
  status: Parameters<typeof StatusBadge>[0]['status'];
  t: Translate;
  formatLocale: string;
}) {
  return (
    <tr>
      <th scope="row">
        <ItemLink entry={entry} />
      </th>
      <td>{t(`itemKind.${entry.kind}`)}</td>
      <td>{planTitle}</td>
      <td>{formatDate(entry.nextCheckpoint, formatLocale)}</td>
      <td>{formatDate(entry.item.endDate, formatLocale)}</td>
      <td>
        <StatusBadge status={status} />
        {entry.item.overdue && <span className="tag tag-warning">{t('myWork.overdue')}</span>}
      </td>
      <td>
        <Link to="/uppfoljning/ny" search={followUpSearch(entry)}>
          {t('myWork.writeFollowUp')}
          <span className="visually-hidden"> {t('riskPage.forItem', { title: itemTitle(entry) })}</span>
        </Link>
      </td>
    </tr>
  );
}
