import {
  createMemoryHistory,
  createRootRoute,
  createRoute,
  createRouter,
  Outlet,
  RouterProvider,
} from '@tanstack/react-router';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, test } from 'vitest';
import { answerFetch, json } from '../../../../test/web/fake-fetch.ts';
import { renderWithApp } from '../../../../test/web/render.tsx';
import {
  CONTROL,
  VOCABULARIES,
  planReads,
  vocabularyEntry,
  vocabularyRef,
} from '../../../../test/web/plan-fixtures.ts';
import { setCsrfToken } from '../../lib/api.ts';
import { DeviationFormPage, EditDeviationPage } from './deviation-form-page.tsx';
import { DeviationsPage, type DeviationSearch } from './deviations-page.tsx';

afterEach(() => setCsrfToken(null));

const OLD_SEVERITY = vocabularyEntry('deviation_severity', 'v-gammal', 'Allvarlig (gammal skala)', {
  archivedAt: '2026-01-01T00:00:00.000Z',
});

const DEVIATION = {
  id: 'd1',
  controlId: CONTROL.id,
  followUpId: null,
  title: 'Attest saknas',
  description: null,
  foundOn: '2026-03-01',
  foundById: 'p1',
  severity: vocabularyRef(OLD_SEVERITY),
  resultId: null,
  reportedToId: null,
  reportedToText: null,
  reportedOn: null,
  actionId: null,
  state: 'open',
  closedAt: null,
  archivedAt: null,
  version: 1,
  createdAt: '2026-03-01T09:00:00.000Z',
  updatedAt: '2026-03-01T09:00:00.000Z',
};

/** The deviation screens at their own addresses, as the app routes them. */
function renderAt(address: string) {
  const root = createRootRoute({ component: Outlet });
  const routes = [
    createRoute({
      getParentRoute: () => root,
      path: '/kontrollmoment/$itemId/ny-avvikelse',
      component: DeviationFormPage,
    }),
    createRoute({
      getParentRoute: () => root,
      path: '/avvikelser/$deviationId/redigera',
      component: EditDeviationPage,
    }),
    createRoute({
      getParentRoute: () => root,
      path: '/avvikelser',
      validateSearch: (search: Record<string, unknown>): DeviationSearch => ({
        allvarlighet: typeof search.allvarlighet === 'string' ? search.allvarlighet : undefined,
      }),
      component: DeviationsPage,
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

function server() {
  return answerFetch((request) =>
    planReads(request, (path) => {
      if (path === `/api/v1/controls/${CONTROL.id}`) return json(CONTROL);
      if (path === '/api/v1/actions') return json({ items: [], total: 0 });
      if (path === '/api/v1/controls') return json({ items: [CONTROL], total: 1 });
      if (path === '/api/v1/deviations' && request.method === 'POST')
        return json({ ...DEVIATION, ...(request.body as object) }, 201);
      if (path === '/api/v1/deviations') return json({ items: [DEVIATION], total: 1 });
      if (path === `/api/v1/deviations/${DEVIATION.id}`)
        return json(request.method === 'PATCH' ? { ...DEVIATION, version: 2 } : DEVIATION);
      return undefined;
    }),
  );
}

describe('the deviation screens', () => {
  test('a new deviation takes its severity from the tenant’s list, which says when one is reported at once', async () => {
    setCsrfToken('csrf-1');
    const seen = server();
    renderAt(`/kontrollmoment/${CONTROL.id}/ny-avvikelse`);
    const user = userEvent.setup();

    const severity = await screen.findByRole('combobox', { name: 'Allvarlighet' });
    expect(
      within(severity)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['Välj allvarlighet', 'Mindre väsentlig', 'Väsentlig', 'Mycket väsentlig']);
    await user.type(screen.getByRole('textbox', { name: 'Vad avviker' }), 'Attest saknas');
    await user.selectOptions(severity, 'Mycket väsentlig');
    expect(severity.getAttribute('aria-describedby')).toBeTruthy();
    expect(
      screen.getByText(
        'Allvarliga brister i lagefterlevnad. En avvikelse av den här allvarligheten rapporteras till nämnden direkt.',
      ),
    ).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Spara avvikelsen' }));

    expect(await screen.findByRole('heading', { name: 'Risken' })).toBeTruthy();
    expect(seen.find((request) => request.method === 'POST')!.body).toMatchObject({
      controlId: CONTROL.id,
      title: 'Attest saknas',
      severityId: 'v-mycket',
    });
  });

  test('a deviation keeps an archived severity it already has', async () => {
    setCsrfToken('csrf-1');
    const seen = server();
    renderAt(`/avvikelser/${DEVIATION.id}/redigera`);
    const user = userEvent.setup();

    const severity = await screen.findByRole<HTMLSelectElement>('combobox', { name: 'Allvarlighet' });
    expect(severity.value).toBe('v-gammal');
    expect(within(severity).getByRole('option', { name: 'Allvarlig (gammal skala)' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Spara avvikelsen' }));
    await waitFor(() => expect(seen.some((request) => request.method === 'PATCH')).toBe(true));
    expect(seen.find((request) => request.method === 'PATCH')!.body).toMatchObject({
      version: 1,
      severityId: 'v-gammal',
    });
  });

  test('the list names each deviation’s severity and filters by one of the tenant’s', async () => {
    const seen = server();
    renderAt('/avvikelser');
    const user = userEvent.setup();

    const row = await screen.findByRole('row', { name: /Attest saknas/ });
    expect(within(row).getByText('Allvarlig (gammal skala)')).toBeTruthy();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Allvarlighet' }), 'Väsentlig');
    await waitFor(() =>
      expect(
        seen.some(
          (request) =>
            request.url.startsWith('/api/v1/deviations?') &&
            new URL(request.url, 'http://localhost').searchParams.get('severityId') ===
              VOCABULARIES.deviation_severity![1]!.id,
        ),
      ).toBe(true),
    );
  });
});
