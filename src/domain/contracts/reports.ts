import { z } from 'zod';
import { parseReportPeriod } from '../report-period.ts';
import { REPORT_DECISION_OUTCOMES } from '../control-result.ts';
import { booleanQuery, calendarDate, id, markdown, optionalShortText } from './common.ts';

import { REPORT_FORMATS, REPORT_KINDS, REPORT_TEXT_SECTIONS } from '../report-kind.ts';

export {
  REPORT_FORMATS,
  REPORT_KINDS,
  REPORT_TEXT_SECTIONS,
  TABULAR_REPORT_KINDS,
  WHOLE_YEAR_REPORT_KINDS,
  type ReportFormat,
  type ReportKind,
} from '../report-kind.ts';

export const reportPeriod = z
  .string()
  .refine((value) => parseReportPeriod(value) !== null, {
    message:
      'must be a year such as 2020, a range such as 2020-2021, a reporting period such as 2020-Q3, 2020-T2, 2020-H1, 2020-D or 2020-P1, or the name of a period of the reporting calendar',
  })
  .meta({
    description:
      'The period: plan years ("2020", "2020-2021"), or a reporting period of the årshjul: "2020-Q3" (kvartal), "2020-T2" (tertial), "2020-H1" (halvår), "2020-D" / "2020-D2" (delår), "2020-P1" (prognos), or a period\'s name ("Delår 1 2026"). plan and council-summary take plan years only.',
    example: '2020',
  });

export const reportKindParam = z.strictObject({ kind: z.enum(REPORT_KINDS).meta({ description: 'The report kind.' }) });

export const reportQuery = z.strictObject({
  unit: id.meta({
    description: 'The unit the report is about (for council-summary: the unit whose nämnder and bolag it sums up).',
  }),
  period: reportPeriod,
  format: z.enum(REPORT_FORMATS).default('pdf'),
  archival: booleanQuery.optional().meta({ description: 'PDF only: PDF/A-2a, for the archive.' }),
  lang: z
    .enum(['sv', 'en'])
    .optional()
    .meta({ description: 'The report language; else Accept-Language, Swedish by default.' }),
  plan: id.optional().meta({
    description:
      "The plan to report on (of the unit and period). Default: the unit's adopted plan for the period, else its newest draft. Not for council-summary or deviations.",
  }),
  revision: z.coerce.number().int().min(1).optional().meta({
    description:
      "Report on a frozen version of the plan: 1 is the plan as adopted. Default: the adopted plan's latest revision. Not for council-summary or deviations.",
  }),
});

export const issueReportBody = z
  .strictObject({
    unitId: id,
    period: reportPeriod,
    format: z.enum(['docx', 'pdf', 'xlsx']).default('pdf'),
    note: z
      .string()
      .trim()
      .max(500)
      .optional()
      .meta({ description: 'Why or to whom it was sent, e.g. the nämnd meeting.' }),
  })
  .meta({ id: 'IssueReport' });

/** The decision the nämnd or kommunstyrelsen took on an issued report. */
export const issuedReportDecision = z
  .object({
    id,
    decisionUnitId: id,
    decisionUnitName: z.string(),
    decisionDate: calendarDate,
    decisionParagraph: z.string().nullable(),
    diarienummer: z.string().nullable(),
    outcome: z.enum(REPORT_DECISION_OUTCOMES),
    note: z.string().nullable(),
    recordedByName: z.string().nullable(),
    version: z.int(),
    updatedAt: z.string(),
  })
  .meta({ id: 'IssuedReportDecision' });

export const issuedReportDecisionPut = z
  .strictObject({
    decisionUnitId: id.meta({ description: 'The body that decided: the nämnd or kommunstyrelsen.' }),
    decisionDate: calendarDate.meta({ description: 'The date of the sammanträde.' }),
    decisionParagraph: optionalShortText.optional().meta({ description: 'Protokoll §, e.g. "§95".' }),
    diarienummer: optionalShortText.optional(),
    outcome: z
      .enum(REPORT_DECISION_OUTCOMES)
      .meta({ description: 'approved (godkänd), referred_back (återremitterad) or noted (noterad).' }),
    note: markdown.nullable().optional(),
    version: z.int().min(1).optional().meta({
      description: 'The version of the recorded decision you replace (or If-Match); leave out to record the first.',
    }),
  })
  .meta({ id: 'IssuedReportDecisionPut' });

/** An issued report: an immutable copy of the exact bytes that went to the nämnd. */
export const issuedReport = z
  .object({
    id,
    kind: z.enum(REPORT_KINDS),
    unitId: id,
    unitName: z.string(),
    period: z.string(),
    format: z.string(),
    title: z.string(),
    fileName: z.string(),
    byteSize: z.int(),
    sha256: z.string().meta({ description: 'SHA-256 of the file, hex: proves the download is the issued document.' }),
    note: z.string().nullable(),
    issuedAt: z.string(),
    issuedById: id,
    issuedByName: z.string(),
    decision: issuedReportDecision
      .nullable()
      .meta({ description: 'The decision taken on the report, once recorded; null before.' }),
  })
  .meta({ id: 'IssuedReport' });

export const issuedReportListQuery = z.strictObject({
  unit: id.optional().meta({ description: 'Only reports about this unit.' }),
  kind: z.enum(REPORT_KINDS).optional(),
});

export const reportText = z
  .object({
    id,
    reportKind: z.string().meta({ description: 'The report kind, e.g. "improvement-actions".' }),
    section: z.string().meta({ description: 'e.g. "introduction"; see REPORT_TEXT_SECTIONS in the API guide.' }),
    unitId: id.nullable().meta({ description: 'Null: the whole tenant.' }),
    year: z.int().nullable().meta({ description: 'Null: every year.' }),
    body: z.string().meta({ description: 'Markdown.' }),
    version: z.int(),
    updatedAt: z.string(),
  })
  .meta({ id: 'ReportText' });

export const reportTextPut = z
  .strictObject({
    reportKind: z.enum(
      Object.keys(REPORT_TEXT_SECTIONS) as [
        keyof typeof REPORT_TEXT_SECTIONS,
        ...(keyof typeof REPORT_TEXT_SECTIONS)[],
      ],
    ),
    section: z.string().trim().min(1).max(60),
    unitId: id.nullable().default(null),
    year: z.int().min(1990).max(2100).nullable().default(null),
    body: z.string().trim().min(1).max(100_000),
    version: z.int().min(1).optional().meta({ description: 'The version you changed; leave out to write a new text.' }),
  })
  .meta({ id: 'ReportTextPut' });

export const reportTextListQuery = z.strictObject({
  reportKind: z.string().optional(),
  unit: id.optional().meta({ description: 'Texts for this unit and the tenant-wide ones.' }),
});
