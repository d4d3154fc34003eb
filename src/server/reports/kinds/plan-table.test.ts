import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { docxText, pdfText } from '../../../../test/support/seed-fidelity.ts';
import { demoClock } from '../../../../test/support/demo-clock.ts';
import { createTestDatabase } from '../../../../test/support/test-database.ts';
import { fixedClock } from '../../../domain/clock.ts';
import type { ReportFormat } from '../../../domain/report-kind.ts';
import { operatorAccess } from '../../access/access.ts';
import type { DatabaseHandle } from '../../db/client.ts';
import { planVersions } from '../../db/schema/plan-versions.ts';
import { plans } from '../../db/schema/plans.ts';
import { loadDemoData } from '../../demo/load-demo-data.ts';
import { demoFixturesFolder } from '../../paths.ts';
import { snapshotHash, snapshotOf, type PlanSnapshot } from '../../plan-model/snapshot.ts';
import type { Block, ReportDocument, Table } from '../document.ts';
import { plainText } from '../document.ts';
import { buildReportDocument, renderReport } from '../generate-report.ts';
import { labelsFor } from '../report-context.ts';
import { findScopeByNames } from '../report-scope.ts';
import { planOfReport } from './kind-helpers.ts';

// The internkontrollplan as the classic table a nämnd receives (plan-table), made from the demo
// data: the current-year plan of Utbildningsnämnden (2026, adopted, its controls with method,
// scope, frequency, tidpunkt, recipients and one naming the förvaltningschef's function) and the
// seed plan it was rolled over from (2020, no processes, no decision recorded). Each row is
// checked against the plan it shows, and in every format the words a reader finds.

const COLUMNS_SV = [
  'Risk',
  'Riskkategori',
  'Riskvärde',
  'Kontrollmoment',
  'Kontrollmetod',
  'Omfattning',
  'Frekvens',
  'Tidpunkt',
  'Kontrollansvarig',
  'Rapporteras till',
];
const COLUMNS_EN = [
  'Risk',
  'Risk category',
  'Risk value',
  'Control',
  'Control method',
  'Scope',
  'Frequency',
  'Reporting time',
  'Control owner',
  'Reports to',
];

/** The columns of a plan whose risks have no category (the seed plans): no column for it. */
const withoutCategory = (columns: string[]) => columns.filter((_, index) => index !== 1);

/** The process headings (level 2) and the table under each, in the document's order. */
function groups(document: ReportDocument): { process: string; table: Table }[] {
  const found: { process: string; table: Table }[] = [];
  document.blocks.forEach((block, index) => {
    const next: Block | undefined = document.blocks[index + 1];
    if (block.type === 'heading' && block.level === 2 && next?.type === 'table')
      found.push({ process: block.text, table: next.table });
  });
  return found;
}

const rowText = (row: Table['rows'][number]) => row.map((cell) => plainText(cell.blocks));
const squeeze = (value: string) => value.replace(/\s+/g, ' ').trim();

describe('the internkontrollplan as a table (plan-table), on the demo data', () => {
  let database: DatabaseHandle;
  let scope: { tenantId: string; unitId: string };
  const access = () => operatorAccess(scope.tenantId, fixedClock('2026-06-15T10:00:00Z'));
  const request = (period: string, format: ReportFormat, locale: 'sv' | 'en' = 'sv', revision?: number) => ({
    kind: 'plan-table' as const,
    unitId: scope.unitId,
    period,
    format,
    locale,
    ...(revision === undefined ? {} : { revision }),
  });
  const documentOf = (period: string, locale: 'sv' | 'en' = 'sv', revision?: number) =>
    buildReportDocument(database.db, access(), request(period, 'md', locale, revision));
  const bytesOf = async (period: string, format: ReportFormat, locale: 'sv' | 'en' = 'sv') =>
    (await renderReport(await documentOf(period, locale), request(period, format, locale))).bytes;
  const factsOf = async (year: number) =>
    (
      await planOfReport(
        {
          db: database.db,
          tenantId: scope.tenantId,
          unit: { id: scope.unitId, name: 'Utbildningsnämnden' },
          startYear: year,
          endYear: year,
          locale: 'sv',
          labels: labelsFor('sv'),
          today: '2026-06-15',
          generatedAt: '2026-06-15T10:00:00.000Z',
          readableUnitIds: 'all',
        },
        'internal_control',
      )
    ).facts;

  beforeAll(async () => {
    database = await createTestDatabase();
    await loadDemoData(database.db, { fixturesFolder: demoFixturesFolder, clock: demoClock });
    scope = await findScopeByNames(database.db, 'exempelkommun-b', 'Utbildningsnämnden');
  });
  afterAll(() => database.close());

  test('the current-year plan: the decision, the matrix, then one row per control grouped by process', async () => {
    const document = await documentOf('2026');
    expect(document.kind).toBe('plan-table');
    expect(document.orientation).toBe('landscape');
    expect(document.title).toBe('Internkontrollplan 2026');
    expect(document.subtitle).toEqual([
      'Utbildningsnämnden',
      '2026',
      'Internkontrollplan 2026, antagen 2025-12-09 § 112, revision 1',
    ]);
    const topHeadings = document.blocks.flatMap((block) =>
      block.type === 'heading' && block.level === 1 ? [block.text] : [],
    );
    expect(topHeadings).toEqual(['Beslut', 'Riskmatris', 'Kontrollmoment per process']);
    expect(plainText(document.blocks.slice(1, 2))).toBe(
      'Beslut i kraft: Utbildningsnämnden 2025-12-09 § 112, dnr UN 2025/0187, gäller från 2026-01-01.',
    );

    // The processes in alphabetical order, each once, every table with the ten columns' titles.
    const found = groups(document);
    expect(found.map((group) => group.process)).toEqual([
      'Dokument- och ärendehantering',
      'Ekonomi',
      'Myndighetsutövning',
      'Personal',
      'Styra och leda',
    ]);
    for (const group of found) {
      expect(group.table.columns.map((column) => column.title)).toEqual(COLUMNS_SV);
      expect(group.table.caption).toBe(group.process);
    }

    // Against the plan itself: under each process exactly its risks' controls, in the plan's
    // order, a risk without a control in one row that says so.
    const facts = await factsOf(2026);
    // The risk with the goals it threatens, where it has any.
    const riskText = (risk: (typeof facts.risks)[number]) =>
      [risk.title, ...(risk.goals.length > 0 ? [`Mål: ${risk.goals.join(', ')}`] : [])].join('\n');
    expect(facts.risks.every((risk) => risk.category !== null)).toBe(true);
    expect(facts.risks.some((risk) => risk.goals.length > 0)).toBe(true);
    for (const group of found) {
      const expected = facts.risks
        .filter((risk) => risk.process === group.process)
        .flatMap((risk) =>
          risk.controls.length === 0
            ? [
                [
                  riskText(risk),
                  risk.category ?? '',
                  String(risk.riskValue),
                  'Inget kontrollmoment',
                  '',
                  '',
                  '',
                  '',
                  '',
                  '',
                ],
              ]
            : risk.controls.map((control) => [
                riskText(risk),
                risk.category ?? '',
                String(risk.riskValue),
                control.title,
                control.method ?? '',
                control.scope ?? '',
                control.frequency ?? '',
                control.reportingTime ?? '',
                [control.responsibleFunction, control.responsible.join(', ')].filter(Boolean).join('\n'),
                control.reportsTo.join(', '),
              ]),
        );
      expect(group.table.rows.map(rowText), group.process).toEqual(expected);
    }
    const controlCount = facts.risks.reduce((sum, risk) => sum + Math.max(1, risk.controls.length), 0);
    expect(found.reduce((sum, group) => sum + group.table.rows.length, 0)).toBe(controlCount);

    // The rows as the demo plan has them: a control whose kontrollansvarig is the function of
    // the förvaltning (with the holder assigned), given dates, and a risk without a control.
    const rowsOf = (process: string) => found.find((group) => group.process === process)!.table.rows.map(rowText);
    expect(rowsOf('Myndighetsutövning')).toContainEqual([
      'Barn och ungdomar blir utsatta för diskriminerande och kränkande behandling\nMål: Trygghet och studiero för alla barn och elever',
      'Legal risk',
      '12',
      'Förvaltningschefen gör en avstämning',
      'Avstämning',
      'Avstämning med rektorerna av enkätresultaten om trivsel och kränkningar.',
      'Per tertial',
      'Vid tertialrapporteringen',
      'Förvaltningschef, Utbildningsförvaltningen\nAnders Pettersson',
      'Nämnd',
    ]);
    expect(rowsOf('Ekonomi')).toEqual([
      [
        'Förvaltningen missar att ansöka riktade statsbidrag',
        'Finansiell risk',
        '6',
        'Uppföljning av statsbidragsansökningar',
        'Avstämning',
        'Samtliga riktade statsbidrag i Skolverkets ansökningskalender stäms av mot inskickade ansökningar.',
        'Månadsvis',
        'Vid prognos och bokslut',
        'Anders Pettersson',
        'Förvaltningschef, Nämnd',
      ],
    ]);
    expect(rowsOf('Styra och leda')).toContainEqual([
      'Ej erbjuda förskoleplats inom 4 månader',
      'Verksamhetsrisk',
      '6',
      'Inget kontrollmoment',
      '',
      '',
      '',
      '',
      '',
      '',
    ]);
    // The risk value is in its band's colour (12: "Mycket hög").
    const valueCell = found.find((group) => group.process === 'Myndighetsutövning')!.table.rows[0]![2]!;
    expect(valueCell.fill).toBe(facts.matrix.bands.find((band) => band.min <= 12 && 12 <= band.max)!.colour);

    // The Markdown: the decision and the matrix before the tables, the process headings between them.
    const markdown = (await renderReport(document, request('2026', 'md'))).bytes.toString('utf8');
    const at = (passage: string) => {
      const index = markdown.indexOf(passage);
      expect(index, passage).toBeGreaterThanOrEqual(0);
      return index;
    };
    expect(at('## Beslut')).toBeLessThan(at('## Riskmatris'));
    expect(at('| 3 Möjlig | 0 · Låg | 2 · Måttlig | 2 · Hög | 1 · Mycket hög |')).toBeLessThan(
      at('## Kontrollmoment per process'),
    );
    expect(at('### Ekonomi')).toBeLessThan(
      at('| Förvaltningen missar att ansöka riktade statsbidrag | Finansiell risk | 6 |'),
    );
    expect(at('| Förvaltningen missar att ansöka riktade statsbidrag | Finansiell risk | 6 |')).toBeLessThan(
      at('### Myndighetsutövning'),
    );
    expect(markdown).toContain(
      '| Förvaltningschefen gör en avstämning | Avstämning | Avstämning med rektorerna av enkätresultaten om trivsel och kränkningar. | Per tertial | Vid tertialrapporteringen | Förvaltningschef, Utbildningsförvaltningen<br>Anders Pettersson | Nämnd |',
    );
  });

  test('the seed plan: no process, so one last group; no decision recorded; a risk without a control says so', async () => {
    const document = await documentOf('2020');
    const markdown = (await renderReport(document, request('2020', 'md'))).bytes.toString('utf8');
    expect(markdown).toContain(
      '## Beslut\n\nPlanen är beslutad; beslutets datum, paragraf och diarienummer är inte registrerade.\n',
    );
    const found = groups(document);
    expect(found.map((group) => group.process)).toEqual(['Utan process']);
    // Its risks have neither a category nor goals: no column, no goal line.
    expect(found[0]!.table.columns.map((column) => column.title)).toEqual(withoutCategory(COLUMNS_SV));
    expect(markdown).not.toContain('Riskkategori');
    expect(markdown).not.toContain('Mål:');
    const facts = await factsOf(2020);
    expect(found[0]!.table.rows.map((row) => plainText(row[0]!.blocks))).toEqual(
      facts.risks.flatMap((risk) => Array.from({ length: Math.max(1, risk.controls.length) }, () => risk.title)),
    );
    expect(markdown).toContain(
      '| Ej erbjuda förskoleplats inom 4 månader | 6 | Inget kontrollmoment |  |  |  |  |  |  |',
    );
  });

  test('in English: the columns, the groups and the row without a control', async () => {
    const document = await documentOf('2020', 'en');
    expect(groups(document).map((group) => group.process)).toEqual(['No process']);
    expect(groups(document)[0]!.table.columns.map((column) => column.title)).toEqual(withoutCategory(COLUMNS_EN));
    const markdown = (await renderReport(document, request('2020', 'md', 'en'))).bytes.toString('utf8');
    expect(markdown).toContain('## Decision\n\n');
    expect(markdown).toContain('## Controls by process');
    expect(markdown).toContain('| Ej erbjuda förskoleplats inom 4 månader | 6 | No control |');
    const current = await documentOf('2026', 'en');
    expect(plainText(current.blocks.slice(1, 2))).toMatch(/^Decision in force: Utbildningsnämnden 2025-12-09 § 112/);
    expect(groups(current)[0]!.table.columns.map((column) => column.title)).toEqual(COLUMNS_EN);
  });

  test('as HTML (the preview): wide, with the process headings and the rows as table cells', async () => {
    const html = (await bytesOf('2026', 'html')).toString('utf8');
    expect(html).toContain('<main class="landscape">');
    const headings = [...html.matchAll(/<h(\d)[^>]*>([^<]*)<\/h\1>/g)].map((match) => match[2]);
    expect(headings).toEqual([
      'Internkontrollplan 2026',
      'Beslut',
      'Riskmatris',
      'Kontrollmoment per process',
      'Dokument- och ärendehantering',
      'Ekonomi',
      'Myndighetsutövning',
      'Personal',
      'Styra och leda',
    ]);
    const rows = [...html.matchAll(/<tr>(.*?)<\/tr>/gs)].map((match) =>
      [...match[1]!.matchAll(/<t[dh][^>]*>(.*?)<\/t[dh]>/gs)].map((cell) =>
        cell[1]!.replace(/<\/p><p>/g, '\n').replace(/<[^>]+>/g, ''),
      ),
    );
    expect(rows).toContainEqual(COLUMNS_SV);
    expect(rows).toContainEqual([
      'Förvaltningen missar att ansöka riktade statsbidrag',
      'Finansiell risk',
      '6',
      'Uppföljning av statsbidragsansökningar',
      'Avstämning',
      'Samtliga riktade statsbidrag i Skolverkets ansökningskalender stäms av mot inskickade ansökningar.',
      'Månadsvis',
      'Vid prognos och bokslut',
      'Anders Pettersson',
      'Förvaltningschef, Nämnd',
    ]);
    expect(rows).toContainEqual([
      'Ej erbjuda förskoleplats inom 4 månader',
      'Verksamhetsrisk',
      '6',
      'Inget kontrollmoment',
      '',
      '',
      '',
      '',
      '',
      '',
    ]);
  });

  test('as PDF: landscape A4, the headings, columns and rows a reader finds', async () => {
    const bytes = await bytesOf('2026', 'pdf');
    const folder = mkdtempSync(join(tmpdir(), 'uppsikt-plan-table-'));
    try {
      const file = join(folder, 'plan.pdf');
      writeFileSync(file, bytes);
      const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
      // A4 turned: wider than high.
      expect(info).toMatch(/Page size:\s+841\.89 x 595\.27\d? pts/);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
    const text = squeeze(pdfText(bytes));
    for (const passage of [
      'Beslut i kraft: Utbildningsnämnden 2025-12-09 § 112, dnr UN 2025/0187, gäller från 2026-01-01.',
      'Riskmatris',
      'Kontrollmoment per process',
      'Dokument- och ärendehantering',
      'Myndighetsutövning',
      'Styra och leda',
      'Kontrollansvarig',
      'Förvaltningschefen gör en avstämning',
      'Förvaltningschef, Utbildningsförvaltningen',
      'Vid tertialrapporteringen',
      'Inget kontrollmoment',
    ])
      expect(text, passage).toContain(passage);
    // The groups in order.
    const order = ['Dokument- och ärendehantering', 'Ekonomi', 'Myndighetsutövning', 'Personal', 'Styra och leda'].map(
      (process) => text.indexOf(`${process} Risk Riskkategori Riskvärde`),
    );
    expect(order.every((index) => index >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  test('as DOCX: landscape pages, and the same headings and rows', async () => {
    const bytes = await bytesOf('2026', 'docx');
    const text = docxText(bytes);
    const { unzipSync, strFromU8 } = await import('fflate');
    const xml = strFromU8(
      unzipSync(bytes, { filter: (file) => file.name === 'word/document.xml' })['word/document.xml']!,
    );
    expect(xml).toContain('w:orient="landscape"');
    const lines = text.split('\n').map((line) => line.trim());
    for (const line of [
      'Beslut',
      'Kontrollmoment per process',
      'Myndighetsutövning',
      'Kontrollansvarig',
      'Rapporteras till',
      'Förvaltningschef, Utbildningsförvaltningen',
      'Anders Pettersson',
      'Inget kontrollmoment',
      'Vid tertialrapporteringen',
    ])
      expect(lines, line).toContain(line);
    // The function's row: its cells in the order of the columns.
    const start = lines.indexOf('Förvaltningschefen gör en avstämning');
    expect(lines.slice(start, start + 8).filter(Boolean)).toEqual([
      'Förvaltningschefen gör en avstämning',
      'Avstämning',
      'Avstämning med rektorerna av enkätresultaten om trivsel och kränkningar.',
      'Per tertial',
      'Vid tertialrapporteringen',
      'Förvaltningschef, Utbildningsförvaltningen',
      'Anders Pettersson',
      'Nämnd',
    ]);
  });

  test('as XLSX: the matrix and a sheet per process, with the column titles as the header row and the risk value a number', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await bytesOf('2026', 'xlsx')) as never);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      'Riskmatris',
      // Excel's sheet names are short: the renderer keeps 28 characters.
      'Dokument- och ärendehanterin',
      'Ekonomi',
      'Myndighetsutövning',
      'Personal',
      'Styra och leda',
    ]);
    const values = (sheetName: string) =>
      workbook.getWorksheet(sheetName)!.getSheetValues().slice(1) as unknown as unknown[][];
    const economy = values('Ekonomi');
    expect(economy[0]!.slice(1)).toEqual(COLUMNS_SV);
    expect(economy.slice(1).map((row) => row.slice(1))).toEqual([
      [
        'Förvaltningen missar att ansöka riktade statsbidrag',
        'Finansiell risk',
        6,
        'Uppföljning av statsbidragsansökningar',
        'Avstämning',
        'Samtliga riktade statsbidrag i Skolverkets ansökningskalender stäms av mot inskickade ansökningar.',
        'Månadsvis',
        'Vid prognos och bokslut',
        'Anders Pettersson',
        'Förvaltningschef, Nämnd',
      ],
    ]);
    const authority = values('Myndighetsutövning').map((row) => row.slice(1));
    expect(authority).toContainEqual([
      'Barn och ungdomar blir utsatta för diskriminerande och kränkande behandling\nMål: Trygghet och studiero för alla barn och elever',
      'Legal risk',
      12,
      'Förvaltningschefen gör en avstämning',
      'Avstämning',
      'Avstämning med rektorerna av enkätresultaten om trivsel och kränkningar.',
      'Per tertial',
      'Vid tertialrapporteringen',
      'Förvaltningschef, Utbildningsförvaltningen\nAnders Pettersson',
      'Nämnd',
    ]);
    // A risk without a control: its row, the control's cells empty.
    expect(values('Styra och leda').map((row) => row.slice(1, 5))).toContainEqual([
      'Ej erbjuda förskoleplats inom 4 månader',
      'Verksamhetsrisk',
      6,
      'Inget kontrollmoment',
    ]);
  });

  test('the plan asked for: one of the unit and period is shown, another is refused naming plan', async () => {
    const unitPlans = await database.db
      .select({ id: plans.id, startYear: plans.startYear })
      .from(plans)
      .where(
        and(eq(plans.tenantId, scope.tenantId), eq(plans.unitId, scope.unitId), eq(plans.kind, 'internal_control')),
      );
    const current = unitPlans.find((plan) => plan.startYear === 2026)!;
    const seed = unitPlans.find((plan) => plan.startYear === 2020)!;
    const asked = await buildReportDocument(database.db, access(), { ...request('2026', 'md'), planId: current.id });
    expect(groups(asked).map((group) => group.process)).toContain('Myndighetsutövning');
    await expect(
      buildReportDocument(database.db, access(), { ...request('2026', 'md'), planId: seed.id }),
    ).rejects.toMatchObject({ code: 'validation_failed', errors: [{ path: 'plan' }] });
  });

  test('a version frozen before the kontrollansvarig function was kept still prints, with the people assigned', async () => {
    const [plan] = await database.db
      .select({ id: plans.id })
      .from(plans)
      .where(and(eq(plans.tenantId, scope.tenantId), eq(plans.unitId, scope.unitId), eq(plans.startYear, 2026)));
    const adopted = await documentOf('2026', 'sv', 1);
    expect(JSON.stringify(adopted.blocks)).toContain('Förvaltningschef, Utbildningsförvaltningen');
    // Versions cannot be changed: a revision is added whose snapshot lacks the function, as an older version's does.
    const stored = await snapshotOf(database.db, scope.tenantId, plan!.id, 1);
    const older: PlanSnapshot = {
      ...stored!,
      facts: {
        ...stored!.facts,
        risks: stored!.facts.risks.map((risk) => ({
          ...risk,
          controls: risk.controls.map(({ responsibleFunction: _left, ...control }) => control),
        })),
      },
    };
    expect(JSON.stringify(older)).not.toContain('responsibleFunction');
    await database.db.insert(planVersions).values({
      tenantId: scope.tenantId,
      planId: plan!.id,
      revision: 2,
      reason: 'Test: a snapshot of the older format',
      snapshot: older,
      sha256: snapshotHash(older),
    });
    const document = await documentOf('2026', 'sv', 2);
    const row = groups(document)
      .flatMap((group) => group.table.rows.map(rowText))
      .find((cells) => cells[3] === 'Förvaltningschefen gör en avstämning');
    expect(row?.[8]).toBe('Anders Pettersson');
    expect(JSON.stringify(document.blocks)).not.toContain('Förvaltningschef, Utbildningsförvaltningen');
  });
});
