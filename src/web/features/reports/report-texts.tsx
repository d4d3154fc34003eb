import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { REPORT_TEXT_SECTIONS, type ReportKind } from '../../../domain/report-kind.ts';
import { LoadFailed, Loading } from '../../components/page.tsx';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { MarkdownField } from '../../components/markdown-field.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { putReportText, reportQueries, type ReportText, type ReportTextKind } from '../../api/reports.ts';
import { invalidateReportTexts } from '../../api/invalidation.ts';
import { useSubmit } from '../../lib/use-submit.ts';

/** The tenant-editable texts of a report kind (introduction, guidance, evaluation), for one unit and year. */
export function ReportTexts({ kind, unitId, year }: { kind: ReportKind; unitId: string; year: number }) {
  const { t } = useI18n();
  const sections = (REPORT_TEXT_SECTIONS as Partial<Record<ReportKind, readonly string[]>>)[kind];
  const texts = useQuery({ ...reportQueries.texts(kind, unitId), enabled: sections !== undefined });
  if (!sections) return null;
  return (
    <section aria-labelledby="report-texts">
      <h2 id="report-texts">{t('reports.texts')}</h2>
      <p>{t('reports.textsHelp', { year })}</p>
      {texts.error ? (
        <LoadFailed error={texts.error} retry={() => void texts.refetch()} />
      ) : !texts.data ? (
        <Loading />
      ) : (
        sections.map((section) => {
          const ofSection = texts.data.items.filter((text) => text.section === section);
          const own = ofSection.find((text) => text.unitId === unitId && text.year === year) ?? null;
          const rank = (text: ReportText) => (text.unitId ? 2 : 0) + (text.year === year ? 1 : 0);
          const fallback =
            ofSection.filter((text) => text.year === null || text.year === year).sort((a, b) => rank(b) - rank(a))[0] ??
            null;
          return (
            <SectionText
              key={section}
              kind={kind}
              section={section}
              unitId={unitId}
              year={year}
              own={own}
              fallback={own ? null : fallback}
            />
          );
        })
      )}
    </section>
  );
}

function SectionText({
  kind,
  section,
  unitId,
  year,
  own,
  fallback,
}: {
  kind: ReportKind;
  section: string;
  unitId: string;
  year: number;
  own: ReportText | null;
  fallback: ReportText | null;
}) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const submit = useSubmit();
  const [body, setBody] = useState(own?.body ?? fallback?.body ?? '');
  const [saved, setSaved] = useState(false);
  // The version this form changes: the unit's own text, once there is one.
  const [version, setVersion] = useState(own?.version ?? null);
  const label = t(`reports.section.${section}` as 'reports.section.introduction');
  return (
    <form
      noValidate
      className="stack"
      onSubmit={(event) => {
        event.preventDefault();
        setSaved(false);
        void submit.run(async () => {
          const written = await putReportText({
            reportKind: kind as ReportTextKind,
            section,
            unitId,
            year,
            body,
            ...(version === null ? {} : { version }),
          });
          setVersion(written.version);
          setSaved(true);
          await invalidateReportTexts(queryClient, kind, unitId);
        });
      }}
    >
      <ErrorSummary error={submit.error} />
      <MarkdownField
        label={label}
        description={
          version === null && fallback
            ? t('reports.textFromFallback')
            : version === null
              ? t('reports.textMissing')
              : undefined
        }
        value={body}
        onChange={setBody}
        rows={6}
        errors={submit.fieldErrors('body')}
      />
      <div className="button-row">
        <button type="submit" className="button" aria-disabled={submit.pending}>
          {t('reports.saveText')}
          <span className="visually-hidden"> {label}</span>
        </button>
        <span role="status">{saved ? t('reports.textSaved') : ''}</span>
      </div>
    </form>
  );
}
