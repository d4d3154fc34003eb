import { createHash } from 'node:crypto';
import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createHarness, ok, type Client, type Harness } from '../../../../test/support/harness.ts';
import { docxText, pdfText } from '../../../../test/support/seed-fidelity.ts';
import { attachments } from '../../db/schema/attachments.ts';

// The Internkontrollrapport and its halvårs- and delårsrapport on a plan of the harness: three
// processes (one risk without a process), controls with each outcome and one without a result,
// a deviation answered by an action with measures taken and one without an action. What each
// summary row counts, which results and deviations a period holds, and the proposed decision.

/** A report of the unit in a format, as the client gets it. */
const reportOf = (
  client: Client,
  unitId: string,
  kind: string,
  period: string,
  format = 'md',
  lang: 'sv' | 'en' = 'sv',
) =>
  client.get(`/reports/${kind}?unit=${unitId}&period=${encodeURIComponent(period)}&format=${format}&lang=${lang}`, {
    'accept-language': lang,
  });

/** The report of the unit as Markdown; anything but 200 fails the test. */
async function markdownOf(client: Client, unitId: string, kind: string, period: string, lang: 'sv' | 'en' = 'sv') {
  const reply = await reportOf(client, unitId, kind, period, 'md', lang);
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  return new TextDecoder().decode(reply.bytes);
}

/** The row of a Markdown table that starts with the cell. */
const row = (markdown: string, first: string) =>
  markdown.split('\n').find((line) => line.startsWith(`| ${first} |`)) ?? `(no row ${first})`;

describe('the internal control report and the period report', () => {
  let h: Harness;
  let admin: Client;
  const get = (kind: string, period: string, format = 'md', lang: 'sv' | 'en' = 'sv') =>
    reportOf(admin, h.tenant.unitA, kind, period, format, lang);
  const md = (kind: string, period: string, lang: 'sv' | 'en' = 'sv') =>
    markdownOf(admin, h.tenant.unitA, kind, period, lang);

  beforeAll(async () => {
    h = await createHarness();
    admin = await h.as('tenantAdmin');
    const { vocabularyIds, periodIds, statusIds } = h.tenant;
    const plan = await ok(
      admin.post('/plans', {
        unitId: h.tenant.unitA,
        kind: 'internal_control',
        title: 'Internkontrollplan 2026',
        startYear: 2026,
      }),
    );
    const payments = await ok(
      admin.post('/risks', {
        planId: plan.id,
        title: 'Felaktiga utbetalningar',
        processId: vocabularyIds.process.ekonomi,
      }),
    );
    const conflicts = await ok(
      admin.post('/risks', {
        planId: plan.id,
        title: 'Jäv vid upphandling',
        processId: vocabularyIds.process.upphandling,
      }),
    );
    const logs = await ok(admin.post('/risks', { planId: plan.id, title: 'Obehörig åtkomst' }));
    const control = async (riskId: string, title: string) =>
      ok(admin.post('/controls', { riskId, title, endDate: '2026-12-31', responsibleIds: [h.userIds.responsible] }));
    const sample = await control(payments.id, 'Stickprov av fakturor');
    const attest = await control(payments.id, 'Attestkontroll');
    const declaration = await control(conflicts.id, 'Jävsdeklaration');
    const logCheck = await control(logs.id, 'Loggkontroll');
    const routine = await ok(
      admin.post('/actions', {
        planId: plan.id,
        riskId: payments.id,
        title: 'Ny attestrutin',
        measuresTaken: 'Rutinen är införd i alla enheter.',
        statusId: statusIds.klar,
        responsibleIds: [h.userIds.responsible],
        endDate: '2026-09-30',
      }),
    );
    await ok(
      admin.post('/control-results', {
        controlId: sample.id,
        periodId: periodIds.q1,
        outcome: 'no_remarks',
        performedOn: '2026-03-20',
        comment: 'Tjugo fakturor utan fel.',
      }),
    );
    const withDeviation = await ok(
      admin.post('/control-results', {
        controlId: sample.id,
        periodId: periodIds.q2,
        outcome: 'with_deviation',
        performedOn: '2026-06-10',
        deviations: [{ title: 'Dubbel utbetalning i juni', severityId: vocabularyIds.deviation_severity.significant }],
      }),
    );
    const [deviationId] = withDeviation.deviationIds as string[];
    const deviation = await ok(admin.get(`/deviations/${deviationId}`));
    await ok(admin.patch(`/deviations/${deviationId}`, { version: deviation.version, actionId: routine.id }));
    await ok(
      admin.post('/control-results', {
        controlId: attest.id,
        periodId: periodIds.q1,
        outcome: 'not_performed',
        reason: 'Systemet var inte tillgängligt',
      }),
    );
    await ok(
      admin.post('/control-results', {
        controlId: logCheck.id,
        periodId: periodIds.q2,
        outcome: 'no_remarks',
        performedOn: '2026-05-05',
      }),
    );
    // A follow-up written for a quarter without a result: shown in that quarter's row.
    await ok(
      admin.post('/follow-ups', {
        controlId: logCheck.id,
        periodId: periodIds.q1,
        body: 'Loggen granskad utan fynd.',
        reportedOn: '2026-03-31',
      }),
    );
    await ok(
      admin.post('/deviations', {
        controlId: declaration.id,
        title: 'Deklaration saknades',
        foundOn: '2026-02-01',
        severityId: vocabularyIds.deviation_severity.minor,
      }),
    );
  });
  afterAll(() => h.close());

  test('the year: per process the risks, controls, latest results and deviations per severity, with a total', async () => {
    const report = await md('internal-control-report', '2026');
    expect(report).toContain('# Internkontrollrapport 2026');
    expect(report).toContain('Internkontrollplan 2026, utkast (ej antagen)');
    expect(report).not.toContain('Rapportperiod');
    // No text of the tenant's: the introduction is said from the data.
    expect(report).toContain(
      'Rapporten följer upp Internkontrollplan 2026 för 2026. Planen omfattar 3 risker och 4 kontrollmoment. ' +
        '3 av 4 kontrollmoment har ett resultat registrerat för perioden. 2 avvikelser har rapporterats.',
    );
    expect(report).toContain(
      '| Process/kontrollområde | Antal risker | Antal kontrollmoment | Utan anmärkning | Med avvikelse | Ej genomförda | Utan resultat | Avvikelser per allvarlighet |',
    );
    // The sample's latest result (Q2) is "med avvikelse"; the attest control was not performed.
    expect(row(report, 'Ekonomi')).toBe('| Ekonomi | 1 | 2 | 0 | 1 | 1 | 0 | Väsentlig: 1 |');
    expect(row(report, 'Upphandling')).toBe('| Upphandling | 1 | 1 | 0 | 0 | 0 | 1 | Mindre väsentlig: 1 |');
    expect(row(report, 'Inte angiven')).toBe('| Inte angiven | 1 | 1 | 1 | 0 | 0 | 0 | 0 |');
    expect(row(report, 'Totalt')).toBe('| Totalt | 3 | 4 | 1 | 1 | 1 | 1 | Mindre väsentlig: 1<br>Väsentlig: 1 |');

    // Each result with its period, outcome, date and comment or reason; a control without one says so.
    expect(report).toContain('## Ekonomi');
    expect(report).toContain(
      '| Felaktiga utbetalningar | Stickprov av fakturor | Kvartal 1 2026 | Genomförd utan anmärkning | 2026-03-20 | Tjugo fakturor utan fel. |',
    );
    expect(report).toContain('|  |  | Kvartal 2 2026 | Genomförd med avvikelse | 2026-06-10 |  |');
    expect(report).toContain(
      '|  | Attestkontroll | Kvartal 1 2026 | Ej genomförd |  | Orsak: Systemet var inte tillgängligt |',
    );
    expect(report).toContain('| Jäv vid upphandling | Jävsdeklaration |  | Inget resultat registrerat |  |  |');
    expect(report).toMatch(
      /\| Obehörig åtkomst \| Loggkontroll \| Kvartal 1 2026 \| Inget resultat registrerat \| {2}\| Uppföljning 2026-03-31( \(.+\))?<br>Loggen granskad utan fynd\.(<br>\(.+\))? \|\n\| {2}\| {2}\| Kvartal 2 2026 \| Genomförd utan anmärkning \| 2026-05-05 \| {2}\|/,
    );

    // The deviations, oldest first, with severity, state and the answering action with its status and measures.
    const deviations = report.slice(report.indexOf('# Avvikelser och åtgärder'));
    expect(deviations.indexOf('Deklaration saknades')).toBeLessThan(deviations.indexOf('Dubbel utbetalning i juni'));
    expect(row(deviations, 'Deklaration saknades')).toBe(
      '| Deklaration saknades | Jävsdeklaration | 2026-02-01 | Mindre väsentlig | Öppen | Ingen åtgärd kopplad |',
    );
    expect(row(deviations, 'Dubbel utbetalning i juni')).toMatch(
      /^\| Dubbel utbetalning i juni \| Stickprov av fakturor \| 2026-06-1\d \| Väsentlig \| (Öppen|Stängd) \| Ny attestrutin<br>Status: Klar<br>Ansvarig: .+<br>Genomförda åtgärder<br>Rutinen är införd i alla enheter\. \|$/,
    );

    expect(report).toContain(
      '# Förslag till beslut\n\nNämnd A föreslås besluta att godkänna internkontrollrapporten för 2026 och lägga den till handlingarna.',
    );
    // The plan's risks have no category, goal or evidence file: nothing is printed for them, not even a heading.
    expect(report).not.toContain('riskkategori');
    expect(report).not.toContain('Mål:');
    expect(report).not.toContain('Underlag');
  });

  test('in English', async () => {
    const report = await md('internal-control-report', '2026', 'en');
    expect(report).toContain('# Internal control report 2026');
    expect(report).toContain('# Summary per process');
    expect(row(report, 'Finance')).toBe('| Finance | 1 | 2 | 0 | 1 | 1 | 0 | Significant: 1 |');
    expect(report).toContain('Performed with deviation');
    expect(report).toContain('Reason: Systemet var inte tillgängligt');
    expect(report).toContain(
      '# Proposed decision\n\nNämnd A is proposed to approve the internal control report for 2026 and place it on file.',
    );
  });

  test('a quarter holds only its results and deviations, and says so in its title and decision', async () => {
    const report = await md('period-report', '2026-Q1');
    expect(report).toContain('# Uppföljning internkontroll Kvartal 1 2026');
    expect(report).toContain('Rapportperiod: Kvartal 1 2026 (2026-01-01 – 2026-03-31)');
    // The sample's Q1 result counts, not the later one "med avvikelse"; the Q2 deviation is not in it.
    expect(row(report, 'Ekonomi')).toBe('| Ekonomi | 1 | 2 | 1 | 0 | 1 | 0 | 0 |');
    expect(row(report, 'Inte angiven')).toBe('| Inte angiven | 1 | 1 | 0 | 0 | 0 | 1 | 0 |');
    expect(report).not.toContain('Kvartal 2 2026');
    expect(report).not.toContain('Dubbel utbetalning');
    expect(report).toContain('Deklaration saknades');
    expect(report).toContain('godkänna uppföljningen av internkontroll för Kvartal 1 2026');
  });

  test('a half year is a halvårsrapport, a delår a delårsrapport; the internkontrollrapport may be of a period too', async () => {
    const half = await md('period-report', '2026-H1');
    expect(half).toContain('# Halvårsrapport internkontroll Halvår 1 2026');
    expect(half).toContain('Kvartal 2 2026');
    expect(half).toContain('godkänna halvårsrapporten för internkontroll Halvår 1 2026');
    const interim = await md('period-report', '2026-D');
    expect(interim).toMatch(/# Delårsrapport internkontroll Delår 2026/);
    const english = await md('period-report', '2026-H1', 'en');
    expect(english).toContain('# Half-year internal control report Half year 1 2026');
    const periodOfYear = await md('internal-control-report', '2026-Q2');
    expect(periodOfYear).toContain('# Internkontrollrapport Kvartal 2 2026');
    expect(periodOfYear).toContain('Dubbel utbetalning i juni');
    expect(periodOfYear).not.toContain('Deklaration saknades');
  });

  test('a period report of a whole year is refused, naming the period', async () => {
    const reply = await get('period-report', '2026');
    expect(reply.status).toBe(400);
    expect(reply.body.errors).toEqual([expect.objectContaining({ path: 'period' })]);
    expect(JSON.stringify(reply.body)).toMatch(/halvår/);
  });

  test('the tenant’s own introduction and proposed decision replace the standard wording', async () => {
    const coordinator = await h.as('tenantAdmin');
    for (const [section, body] of [
      ['introduction', 'Förvaltningen redovisar här **halvårets** kontroller.'],
      ['proposed-decision', 'Nämnden beslutar att lägga rapporten till handlingarna.'],
    ] as const)
      await ok(coordinator.request('PUT', '/report-texts', { reportKind: 'period-report', section, body }));
    const report = await md('period-report', '2026-H1');
    expect(report).toContain('Förvaltningen redovisar här **halvårets** kontroller.');
    expect(report).not.toContain('Rapporten följer upp');
    expect(report).toContain('# Förslag till beslut\n\nNämnden beslutar att lägga rapporten till handlingarna.');
    expect(report).not.toContain('föreslås besluta');
    // The internkontrollrapport has texts of its own.
    expect(await md('internal-control-report', '2026')).toContain('Rapporten följer upp');
  });

  test('as PDF and DOCX, with the same content', async () => {
    for (const format of ['pdf', 'docx'] as const) {
      const reply = await get('period-report', '2026-Q1', format);
      expect(reply.status).toBe(200);
      const content = (format === 'pdf' ? pdfText(reply.bytes) : docxText(reply.bytes)).replace(/\s+/g, ' ');
      expect(content).toContain('Uppföljning internkontroll Kvartal 1 2026');
      expect(content).toContain('Sammanfattning per process');
      expect(content).toContain('Orsak: Systemet var inte tillgängligt');
      expect(content).toContain('Deklaration saknades');
      expect(content).toContain('Förslag till beslut');
    }
    const html = await get('internal-control-report', '2026', 'html');
    expect(html.status).toBe(200);
    const page = new TextDecoder().decode(html.bytes);
    expect(page).toContain('<h1');
    expect(page).toContain('Internkontrollrapport 2026');
    expect(page).toMatch(/<th[^>]*>Avvikelser per allvarlighet<\/th>/);
    expect(page).toContain('Dubbel utbetalning i juni');
    expect(page).toContain('Förslag till beslut');
    const xlsx = await get('internal-control-report', '2026', 'xlsx');
    expect(xlsx.status).toBe(400);
  });
});

// The same report on a plan that uses the newer fields: risks with a category and goals, an
// action serving a goal, evidence files on a result and on a deviation (one of them archived).
describe('the internal control report: categories, goals and evidence, where the plan has them', () => {
  let h: Harness;
  let admin: Client;
  const md = (kind: string, period: string, lang: 'sv' | 'en' = 'sv') =>
    markdownOf(admin, h.tenant.unitB, kind, period, lang);

  beforeAll(async () => {
    h = await createHarness();
    admin = await h.as('tenantAdmin');
    const { vocabularyIds, periodIds, statusIds } = h.tenant;
    const unitId = h.tenant.unitB;
    const plan = await ok(
      admin.post('/plans', { unitId, kind: 'internal_control', title: 'Internkontrollplan 2026', startYear: 2026 }),
    );
    const correct = await ok(admin.post('/goals', { unitId, year: 2026, title: 'Korrekta utbetalningar' }));
    const trust = await ok(admin.post('/goals', { unitId, year: 2026, title: 'Förtroende för upphandlingar' }));
    const payments = await ok(
      admin.post('/risks', {
        planId: plan.id,
        title: 'Felaktiga utbetalningar',
        processId: vocabularyIds.process.ekonomi,
        categoryId: vocabularyIds.risk_category['finansiell-risk'],
        goalIds: [correct.id],
      }),
    );
    const conflicts = await ok(
      admin.post('/risks', {
        planId: plan.id,
        title: 'Jäv vid upphandling',
        processId: vocabularyIds.process.upphandling,
        categoryId: vocabularyIds.risk_category['oegentligheter-och-korruption'],
      }),
    );
    const logs = await ok(
      admin.post('/risks', { planId: plan.id, title: 'Obehörig åtkomst', processId: vocabularyIds.process.ekonomi }),
    );
    const control = async (riskId: string, title: string) => ok(admin.post('/controls', { riskId, title }));
    const sample = await control(payments.id, 'Stickprov av fakturor');
    const declaration = await control(conflicts.id, 'Jävsdeklaration');
    await control(logs.id, 'Loggkontroll');
    const routine = await ok(
      admin.post('/actions', {
        planId: plan.id,
        riskId: conflicts.id,
        title: 'Ny jävsrutin',
        statusId: statusIds.klar,
        goalIds: [trust.id, correct.id],
      }),
    );
    const clean = await ok(
      admin.post('/control-results', {
        controlId: sample.id,
        periodId: periodIds.q1,
        outcome: 'no_remarks',
        performedOn: '2026-03-20',
      }),
    );
    const found = await ok(
      admin.post('/control-results', {
        controlId: declaration.id,
        periodId: periodIds.q2,
        outcome: 'with_deviation',
        performedOn: '2026-06-10',
        deviations: [{ title: 'Deklaration saknades', severityId: vocabularyIds.deviation_severity.significant }],
      }),
    );
    const [deviationId] = found.deviationIds as string[];
    const deviation = await ok(admin.get(`/deviations/${deviationId}`));
    await ok(admin.patch(`/deviations/${deviationId}`, { version: deviation.version, actionId: routine.id }));
    // Evidence files, as an upload stores them: two on the clean result (one archived since), one on the deviation.
    const file = (
      target: { controlResultId: string } | { deviationId: string },
      fileName: string,
      archived = false,
    ) => {
      const content = Buffer.from(`%PDF-1.4\n${fileName}\n`);
      return {
        tenantId: h.tenant.tenantId,
        id: uuidv7(),
        ...target,
        fileName,
        contentType: 'application/pdf',
        byteSize: content.byteLength,
        sha256: createHash('sha256').update(content).digest('hex'),
        storage: 'database' as const,
        content,
        ...(archived ? { archivedAt: new Date('2026-06-01T10:00:00Z') } : {}),
      };
    };
    await h.db.insert(attachments).values(file({ controlResultId: clean.id }, 'protokollsutdrag.pdf'));
    await h.db.insert(attachments).values(file({ controlResultId: clean.id }, 'fel-version.pdf', true));
    await h.db.insert(attachments).values(file({ controlResultId: clean.id }, 'stickprovslista.pdf'));
    await h.db.insert(attachments).values(file({ deviationId: deviationId! }, 'anmälan.pdf'));
  });
  afterAll(() => h.close());

  test('the totals per risk category under the summary, with the risks without one last and a total', async () => {
    const report = await md('internal-control-report', '2026');
    const summary = report.slice(report.indexOf('# Sammanfattning per process'), report.indexOf('# Resultat'));
    const perCategory = summary.slice(summary.indexOf('## Per riskkategori'));
    expect(perCategory).toContain(
      '| Riskkategori | Antal risker | Antal kontrollmoment | Utan anmärkning | Med avvikelse | Ej genomförda | Utan resultat | Avvikelser per allvarlighet |',
    );
    expect(row(perCategory, 'Finansiell risk')).toBe('| Finansiell risk | 1 | 1 | 1 | 0 | 0 | 0 | 0 |');
    expect(row(perCategory, 'Oegentligheter och korruption')).toBe(
      '| Oegentligheter och korruption | 1 | 1 | 0 | 1 | 0 | 0 | Väsentlig: 1 |',
    );
    expect(row(perCategory, 'Inte angiven')).toBe('| Inte angiven | 1 | 1 | 0 | 0 | 0 | 1 | 0 |');
    expect(row(perCategory, 'Totalt')).toBe('| Totalt | 3 | 3 | 1 | 1 | 0 | 1 | Väsentlig: 1 |');
    // The per-process table is still the first, with the processes as before.
    expect(row(summary, 'Ekonomi')).toBe('| Ekonomi | 2 | 2 | 1 | 0 | 0 | 1 | 0 |');
    expect(summary.indexOf('| Ekonomi |')).toBeLessThan(summary.indexOf('## Per riskkategori'));

    const english = await md('internal-control-report', '2026', 'en');
    const englishCategories = english.slice(english.indexOf('## Per risk category'));
    expect(row(englishCategories, 'Financial risk')).toBe('| Financial risk | 1 | 1 | 1 | 0 | 0 | 0 | 0 |');
    expect(row(englishCategories, 'Not given')).toBe('| Not given | 1 | 1 | 0 | 0 | 0 | 1 | 0 |');
  });

  test('the goals of each risk with the risk, of each action with the action; evidence files by name, archived ones left out', async () => {
    const report = await md('internal-control-report', '2026');
    expect(row(report, 'Felaktiga utbetalningar<br>Mål: Korrekta utbetalningar')).toBe(
      '| Felaktiga utbetalningar<br>Mål: Korrekta utbetalningar | Stickprov av fakturor | Kvartal 1 2026 | Genomförd utan anmärkning | 2026-03-20 | Underlag: protokollsutdrag.pdf, stickprovslista.pdf |',
    );
    // A risk without goals has no goal line.
    expect(report).toContain(
      '| Jäv vid upphandling | Jävsdeklaration | Kvartal 2 2026 | Genomförd med avvikelse | 2026-06-10 |  |',
    );
    expect(row(report, 'Deklaration saknades<br>Underlag: anmälan.pdf')).toMatch(
      /^\| Deklaration saknades<br>Underlag: anmälan\.pdf \| Jävsdeklaration \| 2026-06-1\d \| Väsentlig \| (Öppen|Stängd) \| Ny jävsrutin<br>Status: Klar<br>Mål: Korrekta utbetalningar, Förtroende för upphandlingar \|$/,
    );
    expect(report).not.toContain('fel-version.pdf');
    const english = await md('internal-control-report', '2026', 'en');
    expect(english).toContain('Evidence: protokollsutdrag.pdf, stickprovslista.pdf');
    expect(english).toContain('Goals: Korrekta utbetalningar');
    // A period holds the evidence of its own results only.
    const q1 = await md('period-report', '2026-Q1');
    expect(q1).toContain('Underlag: protokollsutdrag.pdf, stickprovslista.pdf');
    expect(q1).not.toContain('anmälan.pdf');
  });
});
