import { describe, expect, test } from 'vitest';
import type { Access } from '../access/access.ts';
import type { Database } from '../db/client.ts';
import { AppError } from '../errors.ts';
import type { ReportDocument } from './document.ts';
import { buildReportDocument, renderReport } from './generate-report.ts';

// The parts of making a report that need no database: the period asked for, the file's name and
// whether a PDF is the archival kind.

const document = (subtitle: string[]): ReportDocument => ({
  kind: 'plan',
  title: 'Internkontrollplan 2026',
  subtitle,
  language: 'sv',
  outline: false,
  orientation: 'portrait',
  blocks: [{ type: 'paragraph', spans: [{ text: 'Innehåll' }] }],
  labels: { contents: 'Innehåll', page: 'Sida' },
  generatedAt: '2026-06-15T10:00:00.000Z',
});

describe('making a report', () => {
  test('a period that is none (a year, a range, a reporting period’s code or name) is refused at `period`, in both languages, before anything is read', async () => {
    // The command line passes the period as typed; the database and the caller are not reached.
    const attempt = buildReportDocument(undefined as unknown as Database, undefined as unknown as Access, {
      kind: 'plan',
      unitId: 'x',
      period: '2020-Q7',
      format: 'md',
      locale: 'sv',
    });
    const error = await attempt.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).errors).toEqual([
      {
        path: 'period',
        message: {
          sv: '”2020-Q7” är ingen period. Ange ett år (2020), flera år (2020-2021), en rapportperiod som 2020-Q3, 2020-T2, 2020-H1, 2020-D eller 2020-P1, eller namnet på en period i årshjulet.',
          en: '"2020-Q7" is not a period. Give a year (2020), a range (2020-2021), a reporting period such as 2020-Q3, 2020-T2, 2020-H1, 2020-D or 2020-P1, or the name of a period of the reporting calendar.',
        },
      },
    ]);
  });

  test('the file is named by kind, unit and period, in letters a file system takes: å, ä, ö lose their dots, every other run of signs becomes one hyphen', async () => {
    expect(
      (await renderReport(document(['Förvaltning Öst - Väst (2)']), { kind: 'plan', period: '2026', format: 'md' }))
        .fileName,
    ).toBe('plan-forvaltning-ost-vast-2-2026.md');
    expect(
      (await renderReport(document(['Nämnd A']), { kind: 'council-summary', period: '2020-2021', format: 'md' }))
        .fileName,
    ).toBe('council-summary-namnd-a-2020-2021.md');
  });

  test('a PDF is the archival kind (PDF/A) only when asked for', async () => {
    const latin1 = async (archival: boolean | undefined) =>
      Buffer.from(
        (await renderReport(document(['Nämnd A']), { kind: 'plan', period: '2026', format: 'pdf', archival })).bytes,
      ).toString('latin1');
    expect(await latin1(true)).toContain('pdfaid:part');
    expect(await latin1(false)).not.toContain('pdfaid:part');
    expect(await latin1(undefined)).not.toContain('pdfaid:part');
  });
});
