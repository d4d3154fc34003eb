import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { REPORT_KINDS } from '../../domain/report-kind.ts';
import { calendarEvents } from '../db/schema/calendar-events.ts';
import { orgUnits } from '../db/schema/org-units.ts';
import { createHarness, type Harness } from '../../../test/support/harness.ts';

const markdownOf = (reply: { status: number; bytes: Uint8Array }) => {
  expect(reply.status).toBe(200);
  return new TextDecoder().decode(reply.bytes);
};

/** Every placeholder or instruction a report kind has printed for a text nobody wrote. */
const PLACEHOLDERS = [
  'Här skriver',
  'Inget sammanträde är inlagt',
  'Inga genomförda åtgärder är rapporterade ännu',
  'Planen har inget innehåll',
  'Here the executive board writes',
  'No meeting is entered',
  'No measures have been reported',
  'The plan has no content',
];

/** The headings of sections that have nothing to print in an empty plan, in both languages. */
const EMPTY_SECTION_HEADINGS = [
  'Kommunstyrelsens utvärdering',
  'Rapportering till nämnd',
  'Rapportering till Kommunstyrelsen',
  'Inledning',
  'Förbättringsåtgärder',
  'Genomförda åtgärder',
  'Uppföljning åtgärder',
  'Uppföljning kontroller',
  'Riskmatris',
  'Executive board’s evaluation',
  "The executive board's evaluation",
  'Reporting to the committee',
  'Reporting to the executive board',
  'Introduction',
];

describe('a report never prints a placeholder: an empty section is left out', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
    const admin = await h.as('tenantAdmin');
    expect(
      (
        await admin.post('/plans', {
          unitId: h.tenant.unitB,
          kind: 'internal_control',
          title: 'Tom internkontrollplan',
          startYear: 2026,
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await admin.post('/plans', {
          unitId: h.tenant.unitB,
          kind: 'activity',
          title: 'Tom aktivitetsplan',
          startYear: 2026,
        })
      ).status,
    ).toBe(201);
  });
  afterAll(() => h.close());

  test.each(REPORT_KINDS.flatMap((kind) => (['sv', 'en'] as const).map((lang) => [kind, lang] as const)))(
    '%s (%s) of an empty plan',
    async (kind, lang) => {
      const admin = await h.as('tenantAdmin');
      const units =
        kind === 'council-summary' || kind === 'deviations' ? [h.tenant.unitB, h.tenant.rootId] : [h.tenant.unitB];
      for (const unit of units) {
        const markdown = markdownOf(
          // The halvårs- and delårsrapport is of a part of the year only.
          await admin.get(
            `/reports/${kind}?unit=${unit}&period=${kind === 'period-report' ? '2026-H1' : '2026'}&format=md&lang=${lang}`,
          ),
        );
        for (const phrase of PLACEHOLDERS) expect(markdown, `${kind} prints "${phrase}"`).not.toContain(phrase);
        const headings = markdown
          .split('\n')
          .filter((line) => line.startsWith('#'))
          .map((line) => line.replace(/^#+\s*/, ''));
        // The follow-up reports to the nämnd always say something in their introduction: the
        // tenant's text, else the plan's figures ("Planen omfattar 0 risker …"), checked below.
        const followUpReport = kind === 'internal-control-report' || kind === 'period-report';
        for (const heading of EMPTY_SECTION_HEADINGS.filter(
          (heading) => !followUpReport || (heading !== 'Inledning' && heading !== 'Introduction'),
        ))
          expect(headings, `${kind} has an empty section "${heading}"`).not.toContain(heading);
        if (followUpReport)
          expect(markdown).toMatch(
            lang === 'sv'
              ? /## Inledning\n\nRapporten följer upp .* 0 risker/
              : /## Introduction\n\nThis report follows up .* 0 risks/,
          );
      }
    },
  );

  test('a written evaluation is printed under its heading', async () => {
    const admin = await h.as('tenantAdmin');
    expect(
      (
        await admin.request('PUT', '/report-texts', {
          reportKind: 'council-summary',
          section: 'evaluation',
          unitId: null,
          year: 2026,
          body: 'Den interna kontrollen fungerar.',
        })
      ).status,
    ).toBe(201);
    const markdown = markdownOf(
      await admin.get(`/reports/council-summary?unit=${h.tenant.rootId}&period=2026&format=md`),
    );
    expect(markdown).toContain('## Kommunstyrelsens utvärdering\n\nDen interna kontrollen fungerar.');
  });
});

describe('what belongs to a plan year: its meetings and its deviations, in the reports and the overview', () => {
  let h: Harness;
  let controlId: string;
  beforeAll(async () => {
    // Plan year 2025; the year-end follow-up happens in January and February 2026.
    h = await createHarness();
    const admin = await h.as('tenantAdmin');
    const { tenantId, rootId, unitA, unitB } = h.tenant;
    const board = uuidv7();
    const otherMunicipality = uuidv7();
    const otherBoard = uuidv7();
    await h.db.insert(orgUnits).values([
      { tenantId, id: board, parentId: rootId, kind: 'namnd', name: 'Kommunstyrelsen', sortOrder: -1 },
      { tenantId, id: otherMunicipality, parentId: null, kind: 'kommun', name: 'Grannkommunen' },
      { tenantId, id: otherBoard, parentId: otherMunicipality, kind: 'namnd', name: 'Grannkommunens kommunstyrelse' },
    ]);
    const planId = (
      await admin.post('/plans', {
        unitId: unitA,
        kind: 'internal_control',
        title: 'Internkontrollplan 2025',
        startYear: 2025,
      })
    ).body.id;
    const risk = (
      await admin.post('/risks', { planId, title: 'Felaktiga utbetalningar', likelihood: 2, consequence: 3 })
    ).body;
    controlId = (
      await admin.post('/controls', { riskId: risk.id, title: 'Stickprov av utbetalningar', endDate: '2025-12-31' })
    ).body.id;
    expect(
      (
        await admin.post('/deviations', {
          controlId,
          title: 'Dubbel utbetalning i december',
          foundOn: '2026-01-20',
          severityId: h.tenant.vocabularyIds.deviation_severity.significant!,
        })
      ).status,
    ).toBe(201);
    const annual = await admin.post('/reporting-calendar/periods', { kind: 'annual', year: 2025 });
    expect(annual.status).toBe(201);
    const meeting = async (kind: string, unitId: string | null, date: string, agenda: string, periodId?: string) => {
      const reply = await admin.post('/reporting-calendar/events', {
        kind,
        unitId,
        date,
        title: agenda,
        agenda,
        ...(periodId ? { periodId } : {}),
      });
      expect(reply.status, JSON.stringify(reply.body)).toBe(201);
    };
    await meeting('namnd_meeting', unitA, '2025-09-16', 'Nämnd A i september');
    await meeting('namnd_meeting', unitB, '2025-10-10', 'Nämnd B i oktober');
    await meeting('ks_meeting', board, '2025-10-01', 'Kommunstyrelsen i oktober');
    // The neighbouring municipality is outside the administrator's units: its meeting is stored directly.
    await h.db.insert(calendarEvents).values({
      tenantId,
      id: uuidv7(),
      kind: 'ks_meeting',
      year: 2025,
      unitId: otherBoard,
      date: '2025-11-05',
      title: 'KS',
      agenda: 'Grannkommunens kommunstyrelse i november',
    });
    await meeting('ks_meeting', board, '2026-02-15', 'Kommunstyrelsen om årsbokslutet 2025', annual.body.id);
    await meeting('ks_meeting', board, '2026-02-20', 'Kommunstyrelsen om planen 2026');
  });
  afterAll(() => h.close());

  test('Kontroll uppföljning lists only the meetings the unit reports to, with the year-end meetings of the plan year', async () => {
    const markdown = markdownOf(
      await (await h.as('tenantAdmin')).get(`/reports/control-follow-up?unit=${h.tenant.unitA}&period=2025&format=md`),
    );
    expect(markdown).toContain('Nämnd A i september');
    expect(markdown).toContain('Kommunstyrelsen i oktober');
    expect(markdown).toContain('Kommunstyrelsen om årsbokslutet 2025');
    expect(markdown).toContain('Sammanträde den 15 februari 2026.');
    expect(markdown).not.toContain('Nämnd B i oktober');
    expect(markdown).not.toContain('Grannkommunens kommunstyrelse');
    expect(markdown).not.toContain('Kommunstyrelsen om planen 2026');
    // The förvaltning under nämnd A reports to nämnd A's meetings; nämnd B's plan year has no meeting of A.
    expect(markdown).toContain('Dubbel utbetalning i december');
  });

  test('a deviation found in January at the year-end follow-up belongs to the plan year, in the deviations report and the overview', async () => {
    const admin = await h.as('tenantAdmin');
    expect(markdownOf(await admin.get(`/reports/deviations?unit=${h.tenant.rootId}&period=2025&format=md`))).toContain(
      'Dubbel utbetalning i december',
    );
    expect(
      markdownOf(await admin.get(`/reports/deviations?unit=${h.tenant.rootId}&period=2026&format=md`)),
    ).not.toContain('Dubbel utbetalning i december');
    const rowOfA = async (year: number) =>
      (await admin.get(`/overview?unit=${h.tenant.rootId}&year=${year}`)).body.rows.find(
        (row: { unit: { id: string } }) => row.unit.id === h.tenant.unitA,
      );
    expect(await rowOfA(2025)).toMatchObject({ deviations: 1, openDeviations: 1, overdue: 1, items: 1, risks: 1 });
    expect(await rowOfA(2026)).toMatchObject({ deviations: 0, items: 0 });
  });
});
