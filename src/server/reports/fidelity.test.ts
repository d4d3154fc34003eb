import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ReportKind } from '../../domain/contracts/reports.ts';
import { operatorAccess } from '../access/access.ts';
import { fixedClock } from '../../domain/clock.ts';
import type { DatabaseHandle } from '../db/client.ts';
import { createTestDatabase } from '../db/test-database.ts';
import { loadDemoData } from '../demo/load-demo-data.ts';
import { demoFixturesFolder } from '../paths.ts';
import { buildReportDocument, renderReport } from './generate-report.ts';
import { findScopeByNames } from './report-scope.ts';
import { overlappingWords, wordBoxes, wordsOffTextArea } from './pdf-word-boxes.ts';
import { docxText, pdfText, seedContentLines, seedCoverage, withoutRunningFooter } from './seed-fidelity.ts';

// The four real reports in seeds/ are the ground truth: each one, generated from the demo data,
// must contain at least 95 % of the seed's content lines, in the PDF and in the DOCX.

const SEEDS: { file: string; kind: ReportKind; tenant: string; unit: string; period: string }[] = [
  { file: '001-forbattringsatgarder-2020.txt', kind: 'improvement-actions', tenant: 'malmo', unit: 'Grundskolenämnden', period: '2020' },
  { file: '002-aktivitetsplan-2020-2021.txt', kind: 'activity-plan', tenant: 'malmo', unit: 'Gymnasie- och vuxenutbildningsförvaltningen', period: '2020-2021' },
  { file: '003-fjolarets-aktiviteter-2019.txt', kind: 'activity-review', tenant: 'exempelkommun-a', unit: 'Barn- och utbildningsnämnden', period: '2019' },
  { file: '004-kontroll-uppfoljning-2020.txt', kind: 'control-follow-up', tenant: 'exempelkommun-b', unit: 'Utbildningsnämnden', period: '2020' },
];

describe('seed fidelity', () => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await createTestDatabase();
    await loadDemoData(database.db, { fixturesFolder: demoFixturesFolder });
  });
  afterAll(() => database.close());

  for (const seed of SEEDS) {
    test(`${seed.file} as ${seed.kind}: at least 95 % of the seed's lines in the PDF and the DOCX`, async () => {
      const source = readFileSync(join(import.meta.dirname, 'seeds', seed.file), 'utf8');
      const scope = await findScopeByNames(database.db, seed.tenant, seed.unit);
      const request = { kind: seed.kind, unitId: scope.unitId, period: seed.period, locale: 'sv' as const };
      const document = await buildReportDocument(database.db, operatorAccess(scope.tenantId, fixedClock('2026-11-30T10:00:00Z')), { ...request, format: 'pdf' });
      const pdf = await renderReport(document, { ...request, format: 'pdf' });
      const docx = await renderReport(document, { ...request, format: 'docx' });
      const figures = {
        pdf: seedCoverage(source, withoutRunningFooter(pdfText(pdf.bytes), document.title, document.labels.page)),
        docx: seedCoverage(source, docxText(docx.bytes)),
      };
      for (const [format, figure] of Object.entries(figures)) {
        console.log(`seed ${seed.file.slice(0, 3)} ${format}: ${(figure.share * 100).toFixed(1)} % of ${figure.total} lines${figure.missing.length ? `; missing: ${figure.missing.map((line) => JSON.stringify(line.slice(0, 60))).join(', ')}` : ''}`);
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
    const report = await renderReport(await buildReportDocument(database.db, operatorAccess(scope.tenantId, fixedClock('2026-11-30T10:00:00Z')), request), request);
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

  test('another tenant gets none of them', async () => {
    const report = await markdown('malmo', 'Grundskolenämnden', 'control-follow-up');
    expect(report).not.toMatch(/dokumenteras i Stratsys|Nämnden informeras|Kommunstyrelsen informeras|Att diskutera/);
  });
});

describe('the fidelity measure', () => {
  test('drops page numbers, converter markers and list markers, and normalises whitespace', () => {
    const seed = ['', 'Inledning\t3', 'Risk: Röjande av sekretess.....\t4', '[image: ] Pågående', '[bookmark: _Toc1]Kontroll  uppföljning', '12', '· Övriga frågor.', '3.1. Tydliggöra', '[More Details](#)'].join('\n');
    expect(seedContentLines(seed)).toEqual(['Inledning', 'Risk: Röjande av sekretess', 'Pågående', 'Kontroll uppföljning', 'Övriga frågor.', 'Tydliggöra']);
  });

  test('a line counts only when the report holds it whole, case aside', () => {
    const coverage = seedCoverage('Första raden\nAndra raden som saknas\n1. UPPDRAG/aktivitet', 'x första  raden\ny Uppdrag/Aktivitet');
    expect(coverage).toEqual({ share: 2 / 3, total: 3, missing: ['Andra raden som saknas'] });
  });

  test('the running footer is taken out of a PDF’s text', () => {
    expect(withoutRunningFooter('slutet av en\nKontroll uppföljning Sida 3\nmening', 'Kontroll uppföljning', 'Sida')).toBe('slutet av en\n \nmening');
    // A word hyphenated over the page break (its soft hyphen and line end already taken out) is whole again.
    expect(withoutRunningFooter('ett ut\u00ad\nKontroll uppföljning Sida 3\nrymme'.replace(/\u00ad\n/g, ''), 'Kontroll uppföljning', 'Sida')).toBe('ett utrymme');
  });
});
