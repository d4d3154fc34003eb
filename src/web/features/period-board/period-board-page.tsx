import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import type { BoardState } from '../../../domain/contracts/follow-up-board.ts';
import { swedishDateOf } from '../../../domain/clock.ts';
import { LoadFailed, Loading, Page } from '../../components/page.tsx';
import { FilterSelect, unitOptions } from '../../components/unit-filter.tsx';
import {
  followUpBoardKeys,
  followUpBoardQueries,
  sendFollowUpReminder,
  type FollowUpBoard,
  type FollowUpBoardItem,
} from '../../api/follow-up-board.ts';
import { useI18n, type Translate } from '../../i18n/i18n.tsx';
import { ApiError } from '../../lib/api.ts';
import { managedUnits } from '../../lib/can-manage.ts';
import { webToday } from '../../lib/clock.ts';
import { formatDate } from '../../lib/format.ts';
import { periodLabel, type Period } from '../../lib/periods.ts';
import { periodRunningOn } from '../../../domain/reporting-period.ts';
import { useOrgUnits } from '../../lib/reference-data.ts';
import { useMe } from '../../lib/use-me.ts';

export interface PeriodBoardSearch {
  enhet?: string | undefined;
  period?: string | undefined;
}

/** The counts in the order the coordinator reads them. */
const COUNTED: readonly BoardState[] = ['written', 'missing', 'overdue', 'returned', 'approved'];

const STATE_CLASS: Record<BoardState, string> = {
  overdue: 'tag tag-warning',
  returned: 'tag tag-warning',
  missing: 'tag',
  written: 'tag',
  approved: 'tag',
};

/**
 * Periodens uppföljning: for a unit (and the units below it) and a reporting period, whose
 * follow-ups are written, missing, overdue, sent back or approved, who answers for each, and a
 * Påminn button that reminds them by e-mail through the outbox.
 */
export function PeriodBoardPage() {
  const { t, locale } = useI18n();
  const search = useSearch({ from: '/periodens-uppfoljning' });
  const navigate = useNavigate();
  const me = useMe();
  const units = useOrgUnits();
  const periods = useQuery(followUpBoardQueries.periods());
  const options = me.data && units.data ? unitOptions(managedUnits(me.data, units.data)) : [];
  const unitId = search.enhet ?? options[0]?.value;
  const periodId = search.period ?? (periods.data ? defaultPeriod(periods.data, webToday())?.id : undefined);
  const board = useQuery({
    ...followUpBoardQueries.board(unitId ?? '', periodId),
    enabled: unitId !== undefined && periodId !== undefined,
  });
  const title = t('periodBoard.title');
  const error = units.error ?? periods.error ?? board.error;
  if (error)
    return (
      <Page title={title}>
        <LoadFailed error={error} retry={() => void board.refetch()} />
      </Page>
    );
  if (!me.data || !units.data || !periods.data)
    return (
      <Page title={title}>
        <Loading />
      </Page>
    );
  if (unitId === undefined)
    return (
      <Page title={title}>
        <p>{t('periodBoard.notYours')}</p>
      </Page>
    );
  const choose = (change: PeriodBoardSearch) =>
    void navigate({ to: '/periodens-uppfoljning', search: { ...search, ...change } });
  // Newest first; of two starting together, the shorter first (Kvartal 1 before Helår).
  const periodOptions = [...periods.data]
    .sort((a, b) => b.startDate.localeCompare(a.startDate) || a.endDate.localeCompare(b.endDate))
    .map((period) => ({ value: period.id, label: periodLabel(period, locale) }));

  return (
    <Page title={title}>
      <p className="lead">{t('periodBoard.intro')}</p>
      <div className="filters filter-bar" role="group" aria-label={t('filters.label')}>
        <FilterSelect
          label={t('plan.unit')}
          value={unitId}
          includeAll={false}
          onChange={(value) => choose({ enhet: value })}
          options={options}
        />
        <FilterSelect
          label={t('periodBoard.period')}
          value={periodId ?? ''}
          includeAll={false}
          onChange={(value) => choose({ period: value })}
          options={periodOptions}
        />
      </div>
      {periodId === undefined ? (
        <p>{t('periodBoard.noPeriods')}</p>
      ) : board.data ? (
        <Board board={board.data} />
      ) : (
        <Loading />
      )}
    </Page>
  );
}

/**
 * The period a board opens on: the one running today by the server's clock (the shortest when
 * several overlap), else the latest that has begun, else the first to come.
 */
function defaultPeriod(periods: Period[], today: string): Period | undefined {
  const running = periodRunningOn(periods, today);
  if (running) return running;
  const begun = periods.filter((period) => period.startDate <= today);
  const byStart = (a: Period, b: Period) =>
    a.startDate.localeCompare(b.startDate) || b.endDate.localeCompare(a.endDate);
  return begun.sort(byStart).at(-1) ?? [...periods].sort(byStart)[0];
}

function Board({ board }: { board: FollowUpBoard }) {
  const { t, locale, formatLocale } = useI18n();
  const [announcement, setAnnouncement] = useState('');
  const period = locale === 'sv' ? board.period.label : board.period.labelEn;
  return (
    <>
      <section aria-labelledby="board-summary-heading" className="section">
        <h2 id="board-summary-heading">{t('periodBoard.summaryTitle', { unit: board.unit.name, period })}</h2>
        <p>
          {t('periodBoard.deadline', {
            date: formatDate(board.deadline, formatLocale),
          })}
        </p>
        <dl className="facts facts-compact board-counts">
          {COUNTED.map((state) => (
            <div key={state}>
              <dt>{t(`periodBoard.count.${state}`)}</dt>
              <dd>{board.counts[state]}</dd>
            </div>
          ))}
        </dl>
      </section>
      <section aria-labelledby="board-items-heading" className="section">
        <h2 id="board-items-heading">{t('periodBoard.itemsTitle')}</h2>
        <p role="status" aria-live="polite">
          {announcement}
        </p>
        {board.items.length === 0 ? (
          <p>{t('periodBoard.nothing')}</p>
        ) : (
          <div className="table-scroll" role="region" aria-labelledby="board-items-heading" tabIndex={0}>
            <table className="table board-table">
              <thead>
                <tr>
                  <th scope="col">{t('myWork.item')}</th>
                  <th scope="col">{t('plan.unit')}</th>
                  <th scope="col">{t('periodBoard.responsible')}</th>
                  <th scope="col">{t('periodBoard.state')}</th>
                  <th scope="col">{t('periodBoard.reminder')}</th>
                </tr>
              </thead>
              <tbody>
                {board.items.map((item) => (
                  <BoardRow key={item.id} item={item} board={board} t={t} announce={setAnnouncement} />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}

function BoardRow({
  item,
  board,
  t,
  announce,
}: {
  item: FollowUpBoardItem;
  board: FollowUpBoard;
  t: Translate;
  announce: (text: string) => void;
}) {
  const { formatLocale } = useI18n();
  const queryClient = useQueryClient();
  const remind = useMutation({
    mutationFn: () => sendFollowUpReminder({ periodId: board.period.id, kind: item.kind, itemId: item.id }),
    onSuccess: async (result) => {
      announce(
        t('periodBoard.reminded', {
          title: item.title,
          names: result.recipients.map((person) => person.name).join(', '),
          date: formatDate(swedishDateOf(new Date(result.remindedAt)), formatLocale),
        }),
      );
      await queryClient.invalidateQueries({ queryKey: followUpBoardKeys.all });
    },
    onError: (error) =>
      announce(error instanceof ApiError ? error.message : t('periodBoard.reminderFailed', { title: item.title })),
  });
  const remindedOn = item.lastRemindedAt ? swedishDateOf(new Date(item.lastRemindedAt)) : null;
  // A person is reminded about an item once a day: after today's reminder the row says so instead.
  const remindedToday = remindedOn === board.today;
  return (
    <tr>
      <th scope="row">
        <Link
          to="/planer/$planId"
          params={{ planId: item.planId }}
          search={{ sannolikhet: undefined, konsekvens: undefined }}
          hash={`item-${item.id}`}
        >
          {item.title}
        </Link>{' '}
        <span className="muted">({t(`itemKind.${item.kind}`)})</span>
      </th>
      <td>{item.unitName}</td>
      <td>
        {item.responsible.length === 0
          ? t('periodBoard.nobody')
          : item.responsible
              .map((person) => (person.functionName ? `${person.name} (${person.functionName})` : person.name))
              .join(', ')}
      </td>
      <td>
        <span className={STATE_CLASS[item.state]}>{t(`periodBoard.state.${item.state}`)}</span>
        {item.state === 'returned' && item.reviewComment && <div className="muted">{item.reviewComment}</div>}
      </td>
      <td>
        {remindedOn && (
          <span className="board-reminded">
            {t('periodBoard.remindedOn', { date: formatDate(remindedOn, formatLocale) })}
          </span>
        )}
        {item.mayRemind && !remindedToday && (
          <button
            type="button"
            className="button button-small"
            disabled={remind.isPending}
            onClick={() => remind.mutate()}
          >
            {t('periodBoard.remind')}
            <span className="visually-hidden"> {t('riskPage.forItem', { title: item.title })}</span>
          </button>
        )}
      </td>
    </tr>
  );
}
