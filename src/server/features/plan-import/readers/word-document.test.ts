import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEMO_REPORT_SCOPES } from '../../../../../test/support/report-contexts.ts';
import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { strToU8, zipSync } from 'fflate';
import { REPORT_KINDS, type ReportKind } from '../../../../domain/report-kind.ts';
import { fixedClock } from '../../../../domain/clock.ts';
import { operatorAccess } from '../../../access/access.ts';
import type { DatabaseHandle } from '../../../db/client.ts';
import { loadDemoData } from '../../../demo/load-demo-data.ts';
import { AppError, type LocalizedText } from '../../../errors.ts';
import { demoFixturesFolder } from '../../../paths.ts';
import type { Block } from '../../../reports/document.ts';
import { buildReportDocument, renderReport } from '../../../reports/generate-report.ts';
import { planOfReport } from '../../../reports/kinds/kind-helpers.ts';
import { markdownBlocks } from '../../../reports/markdown-blocks.ts';
import { labelsFor } from '../../../reports/report-context.ts';
import { findScopeByNames } from '../../../reports/report-scope.ts';
import type { FollowUpFacts, PlanFacts } from '../../../plan-model/plan-facts.ts';
import { createTestDatabase } from '../../../../../test/support/test-database.ts';
import { importedCounts, type ImportedFollowUp, type ImportedPlan } from '../model.ts';
import { readWordDocument } from './word-document.ts';
import { demoClock } from '../../../../../test/support/demo-clock.ts';

// Every report kind Uppsikt prints as DOCX, generated from the demo data, reads back as the plan
// it shows: the same risks, controls, actions, activities, sub-activities and follow-ups with
// the same texts. The summaries over several units show no plan and read as none.

/**
 * A Markdown text as a report prints it: its blocks with their emphasis, whatever the heading
 * levels (a report prints every heading inside a text at one level) and escapes.
 */
function canon(markdown: string | null | undefined): string {
  const blockText = (blocks: readonly Block[]): string[] =>
    blocks.flatMap((block): string[] => {
      switch (block.type) {
        case 'heading':
          return [`# ${block.text}`];
        case 'paragraph':
          return [
            block.spans
              .map((span) => (span.bold ? `**${span.text}**` : span.italic ? `*${span.text}*` : span.text))
              .join(''),
          ];
        case 'list':
          return block.items.flatMap((item, index) =>
            blockText(item).map((line, at) =>
              at === 0 ? `${block.ordered ? `${index + 1}.` : '-'} ${line}` : `  ${line}`,
            ),
          );
        case 'table':
          return [
            block.table.columns.map((column) => column.title).join(' | '),
            ...block.table.rows.map((row) => row.map((cell) => blockText(cell.blocks).join(' ')).join(' | ')),
          ];
        case 'chart':
          return [`chart ${block.title}`, ...block.rows.map((row) => `${row.label} = ${row.value}`)];
        case 'status':
          return [block.status.label];
      }
    });
  return blockText(markdownBlocks(markdown))
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .join('\n');
}

const orNull = <T>(value: T | undefined | null): T | null => value ?? null;
const people = (names: readonly string[] | undefined) => (names && names.length > 0 ? [...names] : []);

const byTitle = (a: { title: string }, b: { title: string }) => a.title.localeCompare(b.title, 'sv');
function risksWithControls(facts: PlanFacts) {
  return facts.risks
    .filter((risk) => risk.controls.length > 0)
    .map((risk) => ({ title: risk.title, controls: risk.controls.map((control) => control.title) }))
    .sort(byTitle);
}
function readRisksWithControls(plan: ImportedPlan) {
  return plan.risks
    .map((risk) => ({ title: risk.title, controls: risk.controls.map((control) => control.title) }))
    .sort(byTitle);
}

/** What each kind shows of the plan, from the plan's facts. */
const SHOWN: Partial<Record<ReportKind, (facts: PlanFacts) => unknown>> = {
  // The follow-up reports show each risk that has controls, with its controls' titles, grouped by process.
  'internal-control-report': (facts) => risksWithControls(facts),
  'period-report': (facts) => risksWithControls(facts),
  'improvement-actions': (facts) =>
    facts.risks
      .filter((risk) => risk.actions.length > 0)
      .map((risk) => ({
        title: risk.title,
        description: canon(risk.description),
        actions: risk.actions.map((action) => ({
          title: action.title,
          whatToDo: canon(action.whatToDo),
          measuresTaken: canon(action.measuresTaken),
          responsibleUnit: action.responsibleUnit,
        })),
      })),
  'activity-plan': (facts) =>
    facts.activities.map((activity) => ({
      number: activity.number,
      title: activity.title,
      status: orNull(activity.status?.label),
      endDate: activity.endDate,
      description: canon(activity.description),
      subActivities: activity.subActivities.map((sub) => ({
        number: sub.number,
        title: sub.title,
        status: orNull(sub.status?.label),
        carryOver: sub.carryOver === 'carry_over' ? 'carry_over' : null,
      })),
      focusAreas: activity.focusAreas,
      costAndResources: canon(activity.costAndResources),
      performers: canon(activity.performers),
      carryOver: activity.carryOver,
      // The report prints a follow-up's text and analysis one after the other: they read back as one text.
      followUps: activity.followUps.map((followUp) => ({
        period: activity.followUps.length > 1 ? followUp.periodLabel : '',
        body: canon([followUp.body, followUp.analysis].filter(Boolean).join('\n\n')),
      })),
    })),
  'activity-review': (facts) =>
    facts.activities.map((activity) => {
      const latest = activity.followUps.at(-1);
      return {
        number: activity.number,
        title: activity.title,
        // Only the latest follow-up is printed, without its period.
        followUps:
          latest && (latest.body || latest.analysis)
            ? [{ period: '', body: canon(latest.body), analysis: canon(latest.analysis) }]
            : [],
      };
    }),
  'control-follow-up': (facts) =>
    facts.risks
      .filter((risk) => risk.actions.length + risk.controls.length > 0)
      .map((risk) => ({
        title: risk.title,
        description: canon(risk.description),
        riskValue: risk.riskValue === null ? null : String(risk.riskValue),
        controls: risk.controls.map((control) => ({
          ...schedule(control),
          description: canon(control.description),
        })),
        actions: risk.actions.map((action) => ({ ...schedule(action), description: canon(action.whatToDo) })),
      })),
  plan: (facts) =>
    facts.risks.map((risk) => ({
      title: risk.title,
      description: canon(risk.description),
      likelihood: risk.likelihood === null ? null : String(risk.likelihood),
      consequence: risk.consequence === null ? null : String(risk.consequence),
      riskValue: risk.riskValue === null ? null : String(risk.riskValue),
      controls: risk.controls.map((control) => ({
        title: control.title,
        description: canon(control.description),
        responsible: control.responsible,
      })),
      actions: risk.actions.map((action) => ({
        title: action.title,
        description: canon(action.whatToDo),
        responsible: action.responsible,
        endDate: action.endDate,
      })),
    })),
  // One row per control, the risk repeated on each; a risk without a control has one row saying so, which is no control.
  'plan-table': (facts) =>
    facts.risks.map((risk) => ({
      title: risk.title,
      riskValue: risk.riskValue === null ? null : String(risk.riskValue),
      controls: risk.controls.map((control) => ({
        title: control.title,
        method: control.method,
        scope: canon(control.scope),
        frequency: control.frequency,
        reportingTime: control.reportingTime,
        reportsTo: control.reportsTo.length > 0 ? control.reportsTo.join(', ') : null,
      })),
    })),
};

function schedule(item: {
  title: string;
  status: { label: string } | null;
  responsible: string[];
  reporting: string[];
  startDate: string | null;
  checkpoints: string[];
  endDate: string | null;
  followUps: FollowUpFacts[];
}) {
  return {
    title: item.title,
    status: orNull(item.status?.label),
    responsible: item.responsible,
    reporting: item.reporting,
    startDate: item.startDate,
    checkpoints: item.checkpoints,
    endDate: item.endDate,
    followUps: item.followUps.map((followUp) => ({
      period: followUp.periodLabel,
      reportedOn: followUp.reportedOn,
      body: canon(followUp.body),
      author: followUp.author,
    })),
  };
}

/** The same view of what was read. */
const READ: Partial<Record<ReportKind, (plan: ImportedPlan) => unknown>> = {
  'internal-control-report': (plan) => readRisksWithControls(plan),
  'period-report': (plan) => readRisksWithControls(plan),
  'improvement-actions': (plan) =>
    plan.risks.map((risk) => ({
      title: risk.title,
      description: canon(risk.description),
      actions: risk.actions.map((action) => ({
        title: action.title,
        whatToDo: canon(action.whatToDo),
        measuresTaken: canon(action.measuresTaken),
        responsibleUnit: orNull(action.responsibleUnit),
      })),
    })),
  'activity-plan': (plan) =>
    plan.activities.map((activity) => ({
      number: activity.number,
      title: activity.title,
      status: orNull(activity.status),
      endDate: orNull(activity.endDate),
      description: canon(activity.description),
      subActivities: activity.subActivities.map((sub) => ({
        number: sub.number,
        title: sub.title,
        status: orNull(sub.status),
        carryOver: orNull(sub.carryOver),
      })),
      focusAreas: activity.focusAreas ?? [],
      costAndResources: canon(activity.costAndResources),
      performers: canon(activity.performers),
      carryOver: orNull(activity.carryOver),
      followUps: activity.followUps.map((followUp) => ({ period: followUp.period, body: canon(followUp.body) })),
    })),
  'activity-review': (plan) =>
    plan.activities.map((activity) => ({
      number: activity.number,
      title: activity.title,
      followUps: activity.followUps.map((followUp) => ({
        period: followUp.period,
        body: canon(followUp.body),
        analysis: canon(followUp.analysis),
      })),
    })),
  'control-follow-up': (plan) =>
    plan.risks.map((risk) => ({
      title: risk.title,
      description: canon(risk.description),
      riskValue: orNull(risk.riskValue),
      controls: risk.controls.map((control) => ({
        ...importedSchedule(control),
        description: canon(control.description),
      })),
      actions: risk.actions.map((action) => ({ ...importedSchedule(action), description: canon(action.whatToDo) })),
    })),
  plan: (plan) =>
    plan.risks.map((risk) => ({
      title: risk.title,
      description: canon(risk.description),
      likelihood: orNull(risk.likelihood),
      consequence: orNull(risk.consequence),
      riskValue: orNull(risk.riskValue),
      controls: risk.controls.map((control) => ({
        title: control.title,
        description: canon(control.description),
        responsible: people(control.responsible),
      })),
      actions: risk.actions.map((action) => ({
        title: action.title,
        description: canon(action.whatToDo),
        responsible: people(action.responsible),
        endDate: orNull(action.endDate),
      })),
    })),
  'plan-table': (plan) =>
    plan.risks.map((risk) => ({
      title: risk.title,
      riskValue: orNull(risk.riskValue),
      controls: risk.controls.map((control) => ({
        title: control.title,
        method: orNull(control.method),
        scope: canon(control.scope),
        frequency: orNull(control.frequency),
        reportingTime: orNull(control.reportingTime),
        reportsTo: orNull(control.reportsTo),
      })),
    })),
};

function importedSchedule(item: {
  title: string;
  status?: string | undefined;
  responsible?: string[] | undefined;
  reporting?: string[] | undefined;
  startDate?: string | undefined;
  checkpoints?: string[] | undefined;
  endDate?: string | undefined;
  followUps: ImportedFollowUp[];
}) {
  return {
    title: item.title,
    status: orNull(item.status),
    responsible: people(item.responsible),
    reporting: people(item.reporting),
    startDate: orNull(item.startDate),
    checkpoints: people(item.checkpoints),
    endDate: orNull(item.endDate),
    followUps: item.followUps.map((followUp) => ({
      period: followUp.period,
      reportedOn: orNull(followUp.reportedOn),
      body: canon(followUp.body),
      author: orNull(followUp.author),
    })),
  };
}

describe('reading the reports Uppsikt prints as DOCX', () => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await createTestDatabase();
    await loadDemoData(database.db, { fixturesFolder: demoFixturesFolder, clock: demoClock });
  });
  afterAll(() => database.close());

  async function report(kind: ReportKind, locale: 'sv' | 'en') {
    const { tenant, unit, period } = DEMO_REPORT_SCOPES[kind];
    const scope = await findScopeByNames(database.db, tenant, unit);
    const access = operatorAccess(scope.tenantId, fixedClock('2026-11-30T10:00:00Z'));
    const request = { kind, unitId: scope.unitId, period, locale, format: 'docx' as const };
    const document = await buildReportDocument(database.db, access, request);
    const rendered = await renderReport(document, request);
    // The plan years; a reporting period ("2020-Q3") lies in its plan's year.
    const years = /^\d{4}(-\d{4})?$/.test(period) ? period.split('-').map(Number) : [Number(period.slice(0, 4))];
    const facts =
      kind === 'council-summary' || kind === 'deviations' || kind === 'recommendations' || kind === 'action-report'
        ? null
        : (
            await planOfReport(
              {
                db: database.db,
                tenantId: scope.tenantId,
                unit: { id: scope.unitId, name: unit },
                startYear: years[0]!,
                endYear: years.at(-1)!,
                locale,
                labels: labelsFor(locale),
                today: '2026-11-30',
                generatedAt: '2026-11-30T10:00:00.000Z',
                readableUnitIds: 'all',
              },
              kind.startsWith('activity') ? 'activity' : 'internal_control',
            )
          ).facts;
    return { bytes: new Uint8Array(rendered.bytes), facts };
  }

  test.each(REPORT_KINDS.flatMap((kind) => (['sv', 'en'] as const).map((locale) => ({ kind, locale }))))(
    'the $kind report in $locale reads back as the plan it shows',
    async ({ kind, locale }) => {
      const { bytes, facts } = await report(kind, locale);
      const progress: [number, number][] = [];
      const plan = await readWordDocument(bytes, (done, total) => progress.push([done, total]));
      expect(plan.errors).toEqual([]);
      expect(progress.at(-1)?.[0]).toBe(progress.at(-1)?.[1]);
      if (!facts) {
        // A summary over several units shows no one plan: nothing is read, and the person is told why.
        expect(importedCounts(plan)).toEqual({
          risks: 0,
          controls: 0,
          actions: 0,
          activities: 0,
          subActivities: 0,
          followUps: 0,
        });
        expect(plan.warnings.map((warning) => warning.message.en).join(' ')).toMatch(/no risks, controls, actions/);
        return;
      }
      expect(plan.title).toBe(facts.title);
      expect(plan.period).toBe(DEMO_REPORT_SCOPES[kind].period.replace(/^(\d{4})-[A-Z]\d*$/, '$1'));
      expect(plan.kind).toBe(kind.startsWith('activity') ? 'activity' : 'internal_control');
      expect(READ[kind]!(plan)).toEqual(SHOWN[kind]!(facts));
    },
  );

  test('the counts of the demo plans, as each report shows them', async () => {
    const read = async (kind: ReportKind) => importedCounts(await readWordDocument((await report(kind, 'sv')).bytes));
    expect(await read('improvement-actions')).toEqual({
      risks: 6,
      controls: 0,
      actions: 12,
      activities: 0,
      subActivities: 0,
      followUps: 0,
    });
    expect(await read('activity-plan')).toMatchObject({ activities: 9, subActivities: 15, followUps: 9 });
    expect(await read('activity-review')).toMatchObject({ activities: 10, followUps: 10 });
    expect(await read('control-follow-up')).toMatchObject({ risks: 11, controls: 15, actions: 12, followUps: 26 });
    expect(await read('plan')).toMatchObject({ risks: 11, controls: 15, actions: 12, followUps: 0 });
  });

  test('a survey chart in a text comes back as the same chart block', async () => {
    const plan = await readWordDocument((await report('improvement-actions', 'sv')).bytes);
    const measures = plan.risks[0]!.actions[0]!.measuresTaken!;
    expect(measures).toContain(
      [
        '```chart',
        'title: 3. Upplever ni att det finns behov för fler utbildningar eller mer material än det som idag finns på KomIn när det gäller hantering av sekretess?',
        'Ja, mer utbildning | 12',
      ].join('\n'),
    );
    // Nested lists keep their nesting, headings their order of depth.
    expect(measures).toMatch(/^1\. Generell sekretesshantering\n {3}- Elever med skydd$/m);
    expect(measures).toMatch(/^## Kartläggning av förvaltningsspecifika förbättringsbehov$/m);
  });
});

// ---- documents shaped like the municipalities' own ----------------------------------------

async function docxOf(children: (Paragraph | Table)[]): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children }] })));
}
const heading = (text: string, level: 1 | 2 | 3 = 2) =>
  new Paragraph({
    heading: [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3][level - 1],
    children: [new TextRun(text)],
  });
const para = (text: string, style: { bold?: boolean; italics?: boolean } = {}) =>
  new Paragraph({ children: [new TextRun({ text, ...style })] });
const row = (...cells: string[][]) =>
  new TableRow({ children: cells.map((lines) => new TableCell({ children: lines.map((line) => para(line)) })) });

describe('reading documents shaped like the seeds, in other words and order', () => {
  test('risks with dashes, English labels, and actions with their values and a period comment', async () => {
    const bytes = await docxOf([
      new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun('Follow-up of improvement actions 2021')] }),
      para('Kulturnämnden'),
      heading('Risk – Inadequate routines for invoices', 1),
      para('Description of the risk', { bold: true }),
      para('Invoices are paid late.'),
      heading('Action – Train the staff', 2),
      para('Status: Ongoing'),
      para('Responsible: Anna Andersson; Bo Berg'),
      para('End date: 2021-06-30'),
      para('What is to be done:', { bold: true }),
      para('Two courses for everyone who approves invoices.'),
      heading('Measures taken', 3),
      para('One course was held in March.'),
      para('Q2 2021 (Anna Andersson): The second course is booked.'),
    ]);
    const plan = await readWordDocument(bytes);
    expect(plan.title).toBe('Follow-up of improvement actions 2021');
    expect(plan.period).toBe('2021');
    expect(plan.kind).toBe('internal_control');
    expect(plan.risks).toHaveLength(1);
    const [risk] = plan.risks;
    expect(risk).toMatchObject({ title: 'Inadequate routines for invoices', description: 'Invoices are paid late.' });
    expect(risk!.actions).toHaveLength(1);
    expect(risk!.actions[0]).toMatchObject({
      title: 'Train the staff',
      status: 'Ongoing',
      responsible: ['Anna Andersson', 'Bo Berg'],
      endDate: '2021-06-30',
      whatToDo: 'Two courses for everyone who approves invoices.',
      measuresTaken: 'One course was held in March.',
      followUps: [{ period: 'Q2 2021', author: 'Anna Andersson', body: 'The second course is booked.' }],
    });
  });

  test('activities numbered "Aktivitet 1", values in a table, sub-activities, tags and follow-ups in any order', async () => {
    const bytes = await docxOf([
      para('Aktivitetsplan 2022-2023', { bold: false }),
      heading('Aktivitet 1: Rekrytera lärare', 2),
      new Table({
        rows: [row(['Status'], ['Pågående']), row(['Slutdatum'], ['2023-12-31']), row(['Ansvarig'], ['Cecilia Ek'])],
      }),
      para('[Attrahera & rekrytera] [Behålla & utveckla]'),
      para('Aktivitetsbeskrivning', { bold: true }),
      para('Fler lärare behövs.'),
      para('1.1 Delta i mässor (Klar)'),
      para('1.2. Ta fram en annons – Förs över till nästa plan'),
      para('Uppföljning', { bold: true }),
      para('Tertial 2 2022', { italics: true }),
      para('Två mässor är gjorda.'),
      heading('Aktivitet 2: Behålla chefer', 2),
      para('Utförare', { bold: true }),
      para('HR'),
      para('Förs inte över', { italics: true }),
    ]);
    const plan = await readWordDocument(bytes);
    expect(plan.kind).toBe('activity');
    expect(plan.period).toBe('2022-2023');
    expect(plan.activities.map((activity) => [activity.number, activity.title])).toEqual([
      ['1', 'Rekrytera lärare'],
      ['2', 'Behålla chefer'],
    ]);
    expect(plan.activities[0]).toMatchObject({
      status: 'Pågående',
      endDate: '2023-12-31',
      responsible: ['Cecilia Ek'],
      focusAreas: ['Attrahera & rekrytera', 'Behålla & utveckla'],
      description: 'Fler lärare behövs.',
      subActivities: [
        { number: '1.1', title: 'Delta i mässor', status: 'Klar' },
        { number: '1.2', title: 'Ta fram en annons', carryOver: 'carry_over' },
      ],
      followUps: [{ period: 'Tertial 2 2022', body: 'Två mässor är gjorda.' }],
    });
    expect(plan.activities[1]).toMatchObject({ performers: 'HR', carryOver: 'do_not_carry_over' });
  });

  test('a plan table of risks with controls, people, dates and a comment column; a control heading under a risk', async () => {
    const bytes = await docxOf([
      para('Intern kontrollplan 2024'),
      new Table({
        rows: [
          row(
            ['Risk'],
            ['Riskvärde'],
            ['Kontrollmoment'],
            ['Status'],
            ['Ansvarig'],
            ['Startdatum + Slutdatum'],
            ['Kommentar'],
          ),
          row(
            ['Fel i löner', 'Löner betalas ut felaktigt.'],
            ['12'],
            ['Stickprov av löner', 'Tio löner per månad.'],
            ['● Pågående'],
            ['Dan Dahl, Eva Ek'],
            ['2024-01-01', '2024-12-31'],
            ['Kvartal 1 2024 2024-04-10', 'Inga fel hittades.', '(Dan Dahl)'],
          ),
          row([], [], ['Avstämning av lönelistor'], ['Ej påbörjad'], ['Eva Ek'], ['2024-09-01', '2024-09-30'], []),
        ],
      }),
      heading('Risk: Fel i löner', 1),
      heading('Kontrollmoment: Avstämning av lönelistor', 2),
      para('Metod: Jämförelse mot HR-systemet'),
    ]);
    const plan = await readWordDocument(bytes);
    expect(plan.risks).toHaveLength(1);
    expect(plan.risks[0]).toMatchObject({
      title: 'Fel i löner',
      description: 'Löner betalas ut felaktigt.',
      riskValue: '12',
    });
    expect(plan.risks[0]!.controls).toHaveLength(2);
    expect(plan.risks[0]!.controls[0]).toMatchObject({
      title: 'Stickprov av löner',
      description: 'Tio löner per månad.',
      status: 'Pågående',
      responsible: ['Dan Dahl', 'Eva Ek'],
      startDate: '2024-01-01',
      endDate: '2024-12-31',
      followUps: [
        { period: 'Kvartal 1 2024', reportedOn: '2024-04-10', body: 'Inga fel hittades.', author: 'Dan Dahl' },
      ],
    });
    expect(plan.risks[0]!.controls[1]).toMatchObject({
      title: 'Avstämning av lönelistor',
      status: 'Ej påbörjad',
      method: 'Jämförelse mot HR-systemet',
    });
  });
});

describe('files that are no Word document', () => {
  const refused = async (bytes: Uint8Array) => {
    const error = await readWordDocument(bytes).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    const appError = error as AppError;
    expect(appError.code).toBe('validation_failed');
    expect(appError.errors.map((fieldError) => fieldError.path)).toEqual(['content']);
    return appError.errors[0]!.message as LocalizedText;
  };

  test('a file that is no zip', async () => {
    expect((await refused(strToU8('Risk: inte ett dokument'))).sv).toMatch(/inte ett Word-dokument/);
  });

  test('a zip that holds no Word document (a workbook, say)', async () => {
    const zip = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'xl/workbook.xml': strToU8('<workbook/>') });
    expect((await refused(zip)).en).toMatch(/not a Word document/);
  });

  test('a password-protected (OLE) file', async () => {
    const ole = new Uint8Array(512);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect((await refused(ole)).sv).toMatch(/lösenordsskyddad/);
  });

  test('a macro-enabled document (.docm)', async () => {
    const zip = zipSync({
      '[Content_Types].xml': strToU8('<Types/>'),
      'word/document.xml': strToU8('<w:document/>'),
      'word/vbaProject.bin': new Uint8Array([1, 2, 3]),
    });
    expect((await refused(zip)).en).toMatch(/macros/);
  });

  test('a damaged zip', async () => {
    const bytes = await docxOf([para('Risk: Något')]);
    expect((await refused(bytes.slice(0, bytes.length - 40))).en).toMatch(/could not be read/);
  });
});
