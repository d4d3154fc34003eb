import { QueryClient } from '@tanstack/react-query';
import {
  createMemoryHistory,
  createRootRoute,
  createRoute,
  createRouter,
  Outlet,
  RouterProvider,
} from '@tanstack/react-router';
import { screen, within } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import { answerFetch, json } from '../../../../test/web/fake-fetch.ts';
import { renderWithApp } from '../../../../test/web/render.tsx';
import { HistoryPage } from './history-page.tsx';

const KARIN = '01900000-0000-7000-8000-000000000001';
const OLLE = '01900000-0000-7000-8000-000000000002';
const EKONOMI = '01900000-0000-7000-8000-000000000003';
const RISK = '01900000-0000-7000-8000-000000000010';

const event = (changes: Record<string, [unknown, unknown]>, names: Record<string, string>, operation = 'update') => ({
  id: `e-${operation}`,
  occurredAt: '2026-06-15T10:00:00.000Z',
  actorKind: 'user',
  actorUserId: KARIN,
  actorName: 'Karin Lund',
  actorLabel: null,
  actorToken: null,
  entityType: 'risk',
  entityId: RISK,
  entityTitle: 'Jäv vid upphandling',
  operation,
  unitId: null,
  changes,
  names,
});

function showHistory() {
  const root = createRootRoute({ component: Outlet });
  const page = createRoute({
    getParentRoute: () => root,
    path: '/historik/$entityType/$entityId',
    component: HistoryPage,
  });
  const router = createRouter({
    routeTree: root.addChildren([page]),
    history: createMemoryHistory({ initialEntries: [`/historik/risk/${RISK}`] }),
  });
  renderWithApp(<RouterProvider router={router} />, new QueryClient());
}

describe('the history of an item', () => {
  test('names the item, the person who changed it, the fields by their labels and the ids by their names', async () => {
    const seen = answerFetch((request) => {
      const url = new URL(request.url, 'http://localhost');
      if (url.pathname === '/api/v1/audit-events')
        return json({
          items: [
            event(
              { ownerId: [KARIN, OLLE], processId: [null, EKONOMI] },
              { [KARIN]: 'Karin Lund', [OLLE]: 'Olle Berg', [EKONOMI]: 'Ekonomi' },
            ),
            event({ title: [null, 'Jäv vid upphandling'] }, {}, 'create'),
          ],
          total: 2,
        });
      if (url.pathname === `/api/v1/risks/${RISK}`)
        return json({ id: RISK, title: 'Jäv vid upphandling', archivedAt: null });
      throw new Error(`unexpected request ${request.method} ${request.url}`);
    });
    showHistory();
    expect(await screen.findByRole('heading', { level: 1, name: /Jäv vid upphandling/ })).toBeTruthy();
    const changes = screen.getAllByRole('table')[0]!;
    const owner = within(changes).getByRole('row', { name: /Riskägare|Risk owner/ });
    expect(
      within(owner)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual(['Karin Lund', 'Olle Berg']);
    const process = within(changes).getByRole('row', { name: /Process\/område|Process\/area/ });
    expect(
      within(process)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual(['–', 'Ekonomi']);
    expect(screen.getAllByRole('heading', { level: 2 })[0]!.textContent).toContain('Karin Lund');
    expect(document.body.textContent).not.toContain(OLLE);
    // One request for the events: the names come with them.
    expect(seen.filter((request) => request.url.includes('/audit-events'))).toHaveLength(1);
    expect(seen.some((request) => request.url.includes('/users'))).toBe(false);
  });
});
