import { useQuery } from '@tanstack/react-query';
import { useParams, useRouter } from '@tanstack/react-router';
import { LoadFailed, Loading, Page } from '../../components/page.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { archiveQueries, isArchivable } from '../../api/archive.ts';
import { auditEventQueries } from '../../api/audit-events.ts';
import { ArchiveButton } from '../../components/archive-button.tsx';
import { frequencyText, reportsToText } from '../../components/structured-fields.tsx';
import { formatDateTime, plainValue } from '../../lib/format.ts';
import type { ControlFrequency } from '../../../domain/control-frequency.ts';
import { REPORT_RECIPIENTS, RISK_RESPONSES } from '../../../domain/risk-response.ts';

/** Field names as users know them from the forms; others are shown as stored. */
const FIELD_LABELS: Record<string, { sv: string; en: string }> = {
  title: { sv: 'Rubrik', en: 'Title' },
  description: { sv: 'Beskrivning', en: 'Description' },
  statusId: { sv: 'Status', en: 'Status' },
  startDate: { sv: 'Start', en: 'Start' },
  endDate: { sv: 'Slutdatum', en: 'End date' },
  checkpoints: { sv: 'Avstämning', en: 'Checkpoints' },
  responsibleIds: { sv: 'Ansvarig', en: 'Responsible' },
  reportingIds: { sv: 'Rapporteringsansvarig', en: 'Reporting' },
  likelihood: { sv: 'Sannolikhet', en: 'Likelihood' },
  consequence: { sv: 'Konsekvens', en: 'Consequence' },
  whatToDo: { sv: 'Vad ska göras', en: 'What is to be done' },
  measuresTaken: { sv: 'Genomförda åtgärder', en: 'Measures taken' },
  method: { sv: 'Metod', en: 'Method' },
  frequency: { sv: 'Frekvens', en: 'Frequency' },
  process: { sv: 'Process/område', en: 'Process/area' },
  processId: { sv: 'Process/område', en: 'Process/area' },
  categoryId: { sv: 'Riskkategori', en: 'Risk category' },
  cause: { sv: 'Orsak', en: 'Cause' },
  effect: { sv: 'Följd om risken inträffar', en: 'Effect if the risk occurs' },
  ownerId: { sv: 'Riskägare', en: 'Risk owner' },
  response: { sv: 'Hantering av risken', en: 'Response to the risk' },
  responseMotivation: { sv: 'Motivering till hanteringen', en: 'Motivation for the response' },
  legalReferences: { sv: 'Lagar, regler och styrdokument', en: 'Laws, regulations and steering documents' },
  methodId: { sv: 'Metod', en: 'Method' },
  scope: { sv: 'Omfattning och urval', en: 'Scope and sample' },
  reportingTime: { sv: 'Tidpunkt för rapportering', en: 'Time of reporting' },
  reportsTo: { sv: 'Rapporteras till', en: 'Reported to' },
  severityId: { sv: 'Allvarlighet', en: 'Severity' },
  archivedAt: { sv: 'Arkiverad', en: 'Archived' },
  body: { sv: 'Uppföljning', en: 'Follow-up' },
  unitId: { sv: 'Enhet', en: 'Unit' },
  parentId: { sv: 'Överordnad enhet', en: 'Parent unit' },
  responsibleUnitId: { sv: 'Ansvarig enhet', en: 'Responsible unit' },
  decisionUnitId: { sv: 'Beslutande organ', en: 'Decision-making body' },
  kind: { sv: 'Typ', en: 'Kind' },
  name: { sv: 'Namn', en: 'Name' },
  shortName: { sv: 'Kortnamn', en: 'Short name' },
  email: { sv: 'E-post', en: 'Email' },
  locale: { sv: 'Språk', en: 'Language' },
  role: { sv: 'Roll', en: 'Role' },
  userId: { sv: 'Person', en: 'Person' },
  startYear: { sv: 'Startår', en: 'Start year' },
  endYear: { sv: 'Slutår', en: 'End year' },
  year: { sv: 'År', en: 'Year' },
  state: { sv: 'Läge', en: 'State' },
  decisionDate: { sv: 'Beslutsdatum', en: 'Decision date' },
  decisionParagraph: { sv: 'Paragraf', en: 'Paragraph' },
  diarienummer: { sv: 'Diarienummer', en: 'Case number' },
  adoptedAt: { sv: 'Fastställd', en: 'Adopted' },
  closedAt: { sv: 'Avslutad', en: 'Closed' },
  planId: { sv: 'Plan', en: 'Plan' },
  riskId: { sv: 'Risk', en: 'Risk' },
  controlId: { sv: 'Kontrollmoment', en: 'Control' },
  actionId: { sv: 'Åtgärd', en: 'Action' },
  periodId: { sv: 'Period', en: 'Period' },
  authorId: { sv: 'Skriven av', en: 'Written by' },
  reviewedById: { sv: 'Granskad av', en: 'Reviewed by' },
  assessedById: { sv: 'Bedömd av', en: 'Assessed by' },
  foundById: { sv: 'Upptäckt av', en: 'Found by' },
  foundOn: { sv: 'Upptäckt den', en: 'Found on' },
  reportedToId: { sv: 'Rapporterad till', en: 'Reported to' },
  reportedOn: { sv: 'Rapporterad den', en: 'Reported on' },
  analysis: { sv: 'Analys', en: 'Analysis' },
  reviewState: { sv: 'Granskningsläge', en: 'Review state' },
  reviewComment: { sv: 'Kommentar vid granskning', en: 'Review comment' },
  findings: { sv: 'Iakttagelser', en: 'Findings' },
  meetingDate: { sv: 'Sammanträdesdatum', en: 'Meeting date' },
  riskValue: { sv: 'Riskvärde', en: 'Risk value' },
  date: { sv: 'Datum', en: 'Date' },
  agenda: { sv: 'Dagordning', en: 'Agenda' },
  number: { sv: 'Nummer', en: 'Number' },
  deactivatedAt: { sv: 'Inaktiverad', en: 'Deactivated' },
};

/** The audit trail of one item: who changed what and when, each field before and after. */
export function HistoryPage() {
  const { t, locale, formatLocale } = useI18n();
  const { entityType, entityId } = useParams({ from: '/historik/$entityType/$entityId' });
  const router = useRouter();
  // The server names the item, and the people, units, statuses and vocabulary entries in the changes.
  const events = useQuery(auditEventQueries.list(entityId));
  const archivable = isArchivable(entityType) ? { type: entityType, id: entityId } : null;
  const entity = useQuery({
    ...archiveQueries.state(archivable ?? { type: 'plan', id: entityId }),
    enabled: archivable !== null,
  });
  const itemTitle = events.data?.find((event) => event.entityTitle !== null)?.entityTitle ?? null;
  const title = itemTitle ? t('history.titleOf', { title: itemTitle }) : t('history.title');
  if (events.error)
    return (
      <Page title={title}>
        <LoadFailed error={events.error} />
      </Page>
    );
  if (!events.data)
    return (
      <Page title={title}>
        <Loading />
      </Page>
    );

  function show(names: Record<string, string>, field: string, value: unknown): string {
    if (typeof value === 'string' && names[value] !== undefined) return names[value];
    const response = field === 'response' ? RISK_RESPONSES.find((candidate) => candidate === value) : undefined;
    if (response) return t(`riskResponse.${response}`);
    if (field === 'reportsTo' && Array.isArray(value))
      return reportsToText(
        REPORT_RECIPIENTS.filter((recipient) => value.includes(recipient)),
        t,
      );
    if (field === 'frequency' && typeof value === 'object')
      return frequencyText(value as ControlFrequency | null, t, formatLocale);
    if (Array.isArray(value))
      return plainValue(
        (value as unknown[]).map((entry): unknown => (typeof entry === 'string' ? (names[entry] ?? entry) : entry)),
      );
    const text = plainValue(value);
    return text.length > 300 ? `${text.slice(0, 300)} …` : text;
  }

  return (
    <Page title={title}>
      <p className="lead">
        {t('history.intro', { kind: t(`entityType.${entityType}` as 'entityType.risk') ?? entityType })}
      </p>
      <p>
        <button type="button" className="button button-quiet" onClick={() => router.history.back()}>
          {t('history.back')}
        </button>
      </p>
      {archivable && entity.data?.archivedAt && (
        <div className="notice notice-warning">
          <p>{t('archive.isArchived')}</p>
          <ArchiveButton
            entity={archivable}
            name={entity.data.title ?? t(`entityType.${entityType}` as 'entityType.risk')}
            archived
            onDone={() => void entity.refetch()}
          />
        </div>
      )}
      {events.data.length === 0 ? (
        <p>{t('history.none')}</p>
      ) : (
        <ol className="history">
          {events.data.map((event) => (
            <li key={event.id} className="history-event">
              <h2 className="history-heading">
                {formatDateTime(event.occurredAt, formatLocale)} · {event.actorName ?? event.actorLabel ?? '–'}
                {event.actorToken &&
                  ` ${t('history.viaToken', { token: event.actorToken.name, createdBy: event.actorToken.createdByName })}`}{' '}
                · {t(`operation.${event.operation}` as 'operation.update') ?? event.operation}
              </h2>
              <div
                className="table-scroll"
                role="region"
                aria-label={t('history.changesAt', { time: formatDateTime(event.occurredAt, formatLocale) })}
                tabIndex={0}
              >
                <table className="table table-compact">
                  <thead>
                    <tr>
                      <th scope="col">{t('history.field')}</th>
                      <th scope="col">{t('history.before')}</th>
                      <th scope="col">{t('history.after')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {Object.entries(event.changes).map(([field, [before, after]]) => (
                      <tr key={field}>
                        <th scope="row">{FIELD_LABELS[field]?.[locale] ?? field}</th>
                        <td>{show(event.names, field, before)}</td>
                        <td>{show(event.names, field, after)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </li>
          ))}
        </ol>
      )}
    </Page>
  );
}
