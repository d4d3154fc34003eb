import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createHarness, type Harness } from '../../test/support/harness.ts';
import { auditEvents } from '../server/db/schema/audit-events.ts';
import { plans } from '../server/db/schema/plans.ts';
import { vocabularyEntries } from '../server/db/schema/vocabulary-entries.ts';
import { risks } from '../server/db/schema/risks.ts';
import { loadConfig } from '../server/config.ts';
import { loadDemoData } from '../server/demo/load-demo-data.ts';
import { demoFixturesFolder } from '../server/paths.ts';
import { findScopeByNames } from '../server/reports/report-scope.ts';
import { runImportCommand } from './import-command.ts';
import { demoClock } from '../../test/support/demo-clock.ts';

// `uppsikt import`, run in-process against the test database: what a script sees.

const folder = mkdtempSync(join(tmpdir(), 'uppsikt-import-'));
let h: Harness;

beforeAll(async () => {
  h = await createHarness();
  await loadDemoData(h.db, { fixturesFolder: demoFixturesFolder, clock: demoClock });
});
afterAll(async () => {
  await h.close();
  rmSync(folder, { recursive: true, force: true });
});

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const progress: string[] = [];
  const code = await runImportCommand(args, loadConfig({}), {
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    progress: (line) => progress.push(line),
    clock: h.clock,
    // The harness keeps its database open for the next run.
    database: () => Promise.resolve({ ...h.database, close: () => Promise.resolve() }),
  });
  return { code, out: out.join('\n'), err: err.join('\n'), progress: progress.join('') };
}

function csvFile(name: string, text: string) {
  const path = join(folder, name);
  writeFileSync(path, `\uFEFF${text}`);
  return path;
}

const TABLE =
  'Kontrollområde;Risk;Sannolikhet;Konsekvens;Kontrollmoment;Frekvens;Kontrollansvarig\n' +
  'Ekonomi;Felaktiga attester;2;3;Stickprov på attester;Kvartalsvis;Anna Ek\n' +
  'Ekonomi;Felaktiga attester;2;3;Genomgång av attesträtter;En gång per år;Anna Ek\n' +
  'Personal;Brister i arbetsmiljön;3;2;Uppföljning av skyddsronder;Halvår;Bo Berg\n';

describe('uppsikt import', () => {
  test('--dry-run --json prints what would be created and writes nothing', async () => {
    const file = csvFile('plan.csv', TABLE);
    const result = await run([
      file,
      '--tenant',
      'malmo',
      '--unit',
      'Grundskolenämnden',
      '--year',
      '2027',
      '--dry-run',
      '--json',
    ]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.out)).toEqual({
      created: { risks: 2, controls: 3, actions: 0, activities: 0, subActivities: 0, followUps: 0 },
      errors: [],
    });
    const scope = await findScopeByNames(h.db, 'malmo', 'Grundskolenämnden');
    expect(
      await h.db
        .select()
        .from(plans)
        .where(and(eq(plans.unitId, scope.unitId), eq(plans.startYear, 2027))),
    ).toEqual([]);
  });

  test('without --dry-run it writes the plan, shows progress on a terminal, and a second run creates nothing', async () => {
    const file = csvFile('plan.csv', TABLE);
    const first = await run([file, '--tenant', 'malmo', '--unit', 'Grundskolenämnden', '--year', '2027']);
    expect(first.code, first.err).toBe(0);
    expect(first.out).toContain('Skapade: 2 risker, 3 kontrollmoment, 0 åtgärder');
    expect(first.out).toContain('Nya personer: 2.');
    expect(first.progress).toMatch(/Läser \[#+\s*\] 100 %/);
    expect(first.progress).toMatch(/Skriver \[#+\s*\] 100 % \(5 \/ 5 rader\)/);
    const scope = await findScopeByNames(h.db, 'malmo', 'Grundskolenämnden');
    const [plan] = await h.db
      .select()
      .from(plans)
      .where(and(eq(plans.unitId, scope.unitId), eq(plans.startYear, 2027)));
    expect(plan).toMatchObject({ kind: 'internal_control', state: 'draft' });
    const created = await h.db
      .select({ id: risks.id, process: vocabularyEntries.labelSv })
      .from(risks)
      .innerJoin(vocabularyEntries, eq(vocabularyEntries.id, risks.processId))
      .where(eq(risks.planId, plan!.id));
    // The file's process column names entries of the tenant's processes.
    expect(created.map((risk) => risk.process).sort()).toEqual(['Ekonomi', 'Personal']);
    const [event] = await h.db.select().from(auditEvents).where(eq(auditEvents.entityId, created[0]!.id));
    expect(event).toMatchObject({ actorKind: 'system', actorLabel: 'cli:import', operation: 'create' });

    const second = await run([file, '--tenant', 'malmo', '--unit', 'Grundskolenämnden', '--year', '2027', '--json']);
    expect(JSON.parse(second.out).created).toEqual({
      risks: 0,
      controls: 0,
      actions: 0,
      activities: 0,
      subActivities: 0,
      followUps: 0,
    });
  });

  test('errors name sheet, row and column; nothing is written unless the valid rows only are asked for', async () => {
    const file = csvFile(
      'fel.csv',
      'Risk;Sannolikhet;Konsekvens;Kontrollmoment;Slutdatum\nRisk med fel;9;2;Kontroll A;2027-01-01\nGod risk;1;2;Kontroll B;31/2 2027\nBra risk;1;1;Kontroll C;1 mars 2027\n',
    );
    const args = [file, '--tenant', 'malmo', '--unit', 'Grundskolenämnden', '--year', '2028'];
    const json = await run([...args, '--json']);
    expect(json.code).toBe(1);
    const printed = JSON.parse(json.out) as {
      created: Record<string, number>;
      errors: { row: number; column: string }[];
    };
    expect(printed.created.risks).toBe(0);
    expect(printed.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ sheet: null, row: 2, column: 'B' }),
        expect.objectContaining({ sheet: null, row: 3, column: 'E' }),
      ]),
    );
    const text = await run(args);
    expect(text.code).toBe(1);
    expect(text.err).toContain('B2: "9" passar inte riskmatrisen');
    expect(text.err).toContain('Inget har sparats');
    const valid = await run([...args, '--valid-rows-only', '--json']);
    expect(valid.code).toBe(0);
    // The risk of the row whose control has a bad date is itself valid, and is imported without it.
    expect(JSON.parse(valid.out).created).toMatchObject({ risks: 2, controls: 1 });
  });

  test('bad arguments and unknown names say what to do', async () => {
    const missing = await run(['--tenant', 'malmo']);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('the FILE to import is missing');
    expect(missing.err).toContain('--unit is missing');
    const file = csvFile('plan.csv', TABLE);
    const unknown = await run([file, '--tenant', 'malmo', '--unit', 'Finns inte', '--year', '2027']);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('No unit "Finns inte" in malmo');
    const kind = await run([
      file,
      '--tenant',
      'malmo',
      '--unit',
      'Grundskolenämnden',
      '--year',
      '2027',
      '--kind',
      'budget',
    ]);
    expect(kind.err).toContain('--kind must be internal-control or activity-plan');
  });
});
