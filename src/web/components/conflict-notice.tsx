import { useEffect, useRef } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { useQuery } from '@tanstack/react-query';
import { auditEventQueries } from '../api/audit-events.ts';
import { formatDateTime, plainValue } from '../lib/format.ts';

export interface ConflictField {
  key: string;
  label: string;
  /** How the value is shown; the raw value by default. */
  show?: (value: unknown) => string;
}

/**
 * Someone else saved the same thing while the user was editing (409). Says who changed what, in
 * the words of the form, and lets the user either save their own version over it or take the
 * other version. The user's text stays in the form until they choose.
 */
export function ConflictNotice({
  base,
  current,
  fields,
  onKeepMine,
  onTakeTheirs,
}: {
  base: Record<string, unknown>;
  current: Record<string, unknown>;
  fields: ConflictField[];
  onKeepMine: () => void;
  onTakeTheirs: () => void;
}) {
  const { t, formatLocale } = useI18n();
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => box.current?.focus(), []);
  // Who saved the newer version, and when: the newest event of the entity's audit trail.
  const entityId = typeof current.id === 'string' ? current.id : undefined;
  const latest = useQuery({
    ...auditEventQueries.latest(entityId ?? '', current.version),
    enabled: entityId !== undefined,
  });
  const who = latest.data?.items[0];
  const changed = fields.filter(
    (field) => JSON.stringify(base[field.key] ?? null) !== JSON.stringify(current[field.key] ?? null),
  );
  return (
    <div ref={box} tabIndex={-1} role="alert" className="notice notice-warning conflict">
      <p>
        <strong>{t('conflict.title')}</strong> {t('conflict.detail')}
      </p>
      {who?.actorName && (
        <p>{t('conflict.savedBy', { name: who.actorName, time: formatDateTime(who.occurredAt, formatLocale) })}</p>
      )}
      {changed.length > 0 && (
        <>
          <p>{t('conflict.changedFields')}</p>
          <dl className="conflict-list">
            {changed.map((field) => (
              <div key={field.key}>
                <dt>{field.label}</dt>
                <dd>{(field.show ?? plainValue)(current[field.key])}</dd>
              </div>
            ))}
          </dl>
        </>
      )}
      <p>{t('conflict.yourTextKept')}</p>
      <div className="button-row">
        <button type="button" className="button button-primary" onClick={onKeepMine}>
          {t('conflict.keepMine')}
        </button>
        <button type="button" className="button" onClick={onTakeTheirs}>
          {t('conflict.takeTheirs')}
        </button>
      </div>
    </div>
  );
}
