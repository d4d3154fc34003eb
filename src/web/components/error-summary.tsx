import { useEffect, useRef } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import type { ApiError } from '../lib/api.ts';

/**
 * What the server refused, above the form: the problem's title and detail and every field
 * message. Focus moves here after a failed save so that it is read out at once.
 */
export function ErrorSummary({ error }: { error: ApiError | null }) {
  const { t } = useI18n();
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (error) box.current?.focus();
  }, [error]);
  if (!error) return null;
  const fieldErrors = error.problem.errors ?? [];
  return (
    <div ref={box} tabIndex={-1} role="alert" className="notice notice-error">
      <p>
        <strong>{error.problem.title}</strong>
        {error.problem.detail ? ` ${error.problem.detail}` : ''}
      </p>
      {fieldErrors.length > 0 && (
        <>
          <p>{t('form.errorSummary')}</p>
          <ul>
            {fieldErrors.map((fieldError) => (
              <li key={`${fieldError.path}:${fieldError.message}`}>{fieldError.message}</li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
