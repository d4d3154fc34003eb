import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { fixedClock } from '../../../domain/clock.ts';
import { operatorAccess } from '../../access/access.ts';
import type { DatabaseHandle } from '../../db/client.ts';
import { CURRENT_YEAR_DEVIATION } from '../../demo/current-year-enrichment.ts';
import { loadDemoData } from '../../demo/load-demo-data.ts';
import { demoFixturesFolder } from '../../paths.ts';
import { generateReport } from '../generate-report.ts';
import { findScopeByNames } from '../report-scope.ts';
import { createTestDatabase } from '../../../../test/support/test-database.ts';
import { demoClock } from '../../../../test/support/demo-clock.ts';
import { createHarness, ok, type Client, type Harness } from '../../../../test/support/harness.ts';
import { docxText } from '../../../../test/support/seed-fidelity.ts';
import { reportContextFor } from '../../../../test/support/report-contexts.ts';
import { readTables } from '../../tables/read-table.ts';
import { renderMarkdown } from '../render-markdown.ts';
import { actionReport } from './action-report.ts';

// The Åtgärdsrapport on data made through the API: every deviation of the period of a unit and
// the units below it, each with the action that answers it (who, when, status, overdue on the
// harness's day 2026-06-15) or marked as having none, counted in the summary; for a quarter only
// those found in it; and never a unit the caller does not read.

/** The Markdown table row that holds a text, as one line. */
const rowOf = (report: string, needle: string) => report.split('\n').find((line) => line.includes(needle)) ?? '';

describe('the action report', () => {
  let h: Harness;
  let admin: Client;
  const get = async (query: string, client: Client = admin) => {
    const reply = await client.get(`/reports/action-report?${query}`);
    return { status: reply.status, bytes: Buffer.from(reply.bytes), body: reply.body };
  };
  const md = async (unit: string, period: string, lang: 'sv' | 'en' = 'sv', client: Client = admin) => {
    const reply = await get(`unit=${unit}&period=${encodeURIComponent(period)}&format=md&lang=${lang}`, client);
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    return reply.bytes.toString('utf8');
  };

  beforeAll(async () => {
    h = await createHarness();
    admin = await h.as('tenantAdmin');
    const { unitA, unitA1, unitB, statusIds, vocabularyIds } = h.tenant;
    const severity = vocabularyIds.deviation_severity;
    const planWithControl = async (unitId: string, risk: string, control: string) => {
      const plan = await ok(
        admin.post('/plans', {
          unitId,
          kind: 'internal_control',
          title: `Internkontrollplan ${risk}`,
          startYear: 2026,
        }),
      );
      const riskRow = await ok(admin.post('/risks', { planId: plan.id, title: risk }));
      const controlRow = await ok(
        admin.post('/controls', {
          riskId: riskRow.id,
          title: control,
          endDate: '2026-12-31',
          responsibleIds: [h.userIds.responsible],
        }),
      );
      return { planId: plan.id as string, riskId: riskRow.id as string, controlId: controlRow.id as string };
    };
    const a = await planWithControl(unitA, 'Felaktiga utbetalningar', 'Stickprov på utbetalningar');
    const a1 = await planWithControl(unitA1, 'Bristande dokumentation', 'Granskning av journaler');
    const b = await planWithControl(unitB, 'Otillåten direktupphandling', 'Genomgång av inköp');
    const late = await ok(
      admin.post('/actions', {
        planId: a.planId,
        riskId: a.riskId,
        title: 'Ny rutin för attest',
        whatToDo: 'Skriv en rutin för **attest** av utbetalningar.',
        measuresTaken: 'Utkast till rutin är skrivet.',
        statusId: statusIds.pagaende,
        startDate: '2026-02-15',
        endDate: '2026-04-30',
        responsibleIds: [h.userIds.coordinator, h.userIds.responsible],
        responsibleUnitId: unitA1,
      }),
    );
    const done = await ok(
      admin.post('/actions', {
        planId: a.planId,
        riskId: a.riskId,
        title: 'Utbildning i utbetalningssystemet',
        statusId: statusIds.klar,
        startDate: '2026-05-21',
        endDate: '2026-05-31',
        responsibleIds: [h.userIds.administrator],
      }),
    );
    const deviation = (controlId: string, title: string, foundOn: string, severityId: string, actionId?: string) =>
      ok(admin.post('/deviations', { controlId, title, foundOn, severityId, ...(actionId ? { actionId } : {}) }));
    await deviation(a.controlId, 'Attest saknades i februari', '2026-02-10', severity.significant!, late.id);
    await deviation(a.controlId, 'Attest saknades igen i mars', '2026-03-12', severity.minor!, late.id);
    await deviation(a.controlId, 'Dubbel utbetalning i maj', '2026-05-20', severity.very_significant!, done.id);
    await deviation(a.controlId, 'Kvitto saknades i januari', '2026-01-20', severity.minor!);
    await deviation(a1.controlId, 'Journal saknades i april', '2026-04-08', severity.significant!);
    await deviation(b.controlId, 'Inköp utan avtal', '2026-02-02', severity.significant!);
  });
  afterAll(() => h.close());

  test('each deviation of the year with its action: what, who, when, status and overdue', async () => {
    const report = await md(h.tenant.unitA, '2026');
    expect(report).toContain('# Åtgärdsrapport 2026');
    const late = rowOf(report, 'Attest saknades i februari');
    expect(late).toContain('Väsentlig');
    expect(late).toContain('2026-02-10');
    expect(late).toContain('Stickprov på utbetalningar');
    expect(late).toContain('Risk: Felaktiga utbetalningar');
    expect(late).toContain('Ny rutin för attest');
    expect(late).toContain('Vad ska göras:<br>Skriv en rutin för attest av utbetalningar.');
    expect(late).toContain('Genomförda åtgärder:<br>Utkast till rutin är skrivet.');
    expect(late).toMatch(/Person coordinator.*Person responsible.*\(Förvaltning A1\)/);
    expect(late).toContain('2026-02-15 – 2026-04-30');
    expect(late).toContain('Pågående');
    expect(late).toMatch(/Pågående<br>Försenad \|$/);
    const done = rowOf(report, 'Dubbel utbetalning i maj');
    expect(done).toContain('Mycket väsentlig');
    expect(done).toContain('Utbildning i utbetalningssystemet');
    expect(done).toContain('Person administrator');
    expect(done).toContain('2026-05-21 – 2026-05-31');
    expect(done).toContain('Klar');
    expect(done).not.toContain('Försenad');
  });

  test('deviations without an action are listed and marked, and the units below are grouped under their own heading', async () => {
    const report = await md(h.tenant.unitA, '2026');
    const unanswered = rowOf(report, 'Kvitto saknades i januari');
    expect(unanswered).toMatch(/Risk: Felaktiga utbetalningar \| Ingen åtgärd \| – \| – \| – \|$/);
    expect(unanswered).toContain('Mindre väsentlig');
    expect(report.indexOf('### Nämnd A')).toBeGreaterThan(-1);
    expect(report.indexOf('### Förvaltning A1')).toBeGreaterThan(report.indexOf('### Nämnd A'));
    expect(report.indexOf('Journal saknades i april')).toBeGreaterThan(report.indexOf('### Förvaltning A1'));
    expect(report.indexOf('Kvitto saknades i januari')).toBeLessThan(report.indexOf('### Förvaltning A1'));
    expect(rowOf(report, 'Journal saknades i april')).toContain('| Ingen åtgärd |');
    // Förvaltning A1 alone: its one deviation has no action.
    const below = await md(h.tenant.unitA1, '2026');
    expect(below).toContain('Ingen av avvikelserna har någon åtgärd.');
    expect(below).toContain('1 avvikelse har ingen åtgärd.');
    expect(below).not.toContain('Attest saknades');
    // Nämnd B is not below Nämnd A.
    expect(report).not.toContain('Inköp utan avtal');
  });

  test('the summary counts per severity, with and without an action, and the actions completed and overdue', async () => {
    const report = await md(h.tenant.unitA, '2026');
    expect(rowOf(report, '| Mindre väsentlig |')).toMatch(/\| Mindre väsentlig \| 2 \| 1 \| 1 \|/);
    expect(rowOf(report, '| Väsentlig |')).toMatch(/\| Väsentlig \| 2 \| 1 \| 1 \|/);
    expect(rowOf(report, '| Mycket väsentlig |')).toMatch(/\| Mycket väsentlig \| 1 \| 1 \| 0 \|/);
    expect(rowOf(report, '| Totalt |')).toMatch(/\| Totalt \| 5 \| 3 \| 2 \|/);
    expect(report).toContain('2 avvikelser har ingen åtgärd.');
    // The attest action answers two deviations and is counted once.
    expect(report).toContain('2 åtgärder svarar mot avvikelserna; 1 är genomförd och 1 är försenad.');
    const english = await md(h.tenant.unitA, '2026', 'en');
    expect(english).toContain('# Action report 2026');
    expect(rowOf(english, '| Total |')).toMatch(/\| Total \| 5 \| 3 \| 2 \|/);
    expect(english).toContain('2 actions answer the deviations; 1 completed and 1 overdue.');
    expect(rowOf(english, 'Kvitto saknades i januari')).toContain('| No action |');
    expect(rowOf(english, 'Attest saknades i februari')).toContain('In progress<br>Overdue |');
  });

  test('a quarter holds the deviations found in it, and counts only those', async () => {
    const q1 = await md(h.tenant.unitA, '2026-Q1');
    expect(q1).toContain('# Åtgärdsrapport Kvartal 1 2026');
    expect(q1).toContain('Rapportperiod: Kvartal 1 2026 (2026-01-01 – 2026-03-31)');
    for (const title of ['Kvitto saknades i januari', 'Attest saknades i februari', 'Attest saknades igen i mars'])
      expect(q1).toContain(title);
    for (const title of ['Dubbel utbetalning i maj', 'Journal saknades i april']) expect(q1).not.toContain(title);
    expect(rowOf(q1, '| Totalt |')).toMatch(/\| Totalt \| 3 \| 2 \| 1 \|/);
    expect(q1).toContain('1 åtgärd svarar mot avvikelserna; 0 är genomförda och 1 är försenad.');
    expect(q1).not.toContain('### Förvaltning A1');
    const q2 = await md(h.tenant.unitA, '2026-Q2');
    for (const title of ['Dubbel utbetalning i maj', 'Journal saknades i april']) expect(q2).toContain(title);
    for (const title of ['Kvitto saknades', 'Attest saknades']) expect(q2).not.toContain(title);
    expect(rowOf(q2, '| Totalt |')).toMatch(/\| Totalt \| 2 \| 1 \| 1 \|/);
    const h2 = await md(h.tenant.unitA, '2026-H2');
    expect(h2).toContain('Inga avvikelser är rapporterade.');
    expect(rowOf(h2, '| Totalt |')).toMatch(/\| Totalt \| 0 \| 0 \| 0 \|/);
    expect(h2).not.toContain('Alla avvikelser har en åtgärd.');
    expect(h2).not.toContain('åtgärd svarar');
  });

  test('a unit the caller does not read is left out, from the table and from the counts', async () => {
    const { rootId, unitA } = h.tenant;
    const all = renderMarkdown(await actionReport(reportContextFor(h, { id: rootId, name: 'Kommun' })));
    expect(all).toContain('Inköp utan avtal');
    expect(all).toContain('Journal saknades i april');
    expect(rowOf(all, '| Totalt |')).toMatch(/\| Totalt \| 6 \| 3 \| 3 \|/);
    const some = renderMarkdown(
      await actionReport(reportContextFor(h, { id: rootId, name: 'Kommun' }, { readableUnitIds: [rootId, unitA] })),
    );
    expect(some).not.toContain('Inköp utan avtal');
    expect(some).not.toContain('Journal saknades i april');
    expect(some).not.toContain('### Förvaltning A1');
    expect(rowOf(some, '| Totalt |')).toMatch(/\| Totalt \| 4 \| 3 \| 1 \|/);
    // Through the API: a reader of Nämnd A gets its subtree and may not ask for Nämnd B.
    const reader = await h.as('reader');
    expect(await md(unitA, '2026', 'sv', reader)).toContain('Journal saknades i april');
    expect((await get(`unit=${h.tenant.unitB}&period=2026&format=md`, reader)).status).toBe(404);
  });

  test('a plan or a revision is not chosen for it; the xlsx format is offered', async () => {
    const plan = await get(`unit=${h.tenant.unitA}&period=2026&format=md&plan=${h.tenant.unitA}`);
    expect(plan.status).toBe(400);
    expect(plan.body.errors[0].path).toBe('plan');
    const revision = await get(`unit=${h.tenant.unitA}&period=2026&format=md&revision=1`);
    expect(revision.status).toBe(400);
    expect(revision.body.errors[0].path).toBe('revision');
  });

  test('the PDF, the DOCX, the HTML and the workbook say the same', async () => {
    const scope = `unit=${h.tenant.unitA}&period=2026`;
    const pdf = await get(`${scope}&format=pdf`);
    expect(pdf.status).toBe(200);
    const folder = mkdtempSync(join(tmpdir(), 'action-report-'));
    writeFileSync(join(folder, 'report.pdf'), pdf.bytes);
    const info = execFileSync('pdfinfo', [join(folder, 'report.pdf')], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    const [width, height] = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(info)!.slice(1).map(Number) as [number, number];
    expect(width).toBeGreaterThan(height);
    const pdfText = execFileSync('pdftotext', ['-layout', join(folder, 'report.pdf'), '-'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    const docx = await get(`${scope}&format=docx`);
    const docxWords = docxText(docx.bytes);
    const html = (await get(`${scope}&format=html`)).bytes.toString('utf8');
    for (const [format, content] of [
      ['pdf', pdfText],
      ['docx', docxWords],
      ['html', html],
    ] as const) {
      for (const needle of [
        'Åtgärdsrapport 2026',
        'Attest saknades i februari',
        'Ny rutin för attest',
        'Person coordinator',
        'Ingen åtgärd',
        'Försenad',
        'Pågående',
        'Förvaltning A1',
        '2 avvikelser har ingen åtgärd.',
      ])
        expect(content.replace(/\s+/g, ' '), `${format}: ${needle}`).toContain(needle);
    }
    expect(html).toMatch(/<h3[^>]*>Förvaltning A1<\/h3>/);
    // Marked so that it stands out: in bold, as the overdue mark, and the status in its colour.
    expect(html).toContain('<strong>Ingen åtgärd</strong>');
    expect(html).toContain('<strong>Försenad</strong>');
    expect(html).toContain('<strong>attest</strong>');
    expect(html).toMatch(/background:#[0-9a-f]{6}"><\/span>Pågående/i);
    const xlsx = await get(`${scope}&format=xlsx`);
    expect(xlsx.status).toBe(200);
    const sheets = await readTables(new Uint8Array(xlsx.bytes));
    const names = sheets.map((sheet) => sheet.sheet);
    expect(names).toHaveLength(3);
    const summary = sheets[0]!.rows;
    expect(summary[0]).toEqual(['Allvarlighet', 'Avvikelser', 'Med åtgärd', 'Ingen åtgärd']);
    expect(summary.at(-1)).toEqual(['Totalt', '5', '3', '2']);
    const unitA = sheets[1]!.rows;
    expect(unitA[0]).toEqual([
      'Avvikelse',
      'Allvarlighet',
      'Upptäckt',
      'Kontrollmoment / Risk',
      'Åtgärd',
      'Ansvarig',
      'Start – slut',
      'Status',
    ]);
    const lateRow = unitA.find((row) => String(row[0]).startsWith('Attest saknades i februari'))!;
    expect(String(lateRow[4])).toContain('Ny rutin för attest');
    expect(String(lateRow[5])).toContain('Person coordinator\nPerson responsible');
    expect(lateRow[6]).toBe('2026-02-15 – 2026-04-30');
    expect(lateRow[7]).toBe('Pågående\nFörsenad');
    const unanswered = unitA.find((row) => String(row[0]).startsWith('Kvitto saknades i januari'))!;
    expect(unanswered[4]).toBe('Ingen åtgärd');
    expect(sheets[2]!.rows.some((row) => String(row[0]).startsWith('Journal saknades i april'))).toBe(true);
  });
});

// On the demo data: the current-year plan of exempelkommun-b's Utbildningsnämnden has a
// deviation answered by an action that runs to the year's end; the 2020 plans have none.
describe('the action report on the demo data', () => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await createTestDatabase();
    await loadDemoData(database.db, { fixturesFolder: demoFixturesFolder, clock: demoClock });
  });
  afterAll(() => database.close());

  const report = async (period: string, format: 'md' | 'pdf', now = '2026-11-30T10:00:00Z') => {
    const scope = await findScopeByNames(database.db, 'exempelkommun-b', 'Utbildningsnämnden');
    return generateReport(database.db, operatorAccess(scope.tenantId, fixedClock(now)), {
      kind: 'action-report',
      unitId: scope.unitId,
      period,
      format,
      locale: 'sv',
    });
  };

  test('the current year’s deviation with its action, responsible, dates and status; overdue once its end has passed', async () => {
    const year = (await report('2026', 'md')).bytes.toString('utf8');
    const row = rowOf(year, CURRENT_YEAR_DEVIATION.title);
    expect(row).toContain(CURRENT_YEAR_DEVIATION.severity);
    expect(row).toContain(CURRENT_YEAR_DEVIATION.control);
    expect(row).toContain(CURRENT_YEAR_DEVIATION.action.title);
    expect(row).toContain(CURRENT_YEAR_DEVIATION.action.whatToDo);
    expect(row).toMatch(/\| 2026-\d\d-\d\d \| .*\| [^|]+ \| 2026-\d\d-\d\d – 2026-12-31 \| Pågående \|$/);
    expect(rowOf(year, '| Totalt |')).toMatch(/\| Totalt \| 1 \| 1 \| 0 \|/);
    expect(year).toContain('1 åtgärd svarar mot avvikelserna; 0 är genomförda och 0 är försenade.');
    const later = (await report('2026', 'md', '2027-01-15T10:00:00Z')).bytes.toString('utf8');
    expect(rowOf(later, CURRENT_YEAR_DEVIATION.title)).toMatch(/Pågående<br>Försenad \|$/);
    expect(later).toContain('0 är genomförda och 1 är försenad.');
  });

  test('the quarter it was found in holds it, the next does not; 2020 has none', async () => {
    const found = rowOf((await report('2026', 'md')).bytes.toString('utf8'), CURRENT_YEAR_DEVIATION.title);
    const foundOn = /\| (2026-\d\d-\d\d) \|/.exec(found)![1]!;
    const quarter = Math.ceil(Number(foundOn.slice(5, 7)) / 3);
    expect((await report(`2026-Q${quarter}`, 'md')).bytes.toString('utf8')).toContain(CURRENT_YEAR_DEVIATION.title);
    const next = (await report(`2026-Q${(quarter % 4) + 1}`, 'md')).bytes.toString('utf8');
    expect(next).not.toContain(CURRENT_YEAR_DEVIATION.title);
    expect(next).toContain('Inga avvikelser är rapporterade.');
    const old = (await report('2020', 'md')).bytes.toString('utf8');
    expect(old).toContain('# Åtgärdsrapport 2020');
    expect(rowOf(old, '| Totalt |')).toMatch(/\| Totalt \| 0 \| 0 \| 0 \|/);
  });

  test('as a landscape PDF with the deviation and its action', async () => {
    const pdf = await report('2026', 'pdf');
    const folder = mkdtempSync(join(tmpdir(), 'action-report-demo-'));
    writeFileSync(join(folder, 'report.pdf'), pdf.bytes);
    const info = execFileSync('pdfinfo', [join(folder, 'report.pdf')], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    const [width, height] = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(info)!.slice(1).map(Number) as [number, number];
    expect(width).toBeGreaterThan(height);
    const words = execFileSync('pdftotext', [join(folder, 'report.pdf'), '-'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    })
      .replace(/\u00ad\n/g, '')
      .replace(/\s+/g, ' ');
    // Words within one line of a cell (pdftotext reads a table's columns side by side).
    for (const needle of [
      'Åtgärdsrapport 2026',
      'Utbildningsnämnden',
      CURRENT_YEAR_DEVIATION.control,
      'Bevakningslista för riktade',
      'Pågående',
      '2026-12-31',
    ])
      expect(words).toContain(needle);
  });
});
