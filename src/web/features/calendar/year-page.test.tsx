import {
  createMemoryHistory,
  createRootRoute,
  createRoute,
  createRouter,
  Outlet,
  RouterProvider,
} from '@tanstack/react-router';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, test } from 'vitest';
import { answerFetch, json } from '../../../../test/web/fake-fetch.ts';
import { renderWithApp } from '../../../../test/web/render.tsx';
import { setCsrfToken } from '../../lib/api.ts';
import { YearPage, type YearSearch } from './year-page.tsx';

afterEach(() => setCsrfToken(null));

const EDITABLE = { version: 1, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' };
const unit = (id: string, name: string, parentId: string | null) => ({
  id,
  name,
  kind: parentId ? 'namnd' : 'kommun',
  parentId,
  shortName: null,
  sortOrder: 0,
  archivedAt: null,
  ...EDITABLE,
});
const UNITS = [unit('u-root', 'Kommunen', null), unit('u-sn', 'Socialnämnden', 'u-root')];
const period = (
  id: string,
  kind: string,
  number: number | null,
  startDate: string,
  endDate: string,
  label: string,
) => ({
  id,
  kind,
  year: 2027,
  number,
  name: null,
  startDate,
  endDate,
  label,
  labelEn: label,
  ...EDITABLE,
});
const T1 = period('p1', 'tertial', 1, '2027-01-01', '2027-04-30', 'Tertial 1 2027');
const H1 = period('p2', 'half_year', 1, '2027-01-01', '2027-06-30', 'Halvår 1 2027');
const MEETING = {
  id: 'e1',
  kind: 'namnd_meeting',
  year: 2027,
  unitId: 'u-sn',
  periodId: null,
  role: null,
  date: '2027-03-11',
  datePrecision: 'day',
  title: 'Socialnämndens sammanträde',
  agenda: null,
  ...EDITABLE,
};

function showYear(roles: { unitId: string; role: string }[]) {
  let periods: unknown[] = [];
  let events: unknown[] = [];
  const seen = answerFetch((request) => {
    const path = new URL(request.url, 'http://localhost').pathname;
    if (path === '/api/v1/me')
      return json({
        user: { id: 'p1', name: 'Karin Lund', email: null, title: null, locale: 'sv', version: 1 },
        tenant: { id: 't', slug: 'k', name: 'Kommunen' },
        roles: roles.map((role, index) => ({ id: `r${index}`, unitName: 'x', ...role })),
        chefOf: [],
        secondFactor: { enabled: false, required: false },
      });
    if (path === '/api/v1/reporting-calendar') return json({ periods, events });
    if (path === '/api/v1/issued-reports') return json({ items: [] });
    if (path === '/api/v1/org-units') return json({ items: UNITS, total: UNITS.length });
    if (path === '/api/v1/reporting-calendar/periods/standard') {
      periods = [T1, H1];
      return json({ created: [T1, H1], kept: [] });
    }
    if (path === '/api/v1/reporting-calendar/events/copy-meetings') {
      events = [MEETING];
      return json({ created: [MEETING], skipped: 2 });
    }
    throw new Error(`unexpected request ${request.method} ${request.url}`);
  });
  const root = createRootRoute({ component: Outlet });
  const page = createRoute({
    getParentRoute: () => root,
    path: '/arshjul',
    validateSearch: (search: Record<string, unknown>): YearSearch => ({ ar: Number(search.ar) }),
    component: YearPage,
  });
  const router = createRouter({
    routeTree: root.addChildren([page]),
    history: createMemoryHistory({ initialEntries: ['/arshjul?ar=2027'] }),
  });
  renderWithApp(<RouterProvider router={router} />);
  return seen;
}

describe('the årshjul', () => {
  test('the tenant administrator creates the standard periods and copies last year’s meetings; the timeline shows them', async () => {
    setCsrfToken('csrf-1');
    const seen = showYear([{ unitId: 'u-root', role: 'administrator' }]);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Skapa standardperioder för 2027' }));
    expect(await screen.findByText('2 perioder skapades, 0 fanns redan.')).toBeTruthy();
    expect(seen.find((request) => request.url.includes('/periods/standard'))?.body).toEqual({ year: 2027 });
    // The timeline draws each period as a bar with its name; the list says the same in words.
    await waitFor(() => expect(document.querySelectorAll('.year-timeline-bar')).toHaveLength(2));
    const bars = [...document.querySelectorAll<HTMLElement>('.year-timeline-bar')];
    expect(bars.map((bar) => bar.textContent)).toEqual(['Halvår 1 2027', 'Tertial 1 2027']);
    expect(bars[0]!.style.left).toBe('0%');
    expect(Number.parseFloat(bars[0]!.style.width)).toBeCloseTo((181 / 365) * 100, 1);
    expect(screen.getByText(/Samma perioder och sammanträden står månad för månad/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Kopiera sammanträden från 2026' }));
    expect(await screen.findByText('1 sammanträden kopierades, 2 fanns redan.')).toBeTruthy();
    await waitFor(() =>
      expect(document.querySelector('.year-timeline-mark')?.textContent).toContain('Socialnämndens sammanträde'),
    );
    expect(screen.getAllByText(/Socialnämndens sammanträde/).length).toBeGreaterThanOrEqual(2);
  });

  test('a coordinator may copy meetings but not make periods', async () => {
    showYear([{ unitId: 'u-sn', role: 'coordinator' }]);
    expect(await screen.findByRole('button', { name: 'Kopiera sammanträden från 2026' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /standardperioder/ })).toBeNull();
  });

  test('a reader is offered no year tools', async () => {
    showYear([{ unitId: 'u-sn', role: 'reader' }]);
    expect(await screen.findByRole('heading', { level: 2, name: /januari/i })).toBeTruthy();
    expect(screen.queryByRole('button')).toBeNull();
  });
});
