import { useQuery } from '@tanstack/react-query';
import { Link, Navigate, Outlet, useLocation, useNavigate } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { firstRunQueries } from '../api/first-run.ts';
import { useMe, useSignOut, type Me } from '../lib/use-me.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { ApiError } from '../lib/api.ts';
import { LoadFailed, Loading } from '../components/page.tsx';
import { SearchField } from '../components/search-field.tsx';

/** Pages anyone may open without signing in. */
const PUBLIC_PATHS = new Set(['/logga-in', '/tillganglighet', '/valj-losenord', '/glomt-losenord', '/forsta-start']);

/** Every page: the header with the menu and language switch, the page itself, the footer. */
export function RootLayout() {
  const location = useLocation();
  const me = useMe();
  const isPublic = PUBLIC_PATHS.has(location.pathname);
  if (!isPublic) {
    if (me.isPending)
      return (
        <Shell>
          <Loading />
        </Shell>
      );
    if (me.error instanceof ApiError && me.error.status === 401) return <SignInFirst next={location.href} />;
    if (me.error)
      return (
        <Shell>
          <LoadFailed error={me.error} retry={() => void me.refetch()} />
        </Shell>
      );
  }
  return (
    <Shell me={me.data}>
      <Outlet />
    </Shell>
  );
}

/**
 * Nobody is signed in: to the sign-in page, or, while a new installation has no organisation
 * yet, to the first-run page (nobody could sign in anyway). Should the server not say, signing in
 * is the way on.
 */
function SignInFirst({ next }: { next: string }) {
  const firstRun = useQuery(firstRunQueries.state());
  if (firstRun.isPending)
    return (
      <Shell>
        <Loading />
      </Shell>
    );
  if (firstRun.data?.needed) return <Navigate to="/forsta-start" replace />;
  return <Navigate to="/logga-in" search={{ next }} replace />;
}

function Shell({ me, children }: { me?: Me | undefined; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <>
      <a href="#main" className="skip-link">
        {t('app.skipToContent')}
      </a>
      <header className="site-header">
        <div className="site-header-inner">
          <Link to="/" className="brand">
            {t('app.name')}
            <span className="brand-tagline">{t('app.tagline')}</span>
          </Link>
          {me && (
            <nav aria-label={t('nav.label')} className="main-nav">
              <ul>
                <li>
                  <Link to="/" activeOptions={{ exact: true }}>
                    {t('nav.myWork')}
                  </Link>
                </li>
                {me.roles.some((role) => role.role === 'coordinator' || role.role === 'administrator') && (
                  <li>
                    <Link to="/periodens-uppfoljning">{t('periodBoard.nav')}</Link>
                  </li>
                )}
                <li>
                  <Link to="/organisation">{t('nav.organisation')}</Link>
                </li>
                <li>
                  <Link to="/mal">{t('goals.nav')}</Link>
                </li>
                <li>
                  <Link to="/gemensamma-kontrollmoment">{t('commonControls.nav')}</Link>
                </li>
                <li>
                  <Link to="/oversikt">{t('nav.overview')}</Link>
                </li>
                <li>
                  <Link to="/avvikelser">{t('deviations.title')}</Link>
                </li>
                <li>
                  <Link to="/granskningar">{t('reviews.title')}</Link>
                </li>
                <li>
                  <Link to="/arshjul">{t('nav.year')}</Link>
                </li>
                <li>
                  <Link to="/rapporter">{t('nav.reports')}</Link>
                </li>
                {me.roles.some((role) => role.role === 'administrator') && (
                  <li>
                    <Link to="/administration/anvandare">{t('nav.admin')}</Link>
                  </li>
                )}
              </ul>
            </nav>
          )}
          <div className="header-tools">
            {me && <SearchField />}
            <LanguageSwitch />
            {me && <UserMenu me={me} />}
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="site-main">
        {children}
      </main>
      <footer className="site-footer">
        <ul>
          <li>
            <Link to="/tillganglighet">{t('nav.accessibility')}</Link>
          </li>
          <li>
            <a href="/api/docs">{t('nav.apiDocs')}</a>
          </li>
        </ul>
      </footer>
    </>
  );
}

function LanguageSwitch() {
  const { t, locale, setLocale } = useI18n();
  const other = locale === 'sv' ? 'en' : 'sv';
  return (
    <button type="button" className="button button-quiet" lang={other} onClick={() => setLocale(other)}>
      {t('language.switchTo')}
    </button>
  );
}

function UserMenu({ me }: { me: Me }) {
  const { t } = useI18n();
  const signOut = useSignOut();
  const navigate = useNavigate();
  return (
    <div className="user-menu">
      <span className="user-name">{t('auth.signedInAs', { name: me.user.name, tenant: me.tenant.name })}</span>
      <Link to="/mitt-konto/losenord" className="button button-quiet">
        {t('password.link')}
      </Link>
      <button
        type="button"
        className="button button-quiet"
        onClick={() => {
          // Signed in through the organisation's identity provider: end that session too, which
          // then sends the browser back to the sign-in page.
          void signOut().then(
            (providerSignOut) =>
              providerSignOut
                ? window.location.assign(providerSignOut)
                : void navigate({ to: '/logga-in', search: { next: undefined } }),
            () => void navigate({ to: '/logga-in', search: { next: undefined } }),
          );
        }}
      >
        {t('auth.signOut')}
      </button>
    </div>
  );
}
