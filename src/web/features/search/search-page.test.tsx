import {
  createMemoryHistory,
  createRootRoute,
  createRoute,
  createRouter,
  Outlet,
  RouterProvider,
} from '@tanstack/react-router';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, test } from 'vitest';
import { answerFetch, json } from '../../../../test/web/fake-fetch.ts';
import { renderWithApp } from '../../../../test/web/render.tsx';
import { SearchField } from '../../components/search-field.tsx';
import { SearchPage, type SearchSearch } from './search-page.tsx';

const hit = (fields: Record<string, unknown>) => ({
  title: 'T',
  detail: null,
  unitId: 'u-a',
  unitName: 'Barn- och utbildningsnämnden',
  startYear: 2026,
  endYear: 2026,
  planId: 'p1',
  riskId: null,
  reviewId: null,
  ...fields,
});

const RESULTS = {
  q: 'avvikelser',
  groups: [
    {
      kind: 'plan',
      more: false,
      items: [hit({ kind: 'plan', id: 'p1', title: 'Internkontrollplan 2026', detail: 'KS-2025-1234', endYear: 2027 })],
    },
    {
      kind: 'control',
      more: true,
      items: [hit({ kind: 'control', id: 'c1', title: 'Stickprov på avvikelser', riskId: 'r1' })],
    },
    {
      kind: 'recommendation',
      more: false,
      items: [hit({ kind: 'recommendation', id: 'rec1', title: 'Följ upp avvikelser', reviewId: 'g1' })],
    },
    {
      kind: 'person',
      more: false,
      items: [
        hit({
          kind: 'person',
          id: 'u1',
          title: 'Anna Avvik',
          unitId: null,
          unitName: null,
          startYear: null,
          endYear: null,
          planId: null,
        }),
      ],
    },
  ],
};

/** The search field over the results page and the pages it leads to, as the app routes them. */
function renderAt(address: string) {
  const root = createRootRoute({
    component: () => (
      <>
        <SearchField />
        <Outlet />
      </>
    ),
  });
  const routes = [
    createRoute({ getParentRoute: () => root, path: '/', component: () => <h1>Start</h1> }),
    createRoute({
      getParentRoute: () => root,
      path: '/sok',
      validateSearch: (search: Record<string, unknown>): SearchSearch => ({
        q: typeof search.q === 'string' ? search.q : undefined,
      }),
      component: SearchPage,
    }),
    createRoute({ getParentRoute: () => root, path: '/risker/$riskId', component: () => <h1>Risken</h1> }),
  ];
  const router = createRouter({
    routeTree: root.addChildren(routes),
    history: createMemoryHistory({ initialEntries: [address] }),
  });
  renderWithApp(<RouterProvider router={router} />);
  return router;
}

function server(answer = RESULTS) {
  return answerFetch((request) => {
    const url = new URL(request.url, 'http://localhost');
    if (url.pathname === '/api/v1/search') return json({ ...answer, q: url.searchParams.get('q') });
    if (url.pathname === '/api/v1/me') return json({ user: { id: 'me', name: 'Läsare' }, roles: [] });
    return json({ title: 'Not found', status: 404, type: 'about:blank' }, 404);
  });
}

describe('search', () => {
  test('the search field opens the results page, which lists the hits by kind with unit, year and a link', async () => {
    const seen = server();
    const router = renderAt('/');
    const user = userEvent.setup();
    const field = await screen.findByRole('searchbox', { name: 'Sök i Uppsikt' });
    expect(screen.getByRole('search')).toBeTruthy();
    // What can be searched for is the field's description, not its name (which other fields' labels must not match).
    expect(document.getElementById(field.getAttribute('aria-describedby')!)!.textContent).toContain('diarienummer');
    await user.type(field, 'avvikelser{Enter}');

    expect(await screen.findByRole('heading', { level: 1, name: 'Sökresultat för ”avvikelser”' })).toBeTruthy();
    expect(router.state.location.search).toEqual({ q: 'avvikelser' });
    expect(seen.some((request) => request.url.includes('/api/v1/search?q=avvikelser'))).toBe(true);
    expect(screen.getAllByRole('heading', { level: 2 }).map((heading) => heading.textContent)).toEqual([
      'Planer',
      'Kontrollmoment',
      'Rekommendationer',
      'Personer',
    ]);
    const plans = screen.getByRole('region', { name: 'Planer' });
    expect(within(plans).getByRole('link', { name: 'Internkontrollplan 2026' }).getAttribute('href')).toBe(
      '/planer/p1',
    );
    expect(within(plans).getByText(/Barn- och utbildningsnämnden · år 2026–2027 · KS-2025-1234/)).toBeTruthy();
    const controls = screen.getByRole('region', { name: 'Kontrollmoment' });
    expect(within(controls).getByRole('link', { name: 'Stickprov på avvikelser' }).getAttribute('href')).toBe(
      '/risker/r1#item-c1',
    );
    expect(within(controls).getByText(/fler träffar/)).toBeTruthy();
    expect(
      within(screen.getByRole('region', { name: 'Rekommendationer' }))
        .getByRole('link', { name: 'Följ upp avvikelser' })
        .getAttribute('href'),
    ).toBe('/granskningar/g1/redigera');
    // A person's page is for administrators only: for others the name is not a link.
    const people = screen.getByRole('region', { name: 'Personer' });
    expect(within(people).queryByRole('link')).toBeNull();
    expect(within(people).getByText('Anna Avvik')).toBeTruthy();
    // The field keeps what was searched for.
    expect(screen.getByRole<HTMLInputElement>('searchbox').value).toBe('avvikelser');

    await user.click(within(controls).getByRole('link', { name: 'Stickprov på avvikelser' }));
    expect(await screen.findByRole('heading', { name: 'Risken' })).toBeTruthy();
  });

  test('nothing found says so; an empty field does not search', async () => {
    const seen = server({ q: '', groups: [] });
    renderAt('/sok?q=cykelparkering');
    expect(await screen.findByText('Inget som du har tillgång till matchar ”cykelparkering”.')).toBeTruthy();
    const user = userEvent.setup();
    await user.clear(screen.getByRole('searchbox'));
    await user.type(screen.getByRole('searchbox'), '   {Enter}');
    expect(seen.filter((request) => request.url.includes('/api/v1/search'))).toHaveLength(1);
  });
});
