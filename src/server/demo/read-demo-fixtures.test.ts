import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createTestDatabase } from '../../../test/support/test-database.ts';
import { tenants } from '../db/schema/tenants.ts';
import { demoFixturesFolder } from '../paths.ts';
import { loadDemoData } from './load-demo-data.ts';
import { FixtureError, readDemoFixtures } from './read-demo-fixtures.ts';
import { demoClock } from '../../../test/support/demo-clock.ts';

describe('a malformed fixture is reported by file and field', () => {
  let folder: string;
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'uppsikt-fixtures-'));
    cpSync(demoFixturesFolder, folder, { recursive: true });
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  function edit(file: string, from: string, to: string) {
    const path = join(folder, file);
    const text = readFileSync(path, 'utf8');
    if (!text.includes(from)) throw new Error(`${from} not in ${file}`);
    writeFileSync(path, text.replace(from, to));
  }

  function readError(): FixtureError {
    try {
      readDemoFixtures(folder);
    } catch (error) {
      if (error instanceof FixtureError) return error;
      throw error;
    }
    throw new Error('the fixtures were accepted');
  }

  test('the shipped fixtures are valid', () => {
    const fixtures = readDemoFixtures(demoFixturesFolder);
    expect(fixtures.tenants.tenants.map((tenant) => tenant.slug)).toEqual([
      'malmo',
      'exempelkommun-a',
      'exempelkommun-b',
    ]);
    expect(fixtures.documents).toHaveLength(4);
  });

  test('a misspelt field', () => {
    edit('004-kontroll-uppfoljning-2020.yaml', '        riskValue: 9\n', '        riskvalue: 9\n');
    const error = readError();
    expect(error.file).toMatch(/004-kontroll-uppfoljning-2020\.yaml$/);
    expect(error.field).toBe('plans.0.risks.0');
    expect(error.problem).toContain('riskvalue');
  });

  test('a wrong date', () => {
    edit('004-kontroll-uppfoljning-2020.yaml', 'startDate: 2020-03-05', 'startDate: 5 mars 2020');
    const error = readError();
    expect(error.field).toBe('plans.0.risks.0.actions.1.startDate');
    expect(error.problem).toBe('must be a date as YYYY-MM-DD');
  });

  test('a risk value that is not sannolikhet × konsekvens', () => {
    edit(
      '004-kontroll-uppfoljning-2020.yaml',
      '        riskValue: 12\n        likelihood: 3',
      '        riskValue: 12\n        likelihood: 2',
    );
    expect(readError()).toMatchObject({
      field: 'plans.0.risks.1.riskValue',
      problem: 'riskValue must equal likelihood × consequence',
    });
  });

  test('a chart row without a number', () => {
    edit('001-forbattringsatgarder-2020.yaml', 'Nej | 1', 'Nej | ett');
    expect(readError()).toMatchObject({
      field: 'plans.0.risks.0.actions.0.measuresTaken',
      problem: 'chart block line 5: "ett" is not a number of zero or more',
    });
  });

  test('broken YAML names the line', () => {
    edit('tenants.yaml', '    name: Malmö stad\n', '    name: [Malmö stad\n');
    const error = readError();
    expect(error.file).toMatch(/tenants\.yaml$/);
    expect(error.field).toMatch(/^line \d+$/);
  });

  test('an unknown person is reported while loading, and nothing of that tenant is written', async () => {
    edit('004-kontroll-uppfoljning-2020.yaml', 'reporting: [Elvis Sabovic]', 'reporting: [Elvis Sabovik]');
    const database = await createTestDatabase();
    try {
      const failure = await loadDemoData(database.db, { fixturesFolder: folder, clock: demoClock }).catch(
        (error: unknown) => error,
      );
      expect(failure).toBeInstanceOf(FixtureError);
      expect(failure).toMatchObject({
        field: 'plans.0.risks.8.controls.1.reporting.0',
        problem: 'unknown person "Elvis Sabovik"',
      });
      const slugs = (await database.db.select({ slug: tenants.slug }).from(tenants)).map((row) => row.slug);
      expect(slugs).toEqual(['malmo', 'exempelkommun-a']);
    } finally {
      await database.close();
    }
  });
});
