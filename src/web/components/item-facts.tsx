import { useI18n } from '../i18n/i18n.tsx';
import { formatDate } from '../lib/format.ts';
import type { Status } from '../lib/reference-data.ts';
import { StatusBadge } from './status-badge.tsx';

interface ItemSchedule {
  responsibleIds: string[];
  reportingIds: string[];
  startDate: string | null;
  checkpoints: string[];
  endDate: string | null;
  statusId: string | null;
  overdue: boolean;
}

/**
 * Who answers for a control, action or activity and when: ansvarig, rapporteringsansvarig,
 * start, avstämningsdatum, slutdatum and the status, with "Försenad" when overdue.
 */
export function ItemFacts({
  item,
  names,
  statusById,
  extra,
}: {
  item: ItemSchedule;
  names: Map<string, string>;
  statusById: Map<string, Status>;
  extra?: { label: string; value: string } | undefined;
}) {
  const { t, formatLocale } = useI18n();
  const people = (ids: string[]) => ids.map((id) => names.get(id) ?? '–').join(', ') || '–';
  return (
    <dl className="facts facts-compact">
      <div>
        <dt>{t('item.responsible')}</dt>
        <dd>{people(item.responsibleIds)}</dd>
      </div>
      {item.reportingIds.length > 0 && (
        <div>
          <dt>{t('itemForm.reporting')}</dt>
          <dd>{people(item.reportingIds)}</dd>
        </div>
      )}
      {extra && (
        <div>
          <dt>{extra.label}</dt>
          <dd>{extra.value}</dd>
        </div>
      )}
      <div>
        <dt>{t('item.start')}</dt>
        <dd>{formatDate(item.startDate, formatLocale)}</dd>
      </div>
      <div>
        <dt>{t('item.checkpoints')}</dt>
        <dd>{item.checkpoints.map((date) => formatDate(date, formatLocale)).join(', ') || '–'}</dd>
      </div>
      <div>
        <dt>{t('myWork.endDate')}</dt>
        <dd>{formatDate(item.endDate, formatLocale)}</dd>
      </div>
      <div>
        <dt>{t('myWork.status')}</dt>
        <dd>
          <StatusBadge status={statusById.get(item.statusId ?? '')} />
          {item.overdue && <span className="tag tag-warning">{t('myWork.overdue')}</span>}
        </dd>
      </div>
    </dl>
  );
}
