import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { operatorAccess } from '../../access/access.ts';
import type { DatabaseHandle } from '../../db/client.ts';
import { loadDemoData } from '../../demo/load-demo-data.ts';
import { AppError } from '../../errors.ts';
import { demoFixturesFolder } from '../../paths.ts';
import { findScopeByNames, findTenantBySlug } from '../report-scope.ts';
import { createTestDatabase } from '../../../../test/support/test-database.ts';
import { demoClock } from '../../../../test/support/demo-clock.ts';
import { csvRows, readArchivePackage, type ArchivePackage } from '../../../../test/support/archive-package.ts';
import { pdfText } from '../../../../test/support/seed-fidelity.ts';
import { periodCoversYear, pdfaOf, resolveArchive, writeArchive, type ArchiveProgress } from './build-archive.ts';
import { toCsv } from './plan-data.ts';

// The årsarkiv of the demo data, made as `uppsikt archive` makes it (the operator's access):
// Malmö's Grundskolenämnden for 2020, and the whole of Malmö for 2021, when only the 2020–2021
// aktivitetsplan covers the year.

async function build(database: DatabaseHandle, tenant: string, year: string, unit?: string) {
  const scope = unit
    ? await findScopeByNames(database.db, tenant, unit)
    : { ...(await findTenantBySlug(database.db, tenant)), unitId: undefined };
  const access = operatorAccess(scope.tenantId, demoClock);
  const plan = await resolveArchive(database.db, access, {
    unitId: scope.unitId,
    year,
    locale: 'sv',
  });
  const chunks: Uint8Array[] = [];
  const progress: ArchiveProgress[] = [];
  await writeArchive(
    database.db,
    access,
    plan,
    (chunk) => {
      chunks.push(chunk);
      return Promise.resolve();
    },
    (step) => progress.push(step),
  );
  return { zip: Buffer.concat(chunks), progress, plan };
}

describe('årsarkiv of the demo data', () => {
  let database: DatabaseHandle;
  let school: ArchivePackage;
  let schoolProgress: ArchiveProgress[];

  beforeAll(async () => {
    database = await createTestDatabase();
    await loadDemoData(database.db, { fixturesFolder: demoFixturesFolder, clock: demoClock });
    const built = await build(database, 'malmo', '2020', 'Grundskolenämnden');
    school = await readArchivePackage(built.zip);
    schoolProgress = built.progress;
  }, 180_000);
  afterAll(() => database.close());

  test('the adopted plan as PDF/A with its content, the data, the audit events, and progress to the end', () => {
    expect(school.root).toBe('arsarkiv-malmo-grundskolenamnden-2020-20260615T100000Z');
    const pdf = school.files.get(
      'representations/documents/data/grundskolenamnden/plans/internkontrollplan-2020-revision-1.pdf',
    )!;
    expect(pdfaOf(pdf)).toBe('PDF/A-2A');
    expect(pdfText(pdf)).toContain('Internkontrollplan 2020');
    const json = JSON.parse(
      school.text('representations/datasets/data/grundskolenamnden/internkontrollplan-2020/plan.json'),
    );
    expect(json.plan.unitName).toBe('Grundskolenämnden');
    const actions = csvRows(
      school.text('representations/datasets/data/grundskolenamnden/internkontrollplan-2020/actions.csv'),
    );
    const planActions = [
      ...json.plan.risks.flatMap((risk: { actions: unknown[] }) => risk.actions),
      ...json.plan.otherActions,
    ] as { id: string; title: string }[];
    expect(actions.map((action) => [action.actionId, action.title])).toEqual(
      planActions.map((action) => [action.id, action.title]),
    );
    expect(actions.length).toBeGreaterThan(0);
    // The audit events are of this plan's data only: every risk and action of it has its own.
    const { events } = JSON.parse(school.text('representations/datasets/data/grundskolenamnden/audit-events.json'));
    const entityIds = new Set((events as { entityId: string }[]).map((event) => event.entityId));
    expect(entityIds.has(json.plan.id)).toBe(true);
    for (const action of planActions) expect(entityIds.has(action.id), action.title).toBe(true);
    expect([...school.files.keys()].some((path) => path.includes('gymnasie'))).toBe(false);
    expect(schoolProgress.at(-1)).toEqual({
      done: schoolProgress.length,
      total: schoolProgress.length,
      step: 'METS.xml',
    });
  });

  test('a plan over two years is in the package of each year; the whole tenant takes every unit with one', async () => {
    const { zip } = await build(database, 'malmo', '2021');
    const tenant = await readArchivePackage(zip);
    const plans = [...tenant.files.keys()].filter((path) => path.includes('/plans/'));
    expect(plans).toEqual([
      'representations/documents/data/gymnasie-och-vuxenutbildningsforvaltningen/plans/aktivitetsplan-for-kompetensforsorjning-2020-2021-revision-1.pdf',
    ]);
    expect(
      tenant.files.has(
        'representations/datasets/data/gymnasie-och-vuxenutbildningsforvaltningen/aktivitetsplan-for-kompetensforsorjning-2020-2021/activities.csv',
      ),
    ).toBe(true);
  }, 120_000);

  test('nothing to archive is a 404 naming the year, and a year that is not one a 400', async () => {
    const attempt = (year: string, unit?: string) =>
      build(database, 'malmo', year, unit).then(
        () => null,
        (error: unknown) => error as AppError,
      );
    const none = await attempt('2019', 'Grundskolenämnden');
    expect(none).toBeInstanceOf(AppError);
    expect(none!.code).toBe('not_found');
    expect(none!.errors[0]!.path).toBe('year');
    const bad = await attempt('20x0');
    expect(bad!.code).toBe('validation_failed');
    expect(bad!.errors[0]!.path).toBe('year');
  });

  test('a package whose file does not match its checksum is refused by the checks', async () => {
    const files = Object.fromEntries(
      [...school.files].map(([path, bytes]) => [`${school.root}/${path}`, new Uint8Array(bytes)]),
    );
    const csv = `${school.root}/representations/datasets/data/grundskolenamnden/internkontrollplan-2020/risks.csv`;
    files[csv] = new TextEncoder().encode('riskId,title\r\nx,ändrad\r\n');
    await expect(readArchivePackage(zipSync(files))).rejects.toThrow(/risks\.csv/);
    delete files[csv];
    await expect(readArchivePackage(zipSync(files))).rejects.toThrow(/is in the ZIP/);
  });
});

describe('the parts', () => {
  test('PDF/A is read from the XMP metadata, element or attribute form', () => {
    const pdf = (text: string) => new TextEncoder().encode(`%PDF-1.7\n${text}\n%%EOF`);
    expect(pdfaOf(pdf('<pdfaid:part>2</pdfaid:part><pdfaid:conformance>A</pdfaid:conformance>'))).toBe('PDF/A-2A');
    expect(pdfaOf(pdf('pdfaid:part="3" pdfaid:conformance="b"'))).toBe('PDF/A-3B');
    expect(pdfaOf(pdf('<pdfaid:part>1</pdfaid:part>'))).toBe('PDF/A-1');
    expect(pdfaOf(pdf('/Title (plain)'))).toBeNull();
  });

  test('an issued report belongs to the years its period covers', () => {
    expect(periodCoversYear('2026', 2026)).toBe(true);
    expect(periodCoversYear('2026', 2025)).toBe(false);
    expect(periodCoversYear('2025-2026', 2026)).toBe(true);
    expect(periodCoversYear('2025-2026', 2025)).toBe(true);
    expect(periodCoversYear('2025-2026', 2027)).toBe(false);
    expect(periodCoversYear('2026-Q3', 2026)).toBe(true);
    expect(periodCoversYear('2026-H1', 2025)).toBe(false);
  });

  test('CSV after RFC 4180: quotes, commas and line breaks quoted, empty for nothing, CRLF', () => {
    expect(toCsv([['a', 'b, c', 'sa "hej"', 'rad\nny', null, 3, true]])).toBe(
      'a,"b, c","sa ""hej""","rad\nny",,3,true\r\n',
    );
  });
});
