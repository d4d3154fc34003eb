import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, test } from 'vitest';
import { answerFetch, json } from '../../../../test/web/fake-fetch.ts';
import { PLAN, RISK, planReads } from '../../../../test/web/plan-fixtures.ts';
import {
  createMemoryHistory,
  createRootRoute,
  createRoute,
  createRouter,
  Outlet,
  RouterProvider,
} from '@tanstack/react-router';
import { renderScreen, renderWithApp } from '../../../../test/web/render.tsx';
import type { Goal } from '../../api/goals.ts';
import { setCsrfToken } from '../../lib/api.ts';
import { RiskFormPage } from './risk-form-page.tsx';
import { RiskPage } from './risk-page.tsx';

afterEach(() => setCsrfToken(null));

function goal(id: string, title: string, changes: Partial<Goal> = {}): Goal {
  return {
    id,
    unitId: PLAN.unitId,
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
  goal('g1', 'Nöjda brukare'),
  goal('g2', 'God ekonomisk hushållning'),
  goal('g3', 'Nästa års mål', { year: 2027 }),
  goal('g4', 'Arkiverat mål', { archivedAt: '2026-02-01T09:00:00.000Z' }),
];

describe('the goals of a risk', () => {
  test('the risk form offers the plan unit’s goals of the plan’s year and sends the chosen ones', async () => {
    setCsrfToken('csrf-1');
    const seen = answerFetch((request) =>
      planReads(request, (path) => {
        if (path === '/api/v1/goals') return json({ items: GOALS, total: GOALS.length });
        if (path === '/api/v1/risks' && request.method === 'POST')
          return json({ ...RISK, ...(request.body as object) }, 201);
        return undefined;
      }),
    );
    renderScreen('/formular', () => <RiskFormPage planId={PLAN.id} />);
    const user = userEvent.setup();
    const group = await screen.findByRole('group', { name: 'Mål' });
    await waitFor(() => expect(within(group).getAllByRole('checkbox')).toHaveLength(2));
    expect(
      within(group)
        .getAllByRole('checkbox')
        .map((box) => box.parentElement?.textContent?.trim()),
    ).toEqual(['Nöjda brukare', 'God ekonomisk hushållning']);
    await user.type(screen.getByRole('textbox', { name: 'Risk' }), 'Brister i vården');
    await user.click(within(group).getByRole('checkbox', { name: 'God ekonomisk hushållning' }));
    await user.click(screen.getByRole('button', { name: 'Spara' }));
    await waitFor(() => expect(seen.some((request) => request.method === 'POST')).toBe(true));
    expect(seen.find((request) => request.method === 'POST')!.body).toMatchObject({ goalIds: ['g2'] });
  });
});

describe('the goals on the risk page', () => {
  test('the goals the risk threatens and, under each action, those it serves', async () => {
    // An action as GET /actions gives it: a control's schedule and people, no method, scope or frequency.
    const action = {
      planId: PLAN.id,
      riskId: RISK.id,
      statusId: null,
      startDate: null,
      endDate: null,
      sortOrder: 0,
      responsibleIds: [],
      reportingIds: [],
      checkpoints: [],
      overdue: false,
      archivedAt: null,
      version: 1,
      createdAt: '2026-01-01T09:00:00.000Z',
      updatedAt: '2026-01-01T09:00:00.000Z',
      id: 'a1',
      title: 'Ny rutin för attest',
      whatToDo: null,
      measuresTaken: null,
      responsibleUnitId: null,
      reviewId: null,
      carriedFromId: null,
      goalIds: ['g2'],
    };
    answerFetch((request) =>
      planReads(request, (path) => {
        const list = (items: unknown[]) => json({ items, total: items.length });
        if (path === `/api/v1/risks/${RISK.id}`) return json({ ...RISK, goalIds: ['g1'] });
        if (path === '/api/v1/goals') return list(GOALS);
        if (path === '/api/v1/actions') return list([action]);
        if (path.endsWith('/assessments')) return list([]);
        if (['/api/v1/controls', '/api/v1/deviations', '/api/v1/reviews', '/api/v1/follow-ups'].includes(path))
          return list([]);
        if (path === '/api/v1/reporting-calendar') return json({ year: 2026, periods: [], events: [] });
        if (path === '/api/v1/me') return json({ user: { id: 'u1' }, roles: [], mayWrite: false });
        return undefined;
      }),
    );
    const root = createRootRoute({ component: Outlet });
    const page = createRoute({ getParentRoute: () => root, path: '/risker/$riskId', component: RiskPage });
    const router = createRouter({
      routeTree: root.addChildren([page]),
      history: createMemoryHistory({ initialEntries: [`/risker/${RISK.id}`] }),
    });
    renderWithApp(<RouterProvider router={router} />);
    const riskGoals = await screen.findByText('Mål som risken hotar');
    await waitFor(() => expect(riskGoals.nextElementSibling?.textContent).toBe('Nöjda brukare'));
    const actionGoals = await screen.findByText('Mål som åtgärden bidrar till');
    await waitFor(() => expect(actionGoals.nextElementSibling?.textContent).toBe('God ekonomisk hushållning'));
    expect(actionGoals.closest('li')?.textContent).toContain('Ny rutin för attest');
  });
});
