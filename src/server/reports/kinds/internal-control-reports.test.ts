import { and, eq } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { controls } from '../../db/schema/controls.ts';
import { deviations } from '../../db/schema/deviations.ts';
import { planNotes } from '../../db/schema/plan-notes.ts';
import { risks } from '../../db/schema/risks.ts';
import { plans } from '../../db/schema/plans.ts';
import { createHarness, ok, type Client, type Harness } from '../../../../test/support/harness.ts';
import type { Block, ReportDocument } from '../document.ts';
import { reportContextFor } from '../../../../test/support/report-contexts.ts';
import { controlFollowUpReport } from './control-follow-up.ts';
import { councilSummaryReport } from './council-summary.ts';
import { deviationsReport } from './deviations.ts';
import { improvementActionsReport } from './improvement-actions.ts';
import { planReport } from './plan.ts';

// What the reports of an internkontrollplan say, line by line: the plan for decision, the
// follow-up of improvement actions (seed 001's layout), the control follow-up (seed 004's), the
// deviations of a unit and the kommunstyrelse's summary. One plan holds a risk with everything
// filled in, one that is not assessed and one without actions, so that each rule of what is
// printed, and of what is left out, is seen. Read as Markdown, the plainest view of the words.

const doc = (...paragraphs: string[]) => `${paragraphs.join('\n\n')}\n`;
/** Each of the passages is in the report (for the English versions, read passage by passage). */
const expectPassages = (markdown: string, passages: string[]) => {
  for (const passage of passages) expect(markdown).toContain(passage);
};
const table = (...rows: string[]) => rows.join('\n');

const RISK_MATRIX_SV = [
  'Varje ruta visar hur många risker som har den sannolikheten och konsekvensen.',
  '*Riskmatris*',
  table(
    '| Sannolikhet \\\\ Konsekvens | 1 Försumbar | 2 Lindrig | 3 Kännbar | 4 Allvarlig |',
    '| --- | --- | --- | --- | --- |',
    '| 4 Sannolik | 0 · Måttlig | 0 · Hög | 0 · Mycket hög | 0 · Mycket hög |',
    '| 3 Möjlig | 0 · Låg | 0 · Måttlig | 0 · Hög | 1 · Mycket hög |',
    '| 2 Mindre sannolik | 0 · Låg | 0 · Måttlig | 0 · Måttlig | 0 · Hög |',
    '| 1 Osannolik | 1 · Låg | 0 · Låg | 0 · Låg | 0 · Måttlig |',
  ),
  '1 risk är inte bedömd och står inte i matrisen.',
  '**Riskvärdenas färger**',
  '- Låg: riskvärde 1–3\n- Måttlig: riskvärde 4–6\n- Hög: riskvärde 7–9\n- Mycket hög: riskvärde 10–16',
];

describe('the reports of an internal control plan', () => {
  let h: Harness;
  let admin: Client;
  const report2027 = async (kind: string, unit: string) => {
    const reply = await admin.get(`/reports/${kind}?unit=${unit}&period=2027&format=md`);
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    return reply.body as string;
  };
  const report = async (kind: string, lang: 'sv' | 'en', unit = h.tenant.unitA) => {
    const reply = await admin.get(`/reports/${kind}?unit=${unit}&period=2026&format=md&lang=${lang}`);
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    return reply.body as string;
  };

  beforeAll(async () => {
    h = await createHarness();
    admin = await h.as('tenantAdmin');
    const { statusIds, periodIds } = h.tenant;
    const plan = await ok(
      admin.post('/plans', {
        unitId: h.tenant.unitA,
        kind: 'internal_control',
        title: 'Internkontrollplan 2026',
        startYear: 2026,
        description: 'Planen gäller **2026**.',
      }),
    );
    const payments = await ok(
      admin.post('/risks', {
        planId: plan.id,
        title: 'Felaktiga utbetalningar',
        description: 'Orsak och konsekvens',
        likelihood: 3,
        consequence: 4,
      }),
    );
    const conflicts = await ok(admin.post('/risks', { planId: plan.id, title: 'Jäv vid upphandling' }));
    await ok(admin.post('/risks', { planId: plan.id, title: 'Utan åtgärder', likelihood: 1, consequence: 1 }));
    const sample = await ok(
      admin.post('/controls', {
        riskId: payments.id,
        title: 'Stickprov av fakturor',
        description: 'Tio fakturor',
        methodId: h.tenant.vocabularyIds.control_method.stickprov,
        frequency: { kind: 'half_yearly' },
        responsibleIds: [h.userIds.responsible],
        reportingIds: [h.userIds.coordinator],
        startDate: '2026-01-01',
        checkpoints: ['2026-03-31', '2026-06-30'],
        endDate: '2026-12-31',
        statusId: statusIds.pagaende,
      }),
    );
    // Due before the harness's today (2026-06-15) and not completed: overdue.
    await ok(admin.post('/controls', { riskId: payments.id, title: 'Attestkontroll', endDate: '2026-05-31' }));
    // Due before today but completed: not overdue.
    await ok(
      admin.post('/controls', {
        riskId: conflicts.id,
        title: 'Jävsdeklaration',
        statusId: statusIds.klar,
        endDate: '2026-01-31',
      }),
    );
    await ok(
      admin.post('/follow-ups', {
        controlId: sample.id,
        periodId: periodIds.q1,
        body: 'Inga fel i urvalet.',
        reportedOn: '2026-04-02',
      }),
    );
    const routine = await ok(
      admin.post('/actions', {
        planId: plan.id,
        riskId: payments.id,
        title: 'Ny rutin',
        whatToDo: 'Skriv rutinen',
        measuresTaken: 'Rutinen är skriven',
        responsibleUnitId: h.tenant.unitA1,
        responsibleIds: [h.userIds.responsible],
        endDate: '2026-06-30',
        statusId: statusIds.klar,
      }),
    );
    await ok(admin.post('/actions', { planId: plan.id, riskId: payments.id, title: 'Utbildning' }));
    await ok(
      admin.post('/reviews', {
        planId: plan.id,
        title: 'Granskning av attester',
        diarienummer: 'NA-2026-1',
        meetingDate: '2026-05-12',
        decisionParagraph: '§12',
      }),
    );
    await ok(
      admin.post('/deviations', {
        controlId: sample.id,
        title: 'Dubbel utbetalning',
        description: 'Samma faktura två gånger',
        severityId: h.tenant.vocabularyIds.deviation_severity.significant!,
        foundOn: '2026-03-02',
        actionId: routine.id,
      }),
    );
    await ok(
      admin.post('/deviations', {
        controlId: sample.id,
        title: 'Saknad attest',
        severityId: h.tenant.vocabularyIds.deviation_severity.minor!,
        foundOn: '2026-04-10',
      }),
    );
    // Notes are written with the follow-up screens' plan comments; the API has no route of their own.
    await h.db.insert(planNotes).values([
      { tenantId: h.tenant.tenantId, id: uuidv7(), planId: plan.id, topic: 'general', body: 'En allmän kommentar.' },
      {
        tenantId: h.tenant.tenantId,
        id: uuidv7(),
        planId: plan.id,
        topic: 'deviations',
        body: 'En kommentar om avvikelser.',
      },
    ]);
    for (const [reportKind, section, body] of [
      ['improvement-actions', 'introduction', 'Vår inledning.'],
      ['improvement-actions', 'reviews-closing', 'Avslutning om granskningar.'],
      ['improvement-actions', 'actions-introduction', 'Om åtgärderna.'],
      ['control-follow-up', 'guidance', 'Så fyller du i.'],
      ['council-summary', 'evaluation', 'Kommunstyrelsen bedömer att kontrollen är god.'],
    ]) {
      await ok(admin.request('PUT', '/report-texts', { reportKind, section, body }));
    }
    await ok(
      admin.post('/reporting-calendar/events', {
        kind: 'namnd_meeting',
        unitId: h.tenant.unitA,
        date: '2026-09-16',
        title: 'Nämnd',
        agenda: 'Uppföljning av intern kontroll.',
      }),
    );
    await ok(
      admin.post('/reporting-calendar/events', {
        kind: 'ks_meeting',
        date: '2026-10-01',
        datePrecision: 'month',
        title: 'KS',
        agenda: 'Nämndernas rapporter.',
      }),
    );
    // The year-end reporting of 2026, held in 2027: its date says the year.
    await ok(
      admin.post('/reporting-calendar/events', {
        kind: 'namnd_meeting',
        unitId: h.tenant.unitA,
        date: '2027-02-16',
        periodId: periodIds.q2,
        title: 'Nämnd',
        agenda: 'Årets uppföljning.',
      }),
    );
    // A meeting without an agenda has nothing to report.
    await ok(
      admin.post('/reporting-calendar/events', {
        kind: 'namnd_meeting',
        unitId: h.tenant.unitA,
        date: '2026-11-11',
        title: 'Nämnd',
      }),
    );

    // Nämnd B's plan is adopted; Förvaltning A1's is adopted without a recorded decision (as plans adopted before decisions were kept).
    const adopted = await ok(
      admin.post('/plans', {
        unitId: h.tenant.unitB,
        kind: 'internal_control',
        title: 'Internkontrollplan B 2026',
        startYear: 2026,
      }),
    );
    await ok(
      admin.post(`/plans/${adopted.id}/adopt`, {
        version: adopted.version,
        decisionDate: '2026-02-17',
        decisionParagraph: '§95',
        diarienummer: 'NB-2026-3',
      }),
    );
    const undocumented = await ok(
      admin.post('/plans', {
        unitId: h.tenant.unitA1,
        kind: 'internal_control',
        title: 'Internkontrollplan A1 2026',
        startYear: 2026,
      }),
    );
    await h.db
      .update(plans)
      .set({ state: 'adopted', adoptedAt: new Date('2026-02-17T12:00:00Z') })
      .where(eq(plans.id, undocumented.id));
  });
  afterAll(() => h.close());

  test('the plan for decision: the description, the decision, the matrix, the risks table and each risk with its controls and actions', async () => {
    expect(await report('plan', 'sv')).toBe(
      doc(
        '# Internkontrollplan 2026',
        'Nämnd A',
        '2026',
        'Internkontrollplan 2026, utkast (ej antagen)',
        'Planen gäller **2026**.',
        '## Beslut',
        'Planen är inte beslutad än (utkast).',
        '## Riskmatris',
        ...RISK_MATRIX_SV,
        '## Risker',
        '*Planens risker med riskvärde, kontrollmoment och åtgärder*',
        table(
          '| Risk | Sannolikhet | Konsekvens | Riskvärde | Kontrollmoment | Åtgärder |',
          '| --- | --- | --- | --- | --- | --- |',
          '| Felaktiga utbetalningar | 3 | 4 | 12 | Stickprov av fakturor<br>Attestkontroll | Ny rutin<br>Utbildning |',
          '| Jäv vid upphandling | Ej bedömd | Ej bedömd | Ej bedömd | Jävsdeklaration |  |',
          '| Utan åtgärder | 1 | 1 | 1 |  |  |',
        ),
        '### Risk: Felaktiga utbetalningar',
        'Orsak och konsekvens',
        '**Kontrollmoment**',
        '- Stickprov av fakturor\n\n  Tio fakturor\n\n  *Stickprov*\n\n  *Halvårsvis*\n\n  *Ansvarig: Person responsible*\n- Attestkontroll',
        '**Åtgärder**',
        '- Ny rutin\n\n  Skriv rutinen\n\n  *Ansvarig: Person responsible*\n\n  *Slutdatum: 2026-06-30*\n- Utbildning',
        '### Risk: Jäv vid upphandling',
        '**Kontrollmoment**',
        '- Jävsdeklaration',
        '### Risk: Utan åtgärder',
      ),
    );
    const english = await report('plan', 'en');
    expectPassages(english, [
      '## Decision\n\nThe plan has not been adopted yet (draft).',
      '| Likelihood \\\\ Consequence | 1 Försumbar |',
      '1 risk is not assessed and is not in the matrix.\n\n**Colours of the risk values**\n\n- Låg: risk value 1–3',
      "## Risks\n\n*The plan's risks with risk value, controls and actions*\n\n| Risk | Likelihood | Consequence | Risk value | Controls | Actions |",
      '| Jäv vid upphandling | Not assessed | Not assessed | Not assessed | Jävsdeklaration |  |',
      '**Controls**\n\n- Stickprov av fakturor',
      '  *Responsible: Person responsible*\n\n  *End date: 2026-06-30*',
    ]);
  });

  test('the plan prints what was decided about a risk and how a control is made, in the reader’s language', async () => {
    const [risk] = (await admin.get('/risks?limit=500')).body.items.filter(
      (each: { title: string }) => each.title === 'Jäv vid upphandling',
    );
    const { process, risk_category: category } = h.tenant.vocabularyIds;
    const changed = await ok(
      admin.patch(`/risks/${risk.id}`, {
        processId: process.upphandling,
        categoryId: category['oegentligheter-och-korruption'],
        response: 'control',
        responseMotivation: 'Rutinen följs inte alltid.',
        legalReferences: 'LOU',
        version: risk.version,
      }),
    );
    const [control] = (await admin.get(`/controls?riskId=${risk.id}`)).body.items;
    const fn = await ok(admin.post('/unit-functions', { unitId: h.tenant.unitA, name: 'Upphandlingschef' }));
    await ok(admin.post(`/unit-functions/${fn.id}/holders`, { userId: h.userIds.reader, validFrom: '2026-01-01' }));
    const unitName = (await admin.get(`/org-units/${h.tenant.unitA}`)).body.name as string;
    const controlChanged = await ok(
      admin.patch(`/controls/${control.id}`, {
        scope: 'Samtliga upphandlingar över 100 000 kr',
        reportingTime: 'Vid delårsbokslut',
        reportsTo: ['committee', 'executive_board'],
        responsibleFunctionId: fn.id,
        version: control.version,
      }),
    );
    try {
      const sv = await report('plan', 'sv');
      expect(sv).toContain('*Process: Upphandling*\n\n*Riskkategori: Oegentligheter och korruption*');
      expect(sv).toContain('*Hantering: Kontrollera*');
      expect(sv).toContain('**Motivering**\n\nRutinen följs inte alltid.');
      expect(sv).toContain('Samtliga upphandlingar över 100 000 kr');
      expect(sv).toContain('*Rapporteras till: Nämnd, Kommunstyrelsen*');
      expect(sv).toContain(`*Kontrollansvarig: Upphandlingschef, ${unitName}*`);
      const en = await report('plan', 'en');
      expect(en).toContain('*Process: Procurement*');
      expect(en).toContain('*Response: Control*');
      expect(en).toContain('*Reports to: Committee, Municipal executive board*');
      expect(en).toContain(`*Control owner: Upphandlingschef, ${unitName}*`);
      // The kommunstyrelse sees the risks totalled by process and by category across the nämnder.
      const council = await report('council-summary', 'sv', h.tenant.rootId);
      expect(council).toContain('# Risker per process');
      expect(council).toMatch(/\| Upphandling \| 1 \| – \| 1 \|/);
      expect(council).toMatch(/\| Inte angiven \| \d+ \|/);
      expect(council).toContain('# Risker per riskkategori');
      expect(council).toMatch(/\| Oegentligheter och korruption \| 1 \|/);
    } finally {
      await ok(
        admin.patch(`/risks/${risk.id}`, {
          processId: null,
          categoryId: null,
          response: null,
          responseMotivation: null,
          legalReferences: null,
          version: changed.version,
        }),
      );
      await ok(
        admin.patch(`/controls/${control.id}`, {
          scope: null,
          reportingTime: null,
          reportsTo: [],
          responsibleFunctionId: null,
          version: controlChanged.version,
        }),
      );
    }
  });

  test('the decision as recorded: by whom, when, which paragraph and case number; and a plan adopted without a recorded decision says so', async () => {
    const adopted = await report('plan', 'sv', h.tenant.unitB);
    expect(adopted).toContain(
      doc(
        '# Internkontrollplan B 2026',
        'Nämnd B',
        '2026',
        'Internkontrollplan B 2026, antagen 2026-02-17 §95, revision 1',
        '## Beslut',
        'Beslutad av Nämnd B, sammanträde 2026-02-17, protokoll §95, diarienummer NB-2026-3.',
      ),
    );
    // Without risks there is neither a matrix nor a risk table.
    expect(adopted).not.toMatch(/Riskmatris|## Risker/);
    expect(await report('plan', 'en', h.tenant.unitB)).toContain(
      'Internkontrollplan B 2026, adopted 2026-02-17 §95, revision 1\n\n## Decision\n\nDecided by Nämnd B, meeting 2026-02-17, minutes §95, case number NB-2026-3.\n',
    );
    expect(await report('plan', 'sv', h.tenant.unitA1)).toBe(
      doc(
        '# Internkontrollplan A1 2026',
        'Förvaltning A1',
        '2026',
        'Internkontrollplan A1 2026, antagen, som planen ser ut i dag',
        '## Beslut',
        'Planen är beslutad; beslutets datum, paragraf och diarienummer är inte registrerade.',
      ),
    );
    expect(await report('plan', 'en', h.tenant.unitA1)).toContain(
      'Internkontrollplan A1 2026, adopted, as the plan is today\n\n## Decision\n\nThe plan is adopted; the date, paragraph and case number of the decision are not recorded.\n',
    );
  });

  test('a decision with only some of its parts recorded says just those', async () => {
    // Adopted with only the meeting's date: by the plan's own unit, on that day.
    const dated = await ok(
      admin.post('/plans', {
        unitId: h.tenant.unitA1,
        kind: 'internal_control',
        title: 'Internkontrollplan A1 2027',
        startYear: 2027,
      }),
    );
    await ok(admin.post(`/plans/${dated.id}/adopt`, { version: dated.version, decisionDate: '2026-12-10' }));
    expect(await report2027('plan', h.tenant.unitA1)).toContain(
      '## Beslut\n\nBeslutad av Förvaltning A1, sammanträde 2026-12-10.\n',
    );
    // A plan adopted before decisions were kept, with only a date: no deciding body to name.
    const old = await ok(
      admin.post('/plans', {
        unitId: h.tenant.rootId,
        kind: 'internal_control',
        title: 'Kommunens plan 2027',
        startYear: 2027,
      }),
    );
    await h.db
      .update(plans)
      .set({ state: 'adopted', adoptedAt: new Date('2026-12-01T12:00:00Z'), decisionDate: '2026-11-20' })
      .where(eq(plans.id, old.id));
    expect(await report2027('plan', h.tenant.rootId)).toContain('## Beslut\n\nSammanträde 2026-11-20.\n');
  });

  test('improvement actions: the introduction with the year’s reviews, then per risk with actions its description and each action', async () => {
    expect(await report('improvement-actions', 'sv')).toBe(
      doc(
        '# Uppföljning förbättringsåtgärder 2026',
        'Nämnd A',
        'Internkontrollplan 2026, utkast (ej antagen)',
        '## Inledning',
        'Vår inledning.',
        'Granskningar 2026 med förbättringsåtgärder och när dessa beslutats:',
        '- NA-2026-1 Granskning av attester. Sammanträde 2026-05-12, protokoll §12.',
        'Avslutning om granskningar.',
        '## Förbättringsåtgärder',
        'Om åtgärderna.',
        '### Risk: Felaktiga utbetalningar',
        '##### Beskrivning av risk',
        'Orsak och konsekvens',
        '#### Åtgärd: Ny rutin',
        '**Vad ska göras:**',
        'Skriv rutinen',
        '##### Genomförda åtgärder',
        'Rutinen är skriven',
        '(Förvaltning A1)',
        // Nothing written about the action: only its heading.
        '#### Åtgärd: Utbildning',
      ),
    );
    const english = await report('improvement-actions', 'en');
    expectPassages(english, [
      '# Follow-up of improvement actions 2026',
      '## Introduction\n\nVår inledning.\n\nReviews in 2026 with improvement actions, and when they were decided:\n\n- NA-2026-1 Granskning av attester. Meeting 2026-05-12, minutes §12.',
      '## Improvement actions',
      '##### Description of the risk',
      '#### Action: Ny rutin\n\n**What is to be done:**',
      '##### Measures taken',
    ]);
  });

  test('the control follow-up: the guidance, the actions’ and controls’ tables with the risk only on its first row, the deviations and the reporting', async () => {
    expect(await report('control-follow-up', 'sv')).toBe(
      doc(
        '# Kontroll uppföljning',
        'Nämnd A',
        'Internkontrollplan 2026, utkast (ej antagen)',
        'Så fyller du i.',
        '## Uppföljning åtgärder',
        '*Uppföljning åtgärder*',
        table(
          '| Riskanalys | Risk | Beslut om åtgärd | Status | Ansvarig + Rapporteringsansvarig | Startdatum + Avstämningsdatum + Slutdatum | Kommentar 2026 |',
          '| --- | --- | --- | --- | --- | --- | --- |',
          '| Felaktiga utbetalningar<br>Orsak och konsekvens | 12 | Ny rutin<br>Skriv rutinen | Klar | Person responsible | 2026-06-30 |  |',
          '|  |  | Utbildning |  |  |  |  |',
        ),
        'En allmän kommentar.',
        '## Uppföljning kontroller',
        '*Uppföljning kontroller*',
        table(
          '| Riskanalys | Risk | Kontrollmoment | Status | Ansvarig + Rapporteringsansvarig | Startdatum + Avstämningsdatum + Slutdatum | Kommentar 2026 |',
          '| --- | --- | --- | --- | --- | --- | --- |',
          '| Felaktiga utbetalningar<br>Orsak och konsekvens | 12 | Stickprov av fakturor<br>Tio fakturor | Pågående | Person responsible<br>Person coordinator | 2026-01-01<br>2026-03-31, 2026-06-30, 2026-12-31<br>2026-12-31 | Kvartal 1 2026 2026-04-02 (ej godkänd)<br>Inga fel i urvalet.<br>(Kommunens administratör) |',
          '|  |  | Attestkontroll |  |  | 2026-05-31 |  |',
          '| Jäv vid upphandling | Ej bedömd | Jävsdeklaration | Klar |  | 2026-01-31 |  |',
        ),
        '## Rapporterade avvikelser',
        '*Rapporterade avvikelser*',
        table(
          '| Avvikelse | Kontrollmoment | Upptäckt | Allvarlighet | Åtgärd |',
          '| --- | --- | --- | --- | --- |',
          '| Dubbel utbetalning<br>Samma faktura två gånger | Stickprov av fakturor | 2026-03-02 | Väsentlig<br>Öppen | Ja |',
          '| Saknad attest | Stickprov av fakturor | 2026-04-10 | Mindre väsentlig<br>Öppen | Nej |',
        ),
        '**Kommentar avvikelse**',
        '2 avvikelser är rapporterade.',
        'En kommentar om avvikelser.',
        '## Rapportering till nämnd',
        'Uppföljning av intern kontroll.',
        'Sammanträde den 16 september.',
        'Årets uppföljning.',
        'Sammanträde den 16 februari 2027.',
        '## Rapportering till Kommunstyrelsen',
        'Nämndernas rapporter.',
        'Sammanträde i oktober.',
      ),
    );
    const english = await report('control-follow-up', 'en');
    expectPassages(english, [
      '## Follow-up of actions',
      '| Risk analysis | Risk | Decided action | Status | Responsible + Reporting | Start date + Checkpoints + End date | Comment 2026 |',
      '| Felaktiga utbetalningar<br>Orsak och konsekvens | 12 | Stickprov av fakturor<br>Tio fakturor | In progress | Person responsible<br>Person coordinator |',
      '| Jäv vid upphandling | Not assessed | Jävsdeklaration | Done |  | 2026-01-31 |  |',
      '| Dubbel utbetalning<br>Samma faktura två gånger | Stickprov av fakturor | 2026-03-02 | Significant<br>Open | Yes |',
      '| Saknad attest | Stickprov av fakturor | 2026-04-10 | Minor<br>Open | No |',
      '2 deviations have been reported.',
      'Meeting on 16 September.',
      'Meeting on 16 February 2027.',
      'Meeting in October.',
    ]);
  });

  test('the deviations of a unit: the count per severity with the open ones, then each deviation with who found it and the answering action', async () => {
    expect(await report('deviations', 'sv')).toBe(
      doc(
        '# Rapporterade avvikelser 2026',
        'Nämnd A',
        '## Sammanfattning',
        // One open deviation is "1 öppen avvikelse"; none or several, "öppna avvikelser".
        '- Mindre väsentlig: 1 (1 öppen avvikelse)\n- Väsentlig: 1 (1 öppen avvikelse)\n- Mycket väsentlig: 0 (0 öppna avvikelser)',
        '## Avvikelser',
        '*Avvikelser*',
        table(
          '| Nämnd/bolag | Avvikelse | Kontrollmoment | Upptäckt | Allvarlighet | Status | Åtgärd |',
          '| --- | --- | --- | --- | --- | --- | --- |',
          '| Nämnd A | Dubbel utbetalning<br>Samma faktura två gånger | Stickprov av fakturor | 2026-03-02<br>Kommunens administratör | Väsentlig | Öppen | Ny rutin |',
          '| Nämnd A | Saknad attest | Stickprov av fakturor | 2026-04-10<br>Kommunens administratör | Mindre väsentlig | Öppen | – |',
        ),
      ),
    );
    // A unit whose plans have none.
    expect(await report('deviations', 'sv', h.tenant.unitB)).toContain(
      '## Avvikelser\n\nInga avvikelser är rapporterade.\n',
    );
  });

  test('what may be asked of which report: each refusal names the field and says why, in both languages', async () => {
    const refused = async (query: string, path: string, sv: string, en: string) => {
      for (const [lang, detail] of [
        ['sv', sv],
        ['en', en],
      ] as const) {
        const reply = await admin.get(`/reports/${query}&format=md&lang=${lang}`, { 'accept-language': lang });
        expect(reply.status, query).toBe(400);
        expect(reply.body.detail, query).toBe(detail);
        expect(reply.body.errors.map((error: { path: string }) => error.path)).toEqual([path]);
      }
    };
    await refused(
      `council-summary?unit=${h.tenant.rootId}&period=2026-2027`,
      'period',
      'Kommunstyrelsens sammanställning gäller ett år.',
      'The executive board summary covers one year.',
    );
    for (const kind of ['council-summary', 'deviations']) {
      await refused(
        `${kind}?unit=${h.tenant.unitA}&period=2026&plan=${h.tenant.unitA}`,
        'plan',
        'Sammanställningen görs av enheternas antagna planer.',
        "The summary is made from the units' adopted plans.",
      );
      await refused(
        `${kind}?unit=${h.tenant.unitA}&period=2026&revision=1`,
        'revision',
        'Sammanställningen görs av planerna som de är nu.',
        'The summary is made from the plans as they are now.',
      );
    }
    const xlsx = await admin.get(`/reports/improvement-actions?unit=${h.tenant.unitA}&period=2026&format=xlsx`);
    expect(xlsx.status).toBe(400);
    expect(xlsx.body.detail).toBe(
      'Rapporten improvement-actions är löptext och finns inte som XLSX. Välj DOCX, PDF, HTML eller Markdown.',
    );
    expect(
      (
        await admin.get(`/reports/improvement-actions?unit=${h.tenant.unitA}&period=2026&format=xlsx&lang=en`, {
          'accept-language': 'en',
        })
      ).body.detail,
    ).toBe('The improvement-actions report is running text and has no XLSX form. Choose DOCX, PDF, HTML or Markdown.');
    // The tabular kinds do have one.
    for (const kind of ['plan', 'control-follow-up', 'deviations'])
      expect((await admin.get(`/reports/${kind}?unit=${h.tenant.unitA}&period=2026&format=xlsx`)).status, kind).toBe(
        200,
      );
  });

  test('the plan a report shows: another unit’s plan is refused, a plan or version that does not exist is not found, and a unit without a plan says what to do', async () => {
    const plansOfB = await admin.get(`/plans?unitId=${h.tenant.unitB}`);
    const planOfB = (plansOfB.body.items as { id: string }[])[0]!.id;
    const wrongUnit = await admin.get(`/reports/plan?unit=${h.tenant.unitA}&period=2026&format=md&plan=${planOfB}`);
    expect(wrongUnit.status).toBe(400);
    expect(wrongUnit.body.errors).toEqual([
      { path: 'plan', message: 'Planen hör inte till enheten, perioden eller rapportens slag av plan.' },
    ]);
    // The right unit but another period, or the activity report of an internal control plan.
    expect((await admin.get(`/reports/plan?unit=${h.tenant.unitB}&period=2027&format=md&plan=${planOfB}`)).status).toBe(
      400,
    );
    expect(
      (await admin.get(`/reports/activity-plan?unit=${h.tenant.unitB}&period=2026&format=md&plan=${planOfB}`)).status,
    ).toBe(400);
    expect((await admin.get(`/reports/plan?unit=${h.tenant.unitB}&period=2026&format=md&plan=${planOfB}`)).status).toBe(
      200,
    );
    expect(
      (await admin.get(`/reports/plan?unit=${h.tenant.unitB}&period=2026&format=md&plan=${uuidv7()}`)).status,
    ).toBe(404);
    const noVersion = await admin.get(`/reports/plan?unit=${h.tenant.unitB}&period=2026&format=md&revision=7`);
    expect(noVersion.status).toBe(404);
    expect(noVersion.body.errors).toEqual([
      { path: 'revision', message: 'Planen har ingen version 7; en plan får version 1 när den beslutas.' },
    ]);
    const noPlan = await admin.get(`/reports/activity-plan?unit=${h.tenant.unitB}&period=2026&format=md`);
    expect(noPlan.status).toBe(404);
    expect(noPlan.body.detail).toBe(
      'Nämnd B har ingen aktivitetsplan för 2026. Välj en annan period eller skapa planen först.',
    );
    const noPlanEnglish = await admin.get(`/reports/plan?unit=${h.tenant.unitB}&period=2025-2026&format=md&lang=en`, {
      'accept-language': 'en',
    });
    expect(noPlanEnglish.body.detail).toBe(
      'Nämnd B has no internal control plan for 2025-2026. Choose another period or create the plan first.',
    );
  });

  test('the file: named by kind, unit and period without spaces or å, ä, ö; each format with its media type', async () => {
    const reply = await admin.request(
      'GET',
      `/reports/control-follow-up?unit=${h.tenant.unitA1}&period=2026&format=md`,
    );
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-disposition')).toBe(
      'attachment; filename="control-follow-up-forvaltning-a1-2026.md"',
    );
    expect(reply.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    const html = await admin.request('GET', `/reports/plan?unit=${h.tenant.unitA}&period=2026&format=html`);
    expect(html.headers.get('content-disposition')).toBe('inline; filename="plan-namnd-a-2026.html"');
    expect(html.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const xlsx = await admin.request('GET', `/reports/deviations?unit=${h.tenant.unitA}&period=2026&format=xlsx`);
    expect(xlsx.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  });

  test('the summary for the kommunstyrelse: status per unit, the overdue items, the deviations, the aggregated matrix and the board’s evaluation', async () => {
    const summary = await report('council-summary', 'sv', h.tenant.rootId);
    expect(summary).toBe(
      doc(
        '# Uppföljning av intern kontroll 2026 – sammanställning för kommunstyrelsen',
        summary.split('\n')[2]!,
        '## Status per nämnd och bolag',
        '*Status per nämnd och bolag*',
        table(
          '| Nämnd/bolag | Plan | Antal | Ej påbörjad | Pågående | Klar | Ej slutförd | Utan status | Försenade | Avvikelser | Risker | Högsta riskvärde |',
          '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
          '| Nämnd A | Internkontrollplan 2026<br>Internkontrollplan A1 2026 | 5 | 0 | 1 | 2 | 0 | 2 | 1 | 2 (2 öppna avvikelser) | 3 | 12 |',
          '| Nämnd B | Internkontrollplan B 2026 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | – |',
        ),
        '## Försenade kontrollmoment, åtgärder och aktiviteter',
        '*Försenade kontrollmoment, åtgärder och aktiviteter*',
        table(
          '| Nämnd/bolag | Kontrollmoment, åtgärder och aktiviteter | Ansvarig | Slutdatum | Status |',
          '| --- | --- | --- | --- | --- |',
          '| Nämnd A | Attestkontroll |  | 2026-05-31 |  |',
        ),
        '## Avvikelser',
        '*Avvikelser*',
        table(
          '| Nämnd/bolag | Avvikelse | Kontrollmoment | Upptäckt | Allvarlighet | Status |',
          '| --- | --- | --- | --- | --- | --- |',
          '| Nämnd A | Dubbel utbetalning | Stickprov av fakturor | 2026-03-02 | Väsentlig | Öppen |',
          '| Nämnd A | Saknad attest | Stickprov av fakturor | 2026-04-10 | Mindre väsentlig | Öppen |',
        ),
        '## Samlad riskmatris',
        ...RISK_MATRIX_SV.map((line) => line.replace('*Riskmatris*', '*Samlad riskmatris*')),
        '## Kommunstyrelsens utvärdering',
        'Kommunstyrelsen bedömer att kontrollen är god.',
      ),
    );
    expect(summary.split('\n')[2]).toBe(`Kommun huvud-${h.suffix}`);
    const english = await report('council-summary', 'en', h.tenant.rootId);
    expectPassages(english, [
      '## Status per committee and company',
      '## Overdue controls, actions and activities',
      '## Aggregated risk matrix',
      "## The executive board's evaluation",
    ]);
  });

  test('the plan’s own order is kept, and nothing archived is printed in any report', async () => {
    const plan = await ok(
      admin.post('/plans', {
        unitId: h.tenant.unitA,
        kind: 'internal_control',
        title: 'Internkontrollplan 2027',
        startYear: 2027,
      }),
    );
    const period = await ok(
      admin.post('/reporting-calendar/periods', {
        kind: 'quarter',
        year: 2027,
        number: 1,
        startDate: '2027-01-01',
        endDate: '2027-03-31',
      }),
    );
    const archive = async (path: string) => ok(admin.post(`${path}/archive`, {}));
    await ok(
      admin.post('/risks', { planId: plan.id, title: 'Andra risken', sortOrder: 2, likelihood: 1, consequence: 1 }),
    );
    const first = await ok(
      admin.post('/risks', { planId: plan.id, title: 'Första risken', sortOrder: 1, likelihood: 2, consequence: 2 }),
    );
    await archive(
      `/risks/${(await ok(admin.post('/risks', { planId: plan.id, title: 'Arkiverad risk', sortOrder: 0 }))).id}`,
    );
    const laterControl = await ok(
      admin.post('/controls', { riskId: first.id, title: 'Andra kontrollen', sortOrder: 2 }),
    );
    await ok(
      admin.post('/controls', {
        riskId: first.id,
        title: 'Första kontrollen',
        sortOrder: 1,
        responsibleIds: [h.userIds.responsible, h.userIds.coordinator],
      }),
    );
    await archive(
      `/controls/${(await ok(admin.post('/controls', { riskId: first.id, title: 'Arkiverad kontroll' }))).id}`,
    );
    await ok(
      admin.post('/actions', {
        planId: plan.id,
        riskId: first.id,
        title: 'Åtgärd som står kvar',
        responsibleIds: [h.userIds.coordinator, h.userIds.responsible],
      }),
    );
    await archive(
      `/actions/${(await ok(admin.post('/actions', { planId: plan.id, riskId: first.id, title: 'Arkiverad åtgärd' }))).id}`,
    );
    await archive(
      `/reviews/${(await ok(admin.post('/reviews', { planId: plan.id, title: 'Arkiverad granskning' }))).id}`,
    );
    await archive(
      `/deviations/${(await ok(admin.post('/deviations', { controlId: laterControl.id, title: 'Arkiverad avvikelse', severityId: h.tenant.vocabularyIds.deviation_severity.minor!, foundOn: '2027-01-10' }))).id}`,
    );
    await ok(
      admin.post('/follow-ups', {
        controlId: laterControl.id,
        periodId: period.id,
        body: 'Uppföljning som står kvar.',
        reportedOn: '2027-03-01',
      }),
    );
    await archive(
      `/follow-ups/${(await ok(admin.post('/follow-ups', { controlId: laterControl.id, periodId: period.id, body: 'Arkiverad uppföljning.', reportedOn: '2027-03-02' }))).id}`,
    );

    const of = async (kind: string) => {
      const reply = await admin.get(`/reports/${kind}?unit=${h.tenant.unitA}&period=2027&format=md`);
      expect(reply.status, kind).toBe(200);
      return reply.body as string;
    };
    const planReport = await of('plan');
    expect(planReport).toContain(
      '| Första risken | 2 | 2 | 4 | Första kontrollen<br>Andra kontrollen | Åtgärd som står kvar |\n| Andra risken | 1 | 1 | 1 |  |  |',
    );
    expect(planReport.indexOf('### Risk: Första risken')).toBeLessThan(planReport.indexOf('### Risk: Andra risken'));
    // Several responsible people, in the plan's order.
    expect(planReport).toContain('- Första kontrollen\n\n  *Ansvarig: Person responsible, Person coordinator*\n');
    expect(planReport).toContain('- Åtgärd som står kvar\n\n  *Ansvarig: Person coordinator, Person responsible*\n');
    const followUp = await of('control-follow-up');
    expect(followUp).toContain('Uppföljning som står kvar.');
    expect(followUp).toContain('Inga avvikelser funna.');
    for (const kind of ['plan', 'improvement-actions', 'control-follow-up', 'deviations'])
      expect(await of(kind), kind).not.toContain('Arkiverad');
  });

  test('the documents themselves: kind, orientation, contents, and which headings the contents list', async () => {
    const context = (unit: { id: string; name: string }, locale: 'sv' | 'en' = 'sv') =>
      reportContextFor(h, unit, { locale });
    const unitA = { id: h.tenant.unitA, name: 'Nämnd A' };
    const shape = (document: ReportDocument) => ({
      kind: document.kind,
      outline: document.outline,
      orientation: document.orientation,
      language: document.language,
      subtitle: document.subtitle,
    });
    const headings = (blocks: Block[]) =>
      blocks.flatMap((block) =>
        block.type === 'heading'
          ? [`${block.level} ${block.text}${block.outline === false ? ' (not in contents)' : ''}`]
          : [],
      );

    const plan = await planReport(context(unitA));
    expect(shape(plan)).toEqual({
      kind: 'plan',
      outline: true,
      orientation: 'portrait',
      language: 'sv',
      subtitle: ['Nämnd A', '2026', 'Internkontrollplan 2026, utkast (ej antagen)'],
    });
    expect(headings(plan.blocks)).toEqual([
      '1 Beslut',
      '1 Riskmatris',
      '1 Risker',
      '2 Risk: Felaktiga utbetalningar',
      '2 Risk: Jäv vid upphandling',
      '2 Risk: Utan åtgärder',
    ]);
    expect(plan.blocks.flatMap((block) => (block.type === 'table' ? [block.table.caption] : []))).toEqual([
      'Riskmatris',
      'Planens risker med riskvärde, kontrollmoment och åtgärder',
    ]);

    const improvement = await improvementActionsReport(context(unitA));
    expect(shape(improvement)).toMatchObject({ kind: 'improvement-actions', outline: true, orientation: 'portrait' });
    expect(headings(improvement.blocks)).toEqual([
      '1 Inledning',
      '1 Förbättringsåtgärder',
      '2 Risk: Felaktiga utbetalningar',
      '4 Beskrivning av risk (not in contents)',
      '3 Åtgärd: Ny rutin',
      '4 Genomförda åtgärder (not in contents)',
      '3 Åtgärd: Utbildning',
    ]);

    const followUp = await controlFollowUpReport(context(unitA));
    expect(shape(followUp)).toMatchObject({ kind: 'control-follow-up', outline: true, orientation: 'landscape' });
    expect(followUp.title).toBe('Kontroll uppföljning');
    expect(headings(followUp.blocks)).toEqual([
      '1 Uppföljning åtgärder',
      '1 Uppföljning kontroller',
      '1 Rapporterade avvikelser',
      '1 Rapportering till nämnd',
      '1 Rapportering till Kommunstyrelsen',
    ]);
    const [actionsTable, controlsTable] = followUp.blocks.filter(
      (block): block is Extract<Block, { type: 'table' }> => block.type === 'table',
    );
    expect(actionsTable!.table.caption).toBe('Uppföljning åtgärder');
    expect(controlsTable!.table.caption).toBe('Uppföljning kontroller');
    // The status is a mark with the tenant's colour, not only its word; the risk's title is a label.
    expect(controlsTable!.table.rows[0]![3]).toEqual({
      blocks: [{ type: 'status', status: { label: 'Pågående', colour: '#b45309', category: 'in_progress' } }],
    });
    expect(controlsTable!.table.rows[0]![0]!.blocks[0]).toEqual({
      type: 'paragraph',
      spans: [{ text: 'Felaktiga utbetalningar' }],
      style: 'label',
    });
    expect(controlsTable!.table.columns.map((column) => column.title)[6]).toBe('Kommentar 2026');

    const deviationsDocument = await deviationsReport(context(unitA));
    expect(shape(deviationsDocument)).toEqual({
      kind: 'deviations',
      outline: false,
      orientation: 'landscape',
      language: 'sv',
      subtitle: ['Nämnd A'],
    });
    // Read by someone who reads every unit (an auditor, the operator): the unit's deviations, all of them.
    expect(JSON.stringify(deviationsDocument.blocks)).toContain('Dubbel utbetalning');
    expect(JSON.stringify(deviationsDocument.blocks)).toContain('Saknad attest');

    const summary = await councilSummaryReport(context({ id: h.tenant.rootId, name: 'Kommunen' }, 'en'));
    expect(shape(summary)).toEqual({
      kind: 'council-summary',
      outline: true,
      orientation: 'landscape',
      language: 'en',
      subtitle: ['Kommunen'],
    });
    expect(summary.title).toBe('Follow-up of internal control 2026 – summary for the executive board');
    const overdueTable = summary.blocks.filter((block) => block.type === 'table')[1] as Extract<
      Block,
      { type: 'table' }
    >;
    expect(overdueTable.table.rows[0]![4]).toEqual({ blocks: [] });
  });

  test('a summary covers only the units the caller reads', async () => {
    const onlyB = reportContextFor(
      h,
      { id: h.tenant.rootId, name: 'Kommunen' },
      { readableUnitIds: [h.tenant.rootId, h.tenant.unitB] },
    );
    const summary = await councilSummaryReport(onlyB);
    const statusTable = summary.blocks.find((block) => block.type === 'table') as Extract<Block, { type: 'table' }>;
    expect(
      statusTable.table.rows.map((row) =>
        row[0]!.blocks.map((block) => (block as { spans: { text: string }[] }).spans[0]!.text),
      ),
    ).toEqual([['Nämnd B']]);
    expect(JSON.stringify(summary.blocks)).not.toContain('Dubbel utbetalning');
    const deviationsOfA = await deviationsReport({ ...onlyB, unit: { id: h.tenant.unitA, name: 'Nämnd A' } });
    expect(JSON.stringify(deviationsOfA.blocks)).not.toContain('Dubbel utbetalning');
    expect(
      JSON.stringify(
        await deviationsReport({
          ...onlyB,
          unit: { id: h.tenant.unitA, name: 'Nämnd A' },
          readableUnitIds: [h.tenant.unitA],
        }),
      ),
    ).toContain('Dubbel utbetalning');
  });

  test('the summary of a nämnd: its own plans on a row of their own; an overdue item names everyone responsible; a year without plans has neither overdue items nor a matrix', async () => {
    const [payments] = await h.db
      .select({ id: risks.id })
      .from(risks)
      .where(and(eq(risks.tenantId, h.tenant.tenantId), eq(risks.title, 'Felaktiga utbetalningar')));
    const shared = await ok(
      admin.post('/controls', {
        riskId: payments!.id,
        title: 'Delat ansvar',
        endDate: '2026-05-01',
        responsibleIds: [h.userIds.responsible, h.userIds.coordinator],
      }),
    );
    try {
      const ofA = await report('council-summary', 'sv', h.tenant.unitA);
      expect(ofA).toContain('| Nämnd A (egna planer) | Internkontrollplan 2026 |');
      expect(ofA).toMatch(/\| Nämnd A \| Delat ansvar \| [^|,]+, [^|,]+ \| 2026-05-01 \|/);
    } finally {
      await ok(admin.post(`/controls/${shared.id}/archive`, {}));
    }
    const reply = await admin.get(`/reports/council-summary?unit=${h.tenant.rootId}&period=2030&format=md`);
    expect(reply.status).toBe(200);
    const empty = reply.body as string;
    expect(empty).toContain('| Nämnd A | Ingen plan för året | 0 |');
    expect(empty).toContain(
      '## Försenade kontrollmoment, åtgärder och aktiviteter\n\nInga kontrollmoment, åtgärder eller aktiviteter är försenade.\n',
    );
    expect(empty).not.toContain('Samlad riskmatris');
  });

  test('the count per severity says how many are still open: a closed deviation counts, but not as open', async () => {
    const [sample] = await h.db
      .select({ id: controls.id })
      .from(controls)
      .where(and(eq(controls.tenantId, h.tenant.tenantId), eq(controls.title, 'Stickprov av fakturor')));
    const [closed] = await h.db
      .insert(deviations)
      .values({
        tenantId: h.tenant.tenantId,
        controlId: sample!.id,
        title: 'Stängd avvikelse',
        severityId: h.tenant.vocabularyIds.deviation_severity.minor!,
        foundOn: '2026-05-01',
        state: 'closed',
      })
      .returning();
    try {
      expect(await report('deviations', 'sv')).toContain(
        '- Mindre väsentlig: 2 (1 öppen avvikelse)\n- Väsentlig: 1 (1 öppen avvikelse)\n',
      );
    } finally {
      await h.db.update(deviations).set({ archivedAt: new Date() }).where(eq(deviations.id, closed!.id));
    }
  });
});
