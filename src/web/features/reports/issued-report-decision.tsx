import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { REPORT_DECISION_OUTCOMES, type ReportDecisionOutcome } from '../../../domain/control-result.ts';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { InputField, SelectField } from '../../components/fields.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { putIssuedReportDecision, type IssuedReport } from '../../api/reports.ts';
import { invalidateIssuedReports } from '../../api/invalidation.ts';
import { formatDate } from '../../lib/format.ts';
import { useOrgUnits } from '../../lib/reference-data.ts';
import { useSubmit } from '../../lib/use-submit.ts';

type Decision = NonNullable<IssuedReport['decision']>;

/** "Godkänd, Socialnämnden 16 sep. 2026 § 95, dnr SN-2026-120" or "–" when none is recorded. */
export function DecisionText({ decision }: { decision: Decision | null }) {
  const { t, formatLocale } = useI18n();
  if (!decision) return <>{t('decisions.none')}</>;
  return (
    <>
      {t('decisions.summary', {
        outcome: t(`decisions.outcome.${decision.outcome}`),
        body: decision.decisionUnitName,
        date: formatDate(decision.decisionDate, formatLocale),
        paragraph: decision.decisionParagraph ?? '',
        diarienummer: decision.diarienummer ?? '',
      })}
    </>
  );
}

/**
 * Registrera beslut: the decision the nämnd or kommunstyrelsen took on one of the issued
 * reports (godkänd, återremitterad, noterad). A recorded decision is shown in the form and
 * replaced with its version, so that a decision recorded meanwhile by someone else is not lost.
 */
export function RecordDecisionForm({ reports }: { reports: IssuedReport[] }) {
  const { t } = useI18n();
  const units = useOrgUnits();
  const queryClient = useQueryClient();
  const submit = useSubmit();
  const [reportId, setReportId] = useState(reports[0]?.id ?? '');
  const report = reports.find((entry) => entry.id === reportId) ?? reports[0];
  const current = report?.decision ?? null;
  const [unitId, setUnitId] = useState(current?.decisionUnitId ?? report?.unitId ?? '');
  const [date, setDate] = useState(current?.decisionDate ?? '');
  const [paragraph, setParagraph] = useState(current?.decisionParagraph ?? '');
  const [diarienummer, setDiarienummer] = useState(current?.diarienummer ?? '');
  const [outcome, setOutcome] = useState<ReportDecisionOutcome>(current?.outcome ?? 'approved');
  const [done, setDone] = useState(false);
  if (!report) return null;
  const choose = (id: string) => {
    const chosen = reports.find((entry) => entry.id === id);
    setReportId(id);
    setDone(false);
    setUnitId(chosen?.decision?.decisionUnitId ?? chosen?.unitId ?? '');
    setDate(chosen?.decision?.decisionDate ?? '');
    setParagraph(chosen?.decision?.decisionParagraph ?? '');
    setDiarienummer(chosen?.decision?.diarienummer ?? '');
    setOutcome(chosen?.decision?.outcome ?? 'approved');
  };
  return (
    <section aria-labelledby="report-decision">
      <h3 id="report-decision">{t('decisions.record')}</h3>
      <p>{t('decisions.recordHelp')}</p>
      <form
        noValidate
        className="stack"
        onSubmit={(event) => {
          event.preventDefault();
          setDone(false);
          void submit.run(async () => {
            await putIssuedReportDecision(report.id, {
              decisionUnitId: unitId,
              // An empty date is refused by the server, next to its field.
              decisionDate: date,
              decisionParagraph: paragraph.trim() || null,
              diarienummer: diarienummer.trim() || null,
              outcome,
              ...(current ? { version: current.version } : {}),
            });
            setDone(true);
            await invalidateIssuedReports(queryClient);
          });
        }}
      >
        <ErrorSummary error={submit.error} />
        <SelectField
          label={t('decisions.report')}
          value={report.id}
          onChange={choose}
          options={reports.map((entry) => ({
            value: entry.id,
            label: `${entry.title} (${entry.issuedAt.slice(0, 10)})`,
          }))}
        />
        <p>
          {t('decisions.recorded')}: <DecisionText decision={current} />
        </p>
        <SelectField
          label={t('decisions.outcomeLabel')}
          value={outcome}
          onChange={(value) => setOutcome(value as ReportDecisionOutcome)}
          options={REPORT_DECISION_OUTCOMES.map((value) => ({ value, label: t(`decisions.outcome.${value}`) }))}
          errors={submit.fieldErrors('outcome')}
        />
        <SelectField
          label={t('decisions.body')}
          value={unitId}
          onChange={setUnitId}
          options={(units.data ?? []).map((unit) => ({ value: unit.id, label: unit.name }))}
          errors={submit.fieldErrors('decisionUnitId')}
        />
        <InputField
          label={t('decisions.date')}
          type="date"
          value={date}
          onChange={setDate}
          isRequired
          errors={submit.fieldErrors('decisionDate')}
        />
        <InputField
          label={t('decisions.paragraph')}
          value={paragraph}
          onChange={setParagraph}
          errors={submit.fieldErrors('decisionParagraph')}
        />
        <InputField
          label={t('decisions.diarienummer')}
          value={diarienummer}
          onChange={setDiarienummer}
          errors={submit.fieldErrors('diarienummer')}
        />
        <div className="button-row">
          <button type="submit" className="button" aria-disabled={submit.pending}>
            {t('decisions.save')}
          </button>
          <span role="status">{done ? t('decisions.saved') : ''}</span>
        </div>
      </form>
    </section>
  );
}
