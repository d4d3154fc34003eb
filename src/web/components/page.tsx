import { useEffect, useRef, type ReactNode } from 'react';
import { useI18n } from '../i18n/i18n.tsx';

/** Client-side navigations to another address so far; the first page load is not one. */
let navigations = 0;
/** The navigation whose new page has taken focus. */
let focusedFor = 0;

/** Called by the router before it shows another address. */
export function noteNavigation() {
  navigations += 1;
}

/**
 * A screen's heading and document title. After a navigation, focus moves to the heading so
 * that screen-reader and keyboard users start at the new page's top, as after a page load.
 * A page that first shows "loading" and then its content takes focus again when the heading
 * that had it is gone; on the first page load focus stays where the browser puts it.
 */
export function Page({ title, children, actions }: { title: string; children: ReactNode; actions?: ReactNode }) {
  const { t } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} – ${t('app.name')}`;
  }, [title, t]);
  useEffect(() => {
    const focusLost = document.activeElement === null || document.activeElement === document.body;
    if (navigations > focusedFor || (navigations > 0 && focusLost)) {
      focusedFor = navigations;
      heading.current?.focus();
    }
  }, []);
  return (
    <>
      <div className="page-heading">
        <h1 ref={heading} tabIndex={-1}>
          {title}
        </h1>
        {actions}
      </div>
      {children}
    </>
  );
}

/** What a screen shows while its data loads or when loading failed. */
export function Loading() {
  const { t } = useI18n();
  return (
    <p role="status" className="loading">
      {t('app.loading')}
    </p>
  );
}

export function LoadFailed({ error, retry }: { error: Error; retry?: () => void }) {
  const { t } = useI18n();
  return (
    <div role="alert" className="notice notice-error">
      <p>
        <strong>{t('app.error')}</strong> {error.message}
      </p>
      {retry && (
        <button type="button" className="button" onClick={retry}>
          {t('app.retry')}
        </button>
      )}
    </div>
  );
}
