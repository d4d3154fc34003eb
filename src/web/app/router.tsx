import type { QueryClient } from '@tanstack/react-query';
import {
  Link,
  createRootRouteWithContext,
  createRoute,
  createRouter,
  lazyRouteComponent,
  Navigate,
} from '@tanstack/react-router';
import { useI18n } from '../i18n/i18n.tsx';
import { RootLayout } from './layout.tsx';
import type { DeviationSearch } from '../features/deviations/deviations-page.tsx';
import type { ReviewSearch } from '../features/reviews/reviews-page.tsx';
import type { ReportSearch } from '../features/reports/reports-page.tsx';
import type { ComparisonSearch } from '../features/plans/plan-comparison-page.tsx';
import type { YearSearch } from '../features/calendar/year-page.tsx';
import type { GoalsSearch } from '../features/goals/goals-page.tsx';
import type { OverviewSearch } from '../features/overview/overview-page.tsx';
import type { CommonControlsSearch } from '../features/common-controls/common-controls-page.tsx';
import type { PeriodBoardSearch } from '../features/period-board/period-board-page.tsx';
import type { SearchSearch } from '../features/search/search-page.tsx';
import { REPORT_KINDS, type ReportKind } from '../../domain/report-kind.ts';
import { Page, noteNavigation } from '../components/page.tsx';

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
  validateSearch: (
    search: Record<string, unknown>,
  ): { next?: string | undefined; organisation?: string | undefined; 'sso-fel'?: string | undefined } => ({
    next: optionalString(search.next),
    organisation: optionalString(search.organisation),
    'sso-fel': optionalString(search['sso-fel']),
  }),
  component: lazyRouteComponent(() => import('../features/auth/sign-in-page.tsx'), 'SignInPage'),
});

// A one-time link's page: the link's secret is in the address's fragment, read by the page.
const choosePasswordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/valj-losenord',
  component: lazyRouteComponent(() => import('../features/auth/choose-password-page.tsx'), 'ChoosePasswordPage'),
});

// A forgotten password: a link to choose a new one is asked for by e-mail address.
const forgotPasswordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/glomt-losenord',
  component: lazyRouteComponent(() => import('../features/auth/forgot-password-page.tsx'), 'ForgotPasswordPage'),
});

// A new installation's first organisation; the layout leads here from any page while there is none.
const firstRunRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/forsta-start',
  component: lazyRouteComponent(() => import('../features/first-run/first-run-page.tsx'), 'FirstRunPage'),
});

const myWorkRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/',
  component: lazyRouteComponent(() => import('../features/my-work/my-work-page.tsx'), 'MyWorkPage'),
});

// Periodens uppföljning: the coordinator's board of who has followed up the period, with Påminn.
const periodBoardRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/periodens-uppfoljning',
  validateSearch: (search: Record<string, unknown>): PeriodBoardSearch => ({
    enhet: optionalString(search.enhet),
    period: optionalString(search.period),
  }),
  component: lazyRouteComponent(() => import('../features/period-board/period-board-page.tsx'), 'PeriodBoardPage'),
});

const organisationRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/organisation',
  validateSearch: (search: Record<string, unknown>): { enhet?: string | undefined } => ({
    enhet: optionalString(search.enhet),
  }),
  component: lazyRouteComponent(() => import('../features/organisation/organisation-page.tsx'), 'OrganisationPage'),
});

export const planRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/planer/$planId',
  validateSearch: (
    search: Record<string, unknown>,
  ): {
    sannolikhet?: number | undefined;
    konsekvens?: number | undefined;
    gruppera?: 'process' | 'kategori' | undefined;
  } => ({
    sannolikhet: optionalInt(search.sannolikhet),
    konsekvens: optionalInt(search.konsekvens),
    gruppera: search.gruppera === 'process' || search.gruppera === 'kategori' ? search.gruppera : undefined,
  }),
  component: lazyRouteComponent(() => import('../features/plans/plan-page.tsx'), 'PlanPage'),
});

const accessibilityRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/tillganglighet',
  component: lazyRouteComponent(() => import('../features/accessibility/accessibility-page.tsx'), 'AccessibilityPage'),
});

const newPlanRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/planer/ny',
  validateSearch: (search: Record<string, unknown>): { enhet?: string | undefined } => ({
    enhet: optionalString(search.enhet),
  }),
  component: lazyRouteComponent(() => import('../features/plans/new-plan-page.tsx'), 'NewPlanPage'),
});

const editPlanRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/planer/$planId/redigera',
  component: lazyRouteComponent(() => import('../features/plans/edit-plan-page.tsx'), 'EditPlanPage'),
});
const newReviewRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/planer/$planId/ny-granskning',
  component: lazyRouteComponent(() => import('../features/reviews/review-form-page.tsx'), 'NewReviewPage'),
});
const editReviewRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/granskningar/$reviewId/redigera',
  component: lazyRouteComponent(() => import('../features/reviews/review-form-page.tsx'), 'EditReviewPage'),
});
const newActivityRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/planer/$planId/ny-aktivitet',
  component: lazyRouteComponent(() => import('../features/activities/activity-form-page.tsx'), 'NewActivityPage'),
});
const editActivityRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/aktiviteter/$activityId/redigera',
  component: lazyRouteComponent(() => import('../features/activities/activity-form-page.tsx'), 'EditActivityPage'),
});
const newRiskRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/planer/$planId/ny-risk',
  component: lazyRouteComponent(() => import('../features/risks/risk-form-pages.tsx'), 'NewRiskPage'),
});
const riskRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/risker/$riskId',
  component: lazyRouteComponent(() => import('../features/risks/risk-page.tsx'), 'RiskPage'),
});
const editRiskRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/risker/$riskId/redigera',
  component: lazyRouteComponent(() => import('../features/risks/risk-form-pages.tsx'), 'EditRiskPage'),
});
const newControlRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/risker/$riskId/nytt-kontrollmoment',
  component: lazyRouteComponent(() => import('../features/items/item-pages.tsx'), 'NewControlPage'),
});
const newActionRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/risker/$riskId/ny-atgard',
  validateSearch: (search: Record<string, unknown>): { avvikelse?: string | undefined } => ({
    avvikelse: optionalString(search.avvikelse),
  }),
  component: lazyRouteComponent(() => import('../features/items/item-pages.tsx'), 'NewActionPage'),
});
const editControlRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/kontrollmoment/$itemId/redigera',
  component: lazyRouteComponent(() => import('../features/items/item-pages.tsx'), 'EditControlPage'),
});
const editActionRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/atgarder/$itemId/redigera',
  component: lazyRouteComponent(() => import('../features/items/item-pages.tsx'), 'EditActionPage'),
});
const newDeviationRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/kontrollmoment/$itemId/ny-avvikelse',
  component: lazyRouteComponent(() => import('../features/deviations/deviation-form-page.tsx'), 'DeviationFormPage'),
});

const deviationRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/avvikelser/$deviationId',
  component: lazyRouteComponent(() => import('../features/deviations/deviation-page.tsx'), 'DeviationPage'),
});

const editDeviationRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/avvikelser/$deviationId/redigera',
  component: lazyRouteComponent(() => import('../features/deviations/deviation-form-page.tsx'), 'EditDeviationPage'),
});

const newFollowUpRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/uppfoljning/ny',
  validateSearch: (
    search: Record<string, unknown>,
  ): { kontrollmoment?: string | undefined; atgard?: string | undefined; aktivitet?: string | undefined } => ({
    kontrollmoment: optionalString(search.kontrollmoment),
    atgard: optionalString(search.atgard),
    aktivitet: optionalString(search.aktivitet),
  }),
  component: lazyRouteComponent(() => import('../features/follow-ups/follow-up-form-page.tsx'), 'FollowUpFormPage'),
});

const editFollowUpRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/uppfoljning/$followUpId/redigera',
  component: lazyRouteComponent(() => import('../features/follow-ups/follow-up-form-page.tsx'), 'EditFollowUpPage'),
});

const overviewRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/oversikt',
  validateSearch: (search: Record<string, unknown>): OverviewSearch => ({
    enhet: optionalString(search.enhet),
    ar: optionalInt(search.ar),
    process: optionalString(search.process),
    kategori: optionalString(search.kategori),
  }),
  component: lazyRouteComponent(() => import('../features/overview/overview-page.tsx'), 'OverviewPage'),
});

const deviationsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/avvikelser',
  validateSearch: (search: Record<string, unknown>): DeviationSearch => ({
    enhet: optionalString(search.enhet),
    ar: optionalInt(search.ar),
    lage: search.lage === 'open' || search.lage === 'closed' ? search.lage : undefined,
    allvarlighet: optionalString(search.allvarlighet),
  }),
  component: lazyRouteComponent(() => import('../features/deviations/deviations-page.tsx'), 'DeviationsPage'),
});

const reviewsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/granskningar',
  validateSearch: (search: Record<string, unknown>): ReviewSearch => ({
    enhet: optionalString(search.enhet),
    ar: optionalInt(search.ar),
    status: optionalString(search.status),
  }),
  component: lazyRouteComponent(() => import('../features/reviews/reviews-page.tsx'), 'ReviewsPage'),
});

const planComparisonRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/planer/$planId/jamfor',
  validateSearch: (search: Record<string, unknown>): ComparisonSearch => ({
    fran: optionalInt(search.fran),
    till: optionalInt(search.till),
  }),
  component: lazyRouteComponent(() => import('../features/plans/plan-comparison-page.tsx'), 'PlanComparisonPage'),
});

const goalsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/mal',
  validateSearch: (search: Record<string, unknown>): GoalsSearch => ({
    enhet: optionalString(search.enhet),
    ar: optionalInt(search.ar),
  }),
  component: lazyRouteComponent(() => import('../features/goals/goals-page.tsx'), 'GoalsPage'),
});

const commonControlsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/gemensamma-kontrollmoment',
  validateSearch: (search: Record<string, unknown>): CommonControlsSearch => ({
    enhet: optionalString(search.enhet),
    ar: optionalInt(search.ar),
  }),
  component: lazyRouteComponent(
    () => import('../features/common-controls/common-controls-page.tsx'),
    'CommonControlsPage',
  ),
});

const yearRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/arshjul',
  validateSearch: (search: Record<string, unknown>): YearSearch => ({ ar: optionalInt(search.ar) }),
  component: lazyRouteComponent(() => import('../features/calendar/year-page.tsx'), 'YearPage'),
});

const reportsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/rapporter',
  validateSearch: (search: Record<string, unknown>): ReportSearch => ({
    typ: (REPORT_KINDS as readonly string[]).includes(String(search.typ)) ? (search.typ as ReportKind) : undefined,
    enhet: optionalString(search.enhet),
    period: typeof search.period === 'string' || typeof search.period === 'number' ? String(search.period) : undefined,
    del: optionalString(search.del),
  }),
  component: lazyRouteComponent(() => import('../features/reports/reports-page.tsx'), 'ReportsPage'),
});

const adminRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/administration',
  component: () => <Navigate to="/administration/anvandare" replace />,
});
const usersAdminRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/administration/anvandare',
  component: lazyRouteComponent(() => import('../features/admin/users-admin-page.tsx'), 'UsersAdminPage'),
});
const riskMatrixAdminRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/administration/riskmatris',
  component: lazyRouteComponent(() => import('../features/admin/risk-matrix-admin-page.tsx'), 'RiskMatrixAdminPage'),
});
const statusesAdminRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/administration/statusar',
  component: lazyRouteComponent(() => import('../features/admin/statuses-admin-page.tsx'), 'StatusesAdminPage'),
});
const vocabulariesAdminRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/administration/val-och-begrepp',
  component: lazyRouteComponent(() => import('../features/admin/vocabularies-admin-page.tsx'), 'VocabulariesAdminPage'),
});
const calendarAdminRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/administration/arshjul',
  component: lazyRouteComponent(() => import('../features/admin/calendar-admin-page.tsx'), 'CalendarAdminPage'),
});

const unitsAdminRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/administration/organisation',
  component: lazyRouteComponent(() => import('../features/admin/units-admin-page.tsx'), 'UnitsAdminPage'),
});
const focusAreasAdminRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/administration/fokusomraden',
  component: lazyRouteComponent(() => import('../features/admin/focus-areas-admin-page.tsx'), 'FocusAreasAdminPage'),
});
const tokensAdminRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/administration/api-nycklar',
  component: lazyRouteComponent(() => import('../features/admin/tokens-admin-page.tsx'), 'TokensAdminPage'),
});

const directoryAdminRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/administration/katalog',
  component: lazyRouteComponent(() => import('../features/admin/directory-admin-page.tsx'), 'DirectoryAdminPage'),
});

// Sign-in through the organisation's identity providers, the rules that give roles from what they
// send, and the outcome of an administrator's test sign-in (where the provider sends the browser back).
const identityProvidersAdminRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/administration/inloggning',
  component: lazyRouteComponent(
    () => import('../features/admin/identity-providers-admin-page.tsx'),
    'IdentityProvidersAdminPage',
  ),
});
const roleMappingRulesAdminRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/administration/inloggning/regler',
  component: lazyRouteComponent(
    () => import('../features/admin/role-mapping-rules-admin-page.tsx'),
    'RoleMappingRulesAdminPage',
  ),
});
const testSignInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/administration/inloggning/$providerId/test/$attemptId',
  component: lazyRouteComponent(() => import('../features/admin/test-sign-in-page.tsx'), 'TestSignInPage'),
});

const outboxAdminRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/administration/utkorg',
  component: lazyRouteComponent(() => import('../features/admin/outbox-admin-page.tsx'), 'OutboxAdminPage'),
});

const signInPolicyAdminRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/administration/inloggningskrav',
  component: lazyRouteComponent(
    () => import('../features/admin/sign-in-policy-admin-page.tsx'),
    'SignInPolicyAdminPage',
  ),
});

const importAdminRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/administration/import',
  component: lazyRouteComponent(() => import('../features/admin/org-import-page.tsx'), 'OrgImportPage'),
});

// Importing a plan from a file: into one plan, or for a unit and year; each import has its own
// page, so that a person may leave a long import and come back to it.
const planImportRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/planer/$planId/importera',
  component: lazyRouteComponent(() => import('../features/plan-import/start-import-pages.tsx'), 'PlanImportStartPage'),
});
const orgPlanImportRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/organisation/importera',
  validateSearch: (search: Record<string, unknown>): { enhet?: string | undefined } => ({
    enhet: optionalString(search.enhet),
  }),
  component: lazyRouteComponent(() => import('../features/plan-import/start-import-pages.tsx'), 'OrgPlanImportPage'),
});
const importRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/importer/$importId',
  component: lazyRouteComponent(() => import('../features/plan-import/import-page.tsx'), 'ImportPage'),
});

const changePasswordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/mitt-konto/losenord',
  component: lazyRouteComponent(() => import('../features/auth/change-password-page.tsx'), 'ChangePasswordPage'),
});

const historyRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/historik/$entityType/$entityId',
  component: lazyRouteComponent(() => import('../features/history/history-page.tsx'), 'HistoryPage'),
});

const searchRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/sok',
  validateSearch: (search: Record<string, unknown>): SearchSearch => ({ q: optionalString(search.q) }),
  component: lazyRouteComponent(() => import('../features/search/search-page.tsx'), 'SearchPage'),
});

const routeTree = rootRoute.addChildren([
  signInRoute,
  choosePasswordRoute,
  forgotPasswordRoute,
  firstRunRoute,
  myWorkRoute,
  periodBoardRoute,
  organisationRoute,
  goalsRoute,
  commonControlsRoute,
  orgPlanImportRoute,
  overviewRoute,
  newPlanRoute,
  planRoute,
  editPlanRoute,
  planComparisonRoute,
  planImportRoute,
  importRoute,
  newActivityRoute,
  editActivityRoute,
  newReviewRoute,
  editReviewRoute,
  newRiskRoute,
  riskRoute,
  editRiskRoute,
  newControlRoute,
  newActionRoute,
  editControlRoute,
  editActionRoute,
  newDeviationRoute,
  deviationRoute,
  editDeviationRoute,
  newFollowUpRoute,
  editFollowUpRoute,
  historyRoute,
  changePasswordRoute,
  deviationsRoute,
  reviewsRoute,
  reportsRoute,
  yearRoute,
  adminRoute,
  usersAdminRoute,
  riskMatrixAdminRoute,
  statusesAdminRoute,
  vocabulariesAdminRoute,
  calendarAdminRoute,
  unitsAdminRoute,
  importAdminRoute,
  signInPolicyAdminRoute,
  tokensAdminRoute,
  directoryAdminRoute,
  identityProvidersAdminRoute,
  roleMappingRulesAdminRoute,
  testSignInRoute,
  outboxAdminRoute,
  focusAreasAdminRoute,
  accessibilityRoute,
  searchRoute,
]);

export const router = createRouter({
  routeTree,
  context: { queryClient: undefined! },
  defaultPreload: 'intent',
  scrollRestoration: true,
});

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
