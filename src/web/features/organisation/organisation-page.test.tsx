import {
  createMemoryHistory,
  createRootRoute,
  createRoute,
  createRouter,
  Outlet,
  RouterProvider,
} from '@tanstack/react-router';
import { screen } from '@testing-library/react';
import { describe, expect, onTestFinished, test, vi } from 'vitest';
import { answerFetch, json } from '../../../../test/web/fake-fetch.ts';
import { renderWithApp } from '../../../../test/web/render.tsx';
import { OrganisationPage } from './organisation-page.tsx';

const EDITABLE = { version: 1, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' };
const unit = (id: string, name: string, kind: string, parentId: string | null, children: unknown[] = []) => ({
  id,
  name,
  kind,
  parentId,
  shortName: null,
  sortOrder: 0,
  archivedAt: null,
  ...EDITABLE,
  children,
});
const TREE = [
  unit('u-root', 'Kommunen', 'kommun', null, [
    unit('u-ks', 'Kommunstyrelsen', 'namnd', 'u-root'),
    unit('u-sn', 'Socialnämnden', 'namnd', 'u-root', [unit('u-sf', 'Socialförvaltningen', 'forvaltning', 'u-sn')]),
  ]),
];
const role = (id: string, unitId: string, unitName: string) => ({ id, unitId, unitName, role: 'responsible' });

function showOrganisation(roles: unknown[], search = '') {
  answerFetch((request) => {
    const path = new URL(request.url, 'http://localhost').pathname;
    if (path === '/api/v1/me')
      return json({
        user: { id: 'p1', name: 'Karin Lund', email: null, title: null, locale: 'sv', version: 1 },
        tenant: { id: 't', slug: 'k', name: 'Kommunen' },
        roles,
        chefOf: [],
        secondFactor: { enabled: false, required: false },
      });
    if (path === '/api/v1/org-units/tree') return json(TREE);
    if (path === '/api/v1/org-units' || path === '/api/v1/plans' || path === '/api/v1/unit-functions')
      return json({ items: [], total: 0 });
    throw new Error(`unexpected request ${request.method} ${request.url}`);
  });
  const scrolled = vi.fn();
  const previous = Object.getOwnPropertyDescriptor(Element.prototype, 'scrollIntoView');
  Element.prototype.scrollIntoView = scrolled;
  onTestFinished(() => {
    if (previous) Object.defineProperty(Element.prototype, 'scrollIntoView', previous);
    else Reflect.deleteProperty(Element.prototype, 'scrollIntoView');
  });
  const root = createRootRoute({ component: Outlet });
  const page = createRoute({
    getParentRoute: () => root,
    path: '/organisation',
    validateSearch: (query: Record<string, unknown>): { enhet?: string } =>
      typeof query.enhet === 'string' ? { enhet: query.enhet } : {},
    component: OrganisationPage,
  });
  const router = createRouter({
    routeTree: root.addChildren([page]),
    history: createMemoryHistory({ initialEntries: [`/organisation${search}`] }),
  });
  renderWithApp(<RouterProvider router={router} />);
  return scrolled;
}

describe('the organisation', () => {
  test('opens on the unit of the person’s first role assignment, chosen and scrolled into view', async () => {
    // Listed by unit name, but the assignment to Socialförvaltningen is the older one.
    const scrolled = showOrganisation([
      role('0190aaaa-0000-7000-8000-000000000002', 'u-ks', 'Kommunstyrelsen'),
      role('0190aaaa-0000-7000-8000-000000000001', 'u-sf', 'Socialförvaltningen'),
    ]);
    expect(await screen.findByRole('heading', { level: 2, name: /Socialförvaltningen/ })).toBeTruthy();
    expect(screen.getByRole('link', { current: true }).textContent).toContain('Socialförvaltningen');
    expect(scrolled).toHaveBeenCalled();
  });

  test('a unit asked for in the address wins over the person’s own', async () => {
    showOrganisation([role('0190aaaa-0000-7000-8000-000000000001', 'u-sf', 'Socialförvaltningen')], '?enhet=u-ks');
    expect(await screen.findByRole('heading', { level: 2, name: /Kommunstyrelsen/ })).toBeTruthy();
  });

  test('without roles the page asks for a unit', async () => {
    showOrganisation([]);
    await screen.findByRole('navigation');
    expect(screen.queryByRole('link', { current: true })).toBeNull();
  });
});
