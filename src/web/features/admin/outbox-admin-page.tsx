import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { LoadFailed, Loading } from '../../components/page.tsx';
import { FilterSelect } from '../../components/unit-filter.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { OUTBOX_KINDS, outboxQueries, type OutboxKind } from '../../api/outbox.ts';
import { AdminPage } from './admin-nav.tsx';

/**
 * Utkorgen: the reminders, deviation notices, invitations and new-password messages Uppsikt has
 * written, of every kind or one; without SMTP this is where they are read.
 */
export function OutboxAdminPage() {
  const { t, formatLocale } = useI18n();
  const [kind, setKind] = useState<OutboxKind | undefined>(undefined);
  const messages = useQuery(outboxQueries.list(kind));
  const title = t('admin.outbox');
  if (messages.error)
    return (
      <AdminPage title={title}>
        <LoadFailed error={messages.error} retry={() => void messages.refetch()} />
      </AdminPage>
    );
  if (!messages.data)
    return (
      <AdminPage title={title}>
        <Loading />
      </AdminPage>
    );
  const when = (iso: string) =>
    new Intl.DateTimeFormat(formatLocale, {
      dateStyle: 'medium',
      timeStyle: 'short',
      timeZone: 'Europe/Stockholm',
    }).format(new Date(iso));
  return (
    <AdminPage title={title}>
      <p className="lead">{t('admin.outboxIntro')}</p>
      <div className="filters filter-bar" role="group" aria-label={t('filters.label')}>
        <FilterSelect
          label={t('admin.outboxKind')}
          value={kind ?? ''}
          onChange={(value) => setKind((value || undefined) as OutboxKind | undefined)}
          options={OUTBOX_KINDS.map((option) => ({ value: option, label: t(`admin.outboxKind.${option}`) }))}
        />
      </div>
      {messages.data.items.length === 0 ? (
        <p>{kind ? t('admin.outboxNoneOfKind') : t('admin.outboxEmpty')}</p>
      ) : (
        <ul className="item-list">
          {messages.data.items.map((message) => (
            <li key={message.id} className="item-card">
              <h2 className="item-title">{message.subject}</h2>
              <dl className="facts facts-compact">
                <div>
                  <dt>{t('admin.outboxTo')}</dt>
                  <dd>{message.toAddress}</dd>
                </div>
                <div>
                  <dt>{t('admin.outboxKind')}</dt>
                  <dd>{t(`admin.outboxKind.${message.kind}`)}</dd>
                </div>
                <div>
                  <dt>{t('admin.outboxWritten')}</dt>
                  <dd>{when(message.createdAt)}</dd>
                </div>
                <div>
                  <dt>{t('admin.outboxSent')}</dt>
                  <dd>{message.sentAt ? when(message.sentAt) : t('admin.outboxNotSent')}</dd>
                </div>
              </dl>
              {message.error && (
                <p className="notice notice-error">{t('admin.outboxError', { error: message.error })}</p>
              )}
              <details>
                <summary>
                  {t('admin.outboxShow')}
                  <span className="visually-hidden"> {message.subject}</span>
                </summary>
                <pre className="mail-body">{message.body}</pre>
              </details>
            </li>
          ))}
        </ul>
      )}
    </AdminPage>
  );
}
