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
import { administratorOf, NAMND_UNIT, ROOT_UNIT } from '../../../../test/web/admin-fixtures.ts';
import { answerFetch, json } from '../../../../test/web/fake-fetch.ts';
import { CONTROL, PLAN, RISK, planReads, vocabularyEntry, vocabularyRef } from '../../../../test/web/plan-fixtures.ts';
import { renderWithApp } from '../../../../test/web/render.tsx';
import { DeviationPage } from './deviation-page.tsx';

const SEVERITY = vocabularyEntry('deviation_severity', 'v-vasentlig', 'Väsentlig');

const DEVIATION = {
  id: 'd1',
  controlId: CONTROL.id,
  followUpId: null,
  title: 'Attest saknas',
  description: 'Två av tjugo utbetalningar saknade attest.',
  foundOn: '2026-03-01',
  foundById: 'p1',
  severity: vocabularyRef(SEVERITY),
  resultId: null,
  reportedToId: 'p2',
  reportedToText: null,
  reportedOn: '2026-03-02',
  actionId: null as string | null,
  state: 'open',
  closedAt: null,
  archivedAt: null,
  version: 1,
  createdAt: '2026-03-01T09:00:00.000Z',
  updatedAt: '2026-03-01T09:00:00.000Z',
};

const ACTION = {
  ...CONTROL,
  id: 'a1',
  reviewId: null,
  whatToDo: null,
  measuresTaken: null,
  responsibleUnitId: null,
  goalIds: [],
  title: 'Inför attest före utbetalning',
};

/** The signed-in person: a coordinator of the nämnd whose plan it is, or a reader there. */
function personWith(role: 'coordinator' | 'reader') {
  const me = administratorOf(NAMND_UNIT.id);
  return { ...me, roles: [{ ...me.roles[0]!, unitName: NAMND_UNIT.name, role }] };
}

function renderAt(address: string) {
  const root = createRootRoute({ component: Outlet });
  const routes = [
    createRoute({ getParentRoute: () => root, path: '/avvikelser/$deviationId', component: DeviationPage }),
    createRoute({
      getParentRoute: () => root,
      path: '/avvikelser/$deviationId/redigera',
      component: () => <h1>Ändra</h1>,
    }),
    createRoute({
      getParentRoute: () => root,
      path: '/risker/$riskId/ny-atgard',
      validateSearch: (search: Record<string, unknown>): { avvikelse?: string | undefined } => ({
        avvikelse: typeof search.avvikelse === 'string' ? search.avvikelse : undefined,
      }),
      component: () => <h1>Ny åtgärd</h1>,
    }),
    createRoute({ getParentRoute: () => root, path: '/risker/$riskId', component: () => <h1>Risken</h1> }),
    createRoute({ getParentRoute: () => root, path: '/planer/$planId', component: () => <h1>Planen</h1> }),
  ];
  const router = createRouter({
    routeTree: root.addChildren(routes),
    history: createMemoryHistory({ initialEntries: [address] }),
  });
  renderWithApp(<RouterProvider router={router} />);
  return router;
}

function server(role: 'coordinator' | 'reader', deviation = DEVIATION) {
  return answerFetch((request) =>
    planReads(request, (path) => {
      if (path === '/api/v1/me') return json(personWith(role));
      if (path === '/api/v1/org-units') return json({ items: [ROOT_UNIT, { ...NAMND_UNIT }], total: 2 });
      if (path === `/api/v1/deviations/${DEVIATION.id}`) return json(deviation);
      if (path === `/api/v1/controls/${CONTROL.id}`) return json({ ...CONTROL, planId: PLAN.id });
      if (path === `/api/v1/risks/${RISK.id}`) return json(RISK);
      if (path === `/api/v1/plans/${PLAN.id}`) return json({ ...PLAN, unitId: NAMND_UNIT.id });
      if (path === `/api/v1/actions/${ACTION.id}`) return json(ACTION);
      return undefined;
    }),
  );
}

describe('a deviation as read', () => {
  test('names what was found, links its control, risk and plan, and as a coordinator offers Skapa åtgärd for it', async () => {
    server('coordinator');
    const router = renderAt(`/avvikelser/${DEVIATION.id}`);
    const user = userEvent.setup();

    await screen.findByRole('heading', { level: 1, name: 'Avvikelse: Attest saknas' });
    expect(screen.getByText('Väsentlig')).toBeTruthy();
    expect(screen.getByText('Två av tjugo utbetalningar saknade attest.')).toBeTruthy();
    expect(screen.getByRole('link', { name: CONTROL.title }).getAttribute('href')).toBe(
      `/risker/${RISK.id}#item-${CONTROL.id}`,
    );
    expect(screen.getByRole('link', { name: RISK.title }).getAttribute('href')).toBe(`/risker/${RISK.id}`);
    expect(screen.getByText('Ingen åtgärd svarar ännu mot avvikelsen.')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Ändra avvikelsen' })).toBeTruthy();

    await user.click(screen.getByRole('link', { name: 'Skapa åtgärd' }));
    await screen.findByRole('heading', { level: 1, name: 'Ny åtgärd' });
    expect(router.state.location.pathname).toBe(`/risker/${RISK.id}/ny-atgard`);
    expect(router.state.location.search).toEqual({ avvikelse: DEVIATION.id });
  });

  test('once an action answers it, the deviation names the action and offers no second one', async () => {
    server('coordinator', { ...DEVIATION, actionId: ACTION.id });
    renderAt(`/avvikelser/${DEVIATION.id}`);
    const answered = await screen.findByRole('link', { name: ACTION.title });
    expect(answered.getAttribute('href')).toBe(`/atgarder/${ACTION.id}/redigera`);
    expect(screen.getByRole('link', { name: 'Ändra avvikelsen' })).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Skapa åtgärd' })).toBeNull();
  });

  test('a reader sees the same facts and no way to change the deviation or make an action', async () => {
    server('reader');
    renderAt(`/avvikelser/${DEVIATION.id}`);
    const heading = await screen.findByRole('heading', { level: 1, name: 'Avvikelse: Attest saknas' });
    expect(heading).toBeTruthy();
    await screen.findByRole('link', { name: RISK.title });
    const main = heading.closest('body')!;
    expect(within(main).queryByRole('link', { name: 'Ändra avvikelsen' })).toBeNull();
    expect(within(main).queryByRole('link', { name: 'Skapa åtgärd' })).toBeNull();
  });
});
