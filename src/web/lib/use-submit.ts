import { useState } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { ApiError } from './api.ts';

/**
 * The state of a form's save: whether it is on its way and what the server refused. A second
 * press while a save is on its way does nothing.
 */
export function useSubmit() {
  const { t } = useI18n();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  async function run(save: () => Promise<void>) {
    if (pending) return;
    setPending(true);
    setError(null);
    try {
      await save();
    } catch (caught) {
      setError(
        caught instanceof ApiError
          ? caught
          : new ApiError({
              type: 'about:blank',
              title: t('app.error'),
              status: 0,
              detail: caught instanceof Error ? caught.message : undefined,
            }),
      );
    } finally {
      setPending(false);
    }
  }
  return { pending, error, setError, run, fieldErrors: (path: string) => error?.fieldErrors(path) };
}
