import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { Page } from '../../components/page.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

/** The administration screens share a heading and a menu of their parts. */
export function AdminPage({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <Page title={title}>
      <nav aria-label={t('admin.menu')} className="sub-nav">
        <ul>
          <li>
            <Link to="/administration/anvandare">{t('admin.users')}</Link>
          </li>
          <li>
            <Link to="/administration/organisation">{t('admin.units')}</Link>
          </li>
          <li>
            <Link to="/administration/import">{t('admin.import')}</Link>
          </li>
          <li>
            <Link to="/administration/riskmatris">{t('admin.riskMatrix')}</Link>
          </li>
          <li>
            <Link to="/administration/statusar">{t('admin.statuses')}</Link>
          </li>
          <li>
            <Link to="/administration/val-och-begrepp">{t('vocabularies.title')}</Link>
          </li>
          <li>
            <Link to="/administration/fokusomraden">{t('admin.focusAreas')}</Link>
          </li>
          <li>
            <Link to="/administration/arshjul">{t('admin.calendar')}</Link>
          </li>
          <li>
            <Link to="/administration/inloggning">{t('admin.signIn')}</Link>
          </li>
          <li>
            <Link to="/administration/api-nycklar">{t('admin.tokens')}</Link>
          </li>
          <li>
            <Link to="/administration/katalog">{t('admin.directory')}</Link>
          </li>
          <li>
            <Link to="/administration/utkorg">{t('admin.outbox')}</Link>
          </li>
          <li>
            <Link to="/administration/inloggningskrav">{t('admin.signInPolicy')}</Link>
          </li>
        </ul>
      </nav>
      {children}
    </Page>
  );
}
