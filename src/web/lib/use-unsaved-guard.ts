import { useBlocker } from '@tanstack/react-router';
import { useRef } from 'react';
import { useI18n } from '../i18n/i18n.tsx';

/**
 * Asks before the user leaves a form with unsaved changes, whether by a link, the back button
 * or closing the tab. The returned function lets a save navigate away (`true`) and puts the
 * question back when the save failed (`false`).
 */
export function useUnsavedGuard(dirty: boolean): (leaving: boolean) => void {
  const { t } = useI18n();
  const released = useRef(false);
  useBlocker({
    shouldBlockFn: () => dirty && !released.current && !window.confirm(t('form.leaveConfirm')),
    enableBeforeUnload: () => dirty && !released.current,
  });
  return (leaving: boolean) => {
    released.current = leaving;
  };
}
