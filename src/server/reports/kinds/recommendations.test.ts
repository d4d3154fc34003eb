import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { fixedClock } from '../../../domain/clock.ts';
import { createApp } from '../../app.ts';
import { CSRF_HEADER } from '../../auth/authenticate.ts';
import type { DatabaseHandle } from '../../db/client.ts';
import { auditEvents } from '../../db/schema/audit-events.ts';
import { orgUnits } from '../../db/schema/org-units.ts';
import { plans } from '../../db/schema/plans.ts';
import { reviews } from '../../db/schema/reviews.ts';
import { statuses } from '../../db/schema/statuses.ts';
import { tenants } from '../../db/schema/tenants.ts';
import { DEMO_PASSWORD, loadDemoData } from '../../demo/load-demo-data.ts';
import { demoFixturesFolder } from '../../paths.ts';
import { readTables } from '../../tables/read-table.ts';
import { renderMarkdown } from '../render-markdown.ts';
import { labelsFor } from '../report-context.ts';
import { recommendationsReport } from './recommendations.ts';
import { HARNESS_NOW, clientFor, ok, type Client } from '../../../../test/support/harness.ts';
import { demoClock } from '../../../../test/support/demo-clock.ts';
import { docxText, pdfText } from '../../../../test/support/seed-fidelity.ts';
import { createTestDatabase } from '../../../../test/support/test-database.ts';

// Uppföljning av revisionens rekommendationer on Malmö's demo data (Grundskolenämnden's plan
// 2020 and its reviews), with recommendations added through the API: answered and closed,
// open and overdue, a sub-recommendation, answers of an addressed förvaltning and of a nämnd
// outside the subtree, a review of an earlier year still open and one closed, one dated after
// the period, a review of the förvaltning below, and an action decided from a review. Today is
// 2026-06-15 by the report's clock.

/** The rows of the Markdown table after the caption line `*caption*`, as objects keyed by column title. */
function markdownTable(markdown: string, caption: string): Record<string, string>[] {
  const lines = markdown.split('\n');
  const start = lines.indexOf(`*${caption}*`);
  if (start < 0) throw new Error(`no table "${caption}" in the report:\n${markdown}`);
  const split = (line: string) =>
    line
      .slice(2, -2)
      .split(' | ')
      .map((cell) => cell.replace(/\\(.)/g, '$1').trim());
  const header = split(lines[start + 2]!);
  const rows: Record<string, string>[] = [];
  for (let index = start + 4; index < lines.length && lines[index]!.startsWith('|'); index += 1)
    rows.push(Object.fromEntries(split(lines[index]!).map((cell, column) => [header[column]!, cell])));
  return rows;
}

describe('the follow-up of the auditors’ recommendations, on the demo data', () => {
  let database: DatabaseHandle;
  let admin: Client;
  let tenantId = '';
  const unit: Record<string, string> = {};
  const ids: Record<string, string> = {};

  const report = async (unitName: string, format: string, extra = '') => {
    const reply = await admin.get(
      `/reports/recommendations?unit=${unit[unitName]}&period=2020&format=${format}${extra}`,
    );
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    return reply;
  };
  const markdown = async (unitName: string, lang: 'sv' | 'en' = 'sv') =>
    new TextDecoder().decode((await report(unitName, 'md', `&lang=${lang}`)).bytes);

  beforeAll(async () => {
    database = await createTestDatabase();
    await loadDemoData(database.db, { fixturesFolder: demoFixturesFolder, clock: demoClock });
    const app = createApp({ database, clock: fixedClock(HARNESS_NOW) });
    const login = await app.request('/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@malmo.example', password: DEMO_PASSWORD }),
    });
    expect(login.status).toBe(200);
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    admin = clientFor(app, {
      cookie: login.headers.get('set-cookie')!.split(';')[0]!,
      [CSRF_HEADER]: csrfToken,
      'accept-language': 'sv',
    });
    const { db } = database;
    [{ id: tenantId }] = (await db.select({ id: tenants.id }).from(tenants).where(eq(tenants.slug, 'malmo'))) as [
      { id: string },
    ];
    for (const row of await db
      .select({ id: orgUnits.id, name: orgUnits.name })
      .from(orgUnits)
      .where(eq(orgUnits.tenantId, tenantId)))
      unit[row.name] = row.id;
    const status: Record<string, string> = {};
    for (const row of await db
      .select({ id: statuses.id, key: statuses.key })
      .from(statuses)
      .where(eq(statuses.tenantId, tenantId)))
      status[row.key] = row.id;
    const [plan2020] = await db
      .select({ id: plans.id })
      .from(plans)
      .where(
        and(
          eq(plans.unitId, unit['Grundskolenämnden']!),
          eq(plans.startYear, 2020),
          eq(plans.kind, 'internal_control'),
          isNull(plans.archivedAt),
        ),
      );
    const [payments] = await db
      .select({ id: reviews.id })
      .from(reviews)
      .where(and(eq(reviews.tenantId, tenantId), eq(reviews.diarienummer, 'GRF-2020-11639')));
    ids.payments = payments!.id;

    // An earlier year's reviews: one with a recommendation still open, one whose recommendation is done.
    const plan2019 = await ok(
      admin.post('/plans', {
        unitId: unit['Grundskolenämnden'],
        kind: 'internal_control',
        title: 'Internkontrollplan 2019',
        startYear: 2019,
      }),
    );
    const oldOpen = await ok(
      admin.post('/reviews', {
        planId: plan2019.id,
        title: 'Granskning av attestrutiner',
        diarienummer: 'GRF-2019-500',
        meetingDate: '2019-05-20',
        decisionParagraph: '§40',
      }),
    );
    await ok(
      admin.post('/recommendations', {
        reviewId: oldOpen.id,
        number: '1',
        recommendation: 'Uppdatera attestordningen.',
        statusId: status.pagaende,
        dueDate: '2019-12-31',
      }),
    );
    const oldClosed = await ok(
      admin.post('/reviews', {
        planId: plan2019.id,
        title: 'Granskning av kassahantering',
        diarienummer: 'GRF-2019-501',
        meetingDate: '2019-09-10',
      }),
    );
    await ok(
      admin.post('/recommendations', {
        reviewId: oldClosed.id,
        recommendation: 'Räkna kassan varje vecka.',
        statusId: status.genomford,
      }),
    );

    // The demo review of late payments: answered and closed, open and overdue with a part, addressed to two units.
    const closed = await ok(
      admin.post('/recommendations', {
        reviewId: ids.payments,
        number: '1',
        recommendedBy: 'Revisorerna',
        recommendation: 'Inför påminnelser före förfallodagen.',
        answer: 'Nämnden instämmer och inför påminnelser.',
        answeredOn: '2020-09-01',
        actionsTaken: 'Påminnelser skickas sedan oktober.',
        dueDate: '2020-12-31',
        statusId: status.genomford,
      }),
    );
    // It was closed on 2020-11-10: the audit trail's moment of its status (written now by the database's own clock).
    await db
      .update(auditEvents)
      .set({ occurredAt: new Date('2020-11-10T09:00:00Z') })
      .where(and(eq(auditEvents.tenantId, tenantId), eq(auditEvents.entityId, closed.id)));
    const open = await ok(
      admin.post('/recommendations', {
        reviewId: ids.payments,
        number: '2',
        recommendedBy: 'Revisorerna',
        recommendation: 'Följ upp betalningstiderna varje kvartal.',
        answer: 'Uppföljningen förs in i delårsrapporten.',
        answeredOn: '2020-09-01',
        dueDate: '2021-03-31',
        statusId: status.pagaende,
      }),
    );
    await ok(
      admin.post('/recommendations', {
        reviewId: ids.payments,
        parentId: open.id,
        number: '2.1',
        recommendation: 'Redovisa förseningarna per skola.',
      }),
    );
    await ok(
      admin.post(`/recommendations/${open.id}/addressees`, {
        unitId: unit['Grundskoleförvaltningen'],
        answer: 'Förvaltningen tar fram en kvartalsrapport.',
        answeredOn: '2020-10-05',
        actionsTaken: 'Rapportmallen är klar.',
        dueDate: '2026-12-31',
        statusId: status['ej-paborjad'],
      }),
    );
    const upperSecondary = await ok(
      admin.post(`/recommendations/${open.id}/addressees`, {
        unitId: unit['Gymnasie- och vuxenutbildningsnämnden'],
        answer: 'Gymnasienämnden följer samma modell.',
        statusId: status.pagaende,
      }),
    );
    // Its answer was written on 2020-10-01 and done on 2021-01-15, as the audit trail records it.
    await ok(
      admin.patch(`/recommendation-addressees/${upperSecondary.id}`, {
        version: upperSecondary.version,
        statusId: status.genomford,
      }),
    );
    for (const [operation, moment] of [
      ['create', '2020-10-01T09:00:00Z'],
      ['update', '2021-01-15T09:00:00Z'],
    ] as const)
      await db
        .update(auditEvents)
        .set({ occurredAt: new Date(moment) })
        .where(and(eq(auditEvents.entityId, upperSecondary.id), eq(auditEvents.operation, operation)));

    // A follow-up review of the earlier one, with an action decided from it.
    const followUp = await ok(
      admin.post('/reviews', {
        planId: plan2020!.id,
        title: 'Uppföljande granskning av attestrutiner',
        diarienummer: 'GRF-2020-20000',
        meetingDate: '2020-10-20',
        decisionParagraph: '§120',
        followsUpReviewId: oldOpen.id,
      }),
    );
    await ok(
      admin.post('/recommendations', {
        reviewId: followUp.id,
        recommendation: 'Dokumentera delegationen.',
        dueDate: '2027-06-30',
        statusId: status['ej-paborjad'],
      }),
    );
    await ok(
      admin.post('/actions', {
        planId: plan2020!.id,
        reviewId: followUp.id,
        title: 'Ny delegationsordning',
        measuresTaken: 'Beslutad i november.',
        responsibleUnitId: unit['Grundskoleförvaltningen'],
        endDate: '2020-12-31',
        statusId: status.klar,
      }),
    );
    // Dated after the period: not in the report of 2020.
    const later = await ok(
      admin.post('/reviews', {
        planId: plan2020!.id,
        title: 'Granskning av skolskjutsar',
        diarienummer: 'GRF-2021-1',
        meetingDate: '2021-02-10',
      }),
    );
    await ok(admin.post('/recommendations', { reviewId: later.id, recommendation: 'Upphandla skolskjutsarna.' }));

    // The förvaltning's own review, below the nämnd.
    const administrationPlan = await ok(
      admin.post('/plans', {
        unitId: unit['Grundskoleförvaltningen'],
        kind: 'internal_control',
        title: 'Internkontrollplan GRF 2020',
        startYear: 2020,
      }),
    );
    const payroll = await ok(
      admin.post('/reviews', {
        planId: administrationPlan.id,
        title: 'Granskning av lönehantering',
        diarienummer: 'GRF-2020-30000',
        meetingDate: '2020-11-30',
      }),
    );
    await ok(
      admin.post('/recommendations', {
        reviewId: payroll.id,
        recommendation: 'Stäm av lönelistorna varje månad.',
        dueDate: '2020-12-31',
        statusId: status.pagaende,
      }),
    );
  });
  afterAll(() => database.close());

  /** The report built without HTTP, for a caller who reads only some units. */
  const built = async (unitName: string, readable: string[] | 'all') =>
    renderMarkdown(
      await recommendationsReport({
        db: database.db,
        tenantId,
        unit: { id: unit[unitName]!, name: unitName },
        startYear: 2020,
        endYear: 2020,
        locale: 'sv',
        labels: labelsFor('sv'),
        today: '2026-06-15',
        generatedAt: '2026-06-15T10:00:00.000Z',
        readableUnitIds: readable,
      }),
    );

  const PAYMENTS_ROWS = [
    {
      Nr: '1',
      Rekommendation: 'Inför påminnelser före förfallodagen.<br>(Revisorerna)',
      'Nämndens svar': 'Nämnden instämmer och inför påminnelser.<br>Besvarad 2020-09-01',
      'Vidtagna åtgärder': 'Påminnelser skickas sedan oktober.',
      Status: 'Genomförd<br>stängd 2020-11-10',
      'Klart senast': '2020-12-31',
      // From the review's meeting (2020-06-16) to the day it was closed.
      'Dagar öppen': '147',
    },
    {
      Nr: '2',
      Rekommendation: 'Följ upp betalningstiderna varje kvartal.<br>(Revisorerna)',
      'Nämndens svar': 'Uppföljningen förs in i delårsrapporten.<br>Besvarad 2020-09-01',
      'Vidtagna åtgärder': '',
      Status: 'Pågående',
      'Klart senast': '2021-03-31<br>försenad',
      // Still open: to today, 2026-06-15.
      'Dagar öppen': '2190',
    },
    {
      Nr: '2',
      Rekommendation: 'Svar från Grundskoleförvaltningen',
      'Nämndens svar': 'Förvaltningen tar fram en kvartalsrapport.<br>Besvarad 2020-10-05',
      'Vidtagna åtgärder': 'Rapportmallen är klar.',
      Status: 'Ej påbörjad',
      'Klart senast': '2026-12-31',
      'Dagar öppen': '2190',
    },
    {
      Nr: '2.1',
      Rekommendation: 'Redovisa förseningarna per skola.',
      'Nämndens svar': '',
      'Vidtagna åtgärder': '',
      Status: 'Utan status',
      'Klart senast': '–',
      'Dagar öppen': '2190',
    },
  ];

  test('per recommendation the answer, what was done, the status, the due date and the days open; counted per status', async () => {
    const text = await markdown('Grundskolenämnden');
    expect(text).toContain('# Uppföljning av revisionens rekommendationer 2020\n\nGrundskolenämnden');
    expect(text).toContain(
      'Granskningar daterade 2020, och tidigare granskningar (före 2020) med rekommendationer som fortfarande är öppna.',
    );
    expect(markdownTable(text, 'GRF-2020-11639 – rekommendationer')).toEqual(PAYMENTS_ROWS);
    expect(text).toContain(
      '### GRF-2020-11639 Uppföljning av internkontrollplan 2020 - Försent betalda leverantörsfakturor',
    );
    expect(text).toContain('Beslutad av Grundskolenämnden, sammanträde 2020-06-16, protokoll §95.');

    // Six recommendations of the period's reviews and the open one of 2019 (the förvaltning's below included).
    expect(markdownTable(text, 'Rekommendationer per status')).toEqual([
      { Status: 'Ej påbörjad', Antal: '1' },
      { Status: 'Pågående', Antal: '3' },
      { Status: 'Genomförd', Antal: '1' },
      { Status: 'Utan status', Antal: '1' },
      { Status: 'Totalt', Antal: '6' },
    ]);
    expect(text).toContain('5 rekommendationer är öppna, varav 3 är försenade.');
    expect(text).toContain('Den äldsta öppna rekommendationen har varit öppen i 2583 dagar.');

    // An earlier year's review with a recommendation still open is there; one all done is not; a later one is not.
    expect(markdownTable(text, 'GRF-2019-500 – rekommendationer')).toEqual([
      {
        Nr: '1',
        Rekommendation: 'Uppdatera attestordningen.',
        'Nämndens svar': '',
        'Vidtagna åtgärder': '',
        Status: 'Pågående',
        'Klart senast': '2019-12-31<br>försenad',
        'Dagar öppen': '2583',
      },
    ]);
    expect(text).not.toContain('GRF-2019-501');
    expect(text).not.toContain('Räkna kassan');
    expect(text).not.toContain('GRF-2021-1');
    expect(text).not.toContain('Upphandla skolskjutsarna');

    // The follow-up review names the review it follows up; the action decided from it is listed.
    expect(text).toContain(
      'Följer upp: GRF-2019-500 Granskning av attestrutiner. Sammanträde 2019-05-20, protokoll §40.',
    );
    expect(markdownTable(text, 'GRF-2020-20000 – rekommendationer')[0]).toMatchObject({
      Status: 'Ej påbörjad',
      'Klart senast': '2027-06-30',
      'Dagar öppen': '2064',
    });
    expect(markdownTable(text, 'GRF-2020-20000 – åtgärder')).toEqual([
      {
        Åtgärd: 'Ny delegationsordning',
        'Genomförda åtgärder': 'Beslutad i november.',
        Ansvarig: 'Grundskoleförvaltningen',
        Slutdatum: '2020-12-31',
        Status: 'Klar',
      },
    ]);
    // The demo's actions decided from its reviews.
    expect(markdownTable(text, 'GRF-2020-11651 – åtgärder').map((row) => row['Åtgärd'])).toEqual([
      'Främja ökad likvärdighet med hjälp av förvaltningsgemensam mall för lokal elevhälsoplan',
      'Kompetenshöjande insats för skolledare kring elevhälsouppdraget',
    ]);
    // A demo review without recommendations says so.
    expect(text).toMatch(
      /### GRF-2020-11770 [^\n]+\n\nGranskad enhet: Grundskolenämnden\.\n\n[^\n]+\n\nInga rekommendationer är registrerade\./,
    );

    // The förvaltning below is in the nämnd's report; a nämnd beside it is not, nor its answer.
    expect(markdownTable(text, 'GRF-2020-30000 – rekommendationer')[0]).toMatchObject({
      Rekommendation: 'Stäm av lönelistorna varje månad.',
      'Klart senast': '2020-12-31<br>försenad',
      'Dagar öppen': '2023',
    });
    expect(text).toContain('Granskad enhet: Grundskoleförvaltningen.');
    expect(text).not.toContain('Gymnasienämnden följer samma modell');
  });

  test('the units below only: the förvaltning sees its own review and the recommendation addressed to it, not the rest', async () => {
    const text = await markdown('Grundskoleförvaltningen');
    expect(markdownTable(text, 'GRF-2020-11639 – rekommendationer')).toEqual([
      PAYMENTS_ROWS[1],
      PAYMENTS_ROWS[2],
      PAYMENTS_ROWS[3],
    ]);
    expect(text).toContain('GRF-2020-30000');
    expect(text).not.toContain('Inför påminnelser');
    expect(text).not.toContain('GRF-2019-500');
    expect(text).not.toContain('GRF-2020-11651');
    expect(markdownTable(text, 'Rekommendationer per status')).toEqual([
      { Status: 'Pågående', Antal: '2' },
      { Status: 'Utan status', Antal: '1' },
      { Status: 'Totalt', Antal: '3' },
    ]);
  });

  test('a unit the caller does not read is left out, with its answers', async () => {
    const all = await built('Malmö stad', 'all');
    expect(all).toContain('Svar från Gymnasie- och vuxenutbildningsnämnden');
    expect(markdownTable(all, 'GRF-2020-11639 – rekommendationer')[3]).toEqual({
      Nr: '2',
      Rekommendation: 'Svar från Gymnasie- och vuxenutbildningsnämnden',
      'Nämndens svar': 'Gymnasienämnden följer samma modell.',
      'Vidtagna åtgärder': '',
      Status: 'Genomförd<br>stängd 2021-01-15',
      'Klart senast': '–',
      // From the review's meeting (2020-06-16) to the day its status became a completed one.
      'Dagar öppen': '213',
    });
    expect(all).toContain('GRF-2020-30000');

    const readable = Object.entries(unit)
      .filter(([name]) => name !== 'Grundskoleförvaltningen' && name !== 'Gymnasie- och vuxenutbildningsnämnden')
      .map(([, id]) => id);
    const limited = await built('Malmö stad', readable);
    expect(limited).not.toContain('Gymnasie- och vuxenutbildningsnämnden');
    expect(limited).not.toContain('Gymnasienämnden följer samma modell');
    expect(limited).not.toContain('GRF-2020-30000');
    expect(limited).not.toContain('Stäm av lönelistorna');
    expect(limited).not.toContain('Förvaltningen tar fram en kvartalsrapport');
    expect(markdownTable(limited, 'GRF-2020-11639 – rekommendationer').map((row) => row.Nr)).toEqual(['1', '2', '2.1']);
    expect(markdownTable(limited, 'Rekommendationer per status').at(-1)).toEqual({ Status: 'Totalt', Antal: '5' });

    // Nobody readable below: nothing but the scope and the sentence that there is nothing.
    const none = await built('Grundskolenämnden', []);
    expect(none).toContain('Inga granskningar under perioden och inga öppna rekommendationer från tidigare år.');
    expect(none).not.toContain('GRF-');
  });

  test('in English', async () => {
    const text = await markdown('Grundskolenämnden', 'en');
    expect(text).toContain("# Follow-up of the auditors' recommendations 2020");
    expect(markdownTable(text, 'GRF-2020-11639 – recommendations')[2]).toEqual({
      'No.': '2',
      Recommendation: 'Answer from Grundskoleförvaltningen',
      "The committee's answer": 'Förvaltningen tar fram en kvartalsrapport.<br>Answered 2020-10-05',
      'Actions taken': 'Rapportmallen är klar.',
      Status: 'Not started',
      Due: '2026-12-31',
      'Days open': '2190',
    });
    expect(markdownTable(text, 'Recommendations per status').at(-1)).toEqual({ Status: 'Total', Count: '6' });
    expect(text).toContain('5 recommendations are open, 3 of them overdue.');
  });

  test('as PDF, DOCX, HTML and XLSX', async () => {
    const pdf = pdfText((await report('Grundskolenämnden', 'pdf')).bytes).replace(/\s+/g, ' ');
    const docx = docxText((await report('Grundskolenämnden', 'docx')).bytes).replace(/\s+/g, ' ');
    const html = new TextDecoder().decode((await report('Grundskolenämnden', 'html')).bytes);
    for (const [format, text] of [
      ['pdf', pdf],
      ['docx', docx],
      ['html', html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ')],
    ] as const) {
      for (const passage of [
        'Uppföljning av revisionens rekommendationer 2020',
        // The counts per status (the table's caption is for screen readers and the sheet's name).
        'Ej påbörjad 1 Pågående 3 Genomförd 1 Utan status 1 Totalt 6',
        '5 rekommendationer är öppna, varav 3 är försenade.',
        'Inför påminnelser före förfallodagen.',
        'Nämnden instämmer och inför påminnelser.',
        'Påminnelser skickas sedan oktober.',
        'stängd 2020-11-10',
        'Svar från Grundskoleförvaltningen',
        'Följer upp: GRF-2019-500 Granskning av attestrutiner.',
        'Ny delegationsordning',
        'Dagar öppen',
        '2583',
      ])
        expect(text, `${format}: ${passage}`).toContain(passage);
      expect(text, format).not.toContain('Gymnasienämnden följer samma modell');
    }

    const workbook = await readTables(new Uint8Array((await report('Grundskolenämnden', 'xlsx')).bytes));
    const sheet = (name: string) => workbook.find((table) => table.sheet === name)!.rows;
    expect(sheet('Rekommendationer per status')).toEqual([
      ['Status', 'Antal'],
      ['Ej påbörjad', '1'],
      ['Pågående', '3'],
      ['Genomförd', '1'],
      ['Utan status', '1'],
      ['Totalt', '6'],
    ]);
    expect(sheet('GRF-2020-11639 – rekommendat')).toEqual([
      ['Nr', 'Rekommendation', 'Nämndens svar', 'Vidtagna åtgärder', 'Status', 'Klart senast', 'Dagar öppen'],
      ...PAYMENTS_ROWS.map((row) => Object.values(row).map((value) => value.replace(/<br>/g, '\n'))),
    ]);
    expect(workbook.map((table) => table.sheet)).toContain('GRF-2020-20000 – åtgärder');
  });

  test('made from the reviews as they are now: a plan or a revision is refused, naming the field', async () => {
    const [plan] = await database.db
      .select({ id: plans.id })
      .from(plans)
      .where(and(eq(plans.unitId, unit['Grundskolenämnden']!), eq(plans.startYear, 2020)));
    const base = `/reports/recommendations?unit=${unit['Grundskolenämnden']}&period=2020&format=md`;
    const withPlan = await admin.get(`${base}&plan=${plan!.id}`);
    expect(withPlan.status).toBe(400);
    expect(withPlan.body.errors[0].path).toBe('plan');
    const withRevision = await admin.get(`${base}&revision=1`);
    expect(withRevision.status).toBe(400);
    expect(withRevision.body.errors[0].path).toBe('revision');
    // A range of years: the reviews of both, and the open ones from before.
    const range = new TextDecoder().decode(
      (await admin.get(`/reports/recommendations?unit=${unit['Grundskolenämnden']}&period=2020-2021&format=md`)).bytes,
    );
    expect(range).toContain('Upphandla skolskjutsarna.');
    expect(range).toContain('Granskningar daterade 2020-2021, och tidigare granskningar (före 2020)');
    // A reporting period: the reviews dated in it, and the earlier ones still open.
    const half = new TextDecoder().decode(
      (await admin.get(`/reports/recommendations?unit=${unit['Grundskolenämnden']}&period=2020-H2&format=md`)).bytes,
    );
    expect(half).toContain('Granskningar daterade Halvår 2 2020, och tidigare granskningar (före 2020-07-01)');
    expect(half).toContain('Rapportperiod: Halvår 2 2020 (2020-07-01 – 2020-12-31)');
  });
});
