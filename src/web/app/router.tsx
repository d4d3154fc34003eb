import type { QueryClient } from '@tanstack/react-query';
import { Link, createRootRouteWithContext, createRoute, createRouter, lazyRouteComponent } from '@tanstack/react-router';
import { useI18n } from '../i18n/i18n.tsx';
import { RootLayout } from './layout.tsx';
import { Page, noteNavigation } from './page.tsx';

// Every screen, with Swedish addresses as the municipalities would say them. Screens other than
// the shell are loaded when first opened, so the first page stays small.

const rootRoute = createRootRouteWithContext<{ queryClient: QueryClient }>()({
  component: RootLayout,
  notFoundComponent: NotFound,
});

const optionalString = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);
const optionalInt = (value: unknown) => {
  const number = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : NaN;
  return Number.isInteger(number) && number > 0 ? number : undefined;
};

const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/logga-in',
  validateSearch: (search: Record<string, unknown>): { next?: string | undefined } => ({ next: optionalString(search.next) }),
  component: lazyRouteComponent(() => import('../features/auth/sign-in-page.tsx'), 'SignInPage'),
});

const myWorkRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/',
  component: lazyRouteComponent(() => import('../features/my-work/my-work-page.tsx'), 'MyWorkPage'),
});

const organisationRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/organisation',
  validateSearch: (search: Record<string, unknown>): { enhet?: string | undefined } => ({ enhet: optionalString(search.enhet) }),
  component: lazyRouteComponent(() => import('../features/organisation/organisation-page.tsx'), 'OrganisationPage'),
});

export const planRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/planer/$planId',
  validateSearch: (search: Record<string, unknown>): { sannolikhet?: number | undefined; konsekvens?: number | undefined } => ({
    sannolikhet: optionalInt(search.sannolikhet),
    konsekvens: optionalInt(search.konsekvens),
  }),
  component: lazyRouteComponent(() => import('../features/plans/plan-page.tsx'), 'PlanPage'),
});

const accessibilityRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/tillganglighet',
  component: lazyRouteComponent(() => import('../features/accessibility/accessibility-page.tsx'), 'AccessibilityPage'),
});

const routeTree = rootRoute.addChildren([signInRoute, myWorkRoute, organisationRoute, planRoute, accessibilityRoute]);

export const router = createRouter({ routeTree, context: { queryClient: undefined! }, defaultPreload: 'intent', scrollRestoration: true });

router.subscribe('onBeforeNavigate', (event) => {
  if (event.fromLocation && event.pathChanged) noteNavigation();
});

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}

function NotFound() {
  const { t } = useI18n();
  return (
    <Page title={t('app.notFound')}>
      <p>{t('app.notFoundHelp')}</p>
      <p>
        <Link to="/">{t('app.backToStart')}</Link>
      </p>
    </Page>
  );
}
