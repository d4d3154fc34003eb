import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import {
  createMemoryHistory,
  createRootRoute,
  createRoute,
  createRouter,
  Outlet,
  RouterProvider,
} from '@tanstack/react-router';
import { render, screen } from '@testing-library/react';
import type { ReactNode } from 'react';
import { onTestFinished } from 'vitest';
import { I18nProvider } from '../../src/web/i18n/i18n.tsx';

// Renders what a web unit test looks at as the app would: in the interface language, with a
// cache of its own, and (for what needs the router) on a page "/" that can be left for
// "/organisation", or a screen at its own address beside the start and sign-in pages.

/** Renders with the i18n provider and a fresh query cache, which is returned. */
export function renderWithApp(ui: ReactNode, queryClient = new QueryClient()) {
  const result = render(
    <I18nProvider>
      <QueryClientProvider client={queryClient}>{ui}</QueryClientProvider>
    </I18nProvider>,
  );
  return { ...result, queryClient };
}

/** Renders `Page` at "/" of a router whose other page, "/organisation", has the heading "Elsewhere". */
export async function renderOnPage(Page: () => ReactNode) {
  const root = createRootRoute({ component: Outlet });
  const page = createRoute({ getParentRoute: () => root, path: '/', component: Page });
  const elsewhere = createRoute({
    getParentRoute: () => root,
    path: '/organisation',
    component: () => <h1>Elsewhere</h1>,
  });
  const router = createRouter({
    routeTree: root.addChildren([page, elsewhere]),
    history: createMemoryHistory({ initialEntries: ['/'] }),
  });
  renderWithApp(<RouterProvider router={router} />);
  await screen.findByRole('button', { name: 'Save' });
  return router;
}

/**
 * Renders `Screen` at `path` of a router that also has a start page "/" (heading "Start") and a
 * sign-in page "/logga-in" (heading "Signing in"), where screens lead people on; returns the
 * router and the query cache.
 */
export function renderScreen(path: string, Screen: () => ReactNode, queryClient = new QueryClient()) {
  const root = createRootRoute({ component: Outlet });
  const screenRoute = createRoute({ getParentRoute: () => root, path, component: Screen });
  const start = createRoute({ getParentRoute: () => root, path: '/', component: () => <h1>Start</h1> });
  const signIn = createRoute({
    getParentRoute: () => root,
    path: '/logga-in',
    component: () => <h1>Signing in</h1>,
  });
  const router = createRouter({
    routeTree: root.addChildren([screenRoute, start, signIn]),
    history: createMemoryHistory({ initialEntries: [path] }),
  });
  renderWithApp(<RouterProvider router={router} />, queryClient);
  return { router, queryClient };
}

/**
 * Answers the browser's confirm dialogs with `answer` until the test finishes; the returned list
 * fills with the questions asked.
 */
export function answerConfirm(answer: boolean): string[] {
  const previous = Object.getOwnPropertyDescriptor(window, 'confirm');
  onTestFinished(() => {
    if (previous) Object.defineProperty(window, 'confirm', previous);
    else Reflect.deleteProperty(window, 'confirm');
  });
  const asked: string[] = [];
  window.confirm = (message?: string) => {
    asked.push(message ?? '');
    return answer;
  };
  return asked;
}
