import { readFileSync } from 'node:fs';
import { DEMO_REPORT_SCOPES } from '../../../test/support/report-contexts.ts';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ReportKind } from '../../domain/contracts/reports.ts';
import { REPORT_KINDS } from '../../domain/report-kind.ts';
import { operatorAccess } from '../access/access.ts';
import { fixedClock } from '../../domain/clock.ts';
import type { DatabaseHandle } from '../db/client.ts';
import { createTestDatabase } from '../../../test/support/test-database.ts';
import { loadDemoData } from '../demo/load-demo-data.ts';
import { demoFixturesFolder } from '../paths.ts';
import { buildReportDocument, renderReport } from './generate-report.ts';
import { findScopeByNames } from './report-scope.ts';
import { overlappingWords, wordBoxes, wordsOffTextArea } from './pdf-word-boxes.ts';
import {
  docxText,
  pdfText,
  seedContentLines,
  seedCoverage,
  withoutRunningFooter,
} from '../../../test/support/seed-fidelity.ts';
import { demoClock } from '../../../test/support/demo-clock.ts';

// The four real reports in seeds/ are the ground truth: each one, generated from the demo data,
// must contain at least 95 % of the seed's content lines, in the PDF and in the DOCX.

const SEEDS: { file: string; kind: ReportKind; tenant: string; unit: string; period: string }[] = [
  {
    file: '001-forbattringsatgarder-2020.txt',
    kind: 'improvement-actions',
    tenant: 'malmo',
    unit: 'Grundskolenämnden',
    period: '2020',
  },
  {
    file: '002-aktivitetsplan-2020-2021.txt',
    kind: 'activity-plan',
    tenant: 'malmo',
    unit: 'Gymnasie- och vuxenutbildningsförvaltningen',
    period: '2020-2021',
  },
  {
    file: '003-fjolarets-aktiviteter-2019.txt',
    kind: 'activity-review',
    tenant: 'exempelkommun-a',
    unit: 'Barn- och utbildningsnämnden',
    period: '2019',
  },
  {
    file: '004-kontroll-uppfoljning-2020.txt',
    kind: 'control-follow-up',
    tenant: 'exempelkommun-b',
    unit: 'Utbildningsnämnden',
    period: '2020',
  },
];

type Headings = { title: string; headings: string[]; columns: string[] };

/** The internal control report and the period report share their sections and columns; only the title differs. */
const INTERNAL_CONTROL_SECTIONS = {
  sv: {
    headings: [
      'Inledning',
      'Sammanfattning per process',
      'Resultat per kontrollmoment',
      'Avvikelser och åtgärder',
      'Förslag till beslut',
    ],
    columns: [
      'Process/kontrollområde',
      'Antal risker',
      'Antal kontrollmoment',
      'Utan anmärkning',
      'Med avvikelse',
      'Ej genomförda',
      'Utan resultat',
      'Avvikelser per allvarlighet',
      'Risk',
      'Kontrollmoment',
      'Period',
      'Resultat',
      'Datum',
      'Kommentar',
    ],
  },
  en: {
    headings: [
      'Introduction',
      'Summary per process',
      'Results per control',
      'Deviations and actions',
      'Proposed decision',
    ],
    columns: [
      'Process/control area',
      'Number of risks',
      'Number of controls',
      'Without remarks',
      'With deviation',
      'Not performed',
      'No result',
      'Deviations per severity',
      'Risk',
      'Control',
      'Period',
      'Result',
      'Date',
      'Comment',
    ],
  },
};

/**
 * The words the report builders print as titles, headings and column headings, per kind and
 * language, written out by hand: the documents go to nämnder and auditors, so a renamed heading
 * is a change to agree on, not a side effect. (Tenant texts and plan titles are data.)
 */
const EXPECTED_HEADINGS: Record<ReportKind, Record<'sv' | 'en', Headings>> = {
  'improvement-actions': {
    sv: {
      title: 'Uppföljning förbättringsåtgärder 2020',
      headings: [
        'Inledning',
        'Förbättringsåtgärder',
        'Risk: …',
        'Beskrivning av risk',
        'Åtgärd: …',
        'Genomförda åtgärder',
      ],
      columns: [],
    },
    en: {
      title: 'Follow-up of improvement actions 2020',
      headings: [
        'Introduction',
        'Improvement actions',
        'Risk: …',
        'Description of the risk',
        'Action: …',
        'Measures taken',
      ],
      columns: [],
    },
  },
  'activity-plan': {
    sv: { title: 'Uppföljning plan 2020-2021', headings: [], columns: ['Status', 'Aktivitet', 'Slutdatum'] },
    en: { title: 'Follow-up of plan 2020-2021', headings: [], columns: ['Status', 'Activity', 'End date'] },
  },
  'activity-review': {
    sv: {
      title: 'Uppföljning av fjolårets planerade aktiviteter',
      headings: ['N. Uppdrag/Aktivitet', 'Uppföljning', 'Analys'],
      columns: [],
    },
    en: {
      title: "Follow-up of last year's planned activities",
      headings: ['N. Assignment/Activity', 'Follow-up', 'Analysis'],
      columns: [],
    },
  },
  'control-follow-up': {
    sv: {
      title: 'Kontroll uppföljning',
      headings: [
        'Uppföljning åtgärder',
        'Uppföljning kontroller',
        'Rapporterade avvikelser',
        'Rapportering till nämnd',
        'Rapportering till Kommunstyrelsen',
      ],
      columns: [
        'Riskanalys',
        'Risk',
        'Beslut om åtgärd',
        'Status',
        'Ansvarig + Rapporteringsansvarig',
        'Startdatum + Avstämningsdatum + Slutdatum',
        'Kommentar 2020',
        'Kontrollmoment',
      ],
    },
    en: {
      title: 'Control follow-up',
      headings: [
        'Follow-up of actions',
        'Follow-up of controls',
        'Reported deviations',
        'Reporting to the committee',
        'Reporting to the municipal executive board',
      ],
      columns: [
        'Risk analysis',
        'Risk',
        'Decided action',
        'Status',
        'Responsible + Reporting',
        'Start date + Checkpoints + End date',
        'Comment 2020',
        'Control',
      ],
    },
  },
  plan: {
    sv: {
      title: 'Internkontrollplan 2020',
      headings: ['Beslut', 'Riskmatris', 'Risker', 'Risk: …'],
      columns: [
        'Sannolikhet \\ Konsekvens',
        '1 Försumbar',
        '2 Lindrig',
        '3 Kännbar',
        '4 Allvarlig',
        'Risk',
        'Sannolikhet',
        'Konsekvens',
        'Riskvärde',
        'Kontrollmoment',
        'Åtgärder',
      ],
    },
    en: {
      title: 'Internkontrollplan 2020',
      headings: ['Decision', 'Risk matrix', 'Risks', 'Risk: …'],
      columns: [
        'Likelihood \\ Consequence',
        '1 Försumbar',
        '2 Lindrig',
        '3 Kännbar',
        '4 Allvarlig',
        'Risk',
        'Likelihood',
        'Consequence',
        'Risk value',
        'Controls',
        'Actions',
      ],
    },
  },
  'plan-table': {
    sv: {
      title: 'Internkontrollplan 2020',
      headings: ['Beslut', 'Riskmatris', 'Kontrollmoment per process'],
      columns: [
        'Sannolikhet \\ Konsekvens',
        '1 Försumbar',
        '2 Lindrig',
        '3 Kännbar',
        '4 Allvarlig',
        'Risk',
        'Riskvärde',
        'Kontrollmoment',
        'Kontrollmetod',
        'Omfattning',
        'Frekvens',
        'Tidpunkt',
        'Kontrollansvarig',
        'Rapporteras till',
      ],
    },
    en: {
      title: 'Internkontrollplan 2020',
      headings: ['Decision', 'Risk matrix', 'Controls by process'],
      columns: [
        'Likelihood \\ Consequence',
        '1 Försumbar',
        '2 Lindrig',
        '3 Kännbar',
        '4 Allvarlig',
        'Risk',
        'Risk value',
        'Control',
        'Control method',
        'Scope',
        'Frequency',
        'Reporting time',
        'Control owner',
        'Reports to',
      ],
    },
  },
  'council-summary': {
    sv: {
      title: 'Uppföljning av intern kontroll 2020 – sammanställning för kommunstyrelsen',
      headings: [
        'Status per nämnd och bolag',
        'Försenade kontrollmoment, åtgärder och aktiviteter',
        'Avvikelser',
        'Samlad riskmatris',
      ],
      columns: [
        'Nämnd/bolag',
        'Plan',
        'Antal',
        'Ej påbörjad',
        'Pågående',
        'Klar',
        'Ej slutförd',
        'Utan status',
        'Försenade',
        'Avvikelser',
        'Risker',
        'Högsta riskvärde',
        'Kontrollmoment, åtgärder och aktiviteter',
        'Ansvarig',
        'Slutdatum',
        'Status',
        'Sannolikhet \\ Konsekvens',
        '1 Försumbar',
        '2 Lindrig',
        '3 Kännbar',
        '4 Allvarlig',
      ],
    },
    en: {
      title: 'Follow-up of internal control 2020 – summary for the executive board',
      headings: [
        'Status per committee and company',
        'Overdue controls, actions and activities',
        'Deviations',
        'Aggregated risk matrix',
      ],
      columns: [
        'Committee/company',
        'Plan',
        'Count',
        'Not started',
        'In progress',
        'Done',
        'Not completed',
        'No status',
        'Overdue',
        'Deviations',
        'Risks',
        'Highest risk value',
        'Controls, actions and activities',
        'Responsible',
        'End date',
        'Status',
        'Likelihood \\ Consequence',
        '1 Försumbar',
        '2 Lindrig',
        '3 Kännbar',
        '4 Allvarlig',
      ],
    },
  },
  deviations: {
    sv: { title: 'Rapporterade avvikelser 2020', headings: ['Sammanfattning', 'Avvikelser'], columns: [] },
    en: { title: 'Reported deviations 2020', headings: ['Summary', 'Deviations'], columns: [] },
  },
  // The demo's reviews have no recommendations: the reviews with the actions decided from them.
  recommendations: {
    sv: {
      title: 'Uppföljning av revisionens rekommendationer 2020',
      headings: ['Sammanfattning', 'Granskningar och rekommendationer'],
      columns: ['Åtgärd', 'Genomförda åtgärder', 'Ansvarig', 'Slutdatum', 'Status'],
    },
    en: {
      title: "Follow-up of the auditors' recommendations 2020",
      headings: ['Summary', 'Reviews and recommendations'],
      columns: ['Action', 'Measures taken', 'Responsible', 'End date', 'Status'],
    },
  },
  'action-report': {
    sv: {
      title: 'Åtgärdsrapport 2026',
      headings: ['Sammanfattning', 'Avvikelser och åtgärder'],
      columns: [
        'Allvarlighet',
        'Avvikelser',
        'Med åtgärd',
        'Ingen åtgärd',
        'Avvikelse',
        'Upptäckt',
        'Kontrollmoment / Risk',
        'Åtgärd',
        'Ansvarig',
        'Start – slut',
        'Status',
      ],
    },
    en: {
      title: 'Action report 2026',
      headings: ['Summary', 'Deviations and actions'],
      columns: [
        'Severity',
        'Deviations',
        'With action',
        'No action',
        'Deviation',
        'Found on',
        'Control / Risk',
        'Action',
        'Responsible',
        'Start – end',
        'Status',
      ],
    },
  },
  'internal-control-report': {
    sv: { title: 'Internkontrollrapport 2020', ...INTERNAL_CONTROL_SECTIONS.sv },
    en: { title: 'Internal control report 2020', ...INTERNAL_CONTROL_SECTIONS.en },
  },
  'period-report': {
    sv: { title: 'Uppföljning internkontroll Kvartal 3 2020', ...INTERNAL_CONTROL_SECTIONS.sv },
    en: { title: 'Internal control follow-up Quarter 3 2020', ...INTERNAL_CONTROL_SECTIONS.en },
  },
};

describe('seed fidelity', () => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await createTestDatabase();
    await loadDemoData(database.db, { fixturesFolder: demoFixturesFolder, clock: demoClock });
  });
  afterAll(() => database.close());

  for (const seed of SEEDS) {
    test(`${seed.file} as ${seed.kind}: at least 95 % of the seed's lines in the PDF and the DOCX`, async () => {
      const source = readFileSync(join(import.meta.dirname, 'seeds', seed.file), 'utf8');
      const scope = await findScopeByNames(database.db, seed.tenant, seed.unit);
      const request = { kind: seed.kind, unitId: scope.unitId, period: seed.period, locale: 'sv' as const };
      const document = await buildReportDocument(
        database.db,
        operatorAccess(scope.tenantId, fixedClock('2026-11-30T10:00:00Z')),
        { ...request, format: 'pdf' },
      );
      const pdf = await renderReport(document, { ...request, format: 'pdf' });
      const docx = await renderReport(document, { ...request, format: 'docx' });
      const figures = {
        pdf: seedCoverage(source, withoutRunningFooter(pdfText(pdf.bytes), document.title, document.labels.page)),
        docx: seedCoverage(source, docxText(docx.bytes)),
      };
      for (const [format, figure] of Object.entries(figures)) {
        console.log(
          `seed ${seed.file.slice(0, 3)} ${format}: ${(figure.share * 100).toFixed(1)} % of ${figure.total} lines${figure.missing.length ? `; missing: ${figure.missing.map((line) => JSON.stringify(line.slice(0, 60))).join(', ')}` : ''}`,
        );
        expect(figure.share, `${format} misses ${figure.missing.join(' | ')}`).toBeGreaterThanOrEqual(0.95);
      }
      // The pages themselves: no header runs into the next, no word spills off the text area.
      const boxes = wordBoxes(pdf.bytes);
      expect(overlappingWords(boxes.words)).toEqual([]);
      expect(wordsOffTextArea(boxes)).toEqual([]);
    });
  }

  // The demo tenants' own words stay theirs.
  const markdown = async (tenant: string, unit: string, kind: ReportKind) => {
    const scope = await findScopeByNames(database.db, tenant, unit);
    const request = { kind, unitId: scope.unitId, period: '2020', locale: 'sv' as const, format: 'md' as const };
    const report = await renderReport(
      await buildReportDocument(
        database.db,
        operatorAccess(scope.tenantId, fixedClock('2026-11-30T10:00:00Z')),
        request,
      ),
      request,
    );
    return report.bytes.toString('utf8');
  };

  test('seed 004’s tenant prints its own guidance and meeting sentences, derives "Inga avvikelser funna" and names the adopted plan', async () => {
    const report = await markdown('exempelkommun-b', 'Utbildningsnämnden', 'control-follow-up');
    expect(report).toContain('ska dokumenteras i Stratsys');
    expect(report).toContain('Nämnden informeras den 16 september');
    expect(report).toContain('Kommunstyrelsen informeras på oktober sammanträdet');
    expect(report).not.toContain('Sammanträde den 16 september');
    expect(report).toContain('**Kommentar avvikelse**\n\nInga avvikelser funna.');
    expect(report).toContain('Internkontrollplan 2020, antagen, revision 1');
  });

  test.each(REPORT_KINDS.flatMap((kind) => (['sv', 'en'] as const).map((locale) => ({ kind, locale }))))(
    'the $kind report’s title, headings and column headings in $locale are the agreed ones',
    async ({ kind, locale }) => {
      const { tenant, unit, period } = DEMO_REPORT_SCOPES[kind];
      const expected = EXPECTED_HEADINGS[kind][locale];
      const scope = await findScopeByNames(database.db, tenant, unit);
      const document = await buildReportDocument(
        database.db,
        operatorAccess(scope.tenantId, fixedClock('2026-11-30T10:00:00Z')),
        { kind, unitId: scope.unitId, period, locale, format: 'md' },
      );
      // A heading with a name in it is compared by its fixed part; headings written by the tenant (Markdown) are not the builder's and are left aside.
      const headings = [
        ...new Set(
          document.blocks.flatMap((block) =>
            block.type === 'heading'
              ? [block.text.replace(/^(Risk|Åtgärd|Action): .*/, '$1: …').replace(/^\d+\. /, 'N. ')]
              : [],
          ),
        ),
      ];
      const columns = [
        ...new Set(
          document.blocks.flatMap((block) =>
            block.type === 'table' ? block.table.columns.map((column) => column.title) : [],
          ),
        ),
      ];
      expect({
        title: document.title,
        headings: headings.filter((heading) => expected.headings.includes(heading)),
        columns,
      }).toEqual(expected);
    },
  );

  test('another tenant gets none of them', async () => {
    const report = await markdown('malmo', 'Grundskolenämnden', 'control-follow-up');
    expect(report).not.toMatch(/dokumenteras i Stratsys|Nämnden informeras|Kommunstyrelsen informeras|Att diskutera/);
  });
});

describe('the fidelity measure', () => {
  test('drops page numbers, converter markers and list markers, and normalises whitespace', () => {
    const seed = [
      '',
      'Inledning\t3',
      'Risk: Röjande av sekretess.....\t4',
      '[image: ] Pågående',
      '[bookmark: _Toc1]Kontroll  uppföljning',
      '12',
      '· Övriga frågor.',
      '3.1. Tydliggöra',
      '[More Details](#)',
    ].join('\n');
    expect(seedContentLines(seed)).toEqual([
      'Inledning',
      'Risk: Röjande av sekretess',
      'Pågående',
      'Kontroll uppföljning',
      'Övriga frågor.',
      'Tydliggöra',
    ]);
  });

  test('a line counts only when the report holds it whole, case aside', () => {
    const coverage = seedCoverage(
      'Första raden\nAndra raden som saknas\n1. UPPDRAG/aktivitet',
      'x första  raden\ny Uppdrag/Aktivitet',
    );
    expect(coverage).toEqual({ share: 2 / 3, total: 3, missing: ['Andra raden som saknas'] });
  });

  test('the running footer is taken out of a PDF’s text', () => {
    expect(
      withoutRunningFooter('slutet av en\nKontroll uppföljning Sida 3\nmening', 'Kontroll uppföljning', 'Sida'),
    ).toBe('slutet av en\n \nmening');
    // A word hyphenated over the page break (its soft hyphen and line end already taken out) is whole again.
    expect(
      withoutRunningFooter(
        'ett ut\u00ad\nKontroll uppföljning Sida 3\nrymme'.replace(/\u00ad\n/g, ''),
        'Kontroll uppföljning',
        'Sida',
      ),
    ).toBe('ett utrymme');
  });
});
