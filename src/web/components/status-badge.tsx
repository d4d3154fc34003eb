import type { StatusIcon } from '../../domain/status.ts';
import { useI18n } from '../i18n/i18n.tsx';
import type { Status } from '../lib/reference-data.ts';

/** One shape per icon, so that a status is told by its shape and its text, never by colour alone. */
const PATHS: Record<StatusIcon, string> = {
  circle: 'M8 2a6 6 0 1 0 0 12A6 6 0 0 0 8 2zm0 2a4 4 0 1 1 0 8 4 4 0 0 1 0-8z',
  half: 'M8 2a6 6 0 1 0 0 12A6 6 0 0 0 8 2zm0 2v8a4 4 0 0 1 0-8z',
  check: 'M6.5 11.5 3 8l1.4-1.4 2.1 2.1 5.1-5.1L13 5z',
  cross: 'M4.5 3.1 8 6.6l3.5-3.5 1.4 1.4L9.4 8l3.5 3.5-1.4 1.4L8 9.4l-3.5 3.5-1.4-1.4L6.6 8 3.1 4.5z',
  star: 'M8 1.5l1.9 4 4.4.5-3.3 3 .9 4.4L8 11.2l-3.9 2.2.9-4.4-3.3-3 4.4-.5z',
  pause: 'M4 3h3v10H4zm5 0h3v10H9z',
};

export function StatusBadge({ status }: { status: Status | undefined | null }) {
  const { t, locale } = useI18n();
  if (!status) return <span className="status-badge status-none">{t('status.none')}</span>;
  return (
    <span className="status-badge">
      <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
        <path d={PATHS[status.icon]} fill={status.colour} stroke="#1f2328" strokeWidth="0.6" />
      </svg>
      {locale === 'sv' ? status.labelSv : status.labelEn}
    </span>
  );
}
