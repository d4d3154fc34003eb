import { writeFileSync } from 'node:fs';
import { and, inArray, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ReportFormat, ReportKind } from '../../../domain/report-kind.ts';
import { fixedClock } from '../../../domain/clock.ts';
import { operatorAccess } from '../../access/access.ts';
import type { DatabaseHandle } from '../../db/client.ts';
import { controlResults } from '../../db/schema/control-results.ts';
import { loadDemoData } from '../../demo/load-demo-data.ts';
import { CURRENT_YEAR_DEVIATION } from '../../demo/current-year-enrichment.ts';
import { AppError } from '../../errors.ts';
import { demoFixturesFolder } from '../../paths.ts';
import { buildReportDocument, renderReport } from '../generate-report.ts';
import { findScopeByNames } from '../report-scope.ts';
import { labelsFor } from '../report-context.ts';
import { planOfReport } from './kind-helpers.ts';
import { createTestDatabase } from '../../../../test/support/test-database.ts';
import { demoClock } from '../../../../test/support/demo-clock.ts';
import { DEMO_REPORT_SCOPES } from '../../../../test/support/report-contexts.ts';
import { docxText, pdfText } from '../../../../test/support/seed-fidelity.ts';

// The Internkontrollrapport and the period report on the demo data: Utbildningsnämnden of
// exempelkommun-b, its seed plan of 2020 (quarters in the årshjul, no results recorded) and its
// current-year plan (2026 on the demo clock), which has a result per ended checkpoint and one
// result "med avvikelse" whose deviation an action answers. Checked in Markdown, PDF and DOCX.

describe('the internal control report on the demo data', () => {
  let database: DatabaseHandle;
  let scope: { tenantId: string; unitId: string };
  const generate = async (kind: ReportKind, period: string, format: ReportFormat, locale: 'sv' | 'en' = 'sv') => {
    const request = { kind, unitId: scope.unitId, period, format, locale };
    const access = operatorAccess(scope.tenantId, fixedClock('2026-06-15T10:00:00Z'));
    return renderReport(await buildReportDocument(database.db, access, request), request);
  };
  const md = async (kind: ReportKind, period: string, locale: 'sv' | 'en' = 'sv') =>
    (await generate(kind, period, 'md', locale)).bytes.toString('utf8');

  beforeAll(async () => {
    database = await createTestDatabase();
    await loadDemoData(database.db, { fixturesFolder: demoFixturesFolder, clock: demoClock });
    scope = await findScopeByNames(database.db, 'exempelkommun-b', 'Utbildningsnämnden');
  });
  afterAll(() => database.close());

  /** The controls the report shows (the adopted revision of the current-year plan) and their results, read apart from the report. */
  async function currentYear() {
    const context = {
      db: database.db,
      tenantId: scope.tenantId,
      unit: { id: scope.unitId, name: 'Utbildningsnämnden' },
      startYear: 2026,
      endYear: 2026,
      locale: 'sv' as const,
      labels: labelsFor('sv'),
      today: '2026-06-15',
      generatedAt: '2026-06-15T10:00:00.000Z',
      readableUnitIds: 'all' as const,
    };
    const { facts } = await planOfReport(context, 'internal_control');
    const controlIds = facts.risks.flatMap((risk) => risk.controls.map((control) => control.id));
    const resultRows = await database.db
      .select()
      .from(controlResults)
      .where(and(inArray(controlResults.controlId, controlIds), isNull(controlResults.archivedAt)));
    return { plan: facts, controlIds, resultRows };
  }

  test('the current year: every control counted once, the results, the deviation with its severity and action', async () => {
    const { plan, controlIds, resultRows } = await currentYear();
    expect(resultRows.length).toBeGreaterThan(0);
    const report = await md('internal-control-report', '2026');
    expect(report).toContain('# Internkontrollrapport 2026');
    expect(report).toContain(`${plan.title}, antagen`);
    expect(report).toContain('Beslut i kraft:');

    // The total row counts every control once, by outcome, as the database holds them.
    const withResult = new Set(resultRows.map((row) => row.controlId)).size;
    expect(report).toContain(
      `${withResult} av ${controlIds.length} kontrollmoment har ett resultat registrerat för perioden.`,
    );
    const total = report.split('\n').find((line) => line.startsWith('| Totalt |'))!;
    const cells = total.split('|').map((part) => part.trim());
    expect(Number(cells[3])).toBe(controlIds.length);
    expect(Number(cells[4]) + Number(cells[5]) + Number(cells[6]) + Number(cells[7])).toBe(controlIds.length);
    expect(Number(cells[7])).toBe(controlIds.length - withResult);
    // A control is counted by its latest result: the one that found the deviation was carried out without remarks since.
    const latest = new Map<string, string>();
    for (const result of resultRows.sort((a, b) => (a.performedOn ?? '').localeCompare(b.performedOn ?? '')))
      latest.set(result.controlId, result.outcome);
    const counted = (outcome: string) => [...latest.values()].filter((value) => value === outcome).length;
    expect([Number(cells[4]), Number(cells[5]), Number(cells[6])]).toEqual([
      counted('no_remarks'),
      counted('with_deviation'),
      counted('not_performed'),
    ]);
    expect(cells[8]).toContain(`${CURRENT_YEAR_DEVIATION.severity}: 1`);

    // The result "med avvikelse" with its comment, and the deviation answered by the action.
    expect(report).toContain(`| Genomförd med avvikelse |`);
    expect(report).toContain(CURRENT_YEAR_DEVIATION.resultComment);
    const deviationRow = report.split('\n').find((line) => line.startsWith(`| ${CURRENT_YEAR_DEVIATION.title}`))!;
    expect(deviationRow).toContain(`| ${CURRENT_YEAR_DEVIATION.control} |`);
    expect(deviationRow).toContain(`| ${CURRENT_YEAR_DEVIATION.severity} |`);
    expect(deviationRow).toContain(CURRENT_YEAR_DEVIATION.action.title);
    expect(deviationRow).toMatch(/Status: /);
    expect(report).toContain(
      'Utbildningsnämnden föreslås besluta att godkänna internkontrollrapporten för 2026 och lägga den till handlingarna.',
    );
  });

  test('the first quarter’s period report holds only the first quarter’s results', async () => {
    const report = await md('period-report', '2026-Q1');
    expect(report).toContain('# Uppföljning internkontroll Kvartal 1 2026');
    expect(report).toContain('Rapportperiod: Kvartal 1 2026 (2026-01-01 – 2026-03-31)');
    expect(report).toContain('| Kvartal 1 2026 |');
    expect(report).not.toContain('Kvartal 2 2026');
    const half = await md('period-report', '2026-H1');
    expect(half).toContain('# Halvårsrapport internkontroll Halvår 1 2026');
    expect(half).toContain('| Kvartal 2 2026 |');
  });

  test('the seed plan of 2020, for the year and for its third quarter', async () => {
    const year = await md('internal-control-report', DEMO_REPORT_SCOPES['internal-control-report'].period);
    expect(year).toContain('# Internkontrollrapport 2020');
    expect(year).toContain('Internkontrollplan 2020, antagen');
    expect(year).toContain('# Sammanfattning per process');
    expect(year).toContain('# Förslag till beslut');
    expect(year).not.toMatch(/undefined|null|NaN|\{|\}/);
    const quarter = await md('period-report', DEMO_REPORT_SCOPES['period-report'].period);
    expect(quarter).toContain('# Uppföljning internkontroll Kvartal 3 2020');
    expect(quarter).toContain('Rapportperiod: Kvartal 3 2020');
    const english = await md('period-report', '2020-H2', 'en');
    expect(english).toContain('# Half-year internal control report Half year 2 2020');
    expect(english).toContain('# Proposed decision');
    await expect(generate('period-report', '2020', 'md')).rejects.toSatisfy(
      (error: unknown) => error instanceof AppError && error.errors[0]?.path === 'period',
    );
  });

  test('as PDF and DOCX', async () => {
    for (const [kind, period] of [
      ['internal-control-report', '2026'],
      ['period-report', '2026-H1'],
    ] as const) {
      const pdf = await generate(kind, period, 'pdf');
      const docx = await generate(kind, period, 'docx');
      if (process.env.REPORT_OUT) writeFileSync(`${process.env.REPORT_OUT}/${kind}.pdf`, pdf.bytes);
      for (const content of [pdfText(pdf.bytes), docxText(docx.bytes)].map((value) => value.replace(/\s+/g, ' '))) {
        expect(content).toContain('Sammanfattning per process');
        expect(content).toContain('Resultat per kontrollmoment');
        expect(content).toContain(CURRENT_YEAR_DEVIATION.title);
        expect(content).toContain(CURRENT_YEAR_DEVIATION.action.title);
        expect(content).toContain('Förslag till beslut');
      }
    }
  });
});
