import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import { NAMND_UNIT, ROOT_UNIT, administratorOf } from '../../../../test/web/admin-fixtures.ts';
import { answerFetch, json } from '../../../../test/web/fake-fetch.ts';
import { renderScreen } from '../../../../test/web/render.tsx';
import { PeriodBoardPage } from './period-board-page.tsx';

const PERIOD = {
  id: 'q2',
  label: 'Kvartal 2 2026',
  labelEn: 'Quarter 2 2026',
  startDate: '2026-04-01',
  endDate: '2026-06-30',
};

const Q1 = { ...PERIOD, id: 'q1', label: 'Kvartal 1 2026', startDate: '2026-01-01', endDate: '2026-03-31' };
const HELAR = { ...PERIOD, id: 'y', label: 'Helår 2026', startDate: '2026-01-01', endDate: '2026-12-31' };

function item(id: string, title: string, state: string, extra: object = {}) {
  return {
    kind: 'control',
    id,
    title,
    planId: 'plan1',
    planTitle: 'Internkontrollplan 2026',
    unitId: NAMND_UNIT.id,
    unitName: NAMND_UNIT.name,
    state,
    deadline: '2026-06-10',
    followUpId: null,
    reviewState: null,
    reviewComment: null,
    responsible: [{ userId: 'p2', name: 'Berit Ansvarig', functionName: null, reachable: true }],
    lastRemindedAt: null,
    mayRemind: state === 'missing' || state === 'overdue' || state === 'returned',
    ...extra,
  };
}

/** A coordinator of Socialnämnden; the board answers with one overdue and one approved control until Påminn is pressed. */
function server() {
  const me = administratorOf(NAMND_UNIT.id);
  let reminded: string | null = null;
  const seen = answerFetch((request) => {
    const url = new URL(request.url, 'http://localhost');
    const path = url.pathname.replace('/api/v1', '');
    if (path === '/me')
      return json({
        ...me,
        now: '2026-06-15T10:00:00.000Z',
        roles: [{ ...me.roles[0]!, unitName: NAMND_UNIT.name, role: 'coordinator' }],
      });
    if (path === '/org-units') return json({ items: [ROOT_UNIT, NAMND_UNIT], total: 2 });
    if (path === '/reporting-calendar/periods') return json({ items: [Q1, PERIOD, HELAR], total: 3 });
    if (path === '/follow-up-board/reminders' && request.method === 'POST') {
      reminded = '2026-06-15T10:00:00.000Z';
      return json({ remindedAt: reminded, queued: 1, recipients: [{ userId: 'p2', name: 'Berit Ansvarig' }] });
    }
    if (path === '/follow-up-board')
      return json({
        unit: { id: NAMND_UNIT.id, name: NAMND_UNIT.name },
        period: PERIOD,
        today: '2026-06-15',
        deadline: '2026-06-10',
        counts: { written: 0, missing: 0, overdue: 1, returned: 0, approved: 1 },
        items: [
          item('c1', 'Attestkontroll', 'overdue', reminded ? { lastRemindedAt: reminded } : {}),
          item('c2', 'Lönekontroll', 'approved'),
        ],
      });
    return json({ title: 'Not here' }, 404);
  });
  return seen;
}

describe('Periodens uppföljning', () => {
  test('opens on the person’s unit and the current period, counts the states and reminds the missing', async () => {
    const seen = server();
    renderScreen('/periodens-uppfoljning', () => <PeriodBoardPage />);
    expect(await screen.findByRole('heading', { level: 1, name: 'Periodens uppföljning' })).toBeTruthy();
    await screen.findByRole('heading', { name: 'Socialnämnden, Kvartal 2 2026' });
    // The board was asked for the person's unit and the period running today by the server's clock (the shortest).
    const asked = new URL(seen.find((request) => request.url.includes('/follow-up-board?'))!.url, 'http://localhost');
    expect(asked.searchParams.get('unitId')).toBe(NAMND_UNIT.id);
    expect(asked.searchParams.get('periodId')).toBe('q2');
    expect(screen.getByRole<HTMLSelectElement>('combobox', { name: 'Enhet' }).value).toBe(NAMND_UNIT.id);
    const periodChooser = screen.getByRole<HTMLSelectElement>('combobox', { name: 'Period' });
    expect(periodChooser.value).toBe('q2');
    expect([...periodChooser.options].map((option) => option.text)).toEqual([
      'Kvartal 2 2026',
      'Kvartal 1 2026',
      'Helår 2026',
    ]);
    const counts = Object.fromEntries(
      [...document.querySelectorAll('.board-counts > div')].map((entry) => [
        entry.querySelector('dt')!.textContent,
        entry.querySelector('dd')!.textContent,
      ]),
    );
    expect(counts).toEqual({ Skrivna: '0', Saknas: '0', Försenade: '1', Återsända: '0', Godkända: '1' });

    const overdueRow = screen.getByRole('row', { name: /Attestkontroll/ });
    expect(within(overdueRow).getByText('Försenad')).toBeTruthy();
    expect(within(overdueRow).getByText('Berit Ansvarig')).toBeTruthy();
    // An approved follow-up has nothing to remind about.
    expect(within(screen.getByRole('row', { name: /Lönekontroll/ })).queryByRole('button')).toBeNull();

    fireEvent.click(within(overdueRow).getByRole('button', { name: 'Påminn för Attestkontroll' }));
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe(
        'Påminnelse om Attestkontroll skickad till Berit Ansvarig 15 juni 2026.',
      ),
    );
    const post = seen.find((request) => request.method === 'POST')!;
    expect(post.body).toEqual({ periodId: 'q2', kind: 'control', itemId: 'c1' });
    // Reminded today: the row says so, and offers no second reminder the same day.
    const after = await screen.findByRole('row', { name: /Påmind 15 juni 2026/ });
    expect(within(after).queryByRole('button')).toBeNull();
  });
});
