import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, test } from 'vitest';
import { administratorOf, NAMND_UNIT } from '../../../../test/web/admin-fixtures.ts';
import { answerFetch, json } from '../../../../test/web/fake-fetch.ts';
import { renderScreen } from '../../../../test/web/render.tsx';
import type { Goal } from '../../api/goals.ts';
import { setCsrfToken } from '../../lib/api.ts';
import { webYear } from '../../lib/clock.ts';
import { GoalsPage } from './goals-page.tsx';

afterEach(() => setCsrfToken(null));

function goal(id: string, title: string, changes: Partial<Goal> = {}): Goal {
  return {
    id,
    unitId: NAMND_UNIT.id,
    year: 2026,
    title,
    description: null,
    indicator: null,
    target: null,
    sortOrder: 0,
    archivedAt: null,
    version: 1,
    createdAt: '2026-01-01T09:00:00.000Z',
    updatedAt: '2026-01-01T09:00:00.000Z',
    ...changes,
  };
}

const GOALS = [
  goal('g1', 'Nöjda brukare', { indicator: 'Brukarenkäten', target: 'Minst 85 %' }),
  goal('g2', 'God ekonomisk hushållning'),
  goal('g3', 'Nästa års mål', { year: 2027 }),
  goal('g4', 'Arkiverat mål', { archivedAt: '2026-02-01T09:00:00.000Z' }),
];

function server({ me = administratorOf(NAMND_UNIT.id), goals = GOALS } = {}) {
  return answerFetch((request) => {
    const path = request.url.split('?')[0];
    if (path === '/api/v1/me') return json(me);
    if (path === '/api/v1/org-units')
      return json({ items: [{ ...NAMND_UNIT, archivedAt: null, version: 1 }], total: 1 });
    if (path === '/api/v1/goals' && request.method === 'GET') return json({ items: goals, total: goals.length });
    if (path === '/api/v1/goals' && request.method === 'POST')
      return json(goal('g9', (request.body as { title: string }).title), 201);
    throw new Error(`unexpected request ${request.method} ${request.url}`);
  });
}

describe('the goals', () => {
  test('a coordinator sees the unit’s goals of the year with indicator and target, and adds one', async () => {
    setCsrfToken('csrf-1');
    const seen = server();
    renderScreen('/mal', () => <GoalsPage />);
    const user = userEvent.setup();
    await screen.findByRole('heading', { name: 'Nöjda brukare' });
    screen.getByText('Minst 85 %');
    const read = new URL(seen.find((request) => request.url.startsWith('/api/v1/goals'))!.url, 'http://localhost');
    expect([read.searchParams.get('unitId'), read.searchParams.get('year')]).toEqual([
      NAMND_UNIT.id,
      String(webYear()),
    ]);

    await user.click(screen.getByText('Nytt mål'));
    const form = screen.getByRole('region', { name: 'Nytt mål' });
    await user.type(within(form).getByRole('textbox', { name: /^Mål\b(?!värde)/ }), 'Trygg vård');
    await user.type(within(form).getByRole('textbox', { name: /^Målvärde/ }), '90 %');
    await user.click(within(form).getByRole('button', { name: 'Lägg till målet' }));
    await waitFor(() => expect(seen.some((request) => request.method === 'POST')).toBe(true));
    expect(seen.find((request) => request.method === 'POST')!.body).toEqual({
      unitId: NAMND_UNIT.id,
      year: webYear(),
      title: 'Trygg vård',
      indicator: null,
      target: '90 %',
      description: null,
    });
    await screen.findByText('Målet Trygg vård är tillagt.');
  });

  test('someone who only reads the unit sees the goals and nothing to change them with', async () => {
    const reader = administratorOf(NAMND_UNIT.id);
    reader.roles = [{ ...reader.roles[0]!, role: 'reader' }];
    server({ me: reader });
    renderScreen('/mal', () => <GoalsPage />);
    await screen.findByRole('heading', { name: 'Nöjda brukare' });
    expect(screen.queryByText('Nytt mål')).toBeNull();
    expect(screen.queryByRole('button', { name: /Ändra/ })).toBeNull();
  });
});
